"""The generation guarantee as a property: for random team definitions and every path, the
owners the generated CODEOWNERS gives (read with our engine, GitHub and GitLab semantics)
are the handles of the role that the mapping (last match wins) gives the path to; and for
hostile ones, that generation grants nothing the team definition does not say."""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
import xml.dom.minidom
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownership_lint.api import lint
from ownership_lint.codeowners import Matcher, parse
from ownership_lint.config import Config
from ownership_lint.docs.document import ordered_roles, render_document
from ownership_lint.docs.matrix import build_matrix, render_html, render_markdown, render_svg
from ownership_lint.errors import GenerationError
from ownership_lint.escape import is_visible
from ownership_lint.findings import Location
from ownership_lint.generate import (
    github_pattern,
    gitlab_patterns,
    render,
    resolve,
)
from ownership_lint.importing.text import yaml_scalar
from ownership_lint.model import Ref, Role, SectionSettings, Team

from .conftest import write_files
from .test_docs_escaping import assert_no_markup_of_its_own, html_tags, markdown

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
    return sorted(role.handles())


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


# -- hostile team definitions, through the whole pipeline ------------------------------------
#
# Random team files whose strings come from all of Unicode (control characters, line and
# paragraph separators, bidi controls), written as YAML that reads back exactly, then loaded
# and linted as `check` does, with the default configuration and with one that ignores every
# finding it may. Either lint reports an error, or generation refuses (only when errors were
# ignored), or the generated file has exactly the mapping's rules, no other non-comment line,
# and gives every path the mapped role's handles. The documents never carry markup of their
# values, whatever lint says.

TODAY = dt.date(2026, 2, 1)
FLAVORS = ("github", "gitlab")
# Line breaks of every kind, controls, bidi, the BOM, and what CODEOWNERS, YAML and
# Markdown read as syntax; with these, any character at all.
BIASED = "\n\r\x85\u2028\u2029\u202e\t\x00\ufeff#@/ \\[]:<`*|!-1."
# (Every character a UTF-8 file can hold: lone surrogates cannot be written.)
ANY = st.one_of(st.characters(codec="utf-8"), st.sampled_from(BIASED))
# The elements of the HTML matrix page: a value can add none.
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "p", "label", "input"}
PAGE_TAGS |= {"table", "thead", "tbody", "tr", "th", "td", "code", "script"}
HIDE_ERRORS = Config(ignore=("OL0", "OL1", "OL2", "OL3", "OL4", "OL5"))


def hostile(valid: str) -> st.SearchStrategy[str]:
    """`valid` with hostile text around it, or hostile text alone."""
    noise = st.text(ANY, max_size=4)
    return st.one_of(
        st.builds(lambda a, b: a + valid + b, noise, noise), st.text(ANY, min_size=1, max_size=8)
    )


def _list(values: list[str]) -> str:
    return "[" + ", ".join(yaml_scalar(v, flow=True) for v in values) + "]"


@st.composite
def hostile_team_files(draw: st.DrawFn) -> dict[str, str]:
    # How hostile this team is: free text (titles, names, competencies, tools) often, what
    # CODEOWNERS is made of (ids, handles, patterns) less, so that many teams pass `check`
    # and reach generation.
    text_level, id_level = draw(st.integers(0, 10)), draw(st.integers(0, 3))

    def text(valid: str) -> str:
        return draw(hostile(valid)) if draw(st.integers(0, 9)) < text_level else valid

    def ident(valid: str) -> str:
        return draw(hostile(valid)) if draw(st.integers(0, 9)) < id_level else valid

    count = draw(st.integers(min_value=1, max_value=3))
    resp_ids = [ident(f"area.r{n}") for n in range(count)]
    role_ids = [ident(f"r{n}") for n in range(count)]
    files = {
        "team/team.yaml": (
            f"name: t\ntitle: {yaml_scalar(text('Team'))}\n"
            'last_reviewed: "2026-01-15"\ndepartments:\n'
            f"  - id: dept\n    name: {yaml_scalar(text('Dept'))}\n"
            f"    interfaces:\n      - id: dept.i\n        title: {yaml_scalar(text('I'))}\n"
        ),
        "team/responsibilities.yaml": (
            f"areas:\n  - id: area\n    title: {yaml_scalar(text('Area'))}\n"
            "    responsibilities:\n"
            + "".join(
                f"      - id: {yaml_scalar(resp)}\n        title: {yaml_scalar(text('T'))}\n"
                for resp in resp_ids
            )
        ),
    }
    for n, role_id in enumerate(role_ids):
        lines = [
            f"id: {yaml_scalar(role_id)}",
            f"title: {yaml_scalar(text(f'Role {n}'))}",
            "seniority: middle",
            f"members: {_list([ident(f'@person-{n}-{k}') for k in range(2)])}",
            f"competencies: {_list([text('Prometheus')])}",
            f"tools: {_list([text('kubectl')])}",
            f"responsibilities: {_list([resp_ids[n]])}",
        ]
        if draw(st.booleans()):
            lines.append(f"handle: {yaml_scalar(ident(f'@org/team-{n}'))}")
        if n == 0:
            lines.append("interfaces: [dept.i]")
        if draw(st.booleans()):
            section = yaml_scalar(text(f"Section {n}"))
            default_owners = "true" if draw(st.booleans()) else "false"
            lines.append(
                f"gitlab: {{section: {section}, approvals: {draw(st.integers(1, 2))}, "
                f"default_owners: {default_owners}}}"
            )
        if draw(st.booleans()):
            lines.append("# ownership-lint: disable-file=OL013,OL205,OL212,OL215")
        files[f"team/roles/r{n}.yaml"] = "\n".join(lines) + "\n"
    mapping = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        pattern = draw(patterns) if draw(st.integers(0, 9)) >= id_level else ident("/a/")
        owner = draw(st.integers(min_value=-1, max_value=count - 1))
        mapping.append(pattern if owner < 0 else f"{pattern}  {role_ids[owner]}")
    files["team/path-ownership"] = "\n".join(mapping) + "\n"
    return files


