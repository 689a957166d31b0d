"""Bad input in team files: each problem is a finding at its location, never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ownership_lint.api import lint
from ownership_lint.catalogue.example_team import BASE_TEAM, EXAMPLE_TODAY
from ownership_lint.loading.yaml_doc import MAX_BYTES, MAX_DEPTH, load_yaml

from .conftest import write_files

ROLE = "team/roles/sre.yaml"
TODAY = dt.date.fromisoformat(EXAMPLE_TODAY)


def load(text: str | bytes) -> tuple[object, list[tuple[str, int, int, str]]]:
    raw = text if isinstance(text, bytes) else text.encode()
    doc, findings = load_yaml(raw, ROLE)
    found = [(f.code, f.location.line, f.location.column, f.message) for f in findings]
    return (doc.data if doc else None), found


def test_plain_data_with_positions() -> None:
    doc, findings = load_yaml(b"id: sre\ntools:\n  - kubectl\n  - helm\n", ROLE)
    assert findings == [] and doc is not None
    assert doc.data == {"id": "sre", "tools": ["kubectl", "helm"]}
    assert doc.location(("tools", 1)).line == 4
    assert doc.location(("tools", 1)).column == 5
    assert doc.location(("tools",), key=True).column == 1


def test_syntax_error_is_located() -> None:
    data, found = load("id: sre\ntitle: [unclosed\nseniority: middle\n")
    assert data is None
    assert [(code, line) for code, line, _, _ in found] == [("OL001", 3)]
    assert "invalid YAML" in found[0][3]


def test_duplicate_key_is_reported_at_the_second_occurrence() -> None:
    data, found = load("id: sre\ntitle: A\ntitle: B\n")
    assert found == [("OL002", 3, 1, "duplicate key 'title' (first at line 2)")]
    assert data == {"id": "sre", "title": "A"}


def test_duplicate_key_in_nested_mapping() -> None:
    _, found = load("policy:\n  a: 1\n  b: 2\n  a: 3\n")
    assert [(c, line, col) for c, line, col, _ in found] == [("OL002", 4, 3)]


@pytest.mark.parametrize("word", ["no", "No", "off", "ON", "yes", "true"])
def test_yaml11_booleans_where_text_is_expected(tmp_path: Path, word: str) -> None:
    role = f"id: sre\ntitle: {word}\nseniority: middle\nmembers: ['@s']\nresponsibilities: []\n"
    write_files(tmp_path, {**BASE_TEAM, ROLE: role})
    found = [(f.code, f.location.line, f.location.column) for f in lint(tmp_path).findings]
    assert ("OL003", 2, 8) in found


def test_yaml11_boolean_key() -> None:
    _, found = load("on: push\n")
    assert found == [("OL003", 1, 1, "the key 'on' is read as a boolean by YAML 1.1")]


def test_float_where_text_is_expected(tmp_path: Path) -> None:
    role = "id: sre\ntitle: 1.10\nseniority: middle\nmembers: ['@s']\nresponsibilities: []\n"
    write_files(tmp_path, {**BASE_TEAM, ROLE: role})
    finding = next(f for f in lint(tmp_path).findings if f.code == "OL004")
    assert (finding.location.line, finding.location.column) == (2, 8)
    assert "'1.10' is read as the number 1.1" in finding.message
    assert finding.hint == "quote it: '1.10'"


def test_merge_conflict_markers_are_each_reported() -> None:
    text = "id: sre\n<<<<<<< HEAD\ntitle: A\n=======\ntitle: B\n>>>>>>> branch\n"
    data, found = load(text)
    assert data is None
    assert [(c, line) for c, line, _, _ in found] == [("OL005", 2), ("OL005", 4), ("OL005", 6)]


def test_tab_indentation() -> None:
    _, found = load("tools:\n\t- kubectl\n")
    assert found == [("OL006", 2, 1, "tab character in indentation")]


def test_tab_inside_a_value_is_fine() -> None:
    data, found = load('title: "a\tb"\n')
    assert found == [] and data == {"title": "a\tb"}


def test_non_utf8_byte_is_located() -> None:
    _, found = load(b"id: sre\ntitle: caf\xe9\n")
    assert found == [("OL007", 2, 11, "byte 0xe9 is not valid UTF-8")]


def test_utf16_is_refused_with_advice() -> None:
    _, found = load("id: sre\n".encode("utf-16"))
    assert [c for c, *_ in found] == ["OL007"] and "UTF-16" in found[0][3]


def test_utf8_bom_is_accepted() -> None:
    data, found = load(b"\xef\xbb\xbfid: sre\n")
    assert found == [] and data == {"id": "sre"}


def test_nul_byte() -> None:
    _, found = load(b"id: sre\ntitle: a\x00b\n")
    assert [(c, line, col) for c, line, col, _ in found] == [("OL007", 2, 9)]


@pytest.mark.parametrize(
    "text",
    [
        "id: !!python/object/apply:os.system ['echo pwned']\n",
        "id: !!python/name:os.system\n",
        "id: !custom x\n",
        "tools: !!set {a, b}\n",
        "id: !!binary aGVsbG8=\n",
    ],
)
def test_dangerous_and_unknown_tags_are_refused(text: str) -> None:
    _, found = load(text)
    assert [c for c, *_ in found] == ["OL008"]


def test_merge_keys_are_refused() -> None:
    _, found = load("base: &b {a: 1}\nrole:\n  <<: *b\n")
    assert [(c, line) for c, line, _, _ in found] == [("OL008", 3)]


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 12):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    data, found = load("\n".join(lines) + "\n")
    assert data is None
    assert [c for c, *_ in found] == ["OL009"]
    assert "aliases expand the document to more than" in found[0][3]


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_extreme_nesting_is_refused(opener: str) -> None:
    data, found = load(opener * 100_000 + "x\n")
    assert data is None
    assert [c for c, *_ in found] == ["OL009"]
    assert f"deeper than {MAX_DEPTH}" in found[0][3]


def test_huge_file_is_refused_without_parsing(tmp_path: Path) -> None:
    write_files(tmp_path, BASE_TEAM)
    (tmp_path / ROLE).write_bytes(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    findings = lint(tmp_path).findings
    huge = [f for f in findings if f.location.path == ROLE]
    assert [f.code for f in huge] == ["OL009"]
    assert f"{MAX_BYTES:,}" in huge[0].message


def test_more_than_one_document() -> None:
    _, found = load("id: a\n---\nid: b\n")
    assert [(c, line) for c, line, _, _ in found] == [("OL001", 2)]


def test_dates_stay_text() -> None:
    data, found = load("last_reviewed: 2025-12-07\n")
    assert found == [] and data == {"last_reviewed": "2025-12-07"}


def test_one_broken_file_does_not_hide_the_others(tmp_path: Path) -> None:
    write_files(tmp_path, {**BASE_TEAM, ROLE: "id: [\n"})
    devops = BASE_TEAM["team/roles/devops.yaml"] + "tool: [git]\n"
    write_files(tmp_path, {"team/roles/devops.yaml": devops})
    found = {(f.code, f.location.path) for f in lint(tmp_path, today=TODAY).findings}
    assert found == {("OL001", ROLE), ("OL010", "team/roles/devops.yaml")}


def test_an_unexpected_file_under_team_is_a_warning_and_is_not_read(tmp_path: Path) -> None:
    # Broken YAML in both: were they read, OL001 would say so.
    files = {"team/notes.yaml": "title: [unclosed\n", "team/roles/sre.yml.bak": "id: [\n"}
    write_files(tmp_path, {**BASE_TEAM, **files})
    report = lint(tmp_path, today=TODAY)
    found = [(f.code, f.severity.value, f.location.path) for f in report.findings]
    assert found == [
        ("OL014", "warning", "team/notes.yaml"),
        ("OL014", "warning", "team/roles/sre.yml.bak"),
    ]
    assert "is not read" in report.findings[0].message
    assert report.exit_code == 0  # a warning: the team itself is fine
    assert "team/notes.yaml" not in report.files


def test_symlink_outside_the_repository_is_not_followed(tmp_path: Path) -> None:
    repo = write_files(tmp_path / "repo", BASE_TEAM)
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: sre\n")
    (repo / ROLE).unlink()
    (repo / ROLE).symlink_to(secret)
    findings = [f for f in lint(repo).findings if f.location.path == ROLE]
    assert [f.code for f in findings] == ["OL015"]
    assert "is a link" in findings[0].message


@pytest.mark.parametrize("value", ["!!bool maybe", '!!int ""', "!!int '-'", '!!float ""'])
def test_explicit_tags_that_do_not_fit_are_findings(value: str) -> None:
    data, found = load(f"id: sre\ntitle: {value}\n")
    assert [(c, line) for c, line, _, _ in found] == [("OL001", 2)]
    assert data is not None


def test_a_long_base_60_number_stays_text() -> None:
    # PyYAML builds `1:00:00:...` (a YAML 1.1 int) in quadratic time; we do not.
    text = "1" + ":00" * 200_000
    data, found = load(f"title: {text}\n")
    assert found == [] and data == {"title": text}


def test_an_anchor_on_a_key_can_be_used() -> None:
    data, found = load("&k title: x\nseniority: *k\n")
    assert found == [] and data == {"title": "x", "seniority": "title"}


def test_a_tab_inside_a_block_scalar_is_text() -> None:
    data, found = load("description: |\n  Does things:\n  \t- bullet\n")
    assert found == [] and data == {"description": "Does things:\n\t- bullet\n"}


def test_columns_count_characters() -> None:
    _, found = load("tïtle: é".encode() + b"\xff\n")
    assert [(c, line, col) for c, line, col, _ in found] == [("OL007", 1, 9)]
