"""Who owns what, as text for a terminal and JSON: `who-owns` answers and `coverage`."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ownership_lint.answers import Coverage, Ownership
from ownership_lint.escape import json_document, visible


def who_owns_json(answers: Sequence[Ownership]) -> str:
    return json_document(json.dumps([a.to_dict() for a in answers], indent=2)) + "\n"


def who_owns_text(answers: Sequence[Ownership]) -> str:
    lines: list[str] = []
    for answer in answers:
        owners = " ".join(map(visible, answer.owners)) if answer.owners else "(no owner)"
        kind = " (directory)" if answer.kind == "directory" else ""
        lines.append(f"{visible(answer.path)}{kind}: {owners}")
        source = visible(answer.source)
        if answer.line is not None:
            lines.append(f"    rule: {source}:{answer.line} '{visible(answer.pattern or '')}'")
        else:
            lines.append(f"    rule: none in {source} matches")
        if answer.responsibilities:
            lines.append(f"    responsibilities: {visible(', '.join(answer.responsibilities))}")
        if answer.role is not None:
            requested = " ".join(map(visible, answer.handles))
            lines.append(
                f"    requests: {requested or 'nobody (the role has no handle or members)'}"
            )
    return "".join(line + "\n" for line in lines)


def _by_owner(result: Coverage) -> list[tuple[str, int]]:
    return sorted(result.per_owner.items(), key=lambda item: (-item[1], item[0]))


def coverage_json(result: Coverage, *, list_unowned: bool, fail_under: float | None) -> str:
    total = result.total or 1
    document: dict[str, object] = {
        "source": result.source,
        "files": result.total,
        "owned": result.owned,
        "unowned": len(result.unowned),
        "owners": [
            {"owner": o, "files": n, "percent": round(100 * n / total, 2)}
            for o, n in _by_owner(result)
        ],
    }
    if list_unowned:
        document["unowned_files"] = result.unowned
    if fail_under is not None:
        document["fail_under"] = fail_under
        document["passed"] = not result.below(fail_under)
    return json_document(json.dumps(document, indent=2)) + "\n"


def coverage_text(result: Coverage, *, list_unowned: bool, fail_under: float | None) -> str:
    total = result.total or 1
    lines = [
        f"source: {visible(result.source)}",
        f"files: {result.total:,}   owned: {result.owned:,} ({100 * result.owned / total:.1f}%)"
        f"   unowned: {len(result.unowned):,} ({100 * len(result.unowned) / total:.1f}%)",
    ]
    owners = [(visible(owner), count) for owner, count in _by_owner(result)]
    if owners:
        width = max(len("owner"), *(len(o) for o, _ in owners))
        lines += ["", f"{'owner':<{width}}  {'files':>9}  {'share':>6}"]
        lines += [f"{o:<{width}}  {n:>9,}  {100 * n / total:>5.1f}%" for o, n in owners]
    if list_unowned and result.unowned:
        lines += ["", "unowned files:", *(f"  {visible(path)}" for path in result.unowned)]
    if fail_under is not None:
        verdict = "FAILED" if result.below(fail_under) else "passed"
        share = f"{result.percent:.2f}%" if result.total else "no tracked files"
        lines += ["", f"{verdict}: owned {share}, --fail-under {fail_under:g}%"]
    return "".join(line + "\n" for line in lines)
