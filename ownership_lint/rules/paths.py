"""Path rules: checks of a CODEOWNERS-like file, the team's path mapping or a real CODEOWNERS.

Each rule says which kinds of file it applies to. The checks that need the tracked files
(dead, shadowed, unowned) are quiet when they are not known (outside git, no --paths-from).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ownership_lint.codeowners.analysis import duplicates
from ownership_lint.codeowners.model import Owner, Rule
from ownership_lint.codeowners.owners import owner_kind
from ownership_lint.findings import Finding, Location, Severity
from ownership_lint.model import owner_location
from ownership_lint.rules.base import PathCheck, RulesFile, register

GITHUB_MAX_BYTES = 3 * 1024 * 1024
_MAPPING = "team/path-ownership"
_CODEOWNERS = ".github/CODEOWNERS"


def rule_location(path: str, rule: Rule) -> Location:
    return Location(path, rule.line, rule.column, rule.line, rule.end_column)


class _CodeownersOnly(PathCheck):
    kinds: ClassVar[tuple[str, ...]] = ("codeowners",)


@register
class InvalidLine(PathCheck):
    """A line that the CODEOWNERS syntax does not accept.

    GitHub skips such a line (GitLab may reject the file): the paths it meant to give away
    keep the owner of an earlier rule, or none. On GitHub: `!` negation, unescaped brackets
    (GitHub: "both `[` and `]` must be escaped with a `\\`"; `\\[slug\\]` matches a Next.js
    route literally), a pattern starting with an escaped `#`, `***`, and `/` (which matches
    nothing). On GitLab: section headers GitLab reports as invalid.
    """

    code = "OL301"
    name = "invalid-line"
    example_fail = {_MAPPING: "/alerts/[a-z]*  sre\n/.github/workflows/  devops\n"}

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        hint = (
            "the mapping follows GitHub's CODEOWNERS syntax, with role ids as owners"
            if rules.kind == "mapping"
            else "see the platform's CODEOWNERS syntax documentation"
        )
        for problem in rules.parsed.problems:
            yield self.finding(
                Location(
                    rules.path, problem.line, problem.column, problem.line, problem.end_column
                ),
                problem.message,
                problem.hint or hint,
            )


def _owners(rules: RulesFile) -> Iterator[Owner]:
    for section in rules.parsed.sections:
        yield from section.default_owners
    for rule in rules.parsed.rules:
        yield from rule.owners


@register
class MalformedOwner(_CodeownersOnly):
    """An owner that is not a user (`@octocat`), a team (`@org/team`) or an email address.

    GitHub marks the line as an error and requests no review from it; GitLab also accepts
    `@@role` (developers, maintainers, owners) and nested groups (`@group/sub/team`).
    """

    code = "OL304"
    name = "malformed-owner"
    example_fail = {_CODEOWNERS: "*  @octocat  octo-team\n"}

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        dialect = rules.parsed.dialect
        for owner in _owners(rules):
            if owner_kind(owner.text, dialect) is None:
                yield self.finding(
                    owner_location(rules.path, owner),
                    f"'{owner.text}' is not a valid owner",
                    "write a user as @login, a team as @org/team, or an email address",
                )


@register
class UnknownOwner(_CodeownersOnly):
    """An owner handle that no role of the team definition lists, when a team/ exists.

    Probably someone who left or a team that was renamed: review requests to it go nowhere.
    Emails and GitLab roles are not checked.
    """

    code = "OL305"
    name = "unknown-owner"
    severity = Severity.WARNING
    example_fail = {_CODEOWNERS: "*  @sre-sam\n/alerts/  @former-colleague\n"}

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.roster is None:
            return
        dialect = rules.parsed.dialect
        for owner in _owners(rules):
            kind = owner_kind(owner.text, dialect)
            if kind in ("user", "team", "group") and owner.text.lower() not in rules.roster:
                yield self.finding(
                    owner_location(rules.path, owner),
                    f"'{owner.text}' is not in the team's roster",
                    "add it to a role's members or handle under team/roles/, or replace it",
                )


@register
class DuplicateRule(PathCheck):
    """A rule that means the same as a later rule (in the same GitLab section).

    Not only the same text: `/docs/**` and `/docs/`, `**/x` and `x`, `/a/b` and `a/b` match the
    same paths. The later rule always wins, so the earlier one never applies.
    """

    code = "OL306"
    name = "duplicate-rule"
    severity = Severity.WARNING
    example_fail = {
        _MAPPING: "/alerts/  sre\n/.github/workflows/  devops\n/alerts/**  sre\n",
    }

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        by_index = {rule.index: rule for rule in rules.parsed.rules}
        found = rules.analysis.duplicates if rules.analysis else duplicates(rules.parsed)
        for index, later in sorted(found.items()):
            rule = by_index[index]
            same = "repeats" if rule.pattern == later.pattern else "means the same as"
            yield self.finding(
                rule_location(rules.path, rule),
                f"'{rule.pattern}' {same} '{later.pattern}' on line {later.line}, which wins: "
                "this rule never applies",
                "remove one of the two",
                subject=rule.pattern,
            )


@register
class DeadRule(PathCheck):
    """A rule whose pattern matches no tracked file.

    A path that was moved or deleted, or a typo in the pattern. Tracked files come from git's
    index (or --paths-from); the rule is quiet when they are not known, or when no file is
    tracked at all (a new repository).
    """

    needs_tracked_files = True
    code = "OL307"
    name = "dead-rule"
    severity = Severity.WARNING
    example_fail = {_MAPPING: "/alerts/  sre\n/.github/workflows/  devops\n/alert/  sre\n"}

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.analysis is None:
            return
        for rule in rules.analysis.dead:
            yield self.finding(
                rule_location(rules.path, rule),
                f"'{rule.pattern}' matches no tracked file",
                "fix the pattern, or remove the rule if the paths are gone",
            )


@register
class ShadowedRule(PathCheck):
    """A rule that matches tracked files, but every one of them is won by a later rule.

    The last matching rule wins, so this rule decides nothing: it is dead weight, or a sign
    that the rules are in the wrong order (general rules must come before specific ones).
    """

    needs_tracked_files = True
    code = "OL308"
    name = "shadowed-rule"
    severity = Severity.WARNING
    example_fail = {
        _MAPPING: "/alerts/cpu.yaml  sre\n/.github/workflows/  devops\n/alerts/  sre\n",
    }

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
            yield self.finding(
                rule_location(rules.path, rule),
                f"every tracked file that '{rule.pattern}' matches ({shadow.matched}) is won "
                f"by a later rule{won}",
                "move the rule after the more general ones, or remove it",
                subject=rule.pattern,
            )


@register
class FileTooLarge(_CodeownersOnly):
    """A CODEOWNERS file of 3 MB or more: GitHub does not load it at all.

    Then nothing is owned and no review is requested. Use directory patterns instead of one
    line per file.
    """

    code = "OL309"
    name = "file-too-large"
    example_fail = {_CODEOWNERS: "/alerts/cpu.yaml  @sre-sam\n" * 120_000}

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.size >= GITHUB_MAX_BYTES:
            yield self.finding(
                Location(rules.path),
                f"the file is {rules.size:,} bytes; GitHub ignores CODEOWNERS files of "
                f"{GITHUB_MAX_BYTES:,} bytes or more",
                "own whole directories (/dir/) rather than single files",
            )


@register
class PatternLikeSection(_CodeownersOnly):
    """A GitLab line that starts with a bracket glob (`[ab]/*`, `[Tt]ests/`): GitLab reads it
    as a section header, not as a rule.

    GitLab takes any line starting with `[` (or `^[`) and holding a `]` for a section header:
    the glob names a section (`ab`), the rest of the line becomes its default owners, and the
    rules below it move into that section, where they no longer compete with the rules
    above. The paths the line meant get no owner from it.
    """

    code = "OL313"
    name = "pattern-like-section"
    severity = Severity.WARNING
    example_fail = {
        ".gitlab/CODEOWNERS": "[Aa]lerts/ @sre-sam\n/.github/workflows/ @dev-dana\n",
    }

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.parsed.dialect != "gitlab":
            return
        for section in rules.parsed.sections:
            if not section.pattern_like:
                continue
            yield self.finding(
                Location(rules.path, section.line, section.column),
                f"GitLab reads this line as the header of section '{section.name}', not as a "
                "rule: the rules below it belong to that section",
                "for a pattern, start the line with '**/' (any depth) or '/' (from the root), "
                "or escape the bracket ('\\[') to match it literally",
            )


@register
class UnownedFile(_CodeownersOnly):
    """A tracked file that no rule gives an owner (opt-in: `--unowned`, or select OL310).

    Many repositories accept unowned files, so this rule runs only when asked for. Nobody is
    asked to review changes to such a file.
    """

    needs_tracked_files = True
    code = "OL310"
    name = "unowned-file"
    severity = Severity.WARNING
    opt_in = True
    example_fail = {_CODEOWNERS: "/alerts/  @sre-sam\n"}

    def check(self, rules: RulesFile) -> Iterator[Finding]:
        if rules.analysis is None:
            return
        for path in rules.analysis.unowned:
            yield self.finding(
                Location(path),
                f"'{path}' has no owner in {rules.path}",
                "add a rule for it, or a catch-all '*' rule at the top",
            )
