"""The catalogue of finding codes for a reader: the list (`ownership-lint rules`) and one
code explained with its examples and what ownership-lint says about them (`explain`)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ownership_lint.catalogue import Code
from ownership_lint.findings import Finding

# An example longer than this (the 3 MB CODEOWNERS of OL309) is shown cut.
EXAMPLE_LINES = 20


def rules_json(codes: Sequence[Code]) -> str:
    rows = [
        {"code": c.code, "name": c.name, "severity": c.severity.value, "summary": c.summary()}
        for c in codes
    ]
    return json.dumps(rows, indent=2) + "\n"


def rules_text(codes: Sequence[Code]) -> str:
    return "".join(f"{c.code}  {c.name:<28} {c.severity.value:<8} {c.summary()}\n" for c in codes)


def explain_text(
    code: Code, failing: Sequence[Finding] | None, passing: Sequence[Finding] | None
) -> str:
    """The explanation, then (for a code with examples) the failing example with what
    ownership-lint says about it (`failing`), and the passing one with its findings."""
    integrity = "; an integrity check: it cannot be switched off" if code.integrity else ""
    lines = [f"{code.code} {code.name} (default severity: {code.severity.value}{integrity})", ""]
    lines.append(code.doc)
    if failing is not None:
        lines += ["", "Example that fails (laid over a small valid team):"]
        lines += _files(code.example_fail)
        lines += ["", "What ownership-lint says about it:", ""]
        lines += _findings(failing)
    if passing is not None:
        if code.example_pass:
            lines += ["", "Example that passes (laid over the same team):"]
            lines += _files(code.example_pass)
        else:
            lines += ["", "Example that passes: the small valid team itself, nothing laid over it."]
        lines += ["", "What ownership-lint says about it:", ""]
        lines += _findings(passing)
    return "".join(line + "\n" for line in lines)


def _files(files: Mapping[str, str | None]) -> list[str]:
    lines: list[str] = []
    for path, content in files.items():
        if content is None:
            lines += ["", f"  {path}: (file removed)"]
            continue
        lines += ["", f"  {path}:"]
        shown = content.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        text = shown.splitlines()
        lines += [f"    {line.expandtabs(4)}" for line in text[:EXAMPLE_LINES]]
        if len(text) > EXAMPLE_LINES:
            lines.append(f"    ... ({len(text) - EXAMPLE_LINES:,} more lines like these)")
    return lines


def _findings(findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return ["  nothing: every check passes."]
    lines: list[str] = []
    for finding in findings:
        lines.append(f"  {finding.location}: {finding.code} {finding.message}")
        if finding.hint:
            lines.append(f"      hint: {finding.hint}")
    return lines
