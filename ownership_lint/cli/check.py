"""`check`, `rules` and `explain`: the team definition and the rule catalogue."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ownership_lint.cli.app import (
    CONFIG,
    FORMAT,
    IGNORE,
    PATHS_FROM,
    SELECT,
    ReportOptions,
    emit,
    load_cli_config,
    report_options,
    tracked_from,
)

if TYPE_CHECKING:
    from ownership_lint.findings import Finding

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
    from ownership_lint.api import ConfigError, find_root, lint, lint_new

    root = root or find_root(Path.cwd())
    tracked = tracked_from(paths_from, root)
    try:
        config = load_cli_config(root, config_file, select, ignore, team_dir)
        if base is None:
            report = lint(root, config=config, tracked=tracked)
        else:
            from ownership_lint.gitrepo import GitError

            try:
                report = lint_new(root, base, config=config, tracked=tracked)
            except GitError as err:
                raise click.UsageError(str(err)) from err
    except ConfigError as err:
        raise click.UsageError(str(err)) from err
    emit(report, report_options, root=root)


@click.command()
@FORMAT
def rules(fmt: str) -> None:
    """List every rule: code, name, default severity, summary."""
    from ownership_lint import catalogue

    entries = catalogue.codes().values()
    if fmt == "json":
        import json

        rows = [
            {"code": e.code, "name": e.name, "severity": e.severity.value, "summary": e.summary()}
            for e in entries
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for entry in entries:
        click.echo(f"{entry.code}  {entry.name:<28} {entry.severity.value:<8} {entry.summary()}")


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule, with an example that makes it fire and one that passes."""
    from ownership_lint import catalogue
    from ownership_lint.suggest import did_you_mean

    known = catalogue.codes()
    rule = known.get(code.upper())
    if rule is None:
        by_name = {entry.name: entry for entry in known.values()}
        rule = by_name.get(code.lower())
    if rule is None:
        hint = did_you_mean(code, [*known, *(entry.name for entry in known.values())])
        hint = hint or "'ownership-lint rules' lists every rule."
        raise click.UsageError(f"unknown rule '{code}'. {hint}")
    integrity = "; an integrity check: it cannot be switched off" if rule.integrity else ""
    click.echo(f"{rule.code} {rule.name} (default severity: {rule.severity.value}{integrity})\n")
    click.echo(rule.doc)
    if not rule.example_fail:
        return
    from ownership_lint.examples import run_example

    click.echo("\nExample that fails (laid over a small valid team):")
    _show_files(rule.example_fail)
    click.echo("\nWhat ownership-lint says about it:\n")
    _show_findings(run_example(rule.example_fail).findings)
    if rule.example_pass:
        click.echo("\nExample that passes (laid over the same team):")
        _show_files(rule.example_pass)
    else:
        click.echo("\nExample that passes: the small valid team itself, nothing laid over it.")
    click.echo("\nWhat ownership-lint says about it:\n")
    _show_findings(run_example(rule.example_pass).findings)


def _show_files(files: Mapping[str, str | None]) -> None:
    for path, content in files.items():
        if content is None:
            click.echo(f"\n  {path}: (file removed)")
            continue
        click.echo(f"\n  {path}:")
        shown = content.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        lines = shown.splitlines()
        for line in lines[:EXAMPLE_LINES]:
            click.echo(f"    {line.expandtabs(4)}")
        if len(lines) > EXAMPLE_LINES:
            click.echo(f"    ... ({len(lines) - EXAMPLE_LINES:,} more lines like these)")


def _show_findings(findings: Sequence[Finding]) -> None:
    if not findings:
        click.echo("  nothing: every check passes.")
    for finding in findings:
        click.echo(f"  {finding.location}: {finding.code} {finding.message}")
        if finding.hint:
            click.echo(f"      hint: {finding.hint}")
