"""The generation guarantee as a property: for random team definitions and every path, the
owners the generated CODEOWNERS gives (read with our engine, GitHub and GitLab semantics)
are the handles of the role that the mapping (last match wins) gives the path to."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownership_lint.codeowners import Matcher, parse
from ownership_lint.findings import Location
from ownership_lint.generate import render, role_handles
from ownership_lint.model import Ref, Role, SectionSettings, Team

SEGMENTS = ("a", "b", "c")
NAMES = ("a", "b", "x.md", "y.txt")
# Every path of up to three directories deep over a small alphabet: rules overlap a lot.
PATHS = [
    "/".join((*dirs, name))
    for depth in range(4)
    for dirs in itertools.product(SEGMENTS, repeat=depth)
    for name in NAMES
]
TEMPLATES = (
    "/{0}/",
    "/{0}/{1}/",
    "/{0}",
    "/{0}/{1}",
    "{0}",
    "{0}/",
    "{0}/{1}",
    "*",
    "/{0}/*",
    "*.md",
    "/{0}/*.md",
    "/{0}/**",
    "**/{1}",
    "/{0}/**/{1}",
    "{0}*",
    "/{0}/**/",  # git's meaning on GitHub: the files in the subdirectories only
    "{0}/{1}/**/",
    "**/",
    "/{0}/*/",
)

patterns = st.builds(
    lambda template, x, y: template.format(x, y),
    st.sampled_from(TEMPLATES),
    st.sampled_from(SEGMENTS),
    st.sampled_from((*SEGMENTS, "x.md")),
)


@st.composite
def teams(draw: st.DrawFn) -> Team:
    count = draw(st.integers(min_value=1, max_value=4))
    team = Team(root_dir="team")
    for n in range(count):
        at = Location(f"team/roles/r{n}.yaml")
        role = Role(id=f"r{n}", path=at.path, location=at, title=f"Role {n}")
        if draw(st.booleans()):
            role.handle = Ref(f"@org/team-{n}", at)
        role.members = [Ref(f"@person-{n}-{k}", at) for k in range(draw(st.integers(1, 2)))]
        if draw(st.booleans()):
            role.gitlab = SectionSettings(
                at, approvals=draw(st.integers(0, 2)), default_owners=draw(st.booleans())
            )
        team.roles.append(role)
    lines = []
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        pattern = draw(patterns)
        owner = draw(st.integers(min_value=-1, max_value=count - 1))
        lines.append(pattern if owner < 0 else f"{pattern}  r{owner}")
    team.mapping_path = "team/path-ownership"
    team.mapping = parse("\n".join(lines) + "\n", "github")
    return team


def owners_by_mapping(team: Team, matcher: Matcher, path: str) -> list[str]:
    rule = matcher.owner_rule(path)
    if rule is None or not rule.owners:
        return []
    role = next(r for r in team.roles if r.id == rule.owners[0].text)
    return sorted(role_handles(role))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(teams(), st.sampled_from(["github", "gitlab"]))
def test_generated_owners_equal_the_mappings_roles(team: Team, flavor: str) -> None:
    assert team.mapping is not None
    mapping = Matcher(team.mapping)
    text = render(team, flavor)  # type: ignore[arg-type]
    parsed = parse(text, flavor)  # type: ignore[arg-type]
    assert parsed.problems == []
    generated = Matcher(parsed)
    wrong = [
        (path, sorted(generated.owners(path)), owners_by_mapping(team, mapping, path))
        for path in PATHS
        if sorted(generated.owners(path)) != owners_by_mapping(team, mapping, path)
    ]
    assert wrong == [], text


@settings(max_examples=50, deadline=None)
@given(teams())
def test_generation_is_deterministic(team: Team) -> None:
    for flavor in ("github", "gitlab"):
        assert render(team, flavor) == render(team, flavor)  # type: ignore[arg-type]
