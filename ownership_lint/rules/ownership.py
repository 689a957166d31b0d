"""Responsibility ownership: every responsibility and interface has exactly one owning role."""

from __future__ import annotations

from collections.abc import Iterator

from ownership_lint.catalogue import Code, ownership
from ownership_lint.findings import Finding
from ownership_lint.model import Ref, Team
from ownership_lint.rules.base import Context, CrossCheck, register


def _claimants(claims: list[Ref]) -> str:
    return ", ".join(f"{claim.id} ({claim.location})" for claim in claims)


def _at_every_claim(
    code: Code, subject: str, claims: list[Ref], message: str, hint: str
) -> Iterator[Finding]:
    """One finding at each claim, the others as related locations: on a pull request the
    annotation lands on the claim the change added, whichever role's file that is."""
    for claim in claims:
        others = tuple(c.location for c in claims if c is not claim)
        yield code.finding(claim.location, message, hint, subject=subject, related=others)


@register
class UnownedResponsibility(CrossCheck):
    meta = ownership.UNOWNED_RESPONSIBILITY

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if not team.complete:
            return
        owners = team.responsibility_owners()
        for resp in team.responsibilities:
            if not owners.get(resp.id):
                yield self.meta.finding(
                    resp.location,
                    f"responsibility '{resp.id}' is owned by no role",
                    f"add '{resp.id}' to the responsibilities of exactly one role",
                )


@register
class MultipleOwners(CrossCheck):
    meta = ownership.MULTIPLE_OWNERS

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        catalogue = team.responsibility_ids()
        for resp_id, claims in sorted(team.responsibility_owners().items()):
            if len(claims) > 1 and resp_id in catalogue:
                yield from _at_every_claim(
                    self.meta,
                    resp_id,
                    claims,
                    f"responsibility '{resp_id}' is owned by {len(claims)} roles: "
                    + _claimants(claims),
                    "keep one owner; give the others a RACI letter, e.g. "
                    f"{{id: {resp_id}, raci: R}}, or split the responsibility",
                )


@register
class UnownedInterface(CrossCheck):
    meta = ownership.UNOWNED_INTERFACE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if not team.complete:
            return
        owners = team.interface_owners()
        for iface in team.interfaces:
            if not owners.get(iface.id):
                yield self.meta.finding(
                    iface.location,
                    f"interface '{iface.id}' ({iface.title}) is owned by no role",
                    f"add '{iface.id}' to the interfaces of exactly one role",
                )


@register
class MultipleInterfaceOwners(CrossCheck):
    meta = ownership.MULTIPLE_INTERFACE_OWNERS

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        known = team.interface_ids()
        for iface_id, claims in sorted(team.interface_owners().items()):
            if len(claims) > 1 and iface_id in known:
                yield from _at_every_claim(
                    self.meta,
                    iface_id,
                    claims,
                    f"interface '{iface_id}' is owned by {len(claims)} roles: "
                    + _claimants(claims),
                    "keep the interface in one role's 'interfaces' list",
                )


@register
class InterfaceOwnerMismatch(CrossCheck):
    meta = ownership.INTERFACE_OWNER_MISMATCH

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        resp_owners = team.responsibility_owners()
        iface_owners = team.interface_owners()
        for iface in team.interfaces:
            if iface.responsibility is None:
                continue
            expected = {ref.id for ref in resp_owners.get(iface.responsibility.id, [])}
            actual = {ref.id for ref in iface_owners.get(iface.id, [])}
            if len(expected) == 1 and len(actual) == 1 and expected != actual:
                (want,), (have,) = expected, actual
                yield self.meta.finding(
                    iface.responsibility.location,
                    f"interface '{iface.id}' is owned by '{have}', but its responsibility "
                    f"'{iface.responsibility.id}' is owned by '{want}'",
                    f"move '{iface.id}' to the interfaces of role '{want}', or change the "
                    "interface's responsibility",
                )


@register
class OverloadedRole(CrossCheck):
    meta = ownership.OVERLOADED_ROLE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        limit = team.policy.max_responsibilities_per_role
        if limit is None:
            return
        for role in team.roles:
            owned = role.owned()
            if len(owned) > limit:
                yield self.meta.finding(
                    role.location,
                    f"role '{role.id}' owns {len(owned)} responsibilities; the policy allows "
                    f"{limit}",
                    "hand some over to another role, or raise policy.max_responsibilities_per_role",
                    subject=role.id,
                )
