"""A GitLab CODEOWNERS file as one last-match-wins list of (GitHub pattern, owners).

team/path-ownership gives each path one role, the last matching rule winning (GitHub's
reading); GitLab adds up the owners of every section that matches a path. So each distinct
combination of owners becomes a role, and the mapping lists, in an order where the last match
is right, every place where the sections' rules overlap.

Patterns are handled as segment sequences: each item is one path segment's glob (`docs`,
`*.md`, `*`), or `**` for any number of segments. A GitLab pattern becomes the sequence it
matches (GitLab's own normalisation: `docs/` floats, `/docs` is that one path); two sequences
intersect into sequences (exactly, by the usual product of the two); and a sequence is
written as a GitHub pattern when GitHub's syntax can say it. GitHub cannot say "this file but
not a directory of that name": such a rule is followed by its subtree, given back to what the
earlier rules said.

The fold, one section after another: with M the list so far and L a section's rules (its
`!` exclusions last, owning nothing), the new list is M, then for each rule e of L in order:
e with its owners, then e ∩ m with the owners of both for each m of M in order. The last
match in it for a path is then (the section's winner) ∩ (M's winner), or either alone.

One cohesive algorithm (sequence intersection and its GitHub spelling), kept in one module
on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from ownership_lint.codeowners.model import CodeownersFile, Rule
from ownership_lint.codeowners.pattern import compile_pattern, gitlab_normalize

Seq = tuple[str, ...]
ANY = "**"
_GLOB = re.compile(r"[*?\\]")


class Unrepresentable(Exception):
    """A GitLab rule that the mapping's (GitHub) pattern syntax cannot express."""


@dataclass(frozen=True)
class Entry:
    """One rule of the result: a segment sequence, its owners, and the source lines behind."""

    seq: Seq
    owners: tuple[str, ...]
    lines: tuple[int, ...]


def normalise(seq: Seq) -> Seq:
    """Runs of `*` and `**` holding a `**` mean "at least k segments": k `*`, then `**`."""
    out: list[str] = []
    i = 0
    while i < len(seq):
        if seq[i] not in ("*", ANY):
            out.append(seq[i])
            i += 1
            continue
        j = i
        while j < len(seq) and seq[j] in ("*", ANY):
            j += 1
        run = seq[i:j]
        stars = sum(1 for item in run if item == "*")
        out += ["*"] * stars + ([ANY] if ANY in run else [])
        i = j
    return tuple(out)


def gitlab_seq(pattern: str) -> Seq:
    """The segments a GitLab pattern matches (as `pattern._gitlab_tokens` reads it)."""
    body = gitlab_normalize(pattern)[1:]
    segs = body.split("/")
    out: list[str] = []
    for i, seg in enumerate(segs):
        if seg == ANY and i < len(segs) - 1:
            out.append(ANY)
            continue
        if "[" in seg:
            raise Unrepresentable(f"'{pattern}': GitHub patterns have no [...] character classes")
        if any(c.isspace() for c in seg):
            raise Unrepresentable(f"'{pattern}': a space in a pattern")
        if "\\" not in seg:
            seg = re.sub(r"\*{2,}", "*", seg)  # `a**b` is `a*b`; a last `**` is `*`
        out.append(seg)
    return normalise(tuple(out))


def _literal(seg: str) -> bool:
    return _GLOB.search(seg) is None


@cache
def _glob_matches(glob: str, name: str) -> bool:
    return compile_pattern("/" + glob, "github").matches(name)


def _segment(x: str, y: str) -> str | None:
    """The one-segment glob matching what both match, None when nothing does."""
    if x == y or y == "*":
        return x
    if x == "*":
        return y
    if _literal(x) and _literal(y):
        return None
    if _literal(x):
        return x if _glob_matches(y, x) else None
    if _literal(y):
        return y if _glob_matches(x, y) else None
    if _disjoint(x, y):
        return None
    raise Unrepresentable(f"the overlap of the globs '{x}' and '{y}'")


def _ends(glob: str) -> tuple[str, str]:
    """The literal text a glob's matches start and end with (before its first and after its
    last wildcard); escapes count as wildcards here, which only makes this say less."""
    first = _GLOB.search(glob)
    last = max(glob.rfind("*"), glob.rfind("?"), glob.rfind("\\"))
    return glob[: first.start() if first else len(glob)], glob[last + 1 :]


def _disjoint(x: str, y: str) -> bool:
    """True when no name can match both globs: their literal starts or ends disagree."""
    (xs, xe), (ys, ye) = _ends(x), _ends(y)
    starts = xs.startswith(ys) or ys.startswith(xs)
    ends = xe.endswith(ye) or ye.endswith(xe)
    return not (starts and ends)


