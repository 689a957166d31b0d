"""GitLab section headers, read as GitLab's own parser reads them.

The authority is GitLab's source: ``ee/lib/gitlab/code_owners/section_parser.rb`` (the current
version, with ``STRICT_HEADER_REGEX``), ``section.rb``, ``file.rb`` and the table of
``ee/spec/lib/gitlab/code_owners/section_parser_spec.rb`` (``describe '#new(line,
sectional_data, line_number)'``). Line numbers below are section_parser.rb's.
"""

from __future__ import annotations

import pytest

from ownership_lint.codeowners import Matcher, owner_kind, parse

# GitLab's errors, as our problem kinds: missing_section_name -> empty-section-name,
# invalid_approval_requirement -> invalid-approvals / optional-with-approvals,
# invalid_section_format -> malformed-section (a header) / invalid-section (no header at
# all). invalid_section_owner_format is about the owners: the malformed-owner rule (OL304)
# reports it, the parser does not (see test_malformed_default_owners_are_left_to_ol304).
SPEC_ROWS: list[tuple[str, tuple[str, bool, int, str] | None, list[str]]] = [
    # line, (name, optional, approvals, default owners) or None (no section), problems
    ("[Doc]", ("Doc", False, 0, ""), []),
    ("^[Doc]", ("Doc", True, 0, ""), []),
    ("[Doc][1]", ("Doc", False, 1, ""), []),
    ("[Doc][1] @doc", ("Doc", False, 1, "@doc"), []),
    ("^[Doc] @doc @rrr.dev @dev", ("Doc", True, 0, "@doc @rrr.dev @dev"), []),
    ("[Doc][2] @doc @rrr.dev @dev", ("Doc", False, 2, "@doc @rrr.dev @dev"), []),
    ("[Doc] @@developer", ("Doc", False, 0, "@@developer"), []),
    ("[]", ("", False, 0, ""), ["empty-section-name"]),
    ("^[]", ("", True, 0, ""), ["empty-section-name"]),
    ("[][1]", ("", False, 1, ""), ["empty-section-name"]),
    ("[][1]@owner", ("", False, 1, "@owner"), ["empty-section-name"]),
    ("[Doc][]", ("Doc", False, 0, ""), ["invalid-approvals"]),
    ("^[Doc][]", ("Doc", True, 0, ""), ["invalid-approvals"]),
    ("[Doc][] @doc", ("Doc", False, 0, "@doc"), ["invalid-approvals"]),
    ("[Doc][1 0]", ("Doc", False, 1, ""), ["invalid-approvals"]),
    ("^[Doc][1]", ("Doc", True, 1, ""), ["optional-with-approvals"]),
    ("^[Doc][1] @doc", ("Doc", True, 1, "@doc"), ["optional-with-approvals"]),
    ("^[Doc][2]@owner", ("Doc", True, 2, "@owner"), ["optional-with-approvals"]),
    ("[Doc] @owner+malformed", ("Doc", False, 0, "@owner"), ["malformed-section"]),
    ("[Doc][1_0]", ("Doc", False, 0, ""), ["malformed-section"]),
    ("[Doc][one]", ("Doc", False, 0, ""), ["malformed-section"]),
    ("^[Doc", None, ["invalid-section"]),
    ("[Doc", None, ["invalid-section"]),
    ("^[Doc]]", ("Doc", True, 0, ""), ["malformed-section"]),
    ("[Doc]]", ("Doc", False, 0, ""), ["malformed-section"]),
    ("[Doc]] @owner", ("Doc", False, 0, ""), ["malformed-section"]),
    ("[Doc][2]@owner", ("Doc", False, 2, "@owner"), ["malformed-section"]),
    ("[Doc][ 1]", ("Doc", False, 1, ""), ["malformed-section"]),
    ("[Doc][1 ]", ("Doc", False, 1, ""), ["malformed-section"]),
    ("[Doc][  1  ]", ("Doc", False, 1, ""), ["malformed-section"]),
]


@pytest.mark.parametrize(("line", "section", "problems"), SPEC_ROWS, ids=[r[0] for r in SPEC_ROWS])
def test_header_as_gitlabs_spec_reads_it(
    line: str, section: tuple[str, bool, int, str] | None, problems: list[str]
) -> None:
    """Each row of section_parser_spec.rb's table. HEADER_REGEX (line 21; approvals
    `[\\s\\d]*`, line 12; default owners `\\s*[@\\w.\\-/\\s]*` with or without a space,
    line 13), approvals with Ruby's to_i (line 64), the errors of validate_section (lines
    72-81) and Section#initialize's `default_owners.to_s.strip` (section.rb)."""
    f = parse(line + "\n*.md\n", "gitlab")
    assert [p.kind for p in f.problems] == problems
    if section is None:
        assert f.sections == []
        # file.rb #get_parsed_data: an unparsable header is skipped, not read as a rule.
        assert [r.pattern for r in f.rules] == ["*.md"]
        return
    (s,) = f.sections
    name, optional, approvals, defaults = section
    assert (s.name, s.optional, s.approvals) == (name, optional, approvals)
    assert " ".join(o.text for o in s.default_owners) == defaults
    # What it means for ownership: the rule below gets the header's default owners.
    assert Matcher(f).owners("a.md") == tuple(defaults.split())


