"""The adoption paths end to end, in temporary git repositories, through the command line:

- from nothing: init -> edit -> check -> generate -> the pre-commit hooks -> diff --base;
- from an existing CODEOWNERS, for every corpus (GitHub and GitLab): import codeowners ->
  check -> codeowners generate -> every tracked file has the owners it had.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ownership_lint.codeowners import Matcher, parse
from ownership_lint.importing.codeowners import usable

from .conftest import SHARED, Run, write_files
from .repos import HookRun, clean_env, git, git_repo, output

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
CORPUS = SHARED / "corpus"
CORPORA = sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []
PLACEHOLDER = "@your-github-handle"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


@needs_git
def test_from_nothing_to_a_pre_commit_hook_and_a_pull_request(
    tmp_path: Path, run: Run, run_hook: HookRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = git_repo(tmp_path / "product", {"src/app.py": "print()\n", "docs/guide.md": "# Hi\n"})
    git(repo, "commit", "--quiet", "--no-verify", "-m", "the product")
    monkeypatch.chdir(repo / "src")  # anywhere inside the repository

    # init: a team at the top, that fails until it names people.
    code, out, _ = run("init")
    assert code == 0 and "created ../team/roles/maintainer.yaml" in out
    code, out, _ = run("check")
    assert code == 1 and f"OL216 '{PLACEHOLDER}'" in out

    # edit: real people, and a writer role that owns the documentation.
    team = repo / "team"
    edit(team / "roles/maintainer.yaml", PLACEHOLDER, "@octo-maintainer")
    write_files(
        team,
        {
            "roles/writer.yaml": "id: writer\ntitle: Technical writer\nmembers: ['@wendy']\n"
            "responsibilities: [docs.guides]\n"
        },
    )
    edit(
        team / "responsibilities.yaml",
        "areas:\n",
        "areas:\n  - id: docs\n    title: Documentation\n    responsibilities:\n"
        "      - id: docs.guides\n        title: Guides\n        paths: [/docs/]\n",
    )
    (team / "path-ownership").write_text("*  maintainer\n/docs/  writer\n")
    code, out, _ = run("check")
    assert (code, out) == (0, "All checks passed (5 files).\n")

    # generate: CODEOWNERS (and nothing else yet); then it is up to date.
    code, out, _ = run("generate")
    assert code == 1 and "created .github/CODEOWNERS from team/." in out
    codeowners = (repo / ".github/CODEOWNERS").read_text()
    assert re.search(r"^/docs/\s+@wendy$", codeowners, re.MULTILINE)
    assert run("generate")[0] == 0
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--no-verify", "-m", "ownership")

    # The hooks on the committed state pass.
    for hook in ("ownership-lint", "ownership-lint-generate"):
        done = run_hook(repo, hook)
        assert done.returncode == 0, output(done)

    # A pull request hands the guides to a new writer: the generate hook rewrites CODEOWNERS
    # and stops the commit until it is staged; then both hooks pass.
    edit(team / "roles/writer.yaml", "@wendy", "@walt")
    git(repo, "add", "--all")
    done = run_hook(repo, "ownership-lint-generate")
    assert done.returncode == 1, output(done)
    assert "updated .github/CODEOWNERS" in done.stdout
    assert re.search(r"^/docs/\s+@walt$", (repo / ".github/CODEOWNERS").read_text(), re.M)
    git(repo, "add", "--all")
    for hook in ("ownership-lint", "ownership-lint-generate"):
        done = run_hook(repo, hook)
        assert done.returncode == 0, output(done)

    # diff --base: what the pull request changes in ownership (the role keeps its files).
    code, out, _ = run("diff", "--base", "HEAD")
    assert code == 0
    assert "members:\n  writer: + @walt\n  writer: - @wendy\n" in out
    assert "files changing owner" not in out
    assert run("diff", "--base", "HEAD", "--fail-on", "member-removed")[0] == 1
    code, out, _ = run("check", "--base", "HEAD")
    assert (code, out) == (0, "All checks passed (5 files).\n")


def corpus_repo(root: Path, name: str) -> tuple[Path, str, str, list[str]]:
    """A git repository whose index holds the corpus's tracked files (empty: only the list
    matters) and whose CODEOWNERS is where the corpus keeps it."""
    folder = CORPUS / name
    files = [p for p in (folder / "files.txt").read_text(encoding="utf-8").splitlines() if p]
    where = (folder / "SOURCE").read_text(encoding="utf-8").split()[2]
    text = (folder / "CODEOWNERS").read_bytes().decode("utf-8-sig")
    root.mkdir()
    git(root, "init", "--quiet")
    empty = git(root, "hash-object", "-w", "--stdin").strip()
    entries = "".join(f"100644 {empty}\t{path}\0" for path in files)
    subprocess.run(
        ["git", "update-index", "-z", "--index-info"],
        cwd=root,
        env=clean_env(),
        input=entries.encode("utf-8", "surrogateescape"),
        check=True,
    )
    write_files(root, {where: text})
    return root, where, text, files


def requested(matcher: Matcher, files: list[str]) -> list[list[str]]:
    return [
        sorted({o.casefold() for o in matcher.owners(f) if usable(o, matcher.dialect)})
        for f in files
    ]


@needs_git
@pytest.mark.skipif(not CORPORA, reason=f"the corpus is not available at {CORPUS}")
@pytest.mark.parametrize("name", CORPORA)
def test_from_an_existing_codeowners_every_file_keeps_its_owners(
    tmp_path: Path, run: Run, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, where, text, files = corpus_repo(tmp_path / name, name)
    monkeypatch.chdir(repo)
    code, out, err = run("import", "codeowners", where)
    assert code in (0, 1), err  # 1: the source's own mistakes, reported
    assert "created team/ from " + where in out
    dialect = "gitlab" if where.startswith(".gitlab/") else "github"

    code, out, err = run("check")
    assert code == 0, out[-3000:] + err
    assert "OL311" not in out

    flavor = ["--flavor", "gitlab"] if dialect == "gitlab" else []
    code, out, err = run("codeowners", "generate", *flavor, "--force")
    assert code == 1, err  # written
    generated = ".gitlab/CODEOWNERS" if dialect == "gitlab" else ".github/CODEOWNERS"
    assert f"{generated} (" in out
    after = Matcher(parse((repo / generated).read_text(encoding="utf-8"), dialect))
    assert requested(after, files) == requested(Matcher(parse(text, dialect)), files)
