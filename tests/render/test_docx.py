"""`--format docx`: Word documents laid out as Vietnamese state documents must be
(Nghị định 30/2020/NĐ-CP, Phụ lục I). The files are opened with python-docx and checked
against the decree; their text is compared with golden files. (The texts themselves, without
python-docx: tests/render/test_official.py.)"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tests.support.cli import Invoke
from tests.support.data import DONG_SON, MOTTO, NATIONAL_TITLE, edit
from tests.support.golden import check_golden

EMU_PER_MM = 36000
MARGINS = ("bottom_margin", "left_margin", "right_margin")


# --- helpers ----------------------------------------------------------------------------


def make_docx(invoke: Invoke, root: Path, out: Path, *args: str) -> Document:
    result = invoke("--root", str(root), *args, "--format", "docx", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return docx.Document(str(out))


def cells(table: Table) -> list[list[_Cell]]:
    """Each row's cells, a merged cell once."""
    return [[_Cell(tc, table) for tc in row._tr.tc_lst] for row in table.rows]


def cell_text(cell: _Cell) -> str:
    return "<br>".join(p.text for p in cell.paragraphs if p.text)


def document_text(document: Document) -> str:
    """Every paragraph and table row in order: a table row as '| a | b |', a cell's
    paragraphs joined by '<br>', empty paragraphs (spacing) left out."""
    lines = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, document).text
            if text:
                lines.append(text)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            lines += ["| " + " | ".join(cell_text(c) for c in row) + " |" for row in cells(table)]
    return "\n".join(lines) + "\n"


def body_paragraphs(document: Document) -> list[Paragraph]:
    """Paragraphs outside tables that hold text."""
    return [p for p in document.paragraphs if p.text]


def run_font(run: Any) -> tuple[str | None, float | None, dict[str, str | None]]:
    fonts = run._r.rPr.rFonts
    names = {key: fonts.get(qn(f"w:{key}")) for key in ("ascii", "hAnsi", "eastAsia", "cs")}
    return run.font.name, run.font.size.pt if run.font.size else None, names


def header_cells(document: Document) -> tuple[_Cell, _Cell, _Cell, _Cell]:
    (agency, national), (number, place) = cells(document.tables[0])
    return agency, national, number, place


def filled(cell: _Cell) -> list[Paragraph]:
    return [p for p in cell.paragraphs if p.text]


# --- the brief as a .docx -----------------------------------------------------------------


@pytest.fixture
def brief_w07(invoke: Invoke, shipped_root: Path, tmp_path: Path) -> Document:
    return make_docx(
        invoke,
        shipped_root,
        tmp_path / "brief.docx",
        "brief",
        "phuong-dong-son",
        "--week",
        "2026-W07",
    )


def test_header_block(brief_w07: Document) -> None:
    header = brief_w07.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}  # borderless
    agency, national, number, place = header_cells(brief_w07)
    superior, unit = filled(agency)
    assert superior.text == "CÔNG AN TỈNH THANH HÓA" and superior.text.isupper()
    assert not any(run.bold for run in superior.runs)
    assert unit.text == "CÔNG AN PHƯỜNG ĐÔNG SƠN" and unit.text.isupper()
    assert all(run.bold for run in unit.runs)
    title, motto = filled(national)
    assert title.text == NATIONAL_TITLE and all(run.bold for run in title.runs)
    assert motto.text == MOTTO and all(run.bold for run in motto.runs)
    # A rule (a paragraph's top border) under the unit and under the motto.
    for cell in (agency, national):
        rules = [p for p in cell.paragraphs if p._p.pPr.find(qn("w:pBdr")) is not None]
        assert len(rules) == 1 and not rules[0].text
    assert number.text == "Số: …/BC-CAP"
    # W07 ends on Sunday 15/02 and Tết starts on Saturday 14/02: the note is dated its last
    # working day, Friday 13/02.
    assert place.text == "Đông Sơn, ngày 13 tháng 02 năm 2026"
    assert all(run.italic for run in place.paragraphs[0].runs)
    doc_type, subject = body_paragraphs(brief_w07)[:2]
    assert doc_type.text == "BÁO CÁO"
    assert (
        subject.text
        == "Kết quả xây dựng Công an phường kiểu mẫu tuần 07 năm 2026 (từ 09/02 đến 15/02/2026)"
    )
    for paragraph in (doc_type, subject):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in paragraph.runs)


