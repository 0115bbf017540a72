"""`kieumau summary`: every station of a province (or the country) on one page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import edit
from tests.support.golden import golden_tests
from tests.support.html import assert_document_structure, text_of

SUMMARY_GOLDENS = [
    ("summary.vi.txt", []),
    ("summary.vi.md", ["--format", "md"]),
    ("summary.en.md", ["--format", "md", "--lang", "en"]),
    ("summary-thai-nguyen.vi.html", ["--format", "html", "--province", "Thái Nguyên"]),
    ("summary.en.html", ["--format", "html", "--lang", "en"]),
]


test_summary_golden = golden_tests(["summary"], SUMMARY_GOLDENS)


def test_summary_ranks_by_progress_and_lists_who_qualifies(
    invoke: Invoke, shipped_root: Path
) -> None:
    out = invoke("--root", str(shipped_root), "summary", "-f", "md").stdout
    ranking = out.split("## Xếp theo tiến độ")[1].split("##")[0]
    order = [
        line.split(" | ")[1]
        for line in ranking.splitlines()
        if line.startswith("| ") and line.split(" | ")[0][2:].isdigit()
    ]
    assert [name.split(" (tên theo nguồn")[0] for name in order[:4]] == [
        "Phường Tào Xuyên",
        "Phường Thắng Lợi",
        "Phường Đức Xuân",
        "Phường Đông Sơn",
    ]
    heading = "## Đơn vị đã đạt đủ tiêu chí, đủ điều kiện đề nghị kiểm tra, công nhận (1)"
    qualified = out.split(heading)[1].split("##")[0]
    assert "**Phường Tào Xuyên (tên theo nguồn năm 2025" in qualified
    assert "**Phường Đức Xuân" not in qualified  # 21/22 under an "all" rule
    # Thắng Lợi meets all 20 but holds its 2024 recognition: it keeps it, it does not apply.
    assert "Thắng Lợi" not in qualified
    assert "Không kể 1 đơn vị đã được công nhận và vẫn đạt đủ tiêu chí" in qualified
    sets = out.split("## Bộ tiêu chí đang áp dụng")[1].split("##")[0]
    # Sets by their title, never their id; stations without their slug.
    assert "@" not in out and "thanh-hoa/" not in out
    assert (
        "| Bộ tiêu chí Công an phường kiểu mẫu về an ninh, trật tự và chuyển đổi số năm 2026 |"
        in sets
    )


def test_summary_counts_by_status_and_stale_stations(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = invoke("--root", str(example_root), "summary", "-f", "md").stdout
    assert "| Đạt | 2 | 50% |" in out and "| Đang thực hiện | 1 | 25% |" in out
    assert "| **Tổng** | **4** | |" in out
    # Last update 10/02/2026: not stale on 20/02, stale 30 days later.
    assert "## Không cập nhật từ 30 ngày trở lên (0)" in out
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-03-12")
    later = invoke("--root", str(example_root), "summary", "-f", "md").stdout
    assert "## Không cập nhật từ 30 ngày trở lên (1)" in later
    assert "cập nhật gần nhất 10/02/2026 (30 ngày trước)" in later


def test_summary_of_one_province_by_name_or_slug(invoke: Invoke, shipped_root: Path) -> None:
    by_name = invoke("--root", str(shipped_root), "summary", "--province", "Tỉnh Thanh Hóa")
    by_slug = invoke("--root", str(shipped_root), "summary", "--province", "thanh-hoa")
    assert by_name.exit_code == by_slug.exit_code == 0
    assert by_name.stdout == by_slug.stdout
    assert "— Tỉnh Thanh Hóa" in by_name.stdout and "Đức Xuân" not in by_name.stdout
    unknown = invoke("--root", str(shipped_root), "summary", "--province", "Hà Giang")
    assert unknown.exit_code == 2 and "thanh-hoa" in unknown.stderr


def test_summary_reports_unreadable_wards_and_exits_1(invoke: Invoke, shipped_root: Path) -> None:
    edit(shipped_root / "wards/da-nang/xa-hoa-phong.yaml", "kind: xa", "kind: [xa")
    result = invoke("--root", str(shipped_root), "summary", "-f", "html")
    assert result.exit_code == 1
    assert "xa-hoa-phong.yaml:" in result.stderr
    root = assert_document_structure(result.stdout, "vi")
    assert "da-nang/xa-hoa-phong: tệp không hợp lệ (xem kieumau check)" in text_of(root)


def test_sources_and_names_say_exactly_what_is_known(invoke: Invoke, shipped_root: Path) -> None:
    """An untitled article is never given a title; a name not verified after the 2025
    reorganisation says so; a start known only to its year prints as the year."""
    report = invoke("--root", str(shipped_root), "report", "phuong-duc-xuan", "--appendix").stdout
    assert "\\[bài không có tiêu đề\\] — Báo Bắc Kạn, 29/01/2024" in report
    assert "Sơ kết 1 năm" not in report and "BBK" not in report
    assert "phường Đức Xuân (tên theo nguồn năm 2024, chưa xác minh sau sắp xếp 1/7/2025)" in report
    assert "**Bắt đầu:** năm 2023" in report
    summary = invoke("--root", str(shipped_root), "summary", "-f", "md").stdout
    assert (
        "| Phường Đức Xuân (tên theo nguồn năm 2024, chưa xác minh sau sắp xếp 1/7/2025) |"
        in summary
    )
    hai_chau = invoke("--root", str(shipped_root), "report", "phuong-hai-chau-1").stdout
    assert "**Bắt đầu:** tháng 6/2021" in hai_chau
    assert "lựa chọn của dự án" in hai_chau  # the headquarters mapping is the project's


_RECOGNISED = """
recognition:
  - kind: recognised
    year: 2025
    decision: {number: "123/QĐ-BCA", date: 2025-12-20, issuer: "Bộ trưởng Bộ Công an"}
    source: {kind: press, title: "Công nhận Công an phường kiểu mẫu", date: 2025-12-25}
