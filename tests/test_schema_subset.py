"""The quick validity check agrees with jsonschema on every document: valid, nearly valid,
and anything else a YAML file can hold."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownership_lint.loading.schema import SCHEMA_NAMES, ecma_pattern, load_schema, make_validator
from ownership_lint.loading.schema_subset import Unsupported, compile_schema

# Text that sits on the edges of the schemas' patterns, formats and lengths.
EDGES = [
    "",
    "sre",
    "budget.forecasting",
    "Budget-forecasting",
    "a..b",
    "x-",
    "sre\n",
    "\nsre",
    "title\u2028",
    "x\x85",
    "2026-11-29",
    "2026-02-30",
    "2026-1-1",
    "2026-11-29\n",
    "\u0662\u0660\u0662\u0666-11-29",  # Arabic-Indic digits: not a date
    "A",
    "R",
    "middle",
    "medium",
    "@acme/sre",
    "[Section]",
]
SCALARS = st.one_of(
    st.sampled_from(EDGES),
    st.text(max_size=12),
    st.integers(min_value=-3, max_value=3),
    st.floats(allow_nan=False, min_value=-3, max_value=3),
    st.sampled_from([1.0, 2.5, True, False, None]),
)
ANY: st.SearchStrategy[Any] = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "x", "title"]), inner, max_size=3)
    ),
    max_leaves=8,
)


def near(schema: Any) -> st.SearchStrategy[Any]:
    """Values shaped by `schema`, each part valid more often than not, so that a document is
    often valid or wrong in one place only: where a check that is too lax shows."""
    if not isinstance(schema, dict):
        return ANY
    wrong: st.SearchStrategy[Any] = ANY
    if "enum" in schema:
        shaped: st.SearchStrategy[Any] = st.sampled_from(schema["enum"])
    elif "anyOf" in schema:
        shaped = st.one_of([near(branch) for branch in schema["anyOf"]])
    elif schema.get("type") == "object":
        props = schema.get("properties", {})
        required = set(schema.get("required", ()))
        shaped = st.fixed_dictionaries(
            {name: near(sub) for name, sub in props.items() if name in required},
            optional={name: near(sub) for name, sub in props.items() if name not in required},
        )
        # A required key missing, or a key the schema does not know.
        wrong = st.fixed_dictionaries({}, optional={n: near(s) for n, s in props.items()})
        wrong |= st.fixed_dictionaries({"unknown": SCALARS})
    elif schema.get("type") == "array":
        shaped = st.lists(near(schema.get("items", {})), max_size=3)
        wrong = st.just([]) | ANY
    elif schema.get("type") == "string":
        fits = make_validator(schema).is_valid
        shaped = st.sampled_from([text for text in EDGES if fits(text)] or EDGES)
        misfits = [text for text in EDGES if not fits(text)]
        wrong = st.sampled_from(misfits) if misfits else ANY
    elif schema.get("type") in ("integer", "number"):
        shaped = st.sampled_from([1, 2, 3])
        wrong = st.sampled_from([0, -1, 1.0, 1.5, True, "1"])
    else:
        shaped = ANY
    # One part in five is wrong; the simplest example (where hypothesis starts) is valid.
    return st.integers(0, 4).flatmap(lambda n: wrong if n == 4 else shaped)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_shipped_schema_is_understood(name: str) -> None:
    # Otherwise every run would import jsonschema after all.
    compile_schema(load_schema(name), ecma_pattern)


DOCUMENTS = {name: near(load_schema(name)) for name in SCHEMA_NAMES}
QUICK = {name: compile_schema(load_schema(name), ecma_pattern) for name in SCHEMA_NAMES}
FULL = {name: make_validator(load_schema(name)) for name in SCHEMA_NAMES}


@pytest.mark.parametrize("name", SCHEMA_NAMES)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_quick_check_agrees_with_jsonschema(name: str, data: st.DataObject) -> None:
    document = data.draw(DOCUMENTS[name])
    assert QUICK[name](document) == FULL[name].is_valid(document), document


@pytest.mark.parametrize(
    "schema",
    [
        {"oneOf": [{"type": "string"}]},
        {"type": "string", "format": "email"},
        {"patternProperties": {"x": {}}, "additionalProperties": False},
        {"enum": [1, 2]},
    ],
)
def test_a_keyword_it_does_not_know_is_not_guessed(schema: dict[str, Any]) -> None:
    with pytest.raises(Unsupported):
        compile_schema(schema, ecma_pattern)
