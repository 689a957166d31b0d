"""Every check ownership-lint runs, one module per family. What each code means is in
`ownership_lint.catalogue`; the codes that loading and the schemas report have no check here."""

from __future__ import annotations

from ownership_lint.rules.base import Check, CrossCheck, PathCheck, registry


def _checks() -> list[type[Check]]:
    """Every registered check, in code order."""
    # Imported here so that each family registers itself.
    from ownership_lint.rules import (  # noqa: F401
        consistency,
        mapping,
        ownership,
        paths,
        references,
        roster,
        staleness,
    )

    return [check for _, check in sorted(registry().items())]


def cross_checks() -> list[CrossCheck]:
    return [check() for check in _checks() if issubclass(check, CrossCheck)]


def path_checks() -> list[PathCheck]:
    return [check() for check in _checks() if issubclass(check, PathCheck)]


__all__ = ["CrossCheck", "PathCheck", "cross_checks", "path_checks"]
