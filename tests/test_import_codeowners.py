"""`import codeowners`: team/ from a CODEOWNERS file, and the round trip back."""

from __future__ import annotations

from pathlib import Path

import pytest

from ownership_lint.api import lint
from ownership_lint.cli import run
from ownership_lint.codeowners import Matcher, parse
from ownership_lint.generate import render
from ownership_lint.importing import plan_import, plan_team, write_team
from ownership_lint.importing.codeowners import role_name, usable
from ownership_lint.loading.team import load_team

from .conftest import SHARED, codes, write_files

CORPUS = SHARED / "corpus"
GITHUB_CORPORA = [
    "apache__nuttx",
    "esphome__esphome",
    "RIOT-OS__RIOT",
    "Azure__bicep-registry-modules",
]
GITLAB_CORPORA = [
    "AllWorldIT__conarx-gitlab-registry",
    "Geant4__geant4",
    "gitlabhq__omnibus-gitlab",
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
    """Each path's owners that a review is requested from (not malformed tokens or
    placeholders: GitHub and GitLab request nobody for those), without case or order."""
    dialect = matcher.dialect
    return [sorted({o.casefold() for o in matcher.owners(p) if usable(o, dialect)}) for p in paths]


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


GITLAB_SOURCE = """\
* @acme/core
/docs/ @acme/docs
/CMakeLists.txt @builder
/src/scoring @builder

[Docs review][2] @writers
/docs/
!/docs/internal/
*.md

^[Security] @acme/security
/src/crypto/
"""
GITLAB_TRACKED = [
    "README.md",
    "CMakeLists.txt",
    "docs/a.md",
    "docs/internal/b.md",
    "docs/img.png",
    "src/main.c",
    "src/crypto/aes.c",
    "src/crypto/NOTES.md",
    "src/scoring/score.c",  # GitLab's `/src/scoring` is that one path: not this file
]


def test_gitlab_sections_add_up_into_one_role_per_owner_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(
        tmp_path, {".gitlab/CODEOWNERS": GITLAB_SOURCE, **{p: "x\n" for p in GITLAB_TRACKED}}
    )
    source = str(tmp_path / ".gitlab/CODEOWNERS")
    paths = tmp_path / "files.txt"
    paths.write_text("\n".join(GITLAB_TRACKED) + "\n")
    args = ["import", "codeowners", source, "--root", str(tmp_path)]
    code = run([*args, "--paths-from", str(paths)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "note: section settings (approvals, optional sections) are not imported: " in out
    assert "[Docs review], [Security]" in out
    assert "--flavor gitlab" in out
    team = load_team(tmp_path).team
    members = {role.id: sorted(ref.id for ref in role.members) for role in team.roles}
    # docs/a.md: the default section's /docs/ and [Docs review]'s /docs/ and *.md.
    assert members["docs-writers"] == ["@acme/docs", "@writers"]
    report = lint(tmp_path, tracked=GITLAB_TRACKED)
    assert report.errors == 0, report.findings
    before = Matcher(parse(GITLAB_SOURCE, "gitlab"))
    after = Matcher(parse(render(team, "gitlab"), "gitlab"))
    assert owner_sets(after, GITLAB_TRACKED) == owner_sets(before, GITLAB_TRACKED)
    assert owner_sets(before, ["src/scoring/score.c"]) == [["@acme/core"]]


def test_owners_that_request_nobody_are_reported_and_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = "*  @acme/core  you@example.com\n/docs/  Lok Tep\n"
    write_files(tmp_path, {"CODEOWNERS": source})
    assert run(["import", "codeowners", str(tmp_path / "CODEOWNERS"), "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "CODEOWNERS:1:16: OL216 'you@example.com' is a placeholder, not an owner" in out
    assert "CODEOWNERS:2:9: OL304 'Lok' is not a valid owner" in out
    mapping = (tmp_path / "team/path-ownership").read_text()
    assert "\n*       core\n" in mapping and "\n/docs/\n" in mapping  # no owner left: un-owned
    assert lint(tmp_path, tracked=["a", "docs/b"]).errors == 0


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


@pytest.mark.parametrize("name", GITHUB_CORPORA + GITLAB_CORPORA)
def test_round_trip_keeps_every_files_owners(name: str) -> None:
    """On every corpus: the planned team generates a file (in the source's flavour) that
    gives every tracked file the owners it had. (tests/test_adoption.py runs the same through
    the command line and `check`.)"""
    text, files = corpus(name)
    dialect = "gitlab" if name in GITLAB_CORPORA else "github"
    parsed = parse(text, dialect)
    plan = plan_import(text, parsed, source="CODEOWNERS", name=name, tracked=files)
    generated = render(plan_team(plan), dialect)
    after = Matcher(parse(generated, dialect))
    assert owner_sets(after, files) == owner_sets(Matcher(parsed), files)


def test_riot_imports_without_claiming_what_later_rules_take(tmp_path: Path) -> None:
    # RIOT gives /sys/net/gnrc/netif/ and six more to their owners, then /sys/net/ to another:
    # those owners' responsibilities do not list the paths they never get (OL311).
    text, files = corpus("RIOT-OS__RIOT")
    parsed = parse(text, "github")
    write_team(tmp_path, plan_import(text, parsed, source="CODEOWNERS", name="riot"))
    report = lint(tmp_path, tracked=files)
    # What the source file deserves, nothing else: RIOT's dead and shadowed rules, and the
    # rules that give their owners nothing (OL312: no responsibility lists them).
    assert set(codes(report)) <= {"OL307", "OL308", "OL312"}
    assert report.errors == 0
    unlisted = sorted(f.message.split("'")[1] for f in report.findings if f.code == "OL312")
    assert "/sys/net/gnrc/netif/" in unlisted and len(unlisted) == 6
    netif = (tmp_path / "team/responsibilities.yaml").read_text()
    assert "/sys/net/netif/" not in netif.split("imported.jia200x-miri64")[1].split("- id:")[0]


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
