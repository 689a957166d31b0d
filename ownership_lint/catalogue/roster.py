"""References and roster: every id that something refers to exists and is unique and well placed;
roles are staffed, handles are valid, every role is there for something (OL201-OL216)."""

from __future__ import annotations

from ownership_lint.catalogue.code import Code
from ownership_lint.catalogue.example_team import RESPONSIBILITIES, SRE, TEAM, edited, team_yaml
from ownership_lint.findings import Severity

_SRE_STAFFED = "id: sre\ntitle: SRE\nseniority: middle\nmembers: ['@sre-sam']\n"
_SRE = "id: sre\ntitle: SRE\nseniority: middle\n"
_SRE_OWNS = "responsibilities: [alerts.rules]\ninterfaces: [security.updates]\n"
_SRE_PASSES = _SRE + "members: ['@sre-sam']\n" + _SRE_OWNS


UNKNOWN_RESPONSIBILITY = Code(
    "OL201",
    "unknown-responsibility",
    doc="""
    A role or an interface refers to a responsibility id that the catalogue does not have.

    Usually a typo or a responsibility that was renamed; the closest existing id is suggested.
    An area id is not a responsibility: own the responsibilities inside it.
    """,
    example_fail={TEAM: team_yaml(responsibility="alerts.rule")},
    example_pass={TEAM: team_yaml(responsibility="alerts.rules")},
)

UNKNOWN_INTERFACE = Code(
    "OL202",
    "unknown-interface",
    doc="""
    A role owns an interface id that no department in team.yaml declares.
    """,
    example_fail={SRE: edited(SRE, "[security.updates]", "[security.updates, security.audits]")},
)

DUPLICATE_ID = Code(
    "OL203",
    "duplicate-id",
    doc="""
    Two things of the same kind (roles, areas and responsibilities, departments and
    interfaces) have the same id.

    Ids are how everything refers to everything else: a duplicate makes references ambiguous.
    """,
    example_fail={
        RESPONSIBILITIES: edited(
            RESPONSIBILITIES,
            "        paths: [/alerts/]\n",
            "        paths: [/alerts/]\n      - id: alerts.rules\n        title: Alert routing\n",
        )
    },
)

MISPLACED_ID = Code(
    "OL204",
    "misplaced-id",
    doc="""
    A responsibility id that is not nested under its area's id (`budget.forecasting` in area
    `budget`), or an interface id not nested under its department's id.

    Nesting keeps ids readable where they are used (`dr.planning` says where it belongs).
    """,
    example_fail={
        RESPONSIBILITIES: (
            "areas:\n  - id: alerts\n    title: Alerts\n    responsibilities:\n"
            "      - id: alerts.rules\n        title: Alert rule creation\n"
            "        paths: [/alerts/]\n"
            "      - id: pipelines.development\n        title: Pipeline development\n"
            "        paths: [/.github/workflows/]\n"
        )
    },
)

ROLE_ID_MISMATCH = Code(
    "OL205",
    "role-id-mismatch",
    doc="""
    A role file whose `id` differs from its file name (roles/<role-id>.yaml).

    Finding a role by its id must take one look at the file names.
    """,
    example_fail={
        SRE: None,
        "team/roles/site-reliability.yaml": _SRE_STAFFED
        + "responsibilities: [alerts.rules]\ninterfaces: [security.updates]\n",
    },
)

UNDERSTAFFED_ROLE = Code(
    "OL211",
    "understaffed-role",
    doc="""
    A role with fewer members than `policy.min_members_per_role` (default 1).

    A role that owns responsibilities but has no members leaves them orphaned: the ownership
    checks pass on paper while nobody is there to act.
    """,
    example_fail={SRE: edited(SRE, "members: ['@sre-sam']", "handle: '@acme/sre'\nmembers: []")},
    example_pass={
        SRE: edited(SRE, "members: ['@sre-sam']", "handle: '@acme/sre'\nmembers: ['@sre-sam']")
    },
)

INVALID_HANDLE = Code(
    "OL212",
    "invalid-handle",
    doc="""
    A member or role handle that is not a valid GitHub/GitLab handle, team or email.

    Valid: `@octocat`, `@acme/sre` (an organisation's team), `@group/subgroup/team` (GitLab),
    `jane@example.com` (CODEOWNERS accepts emails of users with a verified address). Bare
    names cannot be requested as reviewers by a CODEOWNERS file generated from them.
    A value that is not even one owner token (a space, a line break) is OL215's.
    """,
    example_fail={SRE: _SRE + "members: ['sre-sam']\n" + _SRE_OWNS},
    example_pass={SRE: _SRE_PASSES},
)

UNUSED_ROLE = Code(
    "OL213",
    "unused-role",
    severity=Severity.WARNING,
    doc="""
    A role that owns no responsibility, no interface and no paths.

    Probably left over after a reorganisation, or its ownership was forgotten.
    """,
    example_fail={
        "team/roles/analyst.yaml": (
            "id: analyst\ntitle: Analyst\nseniority: junior\nmembers: ['@ana']\n"
            "responsibilities: []\n"
        )
    },
)

DUPLICATE_MEMBER = Code(
    "OL214",
    "duplicate-member",
    severity=Severity.WARNING,
    doc="""
    The same handle is listed twice in one role's members.
    """,
    example_fail={SRE: _SRE + "members: ['@sre-sam', '@SRE-Sam']\n" + _SRE_OWNS},
    example_pass={SRE: _SRE_PASSES},
)

UNSAFE_HANDLE = Code(
    "OL215",
    "unsafe-handle",
    integrity=True,
    doc="""
    A member or role handle that is not exactly one CODEOWNERS owner token.

    Generated CODEOWNERS writes each handle as one owner on a rule's line: a value with a
    line break (`"@acme/sre\\n/.github/ @evil"`), a space, a control or bidirectional
    character, a backslash or a leading `#` would read as other owners, a comment or rules
    of its own, granting what team/ does not say.

    An integrity check: no configuration (`ignore`, `select`, `severity`), inline
    suppression or `--base` ratchet drops or downgrades it, and generation refuses such a
    value whatever they say.
    """,
    example_fail={SRE: _SRE + "members: ['@sre-sam', '@sre sam']\n" + _SRE_OWNS},
    example_pass={SRE: _SRE + "members: ['@sre-sam', '@sre-sue']\n" + _SRE_OWNS},
)

PLACEHOLDER_HANDLE = Code(
    "OL216",
    "placeholder-handle",
    doc="""
    A member or role handle that is a placeholder, not a person or team.

    `ownership-lint init` writes `@your-github-handle`; templates use `@your-org/your-team`,
    `@todo` or an address at example.com. Left in place, the role's ownership names nobody:
    generated CODEOWNERS would request reviews from an account that is not yours (or does not
    exist). `check` fails and `codeowners generate` writes nothing until it is replaced.
    """,
    example_fail={SRE: _SRE + "members: ['@your-github-handle']\n" + _SRE_OWNS},
    example_pass={SRE: _SRE_PASSES},
)
