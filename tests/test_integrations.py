"""The integrations: the pre-commit hooks, the GitHub Action and the GitLab CI template.

The pre-commit tests run the real `pre-commit` against a snapshot of this working tree
(tracked and untracked files as they are now, committed in a temporary repository:
`try-repo` on the checkout itself would see only committed files and changes to tracked
ones). Each `try-repo` call installs the package into a fresh environment of its own (a
temporary store: PRE_COMMIT_HOME does not apply), so only the test the issue asks for uses it;
the other hook tests name the snapshot in a consumer configuration, as users name a tag, and
share one install per session. Installing needs a package index (hatchling and the
dependencies). The action's and the GitLab job's scripts run under bash as the runners run
them, with `ownership-lint` running this source tree; the schema tests use the schemas
check-jsonschema ships. Every tool is optional: its tests skip, saying so, without it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from ownership_lint.catalogue.example_team import BASE_TEAM

from .conftest import REPO
from .repos import (
    HookRun,
    clean_env,
    git,
    git_repo,
    output,
    pre_commit,
    snapshot_of_this_tree,
)

MANIFEST = REPO / ".pre-commit-hooks.yaml"
CONFIG = REPO / ".pre-commit-config.yaml"
ACTION = REPO / "action.yml"
GITLAB_TEMPLATE = REPO / "ci" / "gitlab" / "ownership-lint.gitlab-ci.yml"

needs_pre_commit = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None,
    reason="pre-commit is not installed (pip install pre-commit)",
)
needs_check_jsonschema = pytest.mark.skipif(
    importlib.util.find_spec("check_jsonschema") is None,
    reason="check-jsonschema is not installed (pip install check-jsonschema)",
)
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")

# The base team judged by the real clock, as a hook judges it: it never goes stale.
GOOD_TEAM = {
    **BASE_TEAM,
    "team/team.yaml": BASE_TEAM["team/team.yaml"].replace(
        "review_max_age_days: 180", "review_max_age_days: 99999"
    ),
}
DEVOPS = "team/roles/devops.yaml"


def claimed_twice() -> dict[str, str]:
    """The good team with devops also owning the SRE's 'alerts.rules': OL102."""
    role = GOOD_TEAM[DEVOPS].replace(
        "responsibilities: [pipelines.development]",
        "responsibilities: [pipelines.development, alerts.rules]",
    )
    assert role != GOOD_TEAM[DEVOPS], "the base team changed: update claimed_twice()"
    return {**GOOD_TEAM, DEVOPS: role}


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def manifest_hooks() -> dict[str, dict[str, Any]]:
    return {hook["id"]: hook for hook in load_yaml(MANIFEST)}


