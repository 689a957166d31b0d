"""The team definition as typed data: what the cross-checks look at.

Every id that refers to something elsewhere is kept as a `Ref`, with the place it was written,
so a rule can point at the exact spot of a dangling or conflicting reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ownership_lint.codeowners.model import CodeownersFile, Owner
from ownership_lint.findings import Location


@dataclass(frozen=True)
class Ref:
    """An id (or handle, or pattern) as written at one place."""

    id: str
    location: Location


def owner_location(path: str, owner: Owner) -> Location:
    return Location(path, owner.line, owner.column, owner.line, owner.column + len(owner.text))


@dataclass(frozen=True)
class Claim:
    """A role's involvement in a responsibility; RACI 'A' (the default) means it owns it."""

    id: str
    raci: str
    location: Location

    @property
    def owns(self) -> bool:
        return self.raci == "A"


@dataclass(frozen=True)
class SectionSettings:
    """A role's GitLab section in generated CODEOWNERS (the role file's `gitlab:`)."""

    location: Location
    section: str = ""
    approvals: int = 0
    optional: bool = False
    default_owners: bool = False


@dataclass
class Role:
    id: str
    path: str
    location: Location
    title: str = ""
    seniority: str = ""
    handle: Ref | None = None
    members: list[Ref] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    tools: list[str] = field(default_factory=list)
    responsibilities: list[Claim] = field(default_factory=list)
    interfaces: list[Ref] = field(default_factory=list)
    gitlab: SectionSettings | None = None
    # False for a placeholder standing in for a role file that could not be read.
    loaded: bool = True

    def owned(self) -> list[Claim]:
        return [claim for claim in self.responsibilities if claim.owns]

    def handles(self) -> tuple[str, ...]:
        """Who the role is on the platform (generated CODEOWNERS, review requests): its
        `handle` (@org/team), else its members."""
        if self.handle is not None:
            return (self.handle.id,)
        return tuple(dict.fromkeys(ref.id for ref in self.members))


@dataclass
class Responsibility:
    id: str
    title: str
    area: str
    location: Location
    paths: list[Ref] = field(default_factory=list)


@dataclass
class Area:
    id: str
    title: str
    location: Location


@dataclass
class Department:
    id: str
    name: str
    location: Location


@dataclass
class Interface:
    id: str
    title: str
    department: str
    location: Location
    responsibility: Ref | None = None


@dataclass
class Policy:
    min_members_per_role: int = 1
    review_max_age_days: int = 180
    max_responsibilities_per_role: int | None = None


@dataclass
class Team:
    root_dir: str
    name: str = ""
    title: str = ""
    team_path: str = ""
    last_reviewed: Ref | None = None
    policy: Policy = field(default_factory=Policy)
    areas: list[Area] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    departments: list[Department] = field(default_factory=list)
    interfaces: list[Interface] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    # The path mapping (CODEOWNERS syntax, role ids as owners), parsed; None when absent.
    mapping_path: str | None = None
    mapping: CodeownersFile | None = None
    files: list[str] = field(default_factory=list)
    # Files that could not be read as data: what they define is unknown, so rules that report
    # something as missing or unused stay quiet rather than pile up consequences of one typo.
    unreadable: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.unreadable

    def role_ids(self) -> set[str]:
        return {role.id for role in self.roles}

    def responsibility_ids(self) -> set[str]:
        return {r.id for r in self.responsibilities}

    def interface_ids(self) -> set[str]:
        return {i.id for i in self.interfaces}

    def responsibility_owners(self) -> dict[str, list[Ref]]:
        """Responsibility id -> the roles that own it (RACI A), each as its role id and where
        it claims it; ids nobody owns are absent."""
        owners: dict[str, list[Ref]] = {}
        for role in self.roles:
            for claim in role.owned():
                owners.setdefault(claim.id, []).append(Ref(role.id, claim.location))
        return owners

    def interface_owners(self) -> dict[str, list[Ref]]:
        """Interface id -> the roles that own it, as for responsibilities."""
        owners: dict[str, list[Ref]] = {}
        for role in self.roles:
            for ref in role.interfaces:
                owners.setdefault(ref.id, []).append(Ref(role.id, ref.location))
        return owners
