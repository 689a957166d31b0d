"""Configuration files and flags: select, ignore, severity, team-dir; bad config exits 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.config import load_config
from ownership_lint.errors import ConfigError
from ownership_lint.findings import Severity

from .conftest import Run, write_files

# A team whose only finding is a warning: OL213, the analyst role owns nothing.
TEAM = {
    **BASE_TEAM,
    "team/team.yaml": BASE_TEAM["team/team.yaml"].replace("days: 180", "days: 9999"),
    "team/roles/analyst.yaml": "id: analyst\ntitle: A\nmembers: ['@ana']\nresponsibilities: []\n",
}


def test_no_config_means_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.source is None and config.team_dir == "team"


def test_pyproject_table_ignore_and_severity(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, TEAM)
    code, out, _ = run("check", "--root", str(tmp_path))
    assert code == 0 and "OL213" in out
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.ownership-lint]\nseverity = { OL213 = "error" }\n'
    )
    code, out, _ = run("check", "--root", str(tmp_path))
    assert code == 1 and "OL213 role 'analyst'" in out
    # Outside git the path checks (OL3) could not run: ignored too, nothing is left unsaid.
    (tmp_path / "pyproject.toml").write_text('[tool.ownership-lint]\nignore = ["OL2", "OL3"]\n')
    code, out, _ = run("check", "--root", str(tmp_path))
    assert code == 0 and out.startswith("All checks passed")


def test_dot_file_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ownership-lint]\nignore = ["OL1"]\n')
    (tmp_path / ".ownership-lint.toml").write_text('ignore = ["OL2"]\n')
    assert load_config(tmp_path).ignore == ("OL2",)


def test_closest_file_wins(tmp_path: Path) -> None:
    (tmp_path / ".ownership-lint.toml").write_text('ignore = ["OL1"]\n')
    inner = tmp_path / "repo"
    inner.mkdir()
    assert load_config(inner).ignore == ("OL1",)
    (inner / "pyproject.toml").write_text('[tool.ownership-lint]\nselect = ["OL5"]\n')
    assert load_config(inner).select == ("OL5",) and load_config(inner).ignore == ()


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / ".ownership-lint.toml").write_text('ignore = ["OL1"]\n')
    inner = tmp_path / "repo"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert load_config(inner).ignore == ("OL1",)


def test_flags_win_over_files(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, TEAM)
    (tmp_path / ".ownership-lint.toml").write_text('ignore = ["OL213"]\n')
    code, out, _ = run("check", "--root", str(tmp_path), "--ignore", "")
    assert "OL213" in out
    code, out, _ = run("check", "--root", str(tmp_path), "--select", "OL1")
    assert code == 0 and out.startswith("All checks passed")


def test_team_dir_from_config(tmp_path: Path, run: Run) -> None:
    moved = {path.replace("team/", "ownership/", 1): text for path, text in TEAM.items()}
    write_files(tmp_path, moved)
    (tmp_path / ".ownership-lint.toml").write_text('team-dir = "ownership"\n')
    code, out, _ = run("check", "--root", str(tmp_path))
    assert code == 0 and "ownership/roles/analyst.yaml" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('ignor = ["OL1"]\n', "unknown key 'ignor'. did you mean 'ignore'?"),
        ('ignore = "OL1"\n', "'ignore' must be a list of rule codes"),
        ('ignore = ["E501"]\n', "'E501' is not a rule code or prefix"),
        ('severity = { OL213 = "fatal" }\n', "'severity.OL213' is 'fatal'; allowed"),
        ('severity = { OL999 = "error" }\n', "'severity': 'OL999' is not a rule code"),
        ("ignore = [\n", "invalid TOML"),
    ],
)
def test_invalid_config_exits_2_naming_file_and_key(
    tmp_path: Path, run: Run, content: str, message: str
) -> None:
    write_files(tmp_path, TEAM)
    (tmp_path / ".ownership-lint.toml").write_text(content)
    code, out, err = run("check", "--root", str(tmp_path))
    assert code == 2 and out == ""
    assert str(tmp_path / ".ownership-lint.toml") in err
    assert message in err


def test_config_error_is_an_exception_for_library_users(tmp_path: Path) -> None:
    (tmp_path / ".ownership-lint.toml").write_text("select = 3\n")
    with pytest.raises(ConfigError):
        load_config(tmp_path)


def test_severity_override_applies_to_findings(tmp_path: Path) -> None:
    (tmp_path / ".ownership-lint.toml").write_text('severity = { OL213 = "error" }\n')
    assert load_config(tmp_path).severity == {"OL213": Severity.ERROR}


def test_policy_from_config_overrides_team_yaml(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, TEAM)
    (tmp_path / ".ownership-lint.toml").write_text("policy = { min_members_per_role = 2 }\n")
    code, out, _ = run("check", "--root", str(tmp_path))
    assert code == 1 and "the policy asks for at least 2" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("policy = { min_members = 2 }\n", "'policy': unknown key 'min_members'"),
        ("policy = { review_max_age_days = 0 }\n", "at least 1"),
        ('flavor = "bitbucket"\n', "'flavor' is 'bitbucket'"),
    ],
)
def test_invalid_policy_and_flavor(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / ".ownership-lint.toml").write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)


def test_flavor_from_config_chooses_what_generate_writes(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, TEAM)
    (tmp_path / ".ownership-lint.toml").write_text('flavor = "gitlab"\n')
    run("codeowners", "generate", "--root", str(tmp_path))
    assert (tmp_path / ".gitlab/CODEOWNERS").is_file()
    assert not (tmp_path / ".github/CODEOWNERS").exists()


@pytest.mark.parametrize("value", ["/abs/team", "../team", "team/../../x"])
def test_team_dir_must_stay_inside_the_repository(tmp_path: Path, value: str) -> None:
    (tmp_path / ".ownership-lint.toml").write_text(f'team-dir = "{value}"\n')
    with pytest.raises(ConfigError, match="must be a path inside the repository"):
        load_config(tmp_path)


@pytest.mark.parametrize("key", ["team-dir", "docs-path", "matrix-path"])
@pytest.mark.parametrize(
    "value",
    ["t\\n/.github/ @evil\\n#", "docs\\r.md", "a\\u2028b", "x\\u0085y", "\\u202edocs", "a\\u0000b"],
)
def test_paths_refuse_line_breaks_and_control_characters(
    tmp_path: Path, key: str, value: str
) -> None:
    # They end up in generated comments and messages, where a line break starts a new line.
    (tmp_path / ".ownership-lint.toml").write_text(f'{key} = "{value}"\n')
    with pytest.raises(ConfigError, match=f"'{key}' is .*may not contain line breaks"):
        load_config(tmp_path)


def test_paths_with_spaces_and_non_ascii_letters_are_fine(tmp_path: Path) -> None:
    (tmp_path / ".ownership-lint.toml").write_text(
        'team-dir = "Команда team"\ndocs-path = "docs/équipe.md"\n'
    )
    config = load_config(tmp_path)
    assert (config.team_dir, config.docs_path) == ("Команда team", "docs/équipe.md")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pyproject.toml", "tool = 1\n", "'tool' must be a table"),
        ("pyproject.toml", 'tool = "ownership-lint"\n', "'tool' must be a table"),
        (".ownership-lint.toml", b"ignore = ['\xff']\n", "invalid TOML"),
    ],
)
def test_odd_configuration_files_are_configuration_errors(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)


def test_team_dir_is_normalised(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, TEAM)
    code, out, _ = run("check", "--root", str(tmp_path), "--team-dir", "./team/")
    assert code == 0 and "./team" not in out
