"""The one-pass engine against the straightforward matcher, on random rule mixes.

`Matcher.classify` and `Matcher.tally` answer many paths at once (an automaton over
directories, floating patterns looked up by name); `analyse` derives dead, shadowed and
unowned from that one pass. Here the same answers are computed the plain way, every rule's
compiled pattern tried on every path, and must be equal: which rules match each path, the
winners, the owners, and every field of the dead/shadowed/unowned findings. The rule mixes
are the shapes of a monorepo's CODEOWNERS (anchored directories and files, `*.go`,
`*_test.go`, `docs/`, `Makefile`, `/a/*/b/`, `/a/**/c`, `**/fixtures/*.json`, `?`), with GitLab
sections, exclusions and brackets, over trees whose names the rules use.
"""

from __future__ import annotations

from collections import Counter

from codeowners_reference import GitlabReference
from hypothesis import given, settings
from hypothesis import strategies as st

from ownership_lint.codeowners import CodeownersFile, Matcher, Rule, compile_pattern, parse
from ownership_lint.codeowners.analysis import Shadowing, analyse, duplicates

NAMES = ["a", "b", "src", "docs", "fixtures", "x.go", "y_test.go", "m.json", "Makefile", "s.c"]
SEGMENTS = [
    *NAMES,
    "*",
    "**",
    "*.go",
    "*_test.go",
    "*.json",
    "s*",
    "*c",
    "?.go",
    "d*s",
    "[ab]",
    "[!a]*",
]
path_st = st.lists(st.sampled_from(NAMES), min_size=1, max_size=5).map("/".join)
paths_st = st.lists(st.one_of(path_st, path_st.map("/{}".format)), min_size=1, max_size=40)
pattern_st = st.builds(
    lambda lead, segs, trail: lead + "/".join(segs) + trail,
    st.sampled_from(["", "/", "**/"]),
    st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=4),
    st.sampled_from(["", "/"]),
)
owners_st = st.sampled_from(["", " @x", " @y", " @x @z"])
github_st = st.lists(st.builds(str.__add__, pattern_st, owners_st), min_size=1, max_size=20)
gitlab_line_st = st.one_of(
    st.builds(str.__add__, pattern_st, owners_st),
    st.builds(lambda p: "!" + p, pattern_st),
    st.sampled_from(["[S1] @d", "^[s1]", "[S2][2] @e", "[codeowners] @f"]),
)
gitlab_st = st.lists(gitlab_line_st, min_size=1, max_size=20)


def _norm(path: str) -> str:
    return path[1:] if path.startswith("/") else path


def _plain_matching(matcher: Matcher, path: str) -> tuple[int, ...]:
    """Every entry whose compiled pattern matches `path`, tried one by one."""
    dialect = matcher.dialect
    return tuple(
        n
        for n, rule in enumerate(matcher.entry_rules())
        if compile_pattern(rule.pattern, dialect).matches(_norm(path))
    )


def _check_classes(text: str, dialect: str, paths: list[str]) -> None:
    file = parse(text, dialect)  # type: ignore[arg-type]
    matcher = Matcher(file)
    expected: dict[tuple[int, ...], list[str]] = {}
    for path in paths:
        expected.setdefault(_plain_matching(matcher, path), []).append(path)
    got: dict[tuple[int, ...], tuple[int, str]] = {}
    classified = matcher.classify(paths)
    for cls in classified.classes:
        count, first = got.get(cls.matching, (0, cls.first))
        got[cls.matching] = (count + cls.count, min(first, cls.first, key=paths.index))
        # Winners and owners are those of any path of the class, asked one at a time.
        assert cls.owners == matcher.owners(cls.first)
        assert [matcher.entry_rule(w) for w in cls.winners if w >= 0] == (
            matcher.matching_rules(cls.first)
        )
    assert got == {key: (len(found), found[0]) for key, found in expected.items()}
    assert classified.unowned == [p for p in paths if not matcher.owners(p)]


@settings(max_examples=300, deadline=None)
@given(github_st, paths_st)
def test_github_classes_equal_trying_every_rule(lines: list[str], paths: list[str]) -> None:
    _check_classes("\n".join(lines), "github", paths)


@settings(max_examples=300, deadline=None)
@given(gitlab_st, paths_st)
def test_gitlab_classes_equal_trying_every_rule(lines: list[str], paths: list[str]) -> None:
    _check_classes("\n".join(lines), "gitlab", paths)


@settings(max_examples=200, deadline=None)
@given(github_st, paths_st)
def test_github_tally_equals_last_match_wins(lines: list[str], paths: list[str]) -> None:
    file = parse("\n".join(lines))
    compiled = [(rule, compile_pattern(rule.pattern)) for rule in reversed(file.rules)]
    per_owner: Counter[str] = Counter()
    unowned = []
    for path in paths:
        winner = next((r for r, c in compiled if c.matches(_norm(path))), None)
        owners = [] if winner is None else list(dict.fromkeys(o.text for o in winner.owners))
        per_owner.update(owners)
        if not owners:
            unowned.append(path)
    tally = Matcher(file).tally(paths)
    assert tally.per_owner == per_owner
    assert tally.unowned == unowned


@settings(max_examples=200, deadline=None)
@given(gitlab_st.map(lambda lines: [x for x in lines if "[" not in x.lstrip("^")[1:]]), paths_st)
def test_gitlab_tally_equals_reference(lines: list[str], paths: list[str]) -> None:
    """Against GitLab's entries_for_path written plainly with regexes (no brackets there)."""
    file = parse("\n".join(lines), "gitlab")
    reference = GitlabReference(file)
    per_owner: Counter[str] = Counter()
    unowned = []
    for path in paths:
        rules = reference.matching_rules(_norm(path))
        owners = list(dict.fromkeys(o.text for r in rules for o in r.effective_owners))
        per_owner.update(owners)
        if not owners:
            unowned.append(path)
    tally = Matcher(file).tally(paths)
    assert tally.per_owner == per_owner
    assert tally.unowned == unowned


