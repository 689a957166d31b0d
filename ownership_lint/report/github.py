"""GitHub Actions workflow commands: one annotation per finding, then the full text.

GitHub shows at most 10 annotations of each kind per step, so the complete list follows in
the ordinary text format; the log always has everything. The runner reads every line of the
log for commands: the text copy sits between `::stop-commands::` and its resume token, so no
value quoted in it can become an annotation of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from ownership_lint.escape import visible, workflow_data, workflow_inert, workflow_property
from ownership_lint.findings import Finding, Severity, Skipped
from ownership_lint.report import text


def annotation(finding: Finding) -> str:
    loc = finding.location
    kind = "error" if finding.severity is Severity.ERROR else "warning"
    props = ",".join(
        [
            f"file={workflow_property(loc.path)}",
            f"line={loc.line}",
            f"col={loc.column}",
            f"endLine={loc.end_line}",
            f"endColumn={loc.end_column}",
            f"title={workflow_property(f'{finding.code} {finding.name}')}",
        ]
    )
    # The file property stays the path itself (GitHub places the annotation by it); the
    # text GitHub shows is one visible line of message and one of hint.
    message = visible(finding.message) + (f"\n{visible(finding.hint)}" if finding.hint else "")
    return f"::{kind} {props}::{workflow_data(message)}"


def render(
    findings: Sequence[Finding],
    files: int,
    *,
    skipped: Sequence[Skipped] = (),
    quiet: bool = False,
    colour: bool = False,
) -> str:
    lines = [annotation(finding) for finding in findings]
    lines += [
        f"::warning title={workflow_property('ownership-lint: checks did not run')}::"
        + workflow_data(visible(s.message))
        for s in skipped
    ]
    full = "" if quiet else workflow_inert(text.render(findings, files, skipped=skipped))
    return "\n".join(lines) + ("\n" if lines else "") + full
