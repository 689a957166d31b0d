"""Path mapping (team/path-ownership): CODEOWNERS syntax whose owners are role ids."""

from __future__ import annotations

from collections.abc import Iterator

from ownership_lint.catalogue import paths
from ownership_lint.findings import Finding
from ownership_lint.model import Team, owner_location
from ownership_lint.rules.base import Context, CrossCheck, register
from ownership_lint.suggest import did_you_mean


@register
class UnknownMappingRole(CrossCheck):
    meta = paths.UNKNOWN_ROLE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if team.mapping is None or team.mapping_path is None:
            return
        known = team.role_ids()
        for rule in team.mapping.rules:
            for owner in rule.owners:
                if owner.text not in known:
                    yield self.meta.finding(
                        owner_location(team.mapping_path, owner),
                        f"unknown role '{owner.text}' for '{rule.pattern}'",
                        did_you_mean(owner.text, known)
                        or "the mapping's owners are role ids: the file names under team/roles/",
                    )


@register
class MultipleMappingRoles(CrossCheck):
    meta = paths.MULTIPLE_ROLES

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if team.mapping is None or team.mapping_path is None:
            return
        for rule in team.mapping.rules:
            if len(rule.owners) > 1:
                yield self.meta.finding(
                    owner_location(team.mapping_path, rule.owners[1]),
                    f"'{rule.pattern}' is given to {len(rule.owners)} roles: "
                    + ", ".join(owner.text for owner in rule.owners),
                    "a path has exactly one owning role: keep one, or split the pattern",
                )
