"""Inline suppressions: on the line, on the line before, for the file; unused ones reported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ownership_lint.api import Report, load_config
from ownership_lint.catalogue.example_team import BASE_TEAM, EXAMPLE_TODAY
from ownership_lint.suppressions import scan

RunTeam = Callable[..., Report]
DEVOPS = "team/roles/devops.yaml"
# devops also claims alerts.rules: OL102 at its line 6 (the second claimant in file order).
DOUBLE = BASE_TEAM[DEVOPS].replace(
    "responsibilities: [pipelines.development]",
    "responsibilities:\n  - pipelines.development\n  - alerts.rules{comment}",
)


def codes(report: Report) -> list[tuple[str, str, int]]:
    return [(f.code, f.location.path, f.location.line) for f in report.findings]


def test_without_suppression_the_finding_is_reported(example_team: RunTeam) -> None:
    report = example_team({DEVOPS: DOUBLE.format(comment="")})
    assert ("OL102", "team/roles/sre.yaml", 5) in codes(report)


def test_suppression_on_the_line(example_team: RunTeam) -> None:
    sre = BASE_TEAM["team/roles/sre.yaml"].replace(
        "responsibilities: [alerts.rules]",
        "responsibilities: [alerts.rules]  # ownership-lint: disable=OL102",
    )
    report = example_team({DEVOPS: DOUBLE.format(comment=""), "team/roles/sre.yaml": sre})
    assert report.findings == []


def test_suppression_on_the_line_before(example_team: RunTeam) -> None:
    sre = BASE_TEAM["team/roles/sre.yaml"].replace(
        "responsibilities: [alerts.rules]",
        "# shared with devops during the hand-over\n"
        "# ownership-lint: disable=OL102\n"
        "responsibilities: [alerts.rules]",
    )
    report = example_team({DEVOPS: DOUBLE.format(comment=""), "team/roles/sre.yaml": sre})
    assert report.findings == []


def test_file_suppression_and_other_codes_stay(example_team: RunTeam) -> None:
    sre = "# ownership-lint: disable-file=OL102, OL213\n" + BASE_TEAM["team/roles/sre.yaml"]
    report = example_team({DEVOPS: DOUBLE.format(comment=""), "team/roles/sre.yaml": sre})
    assert codes(report) == [("OL016", "team/roles/sre.yaml", 1)]
    assert report.findings[0].message == "the suppression of OL213 suppresses nothing"


def test_unused_suppressions(example_team: RunTeam) -> None:
    devops = BASE_TEAM[DEVOPS].replace(
        "seniority: middle", "seniority: middle  # ownership-lint: disable=OL013"
    )
    report = example_team({DEVOPS: devops})
    assert [(f.code, f.location.line, f.message) for f in report.findings] == [
        ("OL016", 3, "the suppression of OL013 suppresses nothing"),
    ]
    assert report.findings[0].location.column == 20


def test_suppression_in_the_path_mapping(example_team: RunTeam) -> None:
    mapping = (
        "/alerts/  sre\n/.github/workflows/  devops\n"
        "/gone/  sre  # ownership-lint: disable=OL307,OL312\n"
    )
    assert example_team({"team/path-ownership": mapping}).findings == []


def test_text_inside_a_value_is_not_a_comment() -> None:
    assert scan("f.yaml", 'title: "a#ownership-lint: disable=OL001"\n') == []


def test_a_suppression_of_a_rule_that_did_not_run_is_not_unused(
    example_team: RunTeam, tmp_path: Path
) -> None:
    # example_team writes into tmp_path.
    from ownership_lint.api import lint

    mapping = BASE_TEAM["team/path-ownership"] + "/gone/  sre  # ownership-lint: disable=OL307\n"
    (tmp_path / ".ownership-lint.toml").write_text('ignore = ["OL312"]\n')
    report = example_team({"team/path-ownership": mapping})
    assert report.findings == []
    today = dt.date.fromisoformat(EXAMPLE_TODAY)
    # Outside git the dead-rule check cannot run: its suppression is not reported either.
    config = load_config(tmp_path)
    assert lint(tmp_path, config=config, today=today).findings == []
    # Nor when the configuration ignores the rule.
    (tmp_path / ".ownership-lint.toml").write_text('ignore = ["OL307", "OL312"]\n')
    config = load_config(tmp_path)
    assert lint(tmp_path, config=config, today=today, tracked=[]).findings == []
