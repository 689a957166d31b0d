"""Did-you-mean suggestions for misspelt keys, ids and rule codes."""

from __future__ import annotations

import re
from collections.abc import Iterable

_CODE = re.compile(r"OL\d+", re.IGNORECASE)


def closest(word: str, candidates: Iterable[str]) -> str | None:
    import difflib  # only when there is something to suggest: not on a clean run's path

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _one_edit_apart(a: str, b: str) -> bool:
    """True when one insertion, deletion, substitution or swap of neighbours turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """'did you mean 'x'?' or an empty string.

    A rule code is only ever one typo from another (OL999 is as near OL309 as OL009, which
    says nothing): a code gets the codes one edit away, ids and names the closest by
    similarity.
    """
    words = list(candidates)
    if _CODE.fullmatch(word):
        near = [c for c in words if _CODE.fullmatch(c) and _one_edit_apart(word.upper(), c)]
        if not near:
            return ""
        if len(near) == 1:
            return f"did you mean '{near[0]}'?"
        return "did you mean " + " or ".join(f"'{c}'" for c in near[:3]) + "?"
    match = closest(word, (c for c in words if not _CODE.fullmatch(c)))
    return f"did you mean '{match}'?" if match else ""
