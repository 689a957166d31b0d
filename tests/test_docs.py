"""`ownership-lint docs`: the team document from team/, its golden files, --check, the config
keys, and the drift rules OL420/OL421 in `check`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ownership_lint.api import Report
from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.catalogue.generated import STALE_MATRIX, STALE_TEAM_DOCUMENT
from ownership_lint.config import Config, load_config
from ownership_lint.docs.document import render_document
from ownership_lint.docs.matrix import render_matrix
from ownership_lint.loading.team import load_team
from ownership_lint.model import Team

from .conftest import REPO, SEED_DIR, Run, codes, write_files

GOLDEN = Path(__file__).parent / "golden" / "docs"
REGENERATE = "regenerate: ownership-lint docs --lang {lang} -o tests/golden/docs/TEAM.{lang}.md"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_shipped_team_document_matches_the_golden_file(lang: str) -> None:
    rendered = render_document(load_team(REPO).team, lang)
    golden = (GOLDEN / f"TEAM.{lang}.md").read_text(encoding="utf-8")
    assert rendered == golden, REGENERATE.format(lang=lang)


def test_russian_headings_are_the_seeds() -> None:
    seed = (SEED_DIR / "infra-team-structure.md").read_text("utf-8")
    ru = (GOLDEN / "TEAM.ru.md").read_text("utf-8")
    for heading in (
        "**Компетенции:**",
        "**Ответственность:**",
        "**Рабочие инструменты:**",
        "**\u0421 AI-ML отделом:**",
        "## 🎯 Cross-functional Collaboration",
        "## 1️⃣ ",
        "# 👥 INFRA Team Structure",
    ):
        assert heading in seed and heading in ru, heading
    en = (GOLDEN / "TEAM.en.md").read_text("utf-8")
    assert "**Competencies:**" in en and "Компетенции" not in en


def test_document_lists_every_role_responsibility_tool_and_interface() -> None:
    team = load_team(REPO).team
    doc = render_document(team, "en")
    titles = {r.id: r.title for r in team.responsibilities}
    for role in team.roles:
        section = doc.split(f" {role.title} (")[1].split("\n---")[0]
        for claim in role.responsibilities:
            assert f"- {titles[claim.id]}" in section
        for tool in role.tools:
            assert f"- {tool}\n" in section
    for iface in team.interfaces:
        assert f"- {iface.title} _(" in doc
    assert doc.rstrip().endswith("**Last Reviewed:** 2026-11-29")


def test_committed_documents_are_up_to_date() -> None:
    team = load_team(REPO).team
    assert (REPO / "docs" / "TEAM.md").read_text("utf-8") == render_document(team, "en")
    svg = (REPO / "docs" / "ownership-matrix.svg").read_text("utf-8")
    assert svg == render_matrix(team, "svg")


def test_rendering_is_deterministic() -> None:
    assert render_document(load_team(REPO).team, "ru") == render_document(
        load_team(REPO).team, "ru"
    )


def test_docs_writes_the_default_path_then_check_passes(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, BASE_TEAM)
    code, _, err = run("docs", "--root", str(tmp_path))
    assert code == 0 and "wrote docs/TEAM.md" in err
    assert (tmp_path / "docs/TEAM.md").read_text("utf-8") == STALE_TEAM_DOCUMENT.example_pass[
        "docs/TEAM.md"
    ]
    code, out, _ = run("docs", "--root", str(tmp_path), "--check")
    assert code == 0 and "up to date" in out


def test_docs_check_fails_with_a_diff_when_stale(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, BASE_TEAM)
    assert run("docs", "--root", str(tmp_path))[0] == 0
    before = (tmp_path / "docs/TEAM.md").read_bytes()
    sre = tmp_path / "team/roles/sre.yaml"
    sre.write_text(sre.read_text().replace("title: Site Reliability Engineer", "title: SRE"))
    code, out, _ = run("docs", "--root", str(tmp_path), "--check")
    assert code == 1
    assert "-## 2\ufe0f\u20e3 Site Reliability Engineer (Middle)" in out
    assert "+## 2\ufe0f\u20e3 SRE (Middle)" in out and "out of date" in out
    assert (tmp_path / "docs/TEAM.md").read_bytes() == before  # --check writes nothing


def test_docs_check_fails_when_the_document_is_missing(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, BASE_TEAM)
    code, out, _ = run("docs", "--root", str(tmp_path), "--check")
    assert code == 1 and "does not exist" in out
    assert not (tmp_path / "docs").exists()


def test_docs_language_from_flag_and_config(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, BASE_TEAM)
    code, out, _ = run("docs", "--root", str(tmp_path), "--lang", "ru", "-o", "-")
    assert code == 0 and "**Ответственность:**" in out and "**\u0421 SECURITY отделом:**" in out
    (tmp_path / ".ownership-lint.toml").write_text(
        'docs-language = "ru"\ndocs-path = "handbook/team.md"\n'
    )
    assert run("docs", "--root", str(tmp_path))[0] == 0
    assert "**Ответственность:**" in (tmp_path / "handbook/team.md").read_text("utf-8")
    code, out, _ = run("docs", "--root", str(tmp_path), "--lang", "en", "-o", "-")
    assert code == 0 and "**Responsibilities:**" in out


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('docs-language = "de"', "'docs-language' is 'de'; allowed: \"en\", \"ru\""),
        ("docs-language = 1", "'docs-language' is 1"),
        ('docs-path = "/etc/TEAM.md"', "'docs-path' is '/etc/TEAM.md'"),
        ('docs-path = "../TEAM.md"', "inside the repository"),
        ("matrix-path = []", "'matrix-path' must be a path"),
        ('docs-lang = "ru"', "unknown key 'docs-lang'. did you mean 'docs-language'?"),
    ],
)
def test_invalid_docs_config_exits_2_naming_file_and_key(
    tmp_path: Path, run: Run, line: str, expected: str
) -> None:
    write_files(tmp_path, BASE_TEAM)
    (tmp_path / ".ownership-lint.toml").write_text(line + "\n")
    code, out, err = run("docs", "--root", str(tmp_path), "-o", "-")
    assert code == 2 and out == ""
    assert str(tmp_path / ".ownership-lint.toml") in err and expected in err


def test_config_keys_parse(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ownership-lint]\ndocs-language = "ru"\ndocs-path = "a/T.md"\n'
        'matrix-path = "a/m.html"\n'
    )
    config = load_config(tmp_path)
    assert (config.docs_language, config.docs_path, config.matrix_path) == (
        "ru",
        "a/T.md",
        "a/m.html",
    )
    defaults = Config()
    assert (defaults.docs_language, defaults.docs_path, defaults.matrix_path) == (
        "en",
        "docs/TEAM.md",
        "docs/ownership-matrix.svg",
    )


def test_docs_without_a_team_exits_2(tmp_path: Path, run: Run) -> None:
    code, _, err = run("docs", "--root", str(tmp_path), "-o", "-")
    assert code == 2 and "no team definition" in err


# -- the drift rules in `check` ----------------------------------------------------------


def test_drift_rules_are_quiet_without_documents(example_team: Callable[..., Report]) -> None:
    assert example_team().findings == []


def test_fresh_document_passes(example_team: Callable[..., Report]) -> None:
    assert example_team(STALE_TEAM_DOCUMENT.example_pass).findings == []


def test_stale_document_is_reported_at_the_first_difference(
    example_team: Callable[..., Report],
) -> None:
    report = example_team(STALE_TEAM_DOCUMENT.example_fail)
    assert codes(report) == ["OL420"]
    finding = report.findings[0]
    assert str(finding.location) == "docs/TEAM.md:17:1"
    assert finding.message == "docs/TEAM.md is out of date with team/"
    assert "ownership-lint docs" in finding.hint


def test_document_in_the_other_language_says_which_setting(
    tmp_path: Path, run: Run, example_team: Callable[..., Report]
) -> None:
    team = load_team_from(tmp_path / "base")
    ru = render_document(team, "ru")
    report = example_team({"docs/TEAM.md": ru})
    assert codes(report) == ["OL420"]
    assert "has the 'ru' headings; the configuration asks for 'en'" in report.findings[0].message
    assert 'docs-language = "ru"' in report.findings[0].hint
    report = example_team({"docs/TEAM.md": ru, ".ownership-lint.toml": 'docs-language = "ru"\n'})
    assert report.findings == []


def load_team_from(root: Path) -> Team:
    write_files(root, BASE_TEAM)
    return load_team(root).team


def test_stale_matrix_is_reported_and_a_fresh_one_is_not(
    tmp_path: Path, example_team: Callable[..., Report]
) -> None:
    assert codes(example_team(STALE_MATRIX.example_fail)) == ["OL421"]
    team = load_team_from(tmp_path / "base")
    fresh = {"docs/ownership-matrix.svg": render_matrix(team, "svg")}
    assert example_team(fresh).findings == []
    html = {".ownership-lint.toml": 'matrix-path = "m.html"\n', "m.html": "<p>old</p>\n"}
    assert codes(example_team(html)) == ["OL421"]


def test_check_exits_1_on_a_stale_document(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, {**BASE_TEAM, "docs/TEAM.md": "# hand-written\n"})
    (tmp_path / "team/team.yaml").write_text(
        BASE_TEAM["team/team.yaml"].replace("days: 180", "days: 99999")
    )
    code, out, _ = run("check", "--root", str(tmp_path))
    assert code == 1 and "docs/TEAM.md:1:1: OL420" in out
    assert run("docs", "--root", str(tmp_path))[0] == 0
    assert run("check", "--root", str(tmp_path))[0] == 0


def test_docs_refuses_a_team_that_cannot_be_read(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, BASE_TEAM)
    assert run("docs", "--root", str(tmp_path))[0] == 0
    before = (tmp_path / "docs/TEAM.md").read_bytes()
    (tmp_path / "team/roles/sre.yaml").write_text("id: sre\ntitle: [\n")
    code, _, err = run("docs", "--root", str(tmp_path))
    assert code == 1 and "nothing was written or compared" in err
    assert (tmp_path / "docs/TEAM.md").read_bytes() == before
    assert run("docs", "--root", str(tmp_path), "--check")[0] == 1


def test_a_crlf_checkout_is_not_stale(tmp_path: Path, run: Run) -> None:
    # core.autocrlf=true checks generated files out with CRLF line ends.
    write_files(tmp_path, BASE_TEAM)
    (tmp_path / "team/team.yaml").write_text(
        BASE_TEAM["team/team.yaml"].replace("days: 180", "days: 99999")
    )
    assert run("docs", "--root", str(tmp_path))[0] == 0
    assert run("codeowners", "generate", "--root", str(tmp_path))[0] == 1
    for rel in ("docs/TEAM.md", ".github/CODEOWNERS"):
        path = tmp_path / rel
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert run("docs", "--root", str(tmp_path), "--check")[0] == 0
    assert run("codeowners", "generate", "--root", str(tmp_path), "--check")[0] == 0
    code, out, _ = run("check", "--root", str(tmp_path))
    assert code == 0, out