"""


@pytest.mark.parametrize("fmt", ["text", "md", "html", "docx"])
def test_a_recognised_station_is_not_listed_as_ready_to_apply(
    fmt: str, invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    """Tào Xuyên meets every criterion. Once it holds a recognition it keeps it: the
    list of stations that may ask for inspection and recognition leaves it out, and
    says so, in every format."""
    ward = shipped_root / "wards" / "thanh-hoa" / "phuong-tao-xuyen.yaml"

    def summary() -> str:
        args = ["--root", str(shipped_root), "summary", "--province", "thanh-hoa", "-f", fmt]
        if fmt == "docx":
            out = tmp_path / f"summary-{len(list(tmp_path.iterdir()))}.docx"
            assert invoke(*args, "-o", str(out)).exit_code == 0
            from docx import Document

            return "\n".join(p.text for p in Document(str(out)).paragraphs)
        done = invoke(*args)
        assert done.exit_code == 0, done.stderr
        return " ".join(done.stdout.split())

    before = summary()
    ward.write_text(ward.read_text(encoding="utf-8") + _RECOGNISED, encoding="utf-8")
    after = summary()
    heading = "Đơn vị đã đạt đủ tiêu chí, đủ điều kiện đề nghị kiểm tra, công nhận"
    kept = "Không kể 1 đơn vị đã được công nhận và vẫn đạt đủ tiêu chí"
    assert "1 đủ điều kiện công nhận" in before and "0 đủ điều kiện công nhận" in after
    if fmt != "text":  # the terminal's heading has no count
        assert f"{heading} (1)" in before and f"{heading} (0)" in after
    assert "Tào Xuyên" in before.split(heading)[1][:400]
    assert kept not in before and kept in after
    assert "Tào Xuyên" not in after.split(heading)[1].split(kept)[0]
