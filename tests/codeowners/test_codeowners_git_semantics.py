"""GitHub patterns where GitHub's documentation is silent: git decides.

GitHub says CODEOWNERS "follows most of the same rules used in gitignore files"; where it
documents nothing else (a trailing slash after `**`, directories themselves), the answer is
what `git check-ignore` says for a `.gitignore` holding the pattern. The documented exception
stays GitHub's: a last segment `*` matches direct children only (`docs/*` does not own
`docs/a/b`, which git would ignore through its parent), so such patterns are checked on
paths one level down only.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ownership_lint.codeowners import Matcher, compile_pattern, parse

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")

FILES = [
    "README",
    "x/a",
    "x/b/c",
    "x/b/c/d",
    "docs/a.md",
    "docs/sub/f",
    "a/docs/f",
    "a/b/x/c/d",
    "conf.d/x",
    "y/x/b/c",
]
# Patterns with a trailing slash (directory-only in git), and plain ones to compare with.
PATTERNS = [
    "x/**/",
    "/x/**/",
    "**/",
    "/**/",
    "*/",
    "x/*/",
    "docs/",
    "/docs/",
    "docs/**/",
    "a/**/x/",
    "**/x/",
    "*.d/",
    "x/**/**/",
    "docs",
    "/docs",
    "x/**",
    "**/x",
    "*.md",
    "**",
]
DIRECTORIES = ["x", "x/b", "x/b/c", "docs", "docs/sub", "a", "a/docs", "conf.d", "y", "y/x"]


def _git_ignored(repo: Path, pattern: str, paths: list[str]) -> set[str]:
    """The paths `git check-ignore` reports for a .gitignore holding just `pattern`."""
    assert GIT is not None
    (repo / ".gitignore").write_text(pattern + "\n")
    done = subprocess.run(
        [GIT, "check-ignore", "--no-index", "--stdin"],
        cwd=repo,
        input="\n".join(paths) + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr  # 1: nothing ignored
    return set(done.stdout.split())


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("git-semantics")
    assert GIT is not None
    subprocess.run([GIT, "init", "-q", str(root)], check=True)
    # Directories exist on disk, so that git treats them as directories; files do not.
    for d in DIRECTORIES:
        (root / d).mkdir(parents=True, exist_ok=True)
    return root


@needs_git
@pytest.mark.parametrize("directories", [False, True], ids=["files", "directories"])
@pytest.mark.parametrize("pattern", PATTERNS)
def test_matches_as_git_matches(repo: Path, pattern: str, directories: bool) -> None:
    compiled = compile_pattern(pattern, "github")
    if directories:  # they exist on disk: git reads them as directories
        ours = {d for d in DIRECTORIES if compiled.matches_directory(d)}
        assert ours == _git_ignored(repo, pattern, DIRECTORIES)
    else:
        ours = {path for path in FILES if compiled.matches(path)}
        assert ours == _git_ignored(repo, pattern, FILES)


@needs_git
@pytest.mark.parametrize("pattern", ["docs/*", "x/*"])
def test_directories_one_level_below_a_last_star(repo: Path, pattern: str) -> None:
    """`docs/*` matches the directory docs/sub as git does (and not docs itself); deeper
    directories follow GitHub's documented direct-children rule instead of git."""
    compiled = compile_pattern(pattern, "github")
    shallow = ["x", "x/b", "docs", "docs/sub", "a", "conf.d"]
    ours = {d for d in shallow if compiled.matches_directory(d)}
    assert ours == _git_ignored(repo, pattern, shallow)
    assert not compiled.matches_directory("x/b/c")


def test_x_double_star_slash_on_github() -> None:
    """git (`git check-ignore`, verified above): `x/**/` matches the directories strictly
    inside x, hence the files in x's subdirectories, not the files directly in x."""
    m = Matcher(parse("x/**/ @sub\n"))
    assert m.owners("x/a") == ()
    assert m.owners("x/b/c") == ("@sub",)
    assert m.owners("y/x/b/c") == ()  # a middle slash anchors it


def test_x_double_star_slash_on_gitlab_keeps_gitlabs_matcher() -> None:
    """file.rb #normalize_pattern: `x/**/` -> `/**/x/**/**/*`, and File.fnmatch with
    FNM_PATHNAME reads `**/` as zero or more directories: x/a is matched, at any depth."""
    m = Matcher(parse("x/**/ @sub\n", "gitlab"))
    assert m.owners("x/a") == ("@sub",)
    assert m.owners("y/x/b/c") == ("@sub",)


def test_double_star_slash_is_not_the_same_as_its_directory() -> None:
    """`x/**/` and `x/` do not mean the same on GitHub now: no duplicate (OL306) between
    them, and `x/**/**` (all below x) is not `x/**/` either."""
    from ownership_lint.codeowners.analysis import duplicates

    assert duplicates(parse("x/ @a\nx/**/ @b\n/x/ @c\n")) == {}
    assert set(duplicates(parse("x/**/** @a\n/x/ @b\n"))) == {0}  # both: all below x
    assert set(duplicates(parse("x/**/**/ @a\nx/**/ @b\n"))) == {0}
    assert duplicates(parse("x/**/**/ @a\n/x/ @b\n")) == {}
