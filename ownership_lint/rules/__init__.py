"""Every rule ownership-lint knows, by code. One module per rule family."""

from __future__ import annotations

from ownership_lint.rules.base import CrossCheck, PathCheck, Rule, registry


def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule, by code, in code order."""
    # Imported here so that each family registers itself; the loader only needs `syntax`.
    from ownership_lint.rules import (  # noqa: F401
        consistency,
        documents,
        mapping,
        ownership,
        paths,
        references,
        roster,
        schema,
        staleness,
        syntax,
    )

    return dict(sorted(registry().items()))


def integrity_codes() -> frozenset[str]:
    """The codes of the integrity checks, which nothing can switch off (`Rule.integrity`)."""
    return frozenset(code for code, rule in all_rules().items() if rule.integrity)


def cross_checks() -> list[CrossCheck]:
    return [rule() for rule in all_rules().values() if issubclass(rule, CrossCheck)]


def path_checks() -> list[PathCheck]:
    return [rule() for rule in all_rules().values() if issubclass(rule, PathCheck)]


__all__ = [
    "CrossCheck",
    "PathCheck",
    "Rule",
    "all_rules",
    "cross_checks",
    "integrity_codes",
    "path_checks",
]
