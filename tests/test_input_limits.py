"""Hostile sizes in the inputs we read (the configuration, team YAML): a clear error that says
which limit was met, never an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest

from ownership_lint.catalogue.example_team import BASE_TEAM
from ownership_lint.config import load_config
from ownership_lint.errors import ConfigError
from ownership_lint.loading.yaml_doc import MAX_VALUES, load_yaml

from .conftest import Run, write_files


def test_toml_nested_100000_deep_is_a_configuration_error(tmp_path: Path) -> None:
    write_files(tmp_path, {".ownership-lint.toml": "select = " + "[" * 100_000 + "\n"})
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(tmp_path)


def test_toml_nested_deep_exits_2_from_the_cli(tmp_path: Path, run: Run) -> None:
    write_files(tmp_path, {**BASE_TEAM, ".ownership-lint.toml": "x = " + "{a = " * 100_000})
    code, _, err = run("check", "--root", str(tmp_path))
    assert code == 2
    assert "internal error" not in err
    assert ".ownership-lint.toml: invalid TOML" in err


def test_a_long_plain_file_says_it_holds_too_many_values() -> None:
    # 60,000 plain responsibilities and no alias: about 1.1 MB, under the size limit.
    lines = ["areas:", "  - id: a", "    responsibilities:"]
    lines += [f"      - {{id: a.r{n}}}" for n in range(60_000)]
    raw = ("\n".join(lines) + "\n").encode()
    assert len(raw) < 2 * 1024 * 1024
    doc, findings = load_yaml(raw, "team/responsibilities.yaml")
    assert doc is None
    assert [f.code for f in findings] == ["OL009"]
    assert findings[0].message == f"the file holds more than {MAX_VALUES:,} values"
    assert "alias" not in findings[0].message + findings[0].hint


def test_an_alias_bomb_says_aliases_expand_it() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 8)]
    doc, findings = load_yaml(("\n".join(lines) + "\n").encode(), "team/roles/sre.yaml")
    assert doc is None
    assert [f.code for f in findings] == ["OL009"]
    assert findings[0].message.startswith(
        f"aliases expand the document to more than {MAX_VALUES:,} values"
    )
