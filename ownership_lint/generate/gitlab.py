"""The GitLab flavour. GitLab reads CODEOWNERS differently: sections are additive (a path gets
the owners of every section that matches it), a pattern without a trailing `/` does not own a
subtree, and a pattern with a middle slash floats. So each mapping pattern is translated
(`/docs` becomes `/docs` and `/docs/`, `a/b` becomes `/a/b` ...), and each role gets a section
of its own: the role's rules, then `!` exclusions for the paths that a *later* rule gives to
another role (un-owning rules come last). A role whose rules interleave with another role's
(`/finops/` for one, `/finops/budgets/` for the other, `*` before both) gets a second section,
`[Title (2)]`, so that no exclusion ever takes back what a later rule of the role gives it.
The role file's `gitlab:` asks for approvals (`[Section][2]`), an optional section
(`^[Section]`) and section default owners."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ownership_lint.codeowners.pattern import gitlab_normalize
from ownership_lint.escape import visible
from ownership_lint.generate.resolved import MappedRule, align, blocks

if TYPE_CHECKING:
    from ownership_lint.model import Role, Team


def gitlab_patterns(pattern: str) -> tuple[str, ...]:
    """GitLab patterns that together match exactly what `pattern` matches on GitHub.

    GitHub floats a pattern without a slash (or with only a trailing one) and anchors any
    other; GitLab floats every pattern without a leading `/`. A GitHub pattern whose last
    segment is not `*` also owns the subtree of a directory of that name; on GitLab only a
    trailing `/` does, hence two patterns. A trailing `/**` is a subtree on GitHub and one
    level on GitLab: it becomes `/`. A trailing `/**/` is what is inside the subdirectories
    on GitHub (as in git) and the whole subtree on GitLab: it becomes `/*/`.
    """
    segs = pattern.split("/")
    leading = segs[0] == ""
    if leading:
        segs = segs[1:]
    floating = (
        not leading and (len(segs) == 1 or (len(segs) == 2 and segs[1] == "")) and segs[0] != "**"
    )
    lead = "" if floating else "/"
    if segs[-1] == "":  # trailing slash: the subtree below
        stem = segs[:-1]
        if stem and stem[-1] == "**":
            while stem and stem[-1] == "**":
                stem = stem[:-1]
            return ("/" + "/".join(stem) + "/*/",) if stem else ("*/",)
        return (lead + "/".join(stem) + "/",)
    last = segs[-1]
    if last == "**":
        stem = segs[:-1]
        while stem and stem[-1] == "**":
            stem = stem[:-1]
        if not stem:
            return ("*",)
        return ("/" + "/".join(stem) + "/",)
    if last == "*":
        if floating:
            return ("*",)
        return ("/" + "/".join(segs),)
    base = lead + "/".join(segs)
    return (base, base + "/")


class _MinTrie:
    """Literal prefixes with numbers: the least number whose prefix overlaps a given one."""

    __slots__ = ("below", "children", "here")

    def __init__(self) -> None:
        self.children: dict[str, _MinTrie] = {}
        self.here = _NEVER  # least number at exactly this prefix
        self.below = _NEVER  # least number at this prefix or any longer one

    def add(self, prefix: tuple[str, ...], number: int) -> None:
        node = self
        node.below = min(node.below, number)
        for segment in prefix:
            child = node.children.get(segment)
            if child is None:
                child = node.children[segment] = _MinTrie()
            node = child
            node.below = min(node.below, number)
        node.here = min(node.here, number)

    def min_overlapping(self, prefix: tuple[str, ...]) -> int:
        best = self.here
        node = self
        for segment in prefix:
            child = node.children.get(segment)
            if child is None:
                return best  # nothing extends `prefix`: only its ancestors overlap
            node = child
            best = min(best, node.here)
        return min(best, node.below)


_NEVER = 1 << 62


class _ListTrie:
    """Rules by literal prefix, to list those overlapping a prefix in O(depth + answers)."""

    __slots__ = ("children", "here")

    def __init__(self) -> None:
        self.children: dict[str, _ListTrie] = {}
        self.here: list[int] = []

    def add(self, prefix: tuple[str, ...], number: int) -> None:
        node = self
        for segment in prefix:
            child = node.children.get(segment)
            if child is None:
                child = node.children[segment] = _ListTrie()
            node = child
        node.here.append(number)

    def overlapping(self, prefix: tuple[str, ...]) -> Iterator[int]:
        """Every number whose prefix is an ancestor of `prefix`, equal to it, or below it."""
        node = self
        yield from node.here
        for segment in prefix:
            child = node.children.get(segment)
            if child is None:
                return
            node = child
            yield from node.here
        stack = list(node.children.values())
        while stack:
            below = stack.pop()
            yield from below.here
            stack.extend(below.children.values())


@dataclass
class _Layer:
    role: Role
    members: list[int] = field(default_factory=list)
    exclusions: set[int] = field(default_factory=set)
    # The exclusions by literal prefix, to ask "does one before rule i overlap it?" in O(depth).
    _earliest: _MinTrie = field(default_factory=_MinTrie, init=False, repr=False)

    def exclude(self, later: Sequence[int], items: Sequence[MappedRule]) -> None:
        for x in later:
            if x not in self.exclusions:
                self.exclusions.add(x)
                self._earliest.add(items[x].prefix, x)

    def excludes_before(self, i: int, prefix: tuple[str, ...]) -> bool:
        """Whether an exclusion x < i may overlap `prefix` (one prefix extends the other)."""
        return self._earliest.min_overlapping(prefix) < i


def gitlab_layers(items: Sequence[MappedRule]) -> list[_Layer]:
    """Split each role's rules into as few sections as keep every exclusion correct.

    Rule i of role R owns the paths it matches minus those of any *later* rule of another
    role; so its section excludes those later rules. An exclusion brought by one member must
    not take paths from another member that comes after the excluded rule: such a member
    starts the role's next section.

    Two rules may overlap only when one's literal prefix extends the other's: tries of
    prefixes answer "which later rules overlap rule i" and "does this section exclude a rule
    before i that overlaps it" without comparing every pair of rules.
    """
    # Pass 1, last rule first: each rule's later overlapping rules of other roles.
    later = _ListTrie()
    excluded: list[list[int]] = [[] for _ in items]
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        if item.role is not None:
            excluded[i] = [
                j for j in later.overlapping(item.prefix) if items[j].role_id != item.role_id
            ]
        later.add(item.prefix, i)
    # Pass 2, in order: each rule joins its role's first section it does not conflict with.
    layers: list[_Layer] = []
    by_role: dict[str, list[_Layer]] = {}
    for i, item in enumerate(items):
        if item.role is None:
            continue
        mine = by_role.setdefault(item.role.id, [])
        layer = next((lay for lay in mine if not lay.excludes_before(i, item.prefix)), None)
        if layer is None:
            layer = _Layer(item.role)
            mine.append(layer)
            layers.append(layer)
        layer.members.append(i)
        layer.exclude(excluded[i], items)
    return layers


def section_names(team: Team, layers: Sequence[_Layer]) -> list[str]:
    """Each layer's section name: the role's `gitlab.section`, else its title, else its id;
    `(2)`, `(3)` for a role's further sections; unique without case (GitLab combines
    sections of the same name)."""

    folded = Counter(role.title.casefold() for role in team.roles)
    names: list[str] = []
    taken: set[str] = set()
    count: dict[str, int] = {}
    for layer in layers:
        role = layer.role
        base = role.gitlab.section if role.gitlab and role.gitlab.section else role.title
        base = visible(" ".join(base.split()))  # a section name is one line
        if not base or "[" in base or "]" in base or folded[base.casefold()] > 1:
            base = role.id
        count[role.id] = count.get(role.id, 0) + 1
        name = base if count[role.id] == 1 else f"{base} ({count[role.id]})"
        while name.casefold() in taken:
            name = f"{name} ({role.id})"
        taken.add(name.casefold())
        names.append(name)
    return names


def render_gitlab(team: Team, items: Sequence[MappedRule]) -> list[str]:
    layers = gitlab_layers(items)
    lines: list[str] = []
    for layer, name in zip(layers, section_names(team, layers), strict=True):
        role = layer.role
        handles = " ".join(role.handles())
        settings = role.gitlab
        defaults = bool(settings and settings.default_owners)
        header = ("^" if settings and settings.optional else "") + f"[{name}]"
        if settings and settings.approvals and not settings.optional:
            header += f"[{settings.approvals}]"
        if defaults:
            header += f" {handles}"
        title = visible(" ".join((role.title or role.id).split()))  # never a second line
        lines += ["", f"# role {visible(role.id)} ({title}): {handles}", header]
        excluded: dict[str, str] = {}
        for x in sorted(layer.exclusions):
            for pattern in gitlab_patterns(items[x].rule.pattern):
                excluded.setdefault(gitlab_normalize(pattern), pattern)
        seen: set[str] = set()
        for label, block in blocks([items[i] for i in layer.members]):
            rows: list[tuple[str, str]] = []
            for item in block:
                for pattern in gitlab_patterns(item.rule.pattern):
                    key = gitlab_normalize(pattern)
                    if key in seen or key in excluded:
                        continue
                    seen.add(key)
                    rows.append((pattern, "" if defaults else handles))
            if rows:
                lines.append(f"# {label.split(': ', 1)[1]}")
                lines += align(rows)
        if excluded:
            lines.append("# given by a later rule to another role, or to nobody:")
            lines += [f"!{pattern}" for pattern in excluded.values()]
    return lines
