"""Terminal text: whatever a file name, a YAML key or a CODEOWNERS line holds, what
ownership-lint prints shows control characters escaped (`\\x1b`, `\\n`, `\\u202e`): no escape
sequence reaches the terminal, no value spans two lines. Names that are not UTF-8 are shown,
and reported in every format, instead of crashing the output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import REPO, Run, commit_all, git, write_files

# A terminal title and a hyperlink (OSC), clearing the screen (CSI), a C1 CSI, a line break,
# a right-to-left override: a file name can hold all of them.
NAME = "evil\x1b]0;pwned\x07\x1b]8;;x\x07y\x1b[2J\x9b31m\nnext\u202e"
SHOWN = "evil\\x1b]0;pwned\\x07\\x1b]8;;x\\x07y\\x1b[2J\\x9b31m\\nnext\\u202e"
# The same in a line of a file: a lone carriage return instead of the line break.
LINE = NAME.replace("\n", "\r")
LINE_SHOWN = SHOWN.replace("\\n", "\\r")
UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
ROLE = "team/roles/sre.yaml"


def assert_safe(*outputs: str) -> None:
    for output in outputs:
        assert not UNSAFE.search(output), UNSAFE.search(output)


def test_check_shows_file_names_and_keys_escaped(run: Run, tmp_path: Path) -> None:
    write_files(tmp_path, {**BASE_TEAM, ROLE: BASE_TEAM[ROLE] + f"{json.dumps(NAME)}: 1\n"})
    write_files(tmp_path, {f"team/{NAME}": ""})
    code, out, err = run("check", "--root", str(tmp_path))
    assert code == 1
    assert_safe(out, err)
    assert f"team/{SHOWN}:1:1: OL014 warning: 'team/{SHOWN}' is not part of" in out
    assert f"OL010 unknown key '{SHOWN}'" in out


def test_codeowners_and_coverage_show_tracked_names_and_owners_escaped(
    run: Run, tmp_path: Path
) -> None:
    owner = "@octo\x1b[31mcat"
    root = commit_all(
        write_files(tmp_path, {"CODEOWNERS": f"/src/ {owner}\n", "src/a": "", NAME: ""})
    )
    code, out, err = run("codeowners", "lint", "--root", str(root), "--unowned")
    assert code in (0, 1)
    assert_safe(out, err)
    assert f"{SHOWN}:1:1: OL310 warning: '{SHOWN}' has no owner in CODEOWNERS" in out
    code, out, err = run(
        "coverage", "--root", str(root), "--codeowners", str(root / "CODEOWNERS"), "--unowned"
    )
    assert code == 0
    assert_safe(out, err)
    assert f"  {SHOWN}" in out.splitlines() and "@octo\\x1b[31mcat" in out
    code, out, err = run(
        "who-owns", "--root", str(root), "--codeowners", str(root / "CODEOWNERS"), "src/a", NAME
    )
    assert code == 0
    assert_safe(out, err)
    assert f"{SHOWN}: (no owner)" in out.splitlines()


def test_diff_text_shows_names_escaped(run: Run, tmp_path: Path) -> None:
    root = commit_all(write_files(tmp_path, {**BASE_TEAM, f"alerts/{NAME}": ""}))
    mapping = BASE_TEAM["team/path-ownership"].replace(
        "/alerts/             sre", "/alerts/ devops"
    )
    write_files(root, {"team/path-ownership": mapping, NAME: ""})
    git(root, "add", "-A")
    code, out, err = run("diff", "--root", str(root), "--base", "HEAD")
    assert code == 0
    assert_safe(out, err)
    assert f"  {SHOWN}" in out.splitlines()
    assert f"alerts/{SHOWN}" in out


def test_check_diffs_show_committed_lines_escaped(run: Run, tmp_path: Path) -> None:
    root = write_files(tmp_path, BASE_TEAM)
    assert run("codeowners", "generate", "--root", str(root))[0] == 1
    assert run("docs", "--root", str(root))[0] == 0
    for rel in (".github/CODEOWNERS", "docs/TEAM.md"):
        with (root / rel).open("a", newline="") as handle:
            handle.write(f"{LINE}\n")
    code, out, err = run("codeowners", "generate", "--root", str(root), "--check")
    assert code == 1
    assert_safe(out, err)
    assert f"-{LINE_SHOWN}" in out.splitlines()
    code, out, err = run("docs", "--root", str(root), "--check")
    assert code == 1
    assert_safe(out, err)
    assert f"-{LINE_SHOWN}" in out.splitlines()


def test_error_messages_show_values_escaped(run: Run, tmp_path: Path) -> None:
    write_files(tmp_path, {**BASE_TEAM, ".ownership-lint.toml": f"{json.dumps(NAME)} = 1\n"})
    code, out, err = run("check", "--root", str(tmp_path))
    assert code == 2
    assert_safe(out, err)
    assert f"unknown key '{SHOWN}'" in err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "gitlab", "github"])
def test_names_that_are_not_utf8_are_reported_in_every_format(tmp_path: Path, fmt: str) -> None:
    name = os.fsdecode(b"caf\xe9-\xff.txt")  # Latin-1 bytes: surrogates once decoded
    root = commit_all(write_files(tmp_path, {"CODEOWNERS": "/src/ @octocat\n", "src/a": ""}))
    (root / name).write_bytes(b"")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "latin-1")
    # A child process with a strict UTF-8 standard output, as on a CI runner.
    command = ["codeowners", "lint", "--unowned", "--root", str(root), "--format", fmt]
    result = subprocess.run(
        [sys.executable, "-m", "ownership_lint", *command],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8:strict"},
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    out = result.stdout.decode("utf-8")  # valid UTF-8
    assert_safe(out)
    if fmt in ("json", "sarif", "gitlab"):
        assert name in json.dumps(json.loads(out), ensure_ascii=False)  # the same name back
    else:
        assert "caf\\udce9-\\udcff.txt" in out
