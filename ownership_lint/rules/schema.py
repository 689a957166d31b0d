"""Schema: what the JSON Schemas in schemas/ say about each team file, and which files exist."""

from __future__ import annotations

from ownership_lint.findings import Severity
from ownership_lint.rules.base import Rule, register


@register
class UnknownKey(Rule):
    """A key that the schema does not allow, usually a typo.

    Unknown keys are errors so that a misspelt key (`competences`) does not pass silently
    while the value it was meant to carry is ignored. The closest allowed key is suggested.
    """

    code = "OL010"
    name = "unknown-key"
    example_fail = {
        "team/roles/sre.yaml": (
            "id: sre\ntitle: SRE\nseniority: middle\nmembers: ['@sre-sam']\n"
            "competences: [Prometheus]\nresponsibilities: [alerts.rules]\n"
        )
    }


@register
class WrongType(Rule):
    """A value of the wrong type: a list where text is expected, a number where a list is, ..."""

    code = "OL011"
    name = "wrong-type"
    example_fail = {
        "team/roles/sre.yaml": (
            "id: sre\ntitle: SRE\nseniority: middle\nmembers: '@sre-sam'\n"
            "responsibilities: [alerts.rules]\n"
        )
    }


@register
class MissingKey(Rule):
    """A key that the schema requires is missing."""

    code = "OL012"
    name = "missing-key"
    example_fail = {
        "team/roles/sre.yaml": "id: sre\nseniority: middle\nmembers: ['@sre-sam']\n"
        "responsibilities: [alerts.rules]\n"
    }


@register
class InvalidValue(Rule):
    """A value of the right type that the schema still rejects.

    Not one of the allowed choices, not of the expected form (ids are lowercase words joined
    by hyphens, dates are YYYY-MM-DD), empty where text is required, out of range.
    """

    code = "OL013"
    name = "invalid-value"
    example_fail = {
        "team/roles/sre.yaml": (
            "id: sre\ntitle: SRE\nseniority: medium\nmembers: ['@sre-sam']\n"
            "responsibilities: [alerts.rules]\n"
        )
    }


@register
class UnexpectedFile(Rule):
    """A file under team/ that ownership-lint does not read.

    team/ holds team.yaml, responsibilities.yaml, roles/<role-id>.yaml and the path mapping
    `path-ownership`. Anything else is probably misplaced or misnamed (`roles/sre.yml.bak`).
    """

    code = "OL014"
    name = "unexpected-file"
    severity = Severity.WARNING
    example_fail = {"team/role/sre.yaml": "id: sre\n"}


@register
class MissingFile(Rule):
    """A file the team definition needs is missing (team.yaml, responsibilities.yaml, a role)."""

    code = "OL015"
    name = "missing-file"
    example_fail = {"team/responsibilities.yaml": None}


@register
class UnusedSuppression(Rule):
    """An inline suppression that suppresses nothing.

    Team files (and the path mapping) may silence a finding with a comment:
    `# ownership-lint: disable=OL102` at the end of its line, or alone on the line before;
    `# ownership-lint: disable-file=OL213` anywhere for the whole file. Once the problem is
    fixed the comment is dead weight that would hide the next one.
    """

    code = "OL016"
    name = "unused-suppression"
    severity = Severity.WARNING
    example_fail = {
        "team/roles/sre.yaml": (
            "id: sre  # ownership-lint: disable=OL205\ntitle: SRE\nseniority: middle\n"
            "members: ['@sre-sam']\nresponsibilities: [alerts.rules]\n"
            "interfaces: [security.updates]\n"
        )
    }
