"""Every file ownership-lint reads from the repository is a regular file inside it: a committed
`docs/TEAM.md -> ~/.netrc` or `.github/CODEOWNERS -> ~/.netrc` must not have `docs --check`,
`matrix --check`, `codeowners lint` or `generate --check` print that file into a CI log. A
refused file is a finding at its path or a usage error (exit 2); never its content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ownership_lint.api import lint
from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import Run, write_files

SECRET = "machine example.invalid login me password s3cret-token\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "home" / ".netrc"
    path.parent.mkdir()
    path.write_text(SECRET)
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_files(tmp_path / "repo", BASE_TEAM)


def link(repo: Path, rel: str, target: Path | str) -> None:
    (repo / rel).parent.mkdir(parents=True, exist_ok=True)
    (repo / rel).symlink_to(target)


def quiet(result: tuple[int, str, str]) -> tuple[int, str, str]:
    code, out, err = result
    assert "s3cret" not in out + err and "machine" not in out + err
    return code, out, err


@pytest.mark.parametrize(
    ("rel", "args"),
    [
        ("docs/TEAM.md", ["docs", "--check"]),
        ("docs/ownership-matrix.svg", ["matrix", "--check"]),
        (
            "docs/ownership-matrix.svg",
            ["matrix", "--check", "--output", "docs/ownership-matrix.svg"],
        ),
        (".github/CODEOWNERS", ["codeowners", "generate", "--check"]),
        (".github/CODEOWNERS", ["codeowners", "lint"]),
        (".github/CODEOWNERS", ["coverage", "--paths-from", "FILES"]),
    ],
)
def test_a_linked_file_is_not_read(
    run: Run, repo: Path, secret: Path, rel: str, args: list[str]
) -> None:
    link(repo, rel, secret)
    (repo / "files.txt").write_text("alerts/cpu.yaml\n")
    args = [str(repo / "files.txt") if arg == "FILES" else arg for arg in args]
    if args[0] == "coverage":
        args += ["--codeowners", str(repo / rel)]
    code, _, err = quiet(run(*args, "--root", str(repo)))
    assert code == 2
    assert f"'{rel}' is a link" in err


def test_a_linked_directory_on_the_way_is_not_read(run: Run, repo: Path, secret: Path) -> None:
    shutil.rmtree(repo / ".github")
    (secret.parent / "CODEOWNERS").write_text("* @" + SECRET)
    link(repo, ".github", secret.parent)
    code, _, err = quiet(run("codeowners", "lint", "--root", str(repo)))
    assert code == 2 and "'.github' is a link" in err


def test_check_reports_linked_generated_files(run: Run, repo: Path, secret: Path) -> None:
    """A link where a generated file belongs hides whether it is up to date (and what it
    makes the platform grant): `check` fails on it rather than passing it over."""
    for rel in (".github/CODEOWNERS", "docs/TEAM.md", "docs/ownership-matrix.svg"):
        link(repo, rel, secret)
    code, out, _ = quiet(run("check", "--root", str(repo), "--format", "json"))
    assert code == 1
    found = {(f["code"], f["path"]): f["message"] for f in json.loads(out)["findings"]}
    assert "is a link" in found[("OL401", ".github/CODEOWNERS")]
    assert "is a link" in found[("OL420", "docs/TEAM.md")]
    assert "is a link" in found[("OL421", "docs/ownership-matrix.svg")]


def test_a_committed_document_that_is_not_text_is_reported(repo: Path) -> None:
    write_files(repo, {"docs/TEAM.md": b"\xff\xfe not UTF-8\n"})
    found = [f for f in lint(repo).findings if f.code == "OL420"]
    assert [f.message for f in found] == [
        "docs/TEAM.md is not UTF-8 text; whether it is up to date cannot be checked"
    ]


@pytest.mark.parametrize("name", [".ownership-lint.toml", "pyproject.toml"])
def test_a_linked_configuration_file_is_refused(
    run: Run, repo: Path, tmp_path: Path, name: str
) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text('[tool.ownership-lint]\nignore = ["OL"]\nsecret = "s3cret-token"\n')
    link(repo, name, config)
    code, _, err = quiet(run("check", "--root", str(repo)))
    assert code == 2 and f"'{name}' is a link" in err


def test_team_files_that_are_links_are_findings(run: Run, repo: Path, secret: Path) -> None:
    # Even a link that stays inside the repository: it is not followed.
    (repo / "team/roles/sre.yaml").rename(repo / "sre.yaml")
    link(repo, "team/roles/sre.yaml", "../../sre.yaml")
    link(repo, "team/team.yaml.orig", secret)
    code, out, _ = quiet(run("check", "--root", str(repo), "--format", "json"))
    assert code == 1
    found = {(f["code"], f["path"]) for f in json.loads(out)["findings"]}
    assert ("OL015", "team/roles/sre.yaml") in found


def test_a_linked_roles_directory_is_not_listed(run: Run, repo: Path, tmp_path: Path) -> None:
    private = write_files(tmp_path / "private", {"customer-list.yaml": "", "salaries.yaml": ""})
    shutil.rmtree(repo / "team/roles")
    link(repo, "team/roles", private)
    code, out, _ = run("check", "--root", str(repo), "--format", "json")
    assert code == 1
    assert "customer-list" not in out and "salaries" not in out
    found = {(f["code"], f["path"]): f["message"] for f in json.loads(out)["findings"]}
    assert "is a link" in found[("OL015", "team/roles")]


def test_a_linked_team_directory_is_refused(run: Run, repo: Path, tmp_path: Path) -> None:
    shutil.move(repo / "team", tmp_path / "team")
    link(repo, "team", tmp_path / "team")
    code, _, err = run("check", "--root", str(repo))
    assert code == 2 and "'team' is a link" in err


def test_a_file_named_outside_the_repository_is_read(run: Run, repo: Path, tmp_path: Path) -> None:
    """`codeowners lint FILE` and `--codeowners FILE` read a file the user names wherever it
    is (the findings name it by its path); inside the repository, never through a link."""
    outside = write_files(tmp_path / "other", {"CODEOWNERS": "/alerts/ not-a-handle\n"})
    code, out, _ = run("codeowners", "lint", str(outside / "CODEOWNERS"), "--root", str(repo))
    assert code == 1
    assert f"{outside / 'CODEOWNERS'}:1:10: OL304" in out
    link(repo, "CODEOWNERS.link", outside / "CODEOWNERS")
    code, _, err = run("codeowners", "lint", str(repo / "CODEOWNERS.link"), "--root", str(repo))
    assert code == 2 and "'CODEOWNERS.link' is a link" in err


def test_paths_from_a_link_in_the_repository_is_refused(run: Run, repo: Path, secret: Path) -> None:
    (repo / "CODEOWNERS").write_text("* @octocat\n")
    link(repo, "files.txt", secret)
    code, _, err = quiet(
        run(
            "codeowners",
            "lint",
            "--unowned",
            "--paths-from",
            str(repo / "files.txt"),
            "--root",
            str(repo),
        )
    )
    assert code == 2 and "'files.txt' is a link" in err
