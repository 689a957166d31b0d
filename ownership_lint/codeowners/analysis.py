"""What a CODEOWNERS-like file does to a set of tracked files: who wins what, which rules are
dead, shadowed or duplicated, which files nobody owns.

One pass over the files with the indexed Matcher finds every rule that wins at least one
file. Only the rules that win nothing are then tested one by one, each against just the
files under its literal prefix, to tell a dead rule (matches nothing) from a shadowed one
(everything it matches is won by a later rule).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ownership_lint.codeowners.index import Matcher
from ownership_lint.codeowners.model import CodeownersFile, Rule
from ownership_lint.codeowners.pattern import compile_pattern, gitlab_normalize

Progress = Callable[[int, int], None]  # (files done, files in all)


@dataclass(frozen=True)
class Shadowing:
    """A rule that matches `matched` tracked files, every one of them won by later rules;
    `winner` is the rule that wins most of them, `example` one such file."""

    matched: int
    winner: Rule | None
    won: int
    example: str


@dataclass
class Analysis:
    file: CodeownersFile
    files: Sequence[str]
    wins: Counter[int] = field(default_factory=Counter)
    unowned: list[str] = field(default_factory=list)
    # rule index -> how it is shadowed
    shadowed: dict[int, Shadowing] = field(default_factory=dict)
    dead: list[Rule] = field(default_factory=list)
    # rule index -> the later rule with the same meaning
    duplicates: dict[int, Rule] = field(default_factory=dict)


def semantic_key(rule: Rule, dialect: str) -> tuple[str | None, str]:
    """Two rules with the same key match exactly the same paths (in the same section)."""
    section = _section(rule)
    if dialect == "gitlab":
        return section, ("!" if rule.negated else "") + gitlab_normalize(rule.pattern)
    segs = rule.pattern.split("/")
    # `**/**` is one `**` (`x/**/**/` is `x/**/`, `**/**/x` is `**/x`).
    pattern = "/".join(s for i, s in enumerate(segs) if s != "**" or i == 0 or segs[i - 1] != s)
    if pattern.startswith("**/") and "/" not in pattern[3:].rstrip("/"):
        pattern = pattern[3:]  # `**/x` floats exactly like `x`
    floating = "/" not in pattern.rstrip("/")
    if not floating:
        pattern = pattern.removeprefix("/")  # `/a/b` and `a/b` are both anchored
    if pattern.endswith("/**") and pattern != "/**":
        pattern = pattern[:-2]  # `dir/**` and `dir/` both own the subtree
    return section, ("float:" if floating else "root:") + pattern


def _section(rule: Rule) -> str | None:
    return rule.section_key


def duplicates(file: CodeownersFile) -> dict[int, Rule]:
    """Rule index -> the later rule with the same meaning, which always wins over it."""
    last: dict[tuple[str | None, str], Rule] = {}
    for rule in reversed(file.rules):
        last.setdefault(semantic_key(rule, file.dialect), rule)
    return {
        rule.index: winner
        for rule in file.rules
        if (winner := last[semantic_key(rule, file.dialect)]) is not rule
    }


def _candidates(files: Sequence[str], prefix: tuple[str, ...]) -> Sequence[str]:
    """The sorted `files` at or under the directory `prefix` (all of them without one)."""
    if not prefix:
        return files
    stem = "/".join(prefix)
    lo = bisect.bisect_left(files, stem)
    hi = bisect.bisect_left(files, stem + "0")  # '0' sorts right after '/'
    return files[lo:hi]


def analyse(
    file: CodeownersFile, files: Sequence[str], progress: Progress | None = None
) -> Analysis:
    """Analyse `file` against `files` (repository-relative POSIX paths)."""
    files = sorted(files)
    result = Analysis(file=file, files=files)
    matcher = Matcher(file)
    # (section, path) -> the rule that wins the path in that section (GitHub: one section).
    winner: dict[tuple[str | None, str], int] = {}
    for number, path in enumerate(files):
        if progress is not None and number % 2048 == 0:
            progress(number, len(files))
        rules = matcher.matching_rules(path)
        for rule in rules:
            result.wins[rule.index] += 1
            winner[_section(rule), path] = rule.index
        owned = any(rule.effective_owners for rule in rules)
        if not owned:
            result.unowned.append(path)
    result.duplicates = duplicates(file)
    by_index = {rule.index: rule for rule in file.rules}
    for rule in file.rules:
        if result.wins[rule.index] or rule.index in result.duplicates:
            continue
        compiled = compile_pattern(rule.pattern, file.dialect)
        if compiled.never_matches:
            result.dead.append(rule)
            continue
        matched = [p for p in _candidates(files, compiled.anchored_prefix) if compiled.matches(p)]
        if not matched:
            result.dead.append(rule)
        elif not rule.negated:
            section = _section(rule)
            winners = Counter(winner.get((section, p), -1) for p in matched)
            best, won = winners.most_common(1)[0]
            example = next(p for p in matched if winner.get((section, p), -1) == best)
            result.shadowed[rule.index] = Shadowing(len(matched), by_index.get(best), won, example)
    return result
