"""Responsibility ownership: every responsibility and interface has exactly one owning role."""

from __future__ import annotations

from collections.abc import Iterator

from ownership_lint.findings import Finding, Severity
from ownership_lint.model import Ref, Team
from ownership_lint.rules.base import Context, CrossCheck, register

_ROLE = "id: {id}\ntitle: {title}\nseniority: middle\nmembers: ['{member}']\n"


def _claimants(claims: list[Ref]) -> str:
    return ", ".join(f"{claim.id} ({claim.location})" for claim in claims)


def _at_every_claim(
    rule: type[CrossCheck], subject: str, claims: list[Ref], message: str, hint: str
) -> Iterator[Finding]:
    """One finding at each claim, the others as related locations: on a pull request the
    annotation lands on the claim the change added, whichever role's file that is."""
    for claim in claims:
        others = tuple(c.location for c in claims if c is not claim)
        yield rule.finding(claim.location, message, hint, subject=subject, related=others)


@register
class UnownedResponsibility(CrossCheck):
    """A responsibility in the catalogue that no role owns.

    Nobody is accountable for it: it will be dropped when it matters (nobody owns DR until
    the day it is needed). A role owns a responsibility by listing its id under
    `responsibilities:` (or with `raci: A`); R, C and I letters do not make an owner.
    """

    code = "OL101"
    name = "unowned-responsibility"
    example_fail = {
        "team/roles/sre.yaml": _ROLE.format(id="sre", title="SRE", member="@sre-sam")
        + "responsibilities:\n  - {id: alerts.rules, raci: R}\n"
    }

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if not team.complete:
            return
        owners = team.responsibility_owners()
        for resp in team.responsibilities:
            if not owners.get(resp.id):
                yield self.finding(
                    resp.location,
                    f"responsibility '{resp.id}' is owned by no role",
                    f"add '{resp.id}' to the responsibilities of exactly one role",
                )


@register
class MultipleOwners(CrossCheck):
    """A responsibility that two or more roles own.

    Shared ownership is no ownership: each role assumes the other one acts. Reported at every
    claim, each naming every claimant and where it claims the responsibility (a suppression
    at any one of them accepts the conflict); keep one owner and give the others a RACI
    letter (`{id: ..., raci: R}`), or split the responsibility in the catalogue.
    """

    code = "OL102"
    name = "multiple-owners"
    example_fail = {
        "team/roles/devops.yaml": _ROLE.format(id="devops", title="DevOps", member="@dev-dana")
        + "responsibilities: [pipelines.development, alerts.rules]\n"
    }

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        catalogue = team.responsibility_ids()
        for resp_id, claims in sorted(team.responsibility_owners().items()):
            if len(claims) > 1 and resp_id in catalogue:
                yield from _at_every_claim(
                    type(self),
                    resp_id,
                    claims,
                    f"responsibility '{resp_id}' is owned by {len(claims)} roles: "
                    + _claimants(claims),
                    "keep one owner; give the others a RACI letter, e.g. "
                    f"{{id: {resp_id}, raci: R}}, or split the responsibility",
                )


@register
class UnownedInterface(CrossCheck):
    """A cross-functional interface (team.yaml `departments`) that no role owns."""

    code = "OL103"
    name = "unowned-interface"
    example_fail = {
        "team/roles/sre.yaml": _ROLE.format(id="sre", title="SRE", member="@sre-sam")
        + "responsibilities: [alerts.rules]\n"
    }

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if not team.complete:
            return
        owners = team.interface_owners()
        for iface in team.interfaces:
            if not owners.get(iface.id):
                yield self.finding(
                    iface.location,
                    f"interface '{iface.id}' ({iface.title}) is owned by no role",
                    f"add '{iface.id}' to the interfaces of exactly one role",
                )


@register
class MultipleInterfaceOwners(CrossCheck):
    """A cross-functional interface that two or more roles own.

    The other department needs one contact per interface; reported at every claim, each
    naming every claimant.
    """

    code = "OL104"
    name = "multiple-interface-owners"
    example_fail = {
        "team/roles/devops.yaml": _ROLE.format(id="devops", title="DevOps", member="@dev-dana")
        + "responsibilities: [pipelines.development]\ninterfaces: [security.updates]\n"
    }

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        known = team.interface_ids()
        for iface_id, claims in sorted(team.interface_owners().items()):
            if len(claims) > 1 and iface_id in known:
                yield from _at_every_claim(
                    type(self),
                    iface_id,
                    claims,
                    f"interface '{iface_id}' is owned by {len(claims)} roles: "
                    + _claimants(claims),
                    "keep the interface in one role's 'interfaces' list",
                )


@register
class InterfaceOwnerMismatch(CrossCheck):
    """An interface that belongs to a responsibility, owned by another role than that one.

    `responsibility:` on an interface says which catalogue responsibility it is part of (the
    SECURITY department's compliance requirements are part of `compliance.controls`, say);
    one role must answer for both, or the two drift apart.
    """

    code = "OL105"
    name = "interface-owner-mismatch"
    example_fail = {
        "team/team.yaml": (
            "name: example\ntitle: Example team\nlast_reviewed: '2026-01-15'\n"
            "departments:\n  - id: security\n    name: SECURITY\n    interfaces:\n"
            "      - id: security.updates\n        title: Security updates\n"
            "        responsibility: pipelines.development\n"
        )
    }

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
                yield self.finding(
                    iface.responsibility.location,
                    f"interface '{iface.id}' is owned by '{have}', but its responsibility "
                    f"'{iface.responsibility.id}' is owned by '{want}'",
                    f"move '{iface.id}' to the interfaces of role '{want}', or change the "
                    "interface's responsibility",
                )


@register
class OverloadedRole(CrossCheck):
    """A role that owns more responsibilities than `policy.max_responsibilities_per_role`.

    Quiet unless the policy sets a maximum.
    """

    code = "OL106"
    name = "overloaded-role"
    severity = Severity.WARNING
    example_fail = {
        "team/team.yaml": (
            "name: example\ntitle: Example team\nlast_reviewed: '2026-01-15'\n"
            "policy:\n  max_responsibilities_per_role: 1\n"
            "departments:\n  - id: security\n    name: SECURITY\n    interfaces:\n"
            "      - id: security.updates\n        title: Security updates\n"
        ),
        "team/roles/devops.yaml": _ROLE.format(id="devops", title="DevOps", member="@dev-dana")
        + "responsibilities:\n  - pipelines.development\n  - {id: alerts.rules, raci: A}\n",
        "team/roles/sre.yaml": _ROLE.format(id="sre", title="SRE", member="@sre-sam")
        + "responsibilities: []\ninterfaces: [security.updates]\n",
    }

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        limit = team.policy.max_responsibilities_per_role
        if limit is None:
            return
        for role in team.roles:
            owned = role.owned()
            if len(owned) > limit:
                yield self.finding(
                    role.location,
                    f"role '{role.id}' owns {len(owned)} responsibilities; the policy allows "
                    f"{limit}",
                    "hand some over to another role, or raise policy.max_responsibilities_per_role",
                    subject=role.id,
                )
