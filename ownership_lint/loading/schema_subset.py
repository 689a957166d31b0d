"""A yes/no answer to "is this document valid against its schema?", without jsonschema.

Importing jsonschema costs more than the rest of `ownership-lint check` together (its format
checkers and bundled metaschemas). Most runs validate files that are valid, so `schema.py`
asks this module first and imports jsonschema only to locate and explain what is wrong.

It knows exactly the keywords the shipped schemas use, with jsonschema's Draft 2020-12
meaning (types as jsonschema checks them, `pattern` anchored as ECMA-262 anchors it, the
`date` format as jsonschema's format checker reads it). A schema with any other keyword is
not interpreted at all: `compile_schema` raises `Unsupported` and the caller uses jsonschema.
A differential test keeps both validators in agreement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Annotations only: they say nothing about validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description"})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


class Unsupported(Exception):
    """The schema uses a keyword this module does not interpret."""


def _is_type(kind: str, value: Any) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "null":
        return value is None
    if isinstance(value, bool):
        return False
    if kind == "integer":
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if kind == "number":
        return isinstance(value, int | float)
    raise Unsupported(f"type {kind!r}")


def _is_date(value: Any) -> bool:
    if not isinstance(value, str):
        return True  # formats apply to text only
    if _DATE.fullmatch(value) is None:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def compile_schema(schema: Any, anchor: Callable[[str], str]) -> Check:
    """A function telling whether a value is valid against `schema`; `anchor` turns a schema
    pattern into a Python expression with ECMA-262's meaning. Raises Unsupported."""
    if schema is True:
        return lambda value: True
    if schema is False:
        return lambda value: False
    if not isinstance(schema, dict):
        raise Unsupported("a schema must be an object or a boolean")
    checks: list[Check] = []
    for key, arg in schema.items():
        if key in _ANNOTATIONS:
            continue
        checks.append(_keyword(key, arg, schema, anchor))
    return lambda value: all(check(value) for check in checks)


def _keyword(key: str, arg: Any, schema: dict[str, Any], anchor: Callable[[str], str]) -> Check:
    if key == "type":
        kinds = [arg] if isinstance(arg, str) else list(arg)
        for kind in kinds:
            _is_type(kind, None)  # refuses a type it does not know, now
        return lambda value: any(_is_type(kind, value) for kind in kinds)
    if key == "properties":
        props = {name: compile_schema(sub, anchor) for name, sub in arg.items()}
        return lambda value: (
            not isinstance(value, dict)
            or all(check(value[name]) for name, check in props.items() if name in value)
        )
    if key == "additionalProperties":
        known = set(schema.get("properties", {}))
        if "patternProperties" in schema:
            raise Unsupported("patternProperties")
        extra = compile_schema(arg, anchor)
        return lambda value: (
            not isinstance(value, dict)
            or all(extra(item) for name, item in value.items() if name not in known)
        )
    if key == "required":
        names = list(arg)
        return lambda value: not isinstance(value, dict) or all(n in value for n in names)
    if key == "items":
        item = compile_schema(arg, anchor)
        return lambda value: not isinstance(value, list) or all(item(v) for v in value)
    if key == "anyOf":
        branches = [compile_schema(sub, anchor) for sub in arg]
        return lambda value: any(branch(value) for branch in branches)
    if key == "enum":
        choices = list(arg)
        if not all(isinstance(choice, str) for choice in choices):
            raise Unsupported("enum of values other than text")
        return lambda value: isinstance(value, str) and value in choices
    if key == "pattern":
        regex = re.compile(anchor(arg))
        return lambda value: not isinstance(value, str) or regex.search(value) is not None
    if key == "minLength":
        return lambda value: not isinstance(value, str) or len(value) >= arg
    if key == "minItems":
        return lambda value: not isinstance(value, list) or len(value) >= arg
    if key == "minimum":
        return lambda value: not _is_type("number", value) or value >= arg
    if key == "format":
        if arg != "date":
            raise Unsupported(f"format {arg!r}")
        return _is_date
    raise Unsupported(key)
