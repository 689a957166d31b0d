"""Property-based fuzzing: no input makes the loaders raise, and every position they report
points inside the input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownership_lint.codeowners.parse import parse
from ownership_lint.loading.yaml_doc import load_yaml

YAML_PIECES = st.sampled_from(
    [
        "id: sre\n",
        "- ",
        "  ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ": ",
        ",",
        "&a ",
        "*a",
        "<<: ",
        "!!python/object ",
        "!tag ",
        "'",
        '"',
        "#",
        "\n",
        "---\n",
        "no",
        "1.10",
        "~",
        "|\n",
        ">-\n",
        "\r\n",
        "<<<<<<< HEAD\n",
        "\x00",
        "é",
        "\ufeff",
        "key: value\n",
        "? ",
    ]
)
YAML_TEXT = st.lists(YAML_PIECES, max_size=40).map("".join)


def _inside(raw: bytes, line: int, column: int) -> bool:
    lines = raw.split(b"\n")
    return 1 <= line <= len(lines) + 1 and column >= 1


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(YAML_TEXT.map(lambda t: t.encode("utf-8")), st.binary(max_size=300)))
def test_yaml_loader_never_raises_and_locates_inside(raw: bytes) -> None:
    doc, findings = load_yaml(raw, "team/x.yaml")
    for finding in findings:
        loc = finding.location
        assert loc.path == "team/x.yaml"
        assert _inside(raw, loc.line, loc.column), (raw, finding)
    if doc is not None:
        for span in doc.spans.values():
            assert _inside(raw, span.line, span.column)


CODEOWNERS_PIECES = st.sampled_from(
    [
        "*",
        "**",
        "/",
        "docs",
        "\\ ",
        "\\#",
        "#",
        "!",
        "[a-z]",
        "[Sec]",
        "^[Opt]",
        "[2]",
        " ",
        "\t",
        "@user",
        "@org/team",
        "a@b.io",
        "@@developer",
        "\n",
        "\r\n",
        "?",
        "é",
        "\\",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(CODEOWNERS_PIECES, max_size=40).map("".join), st.sampled_from(["github", "gitlab"]))
def test_codeowners_parser_positions_point_at_the_text(text: str, dialect: str) -> None:
    parsed = parse(text, dialect)  # type: ignore[arg-type]
    lines = text.split("\n")
    for rule in parsed.rules:
        line = lines[rule.line - 1].rstrip("\r")
        assert line[rule.column - 1 : rule.end_column - 1] == rule.pattern
        for owner in rule.owners:
            assert line[owner.column - 1 : owner.column - 1 + len(owner.text)] == owner.text
    for problem in parsed.problems:
        assert 1 <= problem.line <= len(lines)
        assert 1 <= problem.column <= problem.end_column
