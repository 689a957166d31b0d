"""Fail closed: whatever breaks inside, every command exits 2 with one clear line (the
traceback only with --debug), never 0 or 1."""

from __future__ import annotations

import importlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.cli import run as cli_run

from .conftest import REPO, write_files

SEED_LIKE = (REPO / "tests" / "golden" / "docs" / "TEAM.en.md").read_text(encoding="utf-8")

COMMANDS = {
    "check": ["check"],
    "who-owns": ["who-owns", "alerts/cpu.yaml"],
    "codeowners lint": ["codeowners", "lint"],
    "coverage": ["coverage"],
    "codeowners generate": ["codeowners", "generate", "--output", "out/CODEOWNERS"],
    "import codeowners": ["import", "codeowners", ".github/CODEOWNERS", "--team-dir", "new1"],
    "import markdown": ["import", "markdown", "TEAM.md", "--team-dir", "new2"],
    "docs": ["docs", "--check"],
    "matrix": ["matrix"],
    "init": ["init", "fresh"],
    "generate": ["generate", "--check"],
    "schemas": ["schemas", "--output", "out/schemas"],
    "diff": ["diff", "--base", "HEAD"],
    "rules": ["rules"],
    "explain": ["explain", "OL101"],
}
# Places nearly every command goes through; each raises when the fault is injected.
FAULT_POINTS = [
    "ownership_lint.loading.team.load_yaml",
    "ownership_lint.codeowners.parse.parse",
    "ownership_lint.fileio.atomic_write",
    "ownership_lint.catalogue.codes",
    "ownership_lint.gitrepo.tracked_files",
]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    write_files(tmp_path, {**BASE_TEAM, ".github/CODEOWNERS": "* @sre-sam\n", "TEAM.md": SEED_LIKE})
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run(
        ["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "x"],
        cwd=tmp_path,
        check=True,
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OWNERSHIP_LINT_DEBUG", raising=False)
    yield tmp_path


def test_every_command_runs_without_faults(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, args in COMMANDS.items():
        code = cli_run(args)
        err = capsys.readouterr().err
        assert code in (0, 1), (name, code, err)
        assert "internal error" not in err, name


@pytest.mark.parametrize("name", list(COMMANDS))
def test_an_injected_fault_exits_2_with_one_line(
    name: str, repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected fault")

    for point in FAULT_POINTS:
        module, attribute = point.rsplit(".", 1)
        monkeypatch.setattr(importlib.import_module(module), attribute, boom)
    code = cli_run(COMMANDS[name])
    err = capsys.readouterr().err
    assert code == 2, (name, code, err)
    lines = err.strip().splitlines()
    assert lines[-1].startswith("ownership-lint: internal error: RuntimeError: injected fault")
    assert "Traceback" not in err


def test_debug_shows_the_traceback(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("injected fault")

    monkeypatch.setattr("ownership_lint.loading.team.load_yaml", boom)
    assert cli_run(["--debug", "check"]) == 2
    assert "Traceback" in capsys.readouterr().err
