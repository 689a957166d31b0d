"""Parse CODEOWNERS text (GitHub or GitLab dialect) into rules with positions.

The parser never raises, whatever the input. It does not judge owners (they may be role ids
in one use); :func:`ownership_lint.codeowners.owners.owner_kind` does that. Lines the platform
rejects become :class:`Problem` entries and no rule.

GitHub
    ``#`` at the start of a line is a comment; after whitespace, a token starting with an
    unescaped ``#`` starts an inline comment. A pattern ends at the first unescaped space or
    tab (``\\ `` is an escaped space). Rejected, as GitHub documents: ``!`` negation, ``[ ]``
    character ranges, a leading ``\\#``; also ``***`` and the pattern ``/`` (matches nothing).

GitLab
    As GitLab's own parser (``ee/lib/gitlab/code_owners/section_parser.rb`` and ``file.rb``):
    lines are stripped, ``#`` lines are comments, inline comments do not exist (every token
    after the pattern is an owner, as GitLab reads them). A line starting with ``[`` or ``^[``
    and holding a ``]`` is a section header (``[Name]``, ``^[Name]`` optional, ``[Name][N]``
    approvals, then default owners, with or without a space before them), even when it was
    meant as a pattern (``[ab]/*``); one without ``]`` is an invalid header and is skipped.
    Headers of the same name (without case) open the same section; ``[codeowners]`` re-opens
    the default section. ``!pattern`` is an exclusion.

One cohesive algorithm (both dialects' line grammar), kept in one module on purpose.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager

from ownership_lint.codeowners.model import (
    DEFAULT_SECTION,
    CodeownersFile,
    Dialect,
    Owner,
    Problem,
    Rule,
    Section,
)
from ownership_lint.codeowners.owners import owner_kind

__all__ = ["CodeownersFile", "Owner", "Problem", "Rule", "Section", "parse"]

_WS = " \t\r\f\v\x00"
_RUBY_WS = " \t\r\n\f\v"
_TOKEN = re.compile("[^" + re.escape(_WS) + "]+")
_BLANK = re.compile("[" + re.escape(_WS) + "]")

# Gitlab::CodeOwners::SectionParser (ee/lib/gitlab/code_owners/section_parser.rb, the
# version with STRICT_HEADER_REGEX), with Ruby's ASCII ``\w``/``\s``/``\d``. HEADER_REGEX
# (line 21) joins REGEX[:bol, :optional, :name, :approvals, :default_owners] (lines 9-13):
# approvals are ``[\s\d]*`` between brackets, default owners follow with or without space.
_SECTION_HEADER = re.compile(r"(\^)?\[(.*?)\](?:\[([\s\d]*)\])?(\s*[@\w.\-/\s]*)?", re.ASCII)
# STRICT_HEADER_REGEX (lines 14-16, 22-24): a header GitLab accepts without reporting
# invalid_section_format (checked only when the header has no other error, line 92).
_STRICT_HEADER = re.compile(r"\^?\[[^\]]+\](?:\[\d+\])?(?:\s+[@\w.\-/\s]+)?", re.ASCII)
# STRING_INTEGER_REGEX (line 26): what the approvals must be (line 112).
_STRING_INTEGER = re.compile(r"\s*\d+\s*", re.ASCII)
# Characters after a header's last ``]`` that can start its default owners (or another
# bracket, a broken header): anything else reads as the rest of a pattern.
_AFTER_HEADER = frozenset(" \t\r\n\f\v@[]")


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many long-lived objects that form
    no garbage cycles (rules, owners, the index): otherwise it walks all of them again and
    again, up to half of the time on a large file or tree."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse(text: str, dialect: Dialect = "github") -> CodeownersFile:
    """Parse ``text``; ``dialect`` is ``"github"`` or ``"gitlab"``."""
    with paused_gc():
        return _parse(text, dialect)


def _parse(text: str, dialect: Dialect) -> CodeownersFile:
    result = CodeownersFile(dialect=dialect)
    section: Section | None = None
    names = _SectionNames()
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw[:-1] if raw.endswith("\r") else raw
        start = _skip_ws(line, 0)
        if start >= len(line) or line[start] == "#":
            continue
        if dialect == "gitlab":
            section = _gitlab_line(line, lineno, start, section, result, names)
        else:
            _github_line(line, lineno, start, result)
    return result


def _skip_ws(line: str, i: int, ws: str = _WS) -> int:
    n = len(line)
    while i < n and line[i] in ws:
        i += 1
    return i


def _tokens(line: str, i: int, lineno: int, comments: bool) -> tuple[Owner, ...]:
    """Whitespace-separated tokens from ``i``; with ``comments``, stop at a ``#`` token."""
    out: list[Owner] = []
    for m in _TOKEN.finditer(line, i):
        text = m.group()
        if comments and text[0] == "#":
            break
        out.append(Owner(text, lineno, m.start() + 1))
    return tuple(out)