def _plain_winners(file: CodeownersFile, path: str) -> dict[str | None, Rule]:
    """Section -> the rule that wins `path` there (GitHub: one section), every rule tried."""
    if file.dialect != "gitlab":
        for rule in reversed(file.rules):
            if compile_pattern(rule.pattern).matches(path):
                return {None: rule}
        return {}
    sections: dict[str | None, dict[str, tuple[int, Rule]]] = {None: {}}
    for rule in file.rules:
        table = sections.setdefault(rule.section_key, {})
        norm = compile_pattern(rule.pattern, "gitlab").normalized
        first = table.get(norm)
        table[norm] = (rule.index if first is None else first[0], rule)
    found = {}
    for section, table in sections.items():
        hits = [
            (prio, rule)
            for prio, rule in table.values()
            if compile_pattern(rule.pattern, "gitlab").matches(path)
        ]
        if hits and not any(rule.negated for _, rule in hits):
            found[section] = max(hits, key=lambda hit: hit[0])[1]
    return found


def _plain_analysis(file: CodeownersFile, files: list[str]) -> tuple[object, ...]:
    """Dead, shadowed, unowned and wins the straightforward way: each rule that wins nothing
    tried against every file, its files' winners counted (`Counter.most_common`)."""
    files = sorted(files)
    winners = {path: _plain_winners(file, path) for path in files}
    wins: Counter[int] = Counter(r.index for p in files for r in winners[p].values())
    unowned = [p for p in files if not any(r.effective_owners for r in winners[p].values())]
    dups = duplicates(file)
    dead, shadowed = [], {}
    for rule in file.rules:
        if wins[rule.index] or rule.index in dups:
            continue
        pattern = compile_pattern(rule.pattern, file.dialect)
        matched = [p for p in files if pattern.matches(p)]
        if not matched:
            dead.append(rule.index)
        elif not rule.negated:
            won = Counter(getattr(winners[p].get(rule.section_key), "index", -1) for p in matched)
            best, count = won.most_common(1)[0]
            example = next(
                p for p in matched if getattr(winners[p].get(rule.section_key), "index", -1) == best
            )
            winner = next((r for r in file.rules if r.index == best), None)
            shadowed[rule.index] = Shadowing(len(matched), winner, count, example)
    return dead, shadowed, unowned, dict(wins)


def _analysis(file: CodeownersFile, files: list[str]) -> tuple[object, ...]:
    result = analyse(file, files)
    return [r.index for r in result.dead], result.shadowed, result.unowned, dict(result.wins)


@settings(max_examples=300, deadline=None)
@given(github_st, st.lists(path_st, min_size=1, max_size=30))
def test_github_analysis_equals_trying_every_rule(lines: list[str], files: list[str]) -> None:
    file = parse("\n".join(lines))
    assert _analysis(file, files) == _plain_analysis(file, files)


@settings(max_examples=300, deadline=None)
@given(gitlab_st, st.lists(path_st, min_size=1, max_size=30))
def test_gitlab_analysis_equals_trying_every_rule(lines: list[str], files: list[str]) -> None:
    file = parse("\n".join(lines), "gitlab")
    assert _analysis(file, files) == _plain_analysis(file, files)


def test_monorepo_shapes_one_pass() -> None:
    """A hand-made monorepo: every shape of rule, each file's matching rules as expected."""
    text = "\n".join(
        [
            "* @all",
            "*.go @go",
            "*_test.go @tests",
            "docs/ @docs",
            "Makefile @build",
            "/services/ @svc",
            "/services/*/migrations/ @dba",
            "/libs/foo/**/*.py @py",
            "**/fixtures/*.json @fixtures",
            "/services/pay/README.md @pay",
        ]
    )
    paths = [
        "README.md",
        "services/pay/README.md",
        "services/pay/README.md/x",  # `/services/pay/README.md` owns a directory too
        "services/pay/main_test.go",
        "services/pay/migrations/001.sql",
        "services/pay/docs/fixtures/a.json",
        "libs/foo/a/b/c.py",
        "libs/foo/c.py",
        "libs/bar/c.py",
        "tools/Makefile",
        "tools/Makefile/inner.txt",
    ]
    matcher = Matcher(parse(text))
    found = {}
    for path in paths:
        (cls,) = matcher.classify([path]).classes
        found[path] = [matcher.entry_rule(n).pattern for n in cls.matching]
    assert found == {
        "README.md": ["*"],
        "services/pay/README.md": ["*", "/services/", "/services/pay/README.md"],
        "services/pay/README.md/x": ["*", "/services/", "/services/pay/README.md"],
        "services/pay/main_test.go": ["*", "*.go", "*_test.go", "/services/"],
        "services/pay/migrations/001.sql": ["*", "/services/", "/services/*/migrations/"],
        "services/pay/docs/fixtures/a.json": ["*", "docs/", "/services/", "**/fixtures/*.json"],
        "libs/foo/a/b/c.py": ["*", "/libs/foo/**/*.py"],
        "libs/foo/c.py": ["*", "/libs/foo/**/*.py"],
        "libs/bar/c.py": ["*"],
        "tools/Makefile": ["*", "Makefile"],
        "tools/Makefile/inner.txt": ["*", "Makefile"],
    }
    # In one pass: the same answers.
    together = {
        tuple(matcher.entry_rule(n).pattern for n in cls.matching)
        for cls in matcher.classify(sorted(paths)).classes
    }
    assert together == {tuple(patterns) for patterns in found.values()}
