"""`ownership-lint init`: a minimal team/ that passes `check`, and never over an existing one."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from ownership_lint.api import lint
from ownership_lint.scaffold import scaffold

from .conftest import Run


def test_init_creates_a_team_that_passes_check(tmp_path: Path, run: Run) -> None:
    code, out, _ = run("init", str(tmp_path))
    assert code == 0 and "created team/roles/maintainer.yaml" in out
    # In a repository, as a team would run it: the mapping is checked against its files
    # (the example rule names /releases/).
    (tmp_path / "releases").mkdir()
    (tmp_path / "releases" / "v1.md").write_text("notes\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    code, out, _ = run("check", "--root", str(tmp_path))
    assert (code, out) == (0, "All checks passed (4 files).\n")
    for name in ("team.yaml", "responsibilities.yaml", "roles/maintainer.yaml", "path-ownership"):
        assert (tmp_path / "team" / name).read_text().startswith("# "), f"{name} explains itself"


def test_init_dates_the_review_today(tmp_path: Path) -> None:
    scaffold(tmp_path, today=dt.date(2030, 5, 6))
    assert 'last_reviewed: "2030-05-06"' in (tmp_path / "team/team.yaml").read_text()
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
    code, _, _ = run("check", "--root", str(tmp_path), "--team-dir", "ownership")
    assert code == 0


def test_init_uses_the_configured_team_dir(tmp_path: Path, run: Run) -> None:
    (tmp_path / ".ownership-lint.toml").write_text('team-dir = "ownership"\n')
    code, _, _ = run("init", str(tmp_path))
    assert code == 0 and (tmp_path / "ownership/team.yaml").is_file()
    assert run("check", "--root", str(tmp_path))[0] == 0
