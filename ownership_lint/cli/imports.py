"""`import`: bootstrap team/ from what a team already has (a CODEOWNERS file, a team document).

Each importer adds its own subcommand to this group from its own module.
"""

from __future__ import annotations

from ownership_lint.cli.app import cli


@cli.group("import")
def import_group() -> None:
    """Create team/ from an existing CODEOWNERS file or team document."""
