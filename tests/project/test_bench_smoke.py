"""The benchmark runs end to end at a small size (no timing assertions)."""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from pathlib import Path
from typing import Protocol

from tests.support.cli import run_kieumau, run_process
from tests.support.data import REPO


class Generate(Protocol):
    def __call__(self, out: Path, stations: int, seed: int = ...) -> list[Path]: ...


def _load_generate() -> Generate:
    """bench/generate.py's generate(), loaded from its file: bench/ is not a package."""
    spec = importlib.util.spec_from_file_location("generate", REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generate: Generate = module.generate
    return generate


generate = _load_generate()


def test_generated_data_is_deterministic_clean_and_uses_every_set(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 40, seed=7)
    second = generate(tmp_path / "b", 40, seed=7)
    assert len(first) == 40
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    texts = [path.read_text(encoding="utf-8") for path in first]
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)
    assert len({path.parent.name for path in first}) == 34  # every province
    shipped = {f"{p.parent.name}@{p.stem}" for p in (REPO / "criteria").glob("*/*.yaml")}
    assert {ref for ref in shipped if any(f'criteria: "{ref}"' in t for t in texts)} == shipped
    done = run_kieumau(
        "--root",
        str(tmp_path / "a"),
        "check",
        "--strict",
        env={"KIEUMAU_TODAY": "2026-06-30", "NO_COLOR": "1"},
    )
    assert (done.exit_code, done.stdout) == (0, ""), done.stdout[:2000]


def test_benchmark_runs_at_a_small_size(tmp_path: Path) -> None:
    done = run_process(
        [
            sys.executable,
            str(REPO / "bench" / "run.py"),
            "--stations",
            "100",
            "--repeat",
            "1",
            "--no-external",
            "--out",
            str(tmp_path),
        ],
        timeout=600,
    )
    assert done.exit_code == 0, done.stderr
    table = done.stdout
    for row in (
        "floor: read + CSafeLoader, 100 files",
        "`kieumau check`",
        "`kieumau list --format json`",
        "`kieumau status WARD`",
        "`kieumau --help`",
        "`kieumau check`, 10 stations",
        "peak memory of `check`",
        "`kieumau status WARD` (warm cache)",
        "`kieumau status WARD` (cold: no cache)",
        "`kieumau site` (full build)",
        "`kieumau site` after editing one ward",
        "peak memory of `site`",
        "site size",
        "site files",
        "largest site file",
        "entry page (index.html)",
        "largest province page",
        "`kieumau check`, 1000 stations (--ten-times)",
        "floor, 1000 files (--ten-times)",
        "the 100-station time around it",
        "`kieumau --roots FILE check`, one root per province",
    ):
        assert row in table
    # The edited ward file is put back as it was.
    ward = sorted((tmp_path / "wards-100" / "wards").glob("*/*.yaml"))[0]
    assert "(bench)" not in ward.read_text(encoding="utf-8")
    assert "| measurement | time (s) | ratio | target | holds |" in table
