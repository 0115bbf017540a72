"""Data-root discovery: --root, $KIEUMAU_ROOT, walking up, bundled data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kieumau_cli.load.files import find_root
from tests.support.cli import Invoke
from tests.support.data import REPO


def test_root_option_env_and_walk_up(example_root: Path, tmp_path: Path) -> None:
    nested = example_root / "wards" / "tinh-mau"
    assert find_root(example_root, {}, tmp_path).origin == "option"
    assert find_root(None, {"KIEUMAU_ROOT": str(example_root)}, tmp_path).origin == "env"
    walked = find_root(None, {}, nested)
    assert (walked.path, walked.origin) == (example_root, "cwd")


def test_bad_root_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--root", str(tmp_path), "list")
    assert result.exit_code == 2
    assert "criteria/" in result.stderr


def test_env_root_is_used(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIEUMAU_ROOT", str(example_root))
    rows = json.loads(invoke("list", "-f", "json").stdout)
    assert [row["ward"] for row in rows] == ["tinh-mau/phuong-mau"]


def test_bundled_data_with_a_notice(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("status", "phuong-dong-son", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["met"] == 11
    assert len(result.stderr.strip().splitlines()) == 1
    assert "dữ liệu mẫu" in result.stderr


def test_walk_up_from_inside_the_repository(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO / "wards")
    result = invoke("status", "phuong-dong-son", "-f", "json")
    assert result.exit_code == 0 and result.stderr == ""
