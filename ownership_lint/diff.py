"""What a change does to ownership: the ownership model at a base revision against a head (a
revision, or the work tree), read from git without checking anything out."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ownership_lint.changes import Change, FileMove, OwnershipDiff, Reviewer
from ownership_lint.codeowners.index import Matcher
from ownership_lint.codeowners.locate import EVERY_LOCATION
from ownership_lint.errors import ConfigError
from ownership_lint.loading.team import load_team
from ownership_lint.model import Role, Team

EXAMPLES = 3


@dataclass
class Snapshot:
    """The ownership model at one revision."""

    label: str
    team: Team | None
    matcher: Matcher | None
    files: list[str]

    def owners(self, path: str) -> tuple[str, ...]:
        return self.matcher.owners(path) if self.matcher else ()


def _snapshot_dir(directory: Path, label: str, team_dir: str, files: list[str]) -> Snapshot:
    from ownership_lint.loading.codeowners import load_codeowners

    team = load_team(directory, team_dir).team if (directory / team_dir).is_dir() else None
    matcher = None
    if team is not None and team.mapping is not None:
        matcher = Matcher(team.mapping)
    else:
        try:
            matcher = Matcher(load_codeowners(directory).parsed)
        except ConfigError:
            matcher = None
    return Snapshot(label, team, matcher, files)


@contextmanager
def snapshot(root: Path, rev: str | None, team_dir: str) -> Iterator[Snapshot]:
    """The model at `rev`, or in the work tree (with the index's files) when `rev` is None."""
    from ownership_lint import gitrepo

    if rev is None:
        if gitrepo.is_bare(root):
            raise gitrepo.GitError(
                "a bare repository has no work tree to compare: name the revision to compare "
                "with --head REV"
            )
        yield _snapshot_dir(root, "work tree", team_dir, gitrepo.tracked_files(root))
        return
    with tempfile.TemporaryDirectory(prefix="ownership-lint-") as tmp:
        gitrepo.export(root, rev, [team_dir, *EVERY_LOCATION], Path(tmp))
        yield _snapshot_dir(Path(tmp), rev, team_dir, gitrepo.files_at(root, rev))


def _owners(team: Team | None) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Responsibility and interface ids -> owning role ids; [] for those nobody owns."""
    if team is None:
        return {}, {}
    resp: dict[str, list[str]] = {ident: [] for ident in team.responsibility_ids()}
    iface: dict[str, list[str]] = {ident: [] for ident in team.interface_ids()}
    for ident, refs in team.responsibility_owners().items():
        resp[ident] = [ref.id for ref in refs]
    for ident, refs in team.interface_owners().items():
        iface[ident] = [ref.id for ref in refs]
    return resp, iface


def _changes(old: dict[str, list[str]], new: dict[str, list[str]]) -> list[Change]:
    return [
        Change(subject, sorted(old.get(subject, [])), sorted(new.get(subject, [])))
        for subject in sorted(set(old) | set(new))
        if sorted(old.get(subject, [])) != sorted(new.get(subject, []))
    ]


def _roles(team: Team | None) -> dict[str, Role]:
    return {role.id: role for role in team.roles} if team else {}


def _handles(owner: str, *teams: Team | None) -> list[str]:
    """Who reviews for an owner: a role's team handle or members; a handle is itself."""
    for team in teams:
        role = _roles(team).get(owner)
        if role is not None:
            return [role.handle.id] if role.handle else [m.id for m in role.members]
    return [owner]


def compare(base: Snapshot, head: Snapshot) -> OwnershipDiff:
    diff = OwnershipDiff(base=base.label, head=head.label)
    old_resp, old_iface = _owners(base.team)
    new_resp, new_iface = _owners(head.team)
    diff.responsibilities = _changes(old_resp, new_resp)
    diff.interfaces = _changes(old_iface, new_iface)
    old_roles, new_roles = _roles(base.team), _roles(head.team)
    diff.roles_added = sorted(set(new_roles) - set(old_roles))
    diff.roles_removed = sorted(set(old_roles) - set(new_roles))
    for role_id in sorted(set(old_roles) & set(new_roles)):
        before = {m.id for m in old_roles[role_id].members}
        after = {m.id for m in new_roles[role_id].members}
        if after - before:
            diff.members_added[role_id] = sorted(after - before)
        if before - after:
            diff.members_removed[role_id] = sorted(before - after)

    base_files = set(base.files)
    moves: dict[tuple[tuple[str, ...], tuple[str, ...]], FileMove] = {}
    for path in head.files:
        now = head.owners(path)
        if path not in base_files:
            if not now:
                diff.unowned_new_files.append(path)
            continue
        before_owners = base.owners(path)
        if before_owners != now:
            move = moves.setdefault((before_owners, now), FileMove(before_owners, now))
            move.count += 1
            if len(move.examples) < EXAMPLES:
                move.examples.append(path)
    diff.file_moves = sorted(moves.values(), key=lambda m: (-m.count, m.old, m.new))
    diff.reviewers = _reviewers(diff, base.team, head.team)
    return diff


def _reviewers(diff: OwnershipDiff, base: Team | None, head: Team | None) -> list[Reviewer]:
    """A hand-over needs both the old and the new owner to review it."""
    found: dict[str, Reviewer] = {}

    def need(owners: Sequence[str], reason: str) -> None:
        for owner in owners:
            for handle in _handles(owner, head, base):
                found.setdefault(handle, Reviewer(handle)).reasons.append(reason)

    for change in diff.responsibilities:
        need(change.old, f"old owner of {change.subject}")
        need(change.new, f"new owner of {change.subject}")
    for change in diff.interfaces:
        need(change.old, f"old owner of interface {change.subject}")
        need(change.new, f"new owner of interface {change.subject}")
    for move in diff.file_moves:
        files = f"{move.count} file{'s' if move.count != 1 else ''}"
        need(move.old, f"old owner of {files}")
        need(move.new, f"new owner of {files}")
    for reviewer in found.values():
        reviewer.reasons = list(dict.fromkeys(reviewer.reasons))
    return sorted(found.values(), key=lambda r: r.handle.lower())


def ownership_diff(
    root: Path, base: str, head: str | None = None, team_dir: str = "team"
) -> OwnershipDiff:
    """Compare the ownership model at `base` with `head` (default: the work tree)."""
    with snapshot(root, base, team_dir) as old, snapshot(root, head, team_dir) as new:
        if old.team is not None and new.team is None:
            raise ConfigError(_no_head_team(new, team_dir))
        return compare(old, new)


def _no_head_team(head: Snapshot, team_dir: str) -> str:
    """Why the head side has no team definition, and what to do: a comparison with nothing
    would report every role removed."""
    where = "the work tree" if head.label == "work tree" else f"revision '{head.label}'"
    message = f"{where} has no team definition at '{team_dir}/': nothing to compare with"
    if head.label == "work tree" and any(p.startswith(f"{team_dir}/") for p in head.files):
        return (
            f"{message}. It is in the index but not in the work tree (a sparse checkout?): "
            f"'git sparse-checkout add {team_dir}', or compare a revision with --head HEAD"
        )
    return (
        f"{message}. If the change removes {team_dir}/ on purpose, review that change itself; "
        "otherwise check it out, or name the revision with --head REV"
    )
