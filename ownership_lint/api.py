"""The library surface: what the CLI, integrations and tests call."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ownership_lint.config import Config, ConfigError, load_config
from ownership_lint.findings import Finding, Severity
from ownership_lint.loading.team import load_team
from ownership_lint.model import Team
from ownership_lint.rules import cross_checks
from ownership_lint.rules.base import Context

__all__ = ["Config", "ConfigError", "Report", "find_root", "lint", "load_config"]


@dataclass
class Report:
    findings: list[Finding]
    files: list[str] = field(default_factory=list)
    team: Team | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def find_root(start: Path) -> Path:
    """The git top-level containing `start`, or `start` itself outside a repository."""
    # `git rev-parse` is a few milliseconds; importing GitPython for it would cost more.
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=start,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return start
    top = out.stdout.strip()
    return Path(top) if out.returncode == 0 and top else start


def lint(root: Path, *, config: Config | None = None, today: dt.date | None = None) -> Report:
    """Load the team definition under `root` and run every check the configuration selects.

    Without `config`, defaults apply (the configuration files are the CLI's to find).
    Raises ConfigError when there is no team definition to look at.
    """
    config = config or Config()
    loaded = load_team(root, config.team_dir)
    findings = list(loaded.findings)
    ctx = Context(today=today or dt.date.today())
    for rule in cross_checks():
        findings.extend(rule.check(loaded.team, ctx))
    findings = config.apply(findings)
    findings.sort(key=Finding.sort_key)
    return Report(findings=findings, files=loaded.team.files, team=loaded.team)
