"""Responsibility ownership: every responsibility and interface has exactly one owning role
(OL101-OL106)."""

from __future__ import annotations

from ownership_lint.catalogue.code import Code
from ownership_lint.findings import Severity

_ROLE = "id: {id}\ntitle: {title}\nseniority: middle\nmembers: ['{member}']\n"

UNOWNED_RESPONSIBILITY = Code(
    "OL101",
    "unowned-responsibility",
    doc="""
    A responsibility in the catalogue that no role owns.

    Nobody is accountable for it: it will be dropped when it matters (nobody owns DR until
    the day it is needed). A role owns a responsibility by listing its id under
    `responsibilities:` (or with `raci: A`); R, C and I letters do not make an owner.
    """,
    example_fail={
        "team/roles/sre.yaml": _ROLE.format(id="sre", title="SRE", member="@sre-sam")
        + "responsibilities:\n  - {id: alerts.rules, raci: R}\n"
    },
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
    example_fail={
        "team/team.yaml": (
            "name: example\ntitle: Example team\nlast_reviewed: '2026-01-15'\n"
            "departments:\n  - id: security\n    name: SECURITY\n    interfaces:\n"
            "      - id: security.updates\n        title: Security updates\n"
            "        responsibility: pipelines.development\n"
        )
    },
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
    },
)
