"""Path rules: the team's path mapping and real CODEOWNERS files (OL301-OL310, OL313), and
responsibilities against the mapping (OL311, OL312)."""

from __future__ import annotations

from ownership_lint.catalogue.code import Code
from ownership_lint.catalogue.example_team import (
    BASE_TEAM,
    CODEOWNERS,
    GITLAB_CODEOWNERS,
    MAPPING,
    RESPONSIBILITIES,
    edited,
)
from ownership_lint.findings import Severity

# A workflow file that belongs to the alerts: listed under their responsibility.
_ALERTS_WORKFLOW = edited(
    RESPONSIBILITIES, "paths: [/alerts/]", "paths: [/alerts/, /.github/workflows/alerts.yml]"
)

INVALID_LINE = Code(
    "OL301",
    "invalid-line",
    doc="""
    A line that the CODEOWNERS syntax does not accept.

    GitHub skips such a line (GitLab may reject the file): the paths it meant to give away
    keep the owner of an earlier rule, or none. On GitHub: `!` negation, unescaped brackets
    (GitHub: "both `[` and `]` must be escaped with a `\\`"; `\\[slug\\]` matches a Next.js
    route literally), a pattern starting with an escaped `#`, `***`, and `/` (which matches
    nothing). On GitLab: section headers GitLab reports as invalid.
    """,
    example_fail={MAPPING: BASE_TEAM[MAPPING] + "/alerts/[a-z]*.yaml  sre\n"},
)

UNKNOWN_ROLE = Code(
    "OL302",
    "unknown-role",
    doc="""
    The path mapping gives a path to a role id that no role file defines.
    """,
    example_fail={MAPPING: BASE_TEAM[MAPPING] + "/team/  devop\n"},
)

MULTIPLE_ROLES = Code(
    "OL303",
    "multiple-roles",
    doc="""
    A mapping rule that gives its paths to more than one role.

    A path, like a responsibility, has exactly one owning role. Split the pattern, or let one
    role own it.
    """,
    example_fail={MAPPING: "/alerts/  sre devops\n/.github/workflows/  devops\n"},
)

MALFORMED_OWNER = Code(
    "OL304",
    "malformed-owner",
    doc="""
    An owner that is not a user (`@octocat`), a team (`@org/team`) or an email address.

    GitHub marks the line as an error and requests no review from it; GitLab also accepts
    `@@role` (developers, maintainers, owners) and nested groups (`@group/sub/team`).
    """,
    example_fail={CODEOWNERS: "*  @sre-sam  sre-sam\n"},
    example_pass={CODEOWNERS: "*  @sre-sam\n"},
)

UNKNOWN_OWNER = Code(
    "OL305",
    "unknown-owner",
    severity=Severity.WARNING,
    doc="""
    An owner handle that no role of the team definition lists, when a team/ exists.

    Probably someone who left or a team that was renamed: review requests to it go nowhere.
    Emails and GitLab roles are not checked.
    """,
    example_fail={CODEOWNERS: "*  @sre-sam\n/alerts/  @former-colleague\n"},
    example_pass={CODEOWNERS: "*  @sre-sam\n/alerts/  @dev-dana\n"},
)

DUPLICATE_RULE = Code(
    "OL306",
    "duplicate-rule",
    severity=Severity.WARNING,
    doc="""
    A rule that means the same as a later rule (in the same GitLab section).

    Not only the same text: `/docs/**` and `/docs/`, `**/x` and `x`, `/a/b` and `a/b` match the
    same paths. The later rule always wins, so the earlier one never applies.
    """,
    example_fail={
        MAPPING: "/alerts/  sre\n/.github/workflows/  devops\n/alerts/**  sre\n",
    },
)

DEAD_RULE = Code(
    "OL307",
    "dead-rule",
    severity=Severity.WARNING,
    needs_tracked_files=True,
    doc="""
    A rule whose pattern matches no tracked file.

    A path that was moved or deleted, or a typo in the pattern. Tracked files come from git's
    index (or --paths-from); the rule is quiet when they are not known, or when no file is
    tracked at all (a new repository).
    """,
    example_fail={MAPPING: BASE_TEAM[MAPPING] + "/alerts/old/  sre\n"},
)

