"""The engine on real CODEOWNERS files (``shared/corpus``), checked against references.

GitHub corpora: the winning rule of EVERY tracked file equals the winning line of the
``codeowners`` PyPI package (a test-only oracle) and of a plain "test every rule, last match
wins" reference built on hmarr/codeowners' regexes. nuttx is slow in the oracle (~110 s),
so there the oracle sees a fixed sample of 300 files and the plain reference every file.
GitLab corpora: every file against a plain reference of GitLab's algorithm, plus hand-checked
answers read off the CODEOWNERS files.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from codeowners_reference import (
    CORPUS,
    GithubReference,
    GitlabReference,
    corpus_dialect,
    corpus_dirs,
)

from ownership_lint.codeowners import Matcher, parse

DIRS = corpus_dirs()
pytestmark = pytest.mark.skipif(not DIRS, reason=f"corpus not found at {CORPUS}")

GITHUB = [d for d in DIRS if corpus_dialect(d) == "github"]
GITLAB = [d for d in DIRS if corpus_dialect(d) == "gitlab"]
ORACLE_SAMPLE = {"apache__nuttx": 300}


def _load(folder: Path) -> tuple[str, list[str]]:
    text = (folder / "CODEOWNERS").read_text(encoding="utf-8", errors="surrogateescape")
    return text, (folder / "files.txt").read_text(encoding="utf-8").splitlines()


def _ids(dirs: list[Path]) -> list[str]:
    return [d.name for d in dirs]


@pytest.mark.parametrize("folder", DIRS, ids=_ids(DIRS))
def test_parses_without_crash_in_both_dialects(folder: Path) -> None:
    text, _ = _load(folder)
    lines = text.split("\n")
    for dialect in ("github", "gitlab"):
        f = parse(text, dialect)  # type: ignore[arg-type]
        assert f.rules
        assert [r.index for r in f.rules] == list(range(len(f.rules)))
        for r in f.rules:
            line = lines[r.line - 1]
            assert line[r.column - 1 : r.end_column - 1] == r.pattern
            for o in r.owners:
                assert line[o.column - 1 : o.column - 1 + len(o.text)] == o.text


@pytest.mark.parametrize("folder", GITHUB, ids=_ids(GITHUB))
def test_github_corpus_matches_oracle(folder: Path) -> None:
    co = pytest.importorskip("codeowners")
    text, files = _load(folder)
    sample = ORACLE_SAMPLE.get(folder.name)
    if sample is not None:
        files = sorted(random.Random(20240601).sample(files, sample))
    ours = Matcher(parse(text, "github"))
    oracle = co.CodeOwners(text)
    disagreements = []
    for path in files:
        rule = ours.owner_rule(path)
        mine = None if rule is None else rule.line
        theirs = oracle.matching_line(path)[1]
        if mine != theirs:
            disagreements.append((path, mine, theirs))
    # Every corpus file agrees; known semantic differences are pinned in
    # test_codeowners_oracle_differences.py with the answer GitHub gives.
    assert disagreements == []


@pytest.mark.parametrize("folder", GITHUB, ids=_ids(GITHUB))
def test_github_corpus_index_equals_linear_reference(folder: Path) -> None:
    text, files = _load(folder)
    f = parse(text, "github")
    m = Matcher(f)
    expected = GithubReference(f).owner_rules(files)
    wrong = [p for p in files if m.owner_rule(p) is not expected[p]]
    assert wrong == []


@pytest.mark.parametrize("folder", GITLAB, ids=_ids(GITLAB))
def test_gitlab_corpus_index_equals_reference(folder: Path) -> None:
    text, files = _load(folder)
    f = parse(text, "gitlab")
    assert f.problems == []
    m = Matcher(f)
    ref = GitlabReference(f)
    wrong = [p for p in files if m.matching_rules(p) != ref.matching_rules(p)]
    assert wrong == []


def _gitlab(name: str) -> Matcher:
    folder = CORPUS / name
    if not (folder / "CODEOWNERS").is_file():
        pytest.skip(f"{name} not in corpus")
    return Matcher(parse(_load(folder)[0], "gitlab"))


OMNIBUS_MAINT = (
    "@gitlab-org/maintainers/distribution-build",
    "@gitlab-org/maintainers/distribution-package-configuration",
    "@gitlab-org/delivery",
    "@gitlab-org/tw-leadership",
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # Only the default section's `*` (line 5).
        ("README.md", OMNIBUS_MAINT),
        # Default section: /.gitlab/CODEOWNERS floats as **/.gitlab/CODEOWNERS (line 9).
        (
            ".gitlab/CODEOWNERS",
            (
                "@gitlab-org/development-leaders",
                "@gitlab-org/tw-leadership",
                "@gitlab-org/maintainers/distribution-build",
            ),
        ),
        # `!/doc/**/*.md` excludes it from the default section; [Documentation Directories]
        # `/doc/` gives the section's default owners.
        ("doc/settings/nginx.md", ("@axil", "@eread")),
        # .png is excluded from the default section too (`!/doc/**/*.png`).
        ("doc/img/a.png", ("@axil", "@eread")),
        # A non-excluded doc file: default `*` and the docs section both apply.
        ("doc/a.txt", (*OMNIBUS_MAINT, "@axil", "@eread")),
        # [Distribution Build] `/config/` with the section's default owner, plus `*`;
        # the owner already listed is not repeated.
        ("config/templates/x.erb", OMNIBUS_MAINT),
        # The later, more specific /config/software/registry.rb line adds the registry team.
        (
            "config/software/registry.rb",
            (*OMNIBUS_MAINT, "@gitlab-org/maintainers/container-registry"),
        ),
        # /files/gitlab-cookbooks/registry/: [Distribution Cookbooks] /files/ and
        # ^[Container Registry] both match; defaults of each.
        (
            "files/gitlab-cookbooks/registry/recipes/enable.rb",
            (*OMNIBUS_MAINT, "@gitlab-org/maintainers/container-registry"),
        ),
        # doc-locale is excluded from the default section (`!/doc-locale/`); the
        # [Localization Team] section's last match is /doc-locale/ja-jp/.
        (
            "doc-locale/ja-jp/index.md",
            (
                "@gitlab-com/localization/maintainers/japanese",
                "@gitlab-com/localization/maintainers/tech-docs",
            ),
        ),
        # /doc/.vale/ (default section) beats `*`; exclusions do not match .yml files.
        (
            "doc/.vale/gitlab/Acronyms.yml",
            (
                "@gitlab-org/technical-writing/tw-docops",
                "@gitlab-org/tw-leadership",
                "@axil",
                "@eread",
            ),
        ),
    ],
)
def test_omnibus_hand_checked(path: str, expected: tuple[str, ...]) -> None:
    assert _gitlab("gitlabhq__omnibus-gitlab").owners(path) == expected


REGISTRY = "@gitlab-org/maintainers/container-registry"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # `/` in GitLab normalises to /**/* and owns every file (on GitHub it matches nothing).
        ("go.mod", (REGISTRY,)),
        # [Storage drivers] /registry/storage/driver/ ; [Object Storage Metadata] excludes
        # /registry/storage/driver/ with `!`, so only the drivers section and `/`.
        ("registry/storage/driver/s3-aws/s3.go", (REGISTRY, "@vespian_gl", "@hswimelar")),
        # [Object Storage Metadata] /registry/storage/ applies elsewhere under storage.
        ("registry/storage/blobstore.go", (REGISTRY, "@hswimelar", "@jdrpereira")),
        # garbagecollect*.go is excluded from Object Storage Metadata but owned by
        # [Offline GC].
        ("registry/storage/garbagecollect.go", (REGISTRY, "@hswimelar", "@suleimiahmed")),
        # /registry/datastore/**/loadbalancing*.go in [Database load-balancing], with
        # [Database] /registry/datastore/.
        (
            "registry/datastore/lb/loadbalancing.go",
            (REGISTRY, "@jdrpereira", "@suleimiahmed", "@vespian_gl"),
        ),
    ],
)
def test_conarx_hand_checked(path: str, expected: tuple[str, ...]) -> None:
    assert _gitlab("AllWorldIT__conarx-gitlab-registry").owners(path) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("CMakeLists.txt", ("@bmorgan",)),
        ("cmake/Modules/G4Foo.cmake", ("@bmorgan", "@gunter")),
        # `/source/processes/scoring` has no trailing slash: in GitLab it matches only a
        # path named exactly that, not the files below it.
        ("source/processes/scoring/src/G4ScoreSplittingProcess.cc", ()),
        # `/source/parameterisations/ @mverderi` appears twice; GitLab keeps the first
        # position, so the later, more specific /source/parameterisations/channeling/ wins
        # (a naive "last line wins" would answer @mverderi).
        ("source/parameterisations/channeling/src/G4Channeling.cc", ("@pandola", "@alsytov")),
        ("source/parameterisations/gflash/src/GFlashShowerModel.cc", ("@azaborow",)),
        ("source/parameterisations/CMakeLists.txt", ("@mverderi",)),
    ],
)
def test_geant4_hand_checked(path: str, expected: tuple[str, ...]) -> None:
    m = _gitlab("Geant4__geant4")
    assert m.owners(path) == expected