@pytest.fixture
def source_bin(tmp_path: Path) -> Path:
    """A bin directory whose `ownership-lint` runs this source tree, as the action's
    install step or the GitLab job's pip would (the install step is tested end to end too)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "ownership-lint"
    shim.write_text(
        f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" -m ownership_lint "$@"\n'
    )
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    return bin_dir


# --- the manifest and this repository's configuration -----------------------------------------


def test_manifest_hooks_read_the_whole_team_whatever_files_pre_commit_passes() -> None:
    hooks = manifest_hooks()
    assert {"ownership-lint", "ownership-lint-codeowners"} <= set(hooks)
    assert hooks["ownership-lint"]["entry"] == "ownership-lint check"
    assert hooks["ownership-lint-codeowners"]["entry"] == "ownership-lint codeowners generate"
    for hook_id, hook in hooks.items():
        assert hook["pass_filenames"] is False, hook_id
        assert hook["language"] == "python", hook_id
        assert hook["entry"].startswith("ownership-lint "), hook_id


@pytest.mark.parametrize(
    ("path", "runs"),
    [
        ("team/team.yaml", True),
        ("team/roles/sre.yaml", True),
        ("team/path-ownership", True),
        ("CODEOWNERS", True),
        (".github/CODEOWNERS", True),
        (".gitlab/CODEOWNERS", True),
        ("docs/CODEOWNERS", True),
        (".ownership-lint.toml", True),
        ("pyproject.toml", True),
        ("docs/TEAM.md", True),
        ("docs/ownership-matrix.svg", True),
        ("docs/other.md", False),
        ("README.md", False),
        ("src/team/main.py", False),
        ("teams/sre.yaml", False),
        ("services/api/pyproject.toml", False),
        ("CODEOWNERS.orig", False),
        ("docs/MY-CODEOWNERS", False),
    ],
)
def test_hooks_run_when_the_team_config_or_codeowners_change(path: str, runs: bool) -> None:
    # pre-commit selects a hook's files with re.search on the repository-relative path.
    for hook_id, hook in manifest_hooks().items():
        assert bool(re.search(hook["files"], path)) is runs, (hook_id, path)


def test_repository_config_declares_the_published_hooks() -> None:
    published = manifest_hooks()
    local = [repo for repo in load_yaml(CONFIG)["repos"] if repo["repo"] == "local"]
    assert local, "the configuration has no local hooks"
    hooks = [hook for repo in local for hook in repo["hooks"]]
    assert {hook["id"] for hook in hooks} <= set(published)
    assert "ownership-lint" in {hook["id"] for hook in hooks}
    for hook in hooks:
        twin = published[hook["id"]]
        # The same command, run from the source being committed instead of an installed copy.
        assert hook["entry"] == "python -m ownership_lint " + twin["entry"].removeprefix(
            "ownership-lint "
        )
        for key in ("files", "pass_filenames", "require_serial"):
            assert hook.get(key) == twin.get(key), (hook["id"], key)


@needs_pre_commit
def test_pre_commit_accepts_the_manifest(tmp_path: Path) -> None:
    done = pre_commit(tmp_path / "home", REPO, "validate-manifest", str(MANIFEST))
    assert done.returncode == 0, output(done)
    # and the same call refuses a broken one, so the pass above means something
    broken = tmp_path / "broken.yaml"
    hooks = load_yaml(MANIFEST)
    del hooks[0]["entry"]
    broken.write_text(yaml.safe_dump(hooks), encoding="utf-8")
    done = pre_commit(tmp_path / "home", REPO, "validate-manifest", str(broken))
    assert done.returncode != 0
    assert "entry" in output(done)


@needs_pre_commit
def test_pre_commit_accepts_the_repository_config(tmp_path: Path) -> None:
    done = pre_commit(tmp_path / "home", REPO, "validate-config", str(CONFIG))
    assert done.returncode == 0, output(done)


@needs_pre_commit
@needs_git
def test_repository_config_runs_on_this_tree_and_fails_on_a_broken_team(
    tmp_path: Path, pre_commit_home: Path
) -> None:
    tree = snapshot_of_this_tree(tmp_path / "tree")
    # `language: system` runs `python -m ownership_lint`: the Python running these tests.
    python_dir = str(Path(sys.executable).parent)
    done = pre_commit(
        pre_commit_home, tree, "run", "--all-files", "--color=never", path_prefix=python_dir
    )
    assert done.returncode == 0, output(done)
    assert re.search(r"ownership-lint check\.+Passed", done.stdout), done.stdout
    assert re.search(r"Check hooks apply to the repository\.+Passed", done.stdout), done.stdout

    role = tree / "team" / "roles" / "sre.yaml"
    text = role.read_text(encoding="utf-8")
    assert "incidents.postmortems" in text, "the shipped team changed: pick another id"
    role.write_text(text.replace("incidents.postmortems", "incidents.postmortem"), "utf-8")
    git(tree, "add", "--all")
    done = pre_commit(
        pre_commit_home, tree, "run", "--all-files", "--color=never", path_prefix=python_dir
    )
    assert done.returncode == 1, output(done)
    assert "OL201 unknown responsibility 'incidents.postmortem'" in done.stdout


# --- the published hooks, as a consumer repository runs them ---------------------------------


@pytest.fixture
def try_repo(hooks_repo: Path, tmp_path: Path) -> HookRun:
    """`pre-commit try-repo <snapshot> HOOK ARGS` (default --all-files) in a consumer repo.

    try-repo keeps its hook environments in a temporary store of its own (PRE_COMMIT_HOME
    does not apply), so every call installs the package afresh: two calls in all."""

    def run(consumer: Path, hook: str, *args: str) -> subprocess.CompletedProcess[str]:
        return pre_commit(
            tmp_path / "home",
            consumer,
            "try-repo",
            str(hooks_repo),
            hook,
            "--color=never",
            *(args or ("--all-files",)),
        )

    return run


@needs_pre_commit
@needs_git
def test_try_repo_check_passes_on_a_good_team_and_fails_with_the_finding_on_a_bad_one(
    try_repo: HookRun, tmp_path: Path
) -> None:
    consumer = git_repo(tmp_path / "good", GOOD_TEAM)
    done = try_repo(consumer, "ownership-lint")
    assert done.returncode == 0, output(done)
    assert re.search(r"ownership-lint check\.+Passed", done.stdout), done.stdout

    consumer = git_repo(tmp_path / "bad", claimed_twice())
    done = try_repo(consumer, "ownership-lint")
    assert done.returncode == 1, output(done)
    assert re.search(r"ownership-lint check\.+Failed", done.stdout), done.stdout
    assert "OL102 responsibility 'alerts.rules' is owned by 2 roles" in done.stdout
    assert "team/roles/devops.yaml" in done.stdout


@needs_pre_commit
@needs_git
def test_check_hook_sees_the_whole_team_when_another_file_is_committed(
    run_hook: HookRun, tmp_path: Path
) -> None:
    consumer = git_repo(tmp_path / "consumer", claimed_twice())
    # Only team.yaml is "staged": the broken role file is not passed, and still checked.
    done = run_hook(consumer, "ownership-lint", "--files", "team/team.yaml")
    assert done.returncode == 1, output(done)
    assert "OL102" in done.stdout
    # A commit that touches no team file does not run the hook at all.
    done = run_hook(consumer, "ownership-lint", "--files", "alerts/cpu.yaml")
    assert done.returncode == 0, output(done)
    assert re.search(r"ownership-lint check\.+\(no files to check\)Skipped", done.stdout)


def codeowners_files(consumer: Path) -> list[str]:
    """The CODEOWNERS files that are new or changed in the work tree (not yet staged)."""
    status = git(consumer, "status", "--porcelain", "--untracked-files=all")
    # XY path: Y is the work tree's side ('?' untracked, 'M' modified, ' ' as staged).
    return [
        line[3:] for line in status.splitlines() if line.endswith("CODEOWNERS") and line[1] != " "
    ]


@needs_pre_commit
@needs_git
def test_codeowners_hooks_catch_and_rewrite_a_stale_file(run_hook: HookRun, tmp_path: Path) -> None:
    consumer = git_repo(tmp_path / "consumer", GOOD_TEAM)
    run_hook(consumer, "ownership-lint-codeowners")  # the first generation
    [written] = codeowners_files(consumer)
    git(consumer, "add", "--all")
    assert run_hook(consumer, "ownership-lint-codeowners-check").returncode == 0

    # The SRE's handle changes in team/: the committed CODEOWNERS is stale.
    role = consumer / "team" / "roles" / "sre.yaml"
    role.write_text(role.read_text().replace("@sre-sam", "@sre-sally"), encoding="utf-8")
    git(consumer, "add", "--all")
    stale = (consumer / written).read_text(encoding="utf-8")

    done = run_hook(consumer, "ownership-lint-codeowners-check")
    assert done.returncode == 1, output(done)
    assert (consumer / written).read_text(encoding="utf-8") == stale  # --check writes nothing

    done = run_hook(consumer, "ownership-lint-codeowners")
    assert done.returncode == 1, output(done)
    assert "files were modified by this hook" in done.stdout
    assert codeowners_files(consumer) == [written]
    regenerated = (consumer / written).read_text(encoding="utf-8")
    assert re.search(r"^/alerts/\s+@sre-sally$", regenerated, re.MULTILINE), regenerated

    # Staged as is, it is what team/ generates: both hooks pass and nothing changes.
    git(consumer, "add", "--all")
    for hook in ("ownership-lint-codeowners", "ownership-lint-codeowners-check"):
        done = run_hook(consumer, hook)
        assert done.returncode == 0, output(done)
    assert not codeowners_files(consumer)
    assert (consumer / written).read_text(encoding="utf-8") == regenerated


@needs_pre_commit
@needs_git
def test_codeowners_hook_fails_the_commit_that_first_creates_the_file(
    run_hook: HookRun, tmp_path: Path
) -> None:
    """pre-commit notices changes to tracked files only: a CODEOWNERS written for the first
    time goes unnoticed unless the command itself exits non-zero, and the commit would go
    through without the file."""
    consumer = git_repo(tmp_path / "consumer", GOOD_TEAM)
    done = run_hook(consumer, "ownership-lint-codeowners")
    [written] = codeowners_files(consumer)
    assert re.search(
        r"^/alerts/\s+@sre-sam$", (consumer / written).read_text(encoding="utf-8"), re.MULTILINE
    )
    assert done.returncode == 1, output(done)


# --- the README's examples pin what exists -----------------------------------------------------


def test_readme_pins_a_commit_or_a_tag_the_repository_carries() -> None:
    """`rev: v0.1.0` failed in pre-commit: the repository has no such tag. Every pin in the
    examples is a full commit SHA (its placeholder) or a tag that exists."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pins = re.findall(r"^\s*rev:\s*(\S+(?: \S+ \S+)?)", readme, re.MULTILINE)
    pins += re.findall(r"OWNER/ownership-lint@(<[^>]+>|\S+)", readme)
    pins += re.findall(r"raw\.githubusercontent\.com/OWNER/ownership-lint/(<[^>]+>|[^/]+)/", readme)
    pins += re.findall(r"OWNERSHIP_LINT_REVISION:\s*(<[^>]+>|\S+)", readme)
    assert len(pins) >= 5, pins
    listed = subprocess.run(
        ["git", "tag", "--list"], cwd=REPO, env=clean_env(), capture_output=True, text=True
    )
    tags = set(listed.stdout.split()) if listed.returncode == 0 else set()
    for pin in pins:
        assert (
            pin in ("<full commit SHA>", "<the same commit SHA>")
            or re.fullmatch(r"[0-9a-f]{40}", pin)
            or pin in tags
        ), pin


