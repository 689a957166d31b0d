"""Dead, shadowed and duplicate rules, and unowned files, agree with a plain reference."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from ownership_lint.codeowners.analysis import analyse, duplicates, semantic_key
from ownership_lint.codeowners.model import CodeownersFile
from ownership_lint.codeowners.parse import parse
from ownership_lint.codeowners.pattern import compile_pattern

FILES = ["README.md", "docs/a.md", "docs/guide/b.md", "src/app.py", "src/lib/util.py"]


def lines(text: str) -> list[int]:
    return [rule.line for rule in parse(text).rules]


def test_dead_shadowed_and_unowned() -> None:
    text = "\n".join(
        [
            "/docs/guide/  @guide",  # 1: shadowed by line 4
            "/nothing/     @ghost",  # 2: dead
            "*.py          @py",  # 3: wins the .py files
            "/docs/        @docs",  # 4
            "/src/lib/     ",  # 5: un-owns src/lib/
        ]
    )
    result = analyse(parse(text), FILES)
    assert [rule.line for rule in result.dead] == [2]
    assert list(result.shadowed) == [0]
    shadow = result.shadowed[0]
    assert shadow.winner is not None
    assert (shadow.matched, shadow.winner.line, shadow.won, shadow.example) == (
        1,
        4,
        1,
        "docs/guide/b.md",
    )
    assert result.unowned == ["README.md", "src/lib/util.py"]


def test_semantic_duplicates_are_more_than_same_text() -> None:
    text = "/docs/** @a\ndocs/x @b\n**/*.md @c\n/docs/ @d\n/docs/x @e\n*.md @f\n"
    file = parse(text)
    pairs = {index + 1: later.line for index, later in duplicates(file).items()}
    assert pairs == {1: 4, 2: 5, 3: 6}


def test_different_meanings_are_not_duplicates() -> None:
    text = "/docs @a\n/docs/ @b\ndocs/ @c\ndocs/* @d\n"
    assert duplicates(parse(text)) == {}


def test_gitlab_duplicates_are_per_section() -> None:
    text = "[A]\n/docs/ @a\n[B]\n/docs/ @b\n[A]\n/docs/ @c\n"
    file = parse(text, "gitlab")
    assert {i: later.line for i, later in duplicates(file).items()} == {0: 6}


def reference(file: CodeownersFile, files: list[str]) -> tuple[set[int], set[int]]:
    """Dead and shadowed rule indexes by testing every rule against every file."""
    compiled = [compile_pattern(rule.pattern) for rule in file.rules]
    winner = {}
    matched: dict[int, list[str]] = {rule.index: [] for rule in file.rules}
    for path in files:
        for rule, pattern in zip(file.rules, compiled, strict=True):
            if pattern.matches(path):
                winner[path] = rule.index
                matched[rule.index].append(path)
    dups = set(duplicates(file))
    dead = {i for i, paths in matched.items() if not paths and i not in dups}
    shadowed = {
        i
        for i, paths in matched.items()
        if paths and i not in dups and all(winner[p] != i for p in paths)
    }
    return dead, shadowed


SEGMENT = st.sampled_from(["a", "b", "docs", "x.py", "y.md", "*", "*.py", "**"])
PATTERN = st.builds(
    lambda lead, segs, trail: lead + "/".join(segs) + trail,
    st.sampled_from(["", "/"]),
    st.lists(SEGMENT, min_size=1, max_size=3),
    st.sampled_from(["", "/"]),
)
PATH = st.lists(st.sampled_from(["a", "b", "docs", "x.py", "y.md"]), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(PATTERN, min_size=1, max_size=8), st.lists(PATH, min_size=1, max_size=12))
def test_matches_the_reference(patterns: list[str], paths: list[list[str]]) -> None:
    file = parse("".join(f"{p} @o{i}\n" for i, p in enumerate(patterns)))
    files = sorted({"/".join(p) for p in paths})
    result = analyse(file, files)
    dead, shadowed = reference(file, files)
    assert {rule.index for rule in result.dead} == dead
    assert set(result.shadowed) == shadowed


def test_gitlab_shadowing_names_the_winner_of_the_same_section() -> None:
    text = "[A]\n/docs/a.md @a\n/docs/ @a2\n[B]\n/docs/ @b\n"
    result = analyse(parse(text, "gitlab"), ["docs/a.md"])
    shadow = result.shadowed[0]
    assert shadow.winner is not None and shadow.winner.line == 3


# Every path of up to four segments over a small alphabet, for the semantic key property.
_NAMES = ("a", "b", "docs", "x.py")
ALL_PATHS = ["/".join(p) for n in range(1, 5) for p in itertools.product(_NAMES, repeat=n)]


# Few segment kinds, so that different spellings of one meaning meet often.
KEY_PATTERN = st.builds(
    lambda lead, segs, trail: lead + "/".join(segs) + trail,
    st.sampled_from(["", "/"]),
    st.lists(st.sampled_from(["a", "*", "**", "x.py"]), min_size=1, max_size=3),
    st.sampled_from(["", "/"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(KEY_PATTERN, min_size=2, max_size=16))
def test_same_semantic_key_means_same_paths(patterns: list[str]) -> None:
    """OL306 calls two rules duplicates when their keys are equal: they must then match the
    same paths, with the trailing `/**/` (git's meaning) and `**` runs included."""
    groups: dict[tuple[str | None, str], set[tuple[str, ...]]] = {}
    for rule in parse("".join(f"{p} @o\n" for p in patterns)).rules:
        compiled = compile_pattern(rule.pattern)
        matched = tuple(p for p in ALL_PATHS if compiled.matches(p))
        groups.setdefault(semantic_key(rule, "github"), set()).add(matched)
    assert all(len(answers) == 1 for answers in groups.values())


def test_semantic_key_equivalences() -> None:
    same = [("x/**/**", "/x/"), ("x/**/**/", "x/**/"), ("**/**/x", "x"), ("/docs/**", "docs/**")]
    for first, second in same:
        a, b = parse(f"{first} @a\n{second} @b\n").rules
        assert semantic_key(a, "github") == semantic_key(b, "github"), (first, second)
    for first, second in [("x/**/", "x/"), ("x/**/", "/x/"), ("**/", "**")]:
        a, b = parse(f"{first} @a\n{second} @b\n").rules
        assert semantic_key(a, "github") != semantic_key(b, "github"), (first, second)
