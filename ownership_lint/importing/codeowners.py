"""Bootstrap team/ from an existing (GitHub) CODEOWNERS file.

One role per distinct set of owners (compared without case or order), named after them
(`@acme/docs` -> `docs`, `@ann @bob` -> `ann-bob`); its members are the handles, and a single
`@org/team` is also the role's handle. The path mapping keeps every pattern, in order, with
the role id in place of the owners; comments and blank lines are kept, lines the platform
rejects are kept as comments and reported. Each role owns one responsibility listing the
patterns it was given, so that the result passes `ownership-lint check` and generating
CODEOWNERS from it gives every path the owners it had.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ownership_lint.codeowners.model import CodeownersFile, Rule
from ownership_lint.codeowners.owners import owner_kind
from ownership_lint.escape import visible
from ownership_lint.findings import Finding, Location
from ownership_lint.importing.text import slug, yaml_scalar

if TYPE_CHECKING:
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


def plan_roles(parsed: CodeownersFile) -> tuple[list[RolePlan], dict[int, RolePlan]]:
    """The roles, in order of first use, and the role of each rule (by rule index)."""
    by_key: dict[tuple[str, ...], RolePlan] = {}
    taken: set[str] = set()
    of_rule: dict[int, RolePlan] = {}
    for rule in parsed.rules:
        owners = _unique(tuple(o.text for o in rule.owners))
        if not owners:
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
            single_team = len(owners) == 1 and owner_kind(owners[0], "github") == "team"
            role = RolePlan(
                name, _title(owners), owners, owners[0] if single_team else None, rule.line
            )
            by_key[key] = role
        role.rules += 1
        if rule.pattern not in role.patterns:
            role.patterns.append(rule.pattern)
        of_rule[rule.index] = role
    return list(by_key.values()), of_rule


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
    text: str, parsed: CodeownersFile, of_rule: dict[int, RolePlan], source: str, today: str
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
            role = of_rule.get(rule.index)
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


def plan_import(
    text: str,
    parsed: CodeownersFile,
    *,
    source: str,
    team_dir: str = "team",
    name: str = "imported",
    today: dt.date | None = None,
) -> ImportPlan:
    """The files of the new team directory; nothing is written."""
    from ownership_lint.rules.base import RulesFile
    from ownership_lint.rules.paths import InvalidLine, MalformedOwner

    day = (today or dt.date.today()).isoformat()
    roles, of_rule = plan_roles(parsed)
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
    responsibilities = [
        {
            "id": role.responsibility,
            "title": f"Paths of {role.title}",
            "paths": role.patterns,
        }
        for role in roles
    ]
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
    files["path-ownership"] = _mapping_text(text, parsed, of_rule, source, day)
    rules_file = RulesFile(source, parsed, "codeowners")
    findings = [*InvalidLine().check(rules_file), *MalformedOwner().check(rules_file)]
    findings.sort(key=Finding.sort_key)
    return ImportPlan(source, team_dir, files, roles, len(parsed.rules), findings)


def import_codeowners(
    root: Path,
    file: Path,
    *,
    team_dir: str = "team",
    name: str | None = None,
    today: dt.date | None = None,
) -> ImportPlan:
    """Read a GitHub CODEOWNERS file and plan the team directory that reproduces it."""
    from ownership_lint.api import load_codeowners

    loaded = load_codeowners(root, file)
    if loaded.parsed.dialect == "gitlab":
        raise ImportFailed(
            f"'{loaded.path}' is a GitLab CODEOWNERS file (sections, or under .gitlab/): "
            "only GitHub files can be imported so far"
        )
    if loaded.findings:  # merge-conflict markers: the file is not what anyone meant
        first = loaded.findings[0]
        raise ImportFailed(f"{first.location}: {first.message}; resolve it, then import")
    if not loaded.parsed.rules:
        raise ImportFailed(f"'{loaded.path}' has no rules: there is no ownership to import")
    return plan_import(
        loaded.text,
        loaded.parsed,
        source=loaded.path,
        team_dir=team_dir,
        name=name or root.resolve().name,
        today=today,
    )


def write_team(root: Path, plan: ImportPlan, *, force: bool = False) -> Path:
    """Write the planned team directory in one step (fileio.write_directory): with `force`,
    the old directory is replaced only once the new one is complete."""
    from ownership_lint.fileio import write_directory

    base = root / plan.team_dir
    if base.exists() and not force:
        raise ImportFailed(
            f"'{plan.team_dir}/' already exists: pass --force to replace it, or --team-dir "
            "to import elsewhere"
        )
    files = {rel: content.encode("utf-8") for rel, content in plan.files.items()}
    write_directory(base, files, root=root, replace=force)
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
                [Ref(p, where) for p in role.patterns],
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
