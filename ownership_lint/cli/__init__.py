"""The command-line interface: the group in app.py, and one module per family of commands
(`app.COMMANDS` says which), imported when one of its commands runs."""

from ownership_lint.cli.app import cli, main, run

__all__ = ["cli", "main", "run"]
