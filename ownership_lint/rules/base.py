"""What every check is: the logic that finds one code's findings. What the code means (its
name, default severity, explanation, examples, whether it is opt-in or an integrity check)
is its entry in `ownership_lint.catalogue`, which `meta` names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal, TypeVar

from ownership_lint.catalogue import Code
from ownership_lint.findings import Finding

if TYPE_CHECKING:
    from ownership_lint.codeowners.analysis import Analysis
    from ownership_lint.codeowners.model import CodeownersFile
    from ownership_lint.config import Config
    from ownership_lint.model import Team


class Check:
    # Its code, name, default severity and flags: `self.meta.finding(...)` builds a finding.
    meta: ClassVar[Code]


@dataclass(frozen=True)
class Context:
    """What a cross-check may need besides the team, kept apart so that tests can pin it."""

    today: dt.date
    # The repository root, for rules that compare team/ with files generated from it.
    root: Path | None = None
    # The configuration in force (documents' paths and language, ...); defaults when None.
    config: Config | None = None


class CrossCheck(Check):
    """A check that looks at the whole loaded team definition."""

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


class PathCheck(Check):
    """A check that looks at one CODEOWNERS-like file."""

    kinds: ClassVar[tuple[str, ...]] = ("mapping", "codeowners")

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        raise NotImplementedError


_REGISTRY: dict[str, type[Check]] = {}


C = TypeVar("C", bound=type[Check])


def register(check: C) -> C:
    code = check.meta.code
    if code in _REGISTRY:
        raise ValueError(f"two checks for {code}")
    _REGISTRY[code] = check
    return check


def registry() -> dict[str, type[Check]]:
    return _REGISTRY
