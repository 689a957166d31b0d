"""Checks on raw text that every kind of file we read shares."""

from __future__ import annotations

from ownership_lint.findings import Finding, Location
from ownership_lint.rules import syntax

_MARKERS = ("<<<<<<< ", ">>>>>>> ", "<<<<<<<\n", ">>>>>>>\n", "=======\n", "|||||||")


def conflict_markers(text: str, path: str) -> list[Finding]:
    """A finding for every merge-conflict marker line (`<<<<<<<`, `=======`, `>>>>>>>`)."""
    findings: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        bare = line + "\n"
        if bare.startswith(_MARKERS):
            findings.append(
                syntax.MergeConflictMarker.finding(
                    Location(path, number, 1, number, len(bare)),
                    f"merge-conflict marker '{bare[:7]}'",
                    "resolve the conflict and remove the markers",
                )
            )
    return findings


def utf16_message(raw: bytes) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "the file is UTF-16; it must be UTF-8 (iconv -f UTF-16 -t UTF-8)"
    return None
