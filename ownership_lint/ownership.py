"""Who owns what, worked out from the team model: what rules and generators both need.

The literal prefix of a pattern (the directory every path it matches lies in), whether two
patterns may overlap, and which responsibilities' listed paths a pattern overlaps, per role.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ownership_lint.codeowners.pattern import compile_pattern
from ownership_lint.model import Team

# A pattern with no wildcard, no escape and no empty segment.
LITERAL = re.compile(r"/?[^*?\\\[/]+(?:/[^*?\\\[/]+)*/?")


@lru_cache(maxsize=65536)
def literal_prefix(pattern: str) -> tuple[str, ...]:
    """The literal leading segments every path a (GitHub) pattern matches starts with."""
    if LITERAL.fullmatch(pattern):
        body = pattern.strip("/")
        # GitHub floats a pattern with no slash but a trailing one.
        return tuple(body.split("/")) if "/" in pattern.rstrip("/") else ()
    return compile_pattern(pattern, "github").anchored_prefix


def may_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """False only when two patterns with these literal prefixes cannot match a common path."""
    return all(x == y for x, y in zip(a, b, strict=False))


class PathCoverage:
    """Which responsibilities' listed paths overlap a pattern, per owning role, in O(depth).

    Two literal prefixes overlap when one is a prefix of the other; so for each
    responsibility keep its paths' prefixes and every ancestor of them.
    """

    def __init__(self, team: Team) -> None:
        owners = {
            ident: [ref.id for ref in refs] for ident, refs in team.responsibility_owners().items()
        }
        self._by_role: dict[str, list[tuple[str, set[tuple[str, ...]], set[tuple[str, ...]]]]] = {}
        for resp in team.responsibilities:
            if not resp.paths:
                continue
            exact: set[tuple[str, ...]] = set()
            below: set[tuple[str, ...]] = set()
            for ref in resp.paths:
                prefix = literal_prefix(ref.id)
                exact.add(prefix)
                below.update(prefix[:k] for k in range(len(prefix) + 1))
            # Every role that claims it (two owners is OL102's finding, not this one's).
            for role_id in owners.get(resp.id, ()):
                self._by_role.setdefault(role_id, []).append((resp.id, exact, below))

    def served(self, role_id: str, prefix: tuple[str, ...]) -> tuple[str, ...]:
        """The role's responsibilities with a listed path that may overlap `prefix`."""
        ancestors = [prefix[:k] for k in range(len(prefix) + 1)]
        return tuple(
            resp_id
            for resp_id, exact, below in self._by_role.get(role_id, ())
            if prefix in below or any(a in exact for a in ancestors)
        )
