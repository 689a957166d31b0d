"""The small team that rule examples are laid over: it passes every rule as it is."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ownership_lint.api import Report

CODEOWNERS = ".github/CODEOWNERS"
GITLAB_CODEOWNERS = ".gitlab/CODEOWNERS"
# The date rule examples are judged on, so that staleness examples do not depend on the clock.
EXAMPLE_TODAY = "2026-02-01"

BASE_TEAM: Mapping[str, str] = {
    "team/team.yaml": """\
name: example
title: Example team
last_reviewed: "2026-01-15"
policy:
  min_members_per_role: 1
  review_max_age_days: 180
departments:
  - id: security
    name: SECURITY
    interfaces:
      - id: security.updates
        title: Security updates
""",
    "team/responsibilities.yaml": """\
areas:
  - id: alerts
    title: Alerts
    responsibilities:
      - id: alerts.rules
        title: Alert rule creation
        paths: [/alerts/]
  - id: pipelines
    title: Pipelines
    responsibilities:
      - id: pipelines.development
        title: Pipeline development
        paths: [/.github/workflows/]
""",
    "team/roles/sre.yaml": """\
id: sre
title: Site Reliability Engineer
seniority: middle
members: ['@sre-sam']
responsibilities: [alerts.rules]
interfaces: [security.updates]
""",
    "team/roles/devops.yaml": """\
id: devops
title: DevOps Engineer
seniority: middle
members: ['@dev-dana']
responsibilities: [pipelines.development]
""",
    "team/path-ownership": """\
/alerts/             sre
/.github/workflows/  devops
""",
    # The repository's other files, so that the mapping's rules have something to match.
    "alerts/cpu.yaml": "groups: []\n",
    ".github/workflows/ci.yml": "on: push\n",
}


def example_files(overrides: Mapping[str, str | None]) -> dict[str, str]:
    """The base team with `overrides` laid over it (None removes a file)."""
    files = dict(BASE_TEAM)
    for path, content in overrides.items():
        if content is None:
            files.pop(path, None)
        else:
            files[path] = content
    return files


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
    from ownership_lint.api import lint, lint_codeowners, load_config

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
