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

from ownership_lint.errors import UsageError

if TYPE_CHECKING:
    import git


class GitError(UsageError):
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


def top_level(start: Path) -> Path:
    """The top directory of the repository that holds `start`."""
    out = _git(start, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape")
    return Path(out.strip())


def tracked_files(root: Path) -> list[str]:
    """Every path in the index under `root`, relative to `root`, POSIX, sorted."""
    # -z: paths verbatim, without C-quoting; run in `root`, paths come relative to it.
    out = _git(root, "ls-files", "-z", "--", ".").decode("utf-8", "surrogateescape")
    return sorted({path for path in out.split("\0") if path})


def read_paths_file(path: Path, root: Path | None = None) -> list[str]:
    """Paths listed one a line (blank lines and a leading './' ignored), as --paths-from takes.

    The user names the file: it may lie outside the repository `root`, but no link inside
    the repository is read (`fileio.read_file`)."""
    from ownership_lint.fileio import read_file

    try:
        raw = read_file(root or Path.cwd(), path.absolute(), anywhere=True)
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise GitError(f"'{path}' is not UTF-8 text") from err
    except OSError as err:
        raise GitError(f"cannot read '{path}': {err.strerror or err}") from err
    paths = (line.strip().removeprefix("./") for line in text.splitlines())
    return sorted({p for p in paths if p})


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError as err:
        raise GitError("git is not installed") from err
    except OSError as err:
        raise GitError(f"cannot run git in '{root}': {err.strerror or err}") from err
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        if "not a git repository" in message:
            raise GitError(f"'{root}' is not inside a git repository")
        raise GitError(f"git {args[0]} failed: {message}")
    return result.stdout


def resolve(root: Path, rev: str) -> str:
    """The commit a revision names (anything `git rev-parse` understands: HEAD~2, @{u}, ...)."""
    try:
        out = _git(
            root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"
        )
    except GitError as err:
        if "not inside a git repository" in str(err):
            raise
        if _answer(root, "rev-parse", "--is-shallow-repository") == "true":
            # CI's default checkout (fetch-depth: 1) has one commit: the base is not there.
            raise GitError(
                f"unknown revision '{rev}': this is a shallow clone, which lacks it. Fetch the "
                "history: in GitHub Actions, actions/checkout with 'fetch-depth: 0' (in GitLab "
                f"CI, GIT_DEPTH: 0), or 'git fetch --depth=N origin {rev}' before this command"
            ) from err
        raise GitError(f"unknown revision '{rev}'") from err
    return out.decode("ascii").strip()


def _answer(root: Path, *args: str) -> str:
    """git's one-line answer, or '' when git cannot answer."""
    try:
        return _git(root, *args).decode("utf-8", "replace").strip()
    except GitError:
        return ""


def is_bare(root: Path) -> bool:
    """True in a bare repository: there is no work tree to read."""
    return _answer(root, "rev-parse", "--is-bare-repository") == "true"


def _prefix(root: Path) -> str:
    """Where `root` is inside its repository: '' at the top, else 'sub/dir/'."""
    return _git(root, "rev-parse", "--show-prefix").decode("utf-8", "surrogateescape").strip()


def files_at(root: Path, rev: str) -> list[str]:
    """Every path under `root` in revision `rev`, relative to `root`, sorted: the same kinds
    of entry `git ls-files` lists for the index (files, links, submodules)."""
    commit = resolve(root, rev)
    prefix = _prefix(root)
    out = _git(root, "ls-tree", "-r", "-z", "--name-only", "--full-tree", commit)
    paths = out.decode("utf-8", "surrogateescape").split("\0")
    return sorted(p[len(prefix) :] for p in paths if p and p.startswith(prefix))


def _regular(blob: Any) -> bool:
    # Links (mode 120000) and submodules are not content to read.
    return bool((blob.mode & 0o170000) == 0o100000)


def export(root: Path, rev: str, prefixes: Sequence[str], dest: Path) -> list[str]:
    """Write the regular files of revision `rev` at or under `prefixes` (relative to `root`)
    into `dest`, at the same relative paths; the work tree and the index are not touched.
    Returns the paths written."""
    repo = _repo(root)
    commit: Any = repo.commit(resolve(root, rev))  # GitPython's tree items are a wide union
    base = _prefix(root)
    wanted = [base + p.rstrip("/") for p in prefixes]
    written = []
    for item in commit.tree.traverse():
        if item.type != "blob" or not _regular(item):
            continue
        path: str = item.path
        if not any(path == p or path.startswith(p + "/") for p in wanted):
            continue
        rel = path[len(base) :]
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.data_stream.read())
        written.append(rel)
    return sorted(written)
