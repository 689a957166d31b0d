"""A rule code that names no rule is refused wherever codes are written (flags, configuration,
suppression comments): a typo must not switch every rule off or silence nothing unnoticed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import Run, write_files

# A team with an error (OL102): a check that selected nothing would pass it.
DOUBLE_OWNER = BASE_TEAM["team/roles/devops.yaml"].replace(
    "responsibilities: [", "responsibilities: [alerts.rules, "
)


@pytest.fixture
def broken_team(tmp_path: Path) -> Path:
    write_files(tmp_path, {**BASE_TEAM, "team/roles/devops.yaml": DOUBLE_OWNER})
    return tmp_path


def test_the_fixture_team_has_an_error(broken_team: Path, run: Run) -> None:
    code, out, _ = run("check", "--root", str(broken_team))
    assert code == 1 and "OL102" in out


@pytest.mark.parametrize(
    ("flag", "typo", "suggestion"),
    [
        ("--select", "OL1020", "OL102"),
        ("--select", "OL3O7", "OL307"),  # letter O
        ("--ignore", "OL1O2", "OL102"),
        ("--select", "OL9", None),
    ],
)
def test_an_unknown_code_on_the_command_line_exits_2_with_did_you_mean(
    broken_team: Path, run: Run, flag: str, typo: str, suggestion: str | None
) -> None:
    code, out, err = run("check", "--root", str(broken_team), flag, typo)
    assert code == 2, (out, err)
    assert f"'{typo}' is not a rule code or prefix" in err
    if suggestion:
        assert f"did you mean '{suggestion}'?" in err


def test_an_unknown_code_in_the_configuration_exits_2(broken_team: Path, run: Run) -> None:
    write_files(broken_team, {".ownership-lint.toml": 'select = ["OL1O2"]\n'})
    code, _, err = run("check", "--root", str(broken_team))
    assert code == 2
    assert "'select': 'OL1O2' is not a rule code or prefix. did you mean 'OL102'?" in err


def test_codeowners_lint_refuses_an_unknown_code_too(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, {"CODEOWNERS": "* @a\n", "files.txt": "x\n"})
    files = str(tmp_path / "files.txt")
    args = ("codeowners", "lint", "--root", str(tmp_path), "--paths-from", files)
    code, _, err = run(*args, "--select", "OL3O7")
    assert code == 2 and "did you mean 'OL307'?" in err


@pytest.mark.parametrize("good", ["OL", "OL1", "OL10", "OL102", "ol102", "OL3,OL4"])
def test_codes_and_prefixes_of_real_rules_are_accepted(
    broken_team: Path, run: Run, good: str
) -> None:
    code, _, err = run("check", "--root", str(broken_team), "--select", good)
    assert code in (0, 1), err


def test_an_unknown_severity_key_is_refused(broken_team: Path, run: Run) -> None:
    write_files(broken_team, {".ownership-lint.toml": 'severity = { OL1O2 = "warning" }\n'})
    code, _, err = run("check", "--root", str(broken_team))
    assert code == 2 and "did you mean 'OL102'?" in err


@pytest.mark.parametrize("typo", ["OL1O2", "OL999", "E501", "OL1"])
def test_a_suppression_naming_no_rule_exits_2_at_its_location(
    broken_team: Path, run: Run, typo: str
) -> None:
    devops = DOUBLE_OWNER.replace(
        "responsibilities: [", f"# ownership-lint: disable={typo}\nresponsibilities: ["
    )
    write_files(broken_team, {"team/roles/devops.yaml": devops})
    code, out, err = run("check", "--root", str(broken_team))
    assert code == 2, (out, err)
    line = devops.splitlines().index(f"# ownership-lint: disable={typo}") + 1
    assert f"team/roles/devops.yaml:{line}:1: a suppression: '{typo}' is not a rule code" in err
    if typo == "OL1O2":
        assert "did you mean 'OL102'?" in err


def test_a_suppression_code_is_shown_without_terminal_escapes(broken_team: Path, run: Run) -> None:
    devops = DOUBLE_OWNER.replace(
        "responsibilities: [", "# ownership-lint: disable=OL1\x1b[2J\nresponsibilities: ["
    )
    write_files(broken_team, {"team/roles/devops.yaml": devops})
    code, _, err = run("check", "--root", str(broken_team))
    assert code == 2
    assert "\x1b" not in err and "\\x1b[2J" in err
