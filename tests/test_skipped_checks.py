"""A selected check that cannot run is never reported as passed: outside git (or without
git on PATH), the checks that need the tracked files (OL307, OL308, OL310) are named in every
format, and asking for one of them by name is an error with the fix."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import Run, write_files
from .test_report_formats import sarif_schema

CODEOWNERS = "*  @sre-sam\n/gone/  @sre-sam\n"


@pytest.fixture
def outside_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example team and a CODEOWNERS with a dead rule, in a directory git knows nothing of."""
    files = {**BASE_TEAM, "CODEOWNERS": CODEOWNERS, "files.txt": "alerts/a\n"}
    # The example team was reviewed long ago: keep OL501 out of the way.
    write_files(tmp_path, {**files, ".ownership-lint.toml": 'ignore = ["OL501"]\n'})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


@pytest.fixture
def no_git_on_path(outside_git: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A slim container: no git executable at all (python stays reachable)."""
    bin_dir = outside_git.parent / "bin-without-git"
    bin_dir.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", str(bin_dir))
    assert shutil.which("git") is None
    return outside_git


def test_check_outside_git_says_which_checks_did_not_run(outside_git: Path, run: Run) -> None:
    code, out, _ = run("check")
    assert code == 0
    assert "All checks passed" not in out
    assert "note: OL307, OL308 did not run on team/path-ownership" in out
    assert "not inside a git repository" in out and "--paths-from FILE" in out
    assert (
        out.splitlines()[-1]
        == "No findings in 5 files; 2 selected checks did not run (see the note)."
    )


def test_codeowners_lint_outside_git_says_so(outside_git: Path, run: Run) -> None:
    code, out, _ = run("codeowners", "lint", "CODEOWNERS")
    assert code == 0
    assert "All checks passed" not in out
    assert "note: OL307, OL308 did not run on CODEOWNERS" in out


def test_without_git_installed_the_note_says_to_install_it(no_git_on_path: Path, run: Run) -> None:
    code, out, _ = run("codeowners", "lint", "CODEOWNERS")
    assert code == 0
    assert "git is not installed; install it, or pass --paths-from FILE" in out


def test_quiet_still_shows_the_note(outside_git: Path, run: Run) -> None:
    code, out, _ = run("check", "--quiet")
    assert code == 0
    assert out.startswith("note: OL307, OL308 did not run")


@pytest.mark.parametrize(
    "args",
    [
        ("codeowners", "lint", "CODEOWNERS", "--unowned"),
        ("codeowners", "lint", "CODEOWNERS", "--select", "OL310"),
        ("codeowners", "lint", "CODEOWNERS", "--select", "OL307"),
        ("check", "--select", "OL307,OL308"),
    ],
)
def test_a_check_asked_for_by_name_that_cannot_run_exits_2(
    outside_git: Path, run: Run, args: tuple[str, ...]
) -> None:
    code, out, err = run(*args)
    assert code == 2, out
    assert "cannot run on" in err and "--paths-from FILE" in err
    assert "passed" not in out


def test_the_same_in_the_configuration_exits_2(outside_git: Path, run: Run) -> None:
    write_files(outside_git, {".ownership-lint.toml": 'select = ["OL1", "OL307"]\n'})
    code, _, err = run("check")
    assert code == 2 and "OL307 cannot run on team/path-ownership" in err


def test_unowned_without_git_installed_exits_2(no_git_on_path: Path, run: Run) -> None:
    code, _, err = run("codeowners", "lint", "CODEOWNERS", "--unowned")
    assert code == 2
    assert "OL310 cannot run on CODEOWNERS" in err and "git is not installed" in err


def test_a_prefix_is_not_asking_by_name(outside_git: Path, run: Run) -> None:
    code, out, _ = run("check", "--select", "OL3")
    assert code == 0 and "note: OL307, OL308 did not run" in out


def test_paths_from_runs_them(outside_git: Path, run: Run) -> None:
    code, out, _ = run("codeowners", "lint", "CODEOWNERS", "--paths-from", "files.txt")
    assert "did not run" not in out
    assert "OL307" in out and "'/gone/' matches no tracked file" in out
    assert code == 0
    code, out, _ = run("check", "--paths-from", "files.txt", "--select", "OL307")
    assert code == 0 and "did not run" not in out and "OL307" in out


def test_ignored_checks_are_not_reported_as_skipped(outside_git: Path, run: Run) -> None:
    code, out, _ = run("check", "--ignore", "OL307,OL308,OL501")
    assert code == 0 and "did not run" not in out and "All checks passed" in out


def test_json_summary_lists_them(outside_git: Path, run: Run) -> None:
    code, out, _ = run("check", "--format", "json")
    assert code == 0
    (skipped,) = json.loads(out)["summary"]["skipped"]
    assert skipped["codes"] == ["OL307", "OL308"]
    assert skipped["path"] == "team/path-ownership"
    assert "not inside a git repository" in skipped["message"]


def test_json_summary_is_empty_when_everything_ran(outside_git: Path, run: Run) -> None:
    code, out, _ = run("check", "--format", "json", "--paths-from", "files.txt")
    assert code == 0
    assert json.loads(out)["summary"]["skipped"] == []


def test_github_warns_and_the_text_follows(outside_git: Path, run: Run) -> None:
    code, out, _ = run("check", "--format", "github")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("::warning title=ownership-lint%3A checks did not run::OL307, OL308")
    assert "note: OL307, OL308 did not run" in out and "All checks passed" not in out


def test_sarif_has_tool_notifications_and_stays_valid(outside_git: Path, run: Run) -> None:
    from jsonschema import Draft4Validator

    code, out, _ = run("check", "--format", "sarif")
    assert code == 0
    document = json.loads(out)
    (invocation,) = document["runs"][0]["invocations"]
    notes = invocation["toolExecutionNotifications"]
    assert [n["associatedRule"]["id"] for n in notes] == ["OL307", "OL308"]
    assert all(n["level"] == "warning" and "did not run" in n["message"]["text"] for n in notes)
    assert list(Draft4Validator(sarif_schema()).iter_errors(document)) == []


def test_gitlab_has_an_info_issue(outside_git: Path, run: Run) -> None:
    code, out, _ = run("check", "--format", "gitlab")
    assert code == 0
    (issue,) = json.loads(out)
    assert issue["severity"] == "info"
    assert issue["location"]["path"] == "team/path-ownership"
    assert issue["description"].startswith("OL307, OL308 did not run")


def test_job_summary_shows_it(outside_git: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = outside_git / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, _, _ = run("check")
    text = summary.read_text()
    assert code == 0
    assert ":white_check_mark:" not in text and "## :warning: ownership-lint" in text
    assert ":warning: OL307, OL308 did not run on team/path-ownership" in text


def test_a_codeowners_file_github_ignores_notes_its_path_checks(tmp_path: Path, run: Run) -> None:
    write_files(
        tmp_path, {"CODEOWNERS": "/alerts/cpu.yaml  @sre-sam\n" * 120_000, "files.txt": "a\n"}
    )
    args = ("codeowners", "lint", "--root", str(tmp_path), "--paths-from")
    code, out, _ = run(*args, str(tmp_path / "files.txt"), str(tmp_path / "CODEOWNERS"))
    assert code == 1 and "OL309" in out
    assert "note: OL307, OL308 did not run on CODEOWNERS: GitHub ignores a file" in out


def test_git_is_really_absent_from_path_in_the_fixture(no_git_on_path: Path) -> None:
    assert os.environ["PATH"].endswith("bin-without-git")
