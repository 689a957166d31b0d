"""Validate loaded documents against the JSON Schemas and turn every error into a plain finding."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ownership_lint.catalogue.files import INVALID_VALUE, MISSING_KEY, UNKNOWN_KEY, WRONG_TYPE
from ownership_lint.catalogue.syntax import IMPLICIT_BOOLEAN, IMPLICIT_NUMBER
from ownership_lint.findings import Finding
from ownership_lint.loading.schema_subset import Check, Unsupported, compile_schema
from ownership_lint.loading.yaml_doc import Document, Implicit
from ownership_lint.suggest import did_you_mean

SCHEMA_NAMES = ("team", "responsibilities", "role")
# The schemas' pattern for titles and names: they end up in headings and generated comments,
# so no line break (NEL, U+2028 and U+2029 included) and no control character.
ONE_LINE = "^[^\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]*$"

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "an empty value",
}


def schema_dir() -> Path:
    """Where the schemas are: inside the installed package, or at the top of a source checkout."""
    # Installed wheels carry them in the package (pyproject.toml, force-include).
    package = Path(__file__).resolve().parent.parent
    packaged = package / "schemas"
    if packaged.is_dir():
        return packaged
    return package.parent / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    with (schema_dir() / f"{name}.schema.json").open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def ecma_pattern(pattern: str) -> str:
    """A schema's `pattern` (ECMA-262, as JSON Schema specifies and editors apply it) as a
    Python regular expression with the same meaning: `$` outside a character class is the
    end of the value. Python's `$` also matches before a final newline, so with
    jsonschema's plain `re.search` an id `"sre\\n"` would pass `^[a-z]+$`."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        out.append(char)
        i += 1
    return "".join(out)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(ecma_pattern(pattern))


