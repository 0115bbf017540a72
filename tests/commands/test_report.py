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
    assert "Lập ngày 20/02/2026 bằng kieumau" in text
    chart = next(svg for svg in root.iter(f"{SVG}svg") if svg.get("id") == "progress-chart")
    assert chart.get("role") == "img"
    title = chart.find(f"{SVG}title")
    assert title is not None and "11/22 ngày 20/02/2026" in (title.text or "")
    assert len(list(chart.iter(f"{SVG}path"))) == 2 and len(list(chart.iter(f"{SVG}circle"))) == 1
    # Groups and the history are real tables with row headers.
    scoped_rows = [th for th in root.iter("th") if th.get("scope") == "row"]
    assert any("N5. Chuyển đổi số" in text_of(th) for th in scoped_rows)
    tables = list(root.iter("table"))
    assert all(table.find("thead") is not None for table in tables[1:])


def test_report_markdown_sections(invoke: Invoke, shipped_root: Path) -> None:
    out = invoke("--root", str(shipped_root), "report", "phuong-dong-son").stdout
    assert "**11/22 tiêu chí đạt (50%)** · 11 đang thực hiện" in out
    assert "| N4. Quản lý nhà nước về ANTT và cải cách hành chính | 1/3 | 33,3% |" in out
    assert "## Tiêu chí chưa đạt (11), quá hạn xếp trước" in out
    assert (
        "| C03 | Tỷ lệ tổ dân phố đã tổ chức hội nghị Nhân dân | ≥ 100% | 100% (11/02/2026)" in out
    )
    assert "| 29/12/2025 | 2026-W01 | C17 | Đang thực hiện | Đạt |" in out
    assert "- Báo chí: Báo Thanh Hóa, “Xây dựng Công an phường Đông Sơn kiểu mẫu" in out
    assert "- Văn bản: 541/KH-CAT-PV01 ngày 13/11/2025" in out


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
    missing = out.split("## Tiêu chí chưa đạt (2)")[1].split("##")[0]
    assert missing.index("| C03 |") < missing.index("| C04 |")
    assert "**31/03/2026 (quá hạn 10 ngày)**" in missing
    assert (
        "| C03 | Tỷ lệ tin báo được tiếp nhận | ≥ 100% | 97% (15/02/2026) | **chưa đạt mục tiêu** "
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