def _prefix(seq: Seq) -> Seq:
    out = []
    for item in seq:
        if item == ANY or not _literal(item):
            break
        out.append(item)
    return tuple(out)


def _within(x: str, y: str) -> bool:
    """Every name glob `x` matches, glob `y` matches (False when unsure)."""
    return x == y or y == "*" or (_literal(x) and _glob_matches(y, x))


def subset(a: Seq, b: Seq) -> bool:
    """Every path `a` matches, `b` matches. Sound, not complete: False when unsure."""

    @cache
    def go(i: int, j: int) -> bool:
        if i == len(a):
            return all(item == ANY for item in b[j:])
        if j == len(b):
            return False
        x, y = a[i], b[j]
        if x == ANY:
            return y == ANY and (go(i + 1, j) or go(i + 1, j + 1))
        if y == ANY:
            return go(i, j + 1) or go(i + 1, j)
        return _within(x, y) and go(i + 1, j + 1)

    return go(0, 0)


def _simplest(found: set[Seq]) -> set[Seq]:
    """The same union in fewer sequences: `p/x` and `p/*/**/x` are `p/**/x`; a sequence
    within another goes."""
    found = set(found)
    changed = True
    while changed:
        changed = False
        for seq in sorted(found):
            for k in range(len(seq) + 1):
                some = normalise((*seq[:k], "*", ANY, *seq[k:]))
                if some != seq and some in found:
                    found -= {seq, some}
                    found.add(normalise((*seq[:k], ANY, *seq[k:])))
                    changed = True
                    break
            if changed:
                break
    return {s for s in found if not any(t != s and subset(s, t) for t in found)}


def intersect(a: Seq, b: Seq) -> set[Seq]:
    """The sequences matching exactly the paths both `a` and `b` match."""
    pa, pb = _prefix(a), _prefix(b)
    if any(x != y for x, y in zip(pa, pb, strict=False)):
        return set()
    if subset(a, b):
        return {a}
    if subset(b, a):
        return {b}

    @cache
    def go(i: int, j: int) -> frozenset[Seq]:
        if i == len(a) or j == len(b):
            rest = b[j:] if i == len(a) else a[i:]
            return frozenset({()}) if all(item == ANY for item in rest) else frozenset()
        x, y = a[i], b[j]
        out: set[Seq] = set()
        if x == ANY and y == ANY:
            for rest in go(i + 1, j + 1) | go(i + 1, j) | go(i, j + 1):
                out.add((ANY, *rest))
        elif x == ANY:
            out |= go(i + 1, j)  # a's `**` matches nothing here
            out |= {(y, *rest) for rest in go(i, j + 1)}  # ... or b's segment too
        elif y == ANY:
            out |= go(i, j + 1)
            out |= {(x, *rest) for rest in go(i + 1, j)}
        else:
            both = _segment(x, y)
            if both is not None:
                out |= {(both, *rest) for rest in go(i + 1, j + 1)}
        return frozenset(normalise(seq) for seq in out)

    return _simplest(set(go(0, 0)))


def github_text(seq: Seq) -> str | None:
    """The GitHub pattern matching exactly `seq`'s paths, or None when GitHub cannot say it
    (a last segment that is neither `*` nor followed by `**`: GitHub would own the subtree
    of a directory of that name too)."""
    seq = normalise(seq)
    if seq in (("*", ANY), (ANY,)):
        return "*"
    if len(seq) >= 2 and seq[-2:] == ("*", ANY):
        return "/" + "/".join(seq[:-2]) + "/"
    if seq[-1] == ANY:
        return "/" + "/".join(seq[:-1])
    if seq[-1] == "*":
        return "/" + "/".join(seq)
    return None


def _sections(parsed: CodeownersFile) -> Iterator[tuple[list[Rule], list[Rule]]]:
    """Each section (same-named headers combined) as GitLab reads it: its rules in priority
    order (a repeated pattern keeps its first place and its last owners), its exclusions."""
    sections: dict[str | None, dict[str, tuple[int, Rule]]] = {}
    for rule in parsed.rules:
        key = None if rule.section is None else rule.section.key
        table = sections.setdefault(key, {})
        norm = gitlab_normalize(rule.pattern)
        first = table.get(norm)
        table[norm] = (rule.index if first is None else first[0], rule)
    for table in sections.values():
        ranked = [rule for _, rule in sorted(table.values(), key=lambda item: item[0])]
        yield [r for r in ranked if not r.negated], [r for r in ranked if r.negated]


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a, *b)))


