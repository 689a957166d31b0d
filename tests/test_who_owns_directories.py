"""`who-owns` on a directory answers for the directory itself, as git matches directories.

`docs/` and `/docs/` match the directory docs (git, GitHub and GitLab all read a trailing
slash as "this directory"); `docs/*` and `docs/**` match what is inside it, not docs. A path
is a directory when it is given with a trailing `/`, is a directory in the work tree, or
(absent from the work tree) holds tracked files.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from ownership_lint import api

from .conftest import Run, write_files

CODEOWNERS = "* @all\n/docs/ @docs\ndocs/* @inside\n/src/**/ @deep\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write_files(
        tmp_path,
        {".github/CODEOWNERS": CODEOWNERS, "docs/guide.md": "x\n", "src/a/b.py": "x\n"},
    )
    return tmp_path


def _who(run: Run, repo: Path, *paths: str) -> list[dict[str, object]]:
    args = ["who-owns", "--root", str(repo), "--codeowners", str(repo / ".github/CODEOWNERS")]
    code, out, err = run(*args, "--format", "json", *paths)
    assert code == 0, err
    answers: list[dict[str, object]] = json.loads(out)
    return answers


def test_a_trailing_slash_asks_for_the_directory(run: Run, repo: Path) -> None:
    (answer,) = _who(run, repo, "docs/")
    assert answer == {
        "path": "docs",
        "kind": "directory",
        "owners": ["@docs"],
        "line": 2,
        "pattern": "/docs/",
    }


def test_an_existing_directory_is_a_directory_without_the_slash(run: Run, repo: Path) -> None:
    (answer,) = _who(run, repo, "docs")
    assert (answer["kind"], answer["owners"], answer["pattern"]) == (
        "directory",
        ["@docs"],
        "/docs/",
    )


def test_files_are_answered_as_before(run: Run, repo: Path) -> None:
    # docs/* wins the file; a file that exists nowhere is a file.
    answers = _who(run, repo, "docs/guide.md", "nowhere/x")
    assert [(a["path"], a["kind"], a["owners"]) for a in answers] == [
        ("docs/guide.md", "file", ["@inside"]),
        ("nowhere/x", "file", ["@all"]),
    ]


def test_a_directory_inside_is_matched_by_the_star_and_the_double_star_slash(
    run: Run, repo: Path
) -> None:
    # /src/**/ matches the directories strictly inside src (git): src/a, not src itself.
    answers = _who(run, repo, "src", "src/a")
    assert [(a["path"], a["kind"], a["owners"]) for a in answers] == [
        ("src", "directory", ["@all"]),
        ("src/a", "directory", ["@deep"]),
    ]


def test_text_output_says_directory(run: Run, repo: Path) -> None:
    args = ["who-owns", "--root", str(repo), "--codeowners", str(repo / ".github/CODEOWNERS")]
    code, out, _ = run(*args, "docs/", "docs/guide.md")
    assert code == 0
    assert out.splitlines() == [
        "docs (directory): @docs",
        "    rule: .github/CODEOWNERS:2 '/docs/'",
        "docs/guide.md: @inside",
        "    rule: .github/CODEOWNERS:3 'docs/*'",
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_tracked_directory_missing_from_the_work_tree(repo: Path) -> None:
    """A sparse checkout, or a directory removed in the work tree: git's index says it is a
    directory."""
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    (repo / "docs/guide.md").unlink()
    (repo / "docs").rmdir()
    (answer,) = api.who_owns(repo, ["docs"], codeowners=repo / ".github/CODEOWNERS")
    assert (answer.kind, answer.owners) == ("directory", ["@docs"])


def test_a_symbolic_link_to_a_directory_is_a_file(repo: Path) -> None:
    """git tracks a link as a file, and we never follow links out of the repository."""
    (repo / "docs-link").symlink_to(repo / "docs", target_is_directory=True)
    (repo / "inner").symlink_to(repo / "src")
    answers = api.who_owns(repo, ["docs-link", "inner/a"], codeowners=repo / ".github/CODEOWNERS")
    assert [a.kind for a in answers] == ["file", "file"]


def test_team_mapping_directory_and_responsibilities(run: Run, tmp_path: Path) -> None:
    from ownership_lint.catalogue.example_team import BASE_TEAM

    write_files(tmp_path, BASE_TEAM)
    code, out, _ = run("who-owns", "--root", str(tmp_path), "--format", "json", "alerts")
    assert code == 0
    (answer,) = json.loads(out)
    assert answer["kind"] == "directory"
    assert (answer["owners"], answer["responsibilities"]) == (["sre"], ["alerts.rules"])
