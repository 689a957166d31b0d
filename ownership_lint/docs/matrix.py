"""The responsibility assignment matrix: responsibilities (by area) and interfaces (by
department) down, roles across, the owner and RACI letters in the cells; a row with no owner
is a gap, a row with two or more owners a conflict.

Three pictures of the same data: Markdown (a table), HTML (one self-contained page: no
network, no external assets) and SVG (renders in GitHub's Markdown as an image). Every value
from team/ is escaped for the picture it goes into (`escape.markdown_text`, `markdown_code`,
`html_text`): no markup of its own, no character XML forbids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ownership_lint.docs.document import GENERATED, ordered_roles
from ownership_lint.escape import html_text, markdown_code, markdown_text
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


def _status_text(row: Row) -> str:
    if row.status == GAP:
        return "\u26a0\ufe0f gap: no owner"
    if row.status == CONFLICT:
        return f"\u26a0\ufe0f conflict: {row.owners} owners"
    return "\u2714\ufe0f"


def _group_label(group: Group) -> str:
    return group.title if group.kind == "area" else f"Interface with {group.title}"


def render_markdown(matrix: Matrix) -> str:
    # markdown_text escapes `|` too: a value cannot add a cell to the table.
    header = ["Responsibility", *(markdown_text(title) for _, title in matrix.roles), "Status"]
    lines = [
        GENERATED.replace("`ownership-lint docs`", "`ownership-lint matrix`"),
        "",
        f"# {markdown_text(matrix.title)}: responsibility assignment matrix",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---", *(":-:" for _ in matrix.roles), "---"]) + "|",
    ]
    for group in matrix.groups:
        blank = [""] * (len(matrix.roles) + 1)
        label = markdown_text(_group_label(group))
        lines.append("| " + " | ".join([f"**{label}**", *blank]) + " |")
        for row in group.rows:
            cells = [f"**{c}**" if c == "A" else c for c in row.cells]
            label = f"{markdown_text(row.title)} {markdown_code(row.id, in_table=True)}"
            lines.append("| " + " | ".join([label, *cells, _status_text(row)]) + " |")
    gaps, conflicts = matrix.counts()
    lines += ["", LEGEND, f"Gaps: {gaps}. Conflicts: {conflicts}."]
    return "\n".join(lines) + "\n"


_CSS = """
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em;
  color: #1f2328; background: #fff; }
