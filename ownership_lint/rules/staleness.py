"""Staleness: ownership that nobody has looked at for too long."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ownership_lint.catalogue import staleness
from ownership_lint.findings import Finding
from ownership_lint.model import Team
from ownership_lint.rules.base import Context, CrossCheck, register


@register
class StaleReview(CrossCheck):
    meta = staleness.STALE_REVIEW

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if team.last_reviewed is None:
            return
        try:
            reviewed = dt.date.fromisoformat(team.last_reviewed.id)
        except ValueError:
            return  # the schema reports the malformed date
        age = (ctx.today - reviewed).days
        limit = team.policy.review_max_age_days
        if age > limit:
            yield self.meta.finding(
                team.last_reviewed.location,
                f"ownership was last reviewed {age} days ago ({reviewed}); the policy allows "
                f"{limit}",
                "review team/ with the team, then set last_reviewed to today's date",
                subject="last_reviewed",
            )
        elif age < 0:
            yield self.meta.finding(
                team.last_reviewed.location,
                f"last_reviewed ({reviewed}) lies in the future",
                "set it to the date of the last review",
                subject="last_reviewed",
            )
