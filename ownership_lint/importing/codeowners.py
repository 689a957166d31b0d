"""Bootstrap team/ from an existing CODEOWNERS file (GitHub or GitLab).

One role per distinct set of owners (compared without case or order), named after them
(`@acme/docs` -> `docs`, `@ann @bob` -> `ann-bob`); its members are the handles, and a single
`@org/team` (a GitLab `@group/subgroup`) is also the role's handle. Owners that request nobody
(malformed tokens, placeholders such as `you@example.com`) are reported and left out.

GitHub: the path mapping keeps every pattern, in order, with the role id in place of the
owners; comments and blank lines are kept, lines the platform rejects are kept as comments
and reported. GitLab adds up the owners of every section that matches a path, so each path's
role is the set of all its owners and the mapping lists where the sections overlap
(`importing.gitlab`). Each role owns one responsibility listing the paths it is given (those
a later rule takes from it entirely are left out, as OL311 asks), so that the result passes
`ownership-lint check` and generating CODEOWNERS from it gives every path the owners it had.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ownership_lint.codeowners.model import CodeownersFile, Dialect, Owner, Rule
from ownership_lint.codeowners.owners import owner_kind
from ownership_lint.escape import visible
from ownership_lint.findings import Finding, Location, Severity
from ownership_lint.importing.text import slug, yaml_scalar

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ownership_lint.model import Team

AREA = "imported"
_ALIGN_MAX = 48


class ImportFailed(Exception):
    """The import cannot be done as asked (team/ exists, a GitLab file...): exit 2."""


@dataclass
class RolePlan:
    id: str
    title: str
    owners: tuple[str, ...]
    handle: str | None
    first_line: int
    patterns: list[str] = field(default_factory=list)
    rules: int = 0
    # The patterns its responsibility lists: all but those a later rule takes entirely.
    listed: list[str] = field(default_factory=list)

    @property
    def responsibility(self) -> str:
        return f"{AREA}.{self.id}"


@dataclass
class ImportPlan:
    source: str
    team_dir: str
    # Paths relative to the team directory -> file contents.
    files: dict[str, str]
    roles: list[RolePlan]
    rules: int
    findings: list[Finding]
    dialect: Dialect = "github"
    # What the import could not carry over, in words (GitLab section settings...).
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MappingRule:
    """One rule of the mapping to write: a pattern and the owners it gives (none: it takes
    the paths from everyone), with the source lines it comes from."""

    pattern: str
    owners: tuple[str, ...]
    lines: tuple[int, ...]


def _owner_name(owner: str) -> str:
    if owner.startswith("@"):
        return owner[1:].rsplit("/", 1)[-1]
    if "@" in owner:
        return owner.split("@", 1)[0]
    return owner


def role_name(owners: tuple[str, ...]) -> str:
    parts = [(slug(_owner_name(o)) or "owner") for o in owners]
    name = (
        "-".join(parts) if len(parts) <= 3 else "-".join(parts[:2]) + f"-and-{len(parts) - 2}-more"
    )
    if len(name) > 48:
        name = name[:48].rsplit("-", 1)[0] if "-" in name[:48] else name[:48]
    return name.strip("-") or "owner"


def _title(owners: tuple[str, ...]) -> str:
    # A title is one line of text (the schema says so): owners shown, escapes visible.
    shown = ", ".join(visible(owner) for owner in owners[:3])
    return shown + (f" and {len(owners) - 3} more" if len(owners) > 3 else "")


def _key(owners: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({o.casefold() for o in owners}))


def _unique(owners: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for owner in owners:
        seen.setdefault(owner.casefold(), owner)
    return tuple(seen.values())


def usable(owner: str, dialect: Dialect) -> bool:
    """An owner the platform requests a review from, and a role can have as a member: not a
    malformed token, not a placeholder, not a GitLab `@@role`."""
    from ownership_lint.rules.roster import placeholder

    kind = owner_kind(owner, dialect)
    return kind in ("user", "team", "group", "email") and not placeholder(owner)


def plan_roles(
    rules: Sequence[MappingRule], dialect: Dialect = "github"
) -> tuple[list[RolePlan], list[RolePlan | None]]:
    """The roles, in order of first use, and the role of each rule (None: no owner)."""
    by_key: dict[tuple[str, ...], RolePlan] = {}
    taken: set[str] = set()
    of_rule: list[RolePlan | None] = []
    for rule in rules:
        owners = _unique(rule.owners)
        if not owners:
            of_rule.append(None)
            continue
        key = _key(owners)
        role = by_key.get(key)
        if role is None:
            base = role_name(owners)
            name, n = base, 1
            while name in taken:
                n += 1
                name = f"{base}-{n}"
            taken.add(name)
            kinds = {owner_kind(owners[0], dialect)}
            single_team = len(owners) == 1 and kinds & {"team", "group"}
            line = rule.lines[0] if rule.lines else 0
            role = RolePlan(name, _title(owners), owners, owners[0] if single_team else None, line)
            by_key[key] = role
        role.rules += 1
        if rule.pattern not in role.patterns:
            role.patterns.append(rule.pattern)
        of_rule.append(role)
    return list(by_key.values()), of_rule


def _listed(roles: Sequence[RolePlan], mapping: CodeownersFile) -> None:
    """Each role's `listed` patterns: those whose paths the mapping really gives it. A
    pattern a later rule of another role (or of nobody) takes entirely is left out, and so is
    one that would claim such a rule's paths: OL311's own comparison, repeated until it holds
    (a removal can only reveal a less specific claim, so this ends within the paths' depth)."""
    from ownership_lint.model import Ref
    from ownership_lint.rules.consistency import PathClaim, mismatches

    nowhere = Location("")
    claims = [
        PathClaim(role.responsibility, role.id, Ref(pattern, nowhere))
        for role in roles
        for pattern in role.patterns
    ]
    while True:
        wrong = {id(found.claim) for found in mismatches(mapping, claims)}
        if not wrong:
            break
        claims = [claim for claim in claims if id(claim) not in wrong]
    kept: dict[str, list[str]] = {}
    for claim in claims:
        kept.setdefault(claim.role, []).append(claim.ref.id)
    for role in roles:
        role.listed = kept.get(role.id, [])


def _emit(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                lines.append(f"{pad}{key}: {yaml_scalar(item)}")
            elif not item:
                lines.append(f"{pad}{key}: []")
            else:
                lines.append(f"{pad}{key}:")
                lines += _emit(item, indent + 2)
    else:
        for item in value:
            if isinstance(item, str):
                lines.append(f"{pad}- {yaml_scalar(item)}")
            else:
                inner = _emit(item, indent + 2)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines += inner[1:]
    return lines


def _yaml(data: dict[str, Any], comments: list[str]) -> str:
    """Block-style YAML of strings, lists and mappings (PyYAML's emitter is too slow for
    thousands of roles), every string that YAML could misread quoted."""
    return "".join(f"# {visible(c)}\n" for c in comments) + "\n".join(_emit(data, 0)) + "\n"


def _mapping_text(
    text: str,
    parsed: CodeownersFile,
    of_rule: Sequence[RolePlan | None],
    source: str,
    today: str,
) -> str:
    rules: dict[int, Rule] = {rule.line: rule for rule in parsed.rules}
    problems = {p.line: p for p in parsed.problems}
    width = min(max((len(r.pattern) for r in parsed.rules), default=0), _ALIGN_MAX)
    out = [
        f"# Which role owns which paths: CODEOWNERS syntax, role ids as owners. Imported from "
        f"{visible(source)} on {today}.",
        "# Not a CODEOWNERS file: `ownership-lint codeowners generate` renders the real one.",
        "",
    ]
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        rule = rules.get(number)
        if rule is not None:
            role = of_rule[rule.index]
            end = rule.end_column - 1
            if rule.owners:
                last = rule.owners[-1]
                end = last.column - 1 + len(last.text)
            rest = line[end:].strip()
            entry = f"{rule.pattern:<{width}}  {role.id}" if role else rule.pattern
            out.append(entry + (f"  {rest}" if rest.startswith("#") else ""))
        elif number in problems:
            out.append(f"# not imported ({problems[number].message}): {line}")
        else:
            out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def _owners_of(rule: Rule, dialect: Dialect) -> tuple[str, ...]:
    return tuple(o.text for o in rule.effective_owners if usable(o.text, dialect))


def _left_out(parsed: CodeownersFile, source: str) -> list[Finding]:
    """Owners that are well formed but request nobody: placeholders, GitLab `@@roles`."""
    from ownership_lint.catalogue.roster import PLACEHOLDER_HANDLE
    from ownership_lint.model import owner_location
    from ownership_lint.rules.roster import placeholder

    owners: list[Owner] = [o for section in parsed.sections for o in section.default_owners]
    owners += [o for rule in parsed.rules for o in rule.owners]
    found = []
    for owner in owners:
        kind = owner_kind(owner.text, parsed.dialect)
        if kind is not None and placeholder(owner.text):
            found.append(
                PLACEHOLDER_HANDLE.finding(
                    owner_location(source, owner),
                    f"'{owner.text}' is a placeholder, not an owner: it is not imported",
                    "replace it in the source with the real owner, or remove it",
                )
            )
        elif kind == "role":
            found.append(
                PLACEHOLDER_HANDLE.finding(
                    owner_location(source, owner),
                    f"'{owner.text}' (a GitLab role) cannot be a member of a team role: it is "
                    "not imported",
                    "add the people or group it stands for to the imported role",
                    severity=Severity.WARNING,
                )
            )
    return found


def _github_rules(parsed: CodeownersFile) -> list[MappingRule]:
    return [
        MappingRule(rule.pattern, _owners_of(rule, "github"), (rule.line,)) for rule in parsed.rules
    ]


def _gitlab_rules(
    parsed: CodeownersFile, tracked: Sequence[str] | None
) -> tuple[list[MappingRule], list[str]]:
    from ownership_lint.importing.gitlab import (
        Unrepresentable,
        directories,
        fold,
        github_entries,
    )

    try:
        entries = fold(parsed, lambda rule: _owners_of(rule, "gitlab"))
        rendered = github_entries(entries, directories(tracked) if tracked else None)
    except Unrepresentable as err:
        raise ImportFailed(
            f"this GitLab file cannot be written as a path mapping: {err}; simplify the "
            "rule, or import a copy without it"
        ) from None
    rules = [MappingRule(text, entry.owners, entry.lines) for text, entry in rendered]
    notes = []
    settings = [s for s in parsed.sections if s.approvals or s.optional]
    if settings:
        names = ", ".join(dict.fromkeys(f"[{s.name}]" for s in settings))
        notes.append(
            f"section settings (approvals, optional sections) are not imported: {names}; set "
            "`gitlab:` in the role files to ask for them"
        )
    return rules, notes


def _gitlab_mapping_text(
    parsed: CodeownersFile,
    rules: Sequence[MappingRule],
    of_rule: Sequence[RolePlan | None],
    source: str,
    today: str,
) -> str:
    sections = {r.line: r.section.name for r in parsed.rules if r.section is not None}
    width = min(max((len(r.pattern) for r in rules), default=0), _ALIGN_MAX)
    role_width = max((len(r.id) for r in of_rule if r is not None), default=0)
    out = [
        f"# Which role owns which paths: CODEOWNERS syntax, role ids as owners. Imported from "
        f"{source} (GitLab) on {today}.",
        "# Not a CODEOWNERS file: `ownership-lint codeowners generate --flavor gitlab` renders "
        "the real one.",
        "# GitLab adds up the owners of every section matching a path; here each path has one",
        "# role, all its owners, and the last matching rule wins. Each rule says which lines of",
        "# the source it comes from.",
        "",
    ]
    for rule, role in zip(rules, of_rule, strict=True):
        origin = ", ".join(
            f"{n} [{sections[n]}]" if n in sections else str(n) for n in dict.fromkeys(rule.lines)
        )
        where = f"# line{'s' if len(set(rule.lines)) > 1 else ''} {origin}"
        if role is None:
            out.append(f"{rule.pattern:<{width}}  {'':<{role_width}}  {where}  (no owner)")
        else:
            out.append(f"{rule.pattern:<{width}}  {role.id:<{role_width}}  {where}")
    return "\n".join(out) + "\n"


def plan_import(
    text: str,
    parsed: CodeownersFile,
    *,
    source: str,
    team_dir: str = "team",
    name: str = "imported",
    today: dt.date | None = None,
    tracked: Sequence[str] | None = None,
) -> ImportPlan:
    """The files of the new team directory; nothing is written. `tracked` (the repository's
    files, when known) tells a GitLab import which names are directories."""
    from ownership_lint.codeowners.parse import parse
    from ownership_lint.rules.base import RulesFile
    from ownership_lint.rules.paths import InvalidLine, MalformedOwner

    day = (today or dt.date.today()).isoformat()
    notes: list[str] = []
    if parsed.dialect == "gitlab":
        rules, notes = _gitlab_rules(parsed, tracked)
        roles, of_rule = plan_roles(rules, "gitlab")
        mapping_text = _gitlab_mapping_text(parsed, rules, of_rule, source, day)
    else:
        rules = _github_rules(parsed)
        roles, of_rule = plan_roles(rules, "github")
        mapping_text = _mapping_text(text, parsed, of_rule, source, day)
    _listed(roles, parse(mapping_text, "github"))
    files: dict[str, str] = {}
    files["team.yaml"] = _yaml(
        {
            "name": slug(name) or "team",
            "title": f"{name} team",
            "description": f"Imported from {source} on {day}: one role per set of owners. "
            "Rename the roles, describe their responsibilities and review this file.",
            "last_reviewed": day,
        },
        ["The team, imported from CODEOWNERS. Edit here, then run `ownership-lint check`."],
    )
    responsibilities = []
    for role in roles:
        entry: dict[str, Any] = {"id": role.responsibility, "title": f"Paths of {role.title}"}
        left_out = len(role.patterns) - len(role.listed)
        if left_out:
            entry["description"] = (
                f"{left_out} more pattern(s) of these owners are not listed: later rules give "
                "all their paths to other owners (see `ownership-lint check`, OL308)."
            )
        entry["paths"] = role.listed
        responsibilities.append(entry)
    catalogue: dict[str, Any] = {
        "areas": [
            {
                "id": AREA,
                "title": f"Imported from {source}",
                "responsibilities": responsibilities
                or [{"id": f"{AREA}.unassigned", "title": "Nothing was owned"}],
            }
        ]
    }
    files["responsibilities.yaml"] = _yaml(
        catalogue,
        [
            "What the team owns. Imported: each role owns the paths CODEOWNERS gave its owners;",
            "split these into real responsibilities (pipelines, alerts, ...) as you go.",
        ],
    )
    for role in roles:
        data: dict[str, Any] = {"id": role.id, "title": role.title}
        if role.handle is not None:
            data["handle"] = role.handle
        data["members"] = list(role.owners)
        data["responsibilities"] = [role.responsibility]
        files[f"roles/{role.id}.yaml"] = _yaml(
            data,
            [
                f"Imported from {source}: the owners of {role.rules} rule(s), first on line "
                f"{role.first_line}.",
                "Rename the role freely: the file name, `id`, and its uses in path-ownership.",
            ],
        )
    files["path-ownership"] = mapping_text
    rules_file = RulesFile(source, parsed, "codeowners")
    findings = [
        *InvalidLine().check(rules_file),
        *MalformedOwner().check(rules_file),
        *_left_out(parsed, source),
    ]
    findings.sort(key=Finding.sort_key)
    return ImportPlan(
        source, team_dir, files, roles, len(parsed.rules), findings, parsed.dialect, notes
    )


def import_codeowners(
    root: Path,
    file: Path,
    *,
    team_dir: str = "team",
    name: str | None = None,
    today: dt.date | None = None,
    dialect: Dialect | None = None,
    tracked: Sequence[str] | None = None,
) -> ImportPlan:
    """Read a CODEOWNERS file and plan the team directory that reproduces it. `tracked`
    defaults to git's index (a GitLab import asks which names are directories)."""
    from ownership_lint.linting import git_files
    from ownership_lint.loading.codeowners import load_codeowners

    loaded = load_codeowners(root, file, dialect)
    if loaded.findings:  # merge-conflict markers: the file is not what anyone meant
        first = loaded.findings[0]
        raise ImportFailed(f"{first.location}: {first.message}; resolve it, then import")
    if not loaded.parsed.rules:
        raise ImportFailed(f"'{loaded.path}' has no rules: there is no ownership to import")
    if tracked is None and loaded.parsed.dialect == "gitlab":
        tracked = git_files(root)
    return plan_import(
        loaded.text,
        loaded.parsed,
        source=loaded.path,
        team_dir=team_dir,
        name=name or root.resolve().name,
        today=today,
        tracked=tracked,
    )


def write_team(
    root: Path, plan: ImportPlan, *, force: bool = False, schemas_dir: str = "schemas"
) -> Path:
    """Write the planned team directory in one step (fileio.write_directory): with `force`,
    the old directory is replaced only once the new one is complete. Each YAML file gets the
    `$schema` line of its kind, and the schemas are written to `root/schemas_dir`."""
    from ownership_lint import schema_files
    from ownership_lint.fileio import write_directory

    base = root / plan.team_dir
    if base.exists() and not force:
        raise ImportFailed(
            f"'{plan.team_dir}/' already exists: pass --force to replace it, or --team-dir "
            "to import elsewhere"
        )
    schema_files.plan(root, schemas_dir)  # refuses before anything is written
    text = schema_files.with_modelines(plan.files, plan.team_dir, schemas_dir)
    write_directory(
        base, {rel: t.encode("utf-8") for rel, t in text.items()}, root=root, replace=force
    )
    schema_files.write(root, schemas_dir)
    return base


def plan_team(plan: ImportPlan) -> Team:
    """The team the plan describes, as the model, without writing or reading YAML: what
    `load_team` gives once the plan is written (positions aside)."""
    from ownership_lint.codeowners.parse import parse
    from ownership_lint.model import Claim, Ref, Responsibility, Role, Team

    where = Location(f"{plan.team_dir}/responsibilities.yaml")
    team = Team(root_dir=plan.team_dir)
    for role in plan.roles:
        path = f"{plan.team_dir}/roles/{role.id}.yaml"
        at = Location(path)
        team.responsibilities.append(
            Responsibility(
                role.responsibility,
                f"Paths of {role.title}",
                AREA,
                where,
                [Ref(p, where) for p in role.listed],
            )
        )
        team.roles.append(
            Role(
                id=role.id,
                path=path,
                location=at,
                title=role.title,
                handle=Ref(role.handle, at) if role.handle else None,
                members=[Ref(o, at) for o in role.owners],
                responsibilities=[Claim(role.responsibility, "A", at)],
            )
        )
    team.roles.sort(key=lambda r: r.id)
    team.mapping_path = f"{plan.team_dir}/path-ownership"
    team.mapping = parse(plan.files["path-ownership"], "github")
    return team
