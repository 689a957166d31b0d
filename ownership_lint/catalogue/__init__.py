"""The catalogue of finding codes: for each code its name, default severity, explanation and
examples, one module per family. Everything that reports or configures findings (loading,
schema, configuration, suppressions, rules, reports, the CLI) takes codes from here; this
package imports nothing of ours but `findings`."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ownership_lint.catalogue import (
    files,
    generated,
    ownership,
    paths,
    roster,
    staleness,
    syntax,
)
from ownership_lint.catalogue.code import Code


def _collect() -> dict[str, Code]:
    found: dict[str, Code] = {}
    for module in (syntax, files, ownership, roster, paths, generated, staleness):
        for value in vars(module).values():
            if not isinstance(value, Code):
                continue
            if found.setdefault(value.code, value) is not value:
                raise ValueError(f"duplicate finding code {value.code}")
    return dict(sorted(found.items()))


_CODES: Mapping[str, Code] = MappingProxyType(_collect())


def codes() -> Mapping[str, Code]:
    """Every code, by code, in code order."""
    return _CODES


def get(code: str) -> Code | None:
    return _CODES.get(code)


def find(code_or_name: str) -> Code | None:
    """A code by its code (any case) or its name (`unowned-responsibility`)."""
    found = _CODES.get(code_or_name.upper())
    if found is None:
        found = next((c for c in _CODES.values() if c.name == code_or_name.lower()), None)
    return found


def integrity_codes() -> frozenset[str]:
    """The codes of the integrity checks, which nothing can switch off (`Code.integrity`)."""
    return frozenset(code for code, entry in _CODES.items() if entry.integrity)


__all__ = ["Code", "codes", "find", "get", "integrity_codes"]
