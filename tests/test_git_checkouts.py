"""Checkouts that lack what `diff --base` and `check --base` compare (a bare repository, a
sparse checkout without team/, CI's shallow clone): exit 2 with what to do, never a report
that every role was removed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import REPO, Run
from .test_diff import git


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """Two commits, both with the shipped team/."""
    repo = tmp_path / "origin"
    shutil.copytree(REPO / "team", repo / "team")
    (repo / "README").write_text("one\n")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "one")
    (repo / "README").write_text("two\n")
    git(repo, "commit", "-qam", "two")
    return repo


def test_a_bare_repository_has_no_work_tree_to_compare(
    run: Run, origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(tmp_path, "clone", "-q", "--bare", str(origin), "bare")
    monkeypatch.chdir(tmp_path / "bare")
    code, out, err = run("diff", "--base", "HEAD~1")
    assert code == 2, out
    assert "roles:" not in out
    assert "a bare repository has no work tree to compare" in err and "--head REV" in err
    # Two revisions need no work tree.
    code, out, _ = run("diff", "--base", "HEAD~1", "--head", "HEAD")
    assert code == 0 and out.endswith("none.\n")


def test_a_sparse_checkout_without_team_says_so(
    run: Run, origin: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(tmp_path, "clone", "-q", str(origin), "sparse")
    sparse = tmp_path / "sparse"
    git(sparse, "sparse-checkout", "set", "--no-cone", "/README")
    assert not (sparse / "team").exists()
    monkeypatch.chdir(sparse)
    code, out, err = run("diff", "--base", "HEAD~1")
    assert code == 2, out
    assert "the work tree has no team definition at 'team/'" in err
    assert "git sparse-checkout add team" in err


def test_a_work_tree_without_team_is_not_every_role_removed(run: Run, origin: Path) -> None:
    shutil.rmtree(origin / "team")
    code, out, err = run("diff", "--base", "HEAD", "--root", str(origin))
    assert code == 2, out
    assert "has no team definition at 'team/'" in err


def test_a_head_revision_without_team_exits_2(run: Run, origin: Path) -> None:
    git(origin, "rm", "-rq", "team")
    git(origin, "commit", "-qm", "no team")
    code, out, err = run("diff", "--base", "HEAD~1", "--head", "HEAD", "--root", str(origin))
    assert code == 2, out
    assert "revision 'HEAD' has no team definition at 'team/'" in err


@pytest.mark.parametrize("command", [("diff", "--base"), ("check", "--base")])
def test_a_shallow_clone_says_how_to_fetch_the_base(
    run: Run,
    origin: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, str],
) -> None:
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "shallow")
    monkeypatch.chdir(tmp_path / "shallow")
    code, _, err = run(*command, "HEAD~1")
    assert code == 2
    assert "unknown revision 'HEAD~1': this is a shallow clone" in err
    assert "fetch-depth: 0" in err and "git fetch --depth=N origin HEAD~1" in err


def test_an_unknown_revision_in_a_full_clone_gives_no_shallow_advice(
    run: Run, origin: Path
) -> None:
    code, _, err = run("diff", "--base", "no-such-rev", "--root", str(origin))
    assert code == 2
    assert "unknown revision 'no-such-rev'" in err and "shallow" not in err
