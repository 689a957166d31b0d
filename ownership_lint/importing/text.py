"""What the importers share: ids from free text, and YAML scalars nothing can misread."""

from __future__ import annotations

import re
import unicodedata

from ownership_lint.escape import is_visible, yaml_quoted

_PLAIN = re.compile(r"[A-Za-z\u00c0-\uffff][^:#\n\"'`{}\[\]]*")
MAX_ID = 48
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
# Russian (and the few Ukrainian and Belarusian letters) to Latin, for ids: ids are ASCII.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g w".split(),  # noqa: E501, SIM905
        strict=True,
    )
)


def slug(text: str) -> str:
    """An id from free text: ASCII lowercase words joined by hyphens (Cyrillic transliterated)."""
    out = []
    for ch in unicodedata.normalize("NFKD", text.casefold()):
        if ch in _CYRILLIC:
            out.append(_CYRILLIC[ch] if _CYRILLIC[ch] != "-" else "")
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        elif unicodedata.category(ch) == "Mn" or ch in "'\u2019":
            continue
        else:
            out.append(" ")
    words = "".join(out).split()
    result = "-".join(words)
    if not result or not result[0].isalpha():
        result = "x-" + result if result else ""
    # Ids name files (roles/<id>.yaml): keep them well inside any file-name limit.
    return result[:MAX_ID].rstrip("-")


def yaml_scalar(text: str, *, flow: bool = False) -> str:
    """A YAML scalar that reads back as `text`: plain when nothing can misread it, else
    double-quoted, line breaks, controls and bidirectional controls as escapes.
    `flow`: the scalar goes inside `[...]` or `{...}`, where `,` and `?` mean something too."""
    if (
        _PLAIN.fullmatch(text)
        and not (flow and ("," in text or "?" in text))
        and is_visible(text)
        and "\ufeff" not in text
        and text.casefold() not in _YAML_WORDS
        and text == text.strip()
        and " #" not in text
        and text[0] not in "&*!|>%@?-"
    ):
        return text
    return yaml_quoted(text)
