"""GitLab Code Quality report (the JSON array GitLab reads from `artifacts:reports:codequality`)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ownership_lint.escape import json_document
from ownership_lint.findings import Finding, Severity
from ownership_lint.report.fingerprint import fingerprints

# GitLab's severities: info, minor, major, critical, blocker.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def render(findings: Sequence[Finding], files: int) -> str:
    issues = [
        {
            "description": f"{finding.code} {finding.message}",
            "check_name": f"{finding.code} {finding.name}",
            "fingerprint": fingerprint,
            "severity": _SEVERITY[finding.severity],
            "location": {
                "path": finding.location.path,
                "lines": {"begin": finding.location.line, "end": finding.location.end_line},
            },
        }
        for finding, fingerprint in zip(findings, fingerprints(findings), strict=True)
    ]
    return json_document(json.dumps(issues, indent=2, ensure_ascii=False)) + "\n"
