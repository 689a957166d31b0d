"""Hostile input, each case in a child process under a fixed CPU-time and memory budget (a
bound on the work, not a timed assertion): findings or a clear error, never a traceback or a
hang."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import REPO, write_files

CPU_SECONDS = 20
MEMORY_BYTES = 2 * 1024**3
ROLE = "team/roles/sre.yaml"


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def lint(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "ownership_lint", *args, "--root", str(root)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "CI": "true"},
        preexec_fn=_limits,
        timeout=10 * CPU_SECONDS,  # only a guard for a wedged child; the budget is the rlimit
        check=False,
    )
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    return result


def team_with(tmp_path: Path, role: bytes) -> Path:
    write_files(tmp_path, BASE_TEAM)
    (tmp_path / ROLE).write_bytes(role)
    return tmp_path


def alias_bomb() -> bytes:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


CASES = {
    "alias bomb": (alias_bomb(), "OL009"),
    "100,000-deep nesting": (b"id: " + b"[" * 100_000 + b"\n", "OL009"),
    "50 MB team file": (b"id: sre\n" + b"# padding\n" * 5_000_000, "OL009"),
    "NUL bytes": (b"id: sre\x00\n", "OL007"),
    "invalid UTF-8": (b"id: sre\ntitle: \xc3\x28\n", "OL007"),
    "UTF-16 with BOM": ("id: sre\n".encode("utf-16"), "OL007"),
    "merge-conflict markers": (b"id: sre\n<<<<<<< HEAD\ntitle: a\n=======\n>>>>>>> b\n", "OL005"),
    "python object tag": (b"id: !!python/object/apply:os.system ['touch /tmp/pwned']\n", "OL008"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_team_file(tmp_path: Path, case: str) -> None:
    content, code = CASES[case]
    result = lint(team_with(tmp_path, content), "check")
    assert result.returncode == 1
    assert f"{ROLE}:" in result.stdout and code in result.stdout


def test_crlf_and_mixed_line_endings_are_fine(tmp_path: Path) -> None:
    role = BASE_TEAM[ROLE].replace("\n", "\r\n", 3).encode()
    write_files(tmp_path, {**BASE_TEAM, ROLE: role.decode()})
    (tmp_path / ".ownership-lint.toml").write_text('ignore = ["OL501"]\n')
    result = subprocess.run(
        [sys.executable, "-m", "ownership_lint", "check", "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert result.returncode == 0, result.stdout


def codeowners(tmp_path: Path, content: bytes, paths: list[str]) -> Path:
    (tmp_path / "CODEOWNERS").write_bytes(content)
    (tmp_path / "files.txt").write_text("\n".join(paths) + "\n")
    return tmp_path


def test_codeowners_over_3_mb(tmp_path: Path) -> None:
    root = codeowners(tmp_path, b"/src/a.c @octocat\n" * 200_000, ["src/a.c"])
    result = lint(root, "codeowners", "lint", "--paths-from", str(root / "files.txt"))
    assert "OL309" in result.stdout


def test_codeowners_line_of_1_mb(tmp_path: Path) -> None:
    line = b"/" + b"a" * 1_000_000 + b" @octocat\n"
    root = codeowners(tmp_path, b"* @octocat\n" + line, ["src/a.c"])
    result = lint(root, "codeowners", "lint", "--paths-from", str(root / "files.txt"))
    assert "OL307" in result.stdout  # the long rule matches nothing


@pytest.mark.parametrize(
    "pattern",
    ["**/" * 200 + "x", "*a" * 200 + "b", "/" + "*/" * 300 + "*"],
    ids=["double-stars", "star-a", "deep-stars"],
)
def test_backtracking_patterns_against_long_paths(tmp_path: Path, pattern: str) -> None:
    paths = ["a/" * 2000 + "x", "a" * 9000 + "c", "/".join(["aaaa"] * 2500)]
    root = codeowners(tmp_path, f"{pattern} @octocat\n/none/ @o\n".encode(), paths)
    result = lint(root, "codeowners", "lint", "--paths-from", str(root / "files.txt"))
    assert "OL307" in result.stdout  # /none/ is dead; the hostile rule was evaluated


def test_codeowners_not_utf8_or_utf16(tmp_path: Path) -> None:
    root = codeowners(tmp_path, "* @octocat\n".encode("utf-16"), [])
    result = lint(root, "codeowners", "lint")
    assert result.returncode == 2 and "UTF-16" in result.stderr
    root = codeowners(tmp_path, b"* @octocat\n/x\xff @o\n", [])
    result = lint(root, "codeowners", "lint")
    assert (
        result.returncode == 2 and "CODEOWNERS:2:3: byte 0xff is not valid UTF-8" in result.stderr
    )


def test_codeowners_conflict_markers(tmp_path: Path) -> None:
    text = b"* @a\n<<<<<<< HEAD\n/x @b\n=======\n/x @c\n>>>>>>> topic\n"
    root = codeowners(tmp_path, text, ["x"])
    result = lint(root, "codeowners", "lint", "--paths-from", str(root / "files.txt"))
    assert result.returncode == 1
    assert result.stdout.count("OL005") == 3


def test_team_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "team").write_text("oops")
    result = lint(tmp_path, "check")
    assert result.returncode == 2 and "is not a directory" in result.stderr


def test_unreadable_role_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ownership_lint.api import lint as lint_api

    write_files(tmp_path, BASE_TEAM)
    real = os.open

    def deny(path: str | Path, flags: int, *args: int, **kwargs: int) -> int:
        if Path(path).name == "sre.yaml":
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args, **kwargs)

    # Every repository file is opened by fileio.read_file (tests run as root: chmod denies
    # nothing).
    monkeypatch.setattr(os, "open", deny)
    findings = [(f.code, f.location.path, f.message) for f in lint_api(tmp_path).findings]
    assert ("OL015", ROLE, "the file cannot be read: Permission denied") in findings
