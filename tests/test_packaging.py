"""The installed package (pip install ., not editable) finds its schemas from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ownership_lint.loading.schema import SCHEMA_NAMES

from .conftest import REPO

PROBE = """
import json, ownership_lint
from ownership_lint.loading.schema import schema_dir
print(json.dumps({"package": ownership_lint.__file__, "schemas": str(schema_dir())}))
"""


def test_installed_package_ships_the_schemas(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    if result.returncode != 0:
        pytest.skip("ownership-lint is not installed in this environment (pip install .)")
    where = json.loads(result.stdout)
    if Path(where["package"]).resolve().is_relative_to(REPO):
        pytest.skip("ownership-lint is installed in editable mode: nothing to check")
    schemas = Path(where["schemas"])
    assert not schemas.resolve().is_relative_to(REPO)
    for name in SCHEMA_NAMES:
        installed = (schemas / f"{name}.schema.json").read_bytes()
        assert installed == (REPO / "schemas" / f"{name}.schema.json").read_bytes()
