"""Where a repository keeps its CODEOWNERS file; the first existing location wins."""

from __future__ import annotations

from pathlib import Path

from ownership_lint.codeowners.model import Dialect

# GitHub documents this search order; GitLab's is Gitlab::CodeOwners::FILE_PATHS.
LOCATIONS: dict[str, tuple[str, ...]] = {
    "github": (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"),
    "gitlab": ("CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"),
}
# Where a generated file goes unless told otherwise: the place each platform looks first.
DEFAULT_OUTPUT: dict[Dialect, str] = {
    "github": ".github/CODEOWNERS",
    "gitlab": ".gitlab/CODEOWNERS",
}
# GitHub does not load a CODEOWNERS file of this size or more at all.
GITHUB_MAX_BYTES = 3 * 1024 * 1024
# Every place either platform reads: where generated files are looked for and compared.
EVERY_LOCATION: tuple[str, ...] = tuple(dict.fromkeys(LOCATIONS["github"] + LOCATIONS["gitlab"]))


def present(root: Path) -> list[str]:
    """The places of EVERY_LOCATION where `root` has something (a file, or a link: reading
    one is refused later, never passed over)."""
    import os

    return [rel for rel in EVERY_LOCATION if os.path.lexists(root / rel)]


def find_codeowners(root: Path, dialect: Dialect = "github") -> Path | None:
    """The CODEOWNERS file the platform would use under ``root``, or None.

    A link there counts as a file: reading it is refused (`fileio.read_file`), rather than
    passing it over for the next place, which the platform may not do."""
    for rel in LOCATIONS[dialect]:
        candidate = root / rel
        try:
            if candidate.is_symlink() or candidate.is_file():
                return candidate
        except OSError:
            continue
    return None
