"""GitLab CODEOWNERS as a last-match-wins mapping (importing.gitlab): segment sequences,
their intersections, GitHub patterns, and the fold of additive sections, checked against the
engine's own GitLab reading on every path of a small repository."""

from __future__ import annotations

import fnmatch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ownership_lint.codeowners import Matcher, parse
from ownership_lint.codeowners.pattern import compile_pattern
from ownership_lint.importing import gitlab
from ownership_lint.importing.gitlab import (
    Unrepresentable,
    directories,
    github_text,
    gitlab_seq,
    intersect,
    subset,
)

# A small repository: files only (a name is a file or a directory, never both).
FILES = [
    "README.md",
    "CMakeLists.txt",
    "docs/a.md",
    "docs/img.png",
    "docs/internal/b.md",
    "docs/x.md/inside.txt",  # a directory named like a Markdown file
    "src/main.c",
    "src/docs/z.md",
    "src/crypto/aes.c",
    "src/scoring/score.c",
    "lib/docs/api/c.md",
]
PATTERNS = [
    "*",
    "/docs/",
    "docs/",
    "/docs",
    "*.md",
    "/docs/**/*.md",
    "/docs/*.md",
    "/src/",
    "/src/scoring",
    "/src/crypto/",
    "CMakeLists.txt",
    "/docs/internal/",
    "x.md",
    "/lib/**/api/",
    "*.png",
]
OWNERS = ["@ann", "@bob", "@acme/ops"]


def mapping_owners(text: str) -> dict[str, list[str]]:
    """Each file's owners under the mapping the GitLab text becomes (roles = owner sets)."""
    parsed = parse(text, "gitlab")
    entries = gitlab.github_entries(
        gitlab.fold(parsed, lambda r: tuple(o.text for o in r.effective_owners)),
        directories(FILES),
    )
    lines = []
    sets: dict[str, tuple[str, ...]] = {}
    for number, (pattern, entry) in enumerate(entries):
        if entry.owners:
            sets[f"r{number}"] = entry.owners
            lines.append(f"{pattern}  r{number}")
        else:
            lines.append(pattern)
    mapping = parse("\n".join(lines) + "\n", "github")
    assert mapping.problems == []
    matcher = Matcher(mapping)
    return {f: sorted(set(sets[matcher.owners(f)[0]])) if matcher.owners(f) else [] for f in FILES}


def gitlab_owners(text: str) -> dict[str, list[str]]:
    matcher = Matcher(parse(text, "gitlab"))
    return {f: sorted(set(matcher.owners(f))) for f in FILES}


def test_sequences_read_patterns_as_gitlab_does() -> None:
    assert gitlab_seq("*") == ("*", "**")
    assert gitlab_seq("/docs/") == ("docs", "*", "**")
    assert gitlab_seq("docs/") == ("**", "docs", "*", "**")  # floats, unlike GitHub
    assert gitlab_seq("/docs") == ("docs",)  # that one path, no subtree
    assert gitlab_seq("a/b") == ("**", "a", "b")
    with pytest.raises(Unrepresentable, match=r"\[\.\.\.\] character classes"):
        gitlab_seq("/doc/[a-c]*.md")


@pytest.mark.parametrize(
    ("seq", "text"),
    [
        (("*", "**"), "*"),
        (("docs", "*", "**"), "/docs/"),
        (("**", "docs", "*", "**"), "/**/docs/"),
        (("docs", "**", "*.md", "**"), "/docs/**/*.md"),
        (("docs", "*"), "/docs/*"),
        (("docs",), None),  # GitHub's `/docs` also owns a directory of that name
        (("docs", "*.md"), None),
    ],
)
def test_github_text_says_exactly_the_sequence(seq: tuple[str, ...], text: str | None) -> None:
    assert github_text(seq) == text
    if text is not None:
        paths = ["docs", "docs/a.md", "docs/x/y.md", "a/docs/b", "x.md", "docs/a.md/b"]
        want = [matches(seq, p.split("/")) for p in paths]
        assert [compile_pattern(text, "github").matches(p) for p in paths] == want


def matches(seq: tuple[str, ...], segs: list[str]) -> bool:
    """The oracle: `**` is any number of segments, any other item one segment's glob."""
    if not seq:
        return not segs
    if seq[0] == "**":
        return any(matches(seq[1:], segs[k:]) for k in range(len(segs) + 1))
    return bool(segs) and fnmatch.fnmatchcase(segs[0], seq[0]) and matches(seq[1:], segs[1:])


def test_intersections() -> None:
    assert intersect(gitlab_seq("*"), gitlab_seq("/docs/**/*.md")) == {("docs", "**", "*.md")}
    assert intersect(gitlab_seq("*.md"), gitlab_seq("/doc/")) == {("doc", "**", "*.md")}
    assert intersect(gitlab_seq("/a/"), gitlab_seq("/b/")) == set()
    assert intersect(gitlab_seq("*.md"), gitlab_seq("*.png")) == set()
    assert subset(gitlab_seq("/docs/api/"), gitlab_seq("docs/"))
    assert not subset(gitlab_seq("docs/"), gitlab_seq("/docs/"))


def test_sections_add_up_exclusions_and_exact_paths() -> None:
    text = (
        "* @ann\n/src/scoring @bob\n\n[Docs] @bob\n/docs/\n!/docs/internal/\n*.md\n\n"
        "^[Ops]\n/src/ @acme/ops\n"
    )
    assert mapping_owners(text) == gitlab_owners(text)
    owners = gitlab_owners(text)
    assert owners["docs/a.md"] == ["@ann", "@bob"]
    assert owners["docs/internal/b.md"] == ["@ann"]  # excluded from [Docs], *.md included
    assert owners["src/scoring/score.c"] == ["@acme/ops", "@ann"]  # /src/scoring: not a dir


SECTION = st.tuples(
    st.sampled_from([None, "Docs", "Ops", "docs"]),  # `docs` combines with `Docs`
    st.lists(st.sampled_from(OWNERS), max_size=2, unique=True),
    st.lists(
        st.tuples(
            st.booleans(),
            st.sampled_from(PATTERNS),
            st.lists(st.sampled_from(OWNERS), max_size=2, unique=True),
        ),
        min_size=1,
        max_size=5,
    ),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(SECTION, min_size=1, max_size=4))
def test_any_file_keeps_its_owners(sections: list[tuple[str | None, list[str], list]]) -> None:  # type: ignore[type-arg]
    lines = []
    for name, defaults, rules in sections:
        if name is not None:
            lines.append(f"[{name}] {' '.join(defaults)}".rstrip())
        for negated, pattern, owners in rules:
            if negated:
                lines.append(f"!{pattern}")
            else:
                lines.append(f"{pattern} {' '.join(owners)}".rstrip())
    text = "\n".join(lines) + "\n"
    assert mapping_owners(text) == gitlab_owners(text), text
