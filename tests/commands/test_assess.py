"""`kieumau assess` end to end: dry run, --write, verdicts from arguments, a file and the
claim, and refusals (an unknown criterion, a bad verdict, a future date)."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD as WARD

INSPECTION = ("--kind", "inspection", "--by", "Công an tỉnh Mẫu", "--date", "2026-02-15")


def _assessments(root: Path) -> list[dict[str, object]]:
    data = yaml.safe_load((root / WARD).read_text(encoding="utf-8"))
    found = data.get("assessments", [])
    assert isinstance(found, list)
    return found


def test_dry_run_prints_the_diff_and_writes_nothing(
    run_example: Invoke, example_root: Path
) -> None:
    before = (example_root / WARD).read_bytes()
    result = run_example("assess", "phuong-mau", *INSPECTION, "C01=met", "C02=chưa đạt")
    assert result.exit_code == 0
    assert "+assessments:" in result.stdout
    assert "+      C02: not_met" in result.stdout
    assert "Giai đoạn: đã kiểm tra" in result.stderr
    assert "Kết quả kiểm tra: 1/4 đạt (1 tiêu chí khác tự đánh giá)" in result.stderr
    assert (example_root / WARD).read_bytes() == before


def test_write_appends_and_keeps_comments(run_example: Invoke, example_root: Path) -> None:
    result = run_example(
        "assess", "phuong-mau", *INSPECTION, "--document", "12/BB", "C01=met", "--write"
    )
    assert result.exit_code == 0, result.output
    text = (example_root / WARD).read_text(encoding="utf-8")
    assert text.startswith("# Test fixture: a ward status file. Not real data.")
    assert _assessments(example_root) == [
        {
            "kind": "inspection",
            "date": __import__("datetime").date(2026, 2, 15),
            "by": "Công an tỉnh Mẫu",
            "document": {"number": "12/BB"},
            "verdicts": {"C01": "met"},
        }
    ]
    second = run_example("assess", "phuong-mau", *INSPECTION, "C04=met", "--write")
    assert second.exit_code == 0
    assert [a["verdicts"] for a in _assessments(example_root)] == [{"C01": "met"}, {"C04": "met"}]
    assert run_example("check").exit_code == 0


def test_all_met_as_claimed_and_from_file(
    run_example: Invoke, example_root: Path, tmp_path: Path
) -> None:
    verdicts = tmp_path / "bien-ban.yaml"
    verdicts.write_text("verdicts:\n  C02: not_met\n  C04: met\n", encoding="utf-8")
    result = run_example(
        "assess",
        "phuong-mau",
        *INSPECTION,
        "--all-met-as-claimed",
        "--from",
        str(verdicts),
        "--write",
    )
    assert result.exit_code == 0, result.output
    assert _assessments(example_root)[0]["verdicts"] == {
        "C01": "met",  # claimed met, confirmed
        "C02": "not_met",  # claimed met, the file says otherwise: a discrepancy
        "C04": "met",
    }


def test_refusals(run_example: Invoke, example_root: Path, tmp_path: Path) -> None:
    before = (example_root / WARD).read_bytes()
    unknown = run_example("assess", "phuong-mau", *INSPECTION, "C09=met", "--write")
    assert unknown.exit_code == 1
    assert "verdict-unknown-criterion" in unknown.stderr
    assert run_example("assess", "phuong-mau", *INSPECTION, "C01", "--write").exit_code == 2
    assert run_example("assess", "phuong-mau", *INSPECTION, "--write").exit_code == 2
    future = run_example(
        "assess", "phuong-mau", "--kind", "self", "--by", "X", "--date", "2026-03-01", "--write"
    )
    assert future.exit_code == 1
    assert "lifecycle-future" in future.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("- C01\n", encoding="utf-8")
    listed = run_example("assess", "phuong-mau", *INSPECTION, "--from", str(bad))
    assert (listed.exit_code, "error[not-a-mapping]" in listed.stderr) == (1, True)
    bad.write_text("C01: [met]\n", encoding="utf-8")
    shape = run_example("assess", "phuong-mau", *INSPECTION, "--from", str(bad))
    assert shape.exit_code == 2
    assert (example_root / WARD).read_bytes() == before


def test_a_self_assessment_needs_no_verdicts(run_example: Invoke, example_root: Path) -> None:
    result = run_example(
        "assess",
        "phuong-mau",
        "--kind",
        "self",
        "--by",
        "Công an phường Mẫu",
        "--date",
        "2026-02-19",
        "--write",
        "--lang",
        "en",
    )
    assert result.exit_code == 0, result.output
    assert "Stage: self-assessed (criteria not yet met)" in result.stderr