SHADOWED_RULE = Code(
    "OL308",
    "shadowed-rule",
    severity=Severity.WARNING,
    needs_tracked_files=True,
    doc="""
    A rule that matches tracked files, but every one of them is won by a later rule.

    The last matching rule wins, so this rule decides nothing: it is dead weight, or a sign
    that the rules are in the wrong order (general rules must come before specific ones).
    """,
    example_fail={
        MAPPING: "/alerts/cpu.yaml  sre\n/.github/workflows/  devops\n/alerts/  sre\n",
    },
)

FILE_TOO_LARGE = Code(
    "OL309",
    "file-too-large",
    doc="""
    A CODEOWNERS file of 3 MB or more: GitHub does not load it at all.

    Then nothing is owned and no review is requested. Use directory patterns instead of one
    line per file.
    """,
    # Over 3 MB: notes someone kept in the file. (One rule per file would do the same, but
    # takes long to build each time the catalogue is imported.)
    example_fail={
        CODEOWNERS: "*  @sre-sam\n"
        + "# /alerts/cpu.yaml: @sre-sam since 2019, see the on-call wiki\n" * 60_000
    },
    example_pass={CODEOWNERS: "*  @sre-sam\n"},
)

UNOWNED_FILE = Code(
    "OL310",
    "unowned-file",
    severity=Severity.WARNING,
    opt_in=True,
    needs_tracked_files=True,
    doc="""
    A tracked file that no rule gives an owner (opt-in: `--unowned`, or select OL310).

    Many repositories accept unowned files, so this rule runs only when asked for. Nobody is
    asked to review changes to such a file.
    """,
    example_fail={CODEOWNERS: "/alerts/  @sre-sam\n"},
    example_pass={CODEOWNERS: "*  @dev-dana\n/alerts/  @sre-sam\n"},
)

RESPONSIBILITY_PATH_MISMATCH = Code(
    "OL311",
    "responsibility-path-mismatch",
    doc="""
    A path that a responsibility lists, which the path mapping gives to another role.

    `paths:` in team/responsibilities.yaml says which files a responsibility covers; the
    mapping must give them to the role that owns the responsibility. The most specific listed
    path decides (rollback runbooks under `/runbooks/rollback/` may belong to another
    responsibility than `/runbooks/`), and the mapping's winning rule for that path is
    compared with it. Checked for literal paths (`/dir/`, `/dir/file`); patterns with
    wildcards are not compared.
    """,
    example_fail={RESPONSIBILITIES: _ALERTS_WORKFLOW, ".github/workflows/alerts.yml": "on: push\n"},
    example_pass={
        RESPONSIBILITIES: _ALERTS_WORKFLOW,
        ".github/workflows/alerts.yml": "on: push\n",
        MAPPING: BASE_TEAM[MAPPING] + "/.github/workflows/alerts.yml  sre\n",
    },
)

UNJUSTIFIED_MAPPING_RULE = Code(
    "OL312",
    "unjustified-mapping-rule",
    severity=Severity.WARNING,
    doc="""
    A mapping rule that gives paths to a role none of whose responsibilities lists them.

    Every path a role owns should be there for one of its responsibilities: list the paths
    under the responsibility's `paths:` in team/responsibilities.yaml (a responsibility
    without `paths:` covers none), or give the rule to the role whose work it is.
    """,
    example_fail={MAPPING: BASE_TEAM[MAPPING] + "/team/  sre\n"},
)

PATTERN_LIKE_SECTION = Code(
    "OL313",
    "pattern-like-section",
    severity=Severity.WARNING,
    doc="""
    A GitLab line that starts with a bracket glob (`[ab]/*`, `[Tt]ests/`): GitLab reads it
    as a section header, not as a rule.

    GitLab takes any line starting with `[` (or `^[`) and holding a `]` for a section header:
    the glob names a section (`ab`), the rest of the line becomes its default owners, and the
    rules below it move into that section, where they no longer compete with the rules
    above. The paths the line meant get no owner from it.
    """,
    example_fail={
        GITLAB_CODEOWNERS: "*  @sre-sam\n[Aa]lerts/  @sre-sam\n",
        ".ownership-lint.toml": (
            "# GitLab reads the rest of the pattern, 'lerts/', as the section's owner: OL304\n"
            "# reports that too, and is not what this example is about.\n"
            'ignore = ["OL304"]\n'
        ),
    },
    example_pass={GITLAB_CODEOWNERS: "*  @sre-sam\n**/[Aa]lerts/  @sre-sam\n"},
)
