"""Command-line interface: parse options, call the library, render, choose the exit code.

Exit codes are a contract: 0 clean (warnings allowed), 1 findings, 2 usage, configuration or
internal error. An unexpected exception never exits 0 or 1.
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

_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    envvar="OWNERSHIP_LINT_FORMAT",
    help="Output format (also $OWNERSHIP_LINT_FORMAT).",
)


_CONFIG = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Configuration file (default: the closest .ownership-lint.toml or pyproject.toml).",
)
_SELECT = click.option("--select", help="Comma-separated rule codes or prefixes to report.")
_IGNORE = click.option("--ignore", help="Comma-separated rule codes or prefixes not to report.")


def _config(
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


def _colour(stream: object) -> bool:
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


@cli.command()
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Repository root (default: the git top-level, or the current directory).",
)
@click.option("--team-dir", help="Team directory under the root (default: team).")
@_CONFIG
@_SELECT
@_IGNORE
@_FORMAT
def check(
    root: Path | None,
    team_dir: str | None,
    config_file: Path | None,
    select: str | None,
    ignore: str | None,
    fmt: str,
) -> None:
    """Validate team/ against the schemas and run every cross-check."""
    from ownership_lint.api import ConfigError, find_root, lint

    root = root or find_root(Path.cwd())
    try:
        config = _config(root, config_file, select, ignore, team_dir)
        report = lint(root, config=config)
    except ConfigError as err:
        raise click.UsageError(str(err)) from err
    _emit(report, fmt)


def _emit(report: Report, fmt: str) -> NoReturn:
    """Print a report of findings in the chosen format and exit with its code."""
    if fmt == "json":
        from ownership_lint.report import json_report

        click.echo(json_report.render(report.findings, len(report.files)), nl=False)
    else:
        from ownership_lint.report import text

        colour = _colour(sys.stdout)
        click.echo(text.render(report.findings, len(report.files), colour=colour), nl=False)
    sys.exit(report.exit_code)


def _tracked(paths_from: Path | None) -> list[str] | None:
    if paths_from is None:
        return None
    from ownership_lint.gitrepo import GitError, read_paths_file

    try:
        return read_paths_file(paths_from)
    except GitError as err:
        raise click.UsageError(str(err)) from err


_ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Repository root (default: the git top-level, or the current directory).",
)
_PATHS_FROM = click.option(
    "--paths-from",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The tracked files, one a line, instead of asking git.",
)
_CODEOWNERS = click.option(
    "--codeowners",
    "codeowners_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Use this CODEOWNERS file instead of the team's path mapping.",
)


@cli.command("who-owns")
@click.argument("paths", nargs=-1, required=True)
@_CODEOWNERS
@_ROOT
@_CONFIG
@_FORMAT
def who_owns(
    paths: tuple[str, ...],
    codeowners_file: Path | None,
    root: Path | None,
    config_file: Path | None,
    fmt: str,
) -> None:
    """Who owns each PATH, and why (the rule, and the role's responsibilities)."""
    from ownership_lint import api

    root = root or api.find_root(Path.cwd())
    try:
        config = _config(root, config_file, None, None)
        answers = api.who_owns(
            root, [api.repo_path(root, p) for p in paths], codeowners=codeowners_file, config=config
        )
    except api.ConfigError as err:
        raise click.UsageError(str(err)) from err
    if fmt == "json":
        import json

        click.echo(json.dumps([a.to_dict() for a in answers], indent=2))
        return
    for answer in answers:
        owners = " ".join(answer.owners) if answer.owners else "(no owner)"
        click.echo(f"{answer.path}: {owners}")
        if answer.line is not None:
            click.echo(f"    rule: {answer.source}:{answer.line} '{answer.pattern}'")
        else:
            click.echo(f"    rule: none in {answer.source} matches")
        if answer.responsibilities:
            click.echo(f"    responsibilities: {', '.join(answer.responsibilities)}")


@cli.group()
def codeowners() -> None:
    """Work with real CODEOWNERS files (GitHub and GitLab)."""


@codeowners.command("lint")
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.option(
    "--dialect",
    type=click.Choice(["github", "gitlab"]),
    help="Default: GitLab for .gitlab/CODEOWNERS or files with [Section] headers, else GitHub.",
)
@click.option("--unowned", is_flag=True, help="Report every tracked file without an owner (OL310).")
@_PATHS_FROM
@_ROOT
@_CONFIG
@_SELECT
@_IGNORE
@_FORMAT
def codeowners_lint(
    file: Path | None,
    dialect: str | None,
    unowned: bool,
    paths_from: Path | None,
    root: Path | None,
    config_file: Path | None,
    select: str | None,
    ignore: str | None,
    fmt: str,
) -> None:
    """Check a CODEOWNERS FILE (default: the one the platform uses): syntax, owners, duplicate,
    dead and shadowed rules, size."""
    from dataclasses import replace

    from ownership_lint import api
    from ownership_lint.progress import progress

    root = root or api.find_root(Path.cwd())
    tracked = _tracked(paths_from)
    try:
        config = _config(root, config_file, select, ignore)
        if unowned:
            config = replace(config, enable=("OL310",))
        with progress(len(tracked or ()), "scanning files") as step:
            report = api.lint_codeowners(
                root,
                file,
                dialect=dialect,  # type: ignore[arg-type]
                tracked=tracked,
                config=config,
                progress=step,
            )
    except api.ConfigError as err:
        raise click.UsageError(str(err)) from err
    _emit(report, fmt)


@cli.command()
@_CODEOWNERS
@click.option("--unowned", "list_unowned", is_flag=True, help="List the files without an owner.")
@_PATHS_FROM
@_ROOT
@_CONFIG
@_FORMAT
def coverage(
    codeowners_file: Path | None,
    list_unowned: bool,
    paths_from: Path | None,
    root: Path | None,
    config_file: Path | None,
    fmt: str,
) -> None:
    """How many tracked files have an owner, per owner, from the team mapping or --codeowners."""
    from ownership_lint import api
    from ownership_lint.progress import progress

    root = root or api.find_root(Path.cwd())
    tracked = _tracked(paths_from)
    try:
        config = _config(root, config_file, None, None)
        with progress(len(tracked or ()), "scanning files") as step:
            result = api.coverage(
                root, codeowners=codeowners_file, tracked=tracked, config=config, progress=step
            )
    except api.ConfigError as err:
        raise click.UsageError(str(err)) from err
    total = result.total or 1
    owners = sorted(result.per_owner.items(), key=lambda item: (-item[1], item[0]))
    if fmt == "json":
        import json

        document: dict[str, object] = {
            "source": result.source,
            "files": result.total,
            "owned": result.owned,
            "unowned": len(result.unowned),
            "owners": [
                {"owner": o, "files": n, "percent": round(100 * n / total, 2)} for o, n in owners
            ],
        }
        if list_unowned:
            document["unowned_files"] = result.unowned
        click.echo(json.dumps(document, indent=2))
        return
    click.echo(f"source: {result.source}")
    click.echo(
        f"files: {result.total:,}   owned: {result.owned:,} ({100 * result.owned / total:.1f}%)"
        f"   unowned: {len(result.unowned):,} ({100 * len(result.unowned) / total:.1f}%)"
    )
    if owners:
        width = max(len(o) for o, _ in owners)
        click.echo(f"\n{'owner':<{width}}  {'files':>9}  {'share':>6}")
        for owner, count in owners:
            click.echo(f"{owner:<{width}}  {count:>9,}  {100 * count / total:>5.1f}%")
    if list_unowned and result.unowned:
        click.echo("\nunowned files:")
        for path in result.unowned:
            click.echo(f"  {path}")


@cli.command()
@_FORMAT
def rules(fmt: str) -> None:
    """List every rule: code, name, default severity, summary."""
    from ownership_lint.rules import all_rules

    registered = all_rules().values()
    if fmt == "json":
        import json

        rows = [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary()}
            for r in registered
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for rule in registered:
        click.echo(f"{rule.code}  {rule.name:<28} {rule.severity.value:<8} {rule.summary()}")


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule, with an example that makes it fire."""
    from ownership_lint.rules import all_rules
    from ownership_lint.suggest import did_you_mean

    registered = all_rules()
    rule = registered.get(code.upper())
    if rule is None:
        by_name = {r.name: r for r in registered.values()}
        rule = by_name.get(code.lower())
    if rule is None:
        hint = did_you_mean(code, [*registered, *(r.name for r in registered.values())])
        raise click.UsageError(f"unknown rule '{code}'. {hint}".strip())
    click.echo(f"{rule.code} {rule.name} (default severity: {rule.severity.value})\n")
    click.echo(rule.doc())
    if rule.example_fail:
        click.echo("\nExample that fails (laid over a small valid team):")
        for path, content in rule.example_fail.items():
            if content is None:
                click.echo(f"\n  {path}: (file removed)")
                continue
            click.echo(f"\n  {path}:")
            shown = content.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            for line in shown.splitlines():
                click.echo(f"    {line.expandtabs(4)}")
        click.echo("\nWhat ownership-lint says about it:\n")
        from ownership_lint.rules.examples import run_example

        for finding in run_example(rule.example_fail).findings:
            if finding.code == rule.code:
                click.echo(f"  {finding.location}: {finding.code} {finding.message}")
                if finding.hint:
                    click.echo(f"      hint: {finding.hint}")


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
