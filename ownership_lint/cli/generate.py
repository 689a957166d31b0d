"""`codeowners generate` (team/ -> CODEOWNERS) and `import codeowners` (CODEOWNERS -> team/)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ownership_lint.cli.app import (
    CONFIG,
    EXIT_FINDINGS,
    FORMAT,
    PATHS_FROM,
    ROOT,
    emit,
    load_cli_config,
    tracked_from,
)
from ownership_lint.cli.imports import import_group
from ownership_lint.cli.paths import codeowners


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
    from ownership_lint import generate as gen

    root = root or api.find_root(Path.cwd())
    tracked = tracked_from(paths_from, root)
    if output is not None and not output.is_absolute():
        output = Path.cwd() / output
    try:
        config = load_cli_config(root, config_file, None, None, team_dir)
        result = gen.generate(
            root,
            flavor=flavor or config.flavor,  # type: ignore[arg-type]
            output=output,
            config=config,
            markers=markers,
            force=force,
            tracked=tracked,
        )
    except api.ConfigError as err:
        raise click.UsageError(str(err)) from err
    except gen.OutputError as err:
        raise click.UsageError(str(err)) from err
    except gen.GenerationError as err:
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
        gen.write(result)
    except OSError as err:
        raise click.UsageError(
            f"cannot write '{rel}': {err.strerror or err}; the old file is unchanged"
        ) from err
    # Exit 1: there was drift (now fixed). pre-commit needs it to stop a commit that lacks
    # the new file; scripts see that the file changed.
    what = f"({gen.FLAVOR_NAMES[result.flavor]}, {result.rules} rules)"
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


@import_group.command("codeowners")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--dialect",
    type=click.Choice(["github", "gitlab"]),
    help="Default: GitLab for .gitlab/CODEOWNERS or files with [Section] headers, else GitHub.",
)
@click.option("--team-dir", help="Team directory to create under the root (default: team).")
@click.option("--name", help="The team's id (default: from the repository's directory name).")
@click.option("--force", is_flag=True, help="Replace an existing team directory.")
@PATHS_FROM
@ROOT
@CONFIG
def import_codeowners(
    file: Path,
    dialect: str | None,
    team_dir: str | None,
    name: str | None,
    force: bool,
    paths_from: Path | None,
    root: Path | None,
    config_file: Path | None,
) -> None:
    """Create team/ from a CODEOWNERS FILE (GitHub or GitLab): one role per distinct set of
    owners, the path mapping with the same patterns, members from the handles.

    Lines the file itself gets wrong are reported (and kept in the mapping as comments);
    the exit code is then 1, with team/ written all the same.
    """
    from ownership_lint import api
    from ownership_lint.importing import ImportFailed, import_codeowners, write_team

    root = root or api.find_root(Path.cwd())
    tracked = tracked_from(paths_from, root)
    try:
        config = load_cli_config(root, config_file, None, None, team_dir)
        plan = import_codeowners(
            root,
            file,
            team_dir=config.team_dir,
            name=name,
            dialect=dialect,  # type: ignore[arg-type]
            tracked=tracked,
        )
        write_team(root, plan, force=force, schemas_dir=config.schemas_dir)
    except (api.ConfigError, ImportFailed) as err:
        raise click.UsageError(str(err)) from err
    except OSError as err:
        raise click.UsageError(f"cannot write the team: {err.strerror or err}") from err
    if plan.findings:
        from ownership_lint.report import text

        click.echo(text.render(plan.findings, 1), nl=False)
    from ownership_lint.escape import visible

    for note in plan.notes:
        click.echo(f"note: {visible(note)}")
    mapping = plan.files["path-ownership"]
    written = sum(1 for line in mapping.splitlines() if line and not line.startswith("#"))
    team_dir = visible(plan.team_dir)
    click.echo(
        f"created {team_dir}/ from {visible(plan.source)}: {len(plan.roles)} roles, "
        f"{written} mapping rules. Rename the roles ({team_dir}/roles/*.yaml, and in "
        f"{team_dir}/path-ownership) and describe their responsibilities, then run "
        "'ownership-lint check'."
    )
    if plan.dialect == "gitlab":
        click.echo(
            "GitLab: 'ownership-lint codeowners generate --flavor gitlab' writes the file "
            '(or set flavor = "gitlab" in the configuration).'
        )
    if any(f.severity.value == "error" for f in plan.findings):
        sys.exit(EXIT_FINDINGS)
