"""The options several commands share, and the configuration they read (files, then flags)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ownership_lint.config import Config

FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)


CONFIG = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Configuration file (default: the closest .ownership-lint.toml or pyproject.toml).",
)


SELECT = click.option("--select", help="Comma-separated rule codes or prefixes to report.")


IGNORE = click.option("--ignore", help="Comma-separated rule codes or prefixes not to report.")


TEAM_DIR = click.option("--team-dir", help="Team directory under the root (default: team).")


ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Repository root (default: the git top-level, or the current directory).",
)


PATHS_FROM = click.option(
    "--paths-from",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The tracked files, one a line, instead of asking git.",
)


CODEOWNERS = click.option(
    "--codeowners",
    "codeowners_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Use this CODEOWNERS file instead of the team's path mapping.",
)


def load_cli_config(
    root: Path,
    config_file: Path | None,
    select: str | None,
    ignore: str | None,
    team_dir: str | None = None,
) -> Config:
    """The configuration from files, with the command-line flags laid over it."""
    from dataclasses import replace

    from ownership_lint.config import load_config, parse_config

    config = load_config(root, config_file)
    flags: dict[str, object] = {}
    if select is not None:
        flags["select"] = [code.strip() for code in select.split(",") if code.strip()]
    if ignore is not None:
        flags["ignore"] = [code.strip() for code in ignore.split(",") if code.strip()]
    if team_dir is not None:
        flags["team-dir"] = team_dir
    overrides = parse_config(flags, "command line")
    return replace(
        config,
        team_dir=overrides.team_dir if team_dir is not None else config.team_dir,
        select=overrides.select if select is not None else config.select,
        ignore=overrides.ignore if ignore is not None else config.ignore,
    )


def tracked_from(paths_from: Path | None, root: Path) -> list[str] | None:
    if paths_from is None:
        return None
    from ownership_lint.gitrepo import GitError, read_paths_file

    try:
        return read_paths_file(paths_from, root)
    except GitError as err:
        raise click.UsageError(str(err)) from err
