"""Human-readable findings: `path:line:col: CODE message`, the hint below, a summary line."""

from __future__ import annotations

from collections.abc import Sequence

from ownership_lint.escape import visible
from ownership_lint.findings import Finding, Severity, Skipped


def _style(text: str, colour: bool, **kwargs: object) -> str:
    if not colour:
        return text
    import click

    return click.style(text, **kwargs)  # type: ignore[arg-type]


def render(
    findings: Sequence[Finding],
    files: int,
    *,
    skipped: Sequence[Skipped] = (),
    quiet: bool = False,
    colour: bool = False,
) -> str:
    """`quiet`: the finding lines (and checks that did not run) only: no hints, no summary.
    Paths, messages and hints quote the linted files: each is shown with `escape.visible`,
    one line per finding."""
    lines: list[str] = []
    for finding in findings:
        is_error = finding.severity is Severity.ERROR
        code = _style(finding.code, colour, fg="red" if is_error else "yellow", bold=True)
        where = _style(visible(str(finding.location)), colour, bold=True)
        prefix = "" if is_error else "warning: "
        lines.append(f"{where}: {code} {prefix}{visible(finding.message)}")
        if finding.hint and not quiet:
            lines.append(f"    hint: {visible(finding.hint)}")
    # Even with --quiet: a check that did not look is not a pass.
    lines += [_style(f"note: {visible(s.message)}", colour, fg="yellow") for s in skipped]
    if not quiet:
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        lines.append(summary_line(errors, len(findings) - errors, files, skipped_count(skipped)))
    return "".join(line + "\n" for line in lines)


def skipped_count(skipped: Sequence[Skipped]) -> int:
    return sum(len(s.codes) for s in skipped)


def plural(count: int, word: str, many: str = "") -> str:
    """'1 file', '2 files'; `many` for words with another plural ('1 file has', ...)."""
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


def summary_line(errors: int, warnings: int, files: int, skipped: int = 0) -> str:
    """`skipped`: how many selected checks did not run (the notes say which and why)."""
    not_run = f"; {plural(skipped, 'selected check')} did not run (see the note)"
    if not errors and not warnings:
        if skipped:
            return f"No findings in {plural(files, 'file')}{not_run}."
        return f"All checks passed ({plural(files, 'file')})."
    return (
        f"Found {plural(errors, 'error')} and {plural(warnings, 'warning')} "
        f"in {plural(files, 'file')}{not_run if skipped else ''}."
    )
