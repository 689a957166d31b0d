"""Each sink's escaping: hostile values stay on one line and carry no markup of their own."""

from __future__ import annotations

import xml.dom.minidom

import pytest

from ownership_lint import escape

HOSTILE = [
    "a\nb",
    "x\r\n::error file=README.md,line=1::forged",
    "\x1b[31mred\x1b[0m",
    "line\u2028sep\u2029para\x85nel",
    "trojan\u202esource\u2066",
    "bytes\udcff\udc80",
    "nul\x00del\x7f\ufffe",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_visible_is_one_printable_line(value: str) -> None:
    shown = escape.visible(value)
    assert escape.is_visible(shown)
    assert shown.isprintable()
    shown.encode("utf-8")  # surrogates from undecodable names are gone


def test_visible_names_what_it_escaped() -> None:
    assert escape.visible("a\nb\x1b[0m\u202e") == "a\\nb\\x1b[0m\\u202e"
    assert escape.visible("plain café 👩\u200d💻") == "plain café 👩\u200d💻"


def test_markdown_text_has_no_markup() -> None:
    rendered = escape.markdown_text("<script>alert(1)</script> [x](javascript:alert(1)) *a* | #")
    assert "<" not in rendered.replace("\\<", "")
    assert "[" not in rendered.replace("\\[", "")
    assert "|" not in rendered.replace("\\|", "")
    assert escape.markdown_text("Performance & reliability, CI/CD") == (
        "Performance & reliability, CI/CD"
    )


def test_markdown_code_spans_survive_backticks_and_tables() -> None:
    assert escape.markdown_code("a`b") == "``a`b``"
    assert escape.markdown_code("`x") == "`` `x ``"
    assert escape.markdown_code("a|b", in_table=True) == "`a\\|b`"
    assert "\n" not in escape.markdown_code("x\n## All checks passed")


@pytest.mark.parametrize("value", [*HOSTILE, '"><svg onload=alert(1)>', "\x01"])
def test_html_text_is_well_formed_xml(value: str) -> None:
    document = f'<svg xmlns="http://www.w3.org/2000/svg"><title a="{escape.html_text(value)}">'
    document += f"{escape.html_text(value)}</title></svg>"
    parsed = xml.dom.minidom.parseString(document.encode("utf-8"))
    assert len(parsed.getElementsByTagName("title")) == 1


def test_workflow_command_values_cannot_end_the_command() -> None:
    assert escape.workflow_data("a\r\n::b%") == "a%0D%0A::b%25"
    assert escape.workflow_property("x,y::z\n") == "x%2Cy%3A%3Az%0A"
