"""What a CODEOWNERS-like file does to a set of tracked files: who wins what, which rules are
dead, shadowed or duplicated, which files nobody owns.

One pass over the files with the indexed Matcher finds, for every file, every rule that
matches it (files that the same rules match form one class); the winners, the unowned files,
the dead rules (match nothing) and the shadowed ones (match files, win none: which later
rule wins most of them, how many, an example) all follow from the classes, without trying
any rule against the files again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ownership_lint.codeowners.index import Matcher
from ownership_lint.codeowners.model import CodeownersFile, Rule
from ownership_lint.codeowners.parse import paused_gc
from ownership_lint.codeowners.pattern import gitlab_normalize

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


def analyse(
    file: CodeownersFile, files: Sequence[str], progress: Progress | None = None
) -> Analysis:
    """Analyse `file` against `files` (repository-relative POSIX paths)."""
    with paused_gc():
        return _analyse(file, sorted(files), progress)


def _analyse(file: CodeownersFile, files: list[str], progress: Progress | None) -> Analysis:
    result = Analysis(file=file, files=files)
    matcher = Matcher(file)
    classified = matcher.classify(files, progress)
    result.unowned = classified.unowned
    won: Counter[int] = Counter()  # entry -> files it wins
    for cls in classified.classes:
        for winner in cls.winners:
            if winner >= 0:
                won[winner] += cls.count
    for entry, count in won.items():
        result.wins[matcher.entry_rule(entry).index] = count
    result.duplicates = duplicates(file)
    # Only an entry that wins nothing can stand for a dead or shadowed rule (a rule whose
    # entry wins is that entry's rule, a duplicate, or an exclusion matching files).
    losing = set(range(len(matcher.entry_rules()))).difference(won)
    beaten = matcher.losses(classified.classes, losing)
    entry_of = matcher.entry_of()
    shadows: dict[int, list[tuple[int, int, str]]] = {}
    for (entry, winner), (count, first) in beaten.items():
        shadows.setdefault(entry, []).append((winner, count, first))
    for rule in file.rules:
        if result.wins[rule.index] or rule.index in result.duplicates:
            continue
        entry = entry_of[rule.index]
        if entry in won:
            continue  # an exclusion (or a rule with its pattern) whose entry wins files
        found = shadows.get(entry)
        if not found:
            result.dead.append(rule)
        elif not rule.negated:
            # The winner of most of the files, the one met first on a tie (as
            # Counter.most_common over the files in order), with its first file.
            best, count, example = min(found, key=lambda s: (-s[1], s[2]))
            winner_rule = matcher.entry_rule(best) if best >= 0 else None
            matched = sum(s[1] for s in found)
            result.shadowed[rule.index] = Shadowing(matched, winner_rule, count, example)
    return result
