"""The library surface: what the CLI, integrations and tests call. It only gathers the public
names of the modules below it (nothing in the library imports it), and imports each module
when one of its names is first used, so that a command loads what its answer needs:

- `linting`: lint(), lint_new(), lint_codeowners(), Report, find_root(), git_files();
- `queries`: who_owns(), coverage(); `answers`: Ownership, Coverage;
- `generation`: checked_team(), generate_codeowners(), write_codeowners(), plan_all(),
  write_all(), kept_by_hand(): every file generated from team/;
- `diff`: ownership_diff();
- `loading.codeowners`: load_codeowners(); `pathargs`: repo_path();
- `config`: load_config(), Config; `errors`: the exceptions (UsageError and its kinds exit 2).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what the names below are (`name as name`: re-exported)
    from ownership_lint.answers import Coverage as Coverage
    from ownership_lint.answers import Ownership as Ownership
    from ownership_lint.config import Config as Config
    from ownership_lint.config import load_config as load_config
    from ownership_lint.diff import ownership_diff as ownership_diff
    from ownership_lint.errors import ConfigError as ConfigError
    from ownership_lint.errors import GenerationError as GenerationError
    from ownership_lint.errors import OutputError as OutputError
    from ownership_lint.errors import UsageError as UsageError
    from ownership_lint.generation import Generated as Generated
    from ownership_lint.generation import checked_team as checked_team
    from ownership_lint.generation import codeowners_file as codeowners_file
    from ownership_lint.generation import generate_codeowners as generate_codeowners
    from ownership_lint.generation import kept_by_hand as kept_by_hand
    from ownership_lint.generation import plan_all as plan_all
    from ownership_lint.generation import write_all as write_all
    from ownership_lint.generation import write_codeowners as write_codeowners
    from ownership_lint.linting import Report as Report
    from ownership_lint.linting import find_root as find_root
    from ownership_lint.linting import git_files as git_files
    from ownership_lint.linting import lint as lint
    from ownership_lint.linting import lint_codeowners as lint_codeowners
    from ownership_lint.linting import lint_new as lint_new
    from ownership_lint.loading.codeowners import load_codeowners as load_codeowners
    from ownership_lint.pathargs import repo_path as repo_path
    from ownership_lint.queries import coverage as coverage
    from ownership_lint.queries import who_owns as who_owns

_HOME = {
    "ownership_lint.answers": ("Coverage", "Ownership"),
    "ownership_lint.config": ("Config", "load_config"),
    "ownership_lint.diff": ("ownership_diff",),
    "ownership_lint.errors": ("ConfigError", "GenerationError", "OutputError", "UsageError"),
    "ownership_lint.generation": (
        "Generated",
        "checked_team",
        "codeowners_file",
        "generate_codeowners",
        "kept_by_hand",
        "plan_all",
        "write_all",
        "write_codeowners",
    ),
    "ownership_lint.linting": (
        "Report",
        "find_root",
        "git_files",
        "lint",
        "lint_codeowners",
        "lint_new",
    ),
    "ownership_lint.loading.codeowners": ("load_codeowners",),
    "ownership_lint.pathargs": ("repo_path",),
    "ownership_lint.queries": ("coverage", "who_owns"),
}
_MODULE_OF = {name: module for module, names in _HOME.items() for name in names}

__all__ = [
    "Config",
    "ConfigError",
    "Coverage",
    "Generated",
    "GenerationError",
    "OutputError",
    "Ownership",
    "Report",
    "UsageError",
    "checked_team",
    "codeowners_file",
    "coverage",
    "find_root",
    "generate_codeowners",
    "git_files",
    "kept_by_hand",
    "lint",
    "lint_codeowners",
    "lint_new",
    "load_codeowners",
    "load_config",
    "ownership_diff",
    "plan_all",
    "repo_path",
    "who_owns",
    "write_all",
    "write_codeowners",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'ownership_lint.api' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # the next use is a plain lookup
    return value
