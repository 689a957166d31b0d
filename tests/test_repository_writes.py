"""Every file ownership-lint writes lies inside the repository and is reached without a link:
a committed `.github -> ../victim` or `docs -> ../victim` must not have `codeowners
generate`, `docs`, `matrix`, `init` or an importer replace files outside the repository. The
command exits 2, says why, and writes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.fileio import (
    LinkRefused,
    OutsideRepository,
    UnsafePath,
    atomic_write,
    write_directory,
)

from .conftest import Run, write_files

KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOwner owner@laptop\n"
ATTACKER = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAttacker attacker"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A directory outside the repository, with files that must survive."""
    directory = tmp_path / "victimdir"
    write_files(directory, {"CODEOWNERS": "* @victim\n", "TEAM.md": "victim\n"})
    write_files(directory, {"authorized_keys": KEY, "ownership-matrix.svg": "victim\n"})
    return directory


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return write_files(tmp_path / "repo", BASE_TEAM)


def untouched(victim: Path) -> None:
    assert sorted(p.name for p in victim.iterdir()) == [
        "CODEOWNERS",
        "TEAM.md",
        "authorized_keys",
        "ownership-matrix.svg",
    ]
    assert (victim / "CODEOWNERS").read_text() == "* @victim\n"
    assert (victim / "TEAM.md").read_text() == "victim\n"
    assert (victim / "authorized_keys").read_text() == KEY


def refused(result: tuple[int, str, str], what: str) -> None:
    code, _, err = result
    assert code == 2, err
    assert f"'{what}' is a link" in err


@pytest.mark.parametrize("flavor", ["github", "gitlab"])
def test_generate_does_not_write_through_a_linked_directory(
    run: Run, repo: Path, victim: Path, flavor: str
) -> None:
    directory = ".github" if flavor == "github" else ".gitlab"
    shutil.rmtree(repo / directory, ignore_errors=True)
    (repo / directory).symlink_to("../victimdir")
    refused(run("codeowners", "generate", "--root", str(repo), "--flavor", flavor), directory)
    untouched(victim)


def test_generate_does_not_replace_a_linked_file(run: Run, repo: Path, victim: Path) -> None:
    (repo / ".github/CODEOWNERS").symlink_to(victim / "CODEOWNERS")
    refused(run("codeowners", "generate", "--root", str(repo)), ".github/CODEOWNERS")
    untouched(victim)
    assert (repo / ".github/CODEOWNERS").is_symlink()


def test_docs_into_authorized_keys_through_a_linked_docs_directory(
    run: Run, repo: Path, victim: Path
) -> None:
    # The reproduction: the attacker's competency would land as a line of its own.
    # A competency with a line break is an error now, so nothing is written from the team.
    write_files(repo, {".ownership-lint.toml": 'docs-path = "docs/authorized_keys"\n'})
    (repo / "docs").symlink_to("../victimdir")
    sre = BASE_TEAM["team/roles/sre.yaml"]
    competency = json.dumps("x\n" + ATTACKER)
    write_files(repo, {"team/roles/sre.yaml": sre + f"competencies: [{competency}]\n"})
    assert run("docs", "--root", str(repo))[0] == 1
    untouched(victim)
    # On one line the competency is valid: the link alone must stop the write.
    write_files(repo, {"team/roles/sre.yaml": sre + f"competencies: [{json.dumps(ATTACKER)}]\n"})
    refused(run("docs", "--root", str(repo)), "docs")
    untouched(victim)


@pytest.mark.parametrize(
    "args",
    [
        ["docs"],
        ["docs", "--output", "docs/TEAM.md"],
        ["matrix", "--output", "docs/ownership-matrix.svg"],
        ["matrix", "--format", "markdown", "--output", "docs/x/../TEAM.md"],
    ],
)
def test_documents_are_not_written_through_a_linked_directory(
    run: Run, repo: Path, victim: Path, args: list[str]
) -> None:
    (repo / "docs").symlink_to("../victimdir")
    refused(run(*args, "--root", str(repo)), "docs")
    untouched(victim)


def test_init_does_not_create_the_team_behind_a_link(
    run: Run, tmp_path: Path, victim: Path
) -> None:
    base = tmp_path / "repo"
    base.mkdir()
    (base / "ownership").symlink_to("../victimdir")
    refused(run("init", str(base), "--team-dir", "ownership/team"), "ownership")
    untouched(victim)


def test_importers_do_not_create_the_team_behind_a_link(
    run: Run, tmp_path: Path, victim: Path
) -> None:
    root = write_files(tmp_path / "repo", {"CODEOWNERS": "/src/ @octocat\n"})
    (root / "ownership").symlink_to("../victimdir")
    refused(
        run(
            "import",
            "codeowners",
            str(root / "CODEOWNERS"),
            "--root",
            str(root),
            "--team-dir",
            "ownership/team",
        ),
        "ownership",
    )
    document = write_files(
        tmp_path, {"doc.md": "# Team\n\n## 1. SRE\n\n**Responsibilities:**\n- Alerts\n"}
    )
    refused(
        run(
            "import",
            "markdown",
            str(document / "doc.md"),
            "--root",
            str(root),
            "--team-dir",
            "ownership/team",
        ),
        "ownership",
    )
    untouched(victim)


def test_a_report_file_may_lie_outside_the_repository_but_not_behind_a_link(
    run: Run, repo: Path, tmp_path: Path, victim: Path
) -> None:
    # The CI author names it: a SARIF file in the runner's temporary directory is fine.
    outside = tmp_path / "runner-temp" / "ownership.sarif"
    code, _, err = run(
        "check",
        "--root",
        str(repo),
        "--format",
        "sarif",
        "--output-file",
        str(outside),
        "--exit-zero",
    )
    assert code == 0, err
    assert json.loads(outside.read_text())["version"] == "2.1.0"
    # But the repository decides nothing about where it goes.
    (repo / "reports").symlink_to("../victimdir")
    refused(
        run("check", "--root", str(repo), "--output-file", str(repo / "reports/TEAM.md")),
        "reports",
    )
    untouched(victim)


def test_generate_output_named_by_the_user_may_lie_outside(
    run: Run, repo: Path, tmp_path: Path
) -> None:
    target = tmp_path / "elsewhere" / "CODEOWNERS"
    code, _, err = run("codeowners", "generate", "--root", str(repo), "--output", str(target))
    assert code == 1, err
    assert target.read_text().startswith("# Generated by ownership-lint")


def test_atomic_write_refuses_what_leaves_the_repository(tmp_path: Path, victim: Path) -> None:
    root = tmp_path / "repo"
    (root / "sub").mkdir(parents=True)
    (root / "link").symlink_to("sub")  # even a link that stays inside
    for path, error in [
        (root / "link" / "x", LinkRefused),
        (root / "sub" / ".." / ".." / "victimdir" / "TEAM.md", OutsideRepository),
        (victim / "TEAM.md", OutsideRepository),
    ]:
        with pytest.raises(error):
            atomic_write(path, b"new", root=root)
    with pytest.raises(UnsafePath):
        write_directory(root / "link" / "team", {"a.yaml": b"x"}, root=root)
    untouched(victim)
    assert sorted(p.name for p in (root / "sub").iterdir()) == []
    # Missing directories inside the repository are created.
    atomic_write(root / "new" / "dir" / "file", b"ok", root=root)
    assert (root / "new" / "dir" / "file").read_bytes() == b"ok"
