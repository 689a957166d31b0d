"""What makes the path mapping (or a role's GitLab settings) unusable for CODEOWNERS.

The rules report these problems (`check`), and generation refuses a team that has any of them
whatever the configuration says: both ask here, so the two cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownership_lint.catalogue import generated, paths
from ownership_lint.codeowners.model import CodeownersFile
from ownership_lint.findings import Finding, Location
from ownership_lint.model import Team, owner_location
from ownership_lint.suggest import did_you_mean

_GITLAB_OWNER = re.compile(r"[@\w_.\-/+]+", re.ASCII)


def invalid_lines(path: str, parsed: CodeownersFile, hint: str) -> Iterator[Finding]:
    """OL301: the lines the platform rejects (`hint` when the problem has none of its own)."""
    for problem in parsed.problems:
        yield paths.INVALID_LINE.finding(
            Location(path, problem.line, problem.column, problem.line, problem.end_column),
            problem.message,
            problem.hint or hint,
        )


MAPPING_SYNTAX = "the mapping follows GitHub's CODEOWNERS syntax, with role ids as owners"


def unknown_roles(team: Team) -> Iterator[Finding]:
    """OL302: a mapping rule gives paths to a role id that no role file defines."""
    if team.mapping is None or team.mapping_path is None:
        return
    known = team.role_ids()
    for rule in team.mapping.rules:
        for owner in rule.owners:
            if owner.text not in known:
                yield paths.UNKNOWN_ROLE.finding(
                    owner_location(team.mapping_path, owner),
                    f"unknown role '{owner.text}' for '{rule.pattern}'",
                    did_you_mean(owner.text, known)
                    or "the mapping's owners are role ids: the file names under team/roles/",
                )


def multiple_roles(team: Team) -> Iterator[Finding]:
    """OL303: a mapping rule gives its paths to more than one role."""
    if team.mapping is None or team.mapping_path is None:
        return
    for rule in team.mapping.rules:
        if len(rule.owners) > 1:
            yield paths.MULTIPLE_ROLES.finding(
                owner_location(team.mapping_path, rule.owners[1]),
                f"'{rule.pattern}' is given to {len(rule.owners)} roles: "
                + ", ".join(owner.text for owner in rule.owners),
                "a path has exactly one owning role: keep one, or split the pattern",
            )


def roles_without_handles(team: Team) -> Iterator[Finding]:
    """OL402: a mapping rule gives paths to a role with neither a handle nor members."""
    if team.mapping is None or team.mapping_path is None:
        return
    empty = {role.id for role in team.roles if role.loaded and not role.handle and not role.members}
    for rule in team.mapping.rules:
        for owner in rule.owners:
            if owner.text in empty:
                yield generated.ROLE_WITHOUT_HANDLES.finding(
                    owner_location(team.mapping_path, owner),
                    f"'{rule.pattern}' goes to role '{owner.text}', which has no handle "
                    "and no members: CODEOWNERS cannot name anyone for it",
                    f"give role '{owner.text}' a handle (@org/team) or members",
                )


def section_settings(team: Team) -> Iterator[Finding]:
    """OL403: a role's `gitlab:` settings that GitLab cannot honour."""
    names: dict[str, str] = {}
    for role in team.roles:
        settings = role.gitlab
        if settings is None:
            continue
        if settings.optional and settings.approvals:
            yield generated.INVALID_SECTION_SETTINGS.finding(
                settings.location,
                f"role '{role.id}': an optional section cannot require approvals",
                "remove 'approvals', or make the section required (optional: false)",
            )
        if settings.section:
            key = settings.section.casefold()
            if key in names:
                yield generated.INVALID_SECTION_SETTINGS.finding(
                    settings.location,
                    f"role '{role.id}' uses the section name '{settings.section}' of role "
                    f"'{names[key]}'; GitLab would merge the two sections",
                    "give each role its own section name",
                )
            names.setdefault(key, role.id)
        if settings.default_owners:
            bad = [h for h in role.handles() if not _GITLAB_OWNER.fullmatch(h)]
            if bad:
                yield generated.INVALID_SECTION_SETTINGS.finding(
                    settings.location,
                    f"role '{role.id}': '{bad[0]}' cannot be a GitLab section default owner",
                    "set default_owners: false to write the owners on every line",
                )


def unusable(team: Team) -> list[Finding]:
    """Everything that keeps the mapping from being rendered at all (OL301, OL302, OL303,
    OL402), in that order."""
    assert team.mapping is not None and team.mapping_path is not None
    return [
        *invalid_lines(team.mapping_path, team.mapping, MAPPING_SYNTAX),
        *unknown_roles(team),
        *multiple_roles(team),
        *roles_without_handles(team),
    ]
