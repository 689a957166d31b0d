"""Paths given on the command line are POSIX paths.

A backslash is a character of a file name on POSIX, not a separator (`f\\oo` is one name); a
Windows path (`C:\\repo\\x`, `C:/repo/x`, `\\\\server\\share\\x`) is refused with a usage error
rather than read as a strange relative path.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ownership_lint.api import ConfigError, repo_path
from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import Run, write_files

posix_only = pytest.mark.skipif(os.name == "nt", reason="Windows paths are native there")


@posix_only
def test_a_backslash_is_part_of_the_name(tmp_path: Path) -> None:
    assert repo_path(tmp_path, "f\\oo", cwd=tmp_path) == "f\\oo"
    assert repo_path(tmp_path, "a/b\\c.txt", cwd=tmp_path) == "a/b\\c.txt"


@posix_only
@pytest.mark.parametrize(
    "given",
    ["C:\\repo\\terraform\\main.tf", "c:/repo/terraform/main.tf", "\\\\server\\share\\x.tf"],
)
def test_windows_paths_are_refused(tmp_path: Path, given: str) -> None:
    (tmp_path / "terraform").mkdir()
    with pytest.raises(ConfigError, match="is a Windows path"):
        repo_path(tmp_path, given, cwd=tmp_path / "terraform")


@posix_only
def test_the_command_refuses_a_windows_path_with_exit_2(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(tmp_path, BASE_TEAM)
    (tmp_path / "terraform").mkdir()
    monkeypatch.chdir(tmp_path / "terraform")
    code, out, err = run("who-owns", "--root", str(tmp_path), "C:\\repo\\terraform\\main.tf")
    assert code == 2 and out == ""
    assert "Windows path" in err and "POSIX" in err
    # The report: it used to answer for 'terraform/C:/repo/terraform/main.tf'.
    assert "terraform/C:" not in err


def test_a_trailing_slash_is_kept_for_a_directory(tmp_path: Path) -> None:
    assert repo_path(tmp_path, "docs/", cwd=tmp_path) == "docs/"
    assert repo_path(tmp_path, "./docs//", cwd=tmp_path) == "docs/"
    assert repo_path(tmp_path, "docs", cwd=tmp_path) == "docs"
    with pytest.raises(ConfigError, match="not a path inside"):
        repo_path(tmp_path, "./", cwd=tmp_path)
