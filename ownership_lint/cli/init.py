"""`init` (a minimal team/ for a repository that has none) and `schemas` (the JSON Schemas the
team files' editor lines point at)."""

from __future__ import annotations

from pathlib import Path

import click

from ownership_lint.cli.options import CONFIG, ROOT, TEAM_DIR, load_cli_config


@click.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@TEAM_DIR
def init(directory: Path | None, team_dir: str | None) -> None:
    """Create a minimal, commented team/ in DIRECTORY (default: the repository root, the git
    top-level as every command finds it, else the current directory).

    Its one role's member is a placeholder: `check` fails until it names real people.
    """
    import os

    from ownership_lint import api
    from ownership_lint.escape import visible
    from ownership_lint.scaffold import PLACEHOLDER, scaffold

    base = directory or api.find_root(Path.cwd())
    try:
        config = load_cli_config(base, None, None, None, team_dir)
        team_dir = config.team_dir
        written = scaffold(base, team_dir, schemas_dir=config.schemas_dir)
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    for path in written:
        shown = os.path.relpath(base / path) if directory is None else path
        click.echo(f"created {visible(Path(shown).as_posix())}")
    click.echo(
        f"Next: replace '{PLACEHOLDER}' in {visible(team_dir)}/roles/maintainer.yaml with real "
        f"handles (check fails until then), describe your team in {visible(team_dir)}/, then "
        "run 'ownership-lint check'."
    )


@click.command("schemas")
@click.option(
    "--output",
    "-o",
    help="Directory to write them to, relative to the root (default: schemas-dir in the "
    "configuration, or schemas).",
)
@ROOT
@CONFIG
def schemas(output: str | None, root: Path | None, config_file: Path | None) -> None:
    """Write the JSON Schemas of team.yaml, responsibilities.yaml and role files into the
    repository, where the `# yaml-language-server: $schema=` lines of the team files point:
    editors then validate the files as they are typed. A file there that is not
    ownership-lint's is never replaced."""
    from ownership_lint import api, schema_files
    from ownership_lint.config import relative_path
    from ownership_lint.escape import visible

    root = root or api.find_root(Path.cwd())
    try:
        config = load_cli_config(root, config_file, None, None)
        where = config.schemas_dir
        if output is not None:
            where = relative_path(output, "ownership-lint schemas", "--output", directory=True)
        written = schema_files.write(root, where)
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    except OSError as err:
        raise click.UsageError(f"cannot write the schemas: {err.strerror or err}") from err
    for rel in written:
        click.echo(f"wrote {visible(rel)}")
    if not written:
        click.echo(f"{visible(where)}/ is up to date")
