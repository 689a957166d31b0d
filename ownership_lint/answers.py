"""Answers to "who owns what", as data: the owners of one path and why (`Ownership`), and how
many tracked files have an owner (`Coverage`). `queries` works them out; `report.ownership`
renders them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Ownership:
    """Who owns one path, and why."""

    path: str
    owners: list[str]
    line: int | None = None
    pattern: str | None = None
    source: str = ""
    # With the team mapping: the role and its responsibilities whose paths cover this path,
    # and the handles the platform requests reviews from (what generated CODEOWNERS says).
    role: str | None = None
    responsibilities: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    kind: str = "file"  # or "directory": the answer is for the directory itself

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "kind": self.kind,
            "owners": self.owners,
            "line": self.line,
            "pattern": self.pattern,
        }
        if self.role is not None or self.source.endswith("path-ownership"):
            data["role"] = self.role
            data["responsibilities"] = self.responsibilities
            data["handles"] = self.handles
        return data


@dataclass
class Coverage:
    source: str
    total: int
    unowned: list[str]
    per_owner: Counter[str]

    @property
    def owned(self) -> int:
        return self.total - len(self.unowned)

    @property
    def percent(self) -> float:
        """The share of files with an owner; 0 when there are no files (a gate fails closed:
        an empty file list is a mistake, not full coverage)."""
        return 100 * self.owned / self.total if self.total else 0.0

    def below(self, percent: float) -> bool:
        """True when fewer than `percent` % of the files have an owner (compared exactly)."""
        return self.owned * 100 < percent * self.total or (not self.total and percent > 0)
