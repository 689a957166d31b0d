"""The command group, the options commands share, and the exit-code contract.

Exit codes: 0 clean (warnings allowed), 1 findings, 2 usage, configuration or internal error.
An unexpected exception never exits 0 or 1. Each command lives in its own module beside this
one; heavy imports happen inside the commands, so that `check` starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from ownership_lint import __version__

if TYPE_CHECKING:
    from ownership_lint.api import Report
    from ownership_lint.config import Config

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEBUG_ENV = "OWNERSHIP_LINT_DEBUG"

FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    envvar="OWNERSHIP_LINT_FORMAT",
    help="Output format (also $OWNERSHIP_LINT_FORMAT).",
)


CONFIG = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Configuration file (default: the closest .ownership-lint.toml or pyproject.toml).",
)
SELECT = click.option("--select", help="Comma-separated rule codes or prefixes to report.")
IGNORE = click.option("--ignore", help="Comma-separated rule codes or prefixes not to report.")


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


def use_colour(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ownership-lint")
@click.option(
    "--debug", is_flag=True, help=f"Show tracebacks of internal errors (or ${DEBUG_ENV}=1)."
)
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Lint who owns what: the team definition under team/, its responsibilities and paths."""
    if debug:
        os.environ[DEBUG_ENV] = "1"


def emit(report: Report, fmt: str) -> NoReturn:
    """Print a report of findings in the chosen format and exit with its code."""
    if fmt == "json":
        from ownership_lint.report import json_report

        click.echo(json_report.render(report.findings, len(report.files)), nl=False)
    else:
        from ownership_lint.report import text

        rendered = text.render(report.findings, len(report.files), colour=use_colour(sys.stdout))
        click.echo(rendered, nl=False)
    sys.exit(report.exit_code)


def tracked_from(paths_from: Path | None) -> list[str] | None:
    if paths_from is None:
        return None
    from ownership_lint.gitrepo import GitError, read_paths_file

    try:
        return read_paths_file(paths_from)
    except GitError as err:
        raise click.UsageError(str(err)) from err


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


def run(args: Sequence[str] | None = None) -> int:
    """Run the CLI on `args` (default: sys.argv) and return the exit code; never raises."""
    try:
        cli.main(
            args=list(args) if args is not None else None,
            prog_name="ownership-lint",
            standalone_mode=False,
        )
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (EXIT_CLEAN if code is None else EXIT_ERROR)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as err:
        err.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_ERROR
    except (BrokenPipeError, KeyboardInterrupt):
        return EXIT_ERROR
    except Exception as err:
        if os.environ.get(DEBUG_ENV):
            import traceback

            traceback.print_exc()
        click.echo(
            f"ownership-lint: internal error: {type(err).__name__}: {err} "
            f"(rerun with --debug or {DEBUG_ENV}=1 for the traceback)",
            err=True,
        )
        return EXIT_ERROR
    return EXIT_CLEAN


def main() -> None:
    sys.exit(run())