def assert_documents_carry_no_markup_of_their_values(team: Team) -> None:
    roles = len(ordered_roles(team))
    for lang in ("en", "ru"):
        tokens = markdown(render_document(team, lang))
        assert_no_markup_of_its_own(tokens)
        headings = [t.tag for t in tokens if t.type == "heading_open"]
        assert headings == ["h1"] + ["h2"] * (roles + (1 if team.departments else 0))
    matrix = build_matrix(team)
    tokens = markdown(render_markdown(matrix))
    assert_no_markup_of_its_own(tokens)
    rows = len(matrix.rows()) + len(matrix.groups)
    assert sum(t.type == "td_open" for t in tokens) == rows * (len(matrix.roles) + 2)
    xml.dom.minidom.parseString(render_svg(matrix).encode("utf-8"))
    tags = html_tags(render_html(matrix))
    assert set(tags) <= PAGE_TAGS and tags.count("script") == 1, tags


def probe_paths(team: Team) -> list[str]:
    assert team.mapping is not None
    literal = [r.pattern.strip("/").replace("*", "x") for r in team.mapping.rules]
    return PATHS + [p for stem in literal if stem for p in (stem, f"{stem}/f")]


def assert_generated_exactly(team: Team, text: str, flavor: str) -> None:
    assert team.mapping is not None
    parsed = parse(text, flavor)  # type: ignore[arg-type]
    assert parsed.problems == [], text
    structural = {r.line for r in parsed.rules} | {s.line for s in parsed.sections}
    for number, line in enumerate(text.split("\n"), start=1):
        body = line.strip(" \t")
        if body.startswith("#"):
            assert is_visible(line), line  # a comment stays one visible line
        else:
            assert not body or number in structural, (number, line)
    items = resolve(team)
    written = [(r.pattern, tuple(o.text for o in r.owners)) for r in parsed.rules]
    if flavor == "github":
        assert written == [(github_pattern(i.rule.pattern), i.handles) for i in items]
    else:
        allowed = {p for i in items for p in gitlab_patterns(i.rule.pattern)}
        handles = {i.handles for i in items if i.role is not None} | {()}
        assert all(p in allowed and o in handles for p, o in written), written
    mapping, generated = Matcher(team.mapping), Matcher(parsed)
    wrong = [
        (path, sorted(generated.owners(path)), owners_by_mapping(team, mapping, path))
        for path in probe_paths(team)
        if sorted(generated.owners(path)) != owners_by_mapping(team, mapping, path)
    ]
    assert wrong == [], text


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_team_files(), st.sampled_from([Config(), HIDE_ERRORS]))
def test_hostile_team_is_refused_or_generated_exactly(
    files: dict[str, str], config: Config
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_files(Path(tmp), files)
        report = lint(root, config=config, today=TODAY, tracked=[])
    team = report.team
    assert team is not None
    if team.complete:
        assert_documents_carry_no_markup_of_their_values(team)
    if report.errors:
        return
    for flavor in FLAVORS:
        try:
            text = render(team, flavor)  # type: ignore[arg-type]
        except GenerationError:
            # Refusing is safe; without hidden errors, `check` would have said why.
            assert config is HIDE_ERRORS
            continue
        assert_generated_exactly(team, text, flavor)
