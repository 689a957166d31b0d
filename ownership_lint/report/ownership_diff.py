"""Renderings of an ownership diff: text for a terminal, JSON, Markdown for a PR comment."""

from __future__ import annotations

import json
from dataclasses import asdict

from ownership_lint.diff import Change, OwnershipDiff
from ownership_lint.report.text import plural


def _owners(owners: list[str] | tuple[str, ...]) -> str:
    return ", ".join(owners) if owners else "(none)"


def _change(change: Change) -> str:
    return f"{change.subject}: {_owners(change.old)} -> {_owners(change.new)}"


def render_json(diff: OwnershipDiff) -> str:
    document = asdict(diff)
    document["files_changing_owner"] = diff.files_changing_owner
    document["kinds"] = sorted(diff.kinds())
    return json.dumps(document, indent=2) + "\n"


def render_text(diff: OwnershipDiff) -> str:
    lines = [f"Ownership changes from {diff.base} to {diff.head}:"]
    if diff.empty:
        return lines[0] + " none.\n"
    if diff.responsibilities:
        lines += ["", "responsibilities changing owner:"]
        lines += [f"  {_change(c)}" for c in diff.responsibilities]
    if diff.interfaces:
        lines += ["", "interfaces changing owner:"]
        lines += [f"  {_change(c)}" for c in diff.interfaces]
    if diff.roles_added or diff.roles_removed:
        lines += ["", "roles:"]
        lines += [f"  + {role}" for role in diff.roles_added]
        lines += [f"  - {role}" for role in diff.roles_removed]
    if diff.members_added or diff.members_removed:
        lines += ["", "members:"]
        for role, handles in sorted(diff.members_added.items()):
            lines += [f"  {role}: + {h}" for h in handles]
        for role, handles in sorted(diff.members_removed.items()):
            lines += [f"  {role}: - {h}" for h in handles]
    if diff.file_moves:
        lines += ["", f"files changing owner: {diff.files_changing_owner}"]
        for move in diff.file_moves:
            lines.append(
                f"  {_owners(move.old)} -> {_owners(move.new)}: {move.count} "
                f"(e.g. {', '.join(move.examples)})"
            )
    if diff.unowned_new_files:
        lines += ["", f"new files without an owner: {len(diff.unowned_new_files)}"]
        lines += [f"  {path}" for path in diff.unowned_new_files]
    if diff.reviewers:
        lines += ["", "reviewers this hand-over needs:"]
        lines += [f"  {r.handle} ({'; '.join(r.reasons)})" for r in diff.reviewers]
    return "\n".join(lines) + "\n"


def render_markdown(diff: OwnershipDiff) -> str:
    lines = [f"## Ownership changes ({diff.base} → {diff.head})", ""]
    if diff.empty:
        return "\n".join([*lines, "No ownership changes."]) + "\n"
    changes = [("responsibility", c) for c in diff.responsibilities]
    changes += [("interface", c) for c in diff.interfaces]
    if changes:
        lines += ["| kind | what | owner before | owner after |", "|---|---|---|---|"]
        lines += [
            f"| {kind} | `{c.subject}` | {_owners(c.old)} | {_owners(c.new)} |"
            for kind, c in changes
        ]
        lines.append("")
    if diff.roles_added or diff.roles_removed:
        lines.append(
            "**Roles:** "
            + ", ".join(
                [f"+`{r}`" for r in diff.roles_added] + [f"-`{r}`" for r in diff.roles_removed]
            )
        )
        lines.append("")
    members = [f"`{role}` +{h}" for role, hs in sorted(diff.members_added.items()) for h in hs]
    members += [f"`{role}` -{h}" for role, hs in sorted(diff.members_removed.items()) for h in hs]
    if members:
        lines += ["**Members:** " + ", ".join(members), ""]
    if diff.file_moves:
        lines += [
            f"**{plural(diff.files_changing_owner, 'file changes', 'files change')} owner**",
            "",
            "| from | to | files | e.g. |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {_owners(m.old)} | {_owners(m.new)} | {m.count} | "
            + ", ".join(f"`{p}`" for p in m.examples)
            + " |"
            for m in diff.file_moves
        ]
        lines.append("")
    if diff.unowned_new_files:
        shown = ", ".join(f"`{p}`" for p in diff.unowned_new_files[:20])
        more = len(diff.unowned_new_files) - 20
        lines += [
            f"**{plural(len(diff.unowned_new_files), 'new file has', 'new files have')} no "
            f"owner:** {shown}" + (f" and {more} more" if more > 0 else ""),
            "",
        ]
    if diff.reviewers:
        lines += ["**Reviewers this hand-over needs:**", ""]
        lines += [f"- {r.handle}: {'; '.join(r.reasons)}" for r in diff.reviewers]
    return "\n".join(lines) + "\n"
