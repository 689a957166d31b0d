"""Human-readable findings: `path:line:col: CODE message`, the hint below, a summary line."""

from __future__ import annotations

from collections.abc import Sequence

from ownership_lint.escape import visible
from ownership_lint.findings import Finding, Severity


def _style(text: str, colour: bool, **kwargs: object) -> str:
    if not colour:
        return text
    import click

    return click.style(text, **kwargs)  # type: ignore[arg-type]


def render(
    findings: Sequence[Finding], files: int, *, colour: bool = False, quiet: bool = False
) -> str:
    """`quiet`: the finding lines only, no hints and no summary. Paths, messages and hints
    quote the linted files: each is shown with `escape.visible`, one line per finding."""
    lines: list[str] = []
    for finding in findings:
        is_error = finding.severity is Severity.ERROR
        code = _style(finding.code, colour, fg="red" if is_error else "yellow", bold=True)
        where = _style(visible(str(finding.location)), colour, bold=True)
        prefix = "" if is_error else "warning: "
        lines.append(f"{where}: {code} {prefix}{visible(finding.message)}")
        if finding.hint and not quiet:
            lines.append(f"    hint: {visible(finding.hint)}")
    if not quiet:
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        lines.append(summary_line(errors, len(findings) - errors, files))
    return "".join(line + "\n" for line in lines)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(errors: int, warnings: int, files: int) -> str:
    if not errors and not warnings:
        return f"All checks passed ({_plural(files, 'file')})."
    return (
        f"Found {_plural(errors, 'error')} and {_plural(warnings, 'warning')} "
        f"in {_plural(files, 'file')}."
    )