# --- the schemas the platforms publish --------------------------------------------------------


def check_jsonschema(schema: str, path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *extra, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_check_jsonschema
def test_action_matches_the_github_action_schema(tmp_path: Path) -> None:
    done = check_jsonschema("vendor.github-actions", ACTION)
    assert done.returncode == 0, output(done)
    # The same validation refuses a composite step without its required shell.
    action = load_yaml(ACTION)
    del action["runs"]["steps"][-1]["shell"]
    broken = tmp_path / "action.yml"
    broken.write_text(yaml.safe_dump(action), encoding="utf-8")
    assert check_jsonschema("vendor.github-actions", broken).returncode == 1


@needs_check_jsonschema
def test_gitlab_template_matches_the_gitlab_ci_schema(tmp_path: Path) -> None:
    done = check_jsonschema("vendor.gitlab-ci", GITLAB_TEMPLATE, "--data-transform", "gitlab-ci")
    assert done.returncode == 0, output(done)
    template = load_yaml(GITLAB_TEMPLATE)
    template["ownership-lint"]["artifacts"]["when"] = "sometimes"
    broken = tmp_path / "template.yml"
    broken.write_text(yaml.safe_dump(template), encoding="utf-8")
    assert check_jsonschema("vendor.gitlab-ci", broken).returncode == 1


PINNED = "0123456789abcdef0123456789abcdef01234567"


def run_gitlab_job(
    workspace: Path, bin_dir: Path, **variables: str
) -> subprocess.CompletedProcess[str]:
    """The template job's script as a GitLab runner runs it: one shell, the job's variables in
    the environment (the revision pinned, unless given), stopping at the first line that
    fails. `pip` only records what it was asked to install, in bin_dir/pip.args (bin_dir's
    ownership-lint runs this source tree)."""
    job = load_yaml(GITLAB_TEMPLATE)["ownership-lint"]
    pip = bin_dir / "pip"
    pip.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{bin_dir}/pip.args"\n')
    pip.chmod(pip.stat().st_mode | stat.S_IXUSR)
    variables = {"OWNERSHIP_LINT_REVISION": PINNED, **variables}
    env = clean_env(**({k: str(v) for k, v in job["variables"].items()} | variables))
    env["PATH"] = str(bin_dir) + os.pathsep + env["PATH"]
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-c", "\n".join(job["script"])],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@needs_bash
@needs_git
def test_gitlab_job_writes_the_code_quality_report_and_fails_on_findings(
    tmp_path: Path, source_bin: Path
) -> None:
    job = load_yaml(GITLAB_TEMPLATE)["ownership-lint"]
    report_name = job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always"  # the report is kept when the job fails

    workspace = git_repo(tmp_path / "bad", claimed_twice())
    done = run_gitlab_job(workspace, source_bin)
    assert done.returncode == 1, output(done)
    assert "OL102 responsibility 'alerts.rules' is owned by 2 roles" in done.stdout
    report = json.loads((workspace / report_name).read_text(encoding="utf-8"))
    assert "OL102" in {issue["check_name"].split()[0] for issue in report}

    workspace = git_repo(tmp_path / "good", GOOD_TEAM)
    done = run_gitlab_job(workspace, source_bin)
    assert done.returncode == 0, output(done)
    assert json.loads((workspace / report_name).read_text(encoding="utf-8")) == []


@needs_bash
@needs_git
def test_gitlab_job_installs_this_repository_at_the_pinned_revision(
    tmp_path: Path, source_bin: Path
) -> None:
    job = load_yaml(GITLAB_TEMPLATE)["ownership-lint"]
    assert job["variables"]["OWNERSHIP_LINT_PACKAGE"] == ""  # no PyPI name by default
    workspace = git_repo(tmp_path / "good", GOOD_TEAM)
    done = run_gitlab_job(workspace, source_bin)
    assert done.returncode == 0, output(done)
    repository = job["variables"]["OWNERSHIP_LINT_REPOSITORY"]
    args = (source_bin / "pip.args").read_text().split()
    assert args == ["install", "--quiet", f"git+{repository}@{PINNED}"]
    # Without a revision the job stops before installing anything, saying what to set.
    (source_bin / "pip.args").unlink()
    done = run_gitlab_job(workspace, source_bin, OWNERSHIP_LINT_REVISION="")
    assert done.returncode == 2
    assert "set OWNERSHIP_LINT_REVISION to the commit SHA" in done.stderr
    assert not (source_bin / "pip.args").exists()
    # A package named instead is installed as named.
    done = run_gitlab_job(
        workspace, source_bin, OWNERSHIP_LINT_REVISION="", OWNERSHIP_LINT_PACKAGE="./vendor/ol"
    )
    assert done.returncode == 0, output(done)
    assert (source_bin / "pip.args").read_text().split() == ["install", "--quiet", "./vendor/ol"]


@needs_bash
@needs_git
def test_gitlab_job_passes_its_args_variable_to_both_checks(
    tmp_path: Path, source_bin: Path
) -> None:
    workspace = git_repo(tmp_path / "bad", claimed_twice())
    done = run_gitlab_job(workspace, source_bin, OWNERSHIP_LINT_ARGS="--ignore OL102")
    assert done.returncode == 0, output(done)
    report = json.loads((workspace / "gl-code-quality-report.json").read_text("utf-8"))
    assert "OL102" not in {issue["check_name"].split()[0] for issue in report}


# --- the composite action's scripts, run as the runner runs them -------------------------------

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def resolve(value: object, context: Mapping[str, str]) -> str:
    """Substitute `${{ name }}`; an expression the test does not know is an error."""

    def one(match: re.Match[str]) -> str:
        if match.group(1) not in context:
            raise KeyError(f"the action uses ${{{{ {match.group(1)} }}}}: teach the test it")
        return context[match.group(1)]

    return EXPRESSION.sub(one, str(value))


class Runner:
    """The parts of a GitHub runner that the action's `run` steps see: inputs with their
    defaults, step outputs, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, bash -eo pipefail."""

    def __init__(self, workspace: Path, temp: Path, inputs: Mapping[str, str]) -> None:
        action = load_yaml(ACTION)
        self.action = action
        self.steps = {step["id"]: step for step in action["runs"]["steps"]}
        self.workspace = workspace
        self.temp = temp
        self.summary = temp / "step-summary.md"
        self.summary.touch()
        unknown = set(inputs) - set(action["inputs"])
        assert not unknown, f"no such inputs: {unknown}"
        self.context = {
            f"inputs.{name}": str(inputs.get(name, spec.get("default", "")))
            for name, spec in action["inputs"].items()
        }
        self.context |= {"github.action_path": str(REPO), "runner.temp": str(temp)}

    def run(self, step_id: str, path: str = "") -> subprocess.CompletedProcess[str]:
        step = self.steps[step_id]
        assert step["shell"] == "bash"
        outputs = self.temp / f"{step_id}.output"
        outputs.write_text("")
        script = self.temp / f"{step_id}.sh"
        script.write_text(step["run"], encoding="utf-8")
        env = clean_env(GITHUB_OUTPUT=str(outputs), GITHUB_STEP_SUMMARY=str(self.summary))
        if path:
            env["PATH"] = path + os.pathsep + env["PATH"]
        env |= {key: resolve(value, self.context) for key, value in step.get("env", {}).items()}
        workdir = self.workspace / resolve(step.get("working-directory", "."), self.context)
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        for line in outputs.read_text().splitlines():
            key, _, value = line.partition("=")
            self.context[f"steps.{step_id}.outputs.{key}"] = value
        return done

    def output(self, name: str) -> str:
        return resolve(self.action["outputs"][name]["value"], self.context)


def runner_on(team: Mapping[str, str], tmp_path: Path, **inputs: str) -> Runner:
    workspace = git_repo(tmp_path / "workspace", team)
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    return Runner(workspace, temp, inputs)


@needs_bash
@needs_git
def test_action_annotates_summarises_and_fails_on_findings(
    tmp_path: Path, source_bin: Path
) -> None:
    runner = runner_on(claimed_twice(), tmp_path)
    runner.context["steps.install.outputs.bin"] = str(source_bin)
    done = runner.run("check")
    assert done.returncode == 1, output(done)
    assert runner.output("exit-code") == "1"
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    # The conflict at both claims: the pull request's own line among them.
    assert len(annotations) == 2, done.stdout
    assert "file=team/roles/devops.yaml,line=5" in annotations[0]
    assert "file=team/roles/sre.yaml,line=5" in annotations[1]
    assert "OL102" in runner.summary.read_text(encoding="utf-8")


@needs_bash
@needs_git
def test_action_passes_on_a_good_team(tmp_path: Path, source_bin: Path) -> None:
    runner = runner_on(GOOD_TEAM, tmp_path)
    runner.context["steps.install.outputs.bin"] = str(source_bin)
    done = runner.run("check")
    assert done.returncode == 0, output(done)
    assert runner.output("exit-code") == "0"
    assert "::error" not in done.stdout


@needs_bash
@needs_git
def test_action_args_are_split_into_words_and_sarif_is_written(
    tmp_path: Path, source_bin: Path
) -> None:
    runner = runner_on(
        claimed_twice(), tmp_path, args="--ignore OL102  --quiet", **{"sarif-file": "out.sarif"}
    )
    runner.context["steps.install.outputs.bin"] = str(source_bin)
    done = runner.run("check")
    assert done.returncode == 0, output(done)  # OL102 ignored: the two words reached check
    sarif = json.loads((runner.workspace / "out.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert "OL102" not in {r["ruleId"] for r in sarif["runs"][0]["results"]}


@needs_bash
@needs_git
def test_action_sarif_file_keeps_findings_and_the_failure(tmp_path: Path, source_bin: Path) -> None:
    runner = runner_on(claimed_twice(), tmp_path, **{"sarif-file": "out.sarif"})
    runner.context["steps.install.outputs.bin"] = str(source_bin)
    done = runner.run("check")
    assert done.returncode == 1, output(done)
    sarif = json.loads((runner.workspace / "out.sarif").read_text(encoding="utf-8"))
    assert "OL102" in {r["ruleId"] for r in sarif["runs"][0]["results"]}


@needs_bash
@needs_git
def test_action_exits_2_on_a_usage_error(tmp_path: Path, source_bin: Path) -> None:
    runner = runner_on(GOOD_TEAM, tmp_path, args="--no-such-flag")
    runner.context["steps.install.outputs.bin"] = str(source_bin)
    done = runner.run("check")
    assert done.returncode == 2, output(done)
    assert runner.output("exit-code") == "2"


@needs_bash
@needs_git
def test_action_appends_the_ownership_diff_to_the_summary(tmp_path: Path, source_bin: Path) -> None:
    workspace = git_repo(tmp_path / "workspace", GOOD_TEAM)
    git(workspace, "commit", "--quiet", "--no-verify", "-m", "base")
    role = workspace / "team" / "roles" / "sre.yaml"
    role.write_text(role.read_text().replace("@sre-sam", "@sre-sally"), encoding="utf-8")
    git(workspace, "add", "--all")
    for diff_args, expected in (("", 0), ("--fail-on member-removed", 1)):
        temp = tmp_path / f"runner-temp-{expected}"
        temp.mkdir()
        runner = Runner(workspace, temp, {"diff-base": "HEAD", "diff-args": diff_args})
        runner.context["steps.install.outputs.bin"] = str(source_bin)
        done = runner.run("check")
        assert done.returncode == expected, output(done)
        assert runner.output("exit-code") == str(expected)
        summary = runner.summary.read_text(encoding="utf-8")
        assert "-@sre-sam" in summary, summary  # the diff, in Markdown
        assert "ownership-lint" in summary.split("-@sre-sam")[0]  # after the check's summary


@needs_bash
@needs_git
def test_action_installs_its_own_source_and_checks(tmp_path: Path, hooks_repo: Path) -> None:
    """The install step end to end: a virtual environment, pip install of the action's
    checkout (here the snapshot of this tree; builds from PyPI), then the check step."""
    runner = runner_on(claimed_twice(), tmp_path)
    runner.context["github.action_path"] = str(hooks_repo)
    runner.context["steps.python.outputs.python-path"] = sys.executable  # setup-python's
    install = runner.run("install")
    assert install.returncode == 0, output(install)
    from ownership_lint import __version__

    assert __version__ in install.stdout
    bin_dir = Path(runner.context["steps.install.outputs.bin"])
    assert bin_dir.parent == tmp_path / "runner-temp" / "ownership-lint-venv"
    done = runner.run("check")
    assert done.returncode == 1, output(done)
    assert "::error file=team/roles/sre.yaml" in done.stdout
