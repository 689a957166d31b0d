"""The path mapping with each rule's role resolved to the handles CODEOWNERS names, refused
when any of it cannot be written (whatever the configuration says), and grouped into the
commented blocks both flavours render."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ownership_lint import mapping
from ownership_lint.catalogue.files import MISSING_FILE
from ownership_lint.catalogue.roster import UNSAFE_HANDLE
from ownership_lint.codeowners.model import Rule
from ownership_lint.errors import GenerationError
from ownership_lint.escape import visible
from ownership_lint.findings import Finding, Location
from ownership_lint.ownership import PathCoverage, literal_prefix

if TYPE_CHECKING:
    from ownership_lint.model import Ref, Role, Team

# Patterns that match every path: the mapping's default owner.
CATCH_ALL = frozenset({"*", "**", "/**", "**/*", "/**/*"})
ALIGN_MAX = 48


def _handle_refs(role: Role) -> list[Ref]:
    if role.handle is not None:
        return [role.handle]
    seen: dict[str, Ref] = {}
    for ref in role.members:
        seen.setdefault(ref.id, ref)
    return list(seen.values())


def _owner_problems(items: Sequence[MappedRule]) -> list[Finding]:
    """Every owner the file names must be exactly one owner token: anything else (a line
    break, a space, a leading `#`) would write rules or comments of its own. Checked here
    whatever the configuration and suppressions say (OL215 is an integrity check)."""
    from ownership_lint.codeowners.owners import is_owner_token

    findings: list[Finding] = []
    seen: set[str] = set()
    for item in items:
        if item.role is None or item.role.id in seen:
            continue
        seen.add(item.role.id)
        for ref in _handle_refs(item.role):
            if not is_owner_token(ref.id):
                findings.append(
                    UNSAFE_HANDLE.finding(
                        ref.location,
                        f"'{ref.id}' is not exactly one CODEOWNERS owner: role "
                        f"'{item.role.id}' cannot be written",
                        "write one handle per entry: @login, @org/team-name or an email, "
                        "without spaces, line breaks or control characters",
                    )
                )
    return findings


@dataclass(frozen=True)
class MappedRule:
    """One mapping rule with its role resolved: what generation renders."""

    rule: Rule
    role: Role | None  # None: the rule un-owns its paths
    handles: tuple[str, ...]
    serves: tuple[str, ...]  # ids of the role's responsibilities whose paths it overlaps
    prefix: tuple[str, ...]

    @property
    def role_id(self) -> str | None:
        return self.role.id if self.role is not None else None

    @property
    def catch_all(self) -> bool:
        return self.rule.pattern in CATCH_ALL


def resolve(team: Team) -> list[MappedRule]:
    """The mapping's rules with their roles; GenerationError when any cannot be rendered."""
    if team.mapping is None or team.mapping_path is None:
        raise GenerationError(
            [
                MISSING_FILE.finding(
                    Location(f"{team.root_dir}/path-ownership"),
                    "there is no path mapping (or it cannot be read) to generate CODEOWNERS from",
                    "write which role owns which paths in CODEOWNERS syntax, role ids as owners",
                )
            ]
        )
    problems = mapping.unusable(team)
    if problems:
        raise GenerationError(problems)
    roles = {role.id: role for role in team.roles}
    coverage = PathCoverage(team)
    out: list[MappedRule] = []
    for rule in team.mapping.rules:
        prefix = literal_prefix(rule.pattern)
        role = roles[rule.owners[0].text] if rule.owners else None
        if role is None:
            out.append(MappedRule(rule, None, (), (), prefix))
        else:
            out.append(
                MappedRule(rule, role, role.handles(), coverage.served(role.id, prefix), prefix)
            )
    problems = _owner_problems(out)
    if problems:
        raise GenerationError(problems)
    return out


def label(item: MappedRule) -> str:
    if item.role is None:
        return "nobody: these paths have no owner"
    role = visible(item.role.id)
    if item.catch_all:
        return f"{role}: default owner of everything no later rule gives away"
    if item.serves:
        return f"{role}: {visible(', '.join(item.serves))}"
    return f"{role}: (no responsibility of the role lists these paths)"


def align(rows: Sequence[tuple[str, str]]) -> list[str]:
    width = min(max((len(p) for p, o in rows if o), default=0), ALIGN_MAX)
    return [f"{p:<{width}}  {o}".rstrip() if o else p for p, o in rows]


def blocks(items: Sequence[MappedRule]) -> Iterator[tuple[str, list[MappedRule]]]:
    current: list[MappedRule] = []
    current_label = ""
    for item in items:
        this = label(item)
        if current and this != current_label:
            yield current_label, current
            current = []
        current_label = this
        current.append(item)
    if current:
        yield current_label, current
