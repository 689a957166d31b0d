"""Integrity checks (what a generated CODEOWNERS grants) cannot be switched off: not by the
configuration's `ignore`, `select` or `severity`, not by inline suppressions. Built from the
reproduction: a role handle with a line break and a suppression, which made `check` pass and
`codeowners generate` write `/.github/ @evil`."""

from __future__ import annotations

from pathlib import Path

import pytest

from ownership_lint import catalogue
from ownership_lint.api import lint
from ownership_lint.catalogue.example_team import BASE_TEAM, EXAMPLE_TODAY
from ownership_lint.config import Config, load_config
from ownership_lint.errors import ConfigError
from ownership_lint.findings import Finding, Location, Severity
from ownership_lint.suppressions import Suppression
from ownership_lint.suppressions import apply as apply_suppressions

from .conftest import Run, write_files

SRE = "team/roles/sre.yaml"
EVIL = '"@acme/sre\\n/.github/ @evil"'


def hostile_team(tmp_path: Path, comment: str = "  # ownership-lint: disable=OL212") -> Path:
    role = BASE_TEAM[SRE].replace("members:", f"handle: {EVIL}{comment}\nmembers:")
    return write_files(tmp_path, {**BASE_TEAM, SRE: role})


def found(out: str) -> list[str]:
    return [line.split(": ", 1)[1].split(" ", 1)[0] for line in out.splitlines() if ": OL" in line]


def test_the_integrity_checks_are_the_documented_ones() -> None:
    assert catalogue.integrity_codes() == {"OL215", "OL401"}
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for code in catalogue.integrity_codes():
        assert "integrity check" in catalogue.codes()[code].doc
        assert f"{code} {catalogue.codes()[code].name}" in readme


def test_a_suppressed_handle_with_a_line_break_fails_check_and_generation(
    tmp_path: Path, run: Run
) -> None:
    root = hostile_team(tmp_path)
    code, out, _ = run("check", "--root", str(root))
    assert code == 1
    assert "OL215" in found(out)
    code, out, _ = run("codeowners", "generate", "--root", str(root))
    assert code == 1 and "OL215" in out
    assert not (root / ".github/CODEOWNERS").exists()
    code, _, _ = run("codeowners", "generate", "--check", "--root", str(root))
    assert code == 1


def test_suppressing_an_integrity_check_is_reported_and_does_nothing(
    tmp_path: Path, run: Run
) -> None:
    root = hostile_team(tmp_path, "  # ownership-lint: disable=OL215")
    code, out, _ = run("check", "--root", str(root))
    assert code == 1
    assert {"OL016", "OL215"} <= set(found(out))
    assert "OL215 is an integrity check (what a generated CODEOWNERS grants) and cannot be " in out


@pytest.mark.parametrize(
    "config",
    [
        'ignore = ["OL212"]',
        'ignore = ["OL2"]',
        'ignore = ["OL"]',
        'select = ["OL1"]',
        'severity = { OL212 = "warning" }',
    ],
)
def test_no_configuration_drops_an_integrity_finding(tmp_path: Path, run: Run, config: str) -> None:
    root = hostile_team(tmp_path, "")
    (root / ".ownership-lint.toml").write_text(config + "\n")
    code, out, _ = run("check", "--root", str(root))
    assert code == 1 and "OL215" in found(out), out


@pytest.mark.parametrize(
    ("config", "what"),
    [
        ('ignore = ["OL215"]', "ignored"),
        ('ignore = ["ol401"]', "ignored"),
        ('severity = { OL215 = "warning" }', "downgraded"),
        ('severity = { OL401 = "warning" }', "downgraded"),
    ],
)
def test_naming_an_integrity_check_in_ignore_or_severity_is_a_configuration_error(
    tmp_path: Path, run: Run, config: str, what: str
) -> None:
    root = hostile_team(tmp_path, "")
    (root / ".ownership-lint.toml").write_text(config + "\n")
    with pytest.raises(ConfigError, match=f"is an integrity check .* cannot be {what}"):
        load_config(root)
    code, _, err = run("check", "--root", str(root))
    assert code == 2 and "integrity check" in err
    code, _, err = run("check", "--root", str(root), "--ignore", "OL215")
    assert code == 2


def test_a_severity_of_error_for_an_integrity_check_is_allowed(tmp_path: Path) -> None:
    (tmp_path / ".ownership-lint.toml").write_text('severity = { OL215 = "error" }\n')
    assert load_config(tmp_path).severity == {"OL215": Severity.ERROR}


def test_the_library_keeps_integrity_findings_whatever_it_is_given() -> None:
    finding = Finding("OL215", "unsafe-handle", Severity.ERROR, Location(SRE, 4), "bad")
    # A Config built in code (not from a file) cannot drop or downgrade one either.
    config = Config(ignore=("OL215",), select=("OL1",), severity={"OL215": Severity.WARNING})
    assert config.apply([finding]) == [finding]
    suppression = Suppression(Location(SRE, 4), ("OL215",), None)
    kept, unused = apply_suppressions(
        [finding], [suppression], {"OL215"}, catalogue.integrity_codes()
    )
    assert kept == [finding]
    assert [f.code for f in unused] == ["OL016"]


def test_library_callers_may_skip_rules_that_do_not_concern_them(tmp_path: Path) -> None:
    # Generation skips the drift it is about to fix; nothing read from a file can do that.
    import datetime as dt

    root = hostile_team(tmp_path, "")
    today = dt.date.fromisoformat(EXAMPLE_TODAY)
    assert "OL215" in {f.code for f in lint(root, today=today).findings}
    skipped = lint(root, config=Config(skip=("OL2",)), today=today)
    assert "OL215" not in {f.code for f in skipped.findings}
    (root / ".ownership-lint.toml").write_text('skip = ["OL2"]\n')
    with pytest.raises(ConfigError, match="unknown key 'skip'"):
        load_config(root)
