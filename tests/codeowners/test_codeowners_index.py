"""The Matcher: GitHub last-match-wins, GitLab sections, and agreement with references."""

from __future__ import annotations

from pathlib import Path

from codeowners_reference import GithubReference, GitlabReference
from hypothesis import given, settings
from hypothesis import strategies as st

from ownership_lint.codeowners import Matcher, compile_pattern, find_codeowners, parse


def _owners(text: str, path: str, dialect: str = "github") -> tuple[str, ...]:
    return Matcher(parse(text, dialect)).owners(path)  # type: ignore[arg-type]


GITHUB_DOC = """\
* @global-owner1 @global-owner2
*.js @js-owner
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/* docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github
/src/
"""


def test_github_documented_example() -> None:
    m = Matcher(parse(GITHUB_DOC))
    assert m.owners("README") == ("@global-owner1", "@global-owner2")
    assert m.owners("src/a/b.js") == ()  # /src/ has no owners and wins: unowned
    assert m.owner_rule("src/a/b.js").pattern == "/src/"  # type: ignore[union-attr]
    assert m.owners("lib/x.js") == ("@js-owner",)
    assert m.owners("build/logs/x.txt") == ("@octocat",)  # the later **/logs wins
    assert m.owners("docs/getting-started.md") == ("@doctocat",)  # /docs/ is later
    assert m.owners("deeply/nested/logs/a.c") == ("@octocat",)
    assert m.owners("apps/github/x.rb") == ()  # matched by /apps/github, which lists nobody
    assert m.owners("apps/other/x.rb") == ("@octocat",)
    assert m.matching_rules("apps/other/x.rb")[0].pattern == "/apps/"


def test_unmatched_is_none_but_unowned_is_a_rule() -> None:
    m = Matcher(parse("/a/ @x\n/a/b\n"))
    assert m.owner_rule("c") is None
    rule = m.owner_rule("a/b/c")
    assert rule is not None and rule.owners == ()
    assert m.owner_rule("/a/b/c") is rule  # a leading slash is tolerated


def test_invalid_github_lines_do_not_match() -> None:
    assert _owners("* @a\n*.[ch] @b\n!*.c @c\n", "x.c") == ("@a",)


def test_gitlab_sections_combine_owners() -> None:
    text = "* @all\n[Ruby] @rubyists\n*.rb\n[Docs][2] @docs\n*.md\n/lib/*.rb @lib\n[RUBY]\n/x/\n"
    m = Matcher(parse(text, "gitlab"))
    assert m.owners("a.rb") == ("@all", "@rubyists")
    assert m.owners("lib/a.rb") == ("@all", "@rubyists", "@lib")  # last match per section
    # [RUBY] is [Ruby]: its /x/ wins there, with the defaults of its own header (none).
    assert m.owners("x/a.md") == ("@all", "@docs")
    assert [r.line for r in m.matching_rules("x/a.md")] == [1, 8, 5]
    assert m.owner_rule("x/a.md").line == 8  # type: ignore[union-attr]


def test_gitlab_exclusions_apply_to_their_section_only() -> None:
    text = "* @all\n!*.lock\n[Deps] @deps\n*.lock\n!/vendor/\n"
    m = Matcher(parse(text, "gitlab"))
    assert m.owners("Gemfile.lock") == ("@deps",)
    assert m.owners("vendor/a.lock") == ()
    assert m.owners("a.rb") == ("@all",)


def test_gitlab_exclusion_wins_whatever_its_position() -> None:
    # GitLab skips the section when any matching entry is an exclusion, even an earlier one.
    assert _owners("!/doc/\n* @all\n", "doc/a", "gitlab") == ()


def test_gitlab_duplicate_pattern_keeps_first_position() -> None:
    text = "/a/ @first\n/a/b/ @specific\n/a/ @last\n"
    m = Matcher(parse(text, "gitlab"))
    assert m.owners("a/b/c") == ("@specific",)
    assert m.owners("a/c") == ("@last",)
    assert m.owners("a/b/c") != Matcher(parse(text, "github")).owners("a/b/c")


def test_gitlab_exclusion_replaces_same_pattern() -> None:
    assert _owners("*.rb @x\n!*.rb\n", "a.rb", "gitlab") == ()
    assert _owners("!*.rb\n*.rb @x\n", "a.rb", "gitlab") == ("@x",)