@pytest.mark.parametrize(
    ("line", "owners"),
    [
        # The cases: the engine read no defaults, or '@owner+malformed'.
        ("[Doc][2]@owner", ("@owner",)),
        ("^[Doc][2]@owner", ("@owner",)),
        ("[Doc] @owner+malformed", ("@owner",)),
        ("[][1]@owner", ("@owner",)),
    ],
)
def test_default_owners_after_the_header_with_or_without_a_space(
    line: str, owners: tuple[str, ...]
) -> None:
    """section_parser.rb line 13: `(?<default_owners>\\s*[@\\w.\\-/\\s]*)?`; `+` is not in
    the class, so the owners stop before it."""
    assert Matcher(parse(f"{line}\n/docs/\n", "gitlab")).owners("docs/a.md") == owners


def test_owner_positions_without_a_space() -> None:
    (s,) = parse("  [Doc][2]@owner @b\n", "gitlab").sections
    assert [(o.text, o.line, o.column) for o in s.default_owners] == [
        ("@owner", 1, 11),
        ("@b", 1, 18),
    ]


def test_malformed_default_owners_are_left_to_ol304() -> None:
    """validate_section (lines 79-80): an owner GitLab does not recognise is reported as
    invalid_section_owner_format, and then the strict check does not run (line 92). We keep
    the owners as written; owner_kind (the malformed-owner rule) says which are bad."""
    for line in ("[Doc][2] @@dev", "[Doc] malformed", "[Doc] @owner oops"):
        f = parse(line + "\n", "gitlab")
        assert f.problems == [], line
        assert any(owner_kind(o.text, "gitlab") is None for o in f.sections[0].default_owners)


def test_default_section_reopened_by_name() -> None:
    """file.rb #get_parsed_data starts with `Section.new(name: Section::DEFAULT)`
    (section.rb: `DEFAULT = 'codeowners'`) and files each header under
    `parsed_sectional_data[current_section.name]`; #parse_entry keys entries by normalised
    pattern, so the later `*.md` replaces the earlier one in the same (default) section."""
    text = "*.md @a\n[codeowners]\n*.md @c\n"
    m = Matcher(parse(text, "gitlab"))
    assert m.owners("x.md") == ("@c",)  # the engine used to say ("@a", "@c")
    assert [r.line for r in m.matching_rules("x.md")] == [3]


def test_default_section_reopened_in_any_case_once_another_section_exists() -> None:
    """find_section_name (lines 83-89): with other sections, the first existing name equal
    without case (`casecmp?`); the default section comes first."""
    text = "*.md @a\n[Docs]\n*.md @d\n[CODEOWNERS] @c\nLICENSE\n*.md\n"
    f = parse(text, "gitlab")
    assert [s.name for s in f.sections] == ["Docs", "codeowners"]
    m = Matcher(f)
    assert m.owners("x.md") == ("@c", "@d")  # the default section's *.md now has @c
    assert m.owners("LICENSE") == ("@c",)  # the header's default owners apply


def test_a_first_header_named_codeowners_in_other_case_is_its_own_section() -> None:
    """find_section_name line 86: `return name if section_headers.last == Section::DEFAULT`:
    while the default section is the only one, the name is taken as written, and Ruby's
    hash keys are case-sensitive. So `[CODEOWNERS]` as the very first header opens a section
    of its own (only `[codeowners]` re-opens the default one there): kept as GitLab does it."""
    f = parse("*.md @a\n[CODEOWNERS]\n*.md @c\n", "gitlab")
    assert [s.name for s in f.sections] == ["CODEOWNERS"]
    assert Matcher(f).owners("x.md") == ("@a", "@c")


def test_same_name_any_case_combines_under_the_first_spelling() -> None:
    f = parse("[Docs]\n/a/ @x\n[Other]\n[DOCS]\n/a/ @y\n", "gitlab")
    assert [s.name for s in f.sections] == ["Docs", "Other", "Docs"]
    assert Matcher(f).owners("a/b") == ("@y",)


def test_a_line_starting_with_a_bracket_glob_is_a_section_header() -> None:
    """HEADER_REGEX (line 21) takes `[ab]/* @o` as section `ab` with default owners `/`
    (line 13 stops at `*`): not a rule. The rules below it move into that section, so they
    no longer override the default section's rules: `x.md` keeps `@all` and gains `@md`."""
    f = parse("* @all\n[ab]/* @o\n*.md @md\n", "gitlab")
    (s,) = f.sections
    assert (s.name, [o.text for o in s.default_owners], s.pattern_like) == ("ab", ["/"], True)
    assert [r.pattern for r in f.rules] == ["*", "*.md"]
    m = Matcher(f)
    assert m.owners("x.md") == ("@all", "@md")
    assert m.owners("a/x") == ("@all",)  # what `[ab]/*` meant to own gets nothing from it


@pytest.mark.parametrize(
    ("line", "pattern_like"),
    [
        ("[ab]/* @o", True),
        ("[Tt]ests/ @qa", True),
        ("[a-z]*.md", True),
        ("^[ab].txt", True),
        ("[Doc]", False),
        ("[Doc] @o", False),
        ("[Doc][2]@owner", False),
        ("[Doc][2] @o", False),
        ("[Doc]]", False),
        ("[Doc][1_0]", False),
    ],
)
def test_pattern_like_headers(line: str, pattern_like: bool) -> None:
    (s,) = parse(line + "\n", "gitlab").sections
    assert s.pattern_like is pattern_like


def test_github_reads_the_same_line_as_an_invalid_rule() -> None:
    f = parse("[ab]/* @o\n", "github")
    assert f.sections == [] and f.rules == []
    assert [p.kind for p in f.problems] == ["character-range"]
