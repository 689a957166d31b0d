"""Compile one CODEOWNERS pattern into a matcher (GitHub or GitLab semantics).

No regular expression is involved: a pattern becomes a sequence of *segment matchers* and
``**`` markers, and matching is the classic greedy wildcard algorithm run twice, over the
path's segments and inside each segment over characters. The greedy algorithm never
backtracks more than one block, so one match costs O(len(path) x len(pattern)) in the worst
case: linear in the path for any pattern (``*a*a*a*a*b`` or ``**/**/**/x`` on a 10k-character
path is a few tens of thousands of steps).

GitHub semantics follow the documented rules (and the reference implementation most tools
share, hmarr/codeowners):

* a pattern without a slash, or with only a trailing one, matches at any depth;
  a leading or middle slash anchors it to the repository root;
* a trailing ``/`` matches everything below the directories the rest of the pattern matches,
  as in git (``x/**/`` matches ``x/b/c`` but not ``x/a``: ``x/**`` names the directories
  strictly inside ``x``); a pattern whose last segment is not a wildcard also matches
  everything below a directory of that name (``docs`` matches ``docs/a/b.md``); a last
  segment ``*`` matches direct children only;
* ``*`` and ``?`` never cross ``/``; ``**`` is a leading ``**/``, a middle ``/**/`` or a
  trailing ``/**`` (one or more further segments); ``\\x`` is a literal ``x``;
* ``[`` is literal here: the parser rejects such lines for GitHub, as GitHub does.

GitLab semantics are GitLab's own implementation: the pattern is normalised (``*`` becomes
``/**/*``; a pattern not starting with ``/`` gets ``/**/`` in front, so it floats even with a
middle slash; a trailing ``/`` gets ``**/*`` appended) and then matched like Ruby's
``File.fnmatch`` with ``FNM_PATHNAME | FNM_DOTMATCH``: ``*``/``?``/``[...]`` stay inside a
segment, ``**/`` is zero or more directories, any other ``**`` is a ``*``. A GitLab pattern
without a trailing slash does *not* own a directory's subtree (``/docs`` matches only the path
``docs``).

A directory (``who-owns docs/``) is matched as git matches one: by what matches its path, and
by a directory-only pattern (trailing ``/``) whose rest matches its path
(:meth:`CompiledPattern.matches_directory`).

One cohesive algorithm (compiling and matching one pattern), kept in one module on purpose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from ownership_lint.codeowners.model import Dialect

Tail = Literal["exact", "subtree", "dir"]


class _Any:
    """The ``?`` atom: any one character (segments never contain ``/``)."""

    __slots__ = ()


_ANY = _Any()


@dataclass(frozen=True)
class _CharClass:
    """A GitLab ``[...]`` bracket expression (code point ranges, maybe negated)."""

    ranges: tuple[tuple[int, int], ...]
    negated: bool

    def contains(self, ch: str) -> bool:
        o = ord(ch)
        hit = any(lo <= o <= hi for lo, hi in self.ranges)
        return hit != self.negated


_Atom = str | _Any | _CharClass
# A block is a run of atoms without ``*``: a plain string when every atom is a literal.
_Block = str | tuple[_Atom, ...]


class _Counter:
    """Counts inner-loop steps so tests can bound the work of one match."""

    __slots__ = ("steps",)

    def __init__(self) -> None:
        self.steps = 0


def _block_at(block: _Block, s: str, i: int) -> bool:
    if isinstance(block, str):
        return s.startswith(block, i)
    for j, atom in enumerate(block):
        ch = s[i + j]
        if isinstance(atom, str):
            if atom != ch:
                return False
        elif isinstance(atom, _CharClass) and not atom.contains(ch):
            return False
    return True


def _find_block(block: _Block, s: str, pos: int, end: int, ctr: _Counter | None) -> int:
    if isinstance(block, str):
        if ctr is not None:
            ctr.steps += end - pos + 1
        return s.find(block, pos, end)
    size = len(block)
    i = pos
    while i + size <= end:
        if ctr is not None:
            ctr.steps += size
        if _block_at(block, s, i):
            return i
        i += 1
    return -1


class _Seg:
    """Matches exactly one path segment."""

    __slots__ = ("blocks", "ends", "literal", "never", "star")

    def __init__(
        self,
        literal: str | None = None,
        blocks: tuple[_Block, ...] = (),
        star: bool = False,
        never: bool = False,
    ) -> None:
        self.literal = literal
        self.blocks = blocks
        self.star = star
        self.never = never
        # `head*tail` with literal ends (`*.go`, `test_*`, `*`): two string checks.
        self.ends: tuple[str, str] | None = None
        if star and len(blocks) == 2:
            head, tail = blocks
            if isinstance(head, str) and isinstance(tail, str):
                self.ends = (head, tail)

    @property
    def is_any(self) -> bool:
        return self.star and self.blocks == ("", "")

    def match(self, s: str, ctr: _Counter | None = None) -> bool:
        if self.literal is not None:
            return s == self.literal
        ends = self.ends
        if ends is not None and ctr is None:
            head, tail = ends
            return len(s) >= len(head) + len(tail) and s.startswith(head) and s.endswith(tail)
        if self.never:
            return False
        blocks = self.blocks
        n = len(s)
        if ctr is not None:
            ctr.steps += 1
        if not self.star:
            b = blocks[0]
            return len(b) == n and _block_at(b, s, 0)
        first, last = blocks[0], blocks[-1]
        if len(first) + len(last) > n:
            return False
        if not _block_at(first, s, 0) or not _block_at(last, s, n - len(last)):
            return False
        pos, end = len(first), n - len(last)
        for b in blocks[1:-1]:
            i = _find_block(b, s, pos, end, ctr)
            if i < 0:
                return False
            pos = i + len(b)
        return True


class _DStar:
    """``**`` as a whole segment: zero or more path segments."""

    __slots__ = ()


_DSTAR = _DStar()
_Token = _Seg | _DStar

# What the index (``index.py``) walks: a pattern's tokens, each a segment matcher or ``DSTAR``;
# ``NEVER`` is the matcher of a pattern that matches nothing.
Segment = _Seg
Token = _Token
DSTAR = _DSTAR

_NEVER = _Seg(never=True)
NEVER = _NEVER


def _parse_class(s: str, i: int) -> tuple[_CharClass | None, int]:
    """Parse a bracket expression starting after ``[`` at ``i``; None when unterminated."""
    n = len(s)
    negated = False
    if i < n and s[i] in "!^":
        negated = True
        i += 1
    ranges: list[tuple[int, int]] = []
    while True:
        if i >= n:
            return None, n
        c = s[i]
        if c == "]":
            return _CharClass(tuple(ranges), negated), i + 1
        if c == "\\":
            i += 1
            if i >= n:
                return None, n
            c = s[i]
        i += 1
        if i + 1 < n and s[i] == "-" and s[i + 1] != "]":
            i += 1
            c2 = s[i]
            if c2 == "\\":
                i += 1
                if i >= n:
                    return None, n
                c2 = s[i]
            i += 1
            ranges.append((ord(c), ord(c2)))
        else:
            ranges.append((ord(c), ord(c)))


_GITHUB_SPECIAL = re.compile(r"[\\*?]")
_GITLAB_SPECIAL = re.compile(r"[\\*?\[]")


# Segment matchers are immutable: one per distinct text, so that a file of many rules under
# the same directories (nuttx: 16,717 rules) builds each segment once.
_SEGMENTS: dict[tuple[str, bool], _Seg] = {}
_SEGMENTS_MAX = 1 << 16


def _seg_glob(text: str, classes: bool) -> _Seg:
    """Compile one pattern segment (no ``/`` inside)."""
    key = (text, classes)
    seg = _SEGMENTS.get(key)
    if seg is None:
        seg = _seg_compile(text, classes)
        if len(_SEGMENTS) >= _SEGMENTS_MAX:
            _SEGMENTS.clear()
        _SEGMENTS[key] = seg
    return seg


def _seg_compile(text: str, classes: bool) -> _Seg:
    if (_GITLAB_SPECIAL if classes else _GITHUB_SPECIAL).search(text) is None:
        return _Seg(literal=text)
    blocks: list[_Block] = []
    cur: list[_Atom] = []
    star = False
    wild = False
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            if i + 1 < n:
                cur.append(text[i + 1])
                i += 2
            else:
                cur.append(c)
                i += 1
            continue
        if c == "*":
            star = wild = True
            blocks.append(_pack(cur))
            cur = []
            while i < n and text[i] == "*":
                i += 1
            continue
        if c == "?":
            wild = True
            cur.append(_ANY)
        elif c == "[" and classes:
            cls, i = _parse_class(text, i + 1)
            if cls is None:
                return _NEVER
            wild = True
            cur.append(cls)
            continue
        else:
            cur.append(c)
        i += 1
    blocks.append(_pack(cur))
    if not wild:
        lit = blocks[0]
        assert isinstance(lit, str)
        return _Seg(literal=lit)
    return _Seg(blocks=tuple(blocks), star=star)


def _pack(atoms: list[_Atom]) -> _Block:
    if all(isinstance(a, str) for a in atoms):
        return "".join(a for a in atoms if isinstance(a, str))
    return tuple(atoms)


_ANY_SEG = _Seg(blocks=("", ""), star=True)


def _any_seg() -> _Seg:
    return _ANY_SEG


def _collapse(tokens: list[_Token]) -> tuple[_Token, ...]:
    out: list[_Token] = []
    for t in tokens:
        if isinstance(t, _DStar) and out and isinstance(out[-1], _DStar):
            continue
        out.append(t)
    return tuple(out)


def _canonical(tokens: list[_Token]) -> tuple[_Token, ...]:
    """Each ``**`` moved past the ``*`` segments after it (``**/*`` and ``*/**`` match the same
    paths), runs of ``**`` collapsed: ``x/**/*/**`` is ``x/*/*/**``, so that the index sees the
    literal prefix and tail. One pass."""
    out: list[_Token] = []
    pending = False
    for t in tokens:
        if isinstance(t, _DStar):
            pending = True
        elif t.is_any:
            out.append(t)
        else:
            if pending:
                out.append(_DSTAR)
                pending = False
            out.append(t)
    if pending:
        out.append(_DSTAR)
    return tuple(out)


def _github_tokens(pattern: str) -> tuple[_Token, ...]:
    if pattern in ("", "/") or "***" in pattern:
        return (_NEVER,)
    segs = pattern.split("/")
    if segs[0] == "":
        segs = segs[1:]
    elif (len(segs) == 1 or (len(segs) == 2 and segs[1] == "")) and segs[0] != "**":
        segs = ["**", *segs]
    # git: a trailing slash makes the rest a directory-only pattern, and what is inside a
    # matched directory is matched. So `x/**/` (directories strictly inside x) matches x/b/c
    # and not x/a; `**/` matches every file inside some directory.
    directory_only = len(segs) > 1 and segs[-1] == ""
    if directory_only:
        segs = segs[:-1]
    if _GITHUB_SPECIAL.search(pattern) is None:
        # Literal segments only (most rules of a large file): already canonical.
        # (a `**` here is the one put in front of a floating pattern)
        tokens: list[_Token] = [
            _DSTAR if seg == "**" else _seg_glob(seg, classes=False) for seg in segs
        ]
        tokens += [_ANY_SEG, _DSTAR] if directory_only else [_DSTAR]
        return tuple(tokens)
    last = len(segs) - 1
    tokens = []
    for i, seg in enumerate(segs):
        if seg == "**":
            if i == last:
                tokens += [_any_seg(), _DSTAR]
            else:
                tokens.append(_DSTAR)
        elif seg == "*":
            tokens.append(_any_seg())
        else:
            tokens.append(_seg_glob(seg, classes=False))
            if i == last and not directory_only:
                tokens.append(_DSTAR)
    if directory_only:
        tokens += [_any_seg(), _DSTAR]
    return _canonical(tokens)


def directory_pattern(pattern: str) -> str | None:
    """The pattern a directory's own path must match for a directory-only ``pattern``
    (``docs/`` -> ``docs``, ``/a/b/`` -> ``/a/b``, ``x/**/`` -> ``x/**``); None for others."""
    if len(pattern) < 2 or not pattern.endswith("/") or pattern.endswith("\\/"):
        return None
    stem = pattern[:-1]
    return None if stem == "/" else stem


_ESCAPED_SPACE = re.compile(r"\\[ \t\r\n\f\v]+")


def gitlab_normalize(pattern: str) -> str:
    """GitLab's own normalisation of a pattern (``Gitlab::CodeOwners::File#normalize_pattern``)."""
    if pattern == "*":
        return "/**/*"
    if pattern.startswith("\\#"):
        pattern = "#" + pattern[2:]
    pattern = _ESCAPED_SPACE.sub(" ", pattern)
    if not pattern.startswith("/"):
        pattern = "/**/" + pattern
    if pattern.endswith("/"):
        pattern += "**/*"
    return pattern


def _gitlab_tokens(normalized: str) -> tuple[_Token, ...]:
    body = normalized[1:] if normalized.startswith("/") else normalized
    segs = body.split("/")
    last = len(segs) - 1
    tokens: list[_Token] = []
    for i, seg in enumerate(segs):
        if seg == "**" and i < last:
            tokens.append(_DSTAR)
        else:
            tokens.append(_seg_glob(seg, classes=True))
    return _collapse(tokens)


def _split_blocks(tokens: tuple[_Token, ...]) -> tuple[tuple[tuple[_Seg, ...], ...], bool]:
    blocks: list[tuple[_Seg, ...]] = []
    cur: list[_Seg] = []
    star = False
    for t in tokens:
        if isinstance(t, _DStar):
            star = True
            blocks.append(tuple(cur))
            cur = []
        else:
            cur.append(t)
    blocks.append(tuple(cur))
    return tuple(blocks), star


def _segs_at(block: tuple[_Seg, ...], segs: list[str], i: int, ctr: _Counter | None) -> bool:
    for j, m in enumerate(block):
        if ctr is not None:
            ctr.steps += 1 + len(segs[i + j])
        if not m.match(segs[i + j], ctr):
            return False
    return True


@dataclass(frozen=True)
class CompiledPattern:
    """A pattern ready to match repository-relative paths (``a/b/c.txt``, ``/`` separators)."""

    raw: str
    dialect: Dialect
    normalized: str
    tokens: tuple[_Token, ...] = field(repr=False)
    blocks: tuple[tuple[_Seg, ...], ...] = field(repr=False)
    has_dstar: bool = field(repr=False)

    # -- facts the index uses -------------------------------------------------------------
    @cached_property
    def anchored_prefix(self) -> tuple[str, ...]:
        """Literal segments the path must start with (empty when the pattern floats)."""
        out: list[str] = []
        for t in self.tokens:
            if isinstance(t, _Seg) and t.literal is not None:
                out.append(t.literal)
            else:
                break
        return tuple(out)

    @cached_property
    def literal_tail(self) -> Tail | None:
        """When the pattern is just ``anchored_prefix`` plus a tail, which tail; else None."""
        k = len(self.anchored_prefix)
        rest = self.tokens[k:]
        if k == 0:
            return None
        if not rest:
            return "exact"
        if len(rest) == 1 and isinstance(rest[0], _DStar):
            return "subtree"
        if len(rest) == 2:
            a, b = rest
            if isinstance(a, _Seg) and a.is_any and isinstance(b, _DStar):
                return "dir"
            if isinstance(a, _DStar) and isinstance(b, _Seg) and b.is_any:
                return "dir"
        return None

    @cached_property
    def required_segments(self) -> tuple[str, ...]:
        """Literal segments that must each equal some segment of a matching path."""
        return tuple(
            t.literal for t in self.tokens if isinstance(t, _Seg) and t.literal is not None
        )

    @cached_property
    def never_matches(self) -> bool:
        return any(isinstance(t, _Seg) and t.never for t in self.tokens)

    # -- matching -------------------------------------------------------------------------
    def matches(self, path: str) -> bool:
        """True when the pattern matches ``path`` (a file, or a directory given without ``/``)."""
        return self._match(path.split("/"), None)

    def count_steps(self, path: str) -> tuple[bool, int]:
        """Like :meth:`matches`, also returning the number of inner-loop steps taken."""
        ctr = _Counter()
        return self._match(path.split("/"), ctr), ctr.steps

    def matches_segments(self, segs: list[str]) -> bool:
        return self._match(segs, None)

    @cached_property
    def directory_form(self) -> CompiledPattern | None:
        """What a directory's own path must match when this pattern is directory-only."""
        stem = directory_pattern(self.raw)
        return None if stem is None else compile_pattern(stem, self.dialect)

    def matches_directory(self, path: str) -> bool:
        """True when the pattern matches the directory ``path`` (no trailing ``/``) itself:
        as a path, or, for a directory-only pattern, with its directory form."""
        if self.matches(path):
            return True
        form = self.directory_form
        return form is not None and form.matches(path)

    def _match(self, segs: list[str], ctr: _Counter | None) -> bool:
        blocks = self.blocks
        n = len(segs)
        if not self.has_dstar:
            b = blocks[0]
            return len(b) == n and _segs_at(b, segs, 0, ctr)
        first, last = blocks[0], blocks[-1]
        if len(first) + len(last) > n:
            return False
        if not _segs_at(first, segs, 0, ctr) or not _segs_at(last, segs, n - len(last), ctr):
            return False
        pos, end = len(first), n - len(last)
        for b in blocks[1:-1]:
            size = len(b)
            i = pos
            while i + size <= end:
                if _segs_at(b, segs, i, ctr):
                    break
                i += 1
            else:
                return False
            pos = i + size
        return True


def pattern_tokens(pattern: str, dialect: Dialect = "github") -> tuple[Token, ...]:
    """The tokens :func:`compile_pattern` matches with: segment matchers and :data:`DSTAR`
    (zero or more segments), runs of ``**`` collapsed; ``(never,)`` for a pattern that
    matches nothing."""
    if dialect == "gitlab":
        return _gitlab_tokens(gitlab_normalize(pattern))
    return _github_tokens(pattern)


def compile_pattern(pattern: str, dialect: Dialect = "github") -> CompiledPattern:
    """Compile ``pattern`` (as written, escapes included, without a GitLab ``!``).

    Never raises; a pattern that cannot match anything (``/`` on GitHub, an unterminated
    GitLab ``[``) compiles to a matcher that always answers False.
    """
    if dialect == "gitlab":
        normalized = gitlab_normalize(pattern)
        tokens = _gitlab_tokens(normalized)
    else:
        normalized = pattern
        tokens = _github_tokens(pattern)
    blocks, star = _split_blocks(tokens)
    return CompiledPattern(pattern, dialect, normalized, tokens, blocks, star)
