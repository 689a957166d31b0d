"""Markdown that GitHub renders (the job summary, `diff --format markdown` for a pull-request
comment) quotes file names and messages from the linted repository: no value may end its
table row, start a heading (a fake "All checks passed"), or open HTML (`<details>`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import Run, commit_all, git, write_files

FAKE = "\n## :white_check_mark: All checks passed\n<details><summary>x</summary>\n"
HOSTILE = [f"a`b{FAKE}", f"c|d\r{FAKE}\r", f"``{FAKE}`"]
ROLE = "team/roles/sre.yaml"


def without_code_spans(line: str) -> str:
    """`line` with its code spans (a run of n backticks up to the next run of exactly n)
    removed: inside them Markdown renders everything literally."""
    out, rest = [], line
    while (match := re.search(r"`+", rest)) is not None:
        fence = match.group()
        close = re.search(rf"(?<!`){fence}(?!`)", rest[match.end() :])
        if close is None:
            break
        out.append(rest[: match.start()])
        rest = rest[match.end() + close.end() :]
    return "".join(out) + rest


def assert_inert(markdown: str, headings: int, columns: int) -> list[str]:
    """Only the document's own headings; every table row has its columns; no raw HTML and
    no Markdown markup outside code spans. Returns the table rows."""
    assert "\r" not in markdown  # GitHub's Markdown reads a lone \r as a line break
    lines = markdown.split("\n")
    assert len([line for line in lines if line.lstrip().startswith("#")]) == headings
    rows = [line for line in lines if line.startswith("|")]
    for line in lines:
        text = without_code_spans(line)
        assert not re.search(r"(?<!\\)<", text), line
        if line.startswith("|"):
            assert len(re.findall(r"(?<!\\)\|", text)) == columns + 1, line
    return rows


@pytest.fixture
def summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(path))
    return path


def test_job_summary_rows_hold_hostile_file_names_and_messages(
    run: Run, tmp_path: Path, summary: Path
) -> None:
    root = tmp_path / "repo"
    keys = "".join(f"{json.dumps(value)}: 1\n" for value in HOSTILE)
    write_files(root, {**BASE_TEAM, ROLE: BASE_TEAM[ROLE] + keys})
    write_files(root, {f"team/{value}": "" for value in HOSTILE})
    _, out, _ = run("check", "--root", str(root), "--format", "json")
    findings = json.loads(out)["findings"]
    summary.unlink()
    run("check", "--root", str(root), "--format", "github")
    rows = assert_inert(summary.read_text(), headings=1, columns=4)
    assert len(rows) == 2 + len(findings)  # the header, the rule, one row per finding
    assert summary.read_text().startswith("## :x: ownership-lint\n")


def test_diff_markdown_holds_hostile_file_names(run: Run, tmp_path: Path) -> None:
    root = write_files(tmp_path, BASE_TEAM)
    write_files(root, {f"alerts/{value}": "" for value in HOSTILE})
    commit_all(root)
    # The alerts change owner (a table of moves, with examples); new files nobody owns.
    mapping = BASE_TEAM["team/path-ownership"].replace(
        "/alerts/             sre", "/alerts/ devops"
    )
    write_files(root, {"team/path-ownership": mapping})
    write_files(root, {value: "" for value in HOSTILE})
    git(root, "add", "-A")
    code, out, _ = run("diff", "--root", str(root), "--base", "HEAD", "--format", "markdown")
    assert code == 0
    assert "new files have no owner" in out and "files change owner" in out
    rows = assert_inert(out, headings=1, columns=4)
    assert [row for row in rows if "devops" in row and "sre" in row]
    for line in out.split("\n"):
        if "new files have no owner" in line:
            # Three code spans, one per file, and nothing else on the line but commas.
            assert without_code_spans(line.split(":** ", 1)[1]) == ", , "
