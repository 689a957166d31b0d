"""Where a repository keeps its CODEOWNERS file; the first existing location wins."""

from __future__ import annotations

from pathlib import Path

from ownership_lint.codeowners.model import Dialect

# GitHub documents this search order; GitLab's is Gitlab::CodeOwners::FILE_PATHS.
LOCATIONS: dict[str, tuple[str, ...]] = {
    "github": (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"),
    "gitlab": ("CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"),
}


def find_codeowners(root: Path, dialect: Dialect = "github") -> Path | None:
    """The CODEOWNERS file the platform would use under ``root``, or None."""
    for rel in LOCATIONS[dialect]:
        candidate = root / rel
        try:
            if candidate.is_file():
                return candidate
        except OSError:
            continue
    return None
