"""Fingerprints that identify a finding across commits: its rule, file and message, without the
line and column numbers that move whenever lines are added above it."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from ownership_lint.findings import Finding


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One stable hex digest per finding; equal findings get distinct ones by occurrence."""
    seen: Counter[str] = Counter()
    result = []
    for finding in findings:
        key = finding.identity()
        seen[key] += 1
        digest = hashlib.sha256(
            f"{key}\0{seen[key]}".encode("utf-8", "surrogateescape")
        ).hexdigest()
        result.append(digest[:32])
    return result
