"""Answer "which rules match this path" fast, with answers identical to testing every rule.

A compiled pattern is a list of tokens: segment matchers and ``**`` (zero or more segments).
Matching a path ``d/f`` splits into what the directory ``d`` decides and what needs the file
name ``f``: after reading ``d``'s segments, a pattern either matches every file of ``d``
(``/src/``, ``docs/`` under a ``docs`` directory, ``*``), or needs its last segment to match
``f`` (``*.go``, ``/src/Makefile``, ``**/fixtures/*.json`` inside a ``fixtures`` directory),
or nothing of ``d`` can match it.

The index is an automaton over directories, built lazily. A *state* is the set of positions
the patterns reached after a directory's segments (a position inside ``**`` stays); a
subdirectory is one transition, memoised per state and name, so that directories the patterns
cannot tell apart share a state and what it answers (the rules matching every file there, the
rules still waiting for a file name) is worked out once. To keep states few and small:

* anchored patterns start where their literal directories end (``/a/b/**/*.py`` at ``a/b``),
  found by a tree of those directories, not carried down from the root;
* floating patterns (``*.go``, ``Makefile``, ``docs/``, ``**/x/*.json``) are never copied into
  states: their start holds everywhere, and which of them a directory or file name starts or
  ends is looked up by name, extension, last or first character (:class:`_SegmentIndex`),
  memoised per name; a directory has one state for anchored and one for floating positions,
  each shared by every directory where it holds;
* a pattern that reached a final ``**`` (``/src/``, ``docs/`` inside ``docs``) matches every
  file below and leaves the states: such items are kept per directory as a layer over its
  parent's (:class:`_Sticky`).

A file's answer is its directory's plus a lookup of its name. :meth:`Matcher.classify` answers
many paths in one pass, walking sorted paths with a stack of directories (each built once),
and groups the paths that exactly the same rules match (:class:`PathClass`); coverage, the
winners, unowned files, and the dead and shadowed rules (:meth:`Matcher.losses`) follow from
the classes without trying any rule against the files again.

GitHub: the last matching rule wins. GitLab (``Gitlab::CodeOwners::File#entries_for_path``):
every section (same-named sections combined) contributes its last matching rule, unless any
of its ``!`` exclusions matches the path; a pattern repeated within a section keeps the
owners of its last occurrence and the position of its first (GitLab stores entries in a hash
keyed by the normalised pattern).

A directory query (``directory=True``) is answered as git matches a directory: a rule matches
when its pattern matches the directory's path, or when it is directory-only (``docs/``) and the
rest of it matches that path. The second kind has an automaton of its own, built on the first
directory query.

One cohesive algorithm (the automaton, its states and the passes over it), kept in one
module on purpose: its parts share invariants that only make sense together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ownership_lint.codeowners.model import CodeownersFile, Rule
from ownership_lint.codeowners.parse import paused_gc
from ownership_lint.codeowners.pattern import (
    DSTAR,
    NEVER,
    Segment,
    Token,
    directory_pattern,
    gitlab_normalize,
    pattern_tokens,
)

V = TypeVar("V")
Progress = Callable[[int, int], None]  # (paths done, paths in all)

# A position reached in one pattern: (item, index of the next token).
_Thread = tuple[int, int]


class _SegmentIndex(Generic[V]):
    """Which of many segment matchers match one segment, without trying each of them.

    Literal segments by text; ``*.go`` / ``*_test.go`` by the extension their literal end
    holds, ``*-web`` by its last character, ``test_*`` by its first; only the rest (``?``,
    classes, no literal end) are tried one by one. Every candidate found by a key is checked
    (``*x`` by ``endswith``, others with their matcher), so the answer is exactly the
    matchers that match."""

    __slots__ = ("every", "ext", "first", "last", "literal", "other")

    def __init__(self, pairs: Iterable[tuple[Segment, V]]) -> None:
        self.literal: dict[str, list[V]] = {}
        # key -> (suffix when the matcher is just `*suffix`, matcher, value)
        self.ext: dict[str, list[tuple[str | None, Segment, V]]] = {}
        self.last: dict[str, list[tuple[str | None, Segment, V]]] = {}
        self.first: dict[str, list[tuple[Segment, V]]] = {}
        self.every: list[V] = []
        self.other: list[tuple[Segment, V]] = []
        for seg, value in pairs:
            if seg.literal is not None:
                self.literal.setdefault(seg.literal, []).append(value)
            elif seg.never:
                continue
            elif seg.is_any:
                self.every.append(value)
            elif seg.star and isinstance(seg.blocks[-1], str) and seg.blocks[-1]:
                tail = seg.blocks[-1]
                plain = tail if len(seg.blocks) == 2 and seg.blocks[0] == "" else None
                dot = tail.rfind(".")
                if dot >= 0:
                    self.ext.setdefault(tail[dot:], []).append((plain, seg, value))
                else:
                    self.last.setdefault(tail[-1], []).append((plain, seg, value))
            elif seg.star and isinstance(seg.blocks[0], str) and seg.blocks[0]:
                self.first.setdefault(seg.blocks[0][0], []).append((seg, value))
            else:
                self.other.append((seg, value))

    def lookup(self, name: str) -> list[V]:
        found = self.literal.get(name)
        found = [] if found is None else list(found)
        if name:
            if self.ext:
                dot = name.rfind(".")
                if dot >= 0:
                    for plain, seg, value in self.ext.get(name[dot:], ()):
                        if name.endswith(plain) if plain is not None else seg.match(name):
                            found.append(value)
            if self.last:
                for plain, seg, value in self.last.get(name[-1], ()):
                    if name.endswith(plain) if plain is not None else seg.match(name):
                        found.append(value)
            if self.first:
                for seg, value in self.first.get(name[0], ()):
                    if seg.match(name):
                        found.append(value)
        if self.every:
            found.extend(self.every)
        for seg, value in self.other:
            if seg.match(name):
                found.append(value)
        return found


def _matchers(pairs: list[tuple[Segment, V]]) -> _SegmentIndex[V] | list[tuple[Segment, V]]:
    """An index for many matchers; a few are tried one by one (cheaper than indexing)."""
    return _SegmentIndex(pairs) if len(pairs) > 4 else pairs


def _match_all(matchers: _SegmentIndex[V] | list[tuple[Segment, V]], name: str) -> list[V]:
    if isinstance(matchers, _SegmentIndex):
        return matchers.lookup(name)
    found: list[V] = []
    for seg, value in matchers:
        # Literal and `*.ext` matchers inline: this runs once per file.
        if seg.literal is not None:
            if seg.literal == name:
                found.append(value)
        elif seg.ends is not None:
            head, tail = seg.ends
            if name.endswith(tail) and name.startswith(head) and len(name) >= len(head) + len(tail):
                found.append(value)
        elif seg.match(name):
            found.append(value)
    return found


# What moving to a position leads to: the positions reached (``**`` let through), and the
# items that reached a final ``**`` (they match everything below, whatever follows).
_Advance = tuple[tuple[_Thread, ...], tuple[int, ...]]
_NOWHERE: _Advance = ((), ())


class _State:
    """What a set of reached positions (none of them a final ``**``) answers for the files of
    a directory, and how it moves into a subdirectory.

    A directory has two: the positions of anchored patterns (they depend on the whole path:
    ``/libs/foo/**/*.py`` below libs/foo) and those of floating ones (they depend on the last
    few names: ``**/fixtures/*.json`` in any fixtures directory), so that each is shared by
    every directory where it holds."""

    __slots__ = ("always", "best", "children", "files", "floating", "moves", "stay", "threads")

    def __init__(self, threads: frozenset[_Thread], floating: bool) -> None:
        self.threads = threads
        self.floating = floating  # floating patterns start again in every subdirectory
        self.always: tuple[int, ...] = ()  # items matching every file here (`/a/*` in a)
        self.best = -1  # the highest of them
        # items still waiting for the file name
        self.files: _SegmentIndex[int] | list[tuple[Segment, int]] | None = None
        self.stay: tuple[_Thread, ...] = ()  # positions inside a `**` and what they let through
        # positions before a segment, and where matching it leads
        self.moves: _SegmentIndex[_Advance] | list[tuple[Segment, _Advance]] | None = None
        # subdirectory name -> its state (literal starts aside), and the items that match
        # everything below it from there on
        self.children: dict[str, tuple[_State, frozenset[int]]] = {}


class _Literal:
    """A directory named by the literal start of anchored patterns (``/a/b/...``): where
    their positions begin, so that no state carries them on the way down."""

    __slots__ = ("children", "start", "starts")

    def __init__(self) -> None:
        self.children: dict[str, _Literal] = {}
        self.starts: list[_Thread] = []
        self.start: _Advance | None = None  # where the starts lead, once worked out


class _Sticky:
    """Items that matched everything below some directory on the way down (a final ``**``
    reached: ``/src/``, ``docs/``), a layer per directory that added any: most directories
    of a monorepo add some (a ``src/`` or ``docs/`` rule), and sets would cost a copy each."""

    __slots__ = ("items", "parent")

    def __init__(self, items: frozenset[int], parent: _Sticky | None) -> None:
        self.items = items
        self.parent = parent

    def all(self) -> set[int]:
        found: set[int] = set()
        layer: _Sticky | None = self
        while layer is not None:
            found.update(layer.items)
            layer = layer.parent
        return found


class _Dir:
    """One directory: its states, the items matching everything below it, the highest of
    those and of the states' (the winner of every file here, names aside), and where the
    literal patterns stand."""

    __slots__ = ("anchored", "best", "floating", "literal", "sticky", "sticky_best")

    def __init__(
        self,
        anchored: _State,
        floating: _State,
        sticky: _Sticky | None,
        sticky_best: int,
        literal: _Literal | None,
    ) -> None:
        self.anchored = anchored
        self.floating = floating
        self.sticky = sticky
        self.sticky_best = sticky_best
        self.best = max(sticky_best, anchored.best, floating.best)
        self.literal = literal

    def always(self) -> set[int]:
        """The items matching every file here."""
        found = set() if self.sticky is None else self.sticky.all()
        found.update(self.anchored.always)
        found.update(self.floating.always)
        return found


class _Automaton:
    """All items (token lists; None for none) matched against paths at once; see the module's
    docstring. Items are numbered by their position in ``patterns``."""

    def __init__(self, patterns: Sequence[tuple[Token, ...] | None]) -> None:
        self._tokens: list[tuple[Token, ...]] = []
        everywhere: list[int] = []
        float_moves: list[tuple[Segment, int]] = []
        float_files: list[tuple[Segment, int]] = []
        root: list[_Thread] = []
        literal = _Literal()
        for item, tokens in enumerate(patterns):
            if tokens is None or not tokens or _never(tokens):
                tokens = ()
            self._tokens.append(tokens)
            if not tokens:
                continue
            if tokens[0] is not DSTAR:
                # Anchored: the leading literal directories are walked by the literal tree;
                # the position begins where they end (at the last segment at the latest).
                last = len(tokens) - (2 if tokens[-1] is DSTAR else 1)
                node = literal
                pos = 0
                while pos < last:
                    token = tokens[pos]
                    if not isinstance(token, Segment) or token.literal is None:
                        break
                    child = node.children.get(token.literal)
                    if child is None:
                        child = node.children[token.literal] = _Literal()
                    node = child
                    pos += 1
                (node.starts if pos else root).append((item, pos))
                continue
            # Floating: the start (position 0, and the segment after it) holds everywhere.
            n = len(tokens)
            first = tokens[1] if n > 1 else None
            if not isinstance(first, Segment):
                everywhere.append(item)  # `**` alone
                continue
            if _last_segment(tokens, 1):
                if first.is_any:
                    everywhere.append(item)
                else:
                    float_files.append((first, item))
            if n > 2:
                float_moves.append((first, item))
        self._float_files = _SegmentIndex(float_files)
        self._float_moves = _SegmentIndex(float_moves)
        self._name_memo: dict[str, tuple[int, ...]] = {}
        self._move_memo: dict[str, _Advance] = {}
        self._states: dict[tuple[frozenset[_Thread], bool], _State] = {}
        threads, sticky = self._advance_all(root)
        sticky_set = frozenset(everywhere).union(sticky)
        layer = _Sticky(sticky_set, None) if sticky_set else None
        anchored = self._state(frozenset(threads), False)
        floating = self._state(frozenset(), True)
        self.root = _Dir(anchored, floating, layer, max(sticky_set, default=-1), literal)
        self._walker: _Walker | None = None  # for single paths

    def _advance(self, item: int, pos: int) -> _Advance:
        """Where reaching `pos` of `item` leads (the end left out: a pattern that ends
        within a directory's path matches no file below it)."""
        tokens = self._tokens[item]
        n = len(tokens)
        if pos == n - 2 and _any_and_dstar(tokens[pos], tokens[pos + 1]):
            # `*/**` or `**/*` left: every file here and below (`/src/`, `docs/`).
            return (), (item,)
        out: list[_Thread] = []
        while pos < n:
            if tokens[pos] is not DSTAR:
                out.append((item, pos))
                break
            if pos == n - 1:
                return (), (item,)
            out.append((item, pos))
            pos += 1
        return tuple(out), ()

    def _advance_all(self, threads: Iterable[_Thread]) -> _Advance:
        out: list[_Thread] = []
        sticky: list[int] = []
        for item, pos in threads:
            more, stuck = self._advance(item, pos)
            out += more
            sticky += stuck
        return tuple(out), tuple(sticky)

    def _state(self, threads: frozenset[_Thread], floating: bool) -> _State:
        state = self._states.get((threads, floating))
        if state is not None:
            return state
        state = _State(threads, floating)
        always: list[int] = []
        files: list[tuple[Segment, int]] = []
        moves: list[tuple[Segment, _Advance]] = []
        stay: list[_Thread] = []
        for item, pos in threads:
            tokens = self._tokens[item]
            token = tokens[pos]
            if not isinstance(token, Segment):
                stay += self._advance(item, pos)[0]
                continue
            if _last_segment(tokens, pos):
                if token.is_any:
                    always.append(item)
                else:
                    files.append((token, item))
            if pos + 1 < len(tokens):
                moves.append((token, self._advance(item, pos + 1)))
        state.always = tuple(sorted(always))
        state.best = state.always[-1] if always else -1
        state.stay = tuple(stay)
        if files:
            state.files = _matchers(files)
        if moves:
            state.moves = _matchers(moves)
        self._states[threads, floating] = state
        return state

    def step(self, state: _State, name: str) -> tuple[_State, frozenset[int]]:
        """The state of the subdirectory `name` of a directory in `state` (literal starts
        aside), and the items that match everything below it from there on."""
        child = state.children.get(name)
        if child is not None:
            return child
        out = set(state.stay)
        sticky: set[int] = set()
        if state.moves is not None:
            for threads, stuck in _match_all(state.moves, name):
                out.update(threads)
                sticky.update(stuck)
        if state.floating:
            started = self._move_memo.get(name)
            if started is None:
                found = self._float_moves.lookup(name)
                started = self._advance_all((item, 2) for item in found) if found else _NOWHERE
                self._move_memo[name] = started
            if started is not _NOWHERE:
                out.update(started[0])
                sticky.update(started[1])
        if sticky:
            # An item matching everything below needs no positions any more.
            out = {t for t in out if t[0] not in sticky}
        child = (self._state(frozenset(out), state.floating), frozenset(sticky))
        state.children[name] = child
        return child

    def child(self, parent: _Dir, name: str) -> _Dir:
        """The subdirectory `name` of `parent`."""
        anchored, sticky = self.step(parent.anchored, name)
        floating, more = self.step(parent.floating, name)
        if more:
            sticky = sticky | more
        literal = None if parent.literal is None else parent.literal.children.get(name)
        if literal is not None and literal.starts:
            if literal.start is None:
                literal.start = self._advance_all(literal.starts)
            threads, stuck = literal.start
            if stuck:
                sticky = sticky.union(stuck)
            if threads:
                anchored = self._state(anchored.threads.union(threads), False)
        if sticky:
            layer = _Sticky(sticky, parent.sticky)
            return _Dir(anchored, floating, layer, max(parent.sticky_best, *sticky), literal)
        return _Dir(anchored, floating, parent.sticky, parent.sticky_best, literal)

    def directory(self, directory: str | None) -> _Dir:
        """The directory ``a/b`` (None: the root); quickest asked in sorted order."""
        if self._walker is None:
            self._walker = _Walker(self)
        return self._walker.at(directory)

    def file_items(self, node: _Dir, name: str) -> tuple[int, ...]:
        """Items matching the file `name` in the directory `node` through its name (some
        may also be among the items matching every file there)."""
        found = self._name_memo.get(name)
        if found is None:
            found = self._name_memo[name] = tuple(self._float_files.lookup(name))
        for state in (node.anchored, node.floating):
            if state.files is not None:
                local = _match_all(state.files, name)
                if local:
                    found += tuple(local)
        return found

    def matches(self, path: str) -> set[int]:
        """Every item whose pattern matches `path`."""
        cut = path.rfind("/")
        node = self.directory(path[:cut] if cut >= 0 else None)
        items = self.file_items(node, path[cut + 1 :])
        return node.always().union(items)


def _wanted_layer(
    layer: _Sticky | None,
    wanted: frozenset[int],
    memo: dict[_Sticky, tuple[tuple[int, ...], _Sticky | None]],
) -> _Sticky | None:
    """The nearest layer from `layer` up holding a wanted item (None: none), with `memo`
    filled for every layer on the way: (its wanted items, the next such layer above)."""
    chain: list[_Sticky] = []
    while layer is not None and layer not in memo:
        chain.append(layer)
        layer = layer.parent
    # `layer` is now None or known: resolve the chain from the top down.
    above: _Sticky | None = None
    if layer is not None:
        above = layer if memo[layer][0] else memo[layer][1]
    for link in reversed(chain):
        here = tuple(i for i in link.items if i in wanted)
        memo[link] = (here, above)
        if here:
            above = link
    return above


def _never(tokens: tuple[Token, ...]) -> bool:
    return NEVER in tokens


def _any_and_dstar(a: Token, b: Token) -> bool:
    if a is DSTAR:
        return isinstance(b, Segment) and b.is_any
    return b is DSTAR and isinstance(a, Segment) and a.is_any


def _last_segment(tokens: tuple[Token, ...], pos: int) -> bool:
    """True when the segment at `pos` is the pattern's last (a final `**` may follow)."""
    n = len(tokens)
    return pos == n - 1 or (pos == n - 2 and tokens[n - 1] is DSTAR)


class _Walker:
    """Directories one after the other, each reached from the last one through their
    common parent: in sorted order every directory is built once, and only the current
    one's parents are kept."""

    def __init__(self, auto: _Automaton) -> None:
        self._auto = auto
        self._names: list[str] = []
        self._nodes = [auto.root]
        self._last: str | None = None
        self._node = auto.root

    def at(self, directory: str | None) -> _Dir:
        if directory == self._last:
            return self._node
        self._last = directory
        parts = [] if directory is None else directory.split("/")
        names, nodes = self._names, self._nodes
        keep = 0
        limit = min(len(parts), len(names))
        while keep < limit and parts[keep] == names[keep]:
            keep += 1
        del names[keep:]
        del nodes[keep + 1 :]
        node = nodes[-1]
        for name in parts[keep:]:
            node = self._auto.child(node, name)
            names.append(name)
            nodes.append(node)
        self._node = node
        return node


@dataclass(eq=False)
class _Entry:
    """What decides within one group: a rule at a priority (GitLab: the last rule of a
    repeated pattern at the position of its first)."""

    prio: int
    rule: Rule
    group: int
    excluded: bool


class PathClass:
    """Paths that exactly the same rules match: same winners, same owners.

    ``matching`` and ``winners`` number entries (see :meth:`Matcher.entry_rule`): every
    entry whose pattern matches, ascending, and per group the winning entry or -1 (none, or
    a GitLab exclusion matched). ``first`` is the first path of the class given."""

    __slots__ = ("_items", "_matching", "_node", "count", "first", "owners", "winners")

    def __init__(
        self,
        node: _Dir,
        items: tuple[int, ...],
        winners: tuple[int, ...],
        owners: tuple[str, ...],
        first: str,
    ) -> None:
        self._node = node
        self._items = items
        self._matching: tuple[int, ...] | None = None
        self.winners = winners
        self.owners = owners
        self.first = first
        self.count = 0

    @property
    def matching(self) -> tuple[int, ...]:
        # Worked out when asked: a class's winners and owners need only the highest entries.
        if self._matching is None:
            self._matching = tuple(sorted(self._node.always().union(self._items)))
        return self._matching


@dataclass
class Classified:
    """:meth:`Matcher.classify`'s answer: the classes, and the paths without an owner."""

    classes: list[PathClass] = field(default_factory=list)
    unowned: list[str] = field(default_factory=list)


@dataclass
class OwnerTally:
    """:meth:`Matcher.tally`'s answer: files per owner, and the paths without an owner."""

    per_owner: Counter[str] = field(default_factory=Counter)
    unowned: list[str] = field(default_factory=list)


class Matcher:
    """Owner lookups over one parsed file. Paths are repository-relative, ``/``-separated."""

    def __init__(self, file: CodeownersFile) -> None:
        with paused_gc():
            self._build(file)

    def _build(self, file: CodeownersFile) -> None:
        self.file = file
        self.dialect = file.dialect
        entries: list[_Entry] = []
        if file.dialect == "gitlab":
            entries = self._gitlab_entries(file)
        else:
            entries = [_Entry(r.index, r, 0, False) for r in file.rules]
        # Entries in priority order: a higher number wins within its group.
        entries.sort(key=lambda e: e.prio)
        self._entries = entries
        self._groups = 1 + max((e.group for e in entries), default=0)
        self._exclusions = any(e.excluded for e in entries)
        self._auto = _Automaton([pattern_tokens(e.rule.pattern, self.dialect) for e in entries])
        self._dir_auto: _Automaton | None = None
        self._owners_memo: dict[tuple[int, ...], tuple[str, ...]] = {}

    @staticmethod
    def _gitlab_entries(file: CodeownersFile) -> list[_Entry]:
        # section -> normalised pattern -> (first position, last rule). File#get_parsed_data
        # starts with the default section; File#parse_entry stores `parsed[section.name]
        # [normalized_pattern]`, and a Ruby hash keeps a key's first position on update.
        sections: dict[str | None, dict[str, tuple[int, Rule]]] = {None: {}}
        for r in file.rules:
            norm = gitlab_normalize(r.pattern)
            table = sections.setdefault(r.section_key, {})
            first = table.get(norm)
            table[norm] = (r.index if first is None else first[0], r)
        return [
            _Entry(prio, rule, group, rule.negated)
            for group, table in enumerate(sections.values())
            for prio, rule in table.values()
        ]

    # -- entries ----------------------------------------------------------------------------
    def entry_rule(self, entry: int) -> Rule:
        """The rule that stands for entry number `entry` (its owners are the entry's)."""
        return self._entries[entry].rule

    def entry_rules(self) -> list[Rule]:
        """The rule standing for each entry, by entry number (priority order)."""
        return [e.rule for e in self._entries]

    def entry_group(self, entry: int) -> int:
        """The group (GitLab section; 0 on GitHub) entry number `entry` decides in."""
        return self._entries[entry].group

    def entry_of(self) -> dict[int, int]:
        """Rule index -> the entry that matches what the rule's pattern matches."""
        if self.dialect != "gitlab":
            return {e.rule.index: n for n, e in enumerate(self._entries)}
        key = {
            (e.rule.section_key, gitlab_normalize(e.rule.pattern)): n
            for n, e in enumerate(self._entries)
        }
        return {r.index: key[r.section_key, gitlab_normalize(r.pattern)] for r in self.file.rules}

    # -- single paths -----------------------------------------------------------------------
    def _directory_automaton(self) -> _Automaton:
        if self._dir_auto is None:
            forms: list[tuple[Token, ...] | None] = []
            for e in self._entries:
                stem = directory_pattern(e.rule.pattern)
                forms.append(None if stem is None else pattern_tokens(stem, self.dialect))
            self._dir_auto = _Automaton(forms)
        return self._dir_auto

    def _matching(self, path: str, directory: bool) -> set[int]:
        found = self._auto.matches(path)
        if directory:
            found |= self._directory_automaton().matches(path)
        return found

    def _winners(self, matching: Iterable[int]) -> tuple[int, ...]:
        """Per group, the highest matching entry, -1 when none matches or an exclusion does."""
        best = [-1] * self._groups
        if not self._exclusions and self._groups == 1:
            best[0] = max(matching, default=-1)
            return tuple(best)
        excluded = [False] * self._groups
        entries = self._entries
        for n in matching:
            e = entries[n]
            if e.excluded:
                excluded[e.group] = True
            elif n > best[e.group]:
                best[e.group] = n
        return tuple(-1 if excluded[g] else best[g] for g in range(self._groups))

    def _owners(self, winners: tuple[int, ...]) -> tuple[str, ...]:
        owners = self._owners_memo.get(winners)
        if owners is None:
            owners = self._owners_memo[winners] = self._owners_of(winners)
        return owners

    def _owners_of(self, winners: tuple[int, ...]) -> tuple[str, ...]:
        entries = self._entries
        if self.dialect != "gitlab":
            n = winners[0]
            return () if n < 0 else tuple(o.text for o in entries[n].rule.owners)
        seen: dict[str, None] = {}
        for n in winners:
            if n >= 0:
                for o in entries[n].rule.effective_owners:
                    seen.setdefault(o.text, None)
        return tuple(seen)

    @staticmethod
    def _norm(path: str) -> str:
        return path[1:] if path.startswith("/") else path

    def matching_rules(self, path: str, *, directory: bool = False) -> list[Rule]:
        """GitHub: ``[owner rule]`` or ``[]``. GitLab: each section's winning rule, in order.

        With ``directory``, ``path`` names a directory (see the module's docstring)."""
        winners = self._winners(self._matching(self._norm(path), directory))
        return [self._entries[n].rule for n in winners if n >= 0]

    def owner_rule(self, path: str, *, directory: bool = False) -> Rule | None:
        """The rule that decides ``path``: GitHub's last matching rule.

        For GitLab, the latest (in file order) of the sections' winning rules.
        """
        rules = self.matching_rules(path, directory=directory)
        return max(rules, key=lambda r: r.index) if rules else None

    def owners(self, path: str, *, directory: bool = False) -> tuple[str, ...]:
        """Owner texts for ``path`` (GitLab: every section's, defaults applied, de-duplicated)."""
        return self._owners(self._winners(self._matching(self._norm(path), directory)))

    # -- many paths -------------------------------------------------------------------------
    def _scan(
        self, paths: Sequence[str], progress: Progress | None
    ) -> Iterator[tuple[int, _Dir, tuple[int, ...]]]:
        """Per path (files): its number, its directory, the entries its name adds."""
        auto = self._auto
        file_items = auto.file_items
        walker = _Walker(auto)
        total = len(paths)
        for number, path in enumerate(paths):
            if progress is not None and number % 2048 == 0:
                progress(number, total)
            if path.startswith("/"):
                path = path[1:]
            cut = path.rfind("/")
            node = walker.at(path[:cut] if cut >= 0 else None)
            yield number, node, file_items(node, path[cut + 1 :])

    def classify(self, paths: Sequence[str], progress: Progress | None = None) -> Classified:
        """Every path of `paths` (files), in one pass: the classes of paths that the same
        rules match, and the paths without an owner, in the order given."""
        with paused_gc():
            return self._classify(paths, progress)

    def _classify(self, paths: Sequence[str], progress: Progress | None) -> Classified:
        result = Classified()
        classes: dict[tuple[_Sticky | None, _State, _State, tuple[int, ...]], PathClass] = {}
        simple = not self._exclusions and self._groups == 1  # the highest entry wins
        for number, node, items in self._scan(paths, progress):
            key = (node.sticky, node.anchored, node.floating, items)
            found = classes.get(key)
            if found is None:
                if simple:
                    best = node.best
                    for item in items:
                        if item > best:
                            best = item
                    winners: tuple[int, ...] = (best,)
                else:
                    winners = self._winners(node.always().union(items))
                owners = self._owners(winners)
                found = PathClass(node, items, winners, owners, paths[number])
                classes[key] = found
                result.classes.append(found)
            found.count += 1
            if not found.owners:
                result.unowned.append(paths[number])
        return result

    def losses(
        self, classes: Iterable[PathClass], entries: Iterable[int]
    ) -> dict[tuple[int, int], tuple[int, str]]:
        """For each of `entries` (say, those that win no file) and each winner of its group
        over the files it matches (-1: none): how many files, and the first of them.

        Only the wanted entries are looked at: a layer of items matching a whole subtree is
        searched for them once, however many classes lie below it."""
        with paused_gc():
            return self._losses(list(classes), frozenset(entries))

    def _losses(
        self, classes: list[PathClass], wanted: frozenset[int]
    ) -> dict[tuple[int, int], tuple[int, str]]:
        found: dict[tuple[int, int], tuple[int, str]] = {}
        in_states: dict[_State, tuple[int, ...]] = {}
        # layer -> (its wanted items, the nearest layer above with any)
        in_layers: dict[_Sticky, tuple[tuple[int, ...], _Sticky | None]] = {}
        entries = self._entries
        for cls in classes:
            node = cls._node
            hits = [item for item in cls._items if item in wanted]
            for state in (node.anchored, node.floating):
                here = in_states.get(state)
                if here is None:
                    here = in_states[state] = tuple(i for i in state.always if i in wanted)
                hits += here
            layer = _wanted_layer(node.sticky, wanted, in_layers)
            while layer is not None:
                here, layer = in_layers[layer]
                hits += here
            for entry in set(hits) if len(hits) > 1 else hits:
                key = (entry, cls.winners[entries[entry].group])
                seen = found.get(key)
                # Classes come in the order of their first paths: the first stays first.
                found[key] = (
                    (cls.count, cls.first) if seen is None else (seen[0] + cls.count, seen[1])
                )
        return found

    def tally(self, paths: Sequence[str], progress: Progress | None = None) -> OwnerTally:
        """How many of `paths` (files) each owner has, and the paths without an owner, in
        the order given: what :meth:`owners` says of each path, in one pass."""
        with paused_gc():
            return self._tally(paths, progress)

    def _tally(self, paths: Sequence[str], progress: Progress | None) -> OwnerTally:
        result = OwnerTally()
        if self._exclusions or self._groups > 1:
            classified = self.classify(paths, progress)
            result.unowned = classified.unowned
            for cls in classified.classes:
                for owner in cls.owners:
                    result.per_owner[owner] += cls.count
            return result
        # One group, no exclusions: the highest matching entry wins.
        wins: Counter[int] = Counter()
        owned = [bool(self._owners_of((n,))) for n in range(len(self._entries))]
        unowned = result.unowned
        for number, node, items in self._scan(paths, progress):
            best = node.best
            for item in items:
                if item > best:
                    best = item
            wins[best] += 1
            if best < 0 or not owned[best]:
                unowned.append(paths[number])
        for best, count in wins.items():
            for owner in self._owners((best,)):
                result.per_owner[owner] += count
        return result
