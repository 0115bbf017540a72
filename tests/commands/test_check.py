"""`kieumau check` end to end (the acceptance cases: tests/check/test_examples.py; the
formats: tests/check/test_formats.py; git history: tests/check/test_history.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import Invoke


def test_github_format_keeps_the_summary_on_stderr(findings_root: Path, invoke: Invoke) -> None:
    result = invoke("check", "--format", "github")
    kinds = [line.split(" ", 1)[0] for line in result.stdout.splitlines()]
    assert kinds == ["::error", "::error", "::warning", "::warning"]
    assert "lỗi" in result.stderr


def test_parallel_check_gives_the_same_output(
    findings_root: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIEUMAU_JOBS", "1")
    alone = invoke("check", "--format", "json")
    monkeypatch.setenv("KIEUMAU_JOBS", "2")
    split = invoke("check", "--format", "json")
    assert (split.exit_code, split.stdout) == (alone.exit_code, alone.stdout)
    assert len(json.loads(split.stdout)) == 4
