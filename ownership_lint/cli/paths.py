"""`who-owns` and `coverage`: who owns which paths."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ownership_lint.cli.app import (
    CODEOWNERS,
    CONFIG,
    EXIT_FINDINGS,
    FORMAT,
    PATHS_FROM,
    ROOT,
    load_cli_config,
    tracked_from,
)

if TYPE_CHECKING:
    from ownership_lint.api import Coverage


@click.command("who-owns")
@click.argument("paths", nargs=-1, required=True)
@CODEOWNERS
@ROOT
@CONFIG
@FORMAT
def who_owns(
    paths: tuple[str, ...],
    codeowners_file: Path | None,
    root: Path | None,
    config_file: Path | None,
    fmt: str,
) -> None:
    """Who owns each PATH, and why (the rule, and the role's responsibilities).

    A PATH ending with '/', or naming a directory, is answered for the directory itself."""
    from ownership_lint import api

    root = root or api.find_root(Path.cwd())
    try:
        config = load_cli_config(root, config_file, None, None)
        answers = api.who_owns(
            root, [api.repo_path(root, p) for p in paths], codeowners=codeowners_file, config=config
        )
    except api.ConfigError as err:
        raise click.UsageError(str(err)) from err
    if fmt == "json":
        import json

        from ownership_lint.escape import json_document

        click.echo(json_document(json.dumps([a.to_dict() for a in answers], indent=2)))
        return
    from ownership_lint.escape import visible

    for answer in answers:
        owners = " ".join(map(visible, answer.owners)) if answer.owners else "(no owner)"
        kind = " (directory)" if answer.kind == "directory" else ""
        click.echo(f"{visible(answer.path)}{kind}: {owners}")
        source = visible(answer.source)
        if answer.line is not None:
            click.echo(f"    rule: {source}:{answer.line} '{visible(answer.pattern or '')}'")
        else:
            click.echo(f"    rule: none in {source} matches")
        if answer.responsibilities:
            click.echo(f"    responsibilities: {visible(', '.join(answer.responsibilities))}")
        if answer.role is not None:
            requested = " ".join(map(visible, answer.handles))
            click.echo(f"    requests: {requested or 'nobody (the role has no handle or members)'}")


@click.command()
@CODEOWNERS
@click.option("--unowned", "list_unowned", is_flag=True, help="List the files without an owner.")
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    metavar="PERCENT",
    help="Exit 1 when fewer than PERCENT % of the tracked files have an owner.",
)
@PATHS_FROM
@ROOT
@CONFIG
@FORMAT
def coverage(
    codeowners_file: Path | None,
    list_unowned: bool,
    fail_under: float | None,
    paths_from: Path | None,
    root: Path | None,
    config_file: Path | None,
    fmt: str,
) -> None:
    """How many tracked files have an owner, per owner, from the team mapping or --codeowners.

    With --fail-under, a gate: exit 1 when the owned share is below PERCENT."""
    from ownership_lint import api
    from ownership_lint.progress import progress

    root = root or api.find_root(Path.cwd())
    tracked = tracked_from(paths_from, root)
    try:
        config = load_cli_config(root, config_file, None, None)
        with progress("scanning files") as step:
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
        if fail_under is not None:
            document["fail_under"] = fail_under
            document["passed"] = not result.below(fail_under)
        from ownership_lint.escape import json_document

        click.echo(json_document(json.dumps(document, indent=2)))
        _gate(result, fail_under, verdict=False)
        return
    from ownership_lint.escape import visible

    click.echo(f"source: {visible(result.source)}")
    click.echo(
        f"files: {result.total:,}   owned: {result.owned:,} ({100 * result.owned / total:.1f}%)"
        f"   unowned: {len(result.unowned):,} ({100 * len(result.unowned) / total:.1f}%)"
    )
    if owners:
        shown = [(visible(owner), count) for owner, count in owners]
        width = max(len("owner"), *(len(o) for o, _ in shown))
        click.echo(f"\n{'owner':<{width}}  {'files':>9}  {'share':>6}")
        for owner, count in shown:
            click.echo(f"{owner:<{width}}  {count:>9,}  {100 * count / total:>5.1f}%")
    if list_unowned and result.unowned:
        click.echo("\nunowned files:")
        for path in result.unowned:
            click.echo(f"  {visible(path)}")
    _gate(result, fail_under, verdict=True)


def _gate(result: Coverage, fail_under: float | None, *, verdict: bool) -> None:
    """--fail-under: exit 1 below the threshold, saying so in text output."""
    if fail_under is None:
        return
    failed = result.below(fail_under)
    if verdict:
        share = f"{result.percent:.2f}%" if result.total else "no tracked files"
        click.echo(
            f"\n{'FAILED' if failed else 'passed'}: owned {share}, --fail-under {fail_under:g}%"
        )
    if failed:
        sys.exit(EXIT_FINDINGS)
