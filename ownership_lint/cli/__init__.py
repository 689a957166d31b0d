"""The command-line interface: one module per command family, all on the group in app.py."""

from ownership_lint.cli import check, imports, paths  # noqa: F401  (each registers its commands)
from ownership_lint.cli.app import cli, main, run

__all__ = ["cli", "main", "run"]
