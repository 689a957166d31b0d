"""`codeowners generate`: golden output, the owners guarantee, drift, atomic writes, bad input."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ownership_lint import fileio
from ownership_lint.api import lint
from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.cli import run
from ownership_lint.codeowners import Matcher, compile_pattern, parse
from ownership_lint.errors import GenerationError
from ownership_lint.generate import (
    gitlab_patterns,
    render,
    resolve,
)
from ownership_lint.loading.team import load_team
from ownership_lint.model import Team

from .conftest import REPO, SHIPPED_TODAY, codes, write_files

GOLDEN = REPO / "tests" / "golden" / "codeowners"
FLAVORS = ("github", "gitlab")


def shipped_copy(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "team", tmp_path / "team")
    return tmp_path


def expected_owners(team: Team, path: str) -> tuple[str, ...]:
    """What the mapping says: the handles of the role of the last matching rule."""
    assert team.mapping is not None
    rule = Matcher(team.mapping).owner_rule(path)
    if rule is None or not rule.owners:
        return ()
    role = next(r for r in team.roles if r.id == rule.owners[0].text)
    return role.handles()


def assert_same_owners(team: Team, flavor: str, paths: list[str]) -> None:
    generated = Matcher(parse(render(team, flavor), flavor))  # type: ignore[arg-type]
    wrong = [
        (path, generated.owners(path), expected_owners(team, path))
        for path in paths
        if sorted(generated.owners(path)) != sorted(expected_owners(team, path))
    ]
    assert wrong == []


# Paths of an infrastructure repository, for every rule of the shipped mapping and between.
SHIPPED_PATHS = [
    "README.md",
    "docs/adr/0001-use-doks.md",
    "docs/roadmap/2027.md",
    "docs/other.md",
    "capacity/gpu.yaml",
    "terraform/main.tf",
    "terraform/modules/dr/backup.tf",
    "terraform/modules/vpc/main.tf",
    "team/team.yaml",
    ".github/workflows/ci.yml",
    ".github/actions/setup/action.yml",
    ".github/CODEOWNERS",
    "helm/api/values.yaml",
    "deploy/prod.yaml",
    "releases/v1.md",
    "environments/staging/env.yaml",
    "monitoring/alerts/cpu.yaml",
    "monitoring/dashboards/api.json",
    "oncall/schedule.md",
    "runbooks/db.md",
    "runbooks/rollback/api.md",
    "postmortems/2026-01.md",
    "slo/api.yaml",
    "dr/plan.md",
    "finops/forecasts/q1.csv",
    "finops/budgets/2027.csv",
    "finops/reports/march.md",
    "compliance/soc2.md",
    "helm",
    "runbooks/rollback",
]


# -- golden files --------------------------------------------------------------------------


@pytest.mark.parametrize("flavor", FLAVORS)
def test_shipped_team_generates_the_golden_file_byte_for_byte(flavor: str) -> None:
    team = load_team(REPO).team
    golden = (GOLDEN / f"{flavor}.CODEOWNERS").read_bytes()
    assert render(team, flavor).encode("utf-8") == golden  # type: ignore[arg-type]


@pytest.mark.parametrize("flavor", FLAVORS)
def test_generated_file_gives_every_path_its_roles_handles(flavor: str) -> None:
    assert_same_owners(load_team(REPO).team, flavor, SHIPPED_PATHS)


def test_generation_does_not_depend_on_the_order_files_are_written(tmp_path: Path) -> None:
    first = tmp_path / "a"
    second = tmp_path / "b"
    shutil.copytree(REPO / "team", first / "team")
    (second / "team" / "roles").mkdir(parents=True)
    for source in sorted((REPO / "team").rglob("*"), reverse=True):
        if source.is_file():
            target = second / source.relative_to(REPO)
            target.write_bytes(source.read_bytes())
    for flavor in FLAVORS:
        assert render(load_team(first).team, flavor) == render(load_team(second).team, flavor)  # type: ignore[arg-type]


def test_gitlab_translation_keeps_githubs_meaning() -> None:
    assert gitlab_patterns("/docs/") == ("/docs/",)
    assert gitlab_patterns("/docs") == ("/docs", "/docs/")  # GitHub owns the subtree too
    assert gitlab_patterns("a/b") == ("/a/b", "/a/b/")  # anchored on GitHub, floats on GitLab
    assert gitlab_patterns("Makefile") == ("Makefile", "Makefile/")
    assert gitlab_patterns("/src/**") == ("/src/",)  # one level on GitLab, a subtree on GitHub
    assert gitlab_patterns("*") == ("*",)
    assert gitlab_patterns("/a/*") == ("/a/*",)
    # GitHub reads `x/**/` as git does (the files in x's subdirectories); GitLab's `x/**/`
    # would also own the files directly in x, so the translation is `/x/*/`.
    assert gitlab_patterns("x/**/") == ("/x/*/",)
    assert gitlab_patterns("/x/**/**/") == ("/x/*/",)
    assert gitlab_patterns("**/") == ("*/",)  # every file inside some directory
    for github, path, owned in [("x/**/", "x/a", False), ("x/**/", "x/b/c", True)]:
        (gitlab,) = gitlab_patterns(github)
        assert compile_pattern(github, "github").matches(path) is owned
        assert compile_pattern(gitlab, "gitlab").matches(path) is owned


# -- GitLab sections -----------------------------------------------------------------------

_ROLE = "id: {id}\ntitle: {title}\nmembers: ['@{id}-person']\nresponsibilities: [{resp}]\n"


def gitlab_team(tmp_path: Path, sre_extra: str = "") -> Path:
    files = dict(BASE_TEAM)
    files["team/roles/sre.yaml"] = (
        "id: sre\ntitle: Site Reliability Engineer\nmembers: ['@sre-sam']\n"
        "handle: '@acme/sre'\n" + sre_extra + "responsibilities: [alerts.rules]\n"
        "interfaces: [security.updates]\n"
    )
    files["team/path-ownership"] = "*  devops\n/alerts/  sre\n/alerts/ci/  devops\n"
    return write_files(tmp_path, files)


def test_gitlab_sections_carry_approvals_and_default_owners(tmp_path: Path) -> None:
    root = gitlab_team(tmp_path, "gitlab: {approvals: 2, default_owners: true}\n")
    team = load_team(root).team
    text = render(team, "gitlab")
    assert "[Site Reliability Engineer][2] @acme/sre\n# alerts.rules\n/alerts/\n" in text
    assert "!/alerts/ci/\n" in text
    parsed = parse(text, "gitlab")
    assert parsed.problems == []
    sre = next(s for s in parsed.sections if s.name == "Site Reliability Engineer")
    assert sre.approvals == 2
    assert [o.text for o in sre.default_owners] == ["@acme/sre"]
    assert_same_owners(team, "gitlab", ["alerts/cpu.yaml", "alerts/ci/x.yml", "README.md"])


def test_optional_section(tmp_path: Path) -> None:
    team = load_team(gitlab_team(tmp_path, "gitlab: {optional: true}\n")).team
    assert "\n^[Site Reliability Engineer]\n" in render(team, "gitlab")


def test_an_optional_section_that_asks_for_approvals_is_refused(tmp_path: Path) -> None:
    # GitLab never requires approvals of an optional section: the file would not say what
    # team/ asks for.
    root = gitlab_team(tmp_path, "gitlab: {optional: true, approvals: 2}\n")
    team = load_team(root).team
    with pytest.raises(GenerationError) as raised:
        render(team, "gitlab")
    (finding,) = raised.value.findings
    assert finding.code == "OL403"
    assert finding.message == "role 'sre': an optional section cannot require approvals"
    assert "OL403" in codes(lint(root))
    assert run(["codeowners", "generate", "--flavor", "gitlab", "--root", str(root)]) == 1
    assert not (root / ".gitlab" / "CODEOWNERS").exists()
    # GitHub has no sections: its file does not depend on them.
    assert "/alerts/  @acme/sre\n" in render(team, "github")


def test_a_role_whose_rules_interleave_gets_a_second_section(tmp_path: Path) -> None:
    team = load_team(gitlab_team(tmp_path)).team
    text = render(team, "gitlab")
    # devops owns everything, then sre /alerts/, then devops /alerts/ci/ again.
    assert "[DevOps Engineer]\n" in text and "[DevOps Engineer (2)]\n" in text
    assert_same_owners(team, "gitlab", ["alerts/cpu.yaml", "alerts/ci/x.yml", "README.md"])


# -- bad input -----------------------------------------------------------------------------


def test_unknown_role_is_a_finding_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {**BASE_TEAM, "team/path-ownership": "/alerts/  sre\n/ci/  devop\n"})
    assert run(["codeowners", "generate", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "team/path-ownership:2:7: OL302 unknown role 'devop'" in out
    assert not (tmp_path / ".github" / "CODEOWNERS").exists()


def test_role_without_handles_is_a_finding_not_an_ownerless_line(tmp_path: Path) -> None:
    files = {
        **BASE_TEAM,
        "team/team.yaml": BASE_TEAM["team/team.yaml"].replace(
            "min_members_per_role: 1", "min_members_per_role: 0"
        ),
        "team/roles/sre.yaml": BASE_TEAM["team/roles/sre.yaml"].replace(
            "members: ['@sre-sam']", "members: []"
        ),
    }
    write_files(tmp_path, files)
    team = load_team(tmp_path).team
    with pytest.raises(GenerationError) as raised:
        resolve(team)
    assert [f.code for f in raised.value.findings] == ["OL402"]
    assert run(["codeowners", "generate", "--root", str(tmp_path)]) == 1
    assert not (tmp_path / ".github" / "CODEOWNERS").exists()


# -- the command: write, --check, drift ----------------------------------------------------


def test_generate_then_check_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = shipped_copy(tmp_path)
    # Exit 1 when the file changed (here: created), 0 once it is up to date.
    assert run(["codeowners", "generate", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "created .github/CODEOWNERS (GitHub, 23 rules) from team/; commit it." in out
    assert "not up to date" not in out
    assert run(["codeowners", "generate", "--root", str(root)]) == 0
    written = (root / ".github" / "CODEOWNERS").read_bytes()
    assert written == (GOLDEN / "github.CODEOWNERS").read_bytes()
    assert run(["codeowners", "generate", "--root", str(root), "--check"]) == 0
    assert run(["codeowners", "generate", "--flavor", "gitlab", "--root", str(root)]) == 1
    assert (root / ".gitlab" / "CODEOWNERS").read_bytes() == (
        GOLDEN / "gitlab.CODEOWNERS"
    ).read_bytes()
    assert "OL401" not in codes(lint(root, today=SHIPPED_TODAY, tracked=[]))


def test_check_on_a_stale_file_shows_the_diff_and_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = shipped_copy(tmp_path)
    assert run(["codeowners", "generate", "--root", str(root)]) == 1
    target = root / ".github" / "CODEOWNERS"
    stale = target.read_text().replace("/oncall/  @acme/sre", "/oncall/  @someone-else")
    target.write_text(stale)
    capsys.readouterr()
    assert run(["codeowners", "generate", "--root", str(root), "--check"]) == 1
    out = capsys.readouterr().out
    assert "-/oncall/  @someone-else\n+/oncall/  @acme/sre\n" in out
    assert out.endswith("To fix it, run:\n  ownership-lint codeowners generate\n")
    assert target.read_text() == stale  # --check writes nothing
    assert run(["codeowners", "generate", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "updated .github/CODEOWNERS (GitHub, 23 rules): it was not up to date" in out
    target.write_text(stale)
    report = lint(root, today=SHIPPED_TODAY, tracked=[])
    drift = [f for f in report.findings if f.code == "OL401"]
    assert len(drift) == 1 and drift[0].location.path == ".github/CODEOWNERS"
    assert drift[0].location.line == stale.split("\n").index("/oncall/  @someone-else") + 1


def test_check_without_a_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = shipped_copy(tmp_path)
    assert run(["codeowners", "generate", "--root", str(root), "--check"]) == 1
    assert ".github/CODEOWNERS does not exist" in capsys.readouterr().out


def test_a_failed_write_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = shipped_copy(tmp_path)
    target = root / ".github" / "CODEOWNERS"
    target.parent.mkdir()
    target.write_bytes(b"# Generated by ownership-lint from team/ (GitHub flavour).\n*  @old\n")
    before = target.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", broken_fsync)
    assert run(["codeowners", "generate", "--root", str(root)]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert os.listdir(target.parent) == ["CODEOWNERS"]  # no temporary file left behind


def test_hand_written_file_is_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = shipped_copy(tmp_path)
    target = root / ".github" / "CODEOWNERS"
    target.parent.mkdir()
    target.write_text("*  @hand-written\n")
    assert run(["codeowners", "generate", "--root", str(root)]) == 2
    assert "--markers" in capsys.readouterr().err
    assert target.read_text() == "*  @hand-written\n"


def test_lines_outside_the_marker_block_survive_regeneration(tmp_path: Path) -> None:
    root = shipped_copy(tmp_path)
    target = root / ".github" / "CODEOWNERS"
    target.parent.mkdir()
    target.write_text("# ours\n/vendor/  @hand-written\n")
    assert run(["codeowners", "generate", "--root", str(root), "--markers"]) == 1
    text = target.read_text()
    # The block goes first, so that the hand-written lines still win (test_markers.py).
    assert text.startswith("# BEGIN ownership-lint")
    assert text.endswith(
        "# END ownership-lint generated block\n\n# ours\n/vendor/  @hand-written\n"
    )
    # Hand-written lines after the block, and a stale block: regeneration keeps the lines.
    stale = text.replace("@acme/sre", "@gone") + "/LICENSE  @legal\n"
    target.write_text(stale)
    assert "OL401" in codes(lint(root, today=SHIPPED_TODAY, tracked=[]))
    assert run(["codeowners", "generate", "--root", str(root)]) == 1
    assert target.read_text() == text + "/LICENSE  @legal\n"


def test_findings_in_team_block_generation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {**BASE_TEAM, "team/roles/sre.yaml": "id: sre\ntitle: SRE\n"}
    write_files(tmp_path, files)
    assert run(["codeowners", "generate", "--root", str(tmp_path)]) == 1
    assert "OL012" in capsys.readouterr().out
    assert not (tmp_path / ".github" / "CODEOWNERS").exists()


def test_generate_is_not_blocked_by_a_stale_document_or_the_format_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(tmp_path, {**BASE_TEAM, "docs/TEAM.md": "# hand-written, stale\n"})
    monkeypatch.setenv("OWNERSHIP_LINT_FORMAT", "github")  # meant for check
    assert run(["codeowners", "generate", "--root", str(tmp_path)]) == 1  # written
    assert run(["codeowners", "generate", "--root", str(tmp_path), "--check"]) == 0