h1 { font-size: 1.4em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: 4px 10px; }
thead th { background: #f6f8fa; position: sticky; top: 0; }
td.cell { text-align: center; font-weight: 600; min-width: 5em; }
td.owner { background: #dafbe1; }
tr.group th { text-align: left; background: #eaeef2; }
tr.gap td.title, tr.gap td.status { background: #fff8c5; }
tr.conflict td.title, tr.conflict td.status { background: #ffebe9; }
tr.conflict td.owner { background: #ffcecb; }
code { color: #57606a; font-size: 0.85em; }
.hidden { display: none; }
th.role { cursor: pointer; }
.focus { outline: 2px solid #0969da; outline-offset: -2px; }
"""

_JS = """
(function () {
  "use strict";
  var toggle = document.getElementById("problems-only");
  toggle.addEventListener("change", function () {
    document.querySelectorAll("tbody tr.row").forEach(function (tr) {
      var fine = tr.classList.contains("ok");
      tr.classList.toggle("hidden", toggle.checked && fine);
    });
  });
  document.querySelectorAll("th.role").forEach(function (th) {
    th.addEventListener("click", function () {
      var column = th.getAttribute("data-column");
      document.querySelectorAll("[data-column]").forEach(function (el) {
        el.classList.toggle("focus", el.getAttribute("data-column") === column
          && !el.classList.contains("focus"));
      });
    });
  });
  document.body.setAttribute("data-ready", "true");
})();
"""


def render_html(matrix: Matrix) -> str:
    e = html_text
    gaps, conflicts = matrix.counts()
    head = "".join(
        f'<th class="role" data-column="{i}" title="{e(rid)}">{e(title)}</th>'
        for i, (rid, title) in enumerate(matrix.roles)
    )
    body: list[str] = []
    width = len(matrix.roles) + 2
    for group in matrix.groups:
        body.append(f'<tr class="group"><th colspan="{width}">{e(_group_label(group))}</th></tr>')
        for row in group.rows:
            cells = "".join(
                f'<td class="cell{" owner" if c == "A" else ""}" data-column="{i}">{c}</td>'
                for i, c in enumerate(row.cells)
            )
            body.append(
                f'<tr class="row {row.status}" id="{e(row.id)}">'
                f'<td class="title">{e(row.title)} <code>{e(row.id)}</code></td>{cells}'
                f'<td class="status">{e(_status_text(row))}</td></tr>'
            )
    rows = "\n".join(body)
    return f"""<!DOCTYPE html>
<!-- Generated by ownership-lint from team/ (`ownership-lint matrix --format html`). -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
  content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(matrix.title)}: responsibility assignment matrix</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{e(matrix.title)}: responsibility assignment matrix</h1>
<p>{e(LEGEND)} Click a role to highlight its column.</p>
<p id="summary">Gaps: {gaps}. Conflicts: {conflicts}.
<label><input type="checkbox" id="problems-only"> show only gaps and conflicts</label></p>
<table>
<thead><tr><th>Responsibility</th>{head}<th>Status</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<script>{_JS}</script>
</body>
</html>
"""


# -- SVG -----------------------------------------------------------------------------------

_FONT = 'font-family="Helvetica, Arial, sans-serif"'
_CHAR = 7.0  # average advance of a 12px sans-serif character, generous
_ROW = 24
_COL = 96
_PAD = 10
_FILL = {OK: "#ffffff", GAP: "#fff8c5", CONFLICT: "#ffebe9"}


def _wrap(text: str, width: int) -> list[str]:
    """Words in lines of at most `width` characters (a longer word gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def render_svg(matrix: Matrix) -> str:
    e = html_text
    rows = matrix.rows()
    label_chars = max(
        [len(r.title) for r in rows] + [len(_group_label(g)) for g in matrix.groups] + [20]
    )
    left = int(label_chars * _CHAR) + 2 * _PAD
    heads = [_wrap(title, int(_COL / _CHAR) - 1) for _, title in matrix.roles]
    head_lines = max([len(h) for h in heads] + [1])
    top = 40 + head_lines * 15 + 12
    status_w = 150
    width = left + _COL * len(matrix.roles) + status_w
    height = top + _ROW * (len(rows) + len(matrix.groups)) + 40
    gaps, conflicts = matrix.counts()
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" {_FONT} font-size="12">',
        f"<title>{e(matrix.title)}: responsibility assignment matrix</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{_PAD}" y="24" font-size="16" font-weight="bold" fill="#1f2328">'
        f"{e(matrix.title)}: responsibility assignment matrix</text>",
    ]
    for index, lines in enumerate(heads):
        x = left + index * _COL + _COL // 2
        for n, line in enumerate(lines):
            y = top - 12 - (len(lines) - 1 - n) * 15
            out.append(
                f'<text x="{x}" y="{y}" text-anchor="middle" font-weight="bold" '
                f'fill="#1f2328">{e(line)}</text>'
            )
    out.append(
        f'<text x="{left + _COL * len(matrix.roles) + _PAD}" y="{top - 12}" '
        f'font-weight="bold" fill="#1f2328">Status</text>'
    )
    y = top
    for group in matrix.groups:
        out.append(f'<rect x="0" y="{y}" width="{width}" height="{_ROW}" fill="#eaeef2"/>')
        out.append(
            f'<text x="{_PAD}" y="{y + 16}" font-weight="bold" fill="#1f2328">'
            f"{e(_group_label(group))}</text>"
        )
        y += _ROW
        for row in group.rows:
            fill = _FILL[row.status]
            out.append(
                f'<rect x="0" y="{y}" width="{width}" height="{_ROW}" fill="{fill}" '
                f'stroke="#d0d7de" stroke-width="0.5"/>'
            )
            out.append(f'<text x="{_PAD}" y="{y + 16}" fill="#1f2328">{e(row.title)}</text>')
            for index, cell in enumerate(row.cells):
                cx = left + index * _COL
                if cell == "A":
                    colour = "#cf222e" if row.status == CONFLICT else "#1a7f37"
                    out.append(
                        f'<circle cx="{cx + _COL // 2}" cy="{y + _ROW // 2}" r="9" '
                        f'fill="{colour}"/>'
                    )
                    out.append(
                        f'<text x="{cx + _COL // 2}" y="{y + 16}" text-anchor="middle" '
                        f'font-weight="bold" fill="#ffffff">A</text>'
                    )
                elif cell:
                    out.append(
                        f'<text x="{cx + _COL // 2}" y="{y + 16}" text-anchor="middle" '
                        f'fill="#57606a">{cell}</text>'
                    )
            status = {OK: "", GAP: "gap: no owner", CONFLICT: f"conflict: {row.owners} owners"}
            out.append(
                f'<text x="{left + _COL * len(matrix.roles) + _PAD}" y="{y + 16}" '
                f'fill="#cf222e">{status[row.status]}</text>'
            )
            y += _ROW
    for index in range(len(matrix.roles) + 1):
        x = left + index * _COL
        out.append(
            f'<line x1="{x}" y1="{top}" x2="{x}" y2="{y}" stroke="#d0d7de" stroke-width="1"/>'
        )
    out.append(
        f'<text x="{_PAD}" y="{y + 24}" fill="#57606a">{e(LEGEND)} Gaps: {gaps}. '
        f"Conflicts: {conflicts}.</text>"
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


RENDERERS = {"markdown": render_markdown, "html": render_html, "svg": render_svg}
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def format_for(path: str) -> str:
    """The matrix format a file name asks for: .md, .html or (anything else) .svg."""
    suffix = path[path.rfind(".") :].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return EXTENSIONS.get(suffix, "svg")


def render_matrix(team: Team, fmt: str) -> str:
    return RENDERERS[fmt](build_matrix(team))
