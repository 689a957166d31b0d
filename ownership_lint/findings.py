"""Findings are plain data: what a rule found, where, and how to fix it; renderers only print."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

# 'team/roles/sre.yaml:9:5', 'line 12': positions inside messages, which move with edits.
_POSITION = re.compile(r":\d+(:\d+)?\b|\bline \d+")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A span in a file: 1-based lines and columns, repo-relative POSIX path."""

    path: str
    line: int = 1
    column: int = 1
    end_line: int = 0
    end_column: int = 0

    def __post_init__(self) -> None:
        # A point location ends where it starts.
        if self.end_line == 0:
            object.__setattr__(self, "end_line", self.line)
        if self.end_column == 0:
            object.__setattr__(self, "end_column", self.column)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Finding:
    code: str
    name: str
    severity: Severity
    location: Location
    message: str
    hint: str = ""
    # What the finding is about (a role id, a pattern...), when the message also carries
    # details that change over time (counts, days, other claimants).
    subject: str = ""
    # Other places that take part (the other claimants of a responsibility): SARIF's
    # relatedLocations, and a suppression at any of them covers the finding.
    related: tuple[Location, ...] = ()

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)

    def identity(self) -> str:
        """The rule, the file and the message without positions: what stays the same for
        this finding when lines are added above it (SARIF fingerprints, `check --base`)."""
        about = self.subject or _POSITION.sub("", self.message)
        return f"{self.code}\0{self.location.path}\0{about}"

    def to_dict(self) -> dict[str, object]:
        loc = self.location
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass(frozen=True)
class Skipped:
    """Selected checks that could not run, and why: a run whose checks did not all look is
    never reported as passed (every report format shows this notice)."""

    codes: tuple[str, ...]
    path: str  # the file they would have checked, repository-relative
    reason: str  # why they could not run, and what to do about it

    @property
    def message(self) -> str:
        return f"{', '.join(self.codes)} did not run on {self.path}: {self.reason}"

    def to_dict(self) -> dict[str, object]:
        return {"codes": list(self.codes), "path": self.path, "message": self.message}
