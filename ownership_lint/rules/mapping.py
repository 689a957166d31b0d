"""Path mapping (team/path-ownership): CODEOWNERS syntax whose owners are role ids."""

from __future__ import annotations

from collections.abc import Iterator

from ownership_lint.findings import Finding
from ownership_lint.model import Team
from ownership_lint.rules.base import Context, CrossCheck, Rule, register
from ownership_lint.suggest import did_you_mean


@register
class MappingSyntax(Rule):
    """A line of the path mapping that GitHub's CODEOWNERS syntax does not accept.

    Such a line is skipped, as GitHub skips it: the paths it meant to give away keep the owner
    of an earlier rule (or none).
    """

    code = "OL301"
    name = "mapping-syntax"
    example_fail = {"team/path-ownership": "/alerts/[a-z]*  sre\n/.github/workflows/  devops\n"}


@register
class UnknownMappingRole(CrossCheck):
    """The path mapping gives a path to a role id that no role file defines."""

    code = "OL302"
    name = "unknown-role"
    example_fail = {"team/path-ownership": "/alerts/  sre\n/.github/workflows/  devop\n"}

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        known = team.role_ids()
        for rule in team.mapping:
            for ref in rule.roles:
                if ref.id not in known:
                    yield self.finding(
                        ref.location,
                        f"unknown role '{ref.id}' for '{rule.pattern}'",
                        did_you_mean(ref.id, known)
                        or "the mapping's owners are role ids: the file names under team/roles/",
                    )


@register
class MultipleMappingRoles(CrossCheck):
    """A mapping rule that gives its paths to more than one role.

    A path, like a responsibility, has exactly one owning role. Split the pattern, or let one
    role own it.
    """

    code = "OL303"
    name = "multiple-roles"
    example_fail = {"team/path-ownership": "/alerts/  sre devops\n/.github/workflows/  devops\n"}

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        for rule in team.mapping:
            if len(rule.roles) > 1:
                yield self.finding(
                    rule.roles[1].location,
                    f"'{rule.pattern}' is given to {len(rule.roles)} roles: "
                    + ", ".join(ref.id for ref in rule.roles),
                    "a path has exactly one owning role: keep one, or split the pattern",
                )
