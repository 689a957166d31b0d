"""What the importers write reads back as the values meant: every YAML file they emit is
parsed and compared. `import codeowners` on an owner with U+2028 or NEL wrote a
responsibilities.yaml that was not YAML (OL001), and NEL silently became a space (issue 10).
Also: the team document `ownership-lint docs` writes imports back to the same values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownership_lint.api import lint
from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.codeowners import parse
from ownership_lint.docs.document import render_document
from ownership_lint.importing import plan_import, write_team
from ownership_lint.importing.markdown import import_document
from ownership_lint.importing.markdown import parse as parse_document
from ownership_lint.importing.text import yaml_scalar
from ownership_lint.loading.team import load_team
from ownership_lint.loading.yaml_doc import load_yaml

from .conftest import write_files

TODAY = dt.date(2026, 3, 1)
# Characters YAML reads as something else when written raw, or does not allow raw.
TRICKY = ["\u2028", "\u2029", "\x85", "\x00", "\x1b", "\x7f", "\u202e", "\ufeff", '"', "\\"]
# Everything but what the CODEOWNERS parser splits owners on.
TOKEN_CHARS = st.characters(codec="utf-8", exclude_characters=" \t\r\n\f\v\x00")


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.characters(codec="utf-8") | st.sampled_from(",?[]{}:#&*!|>%@- \t"), max_size=20)
    | st.sampled_from(["yes", "~", "- x", "a: b", "w?", "a, b"])
)
def test_yaml_scalar_reads_back_as_the_text(text: str) -> None:
    scalar = yaml_scalar(text)
    assert "\n" not in scalar and "\u2028" not in scalar and "\x85" not in scalar
    assert load(f"key: {scalar}\n") == {"key": text}
    assert load(f"- {scalar}\n") == [text]
    flow = yaml_scalar(text, flow=True)
    assert load(f"[{flow}, {flow}]\n") == [text, text]
    assert load(f"{{id: {flow}, raci: C}}\n") == {"id": text, "raci": "C"}


def load(text: str) -> Any:
    """YAML as `check` reads it (the loader with positions and limits), nothing reported."""
    doc, problems = load_yaml(text.encode("utf-8"), "file.yaml")
    assert problems == [] and doc is not None, problems
    return doc.data


def planned(text: str) -> tuple[Any, dict[str, Any]]:
    plan = plan_import(text, parse(text, "github"), source="CODEOWNERS", name="t", today=TODAY)
    return plan, {rel: load(body) for rel, body in plan.files.items() if rel != "path-ownership"}


def assert_codeowners_import_reads_back(text: str) -> None:
    plan, read = planned(text)
    catalogue = {r["id"]: r for r in read["responsibilities.yaml"]["areas"][0]["responsibilities"]}
    for role in plan.roles:
        data = read[f"roles/{role.id}.yaml"]
        assert data["members"] == list(role.owners)
        assert data["title"] == role.title
        assert data.get("handle") == role.handle
        assert catalogue[role.responsibility]["paths"] == role.patterns
        assert catalogue[role.responsibility]["title"] == f"Paths of {role.title}"


@pytest.mark.parametrize("char", [c for c in TRICKY if c != "\x00"])  # NUL ends a token
def test_codeowners_owners_with_tricky_characters_read_back(char: str) -> None:
    text = f"/a/  @x{char}y\n/b{char}c/  @p @x{char}y\n/d/  @acme/t{char}\n"
    assert_codeowners_import_reads_back(text)


def test_an_imported_team_with_line_separators_loads(tmp_path: Path) -> None:
    # The reproduction: the files are YAML (no OL001), and what is kept is what it was. An
    # owner with a line separator in it requests nobody: it is reported and left out.
    text = "/a/  @x\u2028y @ok\n/b\u2028c/  @p\x85q @ok\n"
    plan, _ = planned(text)
    assert sorted(f.code for f in plan.findings) == ["OL304", "OL304"]
    write_team(tmp_path, plan)
    report = lint(tmp_path, today=TODAY, tracked=[])
    assert not [f for f in report.findings if f.code < "OL100"], report.findings
    team = load_team(tmp_path).team
    assert [ref.id for role in team.roles for ref in role.members] == ["@ok"]
    assert [ref.id for resp in team.responsibilities for ref in resp.paths] == ["/a/", "/b\u2028c/"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.text(TOKEN_CHARS, min_size=1, max_size=8).filter(lambda p: p[0] not in "#!\\["),
            st.lists(st.text(TOKEN_CHARS, min_size=1, max_size=8), max_size=3),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_codeowners_import_reads_back(rules: list[tuple[str, list[str]]]) -> None:
    lines = [
        f"/{pattern}  " + " ".join(o for o in owners if not o.startswith("#"))
        for pattern, owners in rules
    ]
    assert_codeowners_import_reads_back("\n".join(lines) + "\n")


# -- import markdown -----------------------------------------------------------------------


def document(title: str, items: list[str]) -> str:
    listed = "".join(f"- {item}\n" for item in items)
    return (
        f"# {title}\n\n## Ops {title} (Senior)\n\n**Tools:**\n{listed}\n"
        f"**Responsibilities:**\n{listed}\n**Last Updated:** 2026-01-02\n"
    )


@pytest.mark.parametrize("char", [c for c in TRICKY if c not in "\x00\x1b\x7f\x85"])
def test_markdown_import_with_tricky_characters_reads_back(char: str) -> None:
    # (The importer refuses documents with control characters, NEL among them.)
    items = [f"tool{char}x", f"a: b #c {char}", f"yes{char}", "- nested"]
    text = document(f"T{char}", items)
    parsed = parse_document(text, "doc.md")
    imported = import_document(text.encode("utf-8"), "doc.md", TODAY)
    read = {rel: load(body) for rel, body in imported.files.items()}
    [role_file] = [rel for rel in read if rel.startswith("roles/")]
    role = read[role_file]
    assert role["title"] == parsed.roles[0].title
    assert role["tools"] == [item.text for item in parsed.roles[0].sections["tools"]]
    titles = [
        r["title"] for a in read["responsibilities.yaml"]["areas"] for r in a["responsibilities"]
    ]
    assert sorted(titles) == sorted(item.text for item in parsed.roles[0].sections["tools"])
    assert read["team.yaml"]["title"] == parsed.title


def test_the_document_docs_writes_imports_back_to_the_same_values(tmp_path: Path) -> None:
    # `docs` escapes Markdown in values; the importer reads the escapes back.
    tools = ["- dash", "1. one", "a | b", "<b>bold</b>", "*x* _y_", "#tag", "&lt;", "a & b", "`c`"]
    role = (
        BASE_TEAM["team/roles/sre.yaml"]
        + "tools:\n"
        + "".join(f"  - {yaml_scalar(tool)}\n" for tool in tools)
    )
    team = load_team(write_files(tmp_path, {**BASE_TEAM, "team/roles/sre.yaml": role})).team
    rendered = render_document(team, "en")
    imported = import_document(rendered.encode("utf-8"), "TEAM.md", TODAY)
    read = load(imported.files["roles/site-reliability-engineer.yaml"])
    assert read["tools"] == tools
