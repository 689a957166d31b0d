"""`generate`: every file generated from team/ at once (CODEOWNERS, the team document, the
matrix, the schemas)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ownership_lint.cli.app import EXIT_FINDINGS
from ownership_lint.cli.options import (
    CONFIG,
    FORMAT,
    PATHS_FROM,
    ROOT,
    load_cli_config,
    tracked_from,
)
from ownership_lint.cli.output import emit
from ownership_lint.errors import GenerationError

COMMAND = "ownership-lint generate"


@click.command("generate")
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; exit 1 with a diff when a generated file is not what team/ generates.",
)
@click.option("--team-dir", help="Team directory under the root (default: team).")
@PATHS_FROM
@ROOT
@CONFIG
@FORMAT
def generate_all(
    check_only: bool,
    team_dir: str | None,
    paths_from: Path | None,
    root: Path | None,
    config_file: Path | None,
    fmt: str,
) -> None:
    """Regenerate every file generated from team/: each generated CODEOWNERS (else a new one
    in the configured flavour, unless one is kept by hand), the team document and the matrix
    when they exist, and the schemas in schemas-dir when ownership-lint's are there.

    Exit 0 when all were up to date, 1 when one was written (or, with --check, would be), 2 on
    an error. Nothing is written while `ownership-lint check` reports errors.
    """
    from ownership_lint import api
    from ownership_lint.docs.matrix import MatrixTooLarge
    from ownership_lint.escape import visible

    root = root or api.find_root(Path.cwd())
    tracked = tracked_from(paths_from, root)
    try:
        config = load_cli_config(root, config_file, None, None, team_dir)
        outputs = api.plan_all(root, config, tracked=tracked)
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    except MatrixTooLarge as err:
        # A property of team/, like a finding: exit 1, as `matrix` does.
        click.echo(f"ownership-lint: {err}: nothing was written or compared.", err=True)
        sys.exit(EXIT_FINDINGS)
    except GenerationError as err:
        if fmt == "text":
            click.echo(
                f"ownership-lint: {visible(config.team_dir)}/ has errors: nothing was generated "
                "or compared.",
                err=True,
            )
        emit(api.Report(err.findings, err.files), fmt)
    team_dir = visible(config.team_dir)
    stale = [output for output in outputs if not output.up_to_date]
    if not any(output.artifact.kind == "codeowners" for output in outputs):
        for rel in api.kept_by_hand(root):
            click.echo(
                f"{visible(rel)} is kept by hand: left alone ('ownership-lint codeowners generate "
                "--markers' adds a generated block to it)."
            )
    if check_only:
        for output in outputs:
            rel = visible(output.artifact.rel)
            if output.up_to_date:
                click.echo(f"{rel} is up to date with {team_dir}/.")
            elif output.existing is None:
                click.echo(f"{rel} does not exist.")
            else:
                click.echo(output.diff("on disk", "from team/"), nl=False)
                click.echo(f"{rel} is out of date with {team_dir}/.")
        if stale:
            click.echo(f"To fix it, run:\n  {COMMAND}")
            sys.exit(EXIT_FINDINGS)
        return
    try:
        api.write_all(root, outputs)
    except OSError as err:
        raise click.UsageError(f"cannot write: {err.strerror or err}") from err
    for output in outputs:
        rel = visible(output.artifact.rel)
        if output.up_to_date:
            click.echo(f"{rel} is up to date with {team_dir}/.")
        elif output.existing is None:
            click.echo(f"created {rel} from {team_dir}/.")
        else:
            click.echo(f"updated {rel}: it was not up to date with {team_dir}/.")
    if stale:
        # Exit 1: files changed. pre-commit needs it to stop a commit that lacks them.
        click.echo("Commit the files that changed.")
        sys.exit(EXIT_FINDINGS)
