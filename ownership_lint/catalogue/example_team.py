"""The small team that the codes' examples are laid over: it passes every check as it is.

Data only: `ownership_lint.examples` lints an example.
"""

from __future__ import annotations

from collections.abc import Mapping

CODEOWNERS = ".github/CODEOWNERS"
GITLAB_CODEOWNERS = ".gitlab/CODEOWNERS"
# The date the examples are judged on, so that staleness examples do not depend on the clock.
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
