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
    As GitLab's own parser: lines are stripped, ``#`` lines are comments, inline comments do
    not exist (every token after the pattern is an owner, as GitLab reads them). A line
    starting with ``[`` or ``^[`` and holding a ``]`` is a section header (``[Name]``,
    ``^[Name]`` optional, ``[Name][N]`` approvals, then default owners); one without ``]`` is
    an invalid header. ``!pattern`` is an exclusion.
"""

from __future__ import annotations

import re

from ownership_lint.codeowners.model import (
    CodeownersFile,
    Dialect,
    Owner,
    Problem,
    Rule,
    Section,
)

__all__ = ["CodeownersFile", "Owner", "Problem", "Rule", "Section", "parse"]

_WS = " \t\r\f\v\x00"
_RUBY_WS = " \t\r\n\f\v"
_TOKEN = re.compile("[^" + re.escape(_WS) + "]+")
_BLANK = re.compile("[" + re.escape(_WS) + "]")

# Gitlab::CodeOwners::SectionParser, with Ruby's ASCII ``\w``/``\s``/``\d``.
_SECTION_HEADER = re.compile(r"(\^)?\[(.*?)\](?:\[(\d*?)\])?(\s+[@\w_.\-/\s+]*)?", re.ASCII)
_INVALID_SECTION = re.compile(r"(\^)?\[[^\]]+?\Z", re.ASCII)


def parse(text: str, dialect: Dialect = "github") -> CodeownersFile:
    """Parse ``text``; ``dialect`` is ``"github"`` or ``"gitlab"``."""
    result = CodeownersFile(dialect=dialect)
    section: Section | None = None
    for lineno, raw in enumerate(text.split("\n"), start=1):
        line = raw[:-1] if raw.endswith("\r") else raw
        start = _skip_ws(line, 0)
        if start >= len(line) or line[start] == "#":
            continue
        if dialect == "gitlab":
            section = _gitlab_line(line, lineno, start, section, result)
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
        return problem(
            "character-range",
            "GitHub does not support '[ ]' character ranges; the line is ignored",
        )
    if "***" in pattern:
        return problem("triple-star", "'***' is not a valid pattern; the line is ignored")
    if pattern == "/":
        return problem("matches-nothing", "the pattern '/' matches nothing; the line is ignored")
    owners = _tokens(line, end, lineno, comments=True)
    index = len(result.rules)
    result.rules.append(Rule(pattern, lineno, col, end_col, owners, None, False, index))


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


def _gitlab_line(
    line: str, lineno: int, start: int, section: Section | None, result: CodeownersFile
) -> Section | None:
    # GitLab strips the line (Ruby's String#strip) before looking at it.
    stop = len(line)
    while stop > start and line[stop - 1] in _WS:
        stop -= 1
    body = line[start:stop]
    if body.startswith(("[", "^[")):
        m = _SECTION_HEADER.match(body)
        if m is not None:
            return _gitlab_section(body, m, lineno, start, result)
        if _INVALID_SECTION.match(body):
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


def _to_int(digits: str | None) -> int:
    if not digits:
        return 0
    if len(digits) > 18:  # int() refuses very long digit strings; any such count is absurd
        return 10**18
    return int(digits)


def _gitlab_section(
    body: str, m: re.Match[str], lineno: int, start: int, result: CodeownersFile
) -> Section:
    optional = m.group(1) is not None
    name = m.group(2)
    approvals = _to_int(m.group(3))
    defaults: tuple[Owner, ...] = ()
    if m.group(4) is not None:
        g_start = start + m.start(4)
        defaults = tuple(
            Owner(o.text, lineno, o.column + g_start)
            for o in _tokens(m.group(4), 0, lineno, comments=False)
        )
    # Same-named sections (case-insensitive) combine; the first header gives the name.
    for earlier in result.sections:
        if earlier.key == name.casefold():
            name = earlier.name
            break
    sec = Section(name, lineno, start + 1, optional, approvals, defaults)
    result.sections.append(sec)
    end_col = start + m.end(2) + 2
    if name == "":
        result.problems.append(
            Problem(lineno, start + 1, end_col, "empty-section-name", "section name is empty")
        )
    if optional and approvals > 0:
        result.problems.append(
            Problem(
                lineno,
                start + 1,
                start + m.end() + 1,
                "optional-with-approvals",
                "an optional section cannot require approvals",
            )
        )
    return sec