def _escaped_token_end(line: str, i: int) -> int:
    """End of a token where ``\\`` escapes the next character (escaped blanks included)."""
    n = len(line)
    if "\\" not in line:
        m = _BLANK.search(line, i)
        return n if m is None else m.start()
    while i < n:
        c = line[i]
        if c == "\\":
            i += 2
            continue
        if c in _WS:
            break
        i += 1
    return min(i, n)


def _github_line(line: str, lineno: int, start: int, result: CodeownersFile) -> None:
    end = _escaped_token_end(line, start)
    pattern = line[start:end]
    col, end_col = start + 1, end + 1

    def problem(kind: str, message: str) -> None:
        result.problems.append(Problem(lineno, col, end_col, kind, message))

    if pattern.startswith("!"):
        return problem("negation", "GitHub does not support '!' negation; the line is ignored")
    if pattern.startswith("\\#"):
        return problem(
            "escaped-hash",
            "GitHub does not support escaping a leading '#' with '\\'; the line is ignored",
        )
    if _has_unescaped(pattern, "["):
        # GitHub's own error for such a line; it matches `\\[slug\\]` literally.
        result.problems.append(
            Problem(
                lineno,
                col,
                end_col,
                "character-range",
                "GitHub rejects unescaped brackets (both '[' and ']' must be escaped with a "
                "'\\'); the line is ignored",
                f"for literal brackets (a route such as app/[slug]/) write "
                f"'{escape_brackets(pattern)}'; GitHub has no character ranges: "
                "write one line per name instead",
            )
        )
        return None
    if "***" in pattern:
        return problem("triple-star", "'***' is not a valid pattern; the line is ignored")
    if pattern == "/":
        return problem("matches-nothing", "the pattern '/' matches nothing; the line is ignored")
    owners = _tokens(line, end, lineno, comments=True)
    index = len(result.rules)
    result.rules.append(Rule(pattern, lineno, col, end_col, owners, None, False, index))


def escape_brackets(pattern: str) -> str:
    """``pattern`` with every unescaped ``[`` and ``]`` escaped: the brackets as literal text."""
    out: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append("\\" + c if c in "[]" else c)
        i += 1
    return "".join(out)


def _has_unescaped(pattern: str, ch: str) -> bool:
    if ch not in pattern:
        return False
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == ch:
            return True
        i += 1
    return False


class _SectionNames:
    """GitLab's section names in the order first seen, the default section first.

    ``SectionParser#find_section_name`` (section_parser.rb lines 83-89): until a section other
    than the default exists, a header's name is taken as written; after that, the first
    existing name equal without case, else the name as written. So ``[codeowners]`` (any
    case, once another section exists) re-opens the default section; ``[CODEOWNERS]`` as the
    very first header opens a section of its own (a quirk of that method, kept).
    """

    def __init__(self) -> None:
        self._names = {DEFAULT_SECTION}
        self._first = {DEFAULT_SECTION.casefold(): DEFAULT_SECTION}

    def resolve(self, written: str) -> str:
        alone = len(self._names) == 1  # only the default section so far
        name = written if alone else self._first.get(written.casefold(), written)
        self._names.add(name)
        self._first.setdefault(name.casefold(), name)
        return name


