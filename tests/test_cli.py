"""The command line: output formats and the exit-code contract (0 clean, 1 findings, 2 errors)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ownership_lint import __version__, catalogue
from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.cli import cli

from .conftest import REPO, Run, write_files

SRE = "team/roles/sre.yaml"
# The CLI judges staleness by the real clock: these teams never go stale.
NEVER_STALE = BASE_TEAM["team/team.yaml"].replace("max_age_days: 180", "max_age_days: 99999")


@pytest.fixture
def bad_team(tmp_path: Path) -> Path:
    role = BASE_TEAM[SRE].replace("alerts.rules", "alerts.rule")
    return write_files(tmp_path, {**BASE_TEAM, SRE: role})


@pytest.fixture
def clean_team(tmp_path: Path) -> Path:
    team = BASE_TEAM["team/team.yaml"].replace(
        "review_max_age_days: 180", "review_max_age_days: 99999"
    )
    return write_files(tmp_path, {**BASE_TEAM, "team/team.yaml": team})


def test_clean_team_exits_0(run: Run, clean_team: Path) -> None:
    # Outside git: the tracked files the mapping is checked against come from a file.
    files = write_files(clean_team, {"files.txt": "alerts/a.yaml\n.github/workflows/ci.yml\n"})
    code, out, _ = run("check", "--root", str(clean_team), "--paths-from", str(files / "files.txt"))
    assert code == 0
    assert out == "All checks passed (5 files).\n"


def test_findings_exit_1_with_location_hint_and_summary(run: Run, bad_team: Path) -> None:
    code, out, _ = run("check", "--root", str(bad_team))
    assert code == 1
    assert out.splitlines()[2:4] == [
        "team/roles/sre.yaml:5:20: OL201 unknown responsibility 'alerts.rule'",
        "    hint: did you mean 'alerts.rules'?",
    ]
    assert out.splitlines()[-1].startswith("Found 2 errors and 1 warning in 5 files")


def test_warnings_alone_exit_0(run: Run, tmp_path: Path) -> None:
    analyst = "id: analyst\ntitle: A\nseniority: junior\nmembers: ['@ana']\nresponsibilities: []\n"
    team = BASE_TEAM["team/team.yaml"].replace(
        "review_max_age_days: 180", "review_max_age_days: 99999"
    )
    root = write_files(
        tmp_path, {**BASE_TEAM, "team/team.yaml": team, "team/roles/analyst.yaml": analyst}
    )
    code, out, _ = run("check", "--root", str(root))
    assert code == 0
    assert "OL213 warning: role 'analyst'" in out


def test_json_output_is_one_object(run: Run, bad_team: Path) -> None:
    code, out, _ = run("check", "--root", str(bad_team), "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["version"] == 1
    summary = document["summary"]
    assert (summary["errors"], summary["warnings"], summary["files"]) == (2, 1, 5)
    # Outside git, the checks against the tracked files did not run: the summary says so.
    assert [s["codes"] for s in summary["skipped"]] == [["OL307", "OL308"]]
    assert [f["code"] for f in document["findings"]] == ["OL101", "OL201", "OL501"]
    assert document["findings"][1] == {
        "code": "OL201",
        "name": "unknown-responsibility",
        "severity": "error",
        "path": "team/roles/sre.yaml",
        "line": 5,
        "column": 20,
        "end_line": 5,
        "end_column": 31,
        "message": "unknown responsibility 'alerts.rule'",
        "hint": "did you mean 'alerts.rules'?",
    }


def test_format_from_the_environment(
    run: Run, bad_team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OWNERSHIP_LINT_FORMAT", "json")
    _, out, _ = run("check", "--root", str(bad_team))
    assert json.loads(out)["version"] == 1


def test_no_colour_outside_a_terminal(run: Run, bad_team: Path) -> None:
    _, out, _ = run("check", "--root", str(bad_team))
    assert "\x1b[" not in out


def test_missing_team_directory_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    code, out, err = run("check", "--root", str(tmp_path))
    assert code == 2
    assert out == ""
    assert "no team definition" in err


def test_team_that_is_a_file_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    (tmp_path / "team").write_text("not a directory")
    code, _, err = run("check", "--root", str(tmp_path))
    assert code == 2 and "is not a directory" in err


def test_unknown_option_exits_2(run: Run) -> None:
    code, _, err = run("check", "--no-such-option")
    assert code == 2 and "No such option" in err


def test_internal_error_exits_2_with_one_line(
    run: Run, clean_team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("ownership_lint.linting.load_team", boom)
    code, out, err = run("check", "--root", str(clean_team))
    assert code == 2
    assert out == ""
    assert err.strip().splitlines() == [
        "ownership-lint: internal error: RuntimeError: disk on fire "
        "(rerun with --debug or OWNERSHIP_LINT_DEBUG=1 for the traceback)"
    ]


def test_debug_shows_the_traceback_and_still_exits_2(
    run: Run, clean_team: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("ownership_lint.linting.load_team", boom)
    monkeypatch.delenv("OWNERSHIP_LINT_DEBUG", raising=False)
    code, _, err = run("--debug", "check", "--root", str(clean_team))
    assert code == 2
    assert "Traceback" in err and "disk on fire" in err


def test_rules_lists_every_rule(run: Run) -> None:
    code, out, _ = run("rules")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()]
    assert listed == list(catalogue.codes())
    code, out, _ = run("rules", "--format", "json")
    assert [row["code"] for row in json.loads(out)] == list(catalogue.codes())


def test_explain_prints_the_doc_and_the_failing_example(run: Run) -> None:
    code, out, _ = run("explain", "OL102")
    assert code == 0
    assert out.startswith("OL102 multiple-owners (default severity: error)")
    assert "Example that fails" in out and "team/roles/devops.yaml:" in out
    code, out, _ = run("explain", "multiple-owners")
    assert code == 0 and out.startswith("OL102")


def test_explain_prints_the_passing_example_and_that_it_passes(run: Run) -> None:
    code, out, _ = run("explain", "OL102")
    assert code == 0
    failing, passing = out.split("Example that passes (laid over the same team):")
    assert "OL102 responsibility 'alerts.rules' is owned by 2 roles" in failing
    assert "{id: alerts.rules, raci: R}" in passing and "OL102" not in passing
    assert passing.endswith(
        "What ownership-lint says about it:\n\n  nothing: every check passes.\n"
    )
    # No passing files of its own: the example team itself passes.
    code, out, _ = run("explain", "OL014")
    assert code == 0
    assert out.endswith(
        "Example that passes: the small valid team itself, nothing laid over it.\n\n"
        "What ownership-lint says about it:\n\n  nothing: every check passes.\n"
    )


def test_explain_unknown_rule_exits_2(run: Run) -> None:
    code, _, err = run("explain", "OL999")
    assert code == 2 and "unknown rule 'OL999'" in err
    # No code is one typo from OL999: no suggestion (difflib would offer OL309 or OL009).
    assert "did you mean" not in err and "'ownership-lint rules' lists every rule" in err


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("OL1022", "did you mean 'OL102'?"),
        ("ol120", "did you mean 'OL102' or 'OL420'?"),
        ("multiple-owner", "did you mean 'multiple-owners'?"),
    ],
)
def test_explain_suggests_only_close_codes(run: Run, typed: str, suggested: str) -> None:
    code, _, err = run("explain", typed)
    assert code == 2 and suggested in err


def test_exit_zero_help_says_what_still_exits_2(run: Run) -> None:
    code, out, _ = run("check", "--help")
    assert code == 0
    assert "Exit 0 even with error findings; a usage, configuration or internal error " + (
        "still exits 2."
    ) in " ".join(out.split())


def test_version(run: Run) -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_check_finds_the_git_top_level(run: Run, clean_team: Path) -> None:
    subprocess.run(["git", "init", "-q", str(clean_team)], check=True)
    subprocess.run(["git", "add", "-A"], cwd=clean_team, check=True)
    sub = clean_team / "some" / "dir"
    sub.mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, "-m", "ownership_lint", "check"],
        cwd=sub,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "All checks passed (5 files).\n"


def test_python_dash_m_runs_check_on_the_shipped_team(run: Run) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ownership_lint", "check", "--format", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode in (0, 1), result.stderr
    errors = json.loads(result.stdout)["summary"]["errors"]
    assert errors == 0


def test_group_without_command_shows_help() -> None:
    result = CliRunner().invoke(cli, [])
    assert "check" in result.output


def test_explain_cuts_a_long_example(run: Run) -> None:
    code, out, _ = run("explain", "OL309")
    assert code == 0
    assert "more lines like these)" in out
    assert len(out.splitlines()) < 60
    assert "OL309 the file is" in out
