"""Comparing a committed generated file (CODEOWNERS, the team document, the matrix) with what
team/ generates now: one reading, one notion of "the same", one diff."""

from __future__ import annotations

from pathlib import Path


def read_committed(path: Path) -> str | None:
    """The file's text with '\\n' line ends (a checkout with core.autocrlf reads the same), or
    None when it is absent. OSError and UnicodeDecodeError are the caller's to report."""
    if not path.is_file():
        return None
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n")


def first_difference(old: str, new: str) -> int:
    """The first line (1-based) where `old` and `new` differ; never past the end of `old`."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), 1):
        if a != b:
            return number
    return max(1, min(len(old_lines), len(new_lines)))


def unified_diff(old: str, new: str, rel: str, old_label: str, new_label: str) -> str:
    import difflib  # only when there is a difference to show

    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            fromfile=f"{rel} ({old_label})",
            tofile=f"{rel} ({new_label})",
        )
    )