def _gitlab_line(
    line: str,
    lineno: int,
    start: int,
    section: Section | None,
    result: CodeownersFile,
    names: _SectionNames,
) -> Section | None:
    # GitLab strips the line (Ruby's String#strip) before looking at it.
    stop = len(line)
    while stop > start and line[stop - 1] in _WS:
        stop -= 1
    body = line[start:stop]
    if body.startswith(("[", "^[")):
        m = _SECTION_HEADER.match(body)
        if m is not None:
            return _gitlab_section(body, m, lineno, start, result, names)
        # INVALID_SECTION_REGEX (line 25): any other line starting so is skipped (file.rb,
        # #get_parsed_data: `elsif !section_parser.unparsable_section_header?`).
        result.problems.append(
            Problem(
                lineno,
                start + 1,
                stop + 1,
                "invalid-section",
                "section header without a closing ']'; the line is ignored",
            )
        )
        return section
    # Pattern: up to the first whitespace not preceded by a backslash (GitLab's split).
    j = start
    while j < stop and not (line[j] in _RUBY_WS and (j == start or line[j - 1] != "\\")):
        j += 1
    negated = line[start] == "!"
    p_start = start + 1 if negated else start
    pattern = line[p_start:j]
    owners = _tokens(line[:stop], j, lineno, comments=False)
    if negated and pattern == "":
        result.problems.append(
            Problem(
                lineno,
                start + 1,
                j + 1,
                "empty-exclusion",
                "'!' without a pattern: GitLab reads it as excluding every file of the section",
            )
        )
    index = len(result.rules)
    result.rules.append(Rule(pattern, lineno, p_start + 1, j + 1, owners, section, negated, index))
    return section


def _ruby_to_i(text: str | None) -> int:
    """Ruby's ``String#to_i`` on ``[\\s\\d]*``: leading blanks skipped, then the digits."""
    if not text:
        return 0
    digits = text.lstrip(_RUBY_WS)
    end = 0
    while end < len(digits) and digits[end].isdigit():
        end += 1
    if end > 18:  # int() refuses very long digit strings; any such count is absurd
        return 10**18
    return int(digits[:end]) if end else 0


def _gitlab_section(
    body: str,
    m: re.Match[str],
    lineno: int,
    start: int,
    result: CodeownersFile,
    names: _SectionNames,
) -> Section:
    optional = m.group(1) is not None
    written = m.group(2)
    raw_approvals = m.group(3)
    approvals = _ruby_to_i(raw_approvals)
    g_start = start + m.start(4)
    defaults = tuple(
        Owner(o.text, lineno, o.column + g_start)
        for o in _tokens(m.group(4) or "", 0, lineno, comments=False)
    )
    after = m.start(4)
    pattern_like = after < len(body) and body[after] not in _AFTER_HEADER
    sec = Section(
        names.resolve(written), lineno, start + 1, optional, approvals, defaults, pattern_like
    )
    result.sections.append(sec)
    whole = (lineno, start + 1, start + len(body) + 1)
    # SectionParser#validate_section (lines 72-81), in its order.
    errors = len(result.problems)
    if not written.strip():
        end_col = start + m.end(2) + 2
        result.problems.append(
            Problem(lineno, start + 1, end_col, "empty-section-name", "section name is empty")
        )
    if raw_approvals is not None and not _STRING_INTEGER.fullmatch(raw_approvals):
        result.problems.append(
            Problem(
                *whole,
                "invalid-approvals",
                f"the approval count '[{raw_approvals}]' is not a whole number: GitLab reports "
                f"the header as invalid and reads it as {approvals}",
            )
        )
    elif optional and approvals > 0:
        result.problems.append(
            Problem(
                lineno,
                start + 1,
                start + m.end(3) + 2 if raw_approvals is not None else start + m.end() + 1,
                "optional-with-approvals",
                "an optional section cannot require approvals",
            )
        )
    # An owner GitLab does not recognise is its invalid_section_owner_format (line 79; our
    # malformed-owner rule reports it); only a header without any other error is held to
    # the strict form (line 92).
    bad_owner = any(owner_kind(o.text, "gitlab") is None for o in defaults)
    if len(result.problems) == errors and not bad_owner and not _STRICT_HEADER.fullmatch(body):
        result.problems.append(
            Problem(
                *whole,
                "malformed-section",
                f"GitLab reports this section header as invalid (it reads it as section "
                f"'{sec.name}'): write '[Name]', '[Name][N]' or '^[Name]', then a space and "
                "the default owners",
            )
        )
    return sec
