"""Where the ``codeowners`` PyPI package (our test oracle) and GitHub differ.

No file of the corpus hits any of these (the corpus tests assert zero disagreements on every
GitHub corpus file); each case is pinned here with both answers and the one GitHub gives.
"""

from __future__ import annotations

import pytest

from ownership_lint.codeowners import Matcher, parse

co = pytest.importorskip("codeowners")


def _both(text: str, path: str) -> tuple[tuple[str, ...], list[str]]:
    ours = Matcher(parse(text)).owners(path)
    theirs = [o[1] for o in co.CodeOwners(text).of(path)]
    return ours, theirs


def test_character_ranges() -> None:
    # GitHub documents that `[ ]` ranges do not work and flags the line as an error
    # (it is skipped); the oracle supports ranges. GitHub: unowned.
    assert _both("*.[ch] @b\n", "x.c") == ((), ["@b"])


def test_inline_comment() -> None:
    # Text after ` #` is a comment: GitHub requests @x only; the oracle also reads @y.
    assert _both("/a @x # owned by @y\n", "a") == (("@x",), ["@x", "@y"])


def test_escaped_leading_hash() -> None:
    # GitHub documents that escaping a leading `#` does not work: the line is skipped.
    assert _both("\\#foo @x\n", "#foo") == ((), ["@x"])


def test_negation() -> None:
    # `!` negation is not supported by GitHub (the line is skipped); the oracle reads the
    # pattern as the literal name `!foo`.
    assert _both("!foo @x\n", "!foo") == ((), ["@x"])


def test_owner_tokens_are_kept_as_written() -> None:
    # The oracle keeps tokens that look like owners and silently drops others (`Lok`);
    # we keep every token as written and leave judging them to owner_kind/the linter.
    ours, theirs = _both("/a @x Lok @y,\n", "a")
    assert ours == ("@x", "Lok", "@y,")
    assert theirs == ["@x", "@y,"]
