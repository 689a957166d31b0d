"""Every rule documents itself with an example; here the examples are run."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable

import pytest

from ownership_lint.api import Report
from ownership_lint.rules import all_rules
from ownership_lint.rules.base import Rule

from .conftest import codes

RULES = list(all_rules().values())


def test_the_example_team_passes_every_rule(example_team: Callable[..., Report]) -> None:
    report = example_team()
    assert report.findings == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_failing_example_fires_the_rule(
    rule: type[Rule], example_team: Callable[..., Report]
) -> None:
    assert rule.example_fail, f"{rule.code} has no failing example"
    report = example_team(rule.example_fail)
    assert rule.code in codes(report), report.findings


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule: type[Rule]) -> None:
    assert re.fullmatch(r"OL\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name)
    doc = inspect.cleandoc(rule.__doc__ or "")
    assert len(doc) > 40, f"{rule.code} needs a docstring that explains it"


def test_codes_and_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(set(names)) == len(names)
