"""GitLab generation splits roles into sections with tries of literal prefixes instead of
comparing every rule with every later rule; the sections must be exactly those of the
straightforward all-pairs definition, on random rule sets."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from ownership_lint.codeowners.model import Rule
from ownership_lint.findings import Location
from ownership_lint.generate import MappedRule, gitlab_layers
from ownership_lint.model import Role
from ownership_lint.ownership import may_overlap

ROLES = [Role(id=name, path=f"team/roles/{name}.yaml", location=Location("x")) for name in "abc"]


def reference_layers(items: Sequence[MappedRule]) -> list[tuple[str, list[int], set[int]]]:
    """The definition, as it was written before the tries: O(rules^2)."""
    layers: list[tuple[str, list[int], set[int]]] = []
    by_role: dict[str, list[tuple[str, list[int], set[int]]]] = {}
    for i, item in enumerate(items):
        if item.role is None:
            continue
        excl = {
            j
            for j in range(i + 1, len(items))
            if items[j].role_id != item.role_id and may_overlap(items[j].prefix, item.prefix)
        }
        mine = by_role.setdefault(item.role.id, [])
        for layer in mine:
            if not any(x < i and may_overlap(items[x].prefix, item.prefix) for x in layer[2]):
                layer[1].append(i)
                layer[2].update(excl)
                break
        else:
            layer = (item.role.id, [i], excl)
            mine.append(layer)
            layers.append(layer)
    return layers


def mapped(spec: Sequence[tuple[tuple[str, ...], int | None]]) -> list[MappedRule]:
    items = []
    for index, (prefix, role) in enumerate(spec):
        rule = Rule("/" + "/".join(prefix) + "/", index + 1, 1, 2, (), index=index)
        owner = ROLES[role] if role is not None else None
        items.append(MappedRule(rule, owner, (), (), prefix))
    return items


PREFIX = st.lists(st.sampled_from(["a", "b", "c"]), max_size=4).map(tuple)
SPEC = st.lists(st.tuples(PREFIX, st.one_of(st.none(), st.integers(0, 2))), max_size=40)


@settings(max_examples=400, deadline=None)
@given(SPEC)
def test_sections_match_the_all_pairs_definition(
    spec: list[tuple[tuple[str, ...], int | None]],
) -> None:
    items = mapped(spec)
    got = [(layer.role.id, layer.members, layer.exclusions) for layer in gitlab_layers(items)]
    assert got == reference_layers(items)


def test_a_catch_all_then_interleaved_roles() -> None:
    # '*' for a, then b and a alternate under /x/: a's later rule needs a section of its own.
    items = mapped([((), 0), (("x",), 1), (("x", "y"), 0), (("z",), 1)])
    layers = gitlab_layers(items)
    assert [(lay.role.id, lay.members, sorted(lay.exclusions)) for lay in layers] == [
        ("a", [0], [1, 3]),
        ("b", [1, 3], [2]),
        ("a", [2], []),
    ]
    assert [(lay[0], lay[1], sorted(lay[2])) for lay in reference_layers(items)] == [
        (lay.role.id, lay.members, sorted(lay.exclusions)) for lay in layers
    ]


def test_many_rules_of_distinct_paths_take_one_section_per_role() -> None:
    # 20,000 rules: the all-pairs loop took minutes at this size; the tries are linear.
    spec = [((f"d{n % 97}", f"s{n}"), n % 3) for n in range(20_000)]
    layers = gitlab_layers(mapped([((), 0), *spec]))
    assert [lay.role.id for lay in layers] == ["a", "b", "c"]
    assert sorted(layers[0].exclusions)[:3] == [2, 3, 5]
