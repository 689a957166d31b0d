"""Git repositories and pre-commit runs for the tests, isolated from the caller's
configuration (shared by the integration and adoption tests; the session fixtures that use
them are in conftest.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from .conftest import REPO, write_files

HookRun = Callable[..., subprocess.CompletedProcess[str]]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without GIT_* (a test run inside a git hook must not leak its index)
    and without the user's git configuration (signing, hooks), plus an identity for commits."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="test",
        GIT_COMMITTER_EMAIL="test@example.com",
        PRE_COMMIT_COLOR="never",
        NO_COLOR="1",
    )
    env.update(extra)
    return env


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=clean_env(), capture_output=True, text=True, check=True
    )
    return done.stdout


def git_repo(root: Path, files: Mapping[str, str]) -> Path:
    """A new git repository holding `files`, all of them staged (not committed)."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "--quiet")
    write_files(root, files)
    git(root, "add", "--all")
    return root


def snapshot_of_this_tree(dest: Path) -> Path:
    """A copy of this repository's working tree (tracked and untracked, not ignored files),
    committed in a new repository. Reads /work/main, never changes its git state."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        env=clean_env(),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8", "surrogateescape")
    dest.mkdir(parents=True)
    for rel in sorted({p for p in listed.split("\0") if p}):
        source = REPO / rel
        if source.is_file():  # a deleted but still tracked file is not part of the tree
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    git(dest, "init", "--quiet")
    git(dest, "add", "--all")
    git(dest, "commit", "--quiet", "--no-verify", "-m", "snapshot of the working tree")
    return dest


def pre_commit(
    home: Path, cwd: Path, *args: str, path_prefix: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = clean_env(PRE_COMMIT_HOME=str(home))
    if path_prefix:
        env["PATH"] = path_prefix + os.pathsep + env.get("PATH", "")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def output(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout + done.stderr