class _Index:
    """Entries by literal prefix: those that may overlap a sequence (their prefixes are
    ancestors or descendants of its own) are found by prefix, not by trying them all."""

    def __init__(self) -> None:
        self._exact: dict[Seq, list[int]] = {}
        self._below: dict[Seq, list[int]] = {}

    def add(self, index: int, seq: Seq) -> None:
        prefix = _prefix(seq)
        self._exact.setdefault(prefix, []).append(index)
        for k in range(len(prefix)):
            self._below.setdefault(prefix[:k], []).append(index)

    def find(self, seq: Seq) -> list[int]:
        """Indexes in increasing order."""
        prefix = _prefix(seq)
        found = [i for k in range(len(prefix) + 1) for i in self._exact.get(prefix[:k], ())]
        return sorted({*found, *self._below.get(prefix, ())})


def _dedupe(entries: list[Entry]) -> list[Entry]:
    """Drop entries that a later one with the same sequence overrides entirely."""
    last = {entry.seq: index for index, entry in enumerate(entries)}
    return [entry for index, entry in enumerate(entries) if last[entry.seq] == index]


def fold(parsed: CodeownersFile, owners_of: Callable[[Rule], tuple[str, ...]]) -> list[Entry]:
    """The GitLab file as one last-match-wins list of exact sequences (see the module)."""
    merged: list[Entry] | None = None
    for normal, exclusions in _sections(parsed):
        section = [Entry(gitlab_seq(r.pattern), owners_of(r), (r.line,)) for r in normal]
        section += [Entry(gitlab_seq(r.pattern), (), (r.line,)) for r in exclusions]
        section = [entry for entry in section if "" not in entry.seq]  # `a//b` matches nothing
        if merged is None:
            merged = _dedupe(section)
            continue
        index_of = _Index()
        for number, entry in enumerate(merged):
            index_of.add(number, entry.seq)
        out = list(merged)
        for entry in section:
            out.append(entry)
            for index in index_of.find(entry.seq):
                other = merged[index]
                for seq in sorted(intersect(entry.seq, other.seq)):
                    owners = _merge(other.owners, entry.owners)
                    out.append(Entry(seq, owners, (*other.lines, *entry.lines)))
        merged = _dedupe(out)
    return merged or []


def directories(paths: Sequence[str]) -> set[str]:
    """Every directory that holds one of `paths` (files), at any depth."""
    found: set[str] = set()
    for path in paths:
        parts = path.split("/")
        for k in range(1, len(parts)):
            found.add("/".join(parts[:k]))
    return found


def _names_a_directory(seq: Seq, dirs: set[str]) -> bool:
    if all(_literal(item) for item in seq):
        return "/".join(seq) in dirs
    exact = compile_pattern("/" + "/".join(seq), "gitlab")  # GitLab's: no subtree
    return any(exact.matches(d) for d in dirs)


def github_entries(
    entries: Sequence[Entry], dirs: set[str] | None = None
) -> list[tuple[str, Entry]]:
    """The entries as GitHub patterns, in order.

    A sequence GitHub cannot say (GitLab's `/docs` is that one path, not a directory of that
    name) is written as its GitHub pattern; where one of `dirs` (the tracked files'
    directories, when known) has such a name, the pattern would own its subtree, so the
    subtree is given back to what the earlier entries say. Without `dirs`, no directory is
    assumed to have such a name.
    """
    out: list[tuple[str, Entry]] = []
    index = _Index()

    def add(text: str, entry: Entry) -> None:
        index.add(len(out), entry.seq)
        out.append((text, entry))

    for entry in entries:
        text = github_text(entry.seq)
        if text is not None:
            add(text, entry)
            continue
        if not dirs or not _names_a_directory(entry.seq, dirs):
            wider = normalise((*entry.seq, ANY))
            add(_text(wider, entry), Entry(wider, entry.owners, entry.lines))
            continue
        # Every entry of `out` holds the sequence its GitHub pattern matches, so that the
        # subtree given back is what the GitHub patterns before say.
        wider = normalise((*entry.seq, ANY))
        subtree = normalise((*entry.seq, "*", ANY))
        earlier = [out[i][1] for i in index.find(subtree)]
        add(_text(wider, entry), Entry(wider, entry.owners, entry.lines))
        add(_text(subtree, entry), Entry(subtree, (), entry.lines))
        for other in earlier:
            for seq in sorted(intersect(subtree, other.seq)):
                add(_text(seq, entry), Entry(seq, other.owners, other.lines))
    last = {text: number for number, (text, _) in enumerate(out)}
    return [item for number, item in enumerate(out) if last[item[0]] == number]


def _text(seq: Seq, entry: Entry) -> str:
    text = github_text(seq)
    if text is None:
        lines = ", ".join(str(n) for n in entry.lines)
        raise Unrepresentable(f"the paths of line(s) {lines} have no GitHub pattern")
    return text
