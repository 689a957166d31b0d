"""What a change does to ownership, as data: the responsibilities, interfaces, roles and
members that change, files changing owner, new files without an owner, and who must review.
`diff` works it out from two revisions; `report.ownership_diff` renders it."""

from __future__ import annotations

from dataclasses import dataclass, field

FAIL_ON = ("ownership-change", "unowned-new-files", "role-removed", "member-removed")


@dataclass
class Change:
    """One responsibility or interface whose owning roles differ."""

    subject: str
    old: list[str]
    new: list[str]


@dataclass
class FileMove:
    old: tuple[str, ...]
    new: tuple[str, ...]
    count: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class Reviewer:
    handle: str
    reasons: list[str] = field(default_factory=list)


@dataclass
class OwnershipDiff:
    base: str
    head: str
    responsibilities: list[Change] = field(default_factory=list)
    interfaces: list[Change] = field(default_factory=list)
    roles_added: list[str] = field(default_factory=list)
    roles_removed: list[str] = field(default_factory=list)
    members_added: dict[str, list[str]] = field(default_factory=dict)
    members_removed: dict[str, list[str]] = field(default_factory=dict)
    file_moves: list[FileMove] = field(default_factory=list)
    unowned_new_files: list[str] = field(default_factory=list)
    reviewers: list[Reviewer] = field(default_factory=list)

    @property
    def files_changing_owner(self) -> int:
        return sum(move.count for move in self.file_moves)

    def kinds(self) -> set[str]:
        """The --fail-on kinds of change present."""
        kinds = set()
        if self.responsibilities or self.interfaces or self.file_moves:
            kinds.add("ownership-change")
        if self.unowned_new_files:
            kinds.add("unowned-new-files")
        if self.roles_removed:
            kinds.add("role-removed")
        if self.members_removed:
            kinds.add("member-removed")
        return kinds

    @property
    def empty(self) -> bool:
        return not (self.kinds() or self.roles_added or self.members_added)
