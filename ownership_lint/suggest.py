"""Did-you-mean suggestions for misspelt keys and ids."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str]) -> str | None:
    import difflib  # only when there is something to suggest: not on a clean run's path

    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """'did you mean 'x'?' or an empty string."""
    match = closest(word, candidates)
    return f"did you mean '{match}'?" if match else ""
