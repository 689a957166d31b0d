"""The HTML matrix in a real headless browser (Debian's chromium, which .ci/run installs):
it loads without console errors, its script runs, and it shows every role and
responsibility. Skipped where no chromium binary exists."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ownership_lint.docs.matrix import render_matrix
from ownership_lint.loading.team import load_team

from .conftest import REPO

BROWSER = next(
    (path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no chromium binary (apt-get install chromium) for the browser test"
)


def load_in_browser(page: Path, profile: Path) -> tuple[str, list[str]]:
    """The DOM after the page's scripts ran, and the console messages it logged."""
    assert BROWSER is not None
    done = subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def test_the_harness_sees_console_errors(tmp_path: Path) -> None:
    # Without this, a browser that logs nothing would make the real test pass vacuously.
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><p>x</p><script>undefinedFunction();</script>")
    _, console = load_in_browser(page, tmp_path / "profile")
    assert any("undefinedFunction is not defined" in line for line in console), console


def test_matrix_html_loads_cleanly_and_shows_everything(tmp_path: Path) -> None:
    team = load_team(REPO).team
    page = tmp_path / "matrix.html"
    page.write_text(render_matrix(team, "html"), encoding="utf-8")
    dom, console = load_in_browser(page, tmp_path / "profile")
    assert console == []
    assert 'data-ready="true"' in dom  # the page's script ran to its end
    text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
    for role in team.roles:
        assert role.title in text
    for resp in team.responsibilities:
        assert resp.title in text and resp.id in text
    for iface in team.interfaces:
        assert iface.title in text
