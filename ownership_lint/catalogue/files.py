"""Schema and files: what the JSON Schemas in schemas/ say about each team file, which files
exist, and inline suppressions (OL010-OL016)."""

from __future__ import annotations

from ownership_lint.catalogue.code import Code
from ownership_lint.catalogue.example_team import BASE_TEAM, SRE, TEAM, edited
from ownership_lint.findings import Severity

UNKNOWN_KEY = Code(
    "OL010",
    "unknown-key",
    doc="""
    A key that the schema does not allow, usually a typo.

    Unknown keys are errors so that a misspelt key (`competences`) does not pass silently
    while the value it was meant to carry is ignored. The closest allowed key is suggested.
    """,
    example_fail={SRE: BASE_TEAM[SRE] + "competences: [Prometheus]\n"},
    example_pass={SRE: BASE_TEAM[SRE] + "tools: [Prometheus]\n"},
)

WRONG_TYPE = Code(
    "OL011",
    "wrong-type",
    doc="""
    A value of the wrong type: a list where text is expected, a number where a list is, ...
    """,
    example_fail={SRE: BASE_TEAM[SRE] + "tools: Prometheus\n"},
    example_pass={SRE: BASE_TEAM[SRE] + "tools: [Prometheus]\n"},
)

MISSING_KEY = Code(
    "OL012",
    "missing-key",
    doc="""
    A key that the schema requires is missing.
    """,
    example_fail={SRE: edited(SRE, "title: Site Reliability Engineer\n", "")},
)

INVALID_VALUE = Code(
    "OL013",
    "invalid-value",
    doc="""
    A value of the right type that the schema still rejects.

    Not one of the allowed choices, not of the expected form (ids are lowercase words joined
    by hyphens, dates are YYYY-MM-DD), empty where text is required, out of range.
    """,
    example_fail={SRE: edited(SRE, "seniority: middle", "seniority: medium")},
)

UNEXPECTED_FILE = Code(
    "OL014",
    "unexpected-file",
    severity=Severity.WARNING,
    doc="""
    A file under team/ that ownership-lint does not read.

    team/ holds team.yaml, responsibilities.yaml, roles/<role-id>.yaml and the path mapping
    `path-ownership`. Anything else is probably misplaced or misnamed (`roles/sre.yml.bak`).
    """,
    example_fail={"team/role/sre.yaml": "id: sre\n"},
)

MISSING_FILE = Code(
    "OL015",
    "missing-file",
    doc="""
    A file the team definition needs is missing (team.yaml, responsibilities.yaml, a role).
    """,
    # The role gives up its interface too: nothing declares it without team.yaml.
    example_fail={TEAM: None, SRE: edited(SRE, "interfaces: [security.updates]\n", "")},
)

UNUSED_SUPPRESSION = Code(
    "OL016",
    "unused-suppression",
    severity=Severity.WARNING,
    doc="""
    An inline suppression that suppresses nothing.

    Team files (and the path mapping) may silence a finding with a comment:
    `# ownership-lint: disable=OL102` at the end of its line, or alone on the line before;
    `# ownership-lint: disable-file=OL213` anywhere for the whole file. Once the problem is
    fixed the comment is dead weight that would hide the next one.
    """,
    example_fail={
        SRE: (
            "id: sre  # ownership-lint: disable=OL205\ntitle: SRE\nseniority: middle\n"
            "members: ['@sre-sam']\nresponsibilities: [alerts.rules]\n"
            "interfaces: [security.updates]\n"
        )
    },
)
