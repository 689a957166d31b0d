"""Brackets in paths (Next.js and Nuxt dynamic routes such as `app/[slug]/page.tsx`).

GitHub rejects a line with unescaped brackets, with the error "both `[` and `]` must be
escaped with a `\\`" (as reported in open-sauced/pizza-cli#100), and matches `\\[slug\\]`
literally. Some other tools match unescaped brackets literally: we do not follow them. On
GitLab a line starting with a bracket glob is a section header (OL313).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ownership_lint.api import Report
from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.codeowners import Matcher, parse
from ownership_lint.codeowners.parse import escape_brackets

from .conftest import Run, write_files

ROUTE = "app/[slug]/page.tsx"


def test_escaped_brackets_match_literally_and_unescaped_lines_are_skipped() -> None:
    m = Matcher(parse("* @all\n/app/\\[slug\\]/ @routes\n/app/[id]/ @never\n"))
    assert m.owners(ROUTE) == ("@routes",)
    assert m.owners("app/s/page.tsx") == ("@all",)  # no character class either
    assert m.owners("app/[id]/x") == ("@all",)  # the rejected line owns nothing


def test_escape_brackets_keeps_what_is_already_escaped() -> None:
    assert escape_brackets("/app/[slug]/") == "/app/\\[slug\\]/"
    assert escape_brackets("/a/\\[x\\]/[y]") == "/a/\\[x\\]/\\[y\\]"
    assert escape_brackets("a\\ b[") == "a\\ b\\["


def _ol301(findings: list[dict[str, object]]) -> dict[str, object]:
    (found,) = [f for f in findings if f["code"] == "OL301"]
    return found


def test_codeowners_lint_gives_githubs_reason_and_the_escaped_pattern(
    run: Run, tmp_path: Path
) -> None:
    write_files(tmp_path, {".github/CODEOWNERS": "* @all\n/app/[slug]/ @routes\n"})
    code, out, _ = run(
        "codeowners", "lint", "--root", str(tmp_path), "--paths-from", _paths(tmp_path),
        "--format", "json",
    )  # fmt: skip
    assert code == 1
    found = _ol301(json.loads(out)["findings"])
    assert "both '[' and ']' must be escaped" in str(found["message"])
    assert "'/app/\\[slug\\]/'" in str(found["hint"])


def test_the_path_mapping_gets_the_same_message(
    example_team: Callable[..., Report],
) -> None:
    mapping = "/alerts/  sre\n/.github/workflows/  devops\n/app/[slug]/  sre\n"
    report = example_team({"team/path-ownership": mapping})
    (found,) = [f for f in report.findings if f.code == "OL301"]
    assert (found.location.path, found.location.line) == ("team/path-ownership", 3)
    assert "must be escaped" in found.message
    assert "'/app/\\[slug\\]/'" in found.hint


def test_gitlab_bracket_glob_line_warns_that_it_became_a_section(run: Run, tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            **BASE_TEAM,
            ".gitlab/CODEOWNERS": (
                "* @sre-sam\n[Aa]pp/ @dev-dana\n*.md @sre-sam\n[Docs] @dev-dana\n"
            ),
        },
    )
    code, out, _ = run(
        "codeowners", "lint", "--root", str(tmp_path), "--paths-from", _paths(tmp_path),
        "--format", "json",
    )  # fmt: skip
    assert code == 1  # 'pp/' is no owner (OL304): GitLab's invalid_section_owner_format
    findings = json.loads(out)["findings"]
    ol313 = [(f["line"], f["severity"]) for f in findings if f["code"] == "OL313"]
    assert ol313 == [(2, "warning")]  # not the real header on line 4
    (message,) = [f["message"] for f in findings if f["code"] == "OL313"]
    assert "section 'Aa'" in message


def _paths(root: Path) -> str:
    listing = root / "files.txt"
    listing.write_text(f"{ROUTE}\nREADME.md\n")
    return str(listing)
