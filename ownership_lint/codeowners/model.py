"""Plain, frozen data describing a parsed CODEOWNERS file.

Positions are 1-based. ``column`` is the first character of a token and ``end_column`` is
exclusive (the column just after its last character, as in SARIF), counted in code points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Dialect = Literal["github", "gitlab"]
DIALECTS: tuple[Dialect, ...] = ("github", "gitlab")
DIALECT_NAMES: dict[Dialect, str] = {"github": "GitHub", "gitlab": "GitLab"}

# GitLab's name for the section of the rules before any header (``Section::DEFAULT``); a
# header of that name re-opens it.
DEFAULT_SECTION = "codeowners"


@dataclass(frozen=True)
class Owner:
    """One owner token exactly as written (``@user``, ``@org/team``, an email, a role id...)."""

    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Section:
    """A GitLab section header: ``[Name]``, ``^[Name]``, ``[Name][2] @default @owners``.

    ``name`` is the section the header opens, as GitLab names it: the first spelling of a
    name seen without case (see :func:`ownership_lint.codeowners.parse.parse`).
    ``pattern_like`` is true when the header goes on right after its ``]`` with something
    that is no owner (``[ab]/*``, ``[Tt]ests/``): probably a pattern that GitLab reads as a
    section header.
    """

    name: str
    line: int
    column: int
    optional: bool = False
    approvals: int = 0
    default_owners: tuple[Owner, ...] = ()
    pattern_like: bool = False

    @property
    def key(self) -> str | None:
        """The section's rules combine by this key; None for GitLab's default section."""
        return None if self.name == DEFAULT_SECTION else self.name


@dataclass(frozen=True)
class Rule:
    """One pattern line.

    ``pattern`` is the pattern as written (escapes kept); for a GitLab exclusion the leading
    ``!`` is not part of it and ``negated`` is true. ``line[column-1:end_column-1]`` is the
    pattern. ``index`` is the rule's position in :attr:`CodeownersFile.rules`.
    """

    pattern: str
    line: int
    column: int
    end_column: int
    owners: tuple[Owner, ...]
    section: Section | None = None
    negated: bool = False
    index: int = 0

    @property
    def section_key(self) -> str | None:
        """The (GitLab) section the rule belongs to; None for the default section."""
        return None if self.section is None else self.section.key

    @property
    def effective_owners(self) -> tuple[Owner, ...]:
        """The owners this rule assigns: its own, else (GitLab) its section's default owners."""
        if self.owners or self.negated:
            return self.owners if not self.negated else ()
        if self.section is not None:
            return self.section.default_owners
        return ()


@dataclass(frozen=True)
class Problem:
    """A line (or part of one) the platform would reject; see ``kind`` for the stable id."""

    line: int
    column: int
    end_column: int
    kind: str
    message: str
    hint: str = ""  # how to write the line instead, when there is one


@dataclass
class CodeownersFile:
    """The result of :func:`ownership_lint.codeowners.parse.parse`."""

    rules: list[Rule] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    dialect: Dialect = "github"
