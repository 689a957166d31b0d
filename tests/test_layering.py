"""The layers import downwards only: the vocabulary of findings (`findings`, `catalogue`) is at
the bottom, loading and configuration use it without knowing the checks that consume what
they load. Function-local imports count: they close a cycle all the same."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "ownership_lint"


def imported(path: Path) -> set[str]:
    """Every ownership_lint module a file imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("ownership_lint")}


def files(*relative: str) -> list[Path]:
    out: list[Path] = []
    for rel in relative:
        path = PACKAGE / rel
        out.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return out


@pytest.mark.parametrize("path", files("catalogue"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_catalogue_uses_nothing_but_findings(path: Path) -> None:
    allowed = ("ownership_lint.findings", "ownership_lint.catalogue")
    outside = {name for name in imported(path) if not name.startswith(allowed)}
    assert not outside, f"{path.name} imports {sorted(outside)}"


@pytest.mark.parametrize(
    "path",
    files("loading", "schema.py", "schema_subset.py", "config.py", "suppressions.py"),
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_loading_and_configuration_do_not_import_the_checks(path: Path) -> None:
    checks = {name for name in imported(path) if name.startswith("ownership_lint.rules")}
    assert not checks, f"{path.name} imports {sorted(checks)}: take codes from the catalogue"
