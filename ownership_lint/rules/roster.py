"""Roster: roles are staffed, handles are valid, every role is there for something."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ownership_lint.catalogue import roster
from ownership_lint.findings import Finding
from ownership_lint.model import Team
from ownership_lint.rules.base import Context, CrossCheck, register


def valid_handle(handle: str) -> bool:
    """A GitHub/GitLab user (`@octocat`), team or group (`@acme/sre`, `@group/sub/team`), or
    an email address (CODEOWNERS files accept those too, and imported teams keep them)."""
    from ownership_lint.codeowners.owners import owner_kind

    kinds = {owner_kind(handle, "github"), owner_kind(handle, "gitlab")}
    return bool(kinds & {"user", "team", "group", "email"})


@register
class UnderstaffedRole(CrossCheck):
    meta = roster.UNDERSTAFFED_ROLE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        minimum = team.policy.min_members_per_role
        for role in team.roles:
            if len(role.members) >= minimum or not role.loaded:
                continue
            owned = [claim.id for claim in role.owned()] + [ref.id for ref in role.interfaces]
            if not role.members and owned:
                message = (
                    f"role '{role.id}' has no members: what it owns is orphaned ("
                    + ", ".join(owned[:5])
                    + (", ..." if len(owned) > 5 else "")
                    + ")"
                )
            else:
                message = (
                    f"role '{role.id}' has {len(role.members)} member(s); the policy asks for "
                    f"at least {minimum}"
                )
            yield self.meta.finding(
                role.location,
                message,
                "add people under 'members:' (GitHub/GitLab handles), or lower "
                "policy.min_members_per_role",
                subject=role.id,
            )


@register
class InvalidHandle(CrossCheck):
    meta = roster.INVALID_HANDLE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        from ownership_lint.codeowners.owners import is_owner_token

        for role in team.roles:
            refs = [*role.members, *([role.handle] if role.handle else [])]
            for ref in refs:
                if is_owner_token(ref.id) and not valid_handle(ref.id):
                    yield self.meta.finding(
                        ref.location,
                        f"'{ref.id}' is not a valid GitHub/GitLab handle",
                        "write a user as @login, a team as @org/team-name, or an email",
                    )


@register
class UnsafeHandle(CrossCheck):
    meta = roster.UNSAFE_HANDLE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        from ownership_lint.codeowners.owners import is_owner_token

        for role in team.roles:
            for ref in [*role.members, *([role.handle] if role.handle else [])]:
                if not is_owner_token(ref.id):
                    yield self.meta.finding(
                        ref.location,
                        f"'{ref.id}' is not exactly one CODEOWNERS owner: it would not stay "
                        "one owner on a generated CODEOWNERS line",
                        "write one handle per entry: @login, @org/team-name or an email, "
                        "without spaces, line breaks or control characters",
                    )


@register
class UnusedRole(CrossCheck):
    meta = roster.UNUSED_ROLE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if not team.complete:
            return
        rules = team.mapping.rules if team.mapping else []
        mapped = {owner.text for rule in rules for owner in rule.owners}
        for role in team.roles:
            if not role.owned() and not role.interfaces and role.id not in mapped:
                yield self.meta.finding(
                    role.location,
                    f"role '{role.id}' owns no responsibility, interface or path",
                    "give it responsibilities, or remove the role",
                )


@register
class DuplicateMember(CrossCheck):
    meta = roster.DUPLICATE_MEMBER

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        for role in team.roles:
            seen: set[str] = set()
            for ref in role.members:
                # GitHub and GitLab handles are case-insensitive.
                key = ref.id.lower()
                if key in seen:
                    yield self.meta.finding(
                        ref.location,
                        f"'{ref.id}' is listed twice in role '{role.id}'",
                        "remove the second entry",
                    )
                seen.add(key)


# Words that stand for "put the real name here": the handle `init` writes, and the usual
# stand-ins of templates. A real login or team is never one of them.
_PLACEHOLDER_WORDS = frozenset(
    {
        "changeme",
        "change-me",
        "fixme",
        "github-handle",
        "gitlab-handle",
        "handle",
        "placeholder",
        "tbd",
        "todo",
        "user-name",
        "username",
        "xxx",
    }
)
_PLACEHOLDER_PART = re.compile(r"your(?:[-_.].*)?|<.*>", re.IGNORECASE)
# RFC 2606 reserves these domains for examples: no address there reaches anyone.
_EXAMPLE_DOMAIN = re.compile(r"(?:.*\.)?example\.(?:com|org|net)|.*\.(?:example|invalid)", re.I)


def placeholder(handle: str) -> bool:
    """True for a handle that stands for a real one still to be written: `@your-github-handle`,
    `@your-org/your-team`, `@todo`, `someone@example.com`."""
    if not handle.startswith("@") and "@" in handle:
        local, _, domain = handle.rpartition("@")
        return _EXAMPLE_DOMAIN.fullmatch(domain) is not None or placeholder("@" + local)
    parts = handle.lstrip("@").split("/")
    return any(
        part.casefold() in _PLACEHOLDER_WORDS or _PLACEHOLDER_PART.fullmatch(part) is not None
        for part in parts
    )


@register
class PlaceholderHandle(CrossCheck):
    meta = roster.PLACEHOLDER_HANDLE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        for role in team.roles:
            for ref in [*([role.handle] if role.handle else []), *role.members]:
                if placeholder(ref.id):
                    yield self.meta.finding(
                        ref.location,
                        f"'{ref.id}' in role '{role.id}' is a placeholder, not a handle",
                        "replace it with the GitHub/GitLab handles of the people in the role "
                        "(@login), or their team (@org/team)",
                    )
