"""What every rule is: a stable code, a name, a default severity and a docstring explaining it.

A rule may also carry executable examples: files that, laid over the small example team in
`ownership_lint.rules.examples`, make it fire (`example_fail`) or keep it quiet (`example_pass`).
`ownership-lint explain CODE` prints them and the test suite runs them.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal, TypeVar

from ownership_lint.findings import Finding, Location, Severity

if TYPE_CHECKING:
    from ownership_lint.codeowners.analysis import Analysis
    from ownership_lint.codeowners.model import CodeownersFile
    from ownership_lint.config import Config
    from ownership_lint.model import Team


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    # Runs only when selected by its exact code (or a flag such as --unowned).
    opt_in: ClassVar[bool] = False
    # An integrity check guards what a generated CODEOWNERS file grants: it always runs, and
    # no configuration (`select`, `ignore`, `severity`), inline suppression or `--base`
    # ratchet drops or downgrades its findings. The repository under check is hostile.
    integrity: ClassVar[bool] = False
    # Files relative to the repository root; None removes the file from the example team.
    example_fail: ClassVar[Mapping[str, str | None]] = {}
    example_pass: ClassVar[Mapping[str, str | None]] = {}

    @classmethod
    def summary(cls) -> str:
        first_paragraph = cls.doc().split("\n\n", 1)[0]
        return " ".join(first_paragraph.split())

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.name)

    @classmethod
    def finding(
        cls,
        location: Location,
        message: str,
        hint: str = "",
        severity: Severity | None = None,
        subject: str = "",
        related: tuple[Location, ...] = (),
    ) -> Finding:
        return Finding(
            code=cls.code,
            name=cls.name,
            severity=severity or cls.severity,
            location=location,
            message=message,
            hint=hint,
            subject=subject,
            related=related,
        )


@dataclass(frozen=True)
class Context:
    """What a cross-check may need besides the team, kept apart so that tests can pin it."""

    today: dt.date
    # The repository root, for rules that compare team/ with files generated from it.
    root: Path | None = None
    # The configuration in force (documents' paths and language, ...); defaults when None.
    config: Config | None = None


class CrossCheck(Rule):
    """A rule that looks at the whole loaded team definition."""

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


@dataclass
class RulesFile:
    """A CODEOWNERS-like file under check: the team's path mapping or a real CODEOWNERS."""

    path: str  # repository-relative
    parsed: CodeownersFile
    kind: Literal["mapping", "codeowners"]
    size: int = 0
    # What the file does to the tracked files; None when they are not known (not in git).
    analysis: Analysis | None = None
    # Lower-cased handles of the team's roster, when a team definition exists.
    roster: frozenset[str] | None = None


class PathCheck(Rule):
    """A rule that looks at one CODEOWNERS-like file."""

    kinds: ClassVar[tuple[str, ...]] = ("mapping", "codeowners")
    # Runs only when the tracked files are known (git's index, or --paths-from).
    needs_tracked_files: ClassVar[bool] = False

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        raise NotImplementedError


_REGISTRY: dict[str, type[Rule]] = {}


R = TypeVar("R", bound=type[Rule])


def register(rule: R) -> R:
    if rule.code in _REGISTRY:
        raise ValueError(f"duplicate rule code {rule.code}")
    _REGISTRY[rule.code] = rule
    return rule


def registry() -> dict[str, type[Rule]]:
    return _REGISTRY
