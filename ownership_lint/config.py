"""Configuration: `[tool.ownership-lint]` in pyproject.toml, or `.ownership-lint.toml`.

The closest file wins (searching from the repository root upwards; in one directory
`.ownership-lint.toml` before `pyproject.toml`). Command-line flags win over both.

    [tool.ownership-lint]
    team-dir = "team"
    select = ["OL"]              # code prefixes to report (default: all but opt-in rules;
                                 # an opt-in rule such as OL310 is selected by its exact code)
    ignore = ["OL307"]           # code prefixes not to report
    severity = { OL213 = "error" }
    flavor = "github"            # what `codeowners generate` writes by default ("gitlab")
    policy = { review_max_age_days = 90 }   # overrides team.yaml's policy values
    docs-language = "en"         # headings of the team document: "en", or "ru" (the seed's)
    docs-path = "docs/TEAM.md"   # where `ownership-lint docs` writes the team document
    matrix-path = "docs/ownership-matrix.svg"  # `ownership-lint matrix --output` default
    schemas-dir = "schemas"      # where init, the importers and `schemas` write the schemas
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from ownership_lint import catalogue
from ownership_lint.codeowners.model import DIALECTS
from ownership_lint.errors import ConfigError
from ownership_lint.escape import is_visible, visible
from ownership_lint.findings import Finding, Severity
from ownership_lint.suggest import did_you_mean

FILES = (".ownership-lint.toml", "pyproject.toml")
KEYS = (
    "team-dir",
    "select",
    "ignore",
    "severity",
    "docs-language",
    "docs-path",
    "matrix-path",
    "flavor",
    "policy",
    "schemas-dir",
)
POLICY_KEYS = ("min_members_per_role", "review_max_age_days", "max_responsibilities_per_role")
DOCS_LANGUAGES = ("en", "ru")
_LOOKALIKE_DIGITS = str.maketrans("OIL", "011")


@dataclass(frozen=True)
class Config:
    team_dir: str = "team"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    # Opt-in rules switched on by a flag (e.g. --unowned), on top of `select`.
    enable: tuple[str, ...] = ()
    source: Path | None = None
    # The team document and the matrix picture (ownership-lint docs / matrix).
    docs_language: str = "en"
    docs_path: str = "docs/TEAM.md"
    matrix_path: str = "docs/ownership-matrix.svg"
    # Where the JSON Schemas are written for editors (init, imports, `ownership-lint schemas`).
    schemas_dir: str = "schemas"
    # The CODEOWNERS flavour `codeowners generate` writes by default.
    flavor: str = "github"
    # Policy values that override team.yaml's `policy` (e.g. a stricter CI).
    policy: dict[str, int] = field(default_factory=dict)
    # Code prefixes not run at all, integrity checks included: for the library's own callers
    # (generation does not check the drift it is about to fix), never read from a file.
    skip: tuple[str, ...] = ()

    def wants(self, code: str, opt_in: bool = False, integrity: bool = False) -> bool:
        """Whether the rule `code` runs. An integrity check always does: `select` and
        `ignore` come from the repository under check, which may be hostile."""
        if self.skip and code.startswith(self.skip):
            return False
        if integrity:
            return True
        if opt_in:
            return code in self.select or code in self.enable
        selected = not self.select or code.startswith(self.select)
        return selected and not (self.ignore and code.startswith(self.ignore))

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """Drop the findings not selected; give the rest their configured severity (an
        integrity check's findings are kept as they are)."""
        known = catalogue.codes()
        kept = []
        for finding in findings:
            entry = known.get(finding.code)
            opt_in = entry is not None and entry.opt_in
            integrity = entry is not None and entry.integrity
            if not self.wants(finding.code, opt_in, integrity):
                continue
            severity = None if integrity else self.severity.get(finding.code)
            kept.append(replace(finding, severity=severity) if severity else finding)
        return kept


def find_config_file(start: Path) -> Path | None:
    """The closest configuration file from the repository root `start` upwards. One in the
    repository that is a link counts as found, and is refused when it is read."""
    for directory in [start.resolve(), *start.resolve().parents]:
        for name in FILES:
            candidate = directory / name
            if candidate.is_symlink() and directory == start.resolve():
                return candidate
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate, start)):
                return candidate
    return None


