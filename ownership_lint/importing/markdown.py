"""`import markdown`: a team document shaped like the seed -> the YAML files of team/.

The document: a `# Title`, one `## Role title (Seniority)` section per role with bold-labelled
lists (`**Competencies:**`, `**Responsibilities:**`, `**Working tools:**`, or the seed's
Russian labels), a `## Cross-functional Collaboration` section with one list per department,
and a `**Last Updated:** YYYY-MM-DD` line. `ownership-lint docs` writes exactly this shape.

Nothing is merged silently: a responsibility that two roles claim stays claimed by both (and
`check` reports it), and responsibilities of different roles that look like parts of one
thing (same leading word: "Budget management", "Budget forecasting") are reported as
possible overlaps. Text that is mojibake (UTF-8 read as Mac Roman or another 8-bit code page,
then saved again) is repaired with ftfy, with a warning.

Everything is built and validated in memory first; see `write_team` for how it is written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from ownership_lint.docs import headings
from ownership_lint.errors import ConfigError
from ownership_lint.escape import visible
from ownership_lint.findings import Finding
from ownership_lint.importing.text import slug, yaml_scalar
from ownership_lint.loading.text import NotText
from ownership_lint.loading.text import decode as decode_text
from ownership_lint.loading.yaml_doc import MAX_BYTES

SENIORITY = {
    "junior": "junior",
    "middle": "middle",
    "mid": "middle",
    "senior": "senior",
    "lead": "lead",
    "principal": "principal",
    "джуниор": "junior",
    "младший": "junior",
    "мидл": "middle",
    "средний": "middle",
    "сеньор": "senior",
    "синьор": "senior",
    "старший": "senior",
    "лид": "lead",
    "ведущий": "lead",
}

# Each line is matched whole (`fullmatch`, `\Z`: a `$` would also match before a final
# newline); list numbers and dates are ASCII digits, as Markdown and ISO 8601 have them.
_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*")
_LABEL = re.compile(r"(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*(.*)")
_ITEM = re.compile(r"\s*(?:[-*+]|[0-9]+[.)])\s+(.*\S)\s*")
_RULE = re.compile(r"\s*([-*_])(\s*\1){2,}\s*")
_KEYCAP = re.compile(r"^(?:[0-9]+\ufe0f?\u20e3|[0-9]+[.)])\s*")
_SUFFIX = re.compile(r"\s*_\(([^()]+)\)_\s*\Z")
_RACI = re.compile(r"([RCI])(?::.*)?", re.DOTALL)
_DATE = re.compile(r"\b([0-9]{4}-[0-9]{2}-[0-9]{2})\b", re.ASCII)
_DEPARTMENT = (
    re.compile(r"\u0441\s+(?:отделом\s+)?(.+?)(?:\s+отдел(?:ом)?)?", re.IGNORECASE),
    re.compile(r"with\s+(?:the\s+)?(.+?)(?:\s+(?:department|team))?", re.IGNORECASE),
    re.compile(r"(.+?)\s+(?:department|отдел)", re.IGNORECASE),
)
_TITLE_SUFFIX = re.compile(
    r"\s*[:\-\u2013\u2014]?\s*(?:structure|структура(?:\s+команды)?)\Z", re.IGNORECASE
)


class DocumentError(ConfigError):
    """The document cannot be imported: exit 2, nothing written."""


@dataclass
class Item:
    text: str
    line: int
    # A RACI letter from a `_(R: responsible)_` suffix, or "A"; for an interface: its owner.
    note: str = ""


@dataclass
class ParsedRole:
    title: str
    seniority: str
    line: int
    sections: dict[str, list[Item]] = field(default_factory=dict)


@dataclass
class ParsedDepartment:
    name: str
    line: int
    interfaces: list[Item] = field(default_factory=list)


@dataclass
class ParsedDocument:
    title: str = ""
    roles: list[ParsedRole] = field(default_factory=list)
    departments: list[ParsedDepartment] = field(default_factory=list)
    last_reviewed: str | None = None
    last_reviewed_line: int = 0
    warnings: list[str] = field(default_factory=list)


# -- reading -------------------------------------------------------------------------------


def decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    """The document's text and warnings; DocumentError when it is not a text document."""
    if len(raw) > MAX_BYTES:
        raise DocumentError(f"{name}: {len(raw):,} bytes; a team document is at most {MAX_BYTES:,}")
    if not raw.strip():
        raise DocumentError(f"{name}: the file is empty")
    try:
        text = decode_text(raw)
    except NotText as err:
        raise DocumentError(
            f"{err.location(name)}: {err.message}; {err.hint}, then import it again"
        ) from err
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r")
    if controls:
        raise DocumentError(
            f"{name}: the file contains {controls} control characters: it is not a text document"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    import ftfy

    fixed = ftfy.fix_encoding_and_explain(text)
    if not fixed.explanation:
        return text, []
    steps = ", ".join(f"{step} {arg}" for step, arg in fixed.explanation)
    encodings = [arg for step, arg in fixed.explanation if step == "encode"]
    read_as = f" read as {_CODEC_NAMES.get(encodings[0], encodings[0])}" if encodings else ""
    return fixed.text, [
        f"{name}: the text is mojibake (UTF-8{read_as}, then saved again); repaired with ftfy "
        f'({steps}). Check the result; to repair the file itself: python -c "import ftfy, '
        "sys; sys.stdout.write(ftfy.fix_encoding(open(sys.argv[1], encoding='utf-8').read()))"
        f'" {name} > FIXED.md'
    ]


_CODEC_NAMES = {
    "macroman": "Mac Roman",
    "sloppy-windows-1252": "Windows-1252",
    "latin-1": "Latin-1",
}


def _clean(text: str, heading: bool = False) -> str:
    """Text without leading emoji, check marks and other symbols (and, in a heading, without a
    number such as `1️⃣` or `2.`), and without Markdown emphasis around the whole of it."""
    text = text.strip()
    if heading:
        text = _KEYCAP.sub("", text)
    while text and (
        (
            unicodedata.category(text[0]) in ("So", "Sk", "Cf", "Mn", "Me", "Zs")
            and not text[0].isascii()
        )
        or text[0] in "\ufe0f\u20e3 "
    ):
        text = text[1:]
    text = re.sub(r"^\[[ xX]\]\s+", "", text)
    for mark in ("**", "__", "*", "_", "`"):
        if len(text) > 2 * len(mark) and text.startswith(mark) and text.endswith(mark):
            text = text[len(mark) : -len(mark)]
    return " ".join(_unescape(text).split())


# What `ownership-lint docs` escapes (escape.markdown_text): backslash escapes of ASCII
# punctuation and the character references it writes, read back as the characters.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])|&#32;")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: m.group(1) or " ", text)


def _key(label: str) -> str:
    return " ".join(_clean(label).rstrip(":").casefold().split())


def _section_of(label: str) -> str | None:
    key = _key(label)
    for name, words in (
        ("competencies", headings.COMPETENCIES),
        ("responsibilities", headings.RESPONSIBILITIES),
        ("tools", headings.TOOLS),
    ):
        if key in words or any(key == h.__dict__[name].casefold() for h in _ALL):
            return name
    return None


_ALL = list(headings.HEADINGS.values())


def _is_collaboration(title: str) -> bool:
    key = _key(title)
    return key in headings.COLLABORATION or any(key == h.collaboration.casefold() for h in _ALL)


def _is_last_reviewed(label: str) -> bool:
    key = _key(label)
    return key in headings.LAST_REVIEWED or any(key == h.last_reviewed.casefold() for h in _ALL)


def _department_name(label: str) -> str:
    text = _clean(label).rstrip(":").strip()
    for pattern in _DEPARTMENT:
        match = pattern.fullmatch(text)
        if match:
            return match.group(1).strip()
    return text


def _role_heading(text: str) -> tuple[str, str]:
    title = _clean(text, heading=True)
    match = re.fullmatch(r"(.*?)\s*\(([^()]*)\)\s*", title)
    if match and match.group(2).strip().casefold() in SENIORITY:
        return match.group(1).strip(), SENIORITY[match.group(2).strip().casefold()]
    return title, ""


def parse(text: str, name: str) -> ParsedDocument:
    """The document's structure; DocumentError when it has no roles or a role has no lists."""
    doc = ParsedDocument()
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.DOTALL)
    role: ParsedRole | None = None
    department: ParsedDepartment | None = None
    in_collaboration = False
    current: list[Item] | None = None
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or _RULE.fullmatch(line):
            continue
        heading = _HEADING.fullmatch(line)
        label = _LABEL.fullmatch(line.strip()) if not heading else None
        item = _ITEM.fullmatch(line) if not heading else None
        if heading and len(heading.group(1)) == 1:
            if not doc.title:
                doc.title = _TITLE_SUFFIX.sub("", _clean(heading.group(2), True)) or _clean(
                    heading.group(2)
                )
            role, department, current, in_collaboration = None, None, None, False
        elif heading and len(heading.group(1)) == 2:
            current, department = None, None
            in_collaboration = _is_collaboration(heading.group(2))
            role = None
            if not in_collaboration:
                title, seniority = _role_heading(heading.group(2))
                role = ParsedRole(title, seniority, number)
                doc.roles.append(role)
        elif heading or (label and (not label.group(2) or _is_last_reviewed(label.group(1)))):
            text_label = heading.group(2) if heading else label.group(1) if label else ""
            current = None
            if _is_last_reviewed(text_label):
                date = _DATE.search(line)
                if date:
                    doc.last_reviewed, doc.last_reviewed_line = date.group(1), number
                else:
                    doc.warnings.append(f"{name}:{number}: no YYYY-MM-DD date in '{_short(line)}'")
            elif role is not None:
                section = _section_of(text_label)
                if section is None:
                    doc.warnings.append(
                        f"{name}:{number}: section '{_clean(text_label).rstrip(':')}' of role "
                        f"'{role.title}' is not one the importer knows; it is not imported"
                    )
                else:
                    current = role.sections.setdefault(section, [])
            elif in_collaboration:
                department = ParsedDepartment(_department_name(text_label), number)
                doc.departments.append(department)
                current = department.interfaces
            else:
                doc.warnings.append(f"{name}:{number}: '{line.strip()}' is outside any role")
        elif item:
            if current is None:
                doc.warnings.append(
                    f"{name}:{number}: list item '{_clean(item.group(1))}' is under no "
                    "section; it is not imported"
                )
                continue
            content = item.group(1)
            note = ""
            suffix = _SUFFIX.search(content)
            if suffix:
                note = suffix.group(1).strip()
                content = content[: suffix.start()]
            cleaned = _clean(content)
            if cleaned:
                current.append(Item(cleaned, number, note))
        else:
            doc.warnings.append(f"{name}:{number}: text '{_short(line)}' is not imported")
    if not doc.roles:
        raise DocumentError(
            f"{name}: no roles found: a team document has one '## Role title (Seniority)' "
            "section per role, each with '**Competencies:**', '**Responsibilities:**' and "
            "'**Working tools:**' lists (or the Russian headings of the seed)"
        )
    for parsed in doc.roles:
        if not any(parsed.sections.values()):
            raise DocumentError(
                f"{name}:{parsed.line}: role '{parsed.title}' has no sections: expected "
                "'**Competencies:**', '**Responsibilities:**' and '**Working tools:**' "
                "lists under its heading (or the seed's 'Компетенции', 'Ответственность', "
                "'Рабочие инструменты')"
            )
    return doc


