"""`kieumau recognise` end to end: a decision, a loss, the options each one needs, and
the append-only guard."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD as WARD

DECISION = (
    "--year",
    "2026",
    "--decision",
    "1/QĐ-BCA",
    "--date",
    "2026-02-18",
    "--issuer",
    "Bộ Công an",
)


def _recognition(root: Path) -> list[dict[str, object]]:
    data = yaml.safe_load((root / WARD).read_text(encoding="utf-8"))
    found = data.get("recognition", [])
    assert isinstance(found, list)
    return found


def test_recognise_then_lose(run_example: Invoke, example_root: Path) -> None:
    dry = run_example("recognise", "phuong-mau", *DECISION)
    assert dry.exit_code == 0
    assert "+    decision: {number: 1/QĐ-BCA, date: 2026-02-18, issuer: Bộ Công an}" in dry.stdout
    assert (
        "Giai đoạn: đã được công nhận năm 2026 — Quyết định số 1/QĐ-BCA ngày 18/02/2026"
        in dry.stderr
    )
    assert _recognition(example_root) == []
    assert run_example("recognise", "phuong-mau", *DECISION, "--write").exit_code == 0
    lost = run_example(
        "recognise",
        "phuong-mau",
        "--lost",
        "--date",
        "2026-02-19",
        "--document",
        "3/KL-PV01",
        "--reason",
        "phúc tra không đạt",
        "--write",
    )
    assert lost.exit_code == 0, lost.output
    assert "không duy trì được" in lost.stderr
    entries = _recognition(example_root)
    assert [entry["kind"] for entry in entries] == ["recognised", "lost"]
    assert entries[0]["source"] == {
        "kind": "official",
        "document": "1/QĐ-BCA",
        "date": __import__("datetime").date(2026, 2, 18),
    }
    # maintenance is at risk (the station claims 2/4): a warning, not an error
    check = run_example("check")
    assert check.exit_code == 0
    assert "maintenance-at-risk" not in check.stdout  # lost: nothing left to maintain


def test_options_each_mode_needs(run_example: Invoke) -> None:
    missing = run_example("recognise", "phuong-mau", "--year", "2026", "--date", "2026-02-18")
    assert missing.exit_code == 2
    assert "--decision, --issuer" in missing.stderr
    mixed = run_example(
        "recognise",
        "phuong-mau",
        "--lost",
        "--date",
        "2026-02-18",
        "--document",
        "1",
        "--reason",
        "x",
        "--year",
        "2026",
    )
    assert mixed.exit_code == 2
    assert "--year" in mixed.stderr


def test_a_year_after_its_decision_is_refused(run_example: Invoke, example_root: Path) -> None:
    wrong = list(DECISION)
    wrong[1] = "2027"
    result = run_example("recognise", "phuong-mau", *wrong, "--write")
    assert result.exit_code == 1
    assert "recognition-year-after-decision" in result.stderr
    assert _recognition(example_root) == []
