"""`check`, `rules` and `explain`: the team definition and the rule catalogue."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ownership_lint.cli.options import (
    CONFIG,
    FORMAT,
    IGNORE,
    PATHS_FROM,
    SELECT,
    load_cli_config,
    tracked_from,
)
from ownership_lint.cli.output import ReportOptions, emit, report_options

if TYPE_CHECKING:
    pass

# An example longer than this (the 3 MB CODEOWNERS of OL309) is shown cut.
EXAMPLE_LINES = 20


@click.command()
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Repository root (default: the git top-level, or the current directory).",
)
@click.option("--team-dir", help="Team directory under the root (default: team).")
@click.option(
    "--base",
    metavar="REV",
    help="Report only the findings this change introduces since revision REV (a ratchet).",
)
@PATHS_FROM
@CONFIG
@SELECT
@IGNORE
@report_options
def check(
    root: Path | None,
    team_dir: str | None,
    base: str | None,
    paths_from: Path | None,
    config_file: Path | None,
    select: str | None,
    ignore: str | None,
    report_options: ReportOptions,
) -> None:
    """Validate team/ against the schemas and run every cross-check."""
    from ownership_lint.api import UsageError, find_root, lint, lint_new

    root = root or find_root(Path.cwd())
    tracked = tracked_from(paths_from, root)
    try:
        config = load_cli_config(root, config_file, select, ignore, team_dir)
        if base is None:
            report = lint(root, config=config, tracked=tracked)
        else:
            report = lint_new(root, base, config=config, tracked=tracked)
    except UsageError as err:
        raise click.UsageError(str(err)) from err
    emit(report, report_options, root=root)


@click.command()
@FORMAT
def rules(fmt: str) -> None:
    """List every rule: code, name, default severity, summary."""
    from ownership_lint import catalogue
    from ownership_lint.report.rules import rules_json, rules_text

    entries = list(catalogue.codes().values())
    click.echo((rules_json if fmt == "json" else rules_text)(entries), nl=False)


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule, with an example that makes it fire and one that passes."""
    from ownership_lint import catalogue
    from ownership_lint.report.rules import explain_text
    from ownership_lint.suggest import did_you_mean

    entry = catalogue.find(code)
    if entry is None:
        known = catalogue.codes()
        hint = did_you_mean(code, [*known, *(e.name for e in known.values())])
        hint = hint or "'ownership-lint rules' lists every rule."
        raise click.UsageError(f"unknown rule '{code}'. {hint}")
    failing = passing = None
    if entry.example_fail:
        from ownership_lint.examples import run_example

        failing = run_example(entry.example_fail).findings
        passing = run_example(entry.example_pass).findings
    click.echo(explain_text(entry, failing, passing), nl=False)
