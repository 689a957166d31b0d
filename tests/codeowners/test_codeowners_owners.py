"""Owner token classification."""

from __future__ import annotations

import pytest

from ownership_lint.codeowners import owner_kind


@pytest.mark.parametrize(
    ("text", "dialect", "kind"),
    [
        ("@octocat", "github", "user"),
        ("@a-b-c", "github", "user"),
        ("@" + "a" * 39, "github", "user"),
        ("@" + "a" * 40, "github", None),
        ("@-lead", "github", None),
        ("@trail-", "github", None),
        ("@dou--ble", "github", None),
        ("@under_score", "github", None),
        ("@org/team", "github", "team"),
        ("@org/team_name.x-y", "github", "team"),
        ("@org/", "github", None),
        ("@org/a/b", "github", None),
        ("@@developer", "github", None),
        ("docs@example.com", "github", "email"),
        ("first.last+tag@sub.example.org", "github", "email"),
        ("a@b", "github", None),
        ("a@@b.com", "github", None),
        ("Lok", "github", None),
        ("sre", "github", None),
        ("#", "github", None),
        ("@@developer", "gitlab", "role"),
        ("@@maintainers", "gitlab", "role"),
        ("@@owner", "gitlab", "role"),
        ("@@guest", "gitlab", None),
        ("@group/sub/subsub", "gitlab", "group"),
        ("@gitlab-org/maintainers/distribution-build", "gitlab", "group"),
        ("@user.name", "gitlab", "user"),
        ("@name.", "gitlab", None),
        ("@repo.git", "gitlab", None),
        ("janedoe@gitlab.com", "gitlab", "email"),
    ],
)
def test_owner_kind(text: str, dialect: str, kind: str | None) -> None:
    assert owner_kind(text, dialect) == kind  # type: ignore[arg-type]


def test_hostile_owner_tokens_are_fast() -> None:
    for text in ("@" + "a-" * 100_000, "a@" + "a." * 100_000 + "!", "@" + "a/" * 100_000):
        assert owner_kind(text) is None
        assert owner_kind(text, "gitlab") is None
