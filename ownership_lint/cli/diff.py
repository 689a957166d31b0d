"""`diff`: what a change does to ownership, for a pull request."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ownership_lint.cli.app import EXIT_CLEAN, EXIT_FINDINGS
from ownership_lint.cli.options import CONFIG, ROOT, load_cli_config


def _kinds(value: str | None) -> set[str]:
    from ownership_lint.changes import FAIL_ON

    if not value:
        return set()
    kinds = {kind.strip() for kind in value.split(",") if kind.strip()}
    unknown = sorted(kinds - set(FAIL_ON))
    if unknown:
        raise click.BadParameter(
            f"unknown kind '{unknown[0]}'; choose from {', '.join(FAIL_ON)}",
            param_hint="--fail-on",
        )
    return kinds


@click.command()
@click.option("--base", required=True, help="The revision to compare with (e.g. origin/main).")
@click.option("--head", help="The revision to compare (default: the work tree and its index).")
@click.option(
    "--fail-on",
    help="Exit 1 on these kinds of change (comma-separated): ownership-change, "
    "unowned-new-files, role-removed, member-removed.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="markdown suits a pull-request comment.",
)
@ROOT
@CONFIG
def diff(
    base: str,
    head: str | None,
    fail_on: str | None,
    fmt: str,
    root: Path | None,
    config_file: Path | None,
) -> None:
    """Compare ownership at --base with --head: responsibilities, interfaces, roles and members
    that change, files whose owner changes, new files without an owner, and who must review."""
    from ownership_lint import api
    from ownership_lint.diff import ownership_diff
    from ownership_lint.report import ownership_diff as render

    kinds = _kinds(fail_on)
    root = root or api.find_root(Path.cwd())
    try:
        config = load_cli_config(root, config_file, None, None)
        result = ownership_diff(root, base, head, config.team_dir)
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    if fmt == "json":
        click.echo(render.render_json(result), nl=False)
    elif fmt == "markdown":
        click.echo(render.render_markdown(result), nl=False)
    else:
        click.echo(render.render_text(result), nl=False)
    sys.exit(EXIT_FINDINGS if kinds & result.kinds() else EXIT_CLEAN)
