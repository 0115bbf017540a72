"""Running kieumau: in-process through Typer's CliRunner (`invoke`), or as a real
process (`run_kieumau`) for what only a fresh interpreter shows. Both give a `Run`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tests.support.data import TODAY

Env = Mapping[str, str | None]  # None removes the variable


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        """stdout, then stderr."""
        return self.stdout + self.stderr


class Invoke(Protocol):
    """The `invoke` fixture, and runners built on it (`--root` already given…)."""

    def __call__(self, *args: str) -> Run: ...


def invoke(*args: str, env: Env | None = None, input: str | None = None) -> Run:
    """`kieumau ARGS` in this process. Exceptions other than SystemExit propagate, so a
    crash fails the test with its traceback."""
    from typer.testing import CliRunner

    from kieumau_cli.cli import app

    result = CliRunner().invoke(app, list(args), env=env, input=input, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def invoke_on(root: Path, *args: str, today: str = TODAY, **env: str) -> Run:
    """`kieumau --root ROOT ARGS` with a pinned date and no git above the data, set here
    rather than by the autouse fixture, so module-scoped fixtures can use it too."""
    environment: dict[str, str | None] = {
        "KIEUMAU_TODAY": today,
        "NO_COLOR": "1",
        "COLUMNS": "120",
        "GIT_CEILING_DIRECTORIES": str(root.parent),
        "KIEUMAU_ROOT": None,
        "KIEUMAU_DEBUG": None,
        "SOURCE_DATE_EPOCH": None,
        **env,
    }
    return invoke("--root", str(root), *args, env=environment)


def run_process(
    command: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Env | None = None,
    timeout: float | None = None,
) -> Run:
    """Run a program with this environment plus `env`; UTF-8 text in and out."""
    environment = dict(os.environ)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    done = subprocess.run(
        list(command),
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=timeout,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def run_kieumau(
    *args: str, cwd: Path | None = None, env: Env | None = None, timeout: float | None = None
) -> Run:
    """`python -m kieumau_cli ARGS` in a fresh interpreter."""
    return run_process(
        [sys.executable, "-m", "kieumau_cli", *args], cwd=cwd, env=env, timeout=timeout
    )
