"""`kieumau status` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.golden import repository_golden_tests

# The station the README opens with, from the top of the repository.
STATUS_GOLDENS = [
    ("status-dong-son.vi.txt", []),
    ("status-dong-son.en.txt", ["--lang", "en"]),
    ("status-dong-son.vi.md", ["--format", "md"]),
    ("status-dong-son.json", ["--format", "json"]),
    ("status-dong-son.as-of-2026-02-08.json", ["--as-of", "2026-02-08", "-f", "json"]),
]

test_status_golden = repository_golden_tests(["status", "phuong-dong-son"], STATUS_GOLDENS)


def test_status_text_shows_score_table_and_missing(invoke: Invoke, example_root: Path) -> None:
    result = invoke("--root", str(example_root), "status", "phuong-mau")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Công an phường Mẫu" in out
    assert "bo-mau@1" in out
    assert "2/4 tiêu chí đạt (50%) · 1 đang thực hiện · 1 chưa đạt · 0 chưa đánh giá" in out
    assert "N2" in out and "An ninh, trật tự" in out
    assert "Còn thiếu (2):" in out
    assert "\x1b[" not in out  # no colour codes when not a terminal


def test_status_accepts_province_slash_ward_and_vietnamese_name(
    invoke: Invoke, example_root: Path
) -> None:
    by_key = invoke("--root", str(example_root), "status", "tinh-mau/phuong-mau", "-f", "json")
    by_name = invoke("--root", str(example_root), "status", "Phường Mẫu", "-f", "json")
    assert by_key.exit_code == by_name.exit_code == 0
    assert by_key.stdout == by_name.stdout


def test_status_json_contract(invoke: Invoke, example_root: Path) -> None:
    result = invoke("--root", str(example_root), "status", "phuong-mau", "--format", "json")
    payload = json.loads(result.stdout)
    for key in ("met", "total", "in_progress", "not_applicable"):
        assert type(payload[key]) is int
    assert (payload["met"], payload["total"], payload["in_progress"]) == (2, 4, 1)
    assert payload["ward"] == "tinh-mau/phuong-mau"
    assert [c["id"] for c in payload["criteria"]] == ["C01", "C02", "C03", "C04"]
    c03 = payload["criteria"][2]
    assert (c03["status"], c03["due"], c03["overdue"]) == ("in_progress", "2026-03-31", False)


def test_overdue_is_highlighted_and_listed_first(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-07-01")
    result = invoke("--root", str(example_root), "status", "phuong-mau", "--format", "md")
    assert "**31/03/2026 (quá hạn)**" in result.stdout
    missing = result.stdout.split("## Còn thiếu (2)")[1]
    assert missing.index("C03") < missing.index("C04")


def test_as_of_rebuilds_from_history(invoke: Invoke, example_root: Path) -> None:
    result = invoke(
        "--root", str(example_root), "status", "phuong-mau", "--as-of", "2026-01-25", "-f", "json"
    )
    payload = json.loads(result.stdout)
    assert (payload["met"], payload["in_progress"], payload["as_of"]) == (1, 1, "2026-01-25")
    assert {c["id"]: c["status"] for c in payload["criteria"]} == {
        "C01": "met",
        "C02": "in_progress",
        "C03": "not_met",
        "C04": "not_met",
    }


def test_markdown_escapes_pipes_in_notes_and_english_labels(
    invoke: Invoke, example_root: Path
) -> None:
    ward = example_root / "wards/tinh-mau/phuong-mau.yaml"
    ward.write_text(
        ward.read_text(encoding="utf-8").replace("owner: Tổ tiếp dân", "owner: Tổ A | B"),
        encoding="utf-8",
    )
    result = invoke("--root", str(example_root), "status", "phuong-mau", "-f", "md", "--lang", "en")
    assert "Tổ A \\| B" in result.stdout
    assert "2/4 criteria met (50%)" in result.stdout
    assert "| ID | Criterion | Status | Owner | Due | Updated |" in result.stdout


@pytest.mark.parametrize(
    "argument", ["../x", "/etc/passwd", "wards/tinh-mau/phuong-mau.yaml", "a/b/c", "~root"]
)
def test_path_like_arguments_are_refused(invoke: Invoke, example_root: Path, argument: str) -> None:
    result = invoke("--root", str(example_root), "status", argument)
    assert result.exit_code == 2
    assert result.stderr == (
        f"kieumau: '{argument}' trông như đường dẫn; hãy nhập mã đơn vị như phuong-dong-son "
        "hoặc thanh-hoa/phuong-dong-son\n"
    )
    assert result.stdout == ""
    english = invoke("--root", str(example_root), "status", argument, "--lang", "en")
    assert english.stderr == (
        f"kieumau: '{argument}' looks like a path; give a ward such as phuong-dong-son "
        "or thanh-hoa/phuong-dong-son\n"
    )


def test_unknown_ward_suggests_close_matches(invoke: Invoke, example_root: Path) -> None:
    result = invoke("--root", str(example_root), "status", "phuong-mao")
    assert result.exit_code == 2
    assert "tinh-mau/phuong-mau" in result.stderr


def test_ambiguous_slug_lists_candidates(invoke: Invoke, example_root: Path) -> None:
    twin = example_root / "wards/tinh-khac/phuong-mau.yaml"
    twin.parent.mkdir()
    text = (example_root / "wards/tinh-mau/phuong-mau.yaml").read_text(encoding="utf-8")
    twin.write_text(text.replace("province: tinh-mau", "province: tinh-khac"), encoding="utf-8")
    result = invoke("--root", str(example_root), "status", "phuong-mau")
    assert result.exit_code == 2
    assert "tinh-khac/phuong-mau" in result.stderr and "tinh-mau/phuong-mau" in result.stderr
    assert invoke("--root", str(example_root), "status", "tinh-khac/phuong-mau").exit_code == 0


def test_invalid_date_option_is_a_usage_error(invoke: Invoke, example_root: Path) -> None:
    result = invoke("--root", str(example_root), "status", "phuong-mau", "--as-of", "2026-02-30")
    assert result.exit_code == 2
    assert "--as-of" in result.stderr


def test_bad_format_is_a_usage_error(invoke: Invoke, example_root: Path) -> None:
    assert (
        invoke("--root", str(example_root), "status", "phuong-mau", "--format", "xml").exit_code
        == 2
    )


def test_status_of_an_invalid_ward_shows_check_diagnostics(
    invoke: Invoke, example_root: Path
) -> None:
    ward = example_root / "wards/tinh-mau/phuong-mau.yaml"
    ward.write_text(
        ward.read_text(encoding="utf-8").replace("criteria: bo-mau@1", "criteria: bo-mau@7"),
        encoding="utf-8",
    )
    result = invoke("--root", str(example_root), "status", "phuong-mau")
    assert result.exit_code == 1
    assert "error[unknown-set]" in result.stderr
    assert ":7:11:" in result.stderr


def test_an_unverified_name_and_former_names_show_in_status(invoke: Invoke) -> None:
    """A name the data could not verify after 1/7/2025 says so, and former names show, in
    every status format (the cached fast path included)."""
    # After "Địa bàn:" the place reads mid-phrase: "phường …, tỉnh …".
    unverified = "phường Thắng Lợi (tên theo nguồn năm 2024, chưa xác minh sau sắp xếp 1/7/2025)"
    text = invoke("status", "phuong-thang-loi").stdout
    assert unverified in " ".join(text.split())
    assert "Tên cũ: Phường Thắng Lợi, thành phố Sông Công" in text
    md = invoke("status", "phuong-thang-loi", "-f", "md").stdout
    assert f"**Địa bàn:** {unverified}, tỉnh Thái Nguyên" in md and "**Tên cũ:**" in md
    data = json.loads(invoke("status", "phuong-thang-loi", "-f", "json").stdout)
    assert data["name_source_year"] == 2024
    assert data["former"] == ["Phường Thắng Lợi, thành phố Sông Công"]


def test_a_recognised_station_is_told_to_keep_the_criteria_not_to_apply(invoke: Invoke) -> None:
    """phuong-dien-an holds a 2024 recognition and has no statuses recorded: it is not
    told it "does not qualify for recognition" but to review and restore the criteria,
    in the terminal, in Markdown and in its report."""
    restore = "cần rà soát, khắc phục để giữ danh hiệu đã được công nhận"
    text = " ".join(invoke("status", "phuong-dien-an").stdout.split())
    assert restore in text and "Chưa đủ điều kiện công nhận" not in text
    assert restore in invoke("status", "phuong-dien-an", "-f", "md").stdout
    report = invoke("report", "phuong-dien-an", "-f", "md").stdout
    assert restore in " ".join(report.split())
