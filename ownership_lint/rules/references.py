"""References: every id that something refers to exists, and every id is unique and well placed."""

from __future__ import annotations

from collections.abc import Iterator

from ownership_lint.catalogue import roster
from ownership_lint.findings import Finding, Location
from ownership_lint.model import Ref, Team
from ownership_lint.rules.base import Context, CrossCheck, register
from ownership_lint.suggest import did_you_mean


@register
class UnknownResponsibility(CrossCheck):
    meta = roster.UNKNOWN_RESPONSIBILITY

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if not team.complete:
            return
        known = team.responsibility_ids()
        areas = {area.id for area in team.areas}
        refs = [Ref(c.id, c.location) for role in team.roles for c in role.responsibilities]
        refs += [i.responsibility for i in team.interfaces if i.responsibility is not None]
        for ref in refs:
            if ref.id in known:
                continue
            if ref.id in areas:
                inside = sorted(r.id for r in team.responsibilities if r.area == ref.id)
                yield self.meta.finding(
                    ref.location,
                    f"'{ref.id}' is an area, not a responsibility",
                    "refer to the responsibilities in it: " + ", ".join(inside),
                )
            else:
                yield self.meta.finding(
                    ref.location,
                    f"unknown responsibility '{ref.id}'",
                    did_you_mean(ref.id, known)
                    or "add it to team/responsibilities.yaml or remove the reference",
                )


@register
class UnknownInterface(CrossCheck):
    meta = roster.UNKNOWN_INTERFACE

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        if not team.complete:
            return
        known = team.interface_ids()
        for role in team.roles:
            for ref in role.interfaces:
                if ref.id not in known:
                    yield self.meta.finding(
                        ref.location,
                        f"unknown interface '{ref.id}'",
                        did_you_mean(ref.id, known)
                        or "declare it under a department in team.yaml or remove it",
                    )


@register
class DuplicateId(CrossCheck):
    meta = roster.DUPLICATE_ID

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        groups: list[tuple[str, list[tuple[str, Location]]]] = [
            ("role", [(r.id, r.location) for r in team.roles]),
            (
                "catalogue id",
                [(a.id, a.location) for a in team.areas]
                + [(r.id, r.location) for r in team.responsibilities],
            ),
            (
                "department or interface id",
                [(d.id, d.location) for d in team.departments]
                + [(i.id, i.location) for i in team.interfaces],
            ),
        ]
        for kind, entries in groups:
            first: dict[str, Location] = {}
            for ident, location in entries:
                if ident in first:
                    yield self.meta.finding(
                        location,
                        f"duplicate {kind} '{ident}' (first at {first[ident]})",
                        "give each one its own id",
                    )
                else:
                    first[ident] = location


@register
class MisplacedId(CrossCheck):
    meta = roster.MISPLACED_ID

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        for resp in team.responsibilities:
            if not resp.id.startswith(resp.area + "."):
                yield self.meta.finding(
                    resp.location,
                    f"responsibility '{resp.id}' is in area '{resp.area}' but its id is not "
                    f"'{resp.area}.<name>'",
                    f"rename it to '{resp.area}.{resp.id.rsplit('.', 1)[-1]}' or move it to "
                    "the area its id names",
                )
        for iface in team.interfaces:
            if not iface.id.startswith(iface.department + "."):
                yield self.meta.finding(
                    iface.location,
                    f"interface '{iface.id}' is under department '{iface.department}' but its "
                    f"id is not '{iface.department}.<name>'",
                    f"rename it to '{iface.department}.{iface.id.rsplit('.', 1)[-1]}'",
                )


@register
class RoleIdMismatch(CrossCheck):
    meta = roster.ROLE_ID_MISMATCH

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        for role in team.roles:
            stem = role.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            if role.id != stem:
                yield self.meta.finding(
                    role.location,
                    f"role id '{role.id}' does not match its file name '{stem}'",
                    f"rename the file to roles/{role.id}.yaml, or the id to '{stem}'",
                )
