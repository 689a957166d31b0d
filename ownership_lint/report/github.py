"""GitHub Actions workflow commands: one annotation per finding, then the full text.

GitHub shows at most 10 annotations of each kind per step, so the complete list follows in
the ordinary text format; the log always has everything.
"""

from __future__ import annotations

from collections.abc import Sequence

from ownership_lint.escape import workflow_data, workflow_property
from ownership_lint.findings import Finding, Severity, Skipped
from ownership_lint.report import text


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    loc = finding.location
    kind = "error" if finding.severity is Severity.ERROR else "warning"
    props = ",".join(
        [
            f"file={_property(loc.path)}",
            f"line={loc.line}",
            f"col={loc.column}",
            f"endLine={loc.end_line}",
            f"endColumn={loc.end_column}",
            f"title={_property(f'{finding.code} {finding.name}')}",
        ]
    )
    message = finding.message + (f"\n{finding.hint}" if finding.hint else "")
    return f"::{kind} {props}::{_data(message)}"


def render(
    findings: Sequence[Finding], files: int, quiet: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    lines = [annotation(finding) for finding in findings]
    lines += [
        f"::warning title={workflow_property('ownership-lint: checks did not run')}::"
        + workflow_data(s.message)
        for s in skipped
    ]
    full = "" if quiet else text.render(findings, files, skipped=skipped)
    return "\n".join(lines) + ("\n" if lines else "") + full
