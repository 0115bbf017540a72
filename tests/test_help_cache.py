"""`kieumau --help` replayed from the cache prints exactly what Typer prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kieumau_cli import _help_cache


def _run_help(cache: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "KIEUMAU_CACHE_DIR": str(cache), **extra}
    if "KIEUMAU_NO_CACHE" not in extra:
        env.pop("KIEUMAU_NO_CACHE", None)
    return subprocess.run(
        [sys.executable, "-m", "kieumau_cli", "--help"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def _typer_help() -> str:
    """What Typer itself prints, bypassing the cache entirely."""
    code = (
        "import sys; sys.argv = ['kieumau', '--help']; from kieumau_cli.cli import _app; _app()()"
    )
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    ).stdout


def test_cold_and_warm_help_equal_typers_output(tmp_path: Path) -> None:
    cold = _run_help(tmp_path)
    entries = list((tmp_path / "help").glob("*.txt"))
    warm = _run_help(tmp_path)
    assert (cold.returncode, warm.returncode) == (0, 0)
    assert len(entries) == 1
    assert cold.stdout == warm.stdout == _typer_help()
    assert "site" in warm.stdout and "status" in warm.stdout


def test_a_corrupt_entry_is_ignored(tmp_path: Path) -> None:
    _run_help(tmp_path)
    (entry,) = (tmp_path / "help").glob("*.txt")
    entry.write_bytes(b"\xff\xfe not text")
    result = _run_help(tmp_path)
    assert (result.returncode, result.stdout) == (0, _typer_help())


def test_a_different_width_is_a_different_entry(tmp_path: Path) -> None:
    _run_help(tmp_path)
    _run_help(tmp_path, COLUMNS="60")
    assert len(list((tmp_path / "help").glob("*.txt"))) == 2


def test_turned_off_writes_nothing(tmp_path: Path) -> None:
    result = _run_help(tmp_path, KIEUMAU_NO_CACHE="1")
    assert result.returncode == 0 and "Usage: kieumau" in result.stdout
    assert not (tmp_path / "help").exists()


def test_an_edited_cli_module_changes_the_key() -> None:
    before = _help_cache._key()
    module = Path(_help_cache.__file__).with_name("_cli_core.py")
    stat = module.stat()
    try:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert _help_cache._key() != before
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
