"""Each command imports what its answer needs: `check`, run on every commit, does not load
the other commands, generation, the importers, GitPython or jsonschema (a valid team is
known valid without it)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

PROBE = """
import json, sys
from ownership_lint.cli import run
code = run(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def modules_after(*args: str, cwd: Path) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.splitlines()[-1])
    return result["code"], set(result["modules"])


def test_check_loads_only_what_checking_needs(tmp_path: Path) -> None:
    shutil.copytree(REPO / "team", tmp_path / "team")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    code, modules = modules_after("check", cwd=tmp_path)
    assert code == 0
    unneeded = {
        "jsonschema",
        "git",
        "difflib",
        "ownership_lint.generate",
        "ownership_lint.importing",
        "ownership_lint.docs",
        "ownership_lint.diff",
        "ownership_lint.cli.codeowners",
        "ownership_lint.cli.documents",
        "ownership_lint.cli.imports",
        "ownership_lint.cli.paths",
        "ownership_lint.cli.regenerate",
    }
    assert not unneeded & modules


def test_an_invalid_team_is_explained_by_jsonschema(tmp_path: Path) -> None:
    shutil.copytree(REPO / "team", tmp_path / "team")
    role = tmp_path / "team/roles/sre.yaml"
    role.write_text(role.read_text().replace("seniority: middle", "seniority: medium"))
    code, modules = modules_after("check", "--paths-from", str(role), cwd=tmp_path)
    assert code == 1 and "jsonschema" in modules
