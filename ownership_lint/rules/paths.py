"""Path rules: checks of a CODEOWNERS-like file, the team's path mapping or a real CODEOWNERS.

Each rule says which kinds of file it applies to. The checks that need the tracked files
(dead, shadowed, unowned) are quiet when they are not known (outside git, no --paths-from).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ownership_lint import mapping
from ownership_lint.catalogue import paths
from ownership_lint.codeowners.analysis import duplicates
from ownership_lint.codeowners.locate import GITHUB_MAX_BYTES
from ownership_lint.codeowners.model import Owner, Rule
from ownership_lint.codeowners.owners import owner_kind
from ownership_lint.findings import Finding, Location
from ownership_lint.model import owner_location
from ownership_lint.rules.base import PathCheck, RulesFile, register


def rule_location(path: str, rule: Rule) -> Location:
    return Location(path, rule.line, rule.column, rule.line, rule.end_column)


class _CodeownersOnly(PathCheck):
    kinds: ClassVar[tuple[str, ...]] = ("codeowners",)


@register
class InvalidLine(PathCheck):
    meta = paths.INVALID_LINE

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        hint = (
            mapping.MAPPING_SYNTAX
            if rules.kind == "mapping"
            else "see the platform's CODEOWNERS syntax documentation"
        )
        return mapping.invalid_lines(rules.path, rules.parsed, hint)


def _owners(rules: RulesFile) -> Iterator[Owner]:
    for section in rules.parsed.sections:
        yield from section.default_owners
    for rule in rules.parsed.rules:
        yield from rule.owners


@register
class MalformedOwner(_CodeownersOnly):
    meta = paths.MALFORMED_OWNER

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        dialect = rules.parsed.dialect
        for owner in _owners(rules):
            if owner_kind(owner.text, dialect) is None:
                yield self.meta.finding(
                    owner_location(rules.path, owner),
                    f"'{owner.text}' is not a valid owner",
                    "write a user as @login, a team as @org/team, or an email address",
                )


@register
class UnknownOwner(_CodeownersOnly):
    meta = paths.UNKNOWN_OWNER

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.roster is None:
            return
        dialect = rules.parsed.dialect
        for owner in _owners(rules):
            kind = owner_kind(owner.text, dialect)
            if kind in ("user", "team", "group") and owner.text.lower() not in rules.roster:
                yield self.meta.finding(
                    owner_location(rules.path, owner),
                    f"'{owner.text}' is not in the team's roster",
                    "add it to a role's members or handle under team/roles/, or replace it",
                )


@register
class DuplicateRule(PathCheck):
    meta = paths.DUPLICATE_RULE

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        by_index = {rule.index: rule for rule in rules.parsed.rules}
        found = rules.analysis.duplicates if rules.analysis else duplicates(rules.parsed)
        for index, later in sorted(found.items()):
            rule = by_index[index]
            same = "repeats" if rule.pattern == later.pattern else "means the same as"
            yield self.meta.finding(
                rule_location(rules.path, rule),
                f"'{rule.pattern}' {same} '{later.pattern}' on line {later.line}, which wins: "
                "this rule never applies",
                "remove one of the two",
                subject=rule.pattern,
            )


@register
class DeadRule(PathCheck):
    meta = paths.DEAD_RULE

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.analysis is None:
            return
        for rule in rules.analysis.dead:
            yield self.meta.finding(
                rule_location(rules.path, rule),
                f"'{rule.pattern}' matches no tracked file",
                "fix the pattern, or remove the rule if the paths are gone",
            )


@register
class ShadowedRule(PathCheck):
    meta = paths.SHADOWED_RULE

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.analysis is None:
            return
        by_index = {rule.index: rule for rule in rules.parsed.rules}
        for index, shadow in sorted(rules.analysis.shadowed.items()):
            rule = by_index[index]
            won = ""
            if shadow.winner is not None:
                share = "all" if shadow.won == shadow.matched else f"{shadow.won}"
                won = (
                    f": '{shadow.winner.pattern}' on line {shadow.winner.line} wins {share} of "
                    f"them (e.g. '{shadow.example}')"
                )
            yield self.meta.finding(
                rule_location(rules.path, rule),
                f"every tracked file that '{rule.pattern}' matches ({shadow.matched}) is won "
                f"by a later rule{won}",
                "move the rule after the more general ones, or remove it",
                subject=rule.pattern,
            )


@register
class FileTooLarge(_CodeownersOnly):
    meta = paths.FILE_TOO_LARGE

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.size >= GITHUB_MAX_BYTES:
            yield self.meta.finding(
                Location(rules.path),
                f"the file is {rules.size:,} bytes; GitHub ignores CODEOWNERS files of "
                f"{GITHUB_MAX_BYTES:,} bytes or more",
                "own whole directories (/dir/) rather than single files",
            )


@register
class PatternLikeSection(_CodeownersOnly):
    meta = paths.PATTERN_LIKE_SECTION

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.parsed.dialect != "gitlab":
            return
        for section in rules.parsed.sections:
            if not section.pattern_like:
                continue
            yield self.meta.finding(
                Location(rules.path, section.line, section.column),
                f"GitLab reads this line as the header of section '{section.name}', not as a "
                "rule: the rules below it belong to that section",
                "for a pattern, start the line with '**/' (any depth) or '/' (from the root), "
                "or escape the bracket ('\\[') to match it literally",
            )


@register
class UnownedFile(_CodeownersOnly):
    meta = paths.UNOWNED_FILE

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.analysis is None:
            return
        for path in rules.analysis.unowned:
            yield self.meta.finding(
                Location(path),
                f"'{path}' has no owner in {rules.path}",
                "add a rule for it, or a catch-all '*' rule at the top",
            )
