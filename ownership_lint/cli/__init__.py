"""The command-line interface: one module per command family, all on the group in app.py."""

# Each module registers its commands on the group when imported.
from ownership_lint.cli import (  # noqa: F401
    check,
    diff,
    docs,
    generate,
    imports,
    paths,
    regenerate,
)
from ownership_lint.cli.app import cli, main, run

__all__ = ["cli", "main", "run"]
