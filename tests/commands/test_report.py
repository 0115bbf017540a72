"""`kieumau report` and what every document shares: autoescaping, files written whole (the
templates: tests/render/test_templates.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import edit
from tests.support.golden import golden_tests
from tests.support.html import SVG, assert_document_structure, text_of

WARD = "wards/tinh-mau/phuong-mau.yaml"

REPORT_GOLDENS = [
    ("report-dong-son.vi.md", []),
    ("report-dong-son.en.md", ["--lang", "en"]),
    ("report-dong-son.vi.html", ["--format", "html"]),
    ("report-dong-son.en.html", ["--format", "html", "--lang", "en"]),
]


test_report_golden = golden_tests(["report", "phuong-dong-son"], REPORT_GOLDENS)


def test_report_html_structure_and_content(invoke: Invoke, shipped_root: Path) -> None:
    html = invoke("--root", str(shipped_root), "report", "phuong-dong-son", "-f", "html").stdout
    root = assert_document_structure(html, "vi")
    text = " ".join(text_of(root).split())
    assert "Báo cáo tiến độ xây dựng Công an phường kiểu mẫu" in text
    assert "541/KH-CAT-PV01 ngày 13/11/2025" in text
    # Nothing about the tool, and no newspaper figure about the station itself.
    body = " ".join(text_of(next(root.iter("body"))).split())
    assert "kieumau" not in body and "Báo Thanh Hóa" not in body
    chart = next(svg for svg in root.iter(f"{SVG}svg") if svg.get("id") == "progress-chart")
    assert chart.get("role") == "img"
    title = chart.find(f"{SVG}title")
    assert title is not None and "11/22 ngày 20/02/2026" in (title.text or "")
    assert len(list(chart.iter(f"{SVG}path"))) == 2 and not list(chart.iter(f"{SVG}circle"))
    # Groups and the history are real tables with row headers.
    scoped_rows = [th for th in root.iter("th") if th.get("scope") == "row"]
    assert any("Nhóm 5. Chuyển đổi số" in text_of(th) for th in scoped_rows)
    tables = list(root.iter("table"))
    assert all(table.find("thead") is not None for table in tables[1:])


def test_report_markdown_sections(invoke: Invoke, shipped_root: Path) -> None:
    out = invoke("--root", str(shipped_root), "report", "phuong-dong-son").stdout
    assert "**11/22 tiêu chí đạt (50%)** · 11 đang thực hiện" in out
    assert "| Nhóm 4. Quản lý nhà nước về ANTT và cải cách hành chính | 1/3 | 33,3% |" in out
    assert "## Tiêu chí chưa hoàn thành (11), quá hạn xếp trước" in out
    assert (
        "| 3 | Tỷ lệ tổ dân phố đã tổ chức hội nghị Nhân dân | đạt 100% | 100% (11/02/2026)" in out
    )
    assert "| 7 | Số cán bộ, chiến sĩ bị xử lý kỷ luật | không có cán bộ, chiến sĩ bị xử lý" in out
    assert "| 10 | Chênh lệch số vụ phạm tội về trật tự xã hội so với cùng kỳ | không tăng |" in out
    # The long tables are annexes after the body.
    annex = out.split("## Phụ lục I: Kết quả từng tiêu chí và hồ sơ, tài liệu minh chứng")[1]
    assert "| 29/12/2025 | 17 | Đang thực hiện | Đạt |" in annex.split("## Phụ lục II")[1]
    assert (
        "| Ngày | Tiêu chí số | Trạng thái trước | Trạng thái sau | Ghi chú | Người cập nhật |"
        in annex
    )
    # The station's own report cites its plan, never a newspaper article about itself.
    assert "Báo chí" not in out and "Báo Thanh Hóa" not in out
    assert "- Văn bản: 541/KH-CAT-PV01 ngày 13/11/2025" in out
    with_appendix = invoke("--root", str(shipped_root), "report", "phuong-dong-son", "--appendix")
    appendix = with_appendix.stdout.split("## Phụ lục kỹ thuật")[1]
    assert "thanh-hoa/phuong-dong-son" in appendix and "thanh-hoa-antt-cds@2026" in appendix
    assert "- Báo chí: Báo Thanh Hóa, “Xây dựng Công an phường Đông Sơn kiểu mẫu" in appendix


def test_overdue_first_and_indicator_trend(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(
        example_root / WARD,
        "      - value: 92.5\n        date: 2026-02-01\n",
        "      - value: 92.5\n        date: 2026-02-01\n"
        "      - value: 97\n        date: 2026-02-15\n",
    )
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-04-10")
    out = invoke("--root", str(example_root), "report", "phuong-mau").stdout
    missing = out.split("## Tiêu chí chưa hoàn thành (2)")[1].split("##")[0]
    assert missing.index("| 3 |") < missing.index("| 4 |")
    assert "**31/03/2026 (quá hạn 10 ngày)**" in missing
    assert (
        "| 3 | Tỷ lệ tin báo được tiếp nhận | đạt 100% | 97% (15/02/2026) | **chưa đạt mục tiêu** "
        "| tăng (tốt lên) |"
    ) in out
    english = invoke("--root", str(example_root), "report", "phuong-mau", "--lang", "en").stdout
    assert "| 97% (2026-02-15) | **off target** | up (improving) |" in english


def test_report_without_history_has_no_chart(invoke: Invoke, shipped_root: Path) -> None:
    result = invoke("--root", str(shipped_root), "report", "phuong-song-cau", "-f", "html")
    assert result.exit_code == 0, result.stderr
    assert "Chưa đủ lịch sử để vẽ tiến độ theo thời gian." in result.stdout
    assert 'id="progress-chart"' not in result.stdout


def test_output_file_is_written_whole_or_not_at_all(
    invoke: Invoke, example_root: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    ok = invoke(
        "--root", str(example_root), "report", "phuong-mau", "-f", "html", "-o", str(target)
    )
    assert ok.exit_code == 0 and ok.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kieumau-")]
    nowhere = invoke(
        "--root", str(example_root), "report", "phuong-mau", "-o", str(tmp_path / "no" / "x.md")
    )
    assert nowhere.exit_code == 2 and "thư mục không tồn tại" in nowhere.stderr


def test_report_escapes_data_in_html_and_markdown(invoke: Invoke, example_root: Path) -> None:
    edit(
        example_root / WARD,
        "owner: Tổ tiếp dân",
        'owner: "<img src=x onerror=alert(1)> Tổ A | B"',
    )
    html = invoke("--root", str(example_root), "report", "phuong-mau", "-f", "html").stdout
    root = assert_document_structure(html, "vi")
    assert not list(root.iter("img"))
    assert "<img src=x onerror=alert(1)> Tổ A | B" in text_of(root)
    md = invoke("--root", str(example_root), "report", "phuong-mau").stdout
    assert "&lt;img src=x onerror=alert(1)&gt; Tổ A \\| B" in md and "<img" not in md


def test_unknown_ward_is_a_usage_error(invoke: Invoke, example_root: Path) -> None:
    result = invoke("--root", str(example_root), "report", "phuong-khong-co")
    assert result.exit_code == 2 and "không tìm thấy đơn vị" in result.stderr


@pytest.mark.parametrize(
    "command", [["report", "phuong-mau"], ["brief", "phuong-mau"], ["summary"]]
)
@pytest.mark.parametrize(
    "target", ["wards/tinh-mau/phuong-mau.yaml", "wards/tinh-mau/bao-cao.md", "x.yml", "A.YAML"]
)
def test_a_document_never_replaces_data(
    invoke: Invoke, example_root: Path, command: list[str], target: str
) -> None:
    ward = example_root / "wards" / "tinh-mau" / "phuong-mau.yaml"
    before = ward.read_bytes()
    output = example_root / target
    result = invoke("--root", str(example_root), *command, "-o", str(output))
    assert result.exit_code == 2
    assert f"-o {output}:" in result.stderr
    assert ward.read_bytes() == before
    assert not output.exists() or output == ward


@pytest.mark.parametrize(
    ("ward", "stage"),
    [
        ("phuong-dong-son", "đang xây dựng"),
        ("phuong-thang-loi", "đã được công nhận (chưa rõ năm công nhận) — chưa rõ số quyết định"),
        ("phuong-dien-an", "đã được công nhận năm 2024"),
    ],
)
def test_report_says_where_the_station_is_in_the_life_cycle(
    invoke: Invoke, shipped_root: Path, ward: str, stage: str
) -> None:
    """The report says what `status` says of the stage, in every format."""
    status = invoke("--root", str(shipped_root), "status", ward).stdout
    assert f"Giai đoạn: {stage}" in status
    for fmt in ("md", "html"):
        shown = invoke("--root", str(shipped_root), "report", ward, "-f", fmt).stdout
        assert stage in shown, fmt
