"""A reader that goes away (`ownership-lint rules | head -1`, `check | true`) is not a finding:
no traceback, no "Aborted", and the exit code the command would have given."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import REPO, write_files

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def _closed_pipe(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI with standard output into a pipe whose reader has already gone."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "ownership_lint", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=ENV,
            check=False,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args", [("rules",), ("rules", "--format", "json"), ("explain", "OL102"), ("--help",)]
)
def test_a_closed_pipe_keeps_exit_0_and_stderr_quiet(args: tuple[str, ...]) -> None:
    result = _closed_pipe(*args)
    assert result.returncode == 0
    assert result.stderr == b""


def test_check_with_findings_into_a_closed_pipe_still_exits_1(tmp_path: Path) -> None:
    devops = BASE_TEAM["team/roles/devops.yaml"].replace(
        "responsibilities: [", "responsibilities: [alerts.rules, "
    )
    write_files(tmp_path, {**BASE_TEAM, "team/roles/devops.yaml": devops})
    result = _closed_pipe("check", "--root", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == b""


def test_head_reads_the_first_line_and_the_command_exits_0() -> None:
    producer = subprocess.Popen(
        [sys.executable, "-m", "ownership_lint", "rules"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert producer.stdout is not None and producer.stderr is not None
    first = producer.stdout.readline()
    producer.stdout.close()  # like head -1
    err = producer.stderr.read()
    assert producer.wait() == 0
    assert first.startswith(b"OL001")
    assert b"Traceback" not in err and b"Aborted" not in err