def _short(line: str) -> str:
    line = line.strip()
    return line if len(line) <= 40 else line[:37] + "..."


# -- building team/ ------------------------------------------------------------------------


def _unique(candidate: str, taken: set[str], fallback: str) -> str:
    base = candidate or fallback
    result, n = base, 2
    while result in taken:
        result, n = f"{base}-{n}", n + 1
    taken.add(result)
    return result


@dataclass
class Claim:
    role: str
    raci: str
    line: int


@dataclass
class ImportedResponsibility:
    id: str
    title: str
    area: str
    claims: list[Claim] = field(default_factory=list)


@dataclass
class Imported:
    """The team built from a document: the files of team/ as text, and what to tell the user."""

    files: dict[str, str]
    roles: int
    responsibilities: int
    areas: int
    departments: int
    interfaces: int
    warnings: list[str]
    conflicts: list[str]


def build(doc: ParsedDocument, name: str, today: dt.date) -> Imported:
    """The team/ files for a parsed document, with warnings and the conflicts it leaves."""
    warnings = list(doc.warnings)
    conflicts: list[str] = []
    role_ids: set[str] = set()
    ids: list[str] = []
    for role in doc.roles:
        if not role.title:
            raise DocumentError(f"{name}:{role.line}: a role heading has no title")
        short = re.split(r"\s+[-\u2013\u2014]\s+", role.title, maxsplit=1)[0]
        role_id = _unique(slug(short), role_ids, "role")
        if role_id != (slug(short) or "role"):
            warnings.append(
                f"{name}:{role.line}: a second role titled like '{role.title}': "
                f"its id is '{role_id}'"
            )
        ids.append(role_id)

    # The catalogue, in the order of first mention; areas from the leading word of the title.
    by_key: dict[str, ImportedResponsibility] = {}
    resp_ids: set[str] = set()
    areas: dict[str, str] = {}
    for role_id, role in zip(ids, doc.roles, strict=True):
        for item in role.sections.get("responsibilities", []):
            key = " ".join(item.text.casefold().split())
            resp = by_key.get(key)
            if resp is None:
                words = item.text.split()
                area = slug(words[0]) or "general"
                rest = slug(" ".join(words[1:])) or area
                resp = ImportedResponsibility(
                    _unique(f"{area}.{rest}", resp_ids, f"{area}.item"), item.text, area
                )
                first = words[0].strip(",.;:&")
                areas.setdefault(area, first[:1].upper() + first[1:] or area)
                by_key[key] = resp
            raci = "A"
            if item.note:
                letter = _RACI.fullmatch(item.note)
                if letter:
                    raci = letter.group(1)
                else:
                    warnings.append(f"{name}:{item.line}: '({item.note})' is not a RACI letter")
            if any(c.role == role_id for c in resp.claims):
                warnings.append(f"{name}:{item.line}: '{item.text}' is listed twice for one role")
                continue
            resp.claims.append(Claim(role_id, raci, item.line))
    for resp in by_key.values():
        owners = [c for c in resp.claims if c.raci == "A"]
        if len(owners) > 1:
            where = ", ".join(f"{c.role} (line {c.line})" for c in owners)
            conflicts.append(
                f"{name}:{owners[1].line}: '{resp.title}' is claimed by {len(owners)} roles: "
                f"{where}. Both are written as owners and `check` reports it (OL102): keep one "
                f"owner, give the others a RACI letter"
            )
    for area, group in _by_area(list(by_key.values())).items():
        owners_of = {c.role for r in group for c in r.claims if c.raci == "A"}
        if len(owners_of) > 1 and len(group) > 1:
            listed = "; ".join(
                f"'{r.title}' ({', '.join(c.role for c in r.claims if c.raci == 'A')}, "
                f"line {r.claims[0].line})"
                for r in group
            )
            conflicts.append(
                f"{name}: possible overlap in '{areas[area]}', owned by {len(owners_of)} roles: "
                f"{listed}. Imported as separate responsibilities: write down where one ends "
                "and the other begins (description), or merge them"
            )

    # Departments and their interfaces.
    dept_ids: set[str] = set()
    iface_ids: set[str] = set()
    titles = {role.title.casefold(): rid for rid, role in zip(ids, doc.roles, strict=True)}
    interfaces_of: dict[str, list[str]] = {rid: [] for rid in ids}
    departments: list[tuple[str, ParsedDepartment, list[tuple[str, Item]]]] = []
    for dept in doc.departments:
        dept_id = _unique(slug(dept.name), dept_ids, "department")
        items = []
        for item in dept.interfaces:
            iface_id = _unique(f"{dept_id}.{slug(item.text) or 'item'}", iface_ids, dept_id)
            items.append((iface_id, item))
            if item.note:
                owner = titles.get(item.note.casefold())
                if owner is None:
                    warnings.append(
                        f"{name}:{item.line}: '{item.note}' is not the title of a role; "
                        f"interface '{item.text}' is imported without an owner"
                    )
                else:
                    interfaces_of[owner].append(iface_id)
            area = slug(item.text.split()[0]) if item.text.split() else ""
            overlap = [r for r in by_key.values() if r.area == area]
            if overlap and not item.note:
                listed = ", ".join(
                    f"'{r.title}' ({', '.join(c.role for c in r.claims if c.raci == 'A')})"
                    for r in overlap
                )
                conflicts.append(
                    f"{name}:{item.line}: possible overlap: {dept.name}'s '{item.text}' and "
                    f"{listed}: tie the interface to its responsibility (team.yaml "
                    "`responsibility:`) and give it to that owner"
                )
        departments.append((dept_id, dept, items))

    if doc.last_reviewed is None:
        last_reviewed = today.isoformat()
        warnings.append(
            f"{name}: no '**Last Updated:** YYYY-MM-DD' line: last_reviewed is set to today "
            f"({last_reviewed})"
        )
    else:
        last_reviewed = doc.last_reviewed
    title = doc.title or "Team"
    header = (
        f"# Imported from {visible(Path(name).name)} by `ownership-lint import markdown`.\n"
        "# Review every entry, then run `ownership-lint check`.\n"
    )
    team = [
        header,
        f"name: {yaml_scalar(slug(title) or 'team')}\n",
        f"title: {yaml_scalar(title)}\n",
        f'last_reviewed: "{last_reviewed}"\n',
    ]
    if departments:
        team.append("# Cross-functional collaboration: give each interface to one role.\n")
        team.append("departments:\n")
        for dept_id, dept, items in departments:
            team.append(
                f"  - id: {yaml_scalar(dept_id)}\n    name: {yaml_scalar(dept.name)}\n"
                "    interfaces:"
            )
            team.append("\n" if items else " []\n")
            for iface_id, item in items:
                ident, title = yaml_scalar(iface_id), yaml_scalar(item.text)
                team.append(f"      - id: {ident}\n        title: {title}\n")
    catalogue = [
        header,
        "# Every responsibility the team owns, by area; each is owned by exactly one role.\n",
        "areas:\n",
    ]
    for area, group in _by_area(list(by_key.values())).items():
        catalogue.append(f"  - id: {yaml_scalar(area)}\n    title: {yaml_scalar(areas[area])}\n")
        catalogue.append("    responsibilities:\n")
        for resp in group:
            catalogue.append(
                f"      - id: {yaml_scalar(resp.id)}\n        title: {yaml_scalar(resp.title)}\n"
            )
    files = {
        "team.yaml": "".join(team),
        "responsibilities.yaml": "".join(catalogue) if by_key else header + "areas: []\n",
    }
    for role_id, role in zip(ids, doc.roles, strict=True):
        lines = [header, f"id: {yaml_scalar(role_id)}\n", f"title: {yaml_scalar(role.title)}\n"]
        if role.seniority:
            lines.append(f"seniority: {role.seniority}\n")
        lines.append(
            "# The document names no people: add GitHub/GitLab handles (@user, @org/team).\n"
        )
        lines.append("members: []\n")
        for key, section in (("competencies", "competencies"), ("tools", "tools")):
            entries = role.sections.get(section, [])
            if entries:
                lines.append(f"{key}:\n")
                lines += [f"  - {yaml_scalar(e.text)}\n" for e in entries]
        claims = [
            (resp, claim)
            for resp in by_key.values()
            for claim in resp.claims
            if claim.role == role_id
        ]
        claims.sort(key=lambda pair: pair[1].line)
        if claims:
            lines.append("responsibilities:\n")
            for resp, claim in claims:
                ident = yaml_scalar(resp.id, flow=claim.raci != "A")
                entry = ident if claim.raci == "A" else f"{{id: {ident}, raci: {claim.raci}}}"
                lines.append(f"  - {entry}\n")
        else:
            lines.append("responsibilities: []\n")
        if interfaces_of[role_id]:
            lines.append("interfaces:\n")
            lines += [f"  - {yaml_scalar(iface)}\n" for iface in interfaces_of[role_id]]
        files[f"roles/{role_id}.yaml"] = "".join(lines)
    return Imported(
        files=files,
        roles=len(ids),
        responsibilities=len(by_key),
        areas=len(areas),
        departments=len(departments),
        interfaces=len(iface_ids),
        warnings=warnings,
        conflicts=conflicts,
    )


