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


def test_markdown_text_renders_entity_references_as_written() -> None:
    assert escape.markdown_text("&lt;script&gt; &#60; a & b") == "\\&lt;script\\&gt; &\\#60; a & b"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. one", "1\\. one"),
        ("12) twelve", "12\\) twelve"),
        ("=== underline", "\\=== underline"),
        ("    indented", "&#32;&#32;&#32;&#32;indented"),
        ("plain - text", "plain - text"),
    ],
)
def test_markdown_text_at_a_line_start_starts_no_block(value: str, shown: str) -> None:
    assert escape.markdown_text(value, line_start=True) == shown
    assert escape.markdown_text(value) == value


@pytest.mark.parametrize("value", [v for v in HOSTILE if "\udc80" not in v] + ['"\\"'])
def test_yaml_quoted_reads_back_as_the_value_on_one_line(value: str) -> None:
    from ownership_lint.loading.yaml_doc import load_yaml

    quoted = escape.yaml_quoted(value)
    assert escape.is_visible(quoted)
    doc, problems = load_yaml(f"key: {quoted}\n".encode(), "x.yaml")
    assert problems == [] and doc is not None and doc.data == {"key": value}
