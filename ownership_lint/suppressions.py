"""Inline suppressions in team files (YAML and the path mapping):

    owner: sre  # ownership-lint: disable=OL102        this line
    # ownership-lint: disable=OL102,OL211                 the next line that is not a comment
    # ownership-lint: disable-file=OL213                  the whole file

A suppression that suppresses nothing is itself reported (OL016), so that they do not pile up
after the problem they excused is gone; so is one that names an integrity check, which no
suppression silences (`Code.integrity`). A suppression that names no rule (a typo such as
OL1O2) is a configuration error, located at the comment: it would otherwise silence nothing
without a word.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ownership_lint.catalogue.files import UNUSED_SUPPRESSION
from ownership_lint.findings import Finding, Location

_COMMENT = re.compile(r"(?:^|\s)#\s*ownership-lint:\s*(disable|disable-file)\s*=\s*([^#]*)")


@dataclass(frozen=True)
class Suppression:
    location: Location  # where the comment is
    codes: tuple[str, ...]
    target_line: int | None  # None: the whole file


def scan(path: str, text: str) -> list[Suppression]:
    found: list[Suppression] = []
    pending: list[tuple[Location, tuple[str, ...]]] = []  # own-line comments awaiting a line
    for number, line in enumerate(text.splitlines(), start=1):
        match = _COMMENT.search(line)
        stripped = line.strip()
        if match is None:
            if stripped and not stripped.startswith("#"):
                found.extend(Suppression(loc, codes, number) for loc, codes in pending)
                pending = []
            continue
        codes = tuple(code.strip().upper() for code in match.group(2).split(",") if code.strip())
        column = match.start(0) + (1 if line[match.start(0)].isspace() else 0) + 1
        location = Location(path, number, column, number, len(line) + 1)
        if match.group(1) == "disable-file":
            found.append(Suppression(location, codes, None))
        elif stripped.startswith("#"):
            pending.append((location, codes))
        else:
            found.append(Suppression(location, codes, number))
    # Own-line comments at the end of the file have no line to apply to: they stay unused.
    found.extend(Suppression(loc, codes, -1) for loc, codes in pending)
    return found


def scan_files(root: Path, paths: Iterable[str], limit: int) -> list[Suppression]:
    """The suppressions in the team files `paths`, read as the loader reads them (at most
    `limit` bytes each, never a link: `fileio.read_file`)."""
    from ownership_lint.fileio import read_file

    found: list[Suppression] = []
    for rel in paths:
        try:
            text = read_file(root, rel, limit=limit).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the loader reports unreadable (and refused) files
        if "ownership-lint:" in text:
            found.extend(scan(rel, text))
    return found


def apply(
    findings: Sequence[Finding],
    suppressions: Sequence[Suppression],
    ran: Collection[str],
    integrity: Collection[str] = (),
) -> tuple[list[Finding], list[Finding]]:
    """The findings that no suppression covers, and OL016 findings for unused suppressions
    (of the rules that `ran`: one that did not run cannot tell whether it was needed) and
    for suppressions of the `integrity` checks, whose findings are always kept."""
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        if finding.code in integrity:
            kept.append(finding)
            continue
        covering = [
            (number, finding.code)
            for number, s in enumerate(suppressions)
            if finding.code in s.codes
            and any(
                s.location.path == where.path and s.target_line in (None, where.line)
                for where in (finding.location, *finding.related)
            )
        ]
        if covering:
            used.update(covering)
        else:
            kept.append(finding)
    unused: list[Finding] = []
    for number, suppression in enumerate(suppressions):
        for code in suppression.codes:
            if code in integrity:
                unused.append(
                    UNUSED_SUPPRESSION.finding(
                        suppression.location,
                        f"{code} is an integrity check (what a generated CODEOWNERS grants) "
                        "and cannot be suppressed",
                        f"remove the suppression and fix what {code} reports",
                    )
                )
                continue
            if (number, code) in used or code not in ran:
                continue
            unused.append(
                UNUSED_SUPPRESSION.finding(
                    suppression.location,
                    f"the suppression of {code} suppresses nothing",
                    "remove it: the problem it excused is gone",
                )
            )
    return kept, unused
