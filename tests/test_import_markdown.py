"""`ownership-lint import markdown`: the seed (clean and as received, in mojibake) into team/,
conflicts reported rather than merged, round trips through `docs`, and bad input refused with
nothing written."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from ownership_lint.api import lint
from ownership_lint.docs.document import render_document
from ownership_lint.importing.markdown import DocumentError, import_document, parse
from ownership_lint.loading.team import load_team

from .conftest import REPO, SEED_DIR, Run, write_files

SEED = SEED_DIR / "infra-team-structure.md"
AS_RECEIVED = SEED_DIR / "infra-team-structure.as-received.md"
TODAY = dt.date(2026, 1, 1)


def summary(text: str) -> dict[str, tuple[str, frozenset[str], tuple[str, ...]]]:
    """Per role title: seniority, responsibilities and tools, as a document states them."""
    doc = parse(text, "doc")
    return {
        role.title: (
            role.seniority,
            frozenset(item.text for item in role.sections.get("responsibilities", [])),
            tuple(item.text for item in role.sections.get("tools", [])),
        )
        for role in doc.roles
    }


def test_seed_imports_into_a_team_that_only_lacks_people_and_interface_owners(
    tmp_path: Path, run: Run
) -> None:
    code, out, err = run("import", "markdown", str(SEED), "--root", str(tmp_path))
    assert code == 0, err
    assert "wrote team/: 4 roles, 22 responsibilities in 20 areas, 3 departments with 9 " in out
    assert sorted(os.listdir(tmp_path / "team/roles")) == [
        "cloud-architect.yaml",
        "devops-engineer.yaml",
        "infrastructure-lead.yaml",
        "sre.yaml",
    ]
    report = lint(tmp_path, today=TODAY, tracked=[])
    # What the document itself leaves open, and nothing else: it names no people, and no role
    # is given the cross-functional interfaces.
    assert sorted({f.code for f in report.findings}) == ["OL103", "OL211"]
    assert "9 x OL103 unowned-interface" in out and "4 x OL211 understaffed-role" in out


def test_seed_overlaps_are_reported_not_merged(tmp_path: Path, run: Run) -> None:
    code, _, err = run("import", "markdown", str(SEED), "--root", str(tmp_path))
    assert code == 0
    assert (
        "possible overlap in 'Budget', owned by 2 roles: 'Budget management' "
        "(infrastructure-lead, line 17); 'Budget forecasting' (cloud-architect, line 95)"
    ) in err
    assert "possible overlap in 'Performance', owned by 2 roles" in err
    assert "SECURITY's 'Compliance requirements' and 'Compliance' (cloud-architect)" in err
    team = load_team(tmp_path).team
    owners = {c.id: role.id for role in team.roles for c in role.owned()}
    assert owners["budget.management"] == "infrastructure-lead"
    assert owners["budget.forecasting"] == "cloud-architect"


def test_the_seed_as_received_is_repaired_with_a_warning(tmp_path: Path, run: Run) -> None:
    clean = import_document(SEED.read_bytes(), "seed.md", TODAY)
    code, _, err = run("import", "markdown", str(AS_RECEIVED), "--root", str(tmp_path))
    assert code == 0
    assert "the text is mojibake (UTF-8 read as Mac Roman, then saved again)" in err
    assert "repaired with ftfy (encode macroman, decode utf-8)" in err
    for rel, text in clean.files.items():
        written = (tmp_path / "team" / rel).read_text("utf-8")
        text = text.replace("seed.md", AS_RECEIVED.name)
        assert written.endswith(text) and written.count("\n") <= text.count("\n") + 1, rel
        assert "\u2013" not in written and "\u201a" not in written  # no mojibake left
    lead = (tmp_path / "team/roles/infrastructure-lead.yaml").read_text("utf-8")
    assert "- Kubernetes (DOKS) архитектура" in lead


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("source", [SEED, AS_RECEIVED], ids=["seed", "as-received"])
def test_round_trip_import_then_docs_keeps_roles_responsibilities_and_tools(
    tmp_path: Path, run: Run, source: Path, lang: str
) -> None:
    assert run("import", "markdown", str(source), "--root", str(tmp_path))[0] == 0
    rendered = render_document(load_team(tmp_path).team, lang)
    assert summary(rendered) == summary(SEED.read_text("utf-8"))


def test_docs_output_imports_back_to_the_same_document(tmp_path: Path, run: Run) -> None:
    # The shipped team's document, imported and rendered again, is the same document: RACI
    # letters and interface owners included.
    shipped = render_document(load_team(REPO).team, "en")
    (tmp_path / "TEAM.md").write_text(shipped, encoding="utf-8")
    code, _, err = run("import", "markdown", str(tmp_path / "TEAM.md"), "--root", str(tmp_path))
    assert code == 0, err
    assert render_document(load_team(tmp_path).team, "en") == shipped
    assert "is claimed by" not in err  # only the possible overlaps of the budget area etc.


def test_a_responsibility_two_roles_claim_stays_claimed_by_both(tmp_path: Path, run: Run) -> None:
    doc = (
        "# Ops\n\n## Lead (Senior)\n\n**Responsibilities:**\n- Budget\n\n"
        "## Architect\n\n**Ответственность:**\n- budget\n- Cloud roadmap\n"
    )
    (tmp_path / "doc.md").write_text(doc)
    code, out, err = run("import", "markdown", str(tmp_path / "doc.md"), "--root", str(tmp_path))
    assert code == 0
    assert "'Budget' is claimed by 2 roles: lead (line 6), architect (line 11)" in err
    assert "OL102 multiple-owners" in out
    report = lint(tmp_path, today=TODAY, tracked=[])
    assert [f.message for f in report.findings if f.code == "OL102"] == 2 * [
        "responsibility 'budget.budget' is owned by 2 roles: architect "
        "(team/roles/architect.yaml:9:5), lead (team/roles/lead.yaml:10:5)"
    ]


BAD = {
    "no roles": (
        b"# Team\n\nJust prose.\n",
        "doc.md: no roles found: a team document has one '## Role title (Seniority)' section",
    ),
    "role without sections": (
        b"# Team\n\n## Lead (Senior)\n\n## SRE\n\n**Tools:**\n- kubectl\n",
        "doc.md:3: role 'Lead' has no sections: expected '**Competencies:**'",
    ),
    "binary junk": (bytes(range(256)) * 4, "byte 0x80 is not valid UTF-8"),
    "NUL bytes": (b"# Team\n\x00\x00\n", "doc.md:2:1: the file contains a NUL byte"),
    "not UTF-8": (
        "# Команда\n".encode("cp1251"),
        "byte 0xca is not valid UTF-8; re-save the file as UTF-8",
    ),
    "UTF-16": ("# Team\n".encode("utf-16"), "the file is UTF-16; it must be UTF-8"),
    "empty": (b"\n\n", "doc.md: the file is empty"),
}


@pytest.mark.parametrize(("content", "message"), BAD.values(), ids=BAD.keys())
def test_bad_input_is_refused_clearly_and_nothing_is_written(
    tmp_path: Path, run: Run, content: bytes, message: str
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (tmp_path / "doc.md").write_bytes(content)
    os.chdir(tmp_path)
    code, out, err = run("import", "markdown", "doc.md", "--root", str(repo))
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err
    assert os.listdir(repo) == []
    with pytest.raises(DocumentError):
        import_document(content, "doc.md", TODAY)


def test_an_existing_team_is_replaced_only_with_force(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, {"team/team.yaml": "name: mine\n", "team/roles/old.yaml": "id: old\n"})
    code, _, err = run("import", "markdown", str(SEED), "--root", str(tmp_path))
    assert code == 2 and "already exists: nothing was written (pass --force" in err
    assert (tmp_path / "team/team.yaml").read_text() == "name: mine\n"
    assert run("import", "markdown", str(SEED), "--root", str(tmp_path), "--force")[0] == 0
    assert not (tmp_path / "team/roles/old.yaml").exists()
    assert (tmp_path / "team/roles/sre.yaml").is_file()
    # No staging or backup left behind; the schemas the files name beside the team.
    assert sorted(os.listdir(tmp_path)) == ["schemas", "team"]


def test_dry_run_prints_and_writes_nothing(tmp_path: Path, run: Run) -> None:
    code, out, _ = run("import", "markdown", str(SEED), "--root", str(tmp_path), "--dry-run")
    assert code == 0 and "--- team/roles/sre.yaml\n" in out and "would write team/" in out
    assert "--- team/roles/sre.yaml\n# yaml-language-server: $schema=../../schemas/role." in out
    assert os.listdir(tmp_path) == []


def test_unknown_sections_and_stray_text_are_warned_about(tmp_path: Path) -> None:
    doc = (
        "# Team\nIntro text.\n\n## Lead (Senior)\n\n**Hobbies:**\n- chess\n\n"
        "**Responsibilities:**\n- Strategy _(Q)_\n"
    )
    imported = import_document(doc.encode(), "doc.md", TODAY)
    assert imported.warnings == [
        "doc.md:2: text 'Intro text.' is not imported",
        "doc.md:6: section 'Hobbies' of role 'Lead' is not one the importer knows; it is not "
        "imported",
        "doc.md:7: list item 'chess' is under no section; it is not imported",
        "doc.md:10: '(Q)' is not a RACI letter",
        "doc.md: no '**Last Updated:** YYYY-MM-DD' line: last_reviewed is set to today "
        "(2026-01-01)",
    ]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # YAML 1.1 words as ids are quoted, not read as booleans or null.
        (
            "# No\n\n## No (Senior)\n\n**Ответственность:**\n- Yes we can\n\n"
            "**With the Null department:**\n- Null things\n",
            "wrote team/",
        ),
        # A very long heading makes an id that still names a file.
        ("# T\n\n## " + "Very long role " * 30 + "\n\n**Tools:**\n- kubectl\n", "wrote team/"),
    ],
)
def test_odd_documents_import(tmp_path: Path, run: Run, document: str, expected: str) -> None:
    (tmp_path / "doc.md").write_text(document)
    code, out, err = run("import", "markdown", str(tmp_path / "doc.md"), "--root", str(tmp_path))
    assert code == 0, err
    assert expected in out


def test_a_role_heading_without_a_title(tmp_path: Path, run: Run) -> None:
    (tmp_path / "doc.md").write_text("# T\n\n## 🎉 (Senior)\n\n**Tools:**\n- kubectl\n")
    code, _, err = run("import", "markdown", str(tmp_path / "doc.md"), "--root", str(tmp_path))
    assert code == 2 and "doc.md:3: a role heading has no title" in err
    assert not (tmp_path / "team").exists()


def test_list_items_keep_their_text(tmp_path: Path) -> None:
    from ownership_lint.importing.markdown import parse

    doc = parse("# T\n\n## Ops\n\n**Tools:**\n- 1.10 upgrade\n- `kubectl`\n- ✅ helm\n", "d.md")
    assert [item.text for item in doc.roles[0].sections["tools"]] == [
        "1.10 upgrade",
        "kubectl",  # a code span around the whole item is Markdown, not text
        "helm",
    ]
