"""Each cross-check fires at the exact place of the problem, with the message users rely on."""

from __future__ import annotations

from collections.abc import Callable

from ownership_lint.api import Report
from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.findings import Finding

from .conftest import codes

RunTeam = Callable[..., Report]
SRE = "team/roles/sre.yaml"
DEVOPS = "team/roles/devops.yaml"
ROLE_HEAD = "id: {id}\ntitle: T\nseniority: middle\nmembers: ['@someone']\n"


def only(report: Report, code: str) -> Finding:
    found = [f for f in report.findings if f.code == code]
    assert len(found) == 1, report.findings
    return found[0]


def at(finding: Finding) -> tuple[str, int, int]:
    return (finding.location.path, finding.location.line, finding.location.column)


def test_unowned_responsibility_points_at_the_catalogue_entry(example_team: RunTeam) -> None:
    report = example_team(
        {
            SRE: ROLE_HEAD.format(id="sre") + "interfaces: [security.updates]\n"
            "responsibilities:\n  - {id: alerts.rules, raci: R}\n"
        }
    )
    finding = only(report, "OL101")
    assert at(finding) == ("team/responsibilities.yaml", 5, 13)
    assert finding.message == "responsibility 'alerts.rules' is owned by no role"
    assert report.exit_code == 1


def test_two_owners_are_reported_at_each_claim_naming_every_claimant(
    example_team: RunTeam,
) -> None:
    report = example_team(
        {
            DEVOPS: ROLE_HEAD.format(id="devops")
            + "responsibilities:\n  - pipelines.development\n  - alerts.rules\n"
        }
    )
    found = [f for f in report.findings if f.code == "OL102"]
    # Wherever the change added the second claim, a pull request annotation lands on it.
    assert [at(f) for f in found] == [(DEVOPS, 7, 5), (SRE, 5, 20)]
    for finding in found:
        assert finding.message == (
            "responsibility 'alerts.rules' is owned by 2 roles: "
            "devops (team/roles/devops.yaml:7:5), sre (team/roles/sre.yaml:5:20)"
        )
    assert [[str(x) for x in f.related] for f in found] == [
        ["team/roles/sre.yaml:5:20"],
        ["team/roles/devops.yaml:7:5"],
    ]
    assert found[0].identity() != found[1].identity()  # each its own ratchet identity


def test_raci_letters_other_than_a_do_not_own(example_team: RunTeam) -> None:
    report = example_team(
        {
            DEVOPS: ROLE_HEAD.format(id="devops")
            + "responsibilities:\n  - pipelines.development\n  - {id: alerts.rules, raci: C}\n"
        }
    )
    assert report.findings == []


def test_unowned_and_doubly_owned_interfaces(example_team: RunTeam) -> None:
    report = example_team({SRE: ROLE_HEAD.format(id="sre") + "responsibilities: [alerts.rules]\n"})
    assert at(only(report, "OL103")) == ("team/team.yaml", 11, 13)
    report = example_team(
        {
            DEVOPS: ROLE_HEAD.format(id="devops")
            + "responsibilities: [pipelines.development]\ninterfaces: [security.updates]\n"
        }
    )
    found = [f for f in report.findings if f.code == "OL104"]
    assert [f.location.path for f in found] == [DEVOPS, SRE]
    assert all("security.updates' is owned by 2 roles: devops" in f.message for f in found)


def test_unknown_responsibility_suggests_the_closest(example_team: RunTeam) -> None:
    report = example_team(
        {
            SRE: ROLE_HEAD.format(id="sre")
            + "responsibilities: [alerts.rule]\ninterfaces: [security.updates]\n"
        }
    )
    finding = only(report, "OL201")
    assert at(finding) == (SRE, 5, 20)
    assert finding.hint == "did you mean 'alerts.rules'?"


def test_an_area_is_not_a_responsibility(example_team: RunTeam) -> None:
    report = example_team(
        {
            SRE: ROLE_HEAD.format(id="sre")
            + "responsibilities: [alerts, alerts.rules]\ninterfaces: [security.updates]\n"
        }
    )
    finding = only(report, "OL201")
    assert finding.message == "'alerts' is an area, not a responsibility"


def test_unknown_interface(example_team: RunTeam) -> None:
    report = example_team(
        {
            SRE: ROLE_HEAD.format(id="sre")
            + "responsibilities: [alerts.rules]\ninterfaces: [security.updats]\n"
        }
    )
    finding = only(report, "OL202")
    assert at(finding) == (SRE, 6, 14)
    assert finding.hint == "did you mean 'security.updates'?"


def test_duplicate_role_id(example_team: RunTeam) -> None:
    report = example_team(
        {"team/roles/zz.yaml": ROLE_HEAD.format(id="sre") + "responsibilities: []\n"}
    )
    finding = only(report, "OL203")
    assert at(finding) == ("team/roles/zz.yaml", 1, 5)
    assert finding.message == "duplicate role 'sre' (first at team/roles/sre.yaml:1:5)"


def test_role_id_must_match_file_name(example_team: RunTeam) -> None:
    report = example_team({SRE: None, "team/roles/reliability.yaml": BASE_TEAM[SRE]})
    finding = only(report, "OL205")
    assert at(finding) == ("team/roles/reliability.yaml", 1, 5)


def test_role_without_members_orphans_what_it_owns(example_team: RunTeam) -> None:
    report = example_team({SRE: BASE_TEAM[SRE].replace("['@sre-sam']", "[]")})
    finding = only(report, "OL211")
    assert at(finding) == (SRE, 1, 5)
    assert "no members: what it owns is orphaned (alerts.rules, security.updates)" in (
        finding.message
    )


