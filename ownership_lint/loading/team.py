"""Find the files under team/, load and validate each one, and build the Team model.

The model is built even from files with schema errors, skipping only the pieces that are
unusable, so that one typo does not hide every cross-check finding of the rest of the team.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ownership_lint.catalogue.files import MISSING_FILE, UNEXPECTED_FILE
from ownership_lint.catalogue.syntax import ENCODING, INPUT_LIMITS
from ownership_lint.errors import ConfigError
from ownership_lint.findings import Finding, Location
from ownership_lint.loading.schema import validate
from ownership_lint.loading.text import NotText, conflict_markers, decode
from ownership_lint.loading.yaml_doc import MAX_BYTES as MAX_BYTES  # the loader's limit
from ownership_lint.loading.yaml_doc import Document, load_yaml
from ownership_lint.model import (
    Area,
    Claim,
    Department,
    Interface,
    Policy,
    Ref,
    Responsibility,
    Role,
    SectionSettings,
    Team,
)

TEAM_FILE = "team.yaml"
CATALOGUE_FILE = "responsibilities.yaml"
ROLES_DIR = "roles"
# Deliberately not called CODEOWNERS: no platform or tool must take it for a real one.
MAPPING_FILE = "path-ownership"


@dataclass
class LoadedTeam:
    team: Team
    findings: list[Finding]


def _read(root: Path, rel: str) -> tuple[bytes | None, list[Finding]]:
    """A team file's bytes, or the findings that say why it is not read: a link (inside the
    repository or out of it, to a file or a directory on the way: `fileio.read_file`), too
    large, or unreadable."""
    from ownership_lint.fileio import FileTooLarge, UnsafePath, read_file

    try:
        return read_file(root, rel, limit=MAX_BYTES), []
    except UnsafePath as err:
        problem = MISSING_FILE.finding(
            Location(rel),
            f"'{err.shown}' {err.reason}; the file is not read",
            "keep the team definition in regular files inside the repository",
        )
    except FileTooLarge as err:
        problem = INPUT_LIMITS.finding(
            Location(rel),
            f"the file is {err.size:,} bytes; team files are limited to {MAX_BYTES:,}",
            "split the definition into smaller files",
        )
    except OSError as err:
        problem = MISSING_FILE.finding(
            Location(rel), f"the file cannot be read: {err.strerror or err}"
        )
    return None, [problem]


def _load(root: Path, rel: str, schema: str, findings: list[Finding]) -> Document | None:
    raw, problems = _read(root, rel)
    findings.extend(problems)
    if raw is None:
        return None
    doc, problems = load_yaml(raw, rel)
    findings.extend(problems)
    if doc is None:
        return None
    findings.extend(validate(doc, schema))
    return doc


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _items(value: Any) -> list[tuple[int, Any]]:
    return list(enumerate(value)) if isinstance(value, list) else []


def _refs(doc: Document, data: Any, path: tuple[str | int, ...]) -> list[Ref]:
    return [
        Ref(item, doc.location((*path, index)))
        for index, item in _items(data)
        if isinstance(item, str)
    ]


def _build_team(doc: Document, team: Team) -> None:
    data = doc.data if isinstance(doc.data, dict) else {}
    team.name = _text(data.get("name"))
    team.title = _text(data.get("title"))
    team.team_path = doc.path
    if isinstance(data.get("last_reviewed"), str):
        team.last_reviewed = Ref(data["last_reviewed"], doc.location(("last_reviewed",)))
    policy: dict[str, Any] = data["policy"] if isinstance(data.get("policy"), dict) else {}
    defaults = Policy()
    team.policy = Policy(
        min_members_per_role=_int(policy, "min_members_per_role", defaults.min_members_per_role),
        review_max_age_days=_int(policy, "review_max_age_days", defaults.review_max_age_days),
        max_responsibilities_per_role=_int(policy, "max_responsibilities_per_role", None),
    )
    for d_index, dept in _items(data.get("departments")):
        if not isinstance(dept, dict) or not isinstance(dept.get("id"), str):
            continue
        base: tuple[str | int, ...] = ("departments", d_index)
        team.departments.append(
            Department(dept["id"], _text(dept.get("name")), doc.location((*base, "id")))
        )
        for i_index, iface in _items(dept.get("interfaces")):
            if not isinstance(iface, dict) or not isinstance(iface.get("id"), str):
                continue
            where: tuple[str | int, ...] = (*base, "interfaces", i_index)
            resp = iface.get("responsibility")
            team.interfaces.append(
                Interface(
                    id=iface["id"],
                    title=_text(iface.get("title")),
                    department=dept["id"],
                    location=doc.location((*where, "id")),
                    responsibility=(
                        Ref(resp, doc.location((*where, "responsibility")))
                        if isinstance(resp, str)
                        else None
                    ),
                )
            )


def _int(data: dict[str, Any], key: str, default: Any) -> Any:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _build_catalogue(doc: Document, team: Team) -> None:
    data = doc.data if isinstance(doc.data, dict) else {}
    for a_index, area in _items(data.get("areas")):
        if not isinstance(area, dict) or not isinstance(area.get("id"), str):
            continue
        base: tuple[str | int, ...] = ("areas", a_index)
        team.areas.append(Area(area["id"], _text(area.get("title")), doc.location((*base, "id"))))
        for r_index, resp in _items(area.get("responsibilities")):
            if not isinstance(resp, dict) or not isinstance(resp.get("id"), str):
                continue
            where: tuple[str | int, ...] = (*base, "responsibilities", r_index)
            team.responsibilities.append(
                Responsibility(
                    id=resp["id"],
                    title=_text(resp.get("title")),
                    area=area["id"],
                    location=doc.location((*where, "id")),
                    paths=_refs(doc, resp.get("paths"), (*where, "paths")),
                )
            )


def _build_role(doc: Document) -> Role | None:
    data = doc.data if isinstance(doc.data, dict) else None
    if data is None:
        return None
    stem = doc.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    has_id = isinstance(data.get("id"), str)
    role = Role(
        id=data["id"] if has_id else stem,
        path=doc.path,
        location=doc.location(("id",)) if has_id else Location(doc.path),
        title=_text(data.get("title")),
        seniority=_text(data.get("seniority")),
        members=_refs(doc, data.get("members"), ("members",)),
        competencies=[c for _, c in _items(data.get("competencies")) if isinstance(c, str)],
        tools=[t for _, t in _items(data.get("tools")) if isinstance(t, str)],
        interfaces=_refs(doc, data.get("interfaces"), ("interfaces",)),
    )
    if isinstance(data.get("handle"), str):
        role.handle = Ref(data["handle"], doc.location(("handle",)))
    if isinstance(data.get("gitlab"), dict):
        gitlab = data["gitlab"]
        role.gitlab = SectionSettings(
            location=doc.location(("gitlab",), key=True),
            section=_text(gitlab.get("section")),
            approvals=_int(gitlab, "approvals", 0),
            optional=gitlab.get("optional") is True,
            default_owners=gitlab.get("default_owners") is True,
        )
    for index, item in _items(data.get("responsibilities")):
        where: tuple[str | int, ...] = ("responsibilities", index)
        if isinstance(item, str):
            role.responsibilities.append(Claim(item, "A", doc.location(where)))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            raci = item.get("raci", "A")
            # An invalid letter (the schema reports it) claims nothing, ownership least of all.
            if raci in ("A", "R", "C", "I"):
                role.responsibilities.append(Claim(item["id"], raci, doc.location((*where, "id"))))
    return role


def _load_mapping(root: Path, rel: str, team: Team, findings: list[Finding]) -> None:
    from ownership_lint.codeowners.parse import parse

    raw, problems = _read(root, rel)
    findings.extend(problems)
    if raw is None:
        return
    try:
        text = decode(raw)
    except NotText as err:
        findings.append(ENCODING.finding(err.location(rel), err.message, err.hint))
        team.unreadable.append(rel)
        return
    findings.extend(conflict_markers(text, rel))
    team.mapping_path = rel
    team.mapping = parse(text, "github")


def _present(path: Path) -> bool:
    # A link counts: reading it is refused with a finding that says so (`_read`).
    return path.is_symlink() or path.is_file()


def load_team(root: Path, team_dir: str = "team") -> LoadedTeam:
    """Load the team definition under `root / team_dir`; paths in findings are repo-relative."""
    from ownership_lint.fileio import UnsafePath, checked_path

    base = root / team_dir
    try:
        # A team directory that is (or lies behind) a link would be listed and read elsewhere.
        checked_path(root, team_dir)
    except UnsafePath as err:
        raise ConfigError(f"the team directory cannot be read: {err}") from err
    if not base.exists():
        raise ConfigError(f"no team definition: '{base}' does not exist")
    if not base.is_dir():
        raise ConfigError(f"'{base}' is not a directory")
    team = Team(root_dir=team_dir)
    findings: list[Finding] = []
    prefix = team_dir.strip("/")

    def rel(*parts: str) -> str:
        return "/".join((prefix, *parts))

    expected = {TEAM_FILE, CATALOGUE_FILE, ROLES_DIR, MAPPING_FILE}
    for entry in sorted(os.listdir(base)):
        if entry not in expected and not entry.startswith("."):
            findings.append(
                UNEXPECTED_FILE.finding(
                    Location(rel(entry)),
                    f"'{rel(entry)}' is not part of a team definition and is not read",
                    "team/ holds team.yaml, responsibilities.yaml, roles/<role-id>.yaml "
                    f"and {MAPPING_FILE}",
                )
            )

    for name, schema_name in ((TEAM_FILE, "team"), (CATALOGUE_FILE, "responsibilities")):
        if not _present(base / name):
            findings.append(
                MISSING_FILE.finding(
                    Location(rel(name)),
                    f"'{rel(name)}' is missing",
                    "run 'ownership-lint explain OL015' for what it holds",
                )
            )
            continue
        team.files.append(rel(name))
        doc = _load(root, rel(name), schema_name, findings)
        if doc is None:
            team.unreadable.append(rel(name))
        else:
            (_build_team if name == TEAM_FILE else _build_catalogue)(doc, team)

    roles_dir = base / ROLES_DIR
    role_files = []
    if roles_dir.is_symlink():
        # Listing it would show the names of whatever directory it points at.
        findings.append(
            MISSING_FILE.finding(
                Location(rel(ROLES_DIR)),
                f"'{rel(ROLES_DIR)}' is a link: ownership-lint does not follow links in the "
                "repository, and reads no role file",
                "keep the team definition in regular files inside the repository",
            )
        )
    elif roles_dir.is_dir():
        role_files = sorted(os.listdir(roles_dir))
    for entry in role_files:
        path = rel(ROLES_DIR, entry)
        if not entry.endswith((".yaml", ".yml")) or not _present(roles_dir / entry):
            if not entry.startswith("."):
                findings.append(
                    UNEXPECTED_FILE.finding(
                        Location(path),
                        f"'{path}' is not a role file (roles/<role-id>.yaml) and is not read",
                        "rename it to <role-id>.yaml or move it out of team/roles/",
                    )
                )
            continue
        team.files.append(path)
        doc = _load(root, path, "role", findings)
        role = _build_role(doc) if doc is not None else None
        if role is None:
            # Stand in for the unreadable file so references to its role still resolve.
            team.unreadable.append(path)
            stem = entry.rsplit(".", 1)[0]
            role = Role(id=stem, path=path, location=Location(path), loaded=False)
        team.roles.append(role)
    if not roles_dir.is_symlink() and not any(e.endswith((".yaml", ".yml")) for e in role_files):
        findings.append(
            MISSING_FILE.finding(
                Location(rel(ROLES_DIR)),
                f"no role files under '{rel(ROLES_DIR)}/'",
                "add one file per role: roles/<role-id>.yaml",
            )
        )

    if _present(base / MAPPING_FILE):
        team.files.append(rel(MAPPING_FILE))
        _load_mapping(root, rel(MAPPING_FILE), team, findings)
    return LoadedTeam(team, findings)
