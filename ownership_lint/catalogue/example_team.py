"""The small team that the codes' examples are laid over: it passes every check as it is.

Data only: `ownership_lint.examples` lints an example.
"""

from __future__ import annotations

from collections.abc import Mapping

TEAM = "team/team.yaml"
RESPONSIBILITIES = "team/responsibilities.yaml"
SRE = "team/roles/sre.yaml"
DEVOPS = "team/roles/devops.yaml"
MAPPING = "team/path-ownership"
CODEOWNERS = ".github/CODEOWNERS"
GITLAB_CODEOWNERS = ".gitlab/CODEOWNERS"
# The date the examples are judged on, so that staleness examples do not depend on the clock.
EXAMPLE_TODAY = "2026-02-01"

BASE_TEAM: Mapping[str, str] = {
    TEAM: """\
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
    RESPONSIBILITIES: """\
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
    SRE: """\
id: sre
title: Site Reliability Engineer
seniority: middle
members: ['@sre-sam']
responsibilities: [alerts.rules]
interfaces: [security.updates]
""",
    DEVOPS: """\
id: devops
title: DevOps Engineer
seniority: middle
members: ['@dev-dana']
responsibilities: [pipelines.development]
""",
    MAPPING: """\
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


def edited(path: str, old: str, new: str) -> str:
    """The example team's file at `path` with its one `old` text replaced by `new`: an example
    that differs from the team in one small place says at a glance what it is about."""
    text = BASE_TEAM[path]
    if text.count(old) != 1:
        raise ValueError(f"{old!r} is not in {path} exactly once")
    return text.replace(old, new)


def team_yaml(last_reviewed: str = "2026-01-15", responsibility: str = "") -> str:
    """team.yaml without a policy (the defaults apply), reviewed on `last_reviewed`, its
    interface part of `responsibility` when one is given."""
    return (
        f"name: example\ntitle: Example team\nlast_reviewed: '{last_reviewed}'\n"
        "departments:\n  - id: security\n    name: SECURITY\n    interfaces:\n"
        "      - id: security.updates\n        title: Security updates\n"
        + (f"        responsibility: {responsibility}\n" if responsibility else "")
    )