def test_page_margins_and_page_numbers(brief_w07: Document) -> None:
    section = brief_w07.sections[0]
    mm = {
        name: getattr(section, name) / EMU_PER_MM
        for name in (*("page_width", "page_height", "top_margin"), *MARGINS)
    }
    assert mm["page_width"] == pytest.approx(210, abs=0.5)
    assert mm["page_height"] == pytest.approx(297, abs=0.5)
    assert 20 <= mm["top_margin"] <= 25 and 20 <= mm["bottom_margin"] <= 25
    assert 30 <= mm["left_margin"] <= 35 and 15 <= mm["right_margin"] <= 20
    assert section.orientation == WD_ORIENT.PORTRAIT
    # No number on page 1; from page 2 a PAGE field centred in the header.
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    header = section.header._element
    instructions = [node.text.strip() for node in header.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    number = section.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_fonts_are_times_new_roman_13_to_14_pt(brief_w07: Document) -> None:
    runs = [run for p in body_paragraphs(brief_w07) for run in p.runs if run.text]
    assert len(runs) > 50
    for run in runs:
        name, size, names = run_font(run)
        assert name == "Times New Roman", run.text
        assert size is not None and 13 <= size <= 14, run.text
        assert set(names.values()) == {"Times New Roman"}, run.text  # East Asian, CS too
    body = [p for p in body_paragraphs(brief_w07) if p.paragraph_format.first_line_indent]
    assert body and all(p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY for p in body)
    # The defaults of the file name no theme font that Word could substitute.
    defaults = brief_w07.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert fonts.get(qn("w:asciiTheme")) is None


def test_brief_sections_and_score(brief_w07: Document) -> None:
    text = document_text(brief_w07)
    headings = [
        "1. Tình hình chung",
        "2. Kết quả trong tuần",
        "3. Tồn tại, hạn chế",
        "4. Nhiệm vụ tuần tới (16/02/2026 – 22/02/2026)",
        "5. Đề xuất, kiến nghị",
    ]
    lines = text.splitlines()
    assert [lines.index(h) for h in headings] == sorted(lines.index(h) for h in headings)
    assert "- Kết quả: 11/22 tiêu chí đạt (50%) (tăng 2 tiêu chí so với tuần trước)." in lines
    score = next(p for p in body_paragraphs(brief_w07) if p.text.startswith("- Kết quả:"))
    assert [run.text for run in score.runs if run.bold] == ["11/22 tiêu chí đạt (50%)"]
    assert text.startswith("| CÔNG AN TỈNH THANH HÓA<br>CÔNG AN PHƯỜNG ĐÔNG SƠN |")
    assert (
        "Thực hiện Kế hoạch số 541/KH-CAT-PV01 ngày 13/11/2025 của Giám đốc Công an tỉnh "
        "Thanh Hóa, Công an phường Đông Sơn báo cáo kết quả xây dựng Công an phường kiểu mẫu "
        "tuần 07 năm 2026 (từ 09/02 đến 15/02/2026) như sau:"
    ) in lines
    assert "a) Tiêu chí mới đạt (2):" in lines
    assert "1. Kiến nghị (Tiêu chí số 8, Tổ Tổng hợp): Công an tỉnh xem xét" in text
    assert "- Trong tuần nghỉ Tết Nguyên đán từ 14/02/2026 đến 22/02/2026." in lines
    assert "Tuần tới nghỉ Tết Nguyên đán từ 14/02/2026 đến 22/02/2026." in lines
    closing = cells(brief_w07.tables[-1])[0]
    recipients, signer = closing
    first = recipients.paragraphs[0]
    assert first.text == "Nơi nhận:" and all(r.bold and r.italic for r in first.runs)
    assert [p.text for p in filled(recipients)][1:] == [
        "- Công an tỉnh Thanh Hóa (để báo cáo);",
        "- Đảng ủy, UBND phường Đông Sơn (để báo cáo);",
        "- Lưu: VT.",
    ]
    title, name = filled(signer)
    assert title.text == "TRƯỞNG CÔNG AN PHƯỜNG" and all(r.bold for r in title.runs)
    assert name.text == "…"
    assert (
        brief_w07.core_properties.title
        == "Kết quả xây dựng Công an phường kiểu mẫu tuần 07 năm 2026 (từ 09/02 đến 15/02/2026)"
    )
    assert brief_w07.core_properties.comments.startswith("kieumau ")


def test_a_week_still_running_is_dated_today(
    invoke: Invoke, shipped_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-02-11")  # the day the 11/22 was published
    document = make_docx(invoke, shipped_root, tmp_path / "b.docx", "brief", "phuong-dong-son")
    assert header_cells(document)[3].text == "Đông Sơn, ngày 11 tháng 02 năm 2026"
    text = document_text(document)
    assert "- Kết quả: 11/22 tiêu chí đạt (50%) (tăng 2 tiêu chí so với tuần trước)." in text
    ranged = make_docx(
        invoke,
        shipped_root,
        tmp_path / "r.docx",
        *("brief", "phuong-dong-son", "--since", "2026-01-01", "--until", "2026-01-31"),
    )
    # 31/01/2026 is a Saturday: the note is dated Friday 30/01.
    assert header_cells(ranged)[3].text == "Đông Sơn, ngày 30 tháng 01 năm 2026"
    assert body_paragraphs(ranged)[1].text == (
        "Kết quả xây dựng Công an phường kiểu mẫu từ ngày 01/01/2026 đến ngày 31/01/2026"
    )


DOCX_GOLDENS = [
    ("brief-dong-son-2026-W07.vi.docx.txt", ["brief", "phuong-dong-son", "--week", "2026-W07"]),
    (
        "brief-dong-son-2026-W07.en.docx.txt",
        ["brief", "phuong-dong-son", "--week", "2026-W07", "--lang", "en"],
    ),
    ("report-dong-son.vi.docx.txt", ["report", "phuong-dong-son"]),
    ("summary-thanh-hoa.vi.docx.txt", ["summary", "--province", "thanh-hoa"]),
]


@pytest.mark.parametrize("case", DOCX_GOLDENS, ids=[c[0] for c in DOCX_GOLDENS])
def test_docx_text_golden(
    case: tuple[str, list[str]],
    invoke: Invoke,
    shipped_root: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    name, args = case
    document = make_docx(invoke, shipped_root, tmp_path / "out.docx", *args)
    text = document_text(document)
    assert unicodedata.is_normalized("NFC", text)
    check_golden(request, name, text)


def test_english_labels_vietnamese_motto(
    invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    document = make_docx(
        invoke,
        shipped_root,
        tmp_path / "en.docx",
        *("brief", "phuong-dong-son", "--week", "2026-W07", "--lang", "en"),
    )
    _, national, number, place = header_cells(document)
    # The national title and motto are the fixed heading of a Vietnamese state document.
    assert [p.text for p in filled(national)] == [NATIONAL_TITLE, MOTTO]
    assert number.text == "No. …/BC-CAP"
    assert place.text == "Đông Sơn, 2026-02-13"
    text = document_text(document)
    assert (
        "REPORT\nProgress toward a model ward police station, week 07 of 2026 "
        "(2026-02-09 to 2026-02-15)\n" in text
    )
    assert "- Score: 11/22 criteria met (50%) (2 more than last week)." in text
    assert "1. Overview" in text
    assert "Recipients:" in text and "Tình hình chung" not in text
    assert document.core_properties.language == "en-GB"


# --- the report and the summary -----------------------------------------------------------


def test_report_tables_keep_the_per_criterion_results(
    invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    document = make_docx(invoke, shipped_root, tmp_path / "r.docx", "report", "phuong-dong-son")
    text = document_text(document)
    assert (
        "- Kết quả: 11/22 tiêu chí đạt (50%); 11 đang thực hiện; 0 chưa đạt; 0 chưa đánh giá."
        in (text)
    )
    assert header_cells(document)[3].text == "Đông Sơn, ngày 20 tháng 02 năm 2026"
    # groups, missing, indicators, progress; the closing block; then the two annexes
    closing = next(
        i for i, t in enumerate(document.tables) if "Nơi nhận:" in cell_text(t.rows[0].cells[0])
    )
    assert closing == 5
    body_tables = document.tables[1:closing] + document.tables[closing + 1 :]
    assert len(body_tables) == 6
    for table in body_tables:
        header = table.rows[0]._tr
        assert header.trPr is not None
        assert header.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {b.get(qn("w:val")) for b in borders} == {"single"}
        assert all(r.bold for c in cells(table)[0] for p in c.paragraphs for r in p.runs)
    details = next(t for t in body_tables if "Minh chứng" in cell_text(table_row(t, 0)[-1]))
    rows = cells(details)
    ids = [cell_text(row[0]) for row in rows[1:] if len(row) > 1]
    assert ids == [str(n) for n in range(1, 23)]
    text_lines = text.splitlines()
    annex = text_lines.index("Phụ lục I")
    assert text_lines[annex + 1] == "KẾT QUẢ TỪNG TIÊU CHÍ VÀ HỒ SƠ, TÀI LIỆU MINH CHỨNG"
    assert text_lines[annex + 2] == "(Kèm theo Báo cáo số …/BC-CAP ngày 20 tháng 02 năm 2026)"
    assert "Phụ lục II" in text_lines
    groups = [cell_text(row[0]) for row in rows if len(row) == 1]
    assert groups[0] == "Nhóm 1. Lãnh đạo, chỉ đạo, tuyên truyền và thi đua (4/4)"
    c03 = next(row for row in rows if cell_text(row[0]) == "3")
    assert cell_text(c03[2]) == "Đạt<br>cập nhật 11/02/2026<br>hạn 28/02/2026"
    assert cell_text(c03[4]) == "Biên bản hội nghị Nhân dân tại 57/57 tổ dân phố"
    table_runs = [
        run
        for table in body_tables
        for row in cells(table)
        for cell in row
        for paragraph in cell.paragraphs
        for run in paragraph.runs
    ]
    assert {run_font(run)[:2] for run in table_runs} == {("Times New Roman", 12)}


def table_row(table: Table, index: int) -> list[_Cell]:
    return cells(table)[index]


def test_summary_docx_for_a_province_and_the_country(
    invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    province = make_docx(
        invoke, shipped_root, tmp_path / "p.docx", "summary", "--province", "thanh-hoa"
    )
    agency, _, number, place = header_cells(province)
    assert [p.text for p in filled(agency)] == ["BỘ CÔNG AN", "CÔNG AN TỈNH THANH HÓA"]
    assert (number.text, place.text) == ("Số: …/BC-CAT", "Thanh Hóa, ngày 20 tháng 02 năm 2026")
    text = document_text(province)
    assert "Tiến độ xây dựng Công an phường kiểu mẫu trên địa bàn tỉnh Thanh Hóa" in text
    # One province: no province column; the set by its title.
    assert (
        "| 2 | Phường Đông Sơn | Bộ tiêu chí Công an phường kiểu mẫu về an ninh, trật tự và "
        "chuyển đổi số năm 2026 | 11/22 |" in text
    )
    country = make_docx(invoke, shipped_root, tmp_path / "c.docx", "summary")
    # No issuer named: a neutral header, no Quốc hiệu, no Ministry, no Hà Nội, no signature.
    national = document_text(country)
    assert NATIONAL_TITLE not in national and "BỘ CÔNG AN" not in national
    assert "Hà Nội" not in national and "Nơi nhận" not in national
    assert "TIẾN ĐỘ XÂY DỰNG CÔNG AN PHƯỜNG KIỂU MẪU TRÊN TOÀN QUỐC" in national
    assert (
        "| 2 | Phường Thắng Lợi (tên theo nguồn năm 2024, chưa xác minh sau sắp xếp 1/7/2025) "
        "| Tỉnh Thái Nguyên |" in national
    )
    named = make_docx(
        invoke,
        shipped_root,
        tmp_path / "n.docx",
        *("summary", "--issuer", "Cục Cảnh sát quản lý hành chính về trật tự xã hội"),
        *("--issuer-superior", "Bộ Công an", "--issuer-place", "Hà Nội", "--symbol", "BC-C06"),
    )
    agency, _, number, place = header_cells(named)
    assert [p.text for p in filled(agency)] == [
        "BỘ CÔNG AN",
        "CỤC CẢNH SÁT QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI",
    ]
    assert (number.text, place.text) == ("Số: …/BC-C06", "Hà Nội, ngày 20 tháng 02 năm 2026")


def test_a_ward_without_a_document_block_gets_defaults(
    invoke: Invoke, example_root: Path, tmp_path: Path
) -> None:
    document = make_docx(invoke, example_root, tmp_path / "m.docx", "report", "phuong-mau")
    agency, _, number, place = header_cells(document)
    assert [p.text for p in filled(agency)] == ["CÔNG AN TỈNH MẪU", "CÔNG AN PHƯỜNG MẪU"]
    assert number.text == "Số: …/BC-CAP"
    assert place.text == "Mẫu, ngày 20 tháng 02 năm 2026"
    assert "- Công an tỉnh Mẫu (để báo cáo);" in document_text(document)


def test_nfd_input_gives_the_same_document(
    invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    args = ("brief", "phuong-dong-son", "--week", "2026-W07")
    plain = document_text(make_docx(invoke, shipped_root, tmp_path / "a.docx", *args))
    path = shipped_root / DONG_SON
    path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")), "utf-8")
    decomposed = document_text(make_docx(invoke, shipped_root, tmp_path / "b.docx", *args))
    assert decomposed == plain
    assert unicodedata.is_normalized("NFC", decomposed)


def test_same_data_same_bytes(invoke: Invoke, shipped_root: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "1.docx", tmp_path / "2.docx"
    make_docx(invoke, shipped_root, first, "report", "phuong-dong-son")
    make_docx(invoke, shipped_root, second, "report", "phuong-dong-son")
    assert first.read_bytes() == second.read_bytes()
    properties = docx.Document(str(first)).core_properties
    assert properties.created == dt.datetime(2026, 2, 20, tzinfo=dt.UTC)
    assert properties.author == "Công an phường Đông Sơn"


# --- what is refused ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["brief", "phuong-dong-son", "--format", "docx"],
        ["report", "phuong-dong-son", "-f", "docx"],
        ["summary", "--format", "docx"],
    ],
)
def test_docx_needs_an_output_file(invoke: Invoke, shipped_root: Path, args: list[str]) -> None:
    result = invoke("--root", str(shipped_root), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--format docx cần -o TỆP" in result.stderr and "terminal" in result.stderr


def test_docx_refuses_templates_and_keeps_other_formats(
    invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.docx"
    result = invoke(
        *("--root", str(shipped_root), "report", "phuong-dong-son", "-f", "docx"),
        *("-o", str(out), "--templates", str(tmp_path)),
    )
    assert result.exit_code == 2 and "--templates" in result.stderr
    assert not out.exists()
    missing = invoke(
        *("--root", str(shipped_root), "report", "phuong-dong-son", "-f", "docx"),
        *("-o", str(tmp_path / "no" / "x.docx")),
    )
    assert missing.exit_code == 2 and "thư mục không tồn tại" in missing.stderr
    markdown = invoke("--root", str(shipped_root), "report", "phuong-dong-son")
    assert markdown.exit_code == 0 and "11/22" in markdown.stdout


def test_a_broken_ward_file_writes_nothing(
    invoke: Invoke, example_root: Path, tmp_path: Path
) -> None:
    edit(example_root / "wards/tinh-mau/phuong-mau.yaml", "\nstatus:\n", "\nstatuss:\n")
    out = tmp_path / "x.docx"
    result = invoke(
        *("--root", str(example_root), "report", "phuong-mau", "-f", "docx", "-o", str(out))
    )
    assert result.exit_code == 1 and not out.exists()


# --- optional: what LibreOffice makes of it ------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_it_to_a_pdf(
    invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    source = tmp_path / "brief.docx"
    make_docx(invoke, shipped_root, source, "brief", "phuong-dong-son", "--week", "2026-W07")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "brief.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
        ).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in unicodedata.normalize("NFC", text)
        assert "ngày 13 tháng 02 năm 2026" in unicodedata.normalize("NFC", text)
        pages = text.count("\f")
        assert pages >= 2


# --- documents an officer signs as they are ---------------------------------------------

SIGNABLE = [
    ["brief", "phuong-dong-son", "--week", "2026-W07"],
    ["brief", "phuong-dong-son", "--week", "2026-W07", "--lang", "en"],
    ["brief", "phuong-duc-xuan", "--since", "2024-01-01", "--until", "2024-01-31"],
    ["report", "phuong-dong-son"],
    ["report", "phuong-dong-son", "--lang", "en"],
    ["report", "phuong-hai-chau-1"],
    ["report", "phuong-tao-xuyen"],
    ["summary"],
    ["summary", "--province", "thanh-hoa"],
    ["summary", "--province", "thai-nguyen", "--lang", "en"],
]
INTERNAL = re.compile(
    r"[a-z0-9]+(?:-[a-z0-9]+)+/[a-z0-9]+(?:-[a-z0-9]+)*"  # a slug: thanh-hoa/phuong-dong-son
    r"|@|`|(?i:kieumau|\bgit\b)|\bC\d{2}\b|\bin_progress\b|\bnot_met\b|\bformer\b"
)


@pytest.mark.parametrize("args", SIGNABLE, ids=[" ".join(a) for a in SIGNABLE])
def test_nothing_internal_in_the_body_of_a_document(
    args: list[str], invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    """No slug, set id, YAML key, backtick, tool name or git detail anywhere in the body,
    tables included; the tool and the day go to the document's properties."""
    document = make_docx(invoke, shipped_root, tmp_path / "d.docx", *args)
    text = document_text(document)
    found = sorted({m.group(0) for m in INTERNAL.finditer(text)})
    assert not found, found
    assert document.core_properties.comments.startswith("kieumau ")
    with_appendix = make_docx(invoke, shipped_root, tmp_path / "a.docx", *args, "--appendix")
    assert "kieumau" in document_text(with_appendix)


def test_signature_block_kt_with_rank_and_symbol(
    invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    document = make_docx(
        invoke,
        shipped_root,
        tmp_path / "kt.docx",
        *("brief", "phuong-dong-son", "--week", "2026-W07", "--sign-as", "KT"),
        *("--signer-rank", "Trung tá", "--signer-name", "Nguyễn Văn A", "--symbol", "BC-CAP-TH"),
    )
    closing = next(t for t in document.tables if "Nơi nhận:" in cell_text(t.rows[0].cells[0]))
    signer = closing.rows[0].cells[1]
    lines = [p.text for p in signer.paragraphs]
    assert lines[:2] == ["KT. TRƯỞNG CÔNG AN PHƯỜNG", "PHÓ TRƯỞNG CÔNG AN PHƯỜNG"]
    assert lines[-1] == "Trung tá Nguyễn Văn A"
    assert lines[2:-1] == ["", "", "", ""]  # room for the signature and the seal
    assert header_cells(document)[2].text == "Số: …/BC-CAP-TH"
    # The block never splits from the body's last lines: every paragraph keeps with the next.
    assert all(p.paragraph_format.keep_with_next for p in signer.paragraphs)
    row_properties = closing.rows[0]._tr.trPr
    assert row_properties is not None and row_properties.find(qn("w:cantSplit")) is not None
    tl = make_docx(
        invoke,
        shipped_root,
        tmp_path / "tl.docx",
        *("report", "phuong-dong-son", "--sign-as", "TL", "--signer-title", "Đội trưởng"),
    )
    closing = next(t for t in tl.tables if "Nơi nhận:" in cell_text(t.rows[0].cells[0]))
    assert [p.text for p in closing.rows[0].cells[1].paragraphs][:2] == [
        "TL. TRƯỞNG CÔNG AN PHƯỜNG",
        "ĐỘI TRƯỞNG",
    ]
    acting = make_docx(
        invoke,
        shipped_root,
        tmp_path / "q.docx",
        "summary",
        "--province",
        "thanh-hoa",
        "--sign-as",
        "Q",
    )
    closing = next(t for t in acting.tables if "Nơi nhận:" in cell_text(t.rows[0].cells[0]))
    assert closing.rows[0].cells[1].paragraphs[0].text == "Q. GIÁM ĐỐC"