def test_policy_minimum_members(example_team: RunTeam) -> None:
    team = BASE_TEAM["team/team.yaml"].replace("min_members_per_role: 1", "min_members_per_role: 2")
    report = example_team({"team/team.yaml": team})
    assert sorted(f.code for f in report.findings) == ["OL211", "OL211"]
    assert "has 1 member(s); the policy asks for at least 2" in report.findings[0].message


def test_invalid_handles(example_team: RunTeam) -> None:
    members = "['@ok-user', 'no-at-sign', '@-leading-hyphen', '@org/team', 'a@b.example', 'a@b']"
    report = example_team({SRE: BASE_TEAM[SRE].replace("['@sre-sam']", members)})
    bad = sorted(f.message for f in report.findings if f.code == "OL212")
    assert bad == [
        "'@-leading-hyphen' is not a valid GitHub/GitLab handle",
        "'a@b' is not a valid GitHub/GitLab handle",
        "'no-at-sign' is not a valid GitHub/GitLab handle",
    ]


def test_unused_role_is_a_warning(example_team: RunTeam) -> None:
    report = example_team(
        {"team/roles/analyst.yaml": ROLE_HEAD.format(id="analyst") + "responsibilities: []\n"}
    )
    finding = only(report, "OL213")
    assert finding.severity.value == "warning"
    assert report.exit_code == 0


def test_stale_and_future_review_dates(example_team: RunTeam) -> None:
    team = BASE_TEAM["team/team.yaml"]
    report = example_team({"team/team.yaml": team.replace("2026-01-15", "2025-07-01")})
    finding = only(report, "OL501")
    assert at(finding) == ("team/team.yaml", 3, 16)
    assert "215 days ago" in finding.message
    report = example_team({"team/team.yaml": team.replace("2026-01-15", "2027-01-01")})
    assert "lies in the future" in only(report, "OL501").message


def test_interface_owner_must_match_its_responsibility_owner(example_team: RunTeam) -> None:
    team = BASE_TEAM["team/team.yaml"] + "        responsibility: pipelines.development\n"
    finding = only(example_team({"team/team.yaml": team}), "OL105")
    assert finding.message == (
        "interface 'security.updates' is owned by 'sre', but its responsibility "
        "'pipelines.development' is owned by 'devops'"
    )


def test_responsibility_id_nests_under_its_area(example_team: RunTeam) -> None:
    catalogue = BASE_TEAM["team/responsibilities.yaml"].replace(
        "id: pipelines.development", "id: pipes.development"
    )
    report = example_team(
        {
            "team/responsibilities.yaml": catalogue,
            DEVOPS: BASE_TEAM[DEVOPS].replace("pipelines.development", "pipes.development"),
        }
    )
    assert at(only(report, "OL204")) == ("team/responsibilities.yaml", 11, 13)


def test_mapping_unknown_role_and_several_roles(example_team: RunTeam) -> None:
    report = example_team({"team/path-ownership": "/alerts/  sre\n/ci/  devop\n/x/  sre devops\n"})
    unknown = only(report, "OL302")
    assert at(unknown) == ("team/path-ownership", 2, 7)
    assert unknown.hint == "did you mean 'devops'?"
    assert at(only(report, "OL303")) == ("team/path-ownership", 3, 10)


def test_mapping_invalid_line_is_located(example_team: RunTeam) -> None:
    report = example_team({"team/path-ownership": "/alerts/  sre\n!/ci/  devops\n"})
    finding = only(report, "OL301")
    assert finding.location.line == 2


def test_unreadable_role_file_does_not_cascade(example_team: RunTeam) -> None:
    report = example_team({SRE: "id: sre\ntitle: [\n"})
    assert [f.code for f in report.findings] == ["OL001"]


def test_a_role_over_the_policys_maximum_of_responsibilities_is_reported(
    example_team: RunTeam,
) -> None:
    catalogue = BASE_TEAM["team/responsibilities.yaml"].replace(
        "        paths: [/alerts/]\n",
        "        paths: [/alerts/]\n      - id: alerts.routing\n        title: Alert routing\n",
    )
    sre = BASE_TEAM[SRE].replace("[alerts.rules]", "[alerts.rules, alerts.routing]")
    policy = "policy:\n  max_responsibilities_per_role: {}\n"
    team = BASE_TEAM["team/team.yaml"].replace("policy:\n", policy.format(1))
    files = {"team/responsibilities.yaml": catalogue, SRE: sre}
    report = example_team({**files, "team/team.yaml": team})
    finding = only(report, "OL106")
    assert at(finding) == (SRE, 1, 5)
    assert finding.message == "role 'sre' owns 2 responsibilities; the policy allows 1"
    assert finding.severity.value == "warning" and report.exit_code == 0
    # At the maximum, or without one, nothing is said.
    at_limit = BASE_TEAM["team/team.yaml"].replace("policy:\n", policy.format(2))
    assert codes(example_team({**files, "team/team.yaml": at_limit})) == []
    assert codes(example_team(files)) == []


def test_a_member_listed_twice_in_another_case_is_reported_at_the_second(
    example_team: RunTeam,
) -> None:
    # GitHub and GitLab handles ignore case: '@SRE-Sam' is '@sre-sam' again.
    sre = BASE_TEAM[SRE].replace("['@sre-sam']", "['@sre-sam', '@sre-sue', '@SRE-Sam']")
    report = example_team({SRE: sre})
    finding = only(report, "OL214")
    assert at(finding) == (SRE, 4, 35)
    assert finding.message == "'@SRE-Sam' is listed twice in role 'sre'"
    assert finding.severity.value == "warning"
    assert codes(example_team({SRE: sre.replace("'@SRE-Sam'", "'@sre-sal'")})) == []
