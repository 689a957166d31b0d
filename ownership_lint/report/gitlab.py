"""GitLab Code Quality report (the JSON array GitLab reads from `artifacts:reports:codequality`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from ownership_lint.escape import json_document
from ownership_lint.findings import Finding, Severity, Skipped
from ownership_lint.report.fingerprint import fingerprints

# GitLab's severities: info, minor, major, critical, blocker.
_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def render(
    findings: Sequence[Finding],
    files: int,
    *,
    skipped: Sequence[Skipped] = (),
    quiet: bool = False,
    colour: bool = False,
) -> str:
    issues: list[dict[str, object]] = [
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
    # A check that did not run is no finding, but the merge request must show it: an info
    # issue (GitLab's lowest severity) on the file it would have checked.
    issues += [
        {
            "description": s.message,
            "check_name": "ownership-lint checks did not run",
            "fingerprint": hashlib.sha256(s.message.encode("utf-8", "replace")).hexdigest()[:32],
            "severity": "info",
            "location": {"path": s.path, "lines": {"begin": 1, "end": 1}},
        }
        for s in skipped
    ]
    return json_document(json.dumps(issues, indent=2, ensure_ascii=False)) + "\n"
