"""Staleness: ownership that nobody has looked at for too long (OL501)."""

from __future__ import annotations

from ownership_lint.catalogue.code import Code
from ownership_lint.catalogue.example_team import TEAM, team_yaml
from ownership_lint.findings import Severity

STALE_REVIEW = Code(
    "OL501",
    "stale-review",
    severity=Severity.WARNING,
    doc="""
    `last_reviewed` in team.yaml is older than `policy.review_max_age_days` (default 180),
    or lies in the future.

    People leave and priorities move: ownership that nobody re-read for half a year is
    probably wrong somewhere. Review team/ with the team, then update the date.
    """,
    example_fail={TEAM: team_yaml(last_reviewed="2025-01-15")},
    example_pass={TEAM: team_yaml()},
)
