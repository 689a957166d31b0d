"""The command group, the options commands share, and the exit-code contract.

Exit codes: 0 clean (warnings allowed), 1 findings, 2 usage, configuration or internal error.
An unexpected exception never exits 0 or 1. Commands live in modules beside this one, grouped
as the user sees them (`COMMANDS`); a module is imported only when one of its commands runs,
and heavy imports happen inside the commands, so that `check` starts fast.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ownership_lint import __version__
from ownership_lint.escape import visible
from ownership_lint.report import FORMATS

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


# Command name -> the module (under ownership_lint.cli) and the function that defines it.
COMMANDS = {
    "check": ("check", "check"),
    "rules": ("check", "rules"),
    "explain": ("check", "explain"),
    "who-owns": ("paths", "who_owns"),
    "coverage": ("paths", "coverage"),
    "codeowners": ("codeowners", "codeowners"),
    "generate": ("regenerate", "generate_all"),
    "docs": ("documents", "docs"),
    "matrix": ("documents", "matrix"),
    "diff": ("diff", "diff"),
    "init": ("init", "init"),
    "schemas": ("init", "schemas"),
    "import": ("imports", "import_group"),
}


class LazyGroup(click.Group):
    """The top-level group: a command's module is imported when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = COMMANDS.get(cmd_name)
        if found is None:
            return None
        module, name = found
        command = getattr(importlib.import_module(f"ownership_lint.cli.{module}"), name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ownership-lint")
@click.option(
    "--debug", is_flag=True, help=f"Show tracebacks of internal errors (or ${DEBUG_ENV}=1)."
)
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Lint who owns what: the team definition under team/, its responsibilities and paths."""
    if debug:
        os.environ[DEBUG_ENV] = "1"


@dataclass(frozen=True)
class ReportOptions:
    """How a command that reports findings renders them and which exit code it gives."""

    fmt: str = "text"
    color: str = "auto"
    quiet: bool = False
    output_file: Path | None = None
    exit_zero: bool = False


def report_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options every command that reports findings takes, passed as `report: ReportOptions`."""

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        options = ReportOptions(
            fmt=kwargs.pop("fmt"),
            color=kwargs.pop("color"),
            quiet=kwargs.pop("quiet"),
            output_file=kwargs.pop("output_file"),
            exit_zero=kwargs.pop("exit_zero"),
        )
        command(report_options=options, **kwargs)

    decorators = [
        click.option(
            "--format",
            "fmt",
            type=click.Choice(list(FORMATS)),
            default="text",
            show_default=True,
            envvar="OWNERSHIP_LINT_FORMAT",
            help="Output format (also $OWNERSHIP_LINT_FORMAT).",
        ),
        click.option(
            "--color",
            type=click.Choice(["auto", "always", "never"]),
            default="auto",
            show_default=True,
            help="Colour text output (auto: on a terminal unless NO_COLOR; FORCE_COLOR forces).",
        ),
        click.option("--quiet", "-q", is_flag=True, help="Findings only: no hints, no summary."),
        click.option(
            "--output-file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Write the report to this file instead of standard output.",
        ),
        click.option(
            "--exit-zero",
            is_flag=True,
            help="Exit 0 even with error findings; a usage, configuration or internal error "
            "still exits 2.",
        ),
    ]
    for decorate in reversed(decorators):
        wrapper = decorate(wrapper)
    return wrapper


def use_colour(choice: str, stream: object) -> bool:
    """--color always/never; auto: never with NO_COLOR, always with FORCE_COLOR, else on a
    terminal only."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def render_report(report: Report, options: ReportOptions) -> str:
    from ownership_lint.report import renderer

    colour = options.output_file is None and use_colour(options.color, sys.stdout)
    return renderer(options.fmt)(
        report.findings,
        len(report.files),
        skipped=report.skipped,
        quiet=options.quiet,
        colour=colour and options.fmt == "text",
    )


def emit(
    report: Report,
    options: ReportOptions | str,
    title: str = "ownership-lint",
    root: Path | None = None,
) -> NoReturn:
    """Print (or write) a report of findings, append the job summary on GitHub Actions (when
    printing), and exit with the report's code.

    `--output-file` is the CI author's choice, not the repository's: it may lie outside the
    repository `root` (a SARIF file in the runner's temporary directory), but it is never
    written through a link, and inside the repository no link on the way is followed."""
    if isinstance(options, str):
        options = ReportOptions(fmt=options)
    rendered = render_report(report, options)
    if options.output_file is not None:
        from ownership_lint.fileio import atomic_write

        # Relative to the current directory, as the user typed it.
        target = options.output_file.absolute()
        atomic_write(target, rendered.encode("utf-8"), root=root or Path.cwd(), anywhere=True)
    else:
        # The renderer already decided about colour: keep click from stripping it.
        click.echo(rendered, nl=False, color=True)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    # A report written to a file is for another tool (SARIF upload...): the run that prints
    # is the one that writes the job summary, so that it appears once.
    if summary and options.output_file is None:
        from ownership_lint.report import markdown

        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(markdown.render(report.findings, len(report.files), title, report.skipped))
    sys.exit(EXIT_CLEAN if options.exit_zero else report.exit_code)


def tracked_from(paths_from: Path | None, root: Path) -> list[str] | None:
    if paths_from is None:
        return None
    from ownership_lint.gitrepo import GitError, read_paths_file

    try:
        return read_paths_file(paths_from, root)
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


class _PipeSafeStdout:
    """Standard output that takes a reader going away (`ownership-lint rules | head -1`) as
    the end of the output, not as a failure: what follows goes nowhere, and the command
    finishes with the exit code it would have given (click would exit 1 on EPIPE)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self._gone = False

    def write(self, text: str) -> int:
        if not self._gone:
            try:
                return int(self._stream.write(text))
            except BrokenPipeError:
                self._drain()
        return len(text)

    def flush(self) -> None:
        if not self._gone:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drain()

    def _drain(self) -> None:
        self._gone = True
        # What is still buffered is flushed again at exit: let it go to /dev/null, silently.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self._stream.fileno())
            finally:
                os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass  # not a file descriptor (a test's capture): dropping the writes is enough

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def run(args: Sequence[str] | None = None) -> int:
    """Run the CLI on `args` (default: sys.argv) and return the exit code; never raises."""
    stdout = sys.stdout
    sys.stdout = _PipeSafeStdout(stdout)
    try:
        return _run(args)
    finally:
        sys.stdout = stdout


def _run(args: Sequence[str] | None) -> int:
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
        # Messages quote configuration values, file names and revisions: one visible line
        # (see `escape.visible`), whatever they hold. The usage lines come from the context.
        shown = visible(err.format_message())
        if isinstance(err, click.UsageError):
            click.UsageError(shown, err.ctx).show()
        else:
            click.ClickException(shown).show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_ERROR
    except (BrokenPipeError, KeyboardInterrupt):
        return EXIT_ERROR
    except OSError as err:
        # The file system said no (permissions, a full disk, not a regular file...).
        click.echo(f"ownership-lint: error: {visible(str(err))}", err=True)
        return EXIT_ERROR
    except Exception as err:
        if os.environ.get(DEBUG_ENV):
            import traceback

            traceback.print_exc()
        click.echo(
            f"ownership-lint: internal error: {type(err).__name__}: {visible(str(err))} "
            f"(rerun with --debug or {DEBUG_ENV}=1 for the traceback)",
            err=True,
        )
        return EXIT_ERROR
    return EXIT_CLEAN


def main() -> None:
    sys.exit(run())
