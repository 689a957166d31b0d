"""`docs` and `matrix`: the team document and the responsibility matrix rendered from team/."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ownership_lint.cli.app import EXIT_FINDINGS
from ownership_lint.cli.options import CONFIG, ROOT, TEAM_DIR, load_cli_config
from ownership_lint.cli.output import emit

if TYPE_CHECKING:
    from ownership_lint.artifacts import Artifact
    from ownership_lint.config import Config
    from ownership_lint.model import Team


def _load(
    root: Path | None, config_file: Path | None, team_dir: str | None, to_file: bool
) -> tuple[Path, Config, Team]:
    """The team to render. A file (written or compared) is generated only from a team that
    passes `check`, as CODEOWNERS is; standard output shows what can be read, with a warning
    (`generation.team_to_show`)."""
    from ownership_lint import api
    from ownership_lint.escape import visible
    from ownership_lint.generation import team_to_show

    root = root or api.find_root(Path.cwd())
    try:
        config = load_cli_config(root, config_file, None, None, team_dir)
        if to_file:
            return root, config, _checked(root, config)
        team, broken = team_to_show(root, config)
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    except api.GenerationError as err:
        first = err.findings[0]
        click.echo(
            f"ownership-lint: {visible(str(first.location))}: {first.code} "
            f"{visible(first.message)}\n"
            f"{visible(config.team_dir)}/ cannot be read completely: nothing was written or "
            "compared. Run 'ownership-lint check'.",
            err=True,
        )
        sys.exit(EXIT_FINDINGS)
    if broken:
        click.echo(
            f"ownership-lint: warning: {visible(config.team_dir)}/ has {len(broken)} errors "
            f"(first: {visible(str(broken[0].location))}: {broken[0].code} "
            f"{visible(broken[0].message)}); the output shows what could be read. "
            "Run 'ownership-lint check'.",
            err=True,
        )
    return root, config, team


def _checked(root: Path, config: Config) -> Team:
    from ownership_lint import api
    from ownership_lint.errors import GenerationError
    from ownership_lint.escape import visible

    try:
        return api.checked_team(root, config)
    except GenerationError as err:
        click.echo(
            f"ownership-lint: {visible(config.team_dir)}/ has errors: nothing was written or "
            "compared. Run 'ownership-lint check'.",
            err=True,
        )
        emit(api.Report(err.findings, err.files), "text")


def _output(root: Path, rendered: str, artifact: Artifact, check: bool, named: bool) -> None:
    """Write what `artifact` renders (`rendered`) to its path (relative to the root; '-' is
    stdout), or with `check` compare it with what is there and exit 1 with a diff when they
    differ.

    A path from the configuration must stay inside the repository; one the user `named` on
    the command line may lie outside it. Either way no link is read or written through."""
    from ownership_lint import api
    from ownership_lint.artifacts import Comparison, write
    from ownership_lint.escape import visible
    from ownership_lint.generation import read_existing

    output = artifact.rel
    if output == "-":
        if check:
            raise click.UsageError("--check compares with a file: give --output PATH, not '-'")
        click.echo(rendered, nl=False)
        return
    target = Path(output) if Path(output).is_absolute() else root / output
    shown, command = visible(output), visible(artifact.command)
    if target.is_dir():
        raise click.UsageError(f"'{shown}' is a directory; --output takes a file path")
    try:
        found = Comparison(artifact, read_existing(root, target, output, anywhere=named), rendered)
    except api.UsageError as err:
        raise click.UsageError(str(err)) from err
    if check:
        if found.existing is None:
            click.echo(f"{shown} does not exist; run '{command}' to create it")
            sys.exit(EXIT_FINDINGS)
        if found.up_to_date:
            click.echo(f"{shown} is up to date")
            return
        click.echo(found.diff("committed", "from team/"), nl=False)
        click.echo(f"{shown} is out of date: run '{command}' and commit the result")
        sys.exit(EXIT_FINDINGS)
    try:
        write(root, found, anywhere=named)
    except OSError as err:
        raise click.UsageError(f"cannot write '{shown}': {err.strerror or err}") from err
    click.echo(f"wrote {shown}", err=True)


@click.command()
@click.option(
    "--output",
    "-o",
    help="Where to write the document, relative to the root; '-' for stdout "
    "(default: docs-path in the configuration, or docs/TEAM.md).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 with a diff if it is stale.")
@click.option(
    "--lang",
    type=click.Choice(["en", "ru"]),
    help="Headings: English, or the seed's Russian (default: docs-language, or en).",
)
@ROOT
@TEAM_DIR
@CONFIG
def docs(
    output: str | None,
    check: bool,
    lang: str | None,
    root: Path | None,
    team_dir: str | None,
    config_file: Path | None,
) -> None:
    """Render the team document from team/: roles, competencies, responsibilities, tools,
    cross-functional collaboration and the last review."""
    from ownership_lint import artifacts

    target = output or ""
    root, config, team = _load(root, config_file, team_dir, to_file=target != "-")
    document = artifacts.document(config, output, lang)
    _output(root, document.render(team, None), document, check, output is not None)


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "svg"]),
    help="Default: from the --output file's extension, else markdown.",
)
@click.option(
    "--output",
    "-o",
    help="Write to this file (relative to the root) instead of stdout; with --check and no "
    "--output: matrix-path in the configuration (default docs/ownership-matrix.svg).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 with a diff if it is stale.")
@ROOT
@TEAM_DIR
@CONFIG
def matrix(
    fmt: str | None,
    output: str | None,
    check: bool,
    root: Path | None,
    team_dir: str | None,
    config_file: Path | None,
) -> None:
    """The responsibility assignment matrix: responsibilities by area (and interfaces by
    department) x roles, the owner and RACI letters in the cells, gaps and conflicts marked."""
    from ownership_lint import artifacts
    from ownership_lint.docs.matrix import MatrixTooLarge, format_for

    to_file = (output or ("" if check else "-")) != "-"
    root, config, team = _load(root, config_file, team_dir, to_file=to_file)
    target = output or (config.matrix_path if check else "-")
    chosen = fmt or (format_for(target) if target != "-" else "markdown")
    picture = artifacts.matrix(config, target, chosen)
    try:
        rendered = picture.render(team, None)
    except MatrixTooLarge as err:
        # A property of team/, like a finding: exit 1, nothing written or compared.
        click.echo(f"ownership-lint: {err}: nothing was written or compared.", err=True)
        sys.exit(EXIT_FINDINGS)
    _output(root, rendered, picture, check, output is not None)
