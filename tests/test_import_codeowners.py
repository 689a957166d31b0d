"""`import codeowners`: team/ from a CODEOWNERS file, and the round trip back."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ownership_lint.api import lint
from ownership_lint.cli import run
from ownership_lint.codeowners import Matcher, parse
from ownership_lint.generate import render
from ownership_lint.importing import plan_import, plan_team, write_team
from ownership_lint.importing.codeowners import role_name
from ownership_lint.loading.team import load_team

from .conftest import SHARED, codes, write_files

CORPUS = SHARED / "corpus"
GITHUB_CORPORA = [
    "apache__nuttx",
    "esphome__esphome",
    "RIOT-OS__RIOT",
    "Azure__bicep-registry-modules",
]

SOURCE = """\
# Default owners
*                @acme/core
/docs/           @ann @bob   # the writers
/docs/api/       @bob @ann
/src/legacy/
/build/*.mk      @acme/build
!/vendor/        @nobody
"""
TRACKED = ["README.md", "docs/a.md", "docs/api/x.md", "src/legacy/old.c", "build/x.mk"]


def owner_sets(matcher: Matcher, paths: list[str]) -> list[list[str]]:
    return [sorted({o.casefold() for o in matcher.owners(p)}) for p in paths]


def test_import_creates_a_team_that_passes_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {".github/CODEOWNERS": SOURCE, **{p: "x\n" for p in TRACKED}})
    source = str(tmp_path / ".github/CODEOWNERS")
    code = run(["import", "codeowners", source, "--root", str(tmp_path)])
    out = capsys.readouterr().out
    # The source's own mistake is reported, and the team is written all the same.
    assert code == 1
    assert ".github/CODEOWNERS:7:1: OL301 GitHub does not support '!' negation" in out
    assert "created team/ from .github/CODEOWNERS: 3 roles, 5 mapping rules" in out
    roles = sorted(p.name for p in (tmp_path / "team" / "roles").iterdir())
    assert roles == ["ann-bob.yaml", "build.yaml", "core.yaml"]
    core = (tmp_path / "team" / "roles" / "core.yaml").read_text()
    assert 'handle: "@acme/core"' in core
    mapping = (tmp_path / "team" / "path-ownership").read_text()
    assert "/docs/api/    ann-bob\n" in mapping  # same owner set, in another order
    assert "/docs/        ann-bob  # the writers\n" in mapping
    assert "\n/src/legacy/\n" in mapping  # un-owning rule kept
    assert "# not imported (GitHub does not support '!' negation" in mapping
    report = lint(tmp_path, tracked=TRACKED)
    assert report.findings == []
    # Generating from it gives every file the owners it had.
    team = load_team(tmp_path).team
    before = Matcher(parse(SOURCE, "github"))
    after = Matcher(parse(render(team, "github"), "github"))
    assert owner_sets(after, TRACKED) == owner_sets(before, TRACKED)


def test_import_refuses_an_existing_team_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {"CODEOWNERS": "*  @acme/core\n", "team/team.yaml": "name: old\n"})
    args = ["import", "codeowners", str(tmp_path / "CODEOWNERS"), "--root", str(tmp_path)]
    assert run(args) == 2
    assert "'team/' already exists: pass --force" in capsys.readouterr().err
    assert (tmp_path / "team" / "team.yaml").read_text() == "name: old\n"
    assert run([*args, "--force"]) == 0
    assert "name: " in (tmp_path / "team" / "team.yaml").read_text()
    assert (tmp_path / "team" / "roles" / "core.yaml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["CODEOWNERS", "schemas", "team"]


def test_gitlab_files_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_files(tmp_path, {"CODEOWNERS": "[Docs]\n/docs/  @ann\n"})
    assert run(["import", "codeowners", str(tmp_path / "CODEOWNERS"), "--root", str(tmp_path)]) == 2
    assert "GitLab" in capsys.readouterr().err
    assert not (tmp_path / "team").exists()


def test_role_names() -> None:
    assert role_name(("@acme/docs-team",)) == "docs-team"
    assert role_name(("@Ann", "@bob")) == "ann-bob"
    assert role_name(("jane.doe@example.org",)) == "jane-doe"
    assert role_name(("@a", "@b", "@c", "@d", "@e")) == "a-b-and-3-more"
    assert role_name(("@42",)) == "x-42"  # ids start with a letter


def corpus(name: str) -> tuple[str, list[str]]:
    folder = CORPUS / name
    if not (folder / "CODEOWNERS").is_file():
        pytest.skip(f"the corpus is not available at {folder}")
    text = (folder / "CODEOWNERS").read_bytes().decode("utf-8-sig")
    files = [p for p in (folder / "files.txt").read_text(encoding="utf-8").splitlines() if p]
    return text, files


@pytest.mark.parametrize("name", GITHUB_CORPORA)
def test_round_trip_keeps_every_files_owners(name: str) -> None:
    text, files = corpus(name)
    started = time.perf_counter()
    parsed = parse(text, "github")
    plan = plan_import(text, parsed, source="CODEOWNERS", name=name)
    generated = render(plan_team(plan), "github")
    after = Matcher(parse(generated, "github"))
    assert owner_sets(after, files) == owner_sets(Matcher(parsed), files)
    assert time.perf_counter() - started < 20  # nuttx: 16,717 rules; a few seconds


def test_round_trip_through_the_files_on_disk(tmp_path: Path) -> None:
    text, files = corpus("RIOT-OS__RIOT")
    parsed = parse(text, "github")
    write_team(tmp_path, plan_import(text, parsed, source="CODEOWNERS", name="riot"))
    report = lint(tmp_path, tracked=files)
    # What the source file deserves, nothing else: RIOT's dead and shadowed rules.
    assert set(codes(report)) <= {"OL307", "OL308", "OL311"}
    assert report.errors == sum(1 for f in report.findings if f.code == "OL311")
    after = Matcher(parse(render(load_team(tmp_path).team, "github"), "github"))
    assert owner_sets(after, files) == owner_sets(Matcher(parsed), files)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("# only comments\n", "has no rules"),
        ("* @a\n<<<<<<< HEAD\n/x @b\n=======\n/x @c\n>>>>>>> t\n", "merge-conflict marker"),
    ],
)
def test_import_refuses_a_file_with_nothing_to_import(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "CODEOWNERS").write_text(content)
    assert run(["import", "codeowners", str(tmp_path / "CODEOWNERS"), "--root", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "team").exists()
