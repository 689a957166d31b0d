"""The package's layers import downwards only, and nothing imports in a circle.

The order, bottom first, is written here once (the README's "Layout" section draws it). A
module imports modules of its own layer or of a layer below it; an import counts wherever it
is written (at the top, inside a function, or for type checking only): a function-local
import closes a cycle all the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import REPO

PACKAGE = REPO / "ownership_lint"

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    # What every layer speaks: findings, the catalogue of their codes, errors, escaping.
    ("vocabulary", ("__init__", "escape", "suggest", "findings", "errors", "catalogue")),
    # The CODEOWNERS engine, files and git, command-line paths.
    ("engine", ("codeowners", "fileio", "gitrepo", "drift", "progress", "pathargs")),
    ("configuration", ("config",)),
    # The team as data, and what can be worked out from it without any file.
    ("model", ("model", "ownership", "mapping", "changes", "answers")),
    ("loading", ("loading",)),
    ("checks", ("rules", "suppressions")),
    # Rendering: CODEOWNERS text, documents, reports, schemas for editors.
    ("renderers", ("generate", "docs", "report", "schema_files")),
    ("generated files", ("artifacts",)),
    # What a command does: lint, answer, generate, compare, import.
    (
        "orchestration",
        ("linting", "queries", "generation", "diff", "importing", "examples", "scaffold"),
    ),
    ("library surface", ("api",)),
    ("command line", ("cli", "__main__")),
]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(("ownership_lint", *parts))


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    rest = module.removeprefix("ownership_lint").lstrip(".") or "__init__"
    top = rest.split(".")[0]
    for number, (_, names) in enumerate(LAYERS):
        if top in names:
            return number
    raise AssertionError(f"{module} belongs to no layer: add it to LAYERS")


def imports(module: str) -> set[str]:
    """The modules of the package `module` imports, anywhere in it."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name in MODULES and name != module}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    mine = layer_of(module)
    upward = sorted(
        f"{name} ({LAYERS[layer_of(name)][0]})" for name in imports(module) if layer_of(name) > mine
    )
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports a layer above: {upward}"


def test_no_module_imports_in_a_circle() -> None:
    graph = {module: imports(module) for module in MODULES}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_nothing_in_the_library_imports_its_surface() -> None:
    users = sorted(m for m in MODULES if "ownership_lint.api" in imports(m))
    assert all(m.startswith("ownership_lint.cli") for m in users), users


@pytest.mark.parametrize(
    "module",
    [
        m
        for m in sorted(MODULES)
        if m.startswith(("ownership_lint.loading", "ownership_lint.config"))
    ],
)
def test_loading_and_configuration_take_codes_from_the_catalogue(module: str) -> None:
    checks = sorted(name for name in imports(module) if name.startswith("ownership_lint.rules"))
    assert not checks, f"{module} imports {checks}: take finding codes from the catalogue"


def test_the_test_sees_what_the_cycle_tool_sees() -> None:
    # The layering test must notice a function-local import: it is what hid the old cycle.
    assert "ownership_lint.generate" in imports("ownership_lint.artifacts")


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        # The imports that once made one 20-module cycle: each would go up a layer now.
        ("ownership_lint.rules.consistency", "ownership_lint.generate"),
        ("ownership_lint.rules.ownership", "ownership_lint.docs.document"),
        ("ownership_lint.generate", "ownership_lint.api"),
        ("ownership_lint.diff", "ownership_lint.api"),
        ("ownership_lint.importing", "ownership_lint.api"),
        ("ownership_lint.examples", "ownership_lint.api"),
        ("ownership_lint.loading.team", "ownership_lint.rules"),
        ("ownership_lint.loading.schema", "ownership_lint.rules"),
        ("ownership_lint.config", "ownership_lint.rules"),
    ],
)
def test_the_old_cycle_would_be_caught(importer: str, imported: str) -> None:
    assert layer_of(imported) > layer_of(importer)
