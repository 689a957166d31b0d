"""`codeowners lint` (a CODEOWNERS file as the platform reads it) and `codeowners generate`
(team/ -> CODEOWNERS)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ownership_lint.cli.app import EXIT_FINDINGS
from ownership_lint.cli.options import (
    CONFIG,
    FORMAT,
    IGNORE,
    PATHS_FROM,
    ROOT,
    SELECT,
    load_cli_config,
    tracked_from,
)
from ownership_lint.cli.output import ReportOptions, emit, report_options
from ownership_lint.errors import GenerationError


@click.group()
def codeowners() -> None:
    """Work with real CODEOWNERS files (GitHub and GitLab)."""


@codeowners.command("lint")
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.option(
    "--dialect",
    type=click.Choice(["github", "gitlab"]),
    help="Default: GitLab for .gitlab/CODEOWNERS or files with [Section] headers, else GitHub.",
)
@click.option("--unowned", is_flag=True, help="Report every tracked file without an owner (OL310).")
@PATHS_FROM
@ROOT
@CONFIG
@SELECT
@IGNORE
@report_options
def codeowners_lint(
    file: Path | None,
    dialect: str | None,
    unowned: bool,
    paths_from: Path | None,
    root: Path | None,
    config_file: Path | None,
    select: str | None,
    ignore: str | None,
    report_options: ReportOptions,
) -> None:
    """Check a CODEOWNERS FILE (default: the one the platform uses): syntax, owners, duplicate,
    dead and shadowed rules, size."""
    from dataclasses import replace

    from ownership_lint import api
    from ownership_lint.progress import progress

    root = root or api.find_root(Path.cwd())
    tracked = tracked_from(paths_from, root)
    try:
        config = load_cli_config(root, config_file, select, ignore)
        if unowned:
            config = replace(config, enable=("OL310",))
        with progress("scanning files") as step:
            report = api.lint_codeowners(
                root,
                file,
                dialect=dialect,  # type: ignore[arg-type]
                tracked=tracked,
                config=config,
                progress=step,
            )
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    emit(report, report_options, title="ownership-lint codeowners lint", root=root)


@codeowners.command("generate")
@click.option(
    "--flavor",
    "--flavour",
    "flavor",
    type=click.Choice(["github", "gitlab"]),
    help="Which platform's CODEOWNERS to write (default: the configuration's `flavor`, "
    "else github).",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write (default: .github/CODEOWNERS, or .gitlab/CODEOWNERS for GitLab).",
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; exit 1 with a diff when the file is not what team/ generates.",
)
@click.option(
    "--markers",
    is_flag=True,
    help="Put the generated lines in a marker block; lines outside it are kept.",
)
@click.option("--force", is_flag=True, help="Replace an output file that was written by hand.")
@click.option("--team-dir", help="Team directory under the root (default: team).")
@PATHS_FROM
@ROOT
@CONFIG
@FORMAT
def codeowners_generate(
    flavor: str | None,
    output: Path | None,
    check_only: bool,
    markers: bool,
    force: bool,
    team_dir: str | None,
    paths_from: Path | None,
    root: Path | None,
    config_file: Path | None,
    fmt: str,
) -> None:
    """Write the real CODEOWNERS file from team/: roles resolved to their handles.

    Exit 0 when the file was already up to date, 1 when it was written or changed (or, with
    --check, would be). Nothing is written while `ownership-lint check` reports errors. The
    file is replaced in one step (a temporary file renamed over it): never half-written.
    """
    from ownership_lint import api
    from ownership_lint.codeowners.model import DIALECT_NAMES

    root = root or api.find_root(Path.cwd())
    tracked = tracked_from(paths_from, root)
    if output is not None and not output.is_absolute():
        output = Path.cwd() / output
    try:
        config = load_cli_config(root, config_file, None, None, team_dir)
        result = api.generate_codeowners(
            root,
            flavor=flavor or config.flavor,  # type: ignore[arg-type]
            output=output,
            config=config,
            markers=markers,
            force=force,
            tracked=tracked,
        )
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    except GenerationError as err:
        if fmt == "text":
            click.echo(
                "ownership-lint: team/ has errors: nothing was generated or compared.", err=True
            )
        emit(api.Report(err.findings, err.files), fmt)
    from ownership_lint.escape import visible

    rel = visible(result.rel)
    if check_only:
        if result.up_to_date:
            click.echo(f"{rel} is up to date with team/.")
            return
        if result.existing is None:
            click.echo(f"{rel} does not exist.")
        else:
            click.echo(result.diff(), nl=False)
        click.echo(f"{rel} is out of date with team/. To fix it, run:\n  {visible(result.command)}")
        sys.exit(EXIT_FINDINGS)
    if result.up_to_date:
        click.echo(f"{rel} is up to date with team/ ({result.rules} rules).")
        return
    try:
        api.write_codeowners(result)
    except OSError as err:
        raise click.UsageError(
            f"cannot write '{rel}': {err.strerror or err}; the old file is unchanged"
        ) from err
    # Exit 1: there was drift (now fixed). pre-commit needs it to stop a commit that lacks
    # the new file; scripts see that the file changed.
    what = f"({DIALECT_NAMES[result.flavor]}, {result.rules} rules)"
    if result.existing is None:
        click.echo(f"created {rel} {what} from team/; commit it.")
    else:
        click.echo(f"updated {rel} {what}: it was not up to date with team/; commit it.")
    if result.placed_first:
        click.echo(
            "The generated block is at the top, before your lines: on GitHub the last matching "
            "rule wins, so your lines still win the paths they match."
        )
    sys.exit(EXIT_FINDINGS)
