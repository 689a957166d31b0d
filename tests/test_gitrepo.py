"""Tracked files come from git's index, read-only: dirty trees and pre-commit runs included."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from ownership_lint.gitrepo import GitError, read_paths_file, tracked_files


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env=env,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    for rel in ["a.txt", "dir/b.txt", "dir/sub/c.txt", "odd name ü.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "init")
    return tmp_path


def test_lists_the_index_verbatim(repo: Path) -> None:
    assert tracked_files(repo) == ["a.txt", "dir/b.txt", "dir/sub/c.txt", "odd name ü.txt"]


def test_dirty_tree_staged_and_untracked(repo: Path) -> None:
    (repo / "a.txt").write_text("modified, not staged")
    (repo / "untracked.txt").write_text("never added")
    (repo / "staged.txt").write_text("added")
    git(repo, "add", "staged.txt")
    (repo / "dir/b.txt").unlink()  # deleted in the work tree, still in the index
    assert tracked_files(repo) == [
        "a.txt",
        "dir/b.txt",
        "dir/sub/c.txt",
        "odd name ü.txt",
        "staged.txt",
    ]


def test_never_touches_the_index_or_the_work_tree(repo: Path) -> None:
    (repo / "a.txt").write_text("dirty")
    index = repo / ".git" / "index"
    before = (index.read_bytes(), index.stat().st_mtime_ns, (repo / "a.txt").read_text())
    tracked_files(repo)
    after = (index.read_bytes(), index.stat().st_mtime_ns, (repo / "a.txt").read_text())
    assert before == after


def test_subdirectory_root_gives_paths_relative_to_it(repo: Path) -> None:
    assert tracked_files(repo / "dir") == ["b.txt", "sub/c.txt"]


def test_honours_git_index_file_as_pre_commit_does(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alternate = repo / ".git" / "other-index"
    env = {**os.environ, "GIT_INDEX_FILE": str(alternate)}
    git(repo, "read-tree", "HEAD", env=env)
    (repo / "only-in-other.txt").write_text("x")
    git(repo, "add", "only-in-other.txt", env=env)
    monkeypatch.setenv("GIT_INDEX_FILE", str(alternate))
    assert "only-in-other.txt" in tracked_files(repo)
    monkeypatch.delenv("GIT_INDEX_FILE")
    assert "only-in-other.txt" not in tracked_files(repo)


def test_outside_git_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="not inside a git repository"):
        tracked_files(tmp_path)


def test_paths_file(tmp_path: Path) -> None:
    listing = tmp_path / "files.txt"
    listing.write_text("./b\n\na\n  c/d  \nb\n")
    assert read_paths_file(listing) == ["a", "b", "c/d"]
    listing.write_bytes(b"\xff\xfe")
    with pytest.raises(GitError, match="not UTF-8"):
        read_paths_file(listing)
