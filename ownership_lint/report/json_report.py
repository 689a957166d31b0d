"""Machine-readable findings: exactly one JSON object, version 1."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ownership_lint.escape import json_document
from ownership_lint.findings import Finding, Severity, Skipped


def render(
    findings: Sequence[Finding],
    files: int,
    *,
    skipped: Sequence[Skipped] = (),
    quiet: bool = False,
    colour: bool = False,
) -> str:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    document = {
        "version": 1,
        "findings": [finding.to_dict() for finding in findings],
        "summary": {
            "errors": errors,
            "warnings": len(findings) - errors,
            "files": files,
            # Selected checks that did not run: empty when everything selected looked.
            "skipped": [s.to_dict() for s in skipped],
        },
    }
    return json_document(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