@cache
def _ecma_validator() -> Any:
    # jsonschema is the slowest import on the check path: load it only when validating.
    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import ValidationError

    def pattern(validator: Any, patrn: str, instance: Any, schema: Any) -> Iterator[Any]:
        if validator.is_type(instance, "string") and not _compiled(patrn).search(instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    return validators.extend(Draft202012Validator, {"pattern": pattern})


def make_validator(schema: dict[str, Any]) -> Any:
    """A Draft 2020-12 validator for `schema` whose `pattern` means what ECMA-262 says."""
    ecma = _ecma_validator()
    return ecma(schema, format_checker=ecma.FORMAT_CHECKER)


@cache
def _validator(name: str) -> Any:
    return make_validator(load_schema(name))


@cache
def _quick(name: str) -> Check | None:
    try:
        return compile_schema(load_schema(name), ecma_pattern)
    except Unsupported:
        return None


def validate(doc: Document, schema_name: str) -> list[Finding]:
    # A valid document (the usual case) is known valid without importing jsonschema, which
    # is imported only to locate and explain what is wrong.
    quick = _quick(schema_name)
    if quick is not None and quick(doc.data):
        return []
    findings: list[Finding] = []
    for error in _validator(schema_name).iter_errors(doc.data):
        findings.extend(_convert(doc, error))
    return findings


_REQUIRED = re.compile(r"'(.+)' is a required property", re.DOTALL)


def _inside(path: tuple[Any, ...]) -> str:
    """' in 'areas' item 2' for the mapping at a path, '' at the top of the file."""
    keys = [part for part in path if isinstance(part, str)]
    if not keys:
        return ""
    where = f" in '{keys[-1]}'"
    if isinstance(path[-1], int):
        where += f" item {path[-1] + 1}"
    return where


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _expected_words(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    return " or ".join(_TYPE_WORDS.get(n, n) for n in names)


def _branch_type(branch: dict[str, Any]) -> str | None:
    kind = branch.get("type")
    return kind if isinstance(kind, str) else None


def _convert(doc: Document, error: Any) -> Iterator[Finding]:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    instance = error.instance
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = sorted(schema.get("properties", {}))
        for key in instance:
            if key in allowed:
                continue
            suggestion = did_you_mean(key, allowed)
            yield UNKNOWN_KEY.finding(
                doc.location((*path, key), key=True),
                f"unknown key '{key}'",
                " ".join(filter(None, [suggestion, "Allowed here: " + ", ".join(allowed) + "."])),
            )
    elif kind == "required" and isinstance(instance, dict):
        # jsonschema reports each missing key as an error of its own.
        key = _REQUIRED.fullmatch(error.message)
        missing = [key.group(1)] if key else [k for k in error.validator_value if k not in instance]
        properties = schema.get("properties", {})
        for name in missing:
            description = properties.get(name, {}).get("description", "")
            yield MISSING_KEY.finding(
                doc.location(path, key=bool(path)),
                f"missing required key '{name}'" + _inside(path),
                f"add '{name}:' ({description})" if description else f"add '{name}:'",
            )
    elif kind == "type":
        yield _wrong_type(doc, path, error.validator_value, instance)
    elif kind in ("anyOf", "oneOf"):
        yield from _any_of(doc, path, error)
    else:
        yield _invalid_value(doc, path, kind, error.validator_value, instance, schema)


def _wrong_type(doc: Document, path: tuple[Any, ...], expected: Any, instance: Any) -> Finding:
    location = doc.location(path)
    implicit: Implicit | None = doc.implicit.get(path)
    wants_text = expected == "string" or (isinstance(expected, list) and "string" in expected)
    if implicit is not None and wants_text:
        hint = (
            f"quote it: '{implicit.text}'"
            if implicit.text
            else "write the value, or remove the key"
        )
        if implicit.tag.endswith(":bool"):
            return IMPLICIT_BOOLEAN.finding(
                location,
                f"'{implicit.text}' is read as the boolean {str(instance).lower()} "
                "where text is expected",
                hint,
            )
        if implicit.tag.endswith((":int", ":float")):
            return IMPLICIT_NUMBER.finding(
                location,
                f"'{implicit.text}' is read as the number {instance!r} where text is expected",
                hint,
            )
    return WRONG_TYPE.finding(
        location,
        f"expected {_expected_words(expected)}, found {_TYPE_WORDS[_json_type(instance)]}",
        "see the schema's description of this key",
    )


def _any_of(doc: Document, path: tuple[Any, ...], error: Any) -> Iterator[Finding]:
    branches: list[dict[str, Any]] = error.validator_value
    found = _json_type(instance := error.instance)
    for index, branch in enumerate(branches):
        kind = _branch_type(branch)
        if kind is not None and kind in (found, "number" if found == "integer" else None):
            for sub in error.context:
                if sub.relative_schema_path and sub.relative_schema_path[0] == index:
                    yield from _convert(doc, sub)
            return
    expected = [t for t in (_branch_type(b) for b in branches) if t]
    yield _wrong_type(doc, path, expected, instance)


def _invalid_value(
    doc: Document,
    path: tuple[Any, ...],
    kind: str,
    expected: Any,
    instance: Any,
    schema: dict[str, Any],
) -> Finding:
    location = doc.location(path)
    description = schema.get("description", "")
    if kind == "enum":
        implicit = doc.implicit.get(path)
        if implicit is not None and implicit.tag.endswith(":bool"):
            return IMPLICIT_BOOLEAN.finding(
                location,
                f"'{implicit.text}' is read as the boolean {str(instance).lower()} by YAML 1.1",
                f"quote it: '{implicit.text}'",
            )
        choices = [str(c) for c in expected]
        suggestion = did_you_mean(str(instance), choices)
        message = f"'{instance}' is not one of: {', '.join(choices)}"
        return INVALID_VALUE.finding(location, message, suggestion)
    if kind == "pattern" and expected == ONE_LINE:
        message = "the value must fit on one line, without control characters"
    elif kind == "pattern":
        message = f"'{instance}' is not of the expected form"
    elif kind == "format":
        message = f"'{instance}' is not a valid {expected}" + (
            " (YYYY-MM-DD)" if expected == "date" else ""
        )
    elif kind == "minLength":
        message = "the value must not be empty"
    elif kind == "minItems":
        message = f"the list must have at least {expected} item" + ("s" if expected != 1 else "")
    elif kind == "minimum":
        message = f"{instance} is below the minimum {expected}"
    elif kind == "uniqueItems":
        message = "the list repeats an item"
    else:
        message = f"invalid value: {kind} {expected!r}"
    return INVALID_VALUE.finding(location, message, description)
