"""Run a finding code's example: the example team with the example's files laid over it, linted
as the CLI would (the tests and `ownership-lint explain` use it)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ownership_lint.catalogue.example_team import (
    CODEOWNERS,
    EXAMPLE_TODAY,
    GITLAB_CODEOWNERS,
    example_files,
)

if TYPE_CHECKING:
    from ownership_lint.linting import Report


def write_tree(root: Path, files: Mapping[str, str]) -> None:
    # surrogateescape lets an example carry bytes that are not UTF-8 (the encoding rule's).
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8", "surrogateescape"))


def run_example(overrides: Mapping[str, str | None], root: Path | None = None) -> Report:
    """Lint the base team with `overrides` laid over it, as of EXAMPLE_TODAY, its files taken
    as the tracked files; a CODEOWNERS file among them (GitHub's or GitLab's) is linted too
    (with --unowned).

    Written under `root`, or a temporary directory removed afterwards.
    """
    if root is None:
        with tempfile.TemporaryDirectory() as tmp:
            return run_example(overrides, Path(tmp))
    from ownership_lint.config import load_config
    from ownership_lint.linting import lint, lint_codeowners

    files = example_files(overrides)
    write_tree(root, files)
    # As the CLI runs it: an example may carry its own configuration file.
    config = load_config(root)
    today = dt.date.fromisoformat(EXAMPLE_TODAY)
    report = lint(root, config=config, today=today, tracked=list(files))
    for path in (CODEOWNERS, GITLAB_CODEOWNERS):
        if path in files:
            wanted = replace(config, enable=("OL310",))
            extra = lint_codeowners(root, root / path, tracked=list(files), config=wanted)
            report.findings.extend(extra.findings)
    return report
