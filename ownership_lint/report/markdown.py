"""A Markdown summary of findings, for GitHub's job summary or a pull-request comment.

Paths and messages quote the linted files: each cell is escaped (`escape.markdown_code` and
`escape.markdown_text`), so that no value can end its row, start a heading or open HTML.
"""

from __future__ import annotations

from collections.abc import Sequence

from ownership_lint.escape import markdown_code, markdown_text
from ownership_lint.findings import Finding, Severity, Skipped
from ownership_lint.report.text import skipped_count, summary_line

MAX_ROWS = 100


def render(
    findings: Sequence[Finding],
    files: int,
    title: str = "ownership-lint",
    skipped: Sequence[Skipped] = (),
) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    icon = ":x:" if errors else (":warning:" if warnings or skipped else ":white_check_mark:")
    summary = summary_line(errors, warnings, files, skipped_count(skipped))
    lines = [f"## {icon} {title}", "", summary, ""]
    lines += [f":warning: {markdown_text(s.message)}" for s in skipped]
    lines += [""] if skipped else []
    if findings:
        lines += ["| | code | where | message |", "|---|---|---|---|"]
        for finding in findings[:MAX_ROWS]:
            mark = ":x:" if finding.severity is Severity.ERROR else ":warning:"
            where = markdown_code(str(finding.location), in_table=True)
            message = markdown_text(finding.message)
            lines.append(f"| {mark} | {finding.code} {finding.name} | {where} | {message} |")
        if len(findings) > MAX_ROWS:
            lines += ["", f"... and {len(findings) - MAX_ROWS} more: see the job log."]
        lines.append("")
    return "\n".join(lines) + "\n"
