"""Renderers: one module per format of a findings report (`FORMATS`), each with the same
`render(findings, files, *, skipped, quiet, colour)`; and the renderings of the other answers
(`markdown` for job summaries, `ownership_diff`, `ownership`, `rules`). Renderers only print:
what to report, and the exit code, are decided elsewhere."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, cast

from ownership_lint.findings import Finding, Skipped

# Format name -> the module (under ownership_lint.report) that renders it.
FORMATS = {
    "text": "text",
    "json": "json_report",
    "github": "github",
    "sarif": "sarif",
    "gitlab": "gitlab",
}


class Renderer(Protocol):
    def __call__(
        self,
        findings: Sequence[Finding],
        files: int,
        *,
        skipped: Sequence[Skipped] = (),
        quiet: bool = False,
        colour: bool = False,
    ) -> str: ...


def renderer(fmt: str) -> Renderer:
    """The renderer of a findings report format (imported when asked for)."""
    module = importlib.import_module(f"ownership_lint.report.{FORMATS[fmt]}")
    return cast(Renderer, module.render)
