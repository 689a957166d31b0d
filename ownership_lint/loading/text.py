"""Checks on raw text that every kind of file we read shares."""

from __future__ import annotations

from ownership_lint.catalogue.syntax import MERGE_CONFLICT
from ownership_lint.findings import Finding, Location

_MARKERS = ("<<<<<<< ", ">>>>>>> ", "<<<<<<<\n", ">>>>>>>\n", "=======\n", "|||||||")


def conflict_markers(text: str, path: str) -> list[Finding]:
    """A finding for every merge-conflict marker line (`<<<<<<<`, `=======`, `>>>>>>>`)."""
    findings: list[Finding] = []
    for number, line in enumerate(text.splitlines(), start=1):
        bare = line + "\n"
        if bare.startswith(_MARKERS):
            findings.append(
                MERGE_CONFLICT.finding(
                    Location(path, number, 1, number, len(bare)),
                    f"merge-conflict marker '{bare[:7]}'",
                    "resolve the conflict and remove the markers",
                )
            )
    return findings


class NotText(Exception):
    """The bytes are not UTF-8 text; `line` and `column` say where (1-based)."""

    def __init__(self, message: str, hint: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message, self.hint, self.line, self.column = message, hint, line, column

    def location(self, path: str) -> Location:
        return Location(path, self.line, self.column)


def _position(raw: bytes, index: int) -> tuple[int, int]:
    """Line and column (in characters, as everywhere else) of byte `index`."""
    line_start = raw.rfind(b"\n", 0, index) + 1
    column = len(raw[line_start:index].decode("utf-8", "replace")) + 1
    return raw.count(b"\n", 0, index) + 1, column


def decode(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark is accepted), or NotText: UTF-16, bad bytes, NUL bytes."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotText(
            "the file is UTF-16; it must be UTF-8",
            "re-save the file as UTF-8 (iconv -f UTF-16 -t UTF-8)",
        )
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise NotText(
            f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
            "re-save the file as UTF-8 (for Latin-1: iconv -f LATIN1 -t UTF-8)",
            *_position(raw, err.start),
        ) from err
    nul = raw.find(b"\0")
    if nul >= 0:
        raise NotText(
            "the file contains a NUL byte: it is binary, not text",
            "restore the file from version control",
            *_position(raw, nul),
        )
    return text
