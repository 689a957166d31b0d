"""What stops a command, as opposed to what it reports: one base class for every error that
exits 2, and the one that carries findings (exit 1)."""

from __future__ import annotations

from collections.abc import Sequence

from ownership_lint.findings import Finding


class UsageError(Exception):
    """The command cannot be done as asked: a usage, configuration or file problem. Exit 2."""


class ConfigError(UsageError):
    """The configuration, or the place it points at, cannot be used."""


class OutputError(UsageError):
    """A file to generate cannot be used as it is (written by hand, broken markers)."""


class GenerationError(Exception):
    """team/ cannot be rendered: the findings say why and where. Nothing is written (exit 1)."""

    def __init__(self, findings: Sequence[Finding], files: Sequence[str] = ()) -> None:
        self.findings = list(findings)
        self.files = list(files)
        super().__init__("; ".join(f"{f.location}: {f.message}" for f in self.findings))