def test_find_codeowners_order(tmp_path: Path) -> None:
    assert find_codeowners(tmp_path) is None
    for rel in ("docs/CODEOWNERS", ".gitlab/CODEOWNERS", "CODEOWNERS", ".github/CODEOWNERS"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("* @a\n")
    assert find_codeowners(tmp_path, "github") == tmp_path / ".github/CODEOWNERS"
    assert find_codeowners(tmp_path, "gitlab") == tmp_path / "CODEOWNERS"
    (tmp_path / ".github/CODEOWNERS").unlink()
    (tmp_path / "CODEOWNERS").unlink()
    assert find_codeowners(tmp_path, "github") == tmp_path / "docs/CODEOWNERS"
    assert find_codeowners(tmp_path, "gitlab") == tmp_path / "docs/CODEOWNERS"
    (tmp_path / "docs/CODEOWNERS").unlink()
    assert find_codeowners(tmp_path, "github") is None
    assert find_codeowners(tmp_path, "gitlab") == tmp_path / ".gitlab/CODEOWNERS"


NAMES = ["a", "b", "src", "docs", "x.py", "y.md"]
PAT_SEG = st.sampled_from([*NAMES, "*", "*.py", "**", "?", "s*", "*.md"])
path_st = st.lists(st.sampled_from(NAMES), min_size=1, max_size=5).map("/".join)
pattern_st = st.builds(
    lambda segs, lead, trail, neg: (
        ("!" if neg else "") + ("/" if lead else "") + "/".join(segs) + ("/" if trail else "")
    ),
    st.lists(PAT_SEG, min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
    st.booleans(),
).filter(lambda p: "**/**" not in p and not p.endswith("**/"))
line_st = st.one_of(
    st.builds(lambda p, o: f"{p} @{o}", pattern_st, st.sampled_from(["x", "y", "z"])),
    st.builds(lambda p: p, pattern_st),
    st.sampled_from(
        ["[S1] @d", "^[s1]", "[S2][2] @e", "# c", "[codeowners] @f", "[CODEOWNERS]", "[s2][1]@g"]
    ),
)
files_st = st.lists(line_st, max_size=25).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(files_st, st.lists(path_st, min_size=1, max_size=10), st.booleans())
def test_github_index_equals_every_rule_in_order(
    text: str, paths: list[str], directory: bool
) -> None:
    f = parse(text, "github")
    m, ref = Matcher(f), GithubReference(f)
    for p in paths:
        assert m.owner_rule(p, directory=directory) is ref.owner_rule(p, directory)


@settings(max_examples=400, deadline=None)
@given(files_st, st.lists(path_st, min_size=1, max_size=10), st.booleans())
def test_gitlab_index_equals_reference(text: str, paths: list[str], directory: bool) -> None:
    f = parse(text, "gitlab")
    m, ref = Matcher(f), GitlabReference(f)
    for p in paths:
        assert m.matching_rules(p, directory=directory) == ref.matching_rules(p, directory)


def test_directory_queries() -> None:
    """A directory is owned by the rules that match the directory itself, as git matches it:
    `/docs/` and `docs/` match the directory docs; `docs/*` and `docs/**` do not (they match
    what is inside it). A file's answer is unchanged."""
    m = Matcher(parse("* @all\n/docs/ @docs\ndocs/* @inside\n"))
    assert m.owners("docs", directory=True) == ("@docs",)
    assert m.owners("docs/guide", directory=True) == ("@inside",)
    assert m.owners("docs") == ("@all",)  # a file named docs
    assert m.owners("docs/x.md") == ("@inside",)
    assert Matcher(parse("docs/ @d\n")).owners("a/docs", directory=True) == ("@d",)
    assert Matcher(parse("/docs/** @d\n")).owners("docs", directory=True) == ()


def test_gitlab_directory_queries() -> None:
    m = Matcher(parse("/docs/ @docs\n[S]\ndocs @s\n!/docs/old/\n", "gitlab"))
    assert m.owners("docs", directory=True) == ("@docs", "@s")
    assert m.owners("docs/old", directory=True) == ("@docs",)  # excluded from [S]
    assert m.owners("docs") == ("@s",)  # a file named docs: /docs/ owns what is inside


# Every pattern shape, `x/**/` and `**/` included (hmarr's regexes differ from git there, so the
# tests above leave them out): the index must agree with testing every compiled rule in order.
any_pattern_st = st.builds(
    lambda segs, lead, trail: ("/" if lead else "") + "/".join(segs) + ("/" if trail else ""),
    st.lists(PAT_SEG, min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.builds(lambda p, o: f"{p} @{o}", any_pattern_st, st.sampled_from("xyz")), max_size=20
    ),
    st.lists(path_st, min_size=1, max_size=10),
    st.booleans(),
)
def test_github_index_equals_every_compiled_rule(
    lines: list[str], paths: list[str], directory: bool
) -> None:
    f = parse("\n".join(lines), "github")
    m = Matcher(f)
    compiled = [(rule, compile_pattern(rule.pattern)) for rule in reversed(f.rules)]
    for p in paths:
        expected = next(
            (
                rule
                for rule, pat in compiled
                if (pat.matches_directory(p) if directory else pat.matches(p))
            ),
            None,
        )
        assert m.owner_rule(p, directory=directory) is expected
