"""Answer "which rule owns this path" fast, with answers identical to testing every rule.

Most real rules are anchored literals (``/arch/arm/src/foo.c``, ``/drivers/net/``): those sit
in a dict keyed by the path prefix they name, with the best rule per tail kind precomputed.
Floating rules that name a literal segment (``docs/``, ``Makefile``) sit in a dict keyed by
that segment. Only rules with neither (``*.md``, ``/*``) are tried one by one, highest
priority first, and only while they could still beat the best answer found so far. What a
path's directory contributes is computed once per directory and cached.

GitHub: the last matching rule wins. GitLab (``Gitlab::CodeOwners::File#entries_for_path``):
every section (same-named sections combined) contributes its last matching rule, unless any
of its ``!`` exclusions matches the path; a pattern repeated within a section keeps the
owners of its last occurrence and the position of its first (GitLab stores entries in a hash
keyed by the normalised pattern).

A directory query (``directory=True``) is answered as git matches a directory: a rule matches
when its pattern matches the directory's path, or when it is directory-only (``docs/``) and the
rest of it matches that path. The second kind sits in an index of its own, built on the first
directory query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ownership_lint.codeowners.model import CodeownersFile, Dialect, Rule
from ownership_lint.codeowners.pattern import (
    CompiledPattern,
    Tail,
    compile_pattern,
    directory_pattern,
    gitlab_normalize,
)


class _Entry:
    """A rule at a priority; its pattern is compiled only if a full match test is needed.

    ``pattern`` is the rule's pattern, or what stands for it (a directory-only pattern's
    directory form)."""

    __slots__ = ("_pat", "dialect", "pattern", "prio", "rule")

    def __init__(self, prio: int, rule: Rule, dialect: Dialect, pattern: str | None = None) -> None:
        self.prio = prio
        self.rule = rule
        self.dialect: Dialect = dialect
        self.pattern = rule.pattern if pattern is None else pattern
        self._pat: CompiledPattern | None = None

    @property
    def pat(self) -> CompiledPattern:
        if self._pat is None:
            self._pat = compile_pattern(self.pattern, self.dialect)
        return self._pat

    def directory_form(self) -> _Entry | None:
        stem = directory_pattern(self.pattern)
        return None if stem is None else _Entry(self.prio, self.rule, self.dialect, stem)


# A pattern with no wildcard, no escape and no empty segment.
_PLAIN = re.compile(r"/?[^\\*?\[/]+(?:/[^\\*?\[/]+)*/?")


def _classify(e: _Entry) -> tuple[str, str, Tail | None, tuple[str, ...]]:
    """("prefix", key, tail or None) | ("name", key) | ("rest", "") | ("never", "")."""
    raw = e.pattern
    if _PLAIN.fullmatch(raw) is not None:
        lead, trail = raw.startswith("/"), raw.endswith("/")
        body = raw.strip("/")
        segs = tuple(body.split("/"))
        if e.dialect == "gitlab":
            if lead:
                return "prefix", body, "dir" if trail else "exact", segs
            return "name", max(segs, key=len), None, segs
        if lead or len(segs) > 1:
            return "prefix", body, "dir" if trail else "subtree", segs
        return "name", body, None, segs
    pat = e.pat
    if pat.never_matches:
        return "never", "", None, ()
    prefix = pat.anchored_prefix
    if prefix:
        return "prefix", "/".join(prefix), pat.literal_tail, prefix
    required = pat.required_segments
    if required:
        return "name", max(required, key=len), None, required
    return "rest", "", None, ()


@dataclass
class _Bucket:
    """Rules anchored at one literal prefix."""

    exact: _Entry | None = None  # pure literal, path must equal the prefix
    subtree: _Entry | None = None  # prefix or anything below it
    dir: _Entry | None = None  # strictly below it
    others: list[_Entry] = field(default_factory=list)  # need a full match test


def _better(a: _Entry | None, b: _Entry | None) -> _Entry | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.prio >= b.prio else b


@dataclass
class _DirInfo:
    best: _Entry | None
    cands: list[_Entry]


class _RuleIndex:
    """Finds the highest-priority entry whose pattern matches a path."""

    def __init__(self, entries: list[_Entry]) -> None:
        self._prefix: dict[str, _Bucket] = {}
        self._names: dict[str, list[_Entry]] = {}
        rest: list[_Entry] = []
        for e in entries:
            kind, key, tail, _segs = _classify(e)
            if kind == "never":
                continue
            if kind == "prefix":
                bucket = self._prefix.get(key)
                if bucket is None:
                    bucket = self._prefix[key] = _Bucket()
                if tail == "exact":
                    bucket.exact = _better(bucket.exact, e)
                elif tail == "subtree":
                    bucket.subtree = _better(bucket.subtree, e)
                elif tail == "dir":
                    bucket.dir = _better(bucket.dir, e)
                else:
                    bucket.others.append(e)
            elif kind == "name":
                self._names.setdefault(key, []).append(e)
            else:
                rest.append(e)
        for b in self._prefix.values():
            b.others.sort(key=lambda x: -x.prio)
        self._rest = sorted(rest, key=lambda x: -x.prio)
        self._dirs: dict[str, _DirInfo] = {}

    def _dir_info(self, directory: str) -> _DirInfo:
        info = self._dirs.get(directory)
        if info is not None:
            return info
        best: _Entry | None = None
        cands: list[_Entry] = []
        if directory:
            pos = 0
            while pos >= 0:
                nxt = directory.find("/", pos)
                end = len(directory) if nxt < 0 else nxt
                bucket = self._prefix.get(directory[:end])
                if bucket is not None:
                    best = _better(best, _better(bucket.subtree, bucket.dir))
                    cands.extend(bucket.others)
                named = self._names.get(directory[pos:end])
                if named is not None:
                    cands.extend(named)
                pos = -1 if nxt < 0 else nxt + 1
        floor = -1 if best is None else best.prio
        cands = sorted({id(c): c for c in cands if c.prio > floor}.values(), key=lambda x: -x.prio)
        info = _DirInfo(best, cands)
        self._dirs[directory] = info
        return info

    def best(self, path: str) -> _Entry | None:
        cut = path.rfind("/")
        directory = path[:cut] if cut >= 0 else ""
        name = path[cut + 1 :]
        info = self._dir_info(directory)
        best = info.best
        cands = info.cands
        bucket = self._prefix.get(path)
        if bucket is not None:
            best = _better(best, _better(bucket.exact, bucket.subtree))
            if bucket.others:
                cands = cands + bucket.others
        named = self._names.get(name)
        if named is not None:
            cands = cands + named
        floor = -1 if best is None else best.prio
        segs: list[str] | None = None
        if cands:
            if len(cands) > 1:
                cands = sorted(cands, key=lambda x: -x.prio)
            segs = path.split("/")
            for c in cands:
                if c.prio <= floor:
                    break
                if c.pat.matches_segments(segs):
                    best, floor = c, c.prio
                    break
        for c in self._rest:
            if c.prio <= floor:
                break
            if segs is None:
                segs = path.split("/")
            if c.pat.matches_segments(segs):
                best = c
                break
        return best


def _directory_index(entries: list[_Entry]) -> _RuleIndex | None:
    forms = [f for f in (e.directory_form() for e in entries) if f is not None]
    return _RuleIndex(forms) if forms else None


class _Group:
    """One GitLab section (all headers of that name) or the GitHub file as a whole."""

    def __init__(self, normal: list[_Entry], exclusions: list[_Entry]) -> None:
        self._entries = (normal, exclusions)
        self.normal = _RuleIndex(normal)
        self.exclusions = _RuleIndex(exclusions) if exclusions else None
        self._directory: tuple[_RuleIndex | None, _RuleIndex | None] | None = None

    def best(self, path: str, directory: bool) -> _Entry | None:
        """The winning entry for ``path``, None when none matches or an exclusion does."""
        if directory:
            if self._directory is None:
                normal, excl = self._entries
                self._directory = (_directory_index(normal), _directory_index(excl))
            dir_normal, dir_excl = self._directory
            if _either(self.exclusions, dir_excl, path) is not None:
                return None
            return _either(self.normal, dir_normal, path)
        if self.exclusions is not None and self.exclusions.best(path) is not None:
            return None
        return self.normal.best(path)


def _either(a: _RuleIndex | None, b: _RuleIndex | None, path: str) -> _Entry | None:
    return _better(
        None if a is None else a.best(path),
        None if b is None else b.best(path),
    )


class Matcher:
    """Owner lookups over one parsed file. Paths are repository-relative, ``/``-separated."""

    def __init__(self, file: CodeownersFile) -> None:
        self.file = file
        self.dialect = file.dialect
        self._groups: list[_Group] = []
        if file.dialect == "gitlab":
            self._build_gitlab(file)
        else:
            entries = [_Entry(r.index, r, "github") for r in file.rules]
            self._groups.append(_Group(entries, []))

    def _build_gitlab(self, file: CodeownersFile) -> None:
        # section -> normalised pattern -> (first position, last rule). File#get_parsed_data
        # starts with the default section; File#parse_entry stores `parsed[section.name]
        # [normalized_pattern]`, and a Ruby hash keeps a key's first position on update.
        sections: dict[str | None, dict[str, tuple[int, Rule]]] = {None: {}}
        for r in file.rules:
            norm = gitlab_normalize(r.pattern)
            table = sections.setdefault(r.section_key, {})
            first = table.get(norm)
            table[norm] = (r.index if first is None else first[0], r)
        for table in sections.values():
            normal: list[_Entry] = []
            excl: list[_Entry] = []
            for prio, rule in table.values():
                (excl if rule.negated else normal).append(_Entry(prio, rule, "gitlab"))
            self._groups.append(_Group(normal, excl))

    @staticmethod
    def _norm(path: str) -> str:
        return path[1:] if path.startswith("/") else path

    def matching_rules(self, path: str, *, directory: bool = False) -> list[Rule]:
        """GitHub: ``[owner rule]`` or ``[]``. GitLab: each section's winning rule, in order.

        With ``directory``, ``path`` names a directory (see the module's docstring)."""
        path = self._norm(path)
        out: list[Rule] = []
        for g in self._groups:
            e = g.best(path, directory)
            if e is not None:
                out.append(e.rule)
        return out

    def owner_rule(self, path: str, *, directory: bool = False) -> Rule | None:
        """The rule that decides ``path``: GitHub's last matching rule.

        For GitLab, the latest (in file order) of the sections' winning rules.
        """
        if self.dialect != "gitlab":
            e = self._groups[0].best(self._norm(path), directory)
            return None if e is None else e.rule
        rules = self.matching_rules(path, directory=directory)
        return max(rules, key=lambda r: r.index) if rules else None

    def owners(self, path: str, *, directory: bool = False) -> tuple[str, ...]:
        """Owner texts for ``path`` (GitLab: every section's, defaults applied, de-duplicated)."""
        if self.dialect != "gitlab":
            rule = self.owner_rule(path, directory=directory)
            return () if rule is None else tuple(o.text for o in rule.owners)
        seen: dict[str, None] = {}
        for rule in self.matching_rules(path, directory=directory):
            for o in rule.effective_owners:
                seen.setdefault(o.text, None)
        return tuple(seen)
