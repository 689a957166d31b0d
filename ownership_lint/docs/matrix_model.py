"""The responsibility assignment matrix as data: responsibilities (by area) and interfaces (by
department) down, roles across, the owner and RACI letters in the cells; a row with no owner
is a gap, a row with two or more owners a conflict. Built in time linear in its cells, and
refused beyond MAX_CELLS."""

from __future__ import annotations

from dataclasses import dataclass, field

from ownership_lint.docs.document import ordered_roles
from ownership_lint.model import Team

OK, GAP, CONFLICT = "ok", "gap", "conflict"
LEGEND = (
    "A: owns it (accountable), exactly one per row; R: responsible (does the work); "
    "C: consulted; I: informed."
)


@dataclass
class Row:
    id: str
    title: str
    # One entry per role column: "", "A", "R", "C" or "I" ("A" twice is not possible per role).
    cells: list[str]

    @property
    def owners(self) -> int:
        return sum(1 for cell in self.cells if cell == "A")

    @property
    def status(self) -> str:
        return GAP if self.owners == 0 else CONFLICT if self.owners > 1 else OK


@dataclass
class Group:
    title: str
    kind: str  # "area" or "department"
    rows: list[Row] = field(default_factory=list)


@dataclass
class Matrix:
    title: str
    roles: list[tuple[str, str]]  # (id, title)
    groups: list[Group]

    def rows(self) -> list[Row]:
        return [row for group in self.groups for row in group.rows]

    def counts(self) -> tuple[int, int]:
        rows = self.rows()
        return (
            sum(1 for r in rows if r.status == GAP),
            sum(1 for r in rows if r.status == CONFLICT),
        )


# Beyond this many cells (roles x rows) the matrix is refused rather than rendered: nobody
# reads it, and a hostile team/ must not make `check` spend minutes and gigabytes on it.
MAX_CELLS = 250_000


class MatrixTooLarge(Exception):
    """The team is too large for a matrix: the message says how large, and the limit."""


def matrix_cells(team: Team) -> int:
    """How many cells the matrix of `team` has: roles x (responsibilities + interfaces)."""
    roles = sum(1 for role in team.roles if role.loaded)
    return roles * (len(team.responsibilities) + len(team.interfaces))


def check_size(team: Team) -> None:
    """MatrixTooLarge when the matrix would have more than MAX_CELLS cells."""
    cells = matrix_cells(team)
    if cells > MAX_CELLS:
        roles = sum(1 for role in team.roles if role.loaded)
        rows = len(team.responsibilities) + len(team.interfaces)
        raise MatrixTooLarge(
            f"the matrix would have {cells:,} cells ({roles:,} roles x {rows:,} "
            f"responsibilities and interfaces); ownership-lint renders at most {MAX_CELLS:,}"
        )


def build_matrix(team: Team) -> Matrix:
    """The matrix of `team`, in time linear in its cells. MatrixTooLarge beyond MAX_CELLS."""
    check_size(team)
    roles = ordered_roles(team)
    # One look-up per cell: each role's letter per responsibility, interfaces it owns.
    letters: list[dict[str, str]] = []
    owned_interfaces: list[set[str]] = []
    for role in roles:
        mine: dict[str, str] = {}
        for claim in role.responsibilities:
            if claim.raci == "A" or claim.id not in mine:
                mine[claim.id] = claim.raci
        letters.append(mine)
        owned_interfaces.append({ref.id for ref in role.interfaces})
    by_area: dict[str, list[Row]] = {}
    for resp in team.responsibilities:
        cells = [mine.get(resp.id, "") for mine in letters]
        by_area.setdefault(resp.area, []).append(Row(resp.id, resp.title or resp.id, cells))
    by_department: dict[str, list[Row]] = {}
    for iface in team.interfaces:
        cells = ["A" if iface.id in owned else "" for owned in owned_interfaces]
        row = Row(iface.id, iface.title or iface.id, cells)
        by_department.setdefault(iface.department, []).append(row)
    groups = [Group(area.title or area.id, "area", by_area.get(area.id, [])) for area in team.areas]
    groups += [
        Group(dept.name or dept.id, "department", by_department.get(dept.id, []))
        for dept in team.departments
    ]
    title = team.title or team.name or "Team"
    return Matrix(title, [(r.id, r.title or r.id) for r in roles], groups)


def status_text(row: Row) -> str:
    if row.status == GAP:
        return "\u26a0\ufe0f gap: no owner"
    if row.status == CONFLICT:
        return f"\u26a0\ufe0f conflict: {row.owners} owners"
    return "\u2714\ufe0f"


def group_label(group: Group) -> str:
    return group.title if group.kind == "area" else f"Interface with {group.title}"
