"""Comparing a committed generated file (CODEOWNERS, the team document, the matrix) with what
team/ generates now: one reading, one notion of "the same", one diff."""

from __future__ import annotations

from pathlib import Path


def read_committed(root: Path, path: Path | str, *, anywhere: bool = False) -> str | None:
    """The text of the file at `path` (relative to the repository `root`) with '\\n' line
    ends (a checkout with core.autocrlf reads the same), or None when it is absent.

    Read with `fileio.read_file`: a link, or a file outside the repository (unless
    `anywhere`: a path the user named), raises UnsafePath, and nothing of it is read.
    OSError (UnsafePath and FileTooLarge included) and UnicodeDecodeError are the caller's
    to report.
    """
    from ownership_lint.fileio import read_file

    try:
        raw = read_file(root, path, anywhere=anywhere)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return raw.decode("utf-8").replace("\r\n", "\n")


def first_difference(old: str, new: str) -> int:
    """The first line (1-based) where `old` and `new` differ; never past the end of `old`."""
    old_lines, new_lines = old.split("\n"), new.split("\n")
    for number, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), 1):
        if a != b:
            return number
    return max(1, min(len(old_lines), len(new_lines)))


def _lines(text: str) -> list[str]:
    # '\n' only: str.splitlines would also break at \x85, \u2028 ... inside a line.
    return text.removesuffix("\n").split("\n") if text else []


def unified_diff(old: str, new: str, rel: str, old_label: str, new_label: str) -> str:
    """A unified diff for a terminal or a CI log: the committed side is hostile, so every
    line is shown with `escape.visible`."""
    import difflib  # only when there is a difference to show

    from ownership_lint.escape import visible

    lines = difflib.unified_diff(
        _lines(old),
        _lines(new),
        fromfile=f"{rel} ({old_label})",
        tofile=f"{rel} ({new_label})",
        lineterm="",
    )
    return "".join(visible(line) + "\n" for line in lines)