def _by_area(resps: list[ImportedResponsibility]) -> dict[str, list[ImportedResponsibility]]:
    grouped: dict[str, list[ImportedResponsibility]] = {}
    for resp in resps:
        grouped.setdefault(resp.area, []).append(resp)
    return grouped


def import_document(raw: bytes, name: str, today: dt.date) -> Imported:
    """Decode, parse and build: everything in memory; DocumentError when it cannot be done."""
    text, warnings = decode(raw, name)
    doc = parse(text, name)
    doc.warnings[:0] = warnings
    return build(doc, name, today)


# -- writing -------------------------------------------------------------------------------


def write_team(
    root: Path,
    team_dir: str,
    files: dict[str, str],
    *,
    force: bool,
    today: dt.date,
    schemas_dir: str = "schemas",
) -> list[Finding]:
    """Write `files` as `root/team_dir`, all or nothing, and return what `check` says of it.

    Each YAML file gets the `$schema` line of its kind, and the schemas are written to
    `root/schemas_dir` (schema_files) so that editors find them.

    The files are written (each with atomic_write) into a new directory beside the target,
    checked there, and only then renamed into place: a reader sees no team/, the old one or
    the new one, never a mix. An existing team/ is replaced only with `force`. When the
    result does not even load (a syntax or schema finding: a bug here), nothing is written.
    """
    from ownership_lint.config import Config
    from ownership_lint.fileio import write_directory
    from ownership_lint.linting import lint

    target = root / team_dir
    if target.exists() and not force:
        raise DocumentError(
            f"'{target}' already exists: nothing was written (pass --force to replace it)"
        )
    findings: list[Finding] = []

    def validate(staging: Path) -> None:
        staged = staging.relative_to(root).as_posix()
        report = lint(root, config=Config(team_dir=staged), today=today, tracked=[])
        prefix = team_dir.strip("/")
        findings.extend(
            replace(f, location=replace(f.location, path=prefix + f.location.path[len(staged) :]))
            for f in report.findings
        )
        broken = [f for f in findings if f.code < "OL100"]
        if broken:
            first = broken[0]
            raise DocumentError(
                f"the imported team/ does not validate ({first.location}: {first.code} "
                f"{first.message}); nothing was written. This is a bug in ownership-lint: "
                "please report it with the document"
            )

    from ownership_lint import schema_files

    schema_files.plan(root, schemas_dir)  # refuses before anything is written
    files = schema_files.with_modelines(files, team_dir, schemas_dir)
    files_bytes = {rel: text.encode("utf-8") for rel, text in files.items()}
    write_directory(target, files_bytes, root=root, replace=force, validate=validate)
    schema_files.write(root, schemas_dir)
    return findings
