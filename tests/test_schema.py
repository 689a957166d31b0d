"""The JSON Schemas: well-formed for editors, and their errors told in plain words."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import regress
from jsonschema import Draft202012Validator

from ownership_lint.api import Report
from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.loading.schema import (
    ONE_LINE,
    SCHEMA_NAMES,
    load_schema,
    make_validator,
    schema_dir,
)

from .conftest import REPO

SRE = "team/roles/sre.yaml"


def properties(schema: Any, where: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            yield f"{where}.{name}", sub
        for key, sub in schema.items():
            yield from properties(sub, f"{where}/{key}")
    elif isinstance(schema, list):
        for index, sub in enumerate(schema):
            yield from properties(sub, f"{where}[{index}]")


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schema_is_draft_2020_12_with_id_and_described(name: str) -> None:
    schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/{name}.schema.json")
    assert schema["description"]
    undocumented = [where for where, sub in properties(schema) if not sub.get("description")]
    assert undocumented == []


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_object_rejects_unknown_keys(name: str) -> None:
    def objects(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            if node.get("type") == "object":
                yield node
            for sub in node.values():
                yield from objects(sub)
        elif isinstance(node, list):
            for sub in node:
                yield from objects(sub)

    assert all(obj.get("additionalProperties") is False for obj in objects(load_schema(name)))


def test_the_linter_uses_the_schemas_at_the_top_level() -> None:
    for name in SCHEMA_NAMES:
        shipped = (schema_dir() / f"{name}.schema.json").read_bytes()
        assert shipped == (REPO / "schemas" / f"{name}.schema.json").read_bytes()


def test_shipped_team_files_name_their_schema_for_editors() -> None:
    for path in [REPO / "team/team.yaml", *sorted((REPO / "team/roles").glob("*.yaml"))]:
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), target


def lines(report: Report) -> list[tuple[str, int, int, str, str]]:
    return [
        (f.code, f.location.line, f.location.column, f.message, f.hint) for f in report.findings
    ]


def test_unknown_key_names_the_key_and_suggests(example_team: Callable[..., Report]) -> None:
    role = BASE_TEAM[SRE] + "competences: [Prometheus]\n"
    [(code, line, column, message, hint)] = lines(example_team({SRE: role}))
    assert (code, line, column, message) == ("OL010", 7, 1, "unknown key 'competences'")
    assert hint.startswith("did you mean 'competencies'? Allowed here: competencies, description")


def test_type_errors_say_what_was_expected_and_found(example_team: Callable[..., Report]) -> None:
    role = BASE_TEAM[SRE].replace("members: ['@sre-sam']", "members: '@sre-sam'")
    found = lines(example_team({SRE: role}))
    assert ("OL011", 4, 10, "expected a list, found text") in [row[:4] for row in found]


def test_every_error_is_reported_in_file_order(example_team: Callable[..., Report]) -> None:
    role = (
        "id: Sre\ntitel: SRE\nseniority: medium\nmembers: ['@sre-sam', 3]\n"
        "responsibilities: [alerts.rules, {id: x.y, raci: Z}]\n"
        "interfaces: [security.updates]\n"
    )
    report = example_team({SRE: role})
    found = [
        (f.code, f.location.line, f.location.column)
        for f in report.findings
        if f.location.path == SRE
    ]
    assert found == [
        ("OL012", 1, 1),  # title is missing (it is misspelt)
        ("OL013", 1, 5),  # the id is not lowercase
        ("OL205", 1, 5),  # ... nor the file name
        ("OL010", 2, 1),  # titel
        ("OL013", 3, 12),  # seniority: medium
        ("OL004", 4, 23),  # 3 is a number, not a handle
        ("OL013", 5, 50),  # raci: Z
    ]


def test_missing_required_key(example_team: Callable[..., Report]) -> None:
    role = BASE_TEAM[SRE].replace("title: Site Reliability Engineer\n", "")
    [(code, line, _, message, hint)] = lines(example_team({SRE: role}))
    assert (code, line, message) == ("OL012", 1, "missing required key 'title'")
    assert hint.startswith("add 'title:'")


def test_enum_value_suggests_the_closest(example_team: Callable[..., Report]) -> None:
    role = BASE_TEAM[SRE].replace("seniority: middle", "seniority: midle")
    [(code, _, _, message, hint)] = lines(example_team({SRE: role}))
    assert code == "OL013"
    assert message == "'midle' is not one of: junior, middle, senior, lead, principal"
    assert hint == "did you mean 'middle'?"


def test_invalid_date(example_team: Callable[..., Report], tmp_path: Path) -> None:
    team = BASE_TEAM["team/team.yaml"].replace('"2026-01-15"', '"2026-13-45"')
    [(code, line, column, message, _)] = lines(example_team({"team/team.yaml": team}))
    assert (code, line, column) == ("OL013", 3, 16)
    assert message == "'2026-13-45' is not a valid date (YYYY-MM-DD)"


def test_titles_are_one_line(example_team: Callable[..., Report]) -> None:
    # A title ends up in generated CODEOWNERS comments and section headers: a second line
    # there could smuggle a rule in.
    role = BASE_TEAM[SRE].replace("title: Site Reliability Engineer", 'title: "SRE\\n/x/ @evil"')
    [(code, line, _, message, _)] = lines(example_team({SRE: role}))
    assert (code, line, message) == (
        "OL013",
        2,
        "the value must fit on one line, without control characters",
    )


def test_missing_keys_are_each_reported_once(example_team: Callable[..., Report]) -> None:
    found = [(c, m) for c, _, _, m, _ in lines(example_team({SRE: "id: sre\n"})) if c == "OL012"]
    assert found == [
        ("OL012", "missing required key 'members'"),
        ("OL012", "missing required key 'responsibilities'"),
        ("OL012", "missing required key 'title'"),
    ]


def test_a_missing_key_in_a_list_item_names_the_list(example_team: Callable[..., Report]) -> None:
    catalogue = BASE_TEAM["team/responsibilities.yaml"].replace(
        "      - id: alerts.rules\n", "      - ident: alerts.rules\n"
    )
    found = [m for c, _, _, m, _ in lines(example_team({"team/responsibilities.yaml": catalogue}))]
    assert "missing required key 'id' in 'responsibilities' item 1" in found


def test_a_yaml11_boolean_in_a_choice(example_team: Callable[..., Report]) -> None:
    role = BASE_TEAM[SRE].replace("seniority: middle", "seniority: no")
    [(code, line, _, _, hint)] = lines(example_team({SRE: role}))
    assert (code, line, hint) == ("OL003", 3, "quote it: 'no'")


def test_an_invalid_raci_letter_owns_nothing(example_team: Callable[..., Report]) -> None:
    role = BASE_TEAM[SRE].replace(
        "responsibilities: [alerts.rules]", "responsibilities:\n  - {id: alerts.rules, raci: X}"
    )
    # OL101: nobody owns alerts.rules now; OL312: so the mapping's /alerts/ rule is unjustified.
    assert sorted(c for c, *_ in lines(example_team({SRE: role}))) == ["OL013", "OL101", "OL312"]


# -- patterns mean what ECMA-262 says ----------------------------------------------------

# A value each schema pattern accepts; a new pattern needs one here.
PATTERN_SAMPLES = {
    "^[a-z][a-z0-9]*(-[a-z0-9]+)*$": "cloud-architect",
    "^[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*$": "alerts.health-monitoring",
    ONE_LINE: "SRE - Site Reliability Engineer",
    "^[^\\[\\]\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]+$": "Infrastructure Lead",
}
LINE_ENDS = ("\n", "\r\n", "\r", "\x85", "\u2028", "\u2029")


def schema_patterns() -> set[str]:
    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                yield node["pattern"]
            for sub in node.values():
                yield from walk(sub)
        elif isinstance(node, list):
            for sub in node:
                yield from walk(sub)

    return {p for name in SCHEMA_NAMES for p in walk(load_schema(name))}


def matches(pattern: str, value: str) -> bool:
    return bool(make_validator({"type": "string", "pattern": pattern}).is_valid(value))


def test_every_schema_pattern_has_a_sample() -> None:
    assert schema_patterns() == set(PATTERN_SAMPLES)


@pytest.mark.parametrize("pattern", sorted(PATTERN_SAMPLES))
def test_every_schema_pattern_rejects_a_trailing_line_break(pattern: str) -> None:
    # jsonschema's own `pattern` uses Python's re.search, where `$` also matches before a
    # final newline: "alerts.health-monitoring\n" would pass and break generated files.
    sample = PATTERN_SAMPLES[pattern]
    assert matches(pattern, sample)
    for end in LINE_ENDS:
        assert not matches(pattern, sample + end), repr(end)
        assert not matches(pattern, end + sample), repr(end)


def test_a_responsibility_id_with_a_final_newline_is_invalid(
    example_team: Callable[..., Report],
) -> None:
    catalogue = BASE_TEAM["team/responsibilities.yaml"].replace(
        "      - id: alerts.rules\n", '      - id: "alerts.rules\\n"\n'
    )
    report = example_team({"team/responsibilities.yaml": catalogue})
    assert ("OL013", "'alerts.rules\\n' is not of the expected form") in [
        (f.code, f.message.replace("\n", "\\n")) for f in report.findings
    ]


@pytest.mark.parametrize("pattern", sorted(PATTERN_SAMPLES))
def test_schema_patterns_agree_with_an_ecma_engine(pattern: str) -> None:
    # Editors validate with JavaScript's regular expressions; `check` must agree with them.
    sample = PATTERN_SAMPLES[pattern]
    values = [
        sample,
        "",
        "a",
        "A",
        "a-",
        "a..b",
        "x\ty",
        "é",
        "[x]",
        "\U0001f600",
        "\u202e",
        *(sample + end for end in LINE_ENDS),
        *(sample[:3] + end + sample[3:] for end in LINE_ENDS),
    ]
    ecma = regress.Regex(pattern)
    for value in values:
        assert matches(pattern, value) == (ecma.find(value) is not None), repr(value)
