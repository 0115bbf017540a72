"""The pre-commit hook and the example GitHub workflow do what they say."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.support.cli import invoke, run_process
from tests.support.data import REPO, TODAY, copy_example

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
WORKFLOW = REPO / "examples" / "github-workflow.yml"


def _hook() -> dict[str, Any]:
    (hook,) = [hook for hook in HOOKS if hook["id"] == "kieumau-check"]
    return dict(hook)


def _command(entry: str) -> list[str]:
    """The hook's entry as pre-commit would run it from the hook's virtualenv."""
    program, *args = shlex.split(entry)
    found = shutil.which(program, path=str(Path(sys.executable).parent))
    return [found, *args] if found else [sys.executable, "-m", "kieumau_cli", *args]


def test_hook_definition() -> None:
    hook = _hook()
    assert hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["kieumau", "check"]
    files = re.compile(hook["files"])
    for path in ("wards/thanh-hoa/phuong-dong-son.yaml", "criteria/cap-kieu-mau/2023.yaml"):
        assert files.search(path)
        assert files.search("data/" + path)
    for path in ("README.md", "wards/x.yaml", "schemas/ward.schema.json", "wards/a/b/c.yaml"):
        assert not files.search(path)


def test_hook_entry_fails_on_a_bad_file(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "repo")
    bad = root / "wards" / "tinh-mau" / "phuong-mau.yaml"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("    owner:", "    ownr:", 1), encoding="utf-8"
    )
    good = root / "criteria" / "bo-mau" / "1.yaml"
    env = {"KIEUMAU_TODAY": TODAY, "NO_COLOR": "1", "KIEUMAU_ROOT": None}
    # pre-commit runs the entry from the repository's top with the staged files as arguments.
    relative = [str(path.relative_to(root)) for path in (good, bad)]
    done = run_process([*_command(_hook()["entry"]), *relative], cwd=root, env=env)
    assert done.exit_code == 1, done.stderr
    assert done.stdout.startswith(
        "wards/tinh-mau/phuong-mau.yaml:27:5: error[unknown-key]: khóa không hợp lệ 'ownr'"
    )
    # A criteria set alone is checked with the wards that pin it: staging only the set
    # must not pass while a ward it judges is broken (the hook hands over staged files).
    alone = run_process(
        [*_command(_hook()["entry"]), str(good.relative_to(root))], cwd=root, env=env
    )
    assert alone.exit_code == 1
    assert alone.stdout == done.stdout
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("    ownr:", "    owner:", 1), encoding="utf-8"
    )
    clean = run_process(
        [*_command(_hook()["entry"]), str(good.relative_to(root))], cwd=root, env=env
    )
    assert clean.exit_code == 0, clean.stdout


def _steps() -> list[dict[str, Any]]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_example_workflow_installs_from_a_pinned_commit_of_the_repository() -> None:
    """Never `pip install kieumau` by name: nobody owns that name on the package index."""
    installs = [step["run"] for step in _steps() if "pip install" in step.get("run", "")]
    assert installs == ['pip install "kieumau @ git+${KIEUMAU_REPOSITORY}@${KIEUMAU_COMMIT}"']
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert len(workflow["env"]["KIEUMAU_COMMIT"]) == 40


def test_example_workflow_annotates_and_uploads_sarif() -> None:
    steps = _steps()
    runs = [step.get("run", "") for step in steps]
    assert any(run.strip() == "kieumau check --format github" for run in runs)
    (sarif_step,) = [run for run in runs if "--format sarif" in run]
    (upload,) = [
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    ]
    assert upload["with"]["sarif_file"] in sarif_step
    assert upload.get("if") == "always()"
    for run in runs:
        if run.startswith("kieumau "):
            # Every command the workflow runs parses with this CLI.
            args = shlex.split(
                run.split(">")[0].split("||")[0].replace("${{", "").replace("}}", "")
            )
            result = invoke(*args[1:], "--help")
            assert result.exit_code == 0, run


CHECK_JSONSCHEMA = shutil.which(
    "check-jsonschema", path=str(Path(sys.executable).parent)
) or shutil.which("check-jsonschema")


def test_example_workflow_is_a_valid_github_workflow() -> None:
    assert CHECK_JSONSCHEMA is not None, "check-jsonschema comes with the test extra"
    done = run_process(
        [CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)]
    )
    assert done.exit_code == 0, done.stdout + done.stderr
