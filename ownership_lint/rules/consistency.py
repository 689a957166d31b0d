"""Responsibilities against paths, and CODEOWNERS generated from team/ against team/.

OL311 and OL312 compare what the catalogue says a responsibility covers (`paths:`) with what
the path mapping gives to whom. OL401 compares a generated CODEOWNERS file with what
`ownership-lint codeowners generate` would write now; OL402 and OL403 are what keeps
generation from writing a file at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ownership_lint.catalogue import paths
from ownership_lint.codeowners.model import CodeownersFile, Owner
from ownership_lint.codeowners.model import Rule as PatternRule
from ownership_lint.findings import Finding, Location
from ownership_lint.model import Ref, Team, owner_location
from ownership_lint.rules.base import Context, CrossCheck, register

_WILD = re.compile(r"[*?\\\[]")


def probe(pattern: str) -> str | None:
    """A path that stands for what a literal pattern names: `/a/b/` -> `a/b/_` (a file in
    it that no other rule names), `/a/b` -> `a/b`. None for patterns with wildcards."""
    body = pattern.strip("/")
    if not body or _WILD.search(pattern) or "//" in body:
        return None
    return body + "/_" if pattern.endswith("/") else body


@dataclass(frozen=True)
class PathClaim:
    """A path that a responsibility lists, and the one role that owns the responsibility."""

    responsibility: str
    role: str
    ref: Ref


@dataclass(frozen=True)
class Mismatch:
    """A path a claim covers (most specifically) that the mapping gives to another role.

    `rule` is the mapping rule whose path it is, or None for the listed path itself;
    `winner` is the mapping rule that wins the path, and `role` the role it names."""

    claim: PathClaim
    winner: PatternRule | None
    role: str | None
    rule: PatternRule | None


def _claims_file(claims: Sequence[PathClaim]) -> tuple[CodeownersFile, list[PathClaim]]:
    """The claims as a last-match-wins file in which the most specific path (the longest
    literal prefix) comes last, so that it wins; and the claim of each rule, by index."""
    from ownership_lint.ownership import literal_prefix

    ordered = sorted(enumerate(claims), key=lambda e: (len(literal_prefix(e[1].ref.id)), e[0]))
    file = CodeownersFile()
    for index, (_, claim) in enumerate(ordered):
        owner = (Owner(claim.role, 0, 0),)
        file.rules.append(PatternRule(claim.ref.id, 0, 0, 0, owner, None, False, index))
    return file, [claim for _, claim in ordered]


def mismatches(
    mapping: CodeownersFile, claims: Sequence[PathClaim], listed: Sequence[Ref] = ()
) -> Iterator[Mismatch]:
    """Where the mapping disagrees with the responsibilities' paths (what OL311 reports).

    For each literal path that a responsibility lists (`listed`: every listed path, owned or
    not, in order; the claims' own by default) and then each literal mapping rule: the claim
    that covers it most specifically must name the role that the mapping's winning rule
    names. Listed paths are reported at the claim itself; mapping rules only where a literal
    claim covers them (`*` and `*.md` are too broad to claim a rule's paths)."""
    from ownership_lint.codeowners.index import Matcher

    if not claims:
        return
    mapping_index = Matcher(mapping)
    claims_file, by_index = _claims_file(claims)
    claimed = Matcher(claims_file)
    seen: set[str] = set()

    def compare(path: str, rule: PatternRule | None) -> Mismatch | None:
        found = claimed.owner_rule(path)
        if found is None:
            return None
        claim = by_index[found.index]
        winner = mapping_index.owner_rule(path)
        role = winner.owners[0].text if winner is not None and winner.owners else None
        return None if role == claim.role else Mismatch(claim, winner, role, rule)

    for ref in listed or [claim.ref for claim in claims]:
        path = probe(ref.id)
        if path is None or path in seen:
            continue
        seen.add(path)
        found = compare(path, None)
        if found is not None and found.claim.ref is ref:
            yield found
    for rule in mapping.rules:
        path = probe(rule.pattern)
        if path is None or path in seen:
            continue
        seen.add(path)
        found = compare(path, rule)
        if found is not None and probe(found.claim.ref.id) is not None:
            yield found


@register
class ResponsibilityPathMismatch(CrossCheck):
    meta = paths.RESPONSIBILITY_PATH_MISMATCH

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if team.mapping is None or team.mapping_path is None or not team.complete:
            return
        owners = team.responsibility_owners()
        claims = [
            PathClaim(resp.id, owners[resp.id][0].id, ref)
            for resp in team.responsibilities
            if len(owners.get(resp.id, ())) == 1  # none or several: OL101 / OL102 say so
            for ref in resp.paths
        ]
        listed = [ref for resp in team.responsibilities for ref in resp.paths]
        mapping_path = team.mapping_path

        def given(winner: PatternRule | None, role: str | None) -> str:
            if winner is None:
                return "no rule of the mapping matches it"
            who = f"role '{role}'" if role else "nobody"
            return f"'{winner.pattern}' ({mapping_path}:{winner.line}) gives it to {who}"

        for found in mismatches(team.mapping, claims, listed):
            claim, rule = found.claim, found.rule
            if rule is None:
                yield self.meta.finding(
                    claim.ref.location,
                    f"'{claim.ref.id}' belongs to responsibility '{claim.responsibility}', "
                    f"owned by role '{claim.role}', but {given(found.winner, found.role)}",
                    f"give '{claim.ref.id}' to '{claim.role}' in {mapping_path}, or move "
                    f"'{claim.responsibility}' to the role that owns the path",
                )
                continue
            yield self.meta.finding(
                Location(mapping_path, rule.line, rule.column, rule.line, rule.end_column),
                f"'{rule.pattern}' lies in '{claim.ref.id}' of responsibility "
                f"'{claim.responsibility}', owned by role '{claim.role}', but "
                + given(found.winner, found.role),
                f"give it to '{claim.role}', or list '{rule.pattern}' under a responsibility "
                "of the role that owns it",
            )


@register
class UnjustifiedMappingRule(CrossCheck):
    meta = paths.UNJUSTIFIED_MAPPING_RULE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        from ownership_lint.ownership import PathCoverage, literal_prefix

        if team.mapping is None or team.mapping_path is None or not team.complete:
            return
        coverage = PathCoverage(team)
        known = team.responsibility_ids()
        # A role that claims an unknown responsibility (OL201) may cover anything: quiet.
        roles = {
            role.id
            for role in team.roles
            if all(claim.id in known for claim in role.responsibilities)
        }
        for rule in team.mapping.rules:
            if len(rule.owners) != 1 or rule.owners[0].text not in roles:
                continue  # no owner, several (OL303), unknown (OL302), or not judged
            role = rule.owners[0].text
            if not coverage.served(role, literal_prefix(rule.pattern)):
                yield self.meta.finding(
                    owner_location(team.mapping_path, rule.owners[0]),
                    f"'{rule.pattern}' goes to role '{role}', but no responsibility it owns "
                    "lists these paths",
                    f"add '{rule.pattern}' to the paths of one of its responsibilities, or give "
                    "the rule to the role whose work it is",
                )
