"""Every code documents itself with an example; here the examples are run."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from ownership_lint import artifacts, catalogue
from ownership_lint.api import Report
from ownership_lint.catalogue import Code
from ownership_lint.rules import cross_checks, path_checks

from .conftest import codes

CODES = list(catalogue.codes().values())


def test_the_example_team_passes_every_rule(example_team: Callable[..., Report]) -> None:
    report = example_team()
    assert report.findings == []


@pytest.mark.parametrize("entry", CODES, ids=lambda c: c.code)
def test_failing_example_fires_exactly_its_code(
    entry: Code, example_team: Callable[..., Report]
) -> None:
    # A rule proves itself alone: its example shows this code, not a pile-up of others.
    assert entry.example_fail, f"{entry.code} has no failing example"
    report = example_team(entry.example_fail)
    assert entry.code in codes(report), report.findings
    assert set(codes(report)) == {entry.code}, report.findings


@pytest.mark.parametrize("entry", CODES, ids=lambda c: c.code)
def test_passing_example_passes(entry: Code, example_team: Callable[..., Report]) -> None:
    # Empty: the example team itself is what passes.
    report = example_team(entry.example_pass)
    assert report.findings == [] and report.skipped == []


@pytest.mark.parametrize("entry", CODES, ids=lambda c: c.code)
def test_rule_is_documented(entry: Code) -> None:
    assert re.fullmatch(r"OL\d{3}", entry.code)
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", entry.name)
    assert len(entry.doc) > 40, f"{entry.code} needs a doc that explains it"


def test_codes_and_names_are_unique() -> None:
    names = [entry.name for entry in CODES]
    assert len(set(names)) == len(names)


def test_every_code_past_loading_has_exactly_one_check() -> None:
    # The codes that loading and the schemas report (OL0xx) have no check of their own; the
    # generated files' are the comparisons of `artifacts`.
    checked = [check.meta.code for check in [*cross_checks(), *path_checks()]]
    checked += [code.code for code in artifacts.CODES]
    assert sorted(checked) == [code for code in catalogue.codes() if not code.startswith("OL0")]
