from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from ownership_lint.api import Report
from ownership_lint.cli import run as cli_run
from ownership_lint.examples import run_example

REPO = Path(__file__).resolve().parent.parent
# The project's shared input beside the checkout (the real-world CODEOWNERS corpus): only
# the tests of the corpus use it, and they skip without it. OWNERSHIP_LINT_SHARED points
# elsewhere; set it to a missing directory to run the suite as on a fresh clone.
SHARED = Path(os.environ.get("OWNERSHIP_LINT_SHARED") or REPO.parent / "shared")
# The seed documents, copied from shared/seed: the default suite needs nothing outside.
FIXTURES = REPO / "tests" / "fixtures"
SEED_DIR = FIXTURES / "seed"
# The shipped team was reviewed on this date; checks on it are judged as of this day.
SHIPPED_TODAY = dt.date(2026, 11, 29)


def git(root: Path, *args: str) -> str:
    """Run git in `root` (as a fixed, throwaway identity); its standard output."""
    result = subprocess.run(
        ["git", "-c", "user.email=t@example.invalid", "-c", "user.name=t", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return result.stdout.decode("utf-8", "surrogateescape")


def commit_all(root: Path) -> Path:
    """Commit everything under `root`, a git repository from then on."""
    if not (root / ".git").exists():
        git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "x")
    return root


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogateescape")
        path.write_bytes(data)
    return root


@pytest.fixture
def example_team(tmp_path: Path) -> Callable[..., Report]:
    """Lint the rule examples' base team with some files replaced (None removes one)."""

    def run(overrides: Mapping[str, str | None] | None = None) -> Report:
        return run_example(overrides or {}, tmp_path)

    return run


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the real command-line entry point in-process: (exit code, stdout, stderr)."""

    def invoke(*args: str) -> tuple[int, str, str]:
        code = cli_run(args)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


def codes(report: Report) -> list[str]:
    return [f.code for f in report.findings]


# Session fixtures of the tests that run pre-commit: one snapshot of this tree, one hook
# install, shared by every module that uses them.


@pytest.fixture(scope="session")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .repos import snapshot_of_this_tree

    return snapshot_of_this_tree(tmp_path_factory.mktemp("hooks-repo") / "ownership-lint")


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the session: the hook environment is installed once."""
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def run_hook(
    hooks_repo: Path, pre_commit_home: Path, tmp_path: Path
) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`pre-commit run HOOK ARGS` (default --all-files) in a consumer repo whose configuration
    names the snapshot at its commit, as users pin this repository: the same install as
    try-repo, done once per session."""
    import yaml

    from .repos import git, pre_commit

    config = tmp_path / "consumer-pre-commit-config.yaml"
    rev = git(hooks_repo, "rev-parse", "HEAD").strip()
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hooks = [{"id": hook["id"]} for hook in manifest]
    repos = [{"repo": str(hooks_repo), "rev": rev, "hooks": hooks}]
    config.write_text(yaml.safe_dump({"repos": repos}), encoding="utf-8")

    def run(consumer: Path, hook: str, *args: str) -> subprocess.CompletedProcess[str]:
        return pre_commit(
            pre_commit_home,
            consumer,
            "run",
            "--config",
            str(config),
            "--color=never",
            hook,
            *(args or ("--all-files",)),
        )

    return run
