"""Importers: bootstrap team/ from what a team already has."""

from ownership_lint.importing.codeowners import (
    ImportFailed,
    ImportPlan,
    RolePlan,
    import_codeowners,
    plan_import,
    plan_team,
    write_team,
)

__all__ = [
    "ImportFailed",
    "ImportPlan",
    "RolePlan",
    "import_codeowners",
    "plan_import",
    "plan_team",
    "write_team",
]
