"""Path mapping (team/path-ownership): CODEOWNERS syntax whose owners are role ids. What makes
a rule unusable is worked out in `ownership_lint.mapping`, which generation asks too."""

from __future__ import annotations

from collections.abc import Iterator

from ownership_lint import mapping
from ownership_lint.catalogue import generated, paths
from ownership_lint.findings import Finding
from ownership_lint.model import Team
from ownership_lint.rules.base import Context, CrossCheck, register


@register
class UnknownMappingRole(CrossCheck):
    meta = paths.UNKNOWN_ROLE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        return mapping.unknown_roles(team)


@register
class MultipleMappingRoles(CrossCheck):
    meta = paths.MULTIPLE_ROLES

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        return mapping.multiple_roles(team)


@register
class RoleWithoutHandles(CrossCheck):
    meta = generated.ROLE_WITHOUT_HANDLES

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        return mapping.roles_without_handles(team)


@register
class InvalidSectionSettings(CrossCheck):
    meta = generated.INVALID_SECTION_SETTINGS

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        return mapping.section_settings(team)
