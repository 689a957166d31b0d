"""How a command that reports findings prints them: the report options (`--format`,
`--output-file`, `--quiet`, `--color`, `--exit-zero`), the job summary on GitHub Actions, and
the exit code the report gives."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from ownership_lint.cli.app import EXIT_CLEAN
from ownership_lint.report import FORMATS

if TYPE_CHECKING:
    from ownership_lint.api import Report


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
