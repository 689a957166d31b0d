"""Responsibility ownership: every responsibility and interface has exactly one owning role
(OL101-OL106)."""

from __future__ import annotations

from ownership_lint.catalogue.code import Code
from ownership_lint.catalogue.example_team import RESPONSIBILITIES, SRE, TEAM, edited, team_yaml
from ownership_lint.findings import Severity

_ROLE = "id: {id}\ntitle: {title}\nseniority: middle\nmembers: ['{member}']\n"
# The catalogue with a responsibility that no path belongs to, and the role that takes it on.
_WITH_ROUTING = edited(
    RESPONSIBILITIES,
    "        paths: [/alerts/]\n",
    "        paths: [/alerts/]\n      - id: alerts.routing\n        title: Alert routing\n",
)
_SRE_ROUTES = edited(SRE, "[alerts.rules]", "[alerts.rules, alerts.routing]")


UNOWNED_RESPONSIBILITY = Code(
    "OL101",
    "unowned-responsibility",
    doc="""
    A responsibility in the catalogue that no role owns.

    Nobody is accountable for it: it will be dropped when it matters (nobody owns DR until
    the day it is needed). A role owns a responsibility by listing its id under
    `responsibilities:` (or with `raci: A`); R, C and I letters do not make an owner.
    """,
    example_fail={RESPONSIBILITIES: _WITH_ROUTING},
    example_pass={RESPONSIBILITIES: _WITH_ROUTING, SRE: _SRE_ROUTES},
)

MULTIPLE_OWNERS = Code(
    "OL102",
    "multiple-owners",
    doc="""
    A responsibility that two or more roles own.

    Shared ownership is no ownership: each role assumes the other one acts. Reported at every
    claim, each naming every claimant and where it claims the responsibility (a suppression
    at any one of them accepts the conflict); keep one owner and give the others a RACI
    letter (`{id: ..., raci: R}`), or split the responsibility in the catalogue.
    """,
    example_fail={
        "team/roles/devops.yaml": _ROLE.format(id="devops", title="DevOps", member="@dev-dana")
        + "responsibilities: [pipelines.development, alerts.rules]\n"
    },
    example_pass={
        "team/roles/devops.yaml": _ROLE.format(id="devops", title="DevOps", member="@dev-dana")
        + "responsibilities: [pipelines.development, {id: alerts.rules, raci: R}]\n"
    },
)

UNOWNED_INTERFACE = Code(
    "OL103",
    "unowned-interface",
    doc="""
    A cross-functional interface (team.yaml `departments`) that no role owns.
    """,
    example_fail={
        "team/roles/sre.yaml": _ROLE.format(id="sre", title="SRE", member="@sre-sam")
        + "responsibilities: [alerts.rules]\n"
    },
)

MULTIPLE_INTERFACE_OWNERS = Code(
    "OL104",
    "multiple-interface-owners",
    doc="""
    A cross-functional interface that two or more roles own.

    The other department needs one contact per interface; reported at every claim, each
    naming every claimant.
    """,
    example_fail={
        "team/roles/devops.yaml": _ROLE.format(id="devops", title="DevOps", member="@dev-dana")
        + "responsibilities: [pipelines.development]\ninterfaces: [security.updates]\n"
    },
)

INTERFACE_OWNER_MISMATCH = Code(
    "OL105",
    "interface-owner-mismatch",
    doc="""
    An interface that belongs to a responsibility, owned by another role than that one.

    `responsibility:` on an interface says which catalogue responsibility it is part of (the
    SECURITY department's compliance requirements are part of `compliance.controls`, say);
    one role must answer for both, or the two drift apart.
    """,
    example_fail={TEAM: team_yaml(responsibility="pipelines.development")},
    example_pass={TEAM: team_yaml(responsibility="alerts.rules")},
)

OVERLOADED_ROLE = Code(
    "OL106",
    "overloaded-role",
    severity=Severity.WARNING,
    doc="""
    A role that owns more responsibilities than `policy.max_responsibilities_per_role`.

    Quiet unless the policy sets a maximum.
    """,
    example_fail={
        TEAM: edited(TEAM, "policy:\n", "policy:\n  max_responsibilities_per_role: 1\n"),
        RESPONSIBILITIES: _WITH_ROUTING,
        SRE: _SRE_ROUTES,
    },
    example_pass={
        TEAM: edited(TEAM, "policy:\n", "policy:\n  max_responsibilities_per_role: 2\n"),
        RESPONSIBILITIES: _WITH_ROUTING,
        SRE: _SRE_ROUTES,
    },
)