def _has_table(pyproject: Path, root: Path) -> bool:
    try:
        tool = _read(pyproject, root).get("tool", {})
    except ConfigError:
        return True  # broken TOML is reported when it is loaded
    return not isinstance(tool, dict) or "ownership-lint" in tool  # a broken one too


def _read(path: Path, root: Path) -> dict[str, Any]:
    """A TOML file: inside the repository `root` never a link (`fileio.read_file`); the
    directories above the root, and a file named with --config, are the user's."""
    from ownership_lint.escape import visible
    from ownership_lint.fileio import read_file

    shown = visible(str(path))
    try:
        return tomllib.loads(read_file(root, path, anywhere=True).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{shown}: invalid TOML: {err}") from err
    except RecursionError as err:
        # tomllib recurses once per level of nesting: a hostile file is a configuration error.
        raise ConfigError(
            f"{shown}: invalid TOML: values nested too deeply for a configuration file"
        ) from err
    except OSError as err:
        raise ConfigError(f"{shown}: cannot be read: {err.strerror or err}") from err


def load_config(start: Path, explicit: Path | None = None) -> Config:
    """The configuration for a repository at `start` (or from `explicit`, relative to the
    current directory), defaults if none."""
    path = explicit.absolute() if explicit is not None else find_config_file(start)
    if path is None:
        return Config()
    data = _read(path, start)
    table: Any = data
    where = str(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table")
        table, where = tool.get("ownership-lint", {}), f"{path}: [tool.ownership-lint]"
    return parse_config(table, where, path)


def _codes(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of rule codes or prefixes like 'OL1'")
    bad = [v for v in value if not v.upper().startswith("OL")]
    if bad:
        raise ConfigError(f"{where}: '{key}': '{bad[0]}' is not a rule code or prefix (OL...)")
    codes = tuple(v.upper() for v in value)
    for code in codes:
        check_code(code, f"{where}: '{key}'", prefix=True)
    if key == "ignore":
        kept = sorted(set(codes) & catalogue.integrity_codes())
        if kept:
            raise ConfigError(f"{where}: 'ignore': {_integrity_refusal(kept[0], 'ignored')}")
    return codes


def _integrity_refusal(code: str, what: str) -> str:
    return (
        f"{code} is an integrity check (what a generated CODEOWNERS grants) and cannot be "
        f"{what}; fix what it reports instead"
    )


def check_code(code: str, where: str, *, prefix: bool = False) -> None:
    """ConfigError unless `code` is a rule's code (or, with `prefix`, begins at least one):
    a misspelt code would otherwise select nothing, or silence nothing, without a word."""
    known = catalogue.codes()
    if code in known or (prefix and any(c.startswith(code) for c in known)):
        return
    from ownership_lint.escape import visible

    what = "rule code or prefix" if prefix else "rule code"
    # Letters typed for digits (OL1O2) first: difflib alone would rank OL312 as close.
    digits = code[:2] + code[2:].translate(_LOOKALIKE_DIGITS)
    hint = f"did you mean '{digits}'?" if digits in known else did_you_mean(code, known)
    message = f"{where}: '{visible(code)}' is not a {what}. {hint}"
    raise ConfigError(f"{message.rstrip()} ('ownership-lint rules' lists them).")


def parse_config(table: Any, where: str, source: Path | None = None) -> Config:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    for key in table:
        if key not in KEYS:
            hint = did_you_mean(key, KEYS)
            raise ConfigError(
                f"{where}: unknown key '{key}'. {hint} Allowed: {', '.join(KEYS)}".replace(
                    "  ", " "
                )
            )
    config = Config(source=source)
    if "team-dir" in table:
        team_dir = relative_path(table["team-dir"], where, "team-dir", directory=True)
        config = replace(config, team_dir=team_dir)
    if "select" in table:
        config = replace(config, select=_codes(table["select"], where, "select"))
    if "ignore" in table:
        config = replace(config, ignore=_codes(table["ignore"], where, "ignore"))
    if "severity" in table:
        config = replace(config, severity=_severities(table["severity"], where))
    if "flavor" in table:
        if table["flavor"] not in DIALECTS:
            raise ConfigError(
                f'{where}: \'flavor\' is {table["flavor"]!r}; allowed: "github", "gitlab"'
            )
        config = replace(config, flavor=table["flavor"])
    if "policy" in table:
        config = replace(config, policy=_policy(table["policy"], where))
    if "docs-language" in table:
        language = table["docs-language"]
        if language not in DOCS_LANGUAGES:
            raise ConfigError(
                f"{where}: 'docs-language' is {language!r}; allowed: "
                + ", ".join(f'"{lang}"' for lang in DOCS_LANGUAGES)
            )
        config = replace(config, docs_language=language)
    if "docs-path" in table:
        config = replace(config, docs_path=relative_path(table["docs-path"], where, "docs-path"))
    if "matrix-path" in table:
        matrix_path = relative_path(table["matrix-path"], where, "matrix-path")
        config = replace(config, matrix_path=matrix_path)
    if "schemas-dir" in table:
        schemas_dir = relative_path(table["schemas-dir"], where, "schemas-dir", directory=True)
        config = replace(config, schemas_dir=schemas_dir)
    return config


def relative_path(value: Any, where: str, key: str, directory: bool = False) -> str:
    """A path relative to the repository root, in POSIX form, that stays inside it."""
    if not isinstance(value, str) or not value.strip():
        example = "team" if directory else "docs/TEAM.md"
        raise ConfigError(f"{where}: '{key}' must be a path such as \"{example}\"")
    if not is_visible(value):
        # A line break or control character in a path ends up in generated comments and
        # messages, where it would start lines of its own: no real directory needs one.
        raise ConfigError(
            f"{where}: '{key}' is {visible(value)!r}; a path may not contain line breaks, "
            "control characters or bidirectional controls"
        )
    path = value.strip().replace("\\", "/")
    if directory:
        path = path.rstrip("/")
    if not path.startswith("/"):
        path = PurePosixPath(path).as_posix()  # './team' and 'a//b' read as 'team', 'a/b'
    if path.startswith("/") or ".." in path.split("/") or path.endswith("/"):
        raise ConfigError(
            f"{where}: '{key}' is {value!r}; it must be a path inside the repository, "
            "relative to its root"
        )
    return path


def _policy(value: Any, where: str) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ConfigError(
            f"{where}: 'policy' must be a table such as {{ review_max_age_days = 90 }}"
        )
    for key, number in value.items():
        if key not in POLICY_KEYS:
            hint = did_you_mean(key, POLICY_KEYS)
            allowed = ", ".join(POLICY_KEYS)
            message = f"{where}: 'policy': unknown key '{key}'. {hint} Allowed: {allowed}"
            raise ConfigError(message.replace("  ", " "))
        minimum = 0 if key == "min_members_per_role" else 1
        if not isinstance(number, int) or isinstance(number, bool) or number < minimum:
            raise ConfigError(
                f"{where}: 'policy.{key}' must be a whole number of at least {minimum}"
            )
    return dict(value)


def _severities(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'severity' must be a table such as {{ OL213 = \"error\" }}")
    result: dict[str, Severity] = {}
    for code, level in value.items():
        check_code(code.upper(), f"{where}: 'severity'")
        if level not in ("error", "warning"):
            raise ConfigError(
                f"{where}: 'severity.{code}' is '{level}'; allowed: \"error\", \"warning\""
            )
        if level != "error" and code.upper() in catalogue.integrity_codes():
            raise ConfigError(
                f"{where}: 'severity': {_integrity_refusal(code.upper(), 'downgraded')}"
            )
        result[code.upper()] = Severity(level)
    return result
