"""Parsing: positions, comments, escapes, CRLF, invalid lines, GitLab sections."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ownership_lint.codeowners import Owner, Problem, parse


def test_rule_positions_and_owners() -> None:
    f = parse("# comment\n\n  /docs/   @alice  @org/team a@b.io\n")
    assert f.problems == []
    (r,) = f.rules
    assert (r.pattern, r.line, r.column, r.end_column, r.index) == ("/docs/", 3, 3, 9, 0)
    assert r.owners == (
        Owner("@alice", 3, 12),
        Owner("@org/team", 3, 20),
        Owner("a@b.io", 3, 30),
    )
    assert r.section is None and not r.negated


def test_crlf_and_blank_lines() -> None:
    f = parse("*.py @a\r\n\r\n\t\r\n/b @c\r\n")
    assert [(r.pattern, r.line, [o.text for o in r.owners]) for r in f.rules] == [
        ("*.py", 1, ["@a"]),
        ("/b", 4, ["@c"]),
    ]


def test_only_newline_splits_lines() -> None:
    # Git (and GitHub) split on "\n" only: a form feed or U+2028 stays inside the line.
    f = parse("a\u2028b @x\n")
    assert [r.pattern for r in f.rules] == ["a\u2028b"]


def test_github_inline_comment() -> None:
    f = parse("/a @x # owned by @y\n/b @z #c\n")
    assert [[o.text for o in r.owners] for r in f.rules] == [["@x"], ["@z"]]


def test_hash_inside_a_token_is_literal() -> None:
    f = parse("a#b @x@y#z\n")
    (r,) = f.rules
    assert r.pattern == "a#b"
    assert [o.text for o in r.owners] == ["@x@y#z"]


def test_escaped_space_and_hash_inside_pattern() -> None:
    f = parse("path\\ with\\ spaces/ @a\nfoo\\#bar @b\n")
    assert [r.pattern for r in f.rules] == ["path\\ with\\ spaces/", "foo\\#bar"]
    assert f.rules[0].end_column == len("path\\ with\\ spaces/") + 1


def test_rule_without_owners_is_kept() -> None:
    f = parse("/apps/ @octocat\n/apps/github\n")
    assert [r.owners for r in f.rules] == [(Owner("@octocat", 1, 8),), ()]


def test_owners_are_not_validated_by_the_parser() -> None:
    (r,) = parse("/infra/ sre devops-engineer\n").rules
    assert [o.text for o in r.owners] == ["sre", "devops-engineer"]


def _kinds(text: str) -> list[tuple[str, int, int, int]]:
    return [(p.kind, p.line, p.column, p.end_column) for p in parse(text).problems]


def test_github_invalid_lines_are_reported_and_skipped() -> None:
    text = "!foo @a\n\\#foo @a\n*.[ch] @a\nx/***/y @a\n/ @a\n  ok @a\n"
    assert _kinds(text) == [
        ("negation", 1, 1, 5),
        ("escaped-hash", 2, 1, 6),
        ("character-range", 3, 1, 7),
        ("triple-star", 4, 1, 8),
        ("matches-nothing", 5, 1, 2),
    ]
    assert [r.pattern for r in parse(text).rules] == ["ok"]
    assert parse(text).rules[0].index == 0


def test_escaped_bracket_is_not_a_range() -> None:
    assert _kinds("a\\[b @x\n") == []


def test_gitlab_sections() -> None:
    text = (
        "* @all\n"
        "[Docs] @d1 @d2\n"
        "docs/\n"
        "^[Optional][3] @o\n"
        "[Two][2]\n"
        "*.rb @ruby\n"
        "[docs]\n"
        "README.md\n"
    )
    f = parse(text, "gitlab")
    assert [(s.name, s.line, s.column, s.optional, s.approvals) for s in f.sections] == [
        ("Docs", 2, 1, False, 0),
        ("Optional", 4, 1, True, 3),
        ("Two", 5, 1, False, 2),
        ("Docs", 7, 1, False, 0),  # same name, any case: combined under the first name
    ]
    assert f.sections[0].default_owners == (Owner("@d1", 2, 8), Owner("@d2", 2, 12))
    assert [(r.pattern, r.section.name if r.section else None) for r in f.rules] == [
        ("*", None),
        ("docs/", "Docs"),
        ("*.rb", "Two"),
        ("README.md", "Docs"),
    ]
    assert [p.kind for p in f.problems] == ["optional-with-approvals"]
    assert f.rules[1].effective_owners == f.sections[0].default_owners
    assert f.rules[3].effective_owners == ()  # [docs] header on line 7 has no defaults


def test_gitlab_exclusion_and_positions() -> None:
    f = parse("[S] @x\n  !/doc/*.md\n", "gitlab")
    (r,) = f.rules
    assert (r.pattern, r.negated, r.line, r.column, r.end_column) == ("/doc/*.md", True, 2, 4, 13)
    assert r.effective_owners == ()


def test_gitlab_has_no_inline_comments() -> None:
    (r,) = parse("/a @x # @y\n", "gitlab").rules
    assert [o.text for o in r.owners] == ["@x", "#", "@y"]


def test_gitlab_invalid_and_empty_sections() -> None:
    f = parse("[Unclosed\n[]\n!\n", "gitlab")
    assert [(p.kind, p.line) for p in f.problems] == [
        ("invalid-section", 1),
        ("empty-section-name", 2),
        ("empty-exclusion", 3),
    ]


def test_gitlab_section_default_owner_text_stops_at_other_characters() -> None:
    (s,) = parse("[S] @a, @b\n", "gitlab").sections
    assert [o.text for o in s.default_owners] == ["@a"]


def test_gitlab_escaped_space_split() -> None:
    (r,) = parse("a\\ b @x\n", "gitlab").rules
    assert r.pattern == "a\\ b" and [o.text for o in r.owners] == ["@x"]


def test_huge_approval_count_does_not_raise() -> None:
    (s,) = parse("[S][" + "9" * 5000 + "]\n", "gitlab").sections
    assert s.approvals > 0


def test_problem_is_plain_data() -> None:
    assert Problem(1, 1, 2, "k", "m").kind == "k"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["github", "gitlab"]))
def test_parser_never_raises(text: str, dialect: str) -> None:
    f = parse(text, dialect)  # type: ignore[arg-type]
    lines = text.split("\n")
    for r in f.rules:
        line = lines[r.line - 1]
        assert line[r.column - 1 : r.end_column - 1] == r.pattern


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=" \t\\#!@[]^*/ab\r", max_size=12), max_size=8).map("\n".join),
    st.sampled_from(["github", "gitlab"]),
)
def test_parser_never_raises_on_syntax_soup(text: str, dialect: str) -> None:
    parse(text, dialect)  # type: ignore[arg-type]


def test_large_hostile_input_is_linear() -> None:
    big = "[" + "a" * 200_000 + "\n" + "\\ " * 100_000 + " @x\n" + "@" * 100_000
    for dialect in ("github", "gitlab"):
        parse(big, dialect)  # type: ignore[arg-type]
