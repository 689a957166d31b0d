"""who-owns, codeowners lint and coverage, through the real entry point."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import SHARED, Run, write_files

CODEOWNERS = """\
# comment
*                 @sre-sam
/alerts/          @dev-dana @acme/oncall
/alerts/          @sre-sam
/gone/            @sre-sam
docs/*.md         not-a-handle
"""
FILES = ["README.md", "alerts/cpu.yaml", "docs/x.md", "src/main.py"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write_files(tmp_path, {**BASE_TEAM, ".github/CODEOWNERS": CODEOWNERS})
    (tmp_path / "files.txt").write_text("\n".join(FILES) + "\n")
    return tmp_path


def test_who_owns_from_the_team_mapping(run: Run, repo: Path) -> None:
    code, out, _ = run("who-owns", "--root", str(repo), "alerts/cpu.yaml", "src/x.py")
    assert code == 0
    assert out.splitlines() == [
        "alerts/cpu.yaml: sre",
        "    rule: team/path-ownership:1 '/alerts/'",
        "    responsibilities: alerts.rules",
        "    requests: @sre-sam",
        "src/x.py: (no owner)",
        "    rule: none in team/path-ownership matches",
    ]


def test_who_owns_json_shape(run: Run, repo: Path) -> None:
    code, out, _ = run(
        "who-owns", "--root", str(repo), "--format", "json", "alerts/cpu.yaml", "nowhere/file"
    )
    assert code == 0
    assert json.loads(out) == [
        {
            "path": "alerts/cpu.yaml",
            "kind": "file",
            "owners": ["sre"],
            "line": 1,
            "pattern": "/alerts/",
            "role": "sre",
            "responsibilities": ["alerts.rules"],
            "handles": ["@sre-sam"],
        },
        {
            "path": "nowhere/file",
            "kind": "file",
            "owners": [],
            "line": None,
            "pattern": None,
            "role": None,
            "responsibilities": [],
            "handles": [],
        },
    ]


def test_who_owns_requests_the_role_handle_before_its_members(run: Run, repo: Path) -> None:
    # What generated CODEOWNERS names, so the reviewers the platform will request.
    sre = repo / "team/roles/sre.yaml"
    sre.write_text(sre.read_text().replace("members:", "handle: '@acme/sre'\nmembers:"))
    code, out, _ = run("who-owns", "--root", str(repo), "alerts/cpu.yaml")
    assert code == 0 and "    requests: @acme/sre\n" in out
    sre.write_text(
        sre.read_text()
        .replace("handle: '@acme/sre'\n", "")
        .replace("members: ['@sre-sam']", "members: []")
    )
    code, out, _ = run("who-owns", "--root", str(repo), "--format", "json", "alerts/cpu.yaml")
    assert code == 0 and json.loads(out)[0]["handles"] == []
    code, out, _ = run("who-owns", "--root", str(repo), "alerts/cpu.yaml")
    assert "    requests: nobody (the role has no handle or members)" in out


def test_who_owns_with_a_codeowners_file(run: Run, repo: Path) -> None:
    code, out, _ = run(
        "who-owns",
        "--root",
        str(repo),
        "--codeowners",
        str(repo / ".github/CODEOWNERS"),
        "--format",
        "json",
        "alerts/cpu.yaml",
        "README.md",
        "/docs/x.md",
    )
    assert code == 0
    assert json.loads(out) == [
        {
            "path": "alerts/cpu.yaml",
            "kind": "file",
            "owners": ["@sre-sam"],
            "line": 4,
            "pattern": "/alerts/",
        },
        {"path": "README.md", "kind": "file", "owners": ["@sre-sam"], "line": 2, "pattern": "*"},
        {
            "path": "docs/x.md",
            "kind": "file",
            "owners": ["not-a-handle"],
            "line": 6,
            "pattern": "docs/*.md",
        },
    ]


def test_who_owns_takes_paths_relative_to_the_current_directory(
    run: Run, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "alerts")
    code, out, _ = run("who-owns", "--root", str(repo), "cpu.yaml")
    assert code == 0 and out.splitlines()[0] == "alerts/cpu.yaml: sre"


def test_who_owns_without_a_mapping_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    files = {k: v for k, v in BASE_TEAM.items() if k != "team/path-ownership"}
    write_files(tmp_path, files)
    code, _, err = run("who-owns", "--root", str(tmp_path), "x")
    assert code == 2 and "no path mapping" in err


def test_codeowners_lint_findings(run: Run, repo: Path) -> None:
    code, out, _ = run(
        "codeowners",
        "lint",
        "--root",
        str(repo),
        "--paths-from",
        str(repo / "files.txt"),
        "--format",
        "json",
    )
    assert code == 1
    found = [(f["code"], f["line"], f["column"]) for f in json.loads(out)["findings"]]
    assert found == [
        ("OL306", 3, 1),  # /alerts/ repeated on line 4
        ("OL305", 3, 29),  # @dev-dana is in the roster; @acme/oncall is not
        ("OL307", 5, 1),  # /gone/ matches nothing
        ("OL304", 6, 19),  # not-a-handle
    ]


def test_codeowners_lint_unowned_is_opt_in(run: Run, repo: Path) -> None:
    args = ["codeowners", "lint", "--root", str(repo), "--paths-from", str(repo / "files.txt")]
    _, out, _ = run(*args)
    assert "OL310" not in out
    _, out, _ = run(*args, "--unowned", "--format", "json")
    unowned = [f for f in json.loads(out)["findings"] if f["code"] == "OL310"]
    assert unowned == []  # '*' owns everything here
    (repo / ".github/CODEOWNERS").write_text("/alerts/ @sre-sam\n")
    _, out, _ = run(*args, "--unowned", "--format", "json")
    paths = [f["path"] for f in json.loads(out)["findings"] if f["code"] == "OL310"]
    assert paths == ["README.md", "docs/x.md", "src/main.py"]


def test_codeowners_lint_finds_the_file_where_github_looks(run: Run, repo: Path) -> None:
    (repo / "CODEOWNERS").write_text("* @sre-sam\n")  # .github/ comes first
    _, out, _ = run("codeowners", "lint", "--root", str(repo), "--format", "json")
    assert {f["path"] for f in json.loads(out)["findings"]} == {".github/CODEOWNERS"}


def test_codeowners_lint_without_a_file_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    code, _, err = run("codeowners", "lint", "--root", str(tmp_path))
    assert code == 2 and "no CODEOWNERS file" in err


def test_codeowners_lint_non_utf8_is_located(run: Run, tmp_path: Path) -> None:
    (tmp_path / "CODEOWNERS").write_bytes(b"* @a\n/caf\xe9/ @b\n")
    code, _, err = run("codeowners", "lint", "--root", str(tmp_path))
    assert code == 2 and "CODEOWNERS:2:5: byte 0xe9 is not valid UTF-8" in err


def test_codeowners_lint_gitlab_dialect_is_detected(run: Run, tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            ".gitlab/CODEOWNERS": "[Docs][2] @docs\n/docs/\n!/docs/x\n",
            "files.txt": "docs/x\ndocs/y\n",
        },
    )
    code, out, _ = run(
        "codeowners", "lint", "--root", str(tmp_path), "--paths-from", str(tmp_path / "files.txt")
    )
    assert code == 0, out


def test_codeowners_lint_in_git_uses_the_index(run: Run, repo: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    _, out, _ = run("codeowners", "lint", "--root", str(repo), "--format", "json")
    dead = [f["line"] for f in json.loads(out)["findings"] if f["code"] == "OL307"]
    assert dead == [5, 6]  # /gone/ and docs/*.md: there is no docs/ in this repository


def test_coverage_counts_and_shares(run: Run, repo: Path) -> None:
    code, out, _ = run(
        "coverage",
        "--root",
        str(repo),
        "--paths-from",
        str(repo / "files.txt"),
        "--codeowners",
        str(repo / ".github/CODEOWNERS"),
        "--format",
        "json",
        "--unowned",
    )
    assert code == 0
    assert json.loads(out) == {
        "source": ".github/CODEOWNERS",
        "files": 4,
        "owned": 4,
        "unowned": 0,
        "owners": [
            {"owner": "@sre-sam", "files": 3, "percent": 75.0},
            {"owner": "not-a-handle", "files": 1, "percent": 25.0},
        ],
        "unowned_files": [],
    }


def test_coverage_of_the_team_mapping_in_text(run: Run, repo: Path) -> None:
    code, out, _ = run(
        "coverage", "--root", str(repo), "--paths-from", str(repo / "files.txt"), "--unowned"
    )
    assert code == 0
    assert out.splitlines() == [
        "source: team/path-ownership",
        "files: 4   owned: 1 (25.0%)   unowned: 3 (75.0%)",
        "",
        "owner      files   share",
        "sre            1   25.0%",
        "",
        "unowned files:",
        "  README.md",
        "  docs/x.md",
        "  src/main.py",
    ]


@pytest.mark.parametrize(("threshold", "expected"), [("25", 0), ("25.01", 1), ("0", 0)])
def test_coverage_fail_under_is_a_gate_in_text(
    run: Run, repo: Path, threshold: str, expected: int
) -> None:
    args = ["coverage", "--root", str(repo), "--paths-from", str(repo / "files.txt")]
    code, out, _ = run(*args, "--fail-under", threshold)
    assert code == expected  # the team mapping owns 1 file of 4: 25 %
    verdict = "FAILED" if expected else "passed"
    assert out.endswith(f"\n{verdict}: owned 25.00%, --fail-under {float(threshold):g}%\n")


def test_coverage_fail_under_is_a_gate_in_json(run: Run, repo: Path) -> None:
    args = ["coverage", "--root", str(repo), "--paths-from", str(repo / "files.txt")]
    code, out, _ = run(*args, "--format", "json", "--fail-under", "30")
    document = json.loads(out)  # still exactly one JSON object
    assert code == 1 and (document["fail_under"], document["passed"]) == (30.0, False)
    code, out, _ = run(*args, "--format", "json", "--fail-under", "20")
    assert code == 0 and json.loads(out)["passed"] is True
    code, out, _ = run(*args, "--format", "json")
    assert code == 0 and "passed" not in json.loads(out)


def test_coverage_fail_under_fails_closed_without_files(run: Run, repo: Path) -> None:
    (repo / "none.txt").write_text("")
    args = ["coverage", "--root", str(repo), "--paths-from", str(repo / "none.txt")]
    code, out, _ = run(*args, "--fail-under", "1")
    assert code == 1 and "FAILED: owned no tracked files" in out
    code, _, err = run(*args, "--fail-under", "101")
    assert code == 2 and "101" in err


def test_coverage_outside_git_needs_paths(run: Run, repo: Path) -> None:
    code, _, err = run("coverage", "--root", str(repo))
    assert code == 2 and "--paths-from" in err


CORPUS = SHARED / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the corpus is not available at {CORPUS}")
@pytest.mark.parametrize(
    "name", sorted(p.name for p in CORPUS.glob("*") if p.is_dir()) if CORPUS.is_dir() else []
)
def test_codeowners_lint_on_every_corpus(run: Run, name: str, tmp_path: Path) -> None:
    folder = CORPUS / name
    code, out, err = run(
        "codeowners",
        "lint",
        "--root",
        str(tmp_path),
        str(folder / "CODEOWNERS"),
        "--paths-from",
        str(folder / "files.txt"),
        "--format",
        "json",
    )
    assert code in (0, 1), err
    codes = [f["code"] for f in json.loads(out)["findings"]]
    if name == "apache__nuttx":
        # The corpus README: junk owner tokens, dead rules and a duplicate.
        assert codes.count("OL306") == 1
        assert codes.count("OL304") > 20
        assert codes.count("OL307") > 0


def test_dialect_detection() -> None:
    from ownership_lint.loading.codeowners import detect_dialect

    assert detect_dialect("CODEOWNERS", "[Docs][2] @a\n/docs/\n") == "gitlab"
    assert detect_dialect(".gitlab/CODEOWNERS", "/docs/ @a\n") == "gitlab"
    # GitHub reads .github/CODEOWNERS: a [line] there is an invalid line, not a section.
    assert detect_dialect(".github/CODEOWNERS", "[abc] @y\n") == "github"
    # A bracket must close on its own line to make a header.
    assert detect_dialect("CODEOWNERS", "[abc\n/docs/ @x # see [1]\n") == "github"


def test_who_owns_paths_must_be_inside_the_repository(
    run: Run, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "alerts")
    code, out, _ = run("who-owns", "--root", str(repo), "../alerts//cpu.yaml", str(repo / "x/y"))
    assert code == 0
    assert [line for line in out.splitlines() if not line.startswith(" ")] == [
        "alerts/cpu.yaml: sre",
        "x/y: (no owner)",
    ]
    for outside in ("../..", "/etc/passwd"):
        code, _, err = run("who-owns", "--root", str(repo), outside)
        assert code == 2 and "not a path inside the repository" in err
