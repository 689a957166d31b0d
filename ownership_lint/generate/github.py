"""The GitHub flavour: the mapping's rules in the mapping's order (right for "last match wins"
by definition: reordering could only change who owns what), each block of rules under a
comment naming its role and the responsibilities it serves. `dir/**` is written `/dir/`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ownership_lint.generate.resolved import MappedRule, align, blocks

_WILD = re.compile(r"[*?\\\[]")


def github_pattern(pattern: str) -> str:
    """The mapping pattern as written, but `dir/**` as `/dir/` (the same paths on GitHub)."""
    if pattern.endswith("/**"):
        stem = pattern[:-3].strip("/")
        if stem and not _WILD.search(stem):
            return f"/{stem}/"
    return pattern


def render_github(items: Sequence[MappedRule], comments: bool = True) -> list[str]:
    lines: list[str] = []
    for label, block in blocks(items):
        lines += ["", f"# {label}"] if comments else []
        lines += align([(github_pattern(i.rule.pattern), " ".join(i.handles)) for i in block])
    return lines
