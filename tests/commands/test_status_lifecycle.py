"""`status` shows the life cycle: the stage line, the inspection line, discrepancies, and
the JSON fields `stage`, `recognition`, `verified`, `discrepancies` — the same through
the fast path (cli/fast.py, a real process) and through Typer."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import Invoke, run_kieumau
from tests.support.data import EXAMPLE_WARD as WARD

LIFE = (
    "assessments:\n"
    "  - {kind: self, date: 2026-02-12, by: Công an phường Mẫu}\n"
    "  - kind: inspection\n"
    "    date: 2026-02-15\n"
    "    by: Công an tỉnh Mẫu\n"
    "    verdicts: {C01: met, C02: not_met, C03: met}\n"
    "recognition:\n"
    "  - kind: recognised\n"
    "    year: 2025\n"
    "    decision: {number: 9/QĐ-BCA, date: 2026-02-18, issuer: Bộ Công an}\n"
    "    source: {kind: official, document: 9/QĐ-BCA, date: 2026-02-18}\n"
)


def _with_life(root: Path) -> None:
    with (root / WARD).open("a", encoding="utf-8") as stream:
        stream.write(LIFE)


def test_text_shows_stage_inspection_and_discrepancies(
    run_example: Invoke, example_root: Path
) -> None:
    _with_life(example_root)
    result = run_example("status", "phuong-mau")
    assert result.exit_code == 0
    assert (
        "Giai đoạn: đã được công nhận năm 2025 — Quyết định số 9/QĐ-BCA ngày 18/02/2026; "
        "có nguy cơ không duy trì được" in result.stdout
    )
    assert "Kết quả kiểm tra: 2/4 đạt (2 tiêu chí khác tự đánh giá)" in result.stdout
    assert "Tự đánh giá đạt nhưng kiểm tra chưa đạt: C02" in result.stdout


def test_json_fields(run_example: Invoke, example_root: Path) -> None:
    _with_life(example_root)
    data = json.loads(run_example("status", "phuong-mau", "--format", "json").stdout)
    assert data["stage"] == "recognised"
    assert data["maintenance_at_risk"] is True
    assert data["recognition"] == {
        "year": 2025,
        "number": "9/QĐ-BCA",
        "date": "2026-02-18",
        "issuer": "Bộ Công an",
    }
    assert data["verified"] == {
        "met": 2,
        "total": 4,
        "date": "2026-02-15",
        "by": "Công an tỉnh Mẫu",
        "kind": "inspection",
    }
    assert data["discrepancies"] == ["C02"]


def test_as_of_leaves_later_records_out(run_example: Invoke, example_root: Path) -> None:
    _with_life(example_root)
    data = json.loads(
        run_example("status", "phuong-mau", "--as-of", "2026-02-13", "--format", "json").stdout
    )
    assert (data["stage"], data["recognition"], data["verified"]) == (
        "self_assessed_short",
        None,
        None,
    )


def test_the_fast_path_and_typer_agree(example_root: Path, invoke: Invoke) -> None:
    _with_life(example_root)
    for fmt in ("text", "json"):
        fast = run_kieumau("--root", str(example_root), "status", "phuong-mau", "--format", fmt)
        slow = invoke("--root", str(example_root), "status", "phuong-mau", "--format", fmt)
        assert fast.exit_code == slow.exit_code == 0
        assert fast.stdout == slow.stdout
        # and the cached run (second call) says the same
        again = run_kieumau("--root", str(example_root), "status", "phuong-mau", "--format", fmt)
        assert again.stdout == fast.stdout
