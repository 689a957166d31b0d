"""SARIF 2.1.0 for code scanning: the tool with every rule, one result per finding."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ownership_lint import __version__
from ownership_lint.escape import json_document
from ownership_lint.findings import Finding, Location, Severity, Skipped
from ownership_lint.report.fingerprint import fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/ownership-lint/"


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def _physical(loc: Location) -> dict[str, object]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": loc.path, "uriBaseId": "%SRCROOT%"},
            "region": {
                "startLine": loc.line,
                "startColumn": loc.column,
                "endLine": loc.end_line,
                "endColumn": max(loc.end_column, loc.column),
            },
        }
    }


def render(
    findings: Sequence[Finding],
    files: int,
    *,
    skipped: Sequence[Skipped] = (),
    quiet: bool = False,
    colour: bool = False,
) -> str:
    from ownership_lint import catalogue

    entries = list(catalogue.codes().values())
    index = {entry.code: number for number, entry in enumerate(entries)}
    driver = {
        "name": "ownership-lint",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [
            {
                "id": entry.code,
                "name": entry.name,
                "shortDescription": {"text": entry.summary()},
                "fullDescription": {"text": entry.doc},
                "help": {"text": f"ownership-lint explain {entry.code}"},
                "defaultConfiguration": {"level": _level(entry.severity)},
            }
            for entry in entries
        ],
    }
    results = []
    for finding, fingerprint in zip(findings, fingerprints(findings), strict=True):
        loc = finding.location
        message = finding.message + (f" ({finding.hint})" if finding.hint else "")
        result: dict[str, object] = {
            "ruleId": finding.code,
            "level": _level(finding.severity),
            "message": {"text": message},
            "locations": [_physical(loc)],
            "partialFingerprints": {"ownershipLint/v1": fingerprint},
        }
        if finding.related:
            result["relatedLocations"] = [
                {"id": number, **_physical(where)}
                for number, where in enumerate(finding.related, start=1)
            ]
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        results.append(result)
    run: dict[str, object] = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
        "results": results,
    }
    if skipped:
        # Code scanning shows tool notifications: the run looked at less than was asked.
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {
                        "level": "warning",
                        "message": {"text": s.message},
                        "associatedRule": {"id": code, "index": index[code]},
                    }
                    for s in skipped
                    for code in s.codes
                ],
            }
        ]
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_document(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
