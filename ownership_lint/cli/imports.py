"""`import`: bootstrap team/ from what a team already has (a CODEOWNERS file, a team document)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ownership_lint.cli.app import EXIT_FINDINGS
from ownership_lint.cli.options import (
    CONFIG,
    PATHS_FROM,
    ROOT,
    TEAM_DIR,
    load_cli_config,
    tracked_from,
)


@click.group("import")
def import_group() -> None:
    """Create team/ from an existing CODEOWNERS file or team document."""


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


@import_group.command("markdown")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--force", is_flag=True, help="Replace an existing team directory.")
@click.option("--dry-run", is_flag=True, help="Write nothing; print the files instead.")
@ROOT
@TEAM_DIR
@CONFIG
def import_markdown(
    file: Path,
    force: bool,
    dry_run: bool,
    root: Path | None,
    team_dir: str | None,
    config_file: Path | None,
) -> None:
    """Create team/ from a team document shaped like the seed (the output of 'docs' too):
    roles, competencies, responsibilities, tools, collaboration."""
    import datetime as dt

    from ownership_lint import api
    from ownership_lint.escape import visible
    from ownership_lint.fileio import read_file
    from ownership_lint.importing.markdown import import_document, write_team

    root = root or api.find_root(Path.cwd())
    try:
        config = load_cli_config(root, config_file, None, None, team_dir)
        raw = read_file(root, file.absolute(), anywhere=True)
    except api.ConfigError as err:
        raise click.UsageError(str(err)) from err
    except OSError as err:
        shown = visible(str(file))
        raise click.UsageError(f"cannot read '{shown}': {err.strerror or err}") from err
    today = dt.date.today()
    try:
        imported = import_document(raw, str(file), today)
        if dry_run:
            from ownership_lint.schema_files import with_modelines

            planned = with_modelines(imported.files, config.team_dir, config.schemas_dir)
            for rel, text in sorted(planned.items()):
                click.echo(f"--- {visible(config.team_dir)}/{visible(rel)}\n{text}")
            findings = []
        else:
            findings = write_team(
                root,
                config.team_dir,
                imported.files,
                force=force,
                today=today,
                schemas_dir=config.schemas_dir,
            )
    except api.ConfigError as err:
        raise click.UsageError(str(err)) from err
    for warning in imported.warnings:
        click.echo(f"warning: {visible(warning)}", err=True)
    for conflict in imported.conflicts:
        click.echo(f"conflict: {visible(conflict)}", err=True)
    verb = "would write" if dry_run else "wrote"
    click.echo(
        f"{verb} {visible(config.team_dir)}/: {imported.roles} roles, {imported.responsibilities} "
        f"responsibilities in {imported.areas} areas, {imported.departments} departments with "
        f"{imported.interfaces} interfaces"
    )
    if findings:
        from collections import Counter

        counts = Counter((f.code, f.name) for f in findings)
        click.echo("'ownership-lint check' reports what the document leaves open:")
        for (code, name), count in sorted(counts.items()):
            click.echo(f"  {count:>3} x {code} {name}")
