"""GitHub Actions reads every line a step prints (standard output and error) for workflow
commands. Values from the linted repository (YAML keys, file names under team/, tracked file
names, configuration keys) must never become a command of their own: the only commands in the
log are the annotations ownership-lint means, one per finding."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ownership_lint import escape
from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import Run, commit_all, write_files

FORGED = "x\n::error file=README.md,line=1::forged"
FORGED_V1 = "##[error file=README.md]forged"
# A name that is itself a command when a line starts with it.
LEADING = "::error file=README.md,line=1::forged"
ROLE = "team/roles/sre.yaml"
# The commands the runner knows (actions/runner, ActionCommandManager and its extensions).
REGISTERED = {
    "error",
    "warning",
    "notice",
    "debug",
    "group",
    "endgroup",
    "echo",
    "add-mask",
    "add-matcher",
    "remove-matcher",
    "set-output",
    "save-state",
    "set-env",
    "add-path",
    "stop-commands",
}


def runner_commands(log: str) -> list[tuple[str, str, str]]:
    """The commands GitHub's runner executes for `log`: (name, properties, data), parsed as
    ActionCommand.TryParseV2 (`::name props::data` after leading whitespace) and TryParse
    (`##[name props]data` anywhere in a line) do, with `stop-commands` honoured. Lines end
    at \\n, \\r\\n or a lone \\r, as .NET's ReadLine reads them."""
    commands: list[tuple[str, str, str]] = []
    stopped: str | None = None
    for line in re.split(r"\r\n|\r|\n", log):
        parsed = _v2(line) or _v1(line)
        if parsed is None:
            continue
        name, props, data = parsed
        if stopped is not None:
            if name.lower() == stopped.lower():
                stopped = None
            continue
        if name.lower() not in REGISTERED:
            continue
        if name.lower() == "stop-commands":
            stopped = data
            continue
        commands.append((name, props, data))
    return commands


def _v2(line: str) -> tuple[str, str, str] | None:
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    name, _, props = message[2:end].partition(" ")
    return name, props, message[end + 2 :]


def _v1(line: str) -> tuple[str, str, str] | None:
    start = line.find("##[")
    end = line.find("]", start) if start >= 0 else -1
    if end < 0:
        return None
    name, _, props = line[start + 3 : end].partition(" ")
    return name, props, line[end + 1 :]


def annotated_files(commands: list[tuple[str, str, str]]) -> list[str]:
    files = []
    for name, props, _ in commands:
        assert name in ("error", "warning"), (name, props)
        prop = dict(p.split("=", 1) for p in props.split(","))
        for escaped, char in (
            ("%0D", "\r"),
            ("%0A", "\n"),
            ("%3A", ":"),
            ("%2C", ","),
            ("%25", "%"),
        ):
            prop["file"] = prop["file"].replace(escaped, char)
        files.append(prop["file"])
    return files


def hostile_team(root: Path, where: str, value: str) -> Path:
    files: dict[str, str] = dict(BASE_TEAM)
    if where == "yaml key":
        files[ROLE] = BASE_TEAM[ROLE] + f"{json.dumps(value)}: 1\n"
    elif where == "team file name":
        files[f"team/{value}"] = ""
    return write_files(root, files)


def strings(document: object) -> list[str]:
    """Every string in a parsed JSON document."""
    if isinstance(document, str):
        return [document]
    if isinstance(document, dict):
        return [s for value in document.values() for s in strings(value)]
    if isinstance(document, list):
        return [s for value in document for s in strings(value)]
    return []


@pytest.mark.parametrize("value", [FORGED, FORGED_V1, "\r::warning::forged\r"])
@pytest.mark.parametrize("where", ["yaml key", "team file name"])
def test_github_format_annotates_each_finding_and_nothing_else(
    run: Run, tmp_path: Path, where: str, value: str
) -> None:
    root = hostile_team(tmp_path, where, value)
    # The tracked files are known, so that every annotation is a finding's.
    paths = write_files(tmp_path / "listing", {"files.txt": "alerts/cpu.yaml\n"}) / "files.txt"
    args = ("check", "--root", str(root), "--paths-from", str(paths))
    _, report, _ = run(*args, "--format", "json")
    findings = json.loads(report)["findings"]
    if where == "yaml key":
        assert any(value in f["message"] for f in findings)
    else:
        assert f"team/{value}" in [f["path"] for f in findings]
    _, out, err = run(*args, "--format", "github")
    assert annotated_files(runner_commands(out + err)) == [f["path"] for f in findings]
    # The readable copy is all there, between the stop and the resume the runner needs.
    assert out.splitlines()[-2].startswith("Found ")


def test_tracked_file_names_are_no_commands(run: Run, tmp_path: Path) -> None:
    names = [FORGED, LEADING, FORGED_V1]
    files = {"CODEOWNERS": "/src/ @octocat\n", "src/a.c": ""} | dict.fromkeys(names, "")
    root = commit_all(write_files(tmp_path, files))
    code, out, err = run("codeowners", "lint", "--root", str(root), "--unowned")
    assert code == 0
    assert runner_commands(out + err) == []
    # A line starting with the name starts with an escaped colon instead.
    assert (
        f"\\x3a{LEADING[1:]}:1:1: OL310 warning: '{LEADING}' has no owner in CODEOWNERS"
        in out.splitlines()
    )
    _, out, err = run("codeowners", "lint", "--root", str(root), "--unowned", "--format", "github")
    assert sorted(annotated_files(runner_commands(out + err))) == sorted([*names, "CODEOWNERS"])


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "gitlab"])
def test_other_formats_print_no_command(run: Run, tmp_path: Path, fmt: str) -> None:
    key = f"{FORGED} {FORGED_V1}"
    root = hostile_team(tmp_path, "yaml key", key)
    write_files(root, {f"team/{LEADING}": ""})
    code, out, err = run("check", "--root", str(root), "--format", fmt)
    assert code == 1
    assert runner_commands(out + err) == []
    if fmt != "text":  # what a JSON parser reads is the value itself
        assert any(key in s for s in strings(json.loads(out)))


def test_error_messages_print_no_command(run: Run, tmp_path: Path) -> None:
    root = hostile_team(tmp_path, "none", "")
    (root / ".ownership-lint.toml").write_text(f"{json.dumps(FORGED + FORGED_V1)} = 1\n")
    code, out, err = run("check", "--root", str(root), "--format", "github")
    assert code == 2
    assert "unknown key" in err
    assert runner_commands(out + err) == []


def test_the_stop_token_cannot_be_predicted_by_the_text() -> None:
    # Text that tries to resume command processing early, or to stop it for good.
    hostile = "::stop-commands::x\n::x::\n::error::forged\n##[error]forged\n"
    wrapped = escape.workflow_inert(hostile)
    assert runner_commands(wrapped + "::error file=a::after\n") == [("error", "file=a", "after")]
    assert escape.workflow_inert(hostile) == wrapped  # deterministic
    assert escape.workflow_inert("") == ""


@pytest.mark.parametrize(
    "value", [LEADING, "  " + LEADING, FORGED_V1, "a##[error]b", "\u3000::error::x"]
)
def test_visible_defuses_workflow_commands(value: str) -> None:
    assert runner_commands(escape.visible(value)) == []
    assert runner_commands("  " + escape.visible(value)) == []
