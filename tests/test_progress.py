"""The progress line shows on a terminal after a moment, never in pipes or CI."""

from __future__ import annotations

import io

import pytest

from ownership_lint import progress as progress_module
from ownership_lint.progress import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shows_on_a_terminal_after_the_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    out = Terminal()
    with progress("scanning files", out) as step:
        step(4096, 10_000)
    assert "\rscanning files: 4,096/10,000" in out.getvalue()
    assert out.getvalue().endswith("\r\033[K")  # the line is wiped at the end


def test_silent_in_ci_and_in_pipes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    monkeypatch.setenv("CI", "true")
    out = Terminal()
    with progress("x", out) as step:
        step(5, 10)
    assert out.getvalue() == ""
    monkeypatch.delenv("CI")
    pipe = io.StringIO()
    with progress("x", pipe) as step:
        step(5, 10)
    assert pipe.getvalue() == ""


def test_silent_when_quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    out = Terminal()
    with progress("x", out) as step:
        step(5, 10)
    assert out.getvalue() == ""
