"""Generated documents: the team document and the matrix picture committed beside team/.

They are outputs of team/ (`ownership-lint docs`, `ownership-lint matrix`); when someone edits
team/ and forgets to regenerate them, they drift, and these rules say so. A repository that
commits no such document gets no finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from ownership_lint.catalogue import generated
from ownership_lint.config import Config
from ownership_lint.drift import first_difference, read_committed
from ownership_lint.findings import Finding, Location
from ownership_lint.model import Team
from ownership_lint.rules.base import Context, CrossCheck, register


def _committed(team: Team, ctx: Context, rel: str) -> tuple[str | None, str]:
    """The committed generated file at `rel`, when there is one and team/ could be read whole
    (a partly read team renders something else: other findings say why); or, when it cannot
    be compared, why not (a link is never read: it could point anywhere)."""
    from ownership_lint.fileio import UnsafePath

    if ctx.root is None or not team.complete:
        return None, ""
    try:
        return read_committed(ctx.root, rel), ""
    except UnsafePath as err:
        return None, err.reason
    except UnicodeDecodeError:
        return None, "is not UTF-8 text"
    except OSError as err:
        return None, f"cannot be read ({err.strerror or err})"


def _refused(rule: CrossCheck, rel: str, problem: str, command: str) -> Finding:
    return rule.meta.finding(
        Location(rel),
        f"{rel} {problem}; whether it is up to date cannot be checked",
        f"replace it with the regular file '{command}' writes, and commit that",
    )


@register
class StaleTeamDocument(CrossCheck):
    meta = generated.STALE_TEAM_DOCUMENT

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        config = ctx.config or Config()
        rel, language = config.docs_path, config.docs_language
        committed, problem = _committed(team, ctx, rel)
        if problem:
            yield _refused(self, rel, problem, "ownership-lint docs")
        if committed is None:
            return
        from ownership_lint.docs.document import render_document
        from ownership_lint.docs.headings import LANGUAGES

        expected = render_document(team, language)
        if committed == expected:
            return
        others = [lang for lang in LANGUAGES if lang != language]
        other = next((lang for lang in others if render_document(team, lang) == committed), None)
        if other is not None:
            yield self.meta.finding(
                Location(rel),
                f"{rel} has the '{other}' headings; the configuration asks for '{language}'",
                f'set docs-language = "{other}" in the configuration, or run '
                f"'ownership-lint docs' to render it with the '{language}' headings",
            )
            return
        yield self.meta.finding(
            Location(rel, first_difference(committed, expected)),
            f"{rel} is out of date with {team.root_dir}/",
            "run 'ownership-lint generate' (every generated file) or 'ownership-lint docs', "
            "and commit the result ('--check' shows the difference)",
        )


@register
class StaleMatrix(CrossCheck):
    meta = generated.STALE_MATRIX

    def check(self, team: Team, ctx: Context) -> Iterator[Finding]:
        rel = (ctx.config or Config()).matrix_path
        committed, problem = _committed(team, ctx, rel)
        if problem:
            yield _refused(self, rel, problem, f"ownership-lint matrix --output {rel}")
        if committed is None:
            return
        from ownership_lint.docs.matrix import MatrixTooLarge, check_size, format_for, render_matrix

        try:
            check_size(team)  # before rendering anything: a hostile size costs nothing
        except MatrixTooLarge as err:
            yield self.meta.finding(
                Location(rel),
                f"{rel} cannot be compared with {team.root_dir}/: {err}",
                "remove the committed matrix (a team this large needs another picture), or "
                "split the team",
            )
            return
        expected = render_matrix(team, format_for(rel))
        if committed != expected:
            yield self.meta.finding(
                Location(rel, first_difference(committed, expected)),
                f"{rel} is out of date with {team.root_dir}/",
                f"run 'ownership-lint generate' (every generated file) or 'ownership-lint "
                f"matrix --output {rel}', and commit the result",
            )
