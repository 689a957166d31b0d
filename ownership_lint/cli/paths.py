"""`who-owns` and `coverage`: who owns which paths."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ownership_lint.cli.app import EXIT_FINDINGS
from ownership_lint.cli.options import (
    CODEOWNERS,
    CONFIG,
    FORMAT,
    PATHS_FROM,
    ROOT,
    load_cli_config,
    tracked_from,
)

if TYPE_CHECKING:
    pass


@click.command("who-owns")
@click.argument("paths", nargs=-1, required=True)
@CODEOWNERS
@ROOT
@CONFIG
@FORMAT
def who_owns(
    paths: tuple[str, ...],
    codeowners_file: Path | None,
    root: Path | None,
    config_file: Path | None,
    fmt: str,
) -> None:
    """Who owns each PATH, and why (the rule, and the role's responsibilities).

    A PATH ending with '/', or naming a directory, is answered for the directory itself."""
    from ownership_lint import api

    root = root or api.find_root(Path.cwd())
    try:
        config = load_cli_config(root, config_file, None, None)
        answers = api.who_owns(
            root, [api.repo_path(root, p) for p in paths], codeowners=codeowners_file, config=config
        )
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    from ownership_lint.report.ownership import who_owns_json, who_owns_text

    click.echo((who_owns_json if fmt == "json" else who_owns_text)(answers), nl=False)


@click.command()
@CODEOWNERS
@click.option("--unowned", "list_unowned", is_flag=True, help="List the files without an owner.")
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    metavar="PERCENT",
    help="Exit 1 when fewer than PERCENT % of the tracked files have an owner.",
)
@PATHS_FROM
@ROOT
@CONFIG
@FORMAT
def coverage(
    codeowners_file: Path | None,
    list_unowned: bool,
    fail_under: float | None,
    paths_from: Path | None,
    root: Path | None,
    config_file: Path | None,
    fmt: str,
) -> None:
    """How many tracked files have an owner, per owner, from the team mapping or --codeowners.

    With --fail-under, a gate: exit 1 when the owned share is below PERCENT."""
    from ownership_lint import api
    from ownership_lint.progress import progress

    root = root or api.find_root(Path.cwd())
    tracked = tracked_from(paths_from, root)
    try:
        config = load_cli_config(root, config_file, None, None)
        with progress("scanning files") as step:
            result = api.coverage(
                root, codeowners=codeowners_file, tracked=tracked, config=config, progress=step
            )
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    from ownership_lint.report.ownership import coverage_json, coverage_text

    render = coverage_json if fmt == "json" else coverage_text
    click.echo(render(result, list_unowned=list_unowned, fail_under=fail_under), nl=False)
    if fail_under is not None and result.below(fail_under):
        sys.exit(EXIT_FINDINGS)
