"""Renderings of an ownership diff: text for a terminal, JSON, Markdown for a PR comment.

Every subject, role, handle and path comes from the linted repository: the text shows each
with `escape.visible`, the Markdown with `escape.markdown_code` / `escape.markdown_text`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict

from ownership_lint.changes import Change, OwnershipDiff
from ownership_lint.escape import json_document, markdown_code, markdown_text, visible
from ownership_lint.report.text import plural


def _owners(owners: Sequence[str], show: Callable[[str], str] = visible) -> str:
    return ", ".join(show(owner) for owner in owners) if owners else "(none)"


def _change(change: Change) -> str:
    return f"{visible(change.subject)}: {_owners(change.old)} -> {_owners(change.new)}"


def render_json(diff: OwnershipDiff) -> str:
    document = asdict(diff)
    document["files_changing_owner"] = diff.files_changing_owner
    document["kinds"] = sorted(diff.kinds())
    return json_document(json.dumps(document, indent=2)) + "\n"


def render_text(diff: OwnershipDiff) -> str:
    lines = [f"Ownership changes from {visible(diff.base)} to {visible(diff.head)}:"]
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
        lines += [f"  + {visible(role)}" for role in diff.roles_added]
        lines += [f"  - {visible(role)}" for role in diff.roles_removed]
    if diff.members_added or diff.members_removed:
        lines += ["", "members:"]
        for role, handles in sorted(diff.members_added.items()):
            lines += [f"  {visible(role)}: + {visible(h)}" for h in handles]
        for role, handles in sorted(diff.members_removed.items()):
            lines += [f"  {visible(role)}: - {visible(h)}" for h in handles]
    if diff.file_moves:
        lines += ["", f"files changing owner: {diff.files_changing_owner}"]
        for move in diff.file_moves:
            lines.append(
                f"  {_owners(move.old)} -> {_owners(move.new)}: {move.count} "
                f"(e.g. {', '.join(visible(p) for p in move.examples)})"
            )
    if diff.unowned_new_files:
        lines += ["", f"new files without an owner: {len(diff.unowned_new_files)}"]
        lines += [f"  {visible(path)}" for path in diff.unowned_new_files]
    if diff.reviewers:
        lines += ["", "reviewers this hand-over needs:"]
        lines += [
            f"  {visible(r.handle)} ({visible('; '.join(r.reasons))})" for r in diff.reviewers
        ]
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return markdown_code(value, in_table=True)


def render_markdown(diff: OwnershipDiff) -> str:
    title = f"{markdown_text(diff.base)} → {markdown_text(diff.head)}"
    lines = [f"## Ownership changes ({title})", ""]
    if diff.empty:
        return "\n".join([*lines, "No ownership changes."]) + "\n"
    changes = [("responsibility", c) for c in diff.responsibilities]
    changes += [("interface", c) for c in diff.interfaces]
    if changes:
        lines += ["| kind | what | owner before | owner after |", "|---|---|---|---|"]
        lines += [
            f"| {kind} | {_cell(c.subject)} | {_owners(c.old, markdown_text)} "
            f"| {_owners(c.new, markdown_text)} |"
            for kind, c in changes
        ]
        lines.append("")
    if diff.roles_added or diff.roles_removed:
        lines.append(
            "**Roles:** "
            + ", ".join(
                [f"+{markdown_code(r)}" for r in diff.roles_added]
                + [f"-{markdown_code(r)}" for r in diff.roles_removed]
            )
        )
        lines.append("")
    members = [
        f"{markdown_code(role)} +{markdown_text(h)}"
        for role, hs in sorted(diff.members_added.items())
        for h in hs
    ]
    members += [
        f"{markdown_code(role)} -{markdown_text(h)}"
        for role, hs in sorted(diff.members_removed.items())
        for h in hs
    ]
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
            f"| {_owners(m.old, markdown_text)} | {_owners(m.new, markdown_text)} | {m.count} | "
            + ", ".join(_cell(p) for p in m.examples)
            + " |"
            for m in diff.file_moves
        ]
        lines.append("")
    if diff.unowned_new_files:
        shown = ", ".join(markdown_code(p) for p in diff.unowned_new_files[:20])
        more = len(diff.unowned_new_files) - 20
        lines += [
            f"**{plural(len(diff.unowned_new_files), 'new file has', 'new files have')} no "
            f"owner:** {shown}" + (f" and {more} more" if more > 0 else ""),
            "",
        ]
    if diff.reviewers:
        lines += ["**Reviewers this hand-over needs:**", ""]
        lines += [
            f"- {markdown_text(r.handle)}: {markdown_text('; '.join(r.reasons))}"
            for r in diff.reviewers
        ]
    return "\n".join(lines) + "\n"
