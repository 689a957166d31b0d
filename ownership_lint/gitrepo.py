"""Everything ownership-lint asks git: the only module that runs git or imports GitPython.

Read-only by construction: the tracked files come from the index (`git ls-files`, which honours
GIT_INDEX_FILE, so inside a pre-commit run it sees what is being committed), never from the
work tree; revisions are read from the object store; nothing writes to the index or the tree.

The tracked files are on the pre-commit path, where importing GitPython alone (~75 ms) would
cost more than the rest of `check`: they come from one plain `git ls-files` call. Everything
that reads commits and blobs (`diff`, `check --base`) goes through GitPython.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import git


class GitError(Exception):
    """git could not answer (not a repository, git missing, a bad revision...)."""


def _repo(root: Path) -> git.Repo:
    try:
        import git
    except ImportError as err:  # pragma: no cover - GitPython is a dependency
        raise GitError(f"GitPython is not installed: {err}") from err
    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as err:
        raise GitError(f"'{root}' is not inside a git repository") from err
    except git.GitCommandNotFound as err:
        raise GitError("git is not installed") from err


def tracked_files(root: Path) -> list[str]:
    """Every path in the index under `root`, relative to `root`, POSIX, sorted."""
    try:
        # -z: paths verbatim, without C-quoting; run in `root`, paths come relative to it.
        result = subprocess.run(
            ["git", "ls-files", "-z", "--", "."], cwd=root, capture_output=True, check=False
        )
    except FileNotFoundError as err:
        raise GitError("git is not installed") from err
    except OSError as err:
        raise GitError(f"cannot run git in '{root}': {err.strerror or err}") from err
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        if "not a git repository" in message:
            raise GitError(f"'{root}' is not inside a git repository")
        raise GitError(f"git ls-files failed: {message}")
    out = result.stdout.decode("utf-8", "surrogateescape")
    return sorted({path for path in out.split("\0") if path})


def read_paths_file(path: Path) -> list[str]:
    """Paths listed one a line (blank lines and a leading './' ignored), as --paths-from takes."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise GitError(f"'{path}' is not UTF-8 text") from err
    except OSError as err:
        raise GitError(f"cannot read '{path}': {err.strerror or err}") from err
    paths = (line.strip().removeprefix("./") for line in text.splitlines())
    return sorted({p for p in paths if p})


def _commit(root: Path, rev: str) -> Any:
    import git

    repo = _repo(root)
    try:
        return repo.commit(rev)
    except (git.BadName, ValueError, git.GitCommandError) as err:
        raise GitError(f"unknown revision '{rev}'") from err


def files_at(root: Path, rev: str) -> list[str]:
    """Every file path in revision `rev` (relative to the repository top), sorted."""
    commit = _commit(root, rev)
    return sorted(
        item.path for item in commit.tree.traverse() if item.type == "blob" and _regular(item)
    )


def _regular(blob: Any) -> bool:
    # Links (mode 120000) and submodules are not content to read.
    return bool((blob.mode & 0o170000) == 0o100000)


def export(root: Path, rev: str, prefixes: Sequence[str], dest: Path) -> list[str]:
    """Write the files of revision `rev` at or under `prefixes` into `dest`, keeping their
    repository paths; the work tree and the index are not touched. Returns the paths written."""
    commit = _commit(root, rev)
    written = []
    for item in commit.tree.traverse():
        if item.type != "blob" or not _regular(item):
            continue
        path: str = item.path
        if not any(path == p or path.startswith(p.rstrip("/") + "/") for p in prefixes):
            continue
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.data_stream.read())
        written.append(path)
    return sorted(written)
