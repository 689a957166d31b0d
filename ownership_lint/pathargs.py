"""Paths as a user types them on the command line, as repository-relative POSIX paths."""

from __future__ import annotations

import re
from pathlib import Path

from ownership_lint.errors import ConfigError

_WINDOWS_PATH = re.compile(r"[A-Za-z]:[\\/]|\\\\")


def repo_path(root: Path, given: str, cwd: Path | None = None) -> str:
    """A path as the user typed it, as a repository-relative POSIX path: an existing absolute
    path, or a path relative to the current directory (when that is inside the repository),
    is translated; `/docs/x` that exists nowhere reads from the root, as in CODEOWNERS; any
    other path is taken as relative to the root. A trailing `/` (a directory) is kept.
    Outside the repository, or a Windows path: ConfigError.

    Paths are POSIX: a backslash is part of a file name (`f\\oo` is one name), not a
    separator."""
    import os.path

    if os.name != "nt" and _WINDOWS_PATH.match(given):
        raise ConfigError(
            f"'{given}' is a Windows path: give the path POSIX-style ('/' between names), "
            "relative to the current directory or the repository root (e.g. 'terraform/main.tf')"
        )
    top = os.path.realpath(root)
    here = os.path.realpath(cwd or Path.cwd())
    text = given
    inside_here = here == top or here.startswith(top + os.sep)
    if os.path.isabs(text) and os.path.exists(text):
        full = os.path.realpath(text)
    elif os.path.isabs(text) and not text.startswith(top + "/"):
        full = os.path.normpath(os.path.join(top, text.lstrip("/")))  # '/docs/x': from the root
    elif os.path.isabs(text):
        full = os.path.normpath(text)
    elif inside_here:
        full = os.path.normpath(os.path.join(here, text))
    else:
        full = os.path.normpath(os.path.join(top, text))
    rel = os.path.relpath(full, top).replace(os.sep, "/")
    if rel == "." or rel == ".." or rel.startswith("../"):
        raise ConfigError(f"'{given}' is not a path inside the repository ({root})")
    return rel + "/" if given.endswith("/") else rel
