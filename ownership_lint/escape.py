"""Every value from the linted repository is hostile: escape it for the place it goes.

One function per sink. Each keeps a value on one line and shows the characters that could
break out of it (line breaks, terminal escape sequences, bidirectional overrides, bytes that
were not UTF-8) as visible escapes, then neutralises what the sink itself interprets.

Terminal text is also a CI log: GitHub's runner reads a line as a workflow command when it
starts with `::` (after spaces) or holds `##[` anywhere, on standard output and standard
error alike. `visible` defuses both; JSON documents get the same through `json_document`.
"""

from __future__ import annotations

import re

# Bidirectional controls reorder what a reader sees ("Trojan Source"); the rest of the
# format characters (zero-width joiners in emoji...) are harmless and kept.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Control (Cc: C0, DEL, C1 incl. NEL), line and paragraph separators, surrogates (the
# undecodable bytes of a file name read with surrogateescape), the two noncharacters XML
# forbids, and the bidi controls.
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff" + "".join(_BIDI) + "]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _show(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _one_line(text: str) -> str:
    return _UNSAFE.sub(_show, text)


# The two ways a line of a GitHub Actions log becomes a workflow command: `::name ...::` at
# its start (leading whitespace is skipped), and the older `##[name ...]` anywhere in it.
_LEADING_COMMAND = re.compile(r"^(\s*):(?=:)")


def visible(text: str) -> str:
    """`text` on one line, safe for a terminal or a log: control characters, line breaks,
    bidi controls and undecodable bytes are shown as `\\n`, `\\x1b`, `\\u202e` ...; a
    leading `::` and any `##[` (GitHub workflow commands) as `\\x3a:` and `##\\x5b`."""
    shown = _one_line(text).replace("##[", "##\\x5b")
    return _LEADING_COMMAND.sub(r"\1\\x3a", shown)


def is_visible(text: str) -> bool:
    """True when `visible` leaves `text` as it is."""
    return visible(text) == text


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as `text`, on one line: `visible`'s escapes
    (`\\n`, `\\x85`, `\\u2028` ...) are YAML's own, and YAML would fold a raw line break."""
    return '"' + visible(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'


# Characters that start Markdown (and GitHub-flavoured Markdown) syntax inside a line: code
# spans, emphasis, links and images, raw HTML, table cells, heading closers. Backslash
# escapes render them as themselves.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#~])")
# An entity reference (`&lt;`) would render as the character it names.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What starts a block at the beginning of a line or list item: a list item (`-`, `+`, `1.`,
# `1)`), a setext underline (`=`), indented code (leading spaces).
_BLOCK_MARKER = re.compile(r"[-+=]|[0-9]{1,9}(?=[.)])")


def markdown_text(text: str, *, line_start: bool = False) -> str:
    """Inline Markdown that renders as `text`, on one line, with no markup of its own.
    `line_start`: the text begins a line or a list item, where it could also start a block."""
    shown = _ENTITY.sub(r"\\&", _MARKDOWN.sub(r"\\\1", _one_line(text)))
    if not line_start:
        return shown
    body = shown.lstrip(" ")
    if len(body) < len(shown):
        return "&#32;" * (len(shown) - len(body)) + body
    marker = _BLOCK_MARKER.match(body)
    if marker is None:
        return body
    if marker.group() in "-+=":
        return "\\" + body
    end = marker.end()
    return body[:end] + "\\" + body[end:]


def markdown_code(text: str, *, in_table: bool = False) -> str:
    """A code span showing `text` literally (one line); `in_table` also escapes `|`, which
    GitHub's tables read as a cell border even inside a code span."""
    shown = _one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") or not shown.strip() else ""
    if in_table:
        shown = shown.replace("|", "\\|")
    return f"{fence}{pad}{shown}{pad}{fence}"


def html_text(text: str) -> str:
    """Text for HTML or XML (SVG) content and quoted attributes: markup escaped, and no
    character that XML 1.0 forbids (control characters are shown as escapes)."""
    import html  # documents only: keep it off the check path

    return html.escape(_one_line(text), quote=True)


_SURROGATE = re.compile("[\ud800-\udfff]")


def workflow_data(text: str) -> str:
    """The message part of a GitHub Actions workflow command (`::error ...::DATA`). Bytes of
    a file name that were not UTF-8 (lone surrogates) cannot be written: shown as `\\udcff`."""
    text = _SURROGATE.sub(_show, text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value of a workflow command (`file=VALUE,title=VALUE`)."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_inert(text: str) -> str:
    """`text` (lines for a GitHub Actions log) between `::stop-commands::TOKEN` and
    `::TOKEN::`: the runner reads no line in between as a workflow command. The token is a
    digest of `text`, so the output is deterministic, and no content can hold the token that
    ends the block: it would have to contain its own digest."""
    import hashlib  # only the github format needs it: keep it off the check path

    if not text:
        return ""
    body = text if text.endswith("\n") else text + "\n"
    token = hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    return f"::stop-commands::{token}\n{body}::{token}::\n"


_JSON_UNSAFE = re.compile("[\ud800-\udfff]|(?<=##)\\[")


def json_document(dumped: str) -> str:
    """The output of `json.dumps`, safe to write as UTF-8 (with `ensure_ascii=False` too) and to
    print into a CI log: lone surrogates (bytes of a file name that were not UTF-8, read with
    surrogateescape) and the `[` of `##[` become `\\uXXXX` escapes inside their strings.
    What a JSON parser reads back is unchanged."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
