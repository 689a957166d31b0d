from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from ownership_lint.api import Report
from ownership_lint.cli import run as cli_run
from ownership_lint.rules.examples import run_example

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
# The shipped team was reviewed on this date; checks on it are judged as of this day.
SHIPPED_TODAY = dt.date(2026, 11, 29)


def git(root: Path, *args: str) -> str:
    """Run git in `root` (as a fixed, throwaway identity); its standard output."""
    result = subprocess.run(
        ["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return result.stdout.decode("utf-8", "surrogateescape")


def commit_all(root: Path) -> Path:
    """Commit everything under `root`, a git repository from then on."""
    if not (root / ".git").exists():
        git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "x")
    return root


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogateescape")
        path.write_bytes(data)
    return root


@pytest.fixture
def example_team(tmp_path: Path) -> Callable[..., Report]:
    """Lint the rule examples' base team with some files replaced (None removes one)."""

    def run(overrides: Mapping[str, str | None] | None = None) -> Report:
        return run_example(overrides or {}, tmp_path)

    return run


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the real command-line entry point in-process: (exit code, stdout, stderr)."""

    def invoke(*args: str) -> tuple[int, str, str]:
        code = cli_run(args)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


def codes(report: Report) -> list[str]:
    return [f.code for f in report.findings]
