"""The JSON Schemas as files in the user's repository, and the lines that point editors at them.

Editors validate team files as they are typed when a file starts with
`# yaml-language-server: $schema=<path>`; the path must lead to a schema in the same
repository, so `init`, the importers and `ownership-lint schemas` write the packaged schemas
to `schemas-dir` (default `schemas/`) and each YAML file they create gets the line, with the
path relative to that file.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from ownership_lint.errors import ConfigError

KINDS = ("team", "responsibilities", "role")
# Every schema ownership-lint ships has an `$id` under this prefix: a file with another one
# is the user's own and is never replaced.
ID_PREFIX = "https://ownership-lint.dev/schemas/"
MODELINE = "# yaml-language-server: $schema="


def packaged() -> dict[str, bytes]:
    """File name -> contents of the schemas this version ships."""
    from ownership_lint.loading.schema import schema_dir

    return {
        f"{kind}.schema.json": (schema_dir() / f"{kind}.schema.json").read_bytes() for kind in KINDS
    }


def _ours(data: bytes) -> bool:
    try:
        document = json.loads(data)
    except ValueError:
        return False
    return isinstance(document, dict) and str(document.get("$id", "")).startswith(ID_PREFIX)


def plan(root: Path, schemas_dir: str) -> tuple[Path, dict[str, bytes]]:
    """The directory, and the schema files in it that must be (re)written: missing ones and
    older copies of ours. ConfigError when a file there is someone else's, or when the
    directory or a file is a link or leads outside the repository (`fileio.read_file`)."""
    from ownership_lint.escape import visible
    from ownership_lint.fileio import read_file

    target = root / schemas_dir
    changed: dict[str, bytes] = {}
    for name, data in packaged().items():
        shown = visible(f"{schemas_dir}/{name}")
        try:
            existing: bytes | None = read_file(root, f"{schemas_dir}/{name}")
        except FileNotFoundError:
            existing = None
        except OSError as err:
            raise ConfigError(f"'{shown}': {err}; no schema is written") from err
        if existing == data:
            continue
        if existing is not None and not _ours(existing):
            raise ConfigError(
                f"'{shown}' exists and is not an ownership-lint schema; set schemas-dir in the "
                "configuration to another directory"
            )
        changed[name] = data
    return target, changed


def write(root: Path, schemas_dir: str) -> list[str]:
    """Write the schemas that are missing or out of date (each atomically, inside the
    repository, never through a link); the paths written, relative to the root."""
    from ownership_lint.fileio import atomic_write

    target, changed = plan(root, schemas_dir)
    for name, data in sorted(changed.items()):
        atomic_write(target / name, data, root=root)
    return [f"{schemas_dir}/{name}" for name in sorted(changed)]


def kind_of(rel: str) -> str | None:
    """Which schema a file of the team directory follows (`rel` relative to it)."""
    if rel == "team.yaml":
        return "team"
    if rel == "responsibilities.yaml":
        return "responsibilities"
    if rel.startswith("roles/") and rel.endswith((".yaml", ".yml")):
        return "role"
    return None


def modeline(team_dir: str, rel: str, schemas_dir: str) -> str | None:
    """The `$schema` line for `team_dir/rel`, its path relative to the file; None for files
    that no schema describes (the path mapping)."""
    kind = kind_of(rel)
    if kind is None:
        return None
    here = posixpath.dirname(posixpath.join(team_dir, rel)) or "."
    return MODELINE + posixpath.relpath(f"{schemas_dir}/{kind}.schema.json", here)


def with_modelines(files: dict[str, str], team_dir: str, schemas_dir: str) -> dict[str, str]:
    """`files` (relative to the team directory) with the `$schema` line on top of each YAML
    file that does not start with one."""
    out: dict[str, str] = {}
    for rel, text in files.items():
        line = modeline(team_dir, rel, schemas_dir)
        out[rel] = text if line is None or text.startswith(MODELINE) else f"{line}\n{text}"
    return out
