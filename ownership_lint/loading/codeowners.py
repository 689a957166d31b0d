"""A real CODEOWNERS file: where the platform looks for it, which dialect it is written in,
and its text read and parsed (never through a link, `fileio.read_file`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ownership_lint.errors import ConfigError
from ownership_lint.findings import Finding
from ownership_lint.loading.text import NotText, conflict_markers, decode

if TYPE_CHECKING:
    from ownership_lint.codeowners.model import CodeownersFile, Dialect


_SECTION = re.compile(r"^\^?\[[^\]\n]+\]", re.MULTILINE)


def detect_dialect(rel_path: str, text: str) -> Dialect:
    """Where only one platform looks decides (.github/, .gitlab/); elsewhere GitLab when the
    file has `[Section]` headers, else GitHub."""
    if rel_path.startswith(".github/"):
        return "github"
    if rel_path.startswith(".gitlab/") or _SECTION.search(text):
        return "gitlab"
    return "github"


def locate_codeowners(root: Path, path: Path | None, dialect: Dialect | None) -> Path:
    """The CODEOWNERS file to use: `path` (relative to the current directory), or where the
    platform looks under `root`."""
    from ownership_lint.codeowners.locate import find_codeowners

    if path is not None:
        return path.absolute()
    for candidate in [dialect] if dialect else ["github", "gitlab"]:
        found = find_codeowners(root, candidate)  # type: ignore[arg-type]
        if found is not None:
            return found
    raise ConfigError(
        f"no CODEOWNERS file under '{root}' (looked in .github/, the root, docs/ and .gitlab/)"
    )


@dataclass
class LoadedCodeowners:
    path: str  # repository-relative where possible
    parsed: CodeownersFile
    size: int
    findings: list[Finding] = field(default_factory=list)  # about the text itself
    text: str = ""


def load_codeowners(
    root: Path, path: Path | None = None, dialect: Dialect | None = None
) -> LoadedCodeowners:
    """Read and parse a CODEOWNERS file; ConfigError when it cannot be read as text.

    The file the platform uses must be a regular file inside the repository. A file the user
    names (`path`) may lie outside it; either way a link is not read (`fileio.read_file`)."""
    from ownership_lint.codeowners.parse import parse
    from ownership_lint.escape import visible
    from ownership_lint.fileio import read_file, relative

    file = locate_codeowners(root, path, dialect)
    rel = relative(root, file)
    try:
        raw = read_file(root, file, anywhere=path is not None)
    except OSError as err:
        raise ConfigError(f"cannot read '{visible(rel)}': {err.strerror or err}") from err
    try:
        text = decode(raw)
    except NotText as err:
        raise ConfigError(f"{err.location(rel)}: {err.message}; {err.hint}") from err
    chosen = dialect or detect_dialect(rel, text)
    return LoadedCodeowners(rel, parse(text, chosen), len(raw), conflict_markers(text, rel), text)
