"""Classify owner tokens: ``@user``, ``@org/team``, emails, GitLab ``@@role`` and groups.

Pure string checks (no regex with nested quantifiers), so hostile tokens cost linear time.
"""

from __future__ import annotations

import re
from typing import Literal

from ownership_lint.codeowners.model import Dialect

OwnerKind = Literal["user", "team", "group", "email", "role"]

# GitHub: alphanumerics or single hyphens, no leading/trailing hyphen, at most 39 characters.
_GITHUB_USER = re.compile(r"[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}", re.ASCII)
_GITHUB_USER_MAX = 39
# GitHub team slugs: letters, digits, '-', '_', '.'.
_GITHUB_TEAM = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,254}", re.ASCII)
# GitLab user / group / subgroup path: letters, digits, '_', '-', '.'; starts with a letter,
# digit or '_'; does not end with '.', '.git' or '.atom'.
_GITLAB_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,254}", re.ASCII)
GITLAB_ROLES = frozenset(
    {"developer", "developers", "maintainer", "maintainers", "owner", "owners"}
)

_EMAIL_LOCAL = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-"
)
_LABEL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def is_email(text: str) -> bool:
    """A plain ``local@domain.tld`` address (no quoting, no IP literals)."""
    if len(text) > 254 or text.count("@") != 1:
        return False
    local, domain = text.split("@")
    if not local or len(local) > 64 or not set(local) <= _EMAIL_LOCAL:
        return False
    if local.startswith(".") or local.endswith(".") or ".." in local:
        return False
    labels = domain.split(".")
    if len(labels) < 2:
        return False
    for label in labels:
        if not label or len(label) > 63 or not set(label) <= _LABEL:
            return False
        if label[0] == "-" or label[-1] == "-":
            return False
    tld = labels[-1]
    return len(tld) >= 2 and not tld.isdigit()


def _github_user_ok(name: str) -> bool:
    return len(name) <= _GITHUB_USER_MAX and _GITHUB_USER.fullmatch(name) is not None


def _gitlab_path_ok(part: str) -> bool:
    if not _GITLAB_PATH.fullmatch(part):
        return False
    return not (part.endswith(".") or part.endswith(".git") or part.endswith(".atom"))


def is_owner_token(text: str) -> bool:
    """True when `text`, written as an owner on a CODEOWNERS line, reads back as exactly this
    one owner on either platform: not empty, every character printable (no control, format
    or bidirectional character) and none a space or line break of any kind, no backslash
    (an escape), and no leading `#` (GitHub would read a comment). Whether the owner exists
    or is well-formed is `owner_kind`'s question; this one is about the line itself."""
    return (
        bool(text)
        and text[0] != "#"
        and "\\" not in text
        and all(ch.isprintable() and not ch.isspace() for ch in text)
    )


def owner_kind(text: str, dialect: Dialect = "github") -> OwnerKind | None:
    """What ``text`` names as an owner, or None when it is malformed for ``dialect``.

    GitHub: ``@user`` -> "user", ``@org/team`` -> "team", an email -> "email".
    GitLab: ``@@developer``/``@@maintainer``/``@@owner`` (plural too) -> "role",
    ``@name`` -> "user" (a user or a top-level group: the syntax cannot tell),
    ``@group/sub[/subsub...]`` -> "group", an email -> "email".
    """
    if not text.startswith("@"):
        return "email" if is_email(text) else None
    body = text[1:]
    if dialect == "gitlab":
        if body.startswith("@"):
            return "role" if body[1:] in GITLAB_ROLES else None
        parts = body.split("/")
        if not all(_gitlab_path_ok(p) for p in parts):
            return None
        return "user" if len(parts) == 1 else "group"
    parts = body.split("/")
    if len(parts) == 1:
        return "user" if _github_user_ok(body) else None
    if len(parts) == 2:
        org, team = parts
        if _github_user_ok(org) and _GITHUB_TEAM.fullmatch(team):
            return "team"
    return None
