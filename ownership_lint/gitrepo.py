"""Everything ownership-lint asks git, through GitPython: the only module that imports it.

Read-only by construction: the tracked files come from the index (`git ls-files`, which honours
GIT_INDEX_FILE, so inside a pre-commit run it sees what is being committed), never from the
work tree, and nothing here writes to the index or the work tree.
"""

from __future__ import annotations

from pathlib import Path


class GitError(Exception):
    """git could not answer (not a repository, git missing, a bad revision...)."""


def _repo(root: Path) -> object:
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
    import git

    repo = _repo(root)
    assert isinstance(repo, git.Repo)
    top = Path(repo.working_tree_dir or root).resolve()
    try:
        # -z: paths verbatim, without C-quoting of unusual characters.
        out: str = repo.git.ls_files("-z", "--full-name", "--", str(top))
    except git.GitCommandError as err:
        raise GitError(f"git ls-files failed: {err.stderr.strip() or err}") from err
    except git.GitCommandNotFound as err:
        raise GitError("git is not installed") from err
    files = [path for path in out.split("\0") if path]
    prefix = root.resolve().relative_to(top).as_posix()
    if prefix not in ("", "."):
        files = [p[len(prefix) + 1 :] for p in files if p.startswith(prefix + "/")]
    return sorted(set(files))


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
