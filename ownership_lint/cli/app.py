"""The command group and the exit-code contract (the options commands share are in
`options`, how findings are printed in `output`).

Exit codes: 0 clean (warnings allowed), 1 findings, 2 usage, configuration or internal error.
An unexpected exception never exits 0 or 1. Commands live in modules beside this one, grouped
as the user sees them (`COMMANDS`); a module is imported only when one of its commands runs,
and heavy imports happen inside the commands, so that `check` starts fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from ownership_lint import __version__
from ownership_lint.escape import visible

if TYPE_CHECKING:
    pass

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


DEBUG_ENV = "OWNERSHIP_LINT_DEBUG"


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
