"""`ownership-lint init`: a minimal team/ that fails `check` only on its placeholder handle,
passes once real people are named, lands where `check` looks, and never over an existing one."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from ownership_lint.api import lint
from ownership_lint.scaffold import PLACEHOLDER, scaffold

from .conftest import Run, write_files

MAINTAINER = "team/roles/maintainer.yaml"


def name_people(root: Path, handle: str = "@octo-maintainer") -> None:
    role = root / MAINTAINER
    role.write_text(role.read_text().replace(PLACEHOLDER, handle))


def git_repo(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    write_files(root, files)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    return root


def test_init_fails_check_on_its_placeholder_and_nothing_else(tmp_path: Path, run: Run) -> None:
    tmp_path = git_repo(tmp_path / "repo", {})
    code, out, _ = run("init", str(tmp_path))
    assert code == 0 and "created team/roles/maintainer.yaml" in out
    assert f"replace '{PLACEHOLDER}' in team/roles/maintainer.yaml" in out
    code, out, _ = run("check", "--root", str(tmp_path))
    assert code == 1
    assert f"{MAINTAINER}:" in out and "OL216 '@your-github-handle' in role 'maintainer'" in out
    assert out.endswith("Found 1 error and 0 warnings in 4 files.\n")
    # Nothing is generated for a placeholder either.
    assert run("codeowners", "generate", "--root", str(tmp_path))[0] == 1
    assert not (tmp_path / ".github").exists()
    name_people(tmp_path)
    code, out, _ = run("check", "--root", str(tmp_path))
    assert (code, out) == (0, "All checks passed (4 files).\n")
    for name in ("team.yaml", "responsibilities.yaml", "roles/maintainer.yaml", "path-ownership"):
        assert (tmp_path / "team" / name).read_text().startswith("# "), f"{name} explains itself"


@pytest.mark.parametrize(
    "files", [{}, {"README.md": "hello\n", "src/main.py": "print()\n"}], ids=["empty", "files"]
)
def test_init_then_check_has_no_warnings_in_a_new_or_existing_repository(
    tmp_path: Path, run: Run, files: dict[str, str]
) -> None:
    # An empty repository tracks nothing for a rule to match; an existing one has no
    # releases/ for a scaffold rule to name: no dead-rule warning either way.
    repo = git_repo(tmp_path / "repo", files)
    assert run("init", str(repo))[0] == 0
    name_people(repo)
    code, out, _ = run("check", "--root", str(repo))
    assert (code, out) == (0, "All checks passed (4 files).\n")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    code, out, _ = run("check", "--root", str(repo))
    assert (code, out) == (0, "All checks passed (4 files).\n")


def test_init_in_a_subdirectory_writes_where_check_looks(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = git_repo(tmp_path / "repo", {"services/api/main.py": "x\n"})
    monkeypatch.chdir(repo / "services" / "api")
    code, out, _ = run("init")
    assert code == 0 and "created ../../team/team.yaml" in out
    assert (repo / "team" / "team.yaml").is_file()
    assert not (repo / "services" / "api" / "team").exists()
    name_people(repo)
    code, out, _ = run("check")  # from the subdirectory: the repository's top
    assert (code, out) == (0, "All checks passed (4 files).\n")


def test_init_dates_the_review_today(tmp_path: Path) -> None:
    scaffold(tmp_path, today=dt.date(2030, 5, 6))
    assert 'last_reviewed: "2030-05-06"' in (tmp_path / "team/team.yaml").read_text()
    name_people(tmp_path)
    report = lint(tmp_path, today=dt.date(2030, 5, 6), tracked=["README.md", "releases/v1.md"])
    assert report.findings == []


def test_init_never_overwrites(tmp_path: Path, run: Run) -> None:
    (tmp_path / "team").mkdir()
    (tmp_path / "team/team.yaml").write_text("name: mine\n")
    code, out, err = run("init", str(tmp_path))
    assert code == 2 and out == "" and "already exists" in err
    assert (tmp_path / "team/team.yaml").read_text() == "name: mine\n"
    assert sorted(p.name for p in (tmp_path / "team").iterdir()) == ["team.yaml"]


def test_init_with_another_team_dir(tmp_path: Path, run: Run) -> None:
    assert run("init", str(tmp_path), "--team-dir", "ownership")[0] == 0
    role = tmp_path / "ownership/roles/maintainer.yaml"
    role.write_text(role.read_text().replace(PLACEHOLDER, "@octo"))
    code, _, _ = run("check", "--root", str(tmp_path), "--team-dir", "ownership")
    assert code == 0


def test_init_uses_the_configured_team_dir(tmp_path: Path, run: Run) -> None:
    (tmp_path / ".ownership-lint.toml").write_text('team-dir = "ownership"\n')
    code, _, _ = run("init", str(tmp_path))
    assert code == 0 and (tmp_path / "ownership/team.yaml").is_file()
    assert run("check", "--root", str(tmp_path))[0] == 1  # the placeholder
