"""The shipped team/ passes every check; the seed as written, conflicts included, does not."""

from __future__ import annotations

from collections import Counter

from ownership_lint.api import lint, load_config

from .conftest import REPO, SEED_DIR, SHIPPED_TODAY

SEED_FIXTURE = REPO / "tests" / "fixtures" / "seed-raw"


def test_shipped_team_is_clean() -> None:
    # With this repository's configuration, as `ownership-lint check` runs it here.
    report = lint(REPO, config=load_config(REPO), today=SHIPPED_TODAY)
    assert report.findings == []
    assert report.exit_code == 0
    assert len(report.files) == 7


def test_shipped_team_resolves_the_seed_overlaps() -> None:
    team = lint(REPO, today=SHIPPED_TODAY).team
    assert team is not None
    owner = {c.id: r.id for r in team.roles for c in r.owned()}
    assert owner["budget.management"] == "infrastructure-lead"
    assert owner["budget.forecasting"] == "cloud-architect"
    assert owner["performance.reliability"] == "infrastructure-lead"
    assert owner["performance.tuning"] == "sre"
    assert owner["compliance.controls"] == "cloud-architect"
    iface_owner = {i.id: r.id for r in team.roles for i in r.interfaces}
    assert iface_owner["security.compliance-requirements"] == "cloud-architect"
    assert {a.id for a in team.areas} >= {"pipelines", "alerts", "dr", "budget"}
    assert {d.id for d in team.departments} == {"ai-ml", "product", "security"}
    assert sorted(r.id for r in team.roles) == [
        "cloud-architect",
        "devops-engineer",
        "infrastructure-lead",
        "sre",
    ]


def test_every_seed_responsibility_is_in_the_catalogue() -> None:
    seed = SEED_DIR / "infra-team-structure.md"
    team = lint(REPO, today=SHIPPED_TODAY).team
    assert team is not None
    titles = " | ".join(r.title.lower() for r in team.responsibilities)
    text = seed.read_text(encoding="utf-8")
    section = text.split("**Ответственность:**")[1:]
    items = [
        line[2:].strip()
        for part in section
        for line in part.split("**")[0].splitlines()
        if line.startswith("- ")
    ]
    # The seed's Russian items, as the catalogue titles them in English.
    translated = {
        "Стратегия инфраструктуры": "infrastructure strategy",
        "Архитектурные решения": "architecture decisions",
        "Performance & reliability": "performance and reliability",
        "Compliance": "compliance",
    }
    assert len(items) == 22
    missing = [i for i in items if translated.get(i, i).lower() not in titles]
    assert missing == []


def test_raw_seed_fails_with_its_conflicts() -> None:
    report = lint(SEED_FIXTURE, today=SHIPPED_TODAY)
    assert report.exit_code == 1
    assert Counter(f.code for f in report.findings) == {
        "OL102": 4,  # budget and performance are each claimed by two roles: at each claim
        "OL103": 9,  # no interface has an owner
        "OL211": 4,  # the seed names no people
        "OL501": 1,  # reviewed 2025-12-07
    }
    doubles = sorted({f.message for f in report.findings if f.code == "OL102"})
    assert doubles == [
        "responsibility 'budget.budget' is owned by 2 roles: "
        "cloud-architect (team/roles/cloud-architect.yaml:11:5), "
        "infrastructure-lead (team/roles/infrastructure-lead.yaml:9:5)",
        "responsibility 'performance.performance' is owned by 2 roles: "
        "infrastructure-lead (team/roles/infrastructure-lead.yaml:8:5), "
        "sre (team/roles/sre.yaml:9:5)",
    ]
    compliance = [f for f in report.findings if "compliance-requirements" in f.message]
    assert [f.code for f in compliance] == ["OL103"]
