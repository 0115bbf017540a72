"""The building blocks of kieumau's Word documents (python-docx and a little OOXML), laid
out the way Vietnamese state documents must be (Nghị định 30/2020/NĐ-CP, Phụ lục I).

- A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm.
- Times New Roman everywhere (the East Asian and complex-script font names too, so Word
  never substitutes a font for Vietnamese letters): body 14 pt, justified, first line
  indented 1.27 cm, 6 pt between paragraphs; tables 12 pt; the header block at the
  decree's sizes (issuing bodies and national title 12 pt, motto, number and date 13 pt).
- Page numbers centred in the header from page 2 on (a different, empty first-page header).
- Header block: a borderless two-column table. Left: the superior body (capitals), the unit
  (bold capitals) with a short rule beneath, then "Số: …/BC-…". Right: the national title
  (bold capitals), the motto (bold) with a rule as long as it, then the place and date line
  in italics. Then "BÁO CÁO" and the subject line, bold and centred, with a short rule.
- Body: the sections of the Markdown/HTML templates, with the per-criterion tables (bordered,
  the header row repeated on every page). Closing block: "Nơi nhận:" and its list on the
  left, the signer's title (bold capitals) and name (or a placeholder) on the right.

Every text goes through NFC. The file is the same bytes for the same data and date.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any, NamedTuple

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from kieumau_cli.text.format import nfc
from kieumau_cli.text.unsafe import visible

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
AGENCY_PT = 12  # superior body, unit, national title (decree: 12–13)
MOTTO_PT = 13  # motto, number, place and date line (decree: 13–14; number 13)
RECIPIENTS_LABEL_PT = 12  # "Nơi nhận:" (decree: 12)
RECIPIENTS_PT = 11  # the list under it (decree: 11)
NOTE_PT = 13  # the closing note on sources and version
INDENT = Mm(12.7)
# Page and margins in twentieths of a point, as Word stores them: A4 is 11906 × 16838;
# 1134 = 20.0 mm, 1701 = 30.0 mm, 851 = 15.0 mm (rounded into the decree's ranges).
PAGE_TWIPS = (11906, 16838)
MARGIN_TWIPS = {"top": 1134, "bottom": 1134, "left": 1701, "right": 851}
TEXT_MM = 164.0  # 210 − 30 − 15, less a hair so tables never poke into the margin
HEADER_COLUMNS_MM = (66.0, 98.0)
CELL_MARGIN_TWIPS = 57  # 1 mm left and right inside table cells
ALIGN = {
    "l": WD_ALIGN_PARAGRAPH.LEFT,
    "c": WD_ALIGN_PARAGRAPH.CENTER,
    "r": WD_ALIGN_PARAGRAPH.RIGHT,
    "j": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
PBDR_AFTER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc")
TBL_BORDERS_AFTER = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
TBL_MARGIN_AFTER = ("w:tblLook", "w:tblCaption", "w:tblDescription")
TR_AFTER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


class Span(NamedTuple):
    text: str
    bold: bool = False
    italic: bool = False


Piece = str | Span
Line = Sequence[Piece]
Cell = str | Sequence[Line]  # a plain text, or paragraphs of pieces
Row = Sequence[Cell] | str  # a str is a full-width group row


def bold(text: str) -> Span:
    return Span(text, bold=True)


def italic(text: str) -> Span:
    return Span(text, italic=True)


# --- the document and its page ---------------------------------------------------------


def element(tag: str, **attributes: str) -> BaseOxmlElement:
    element: BaseOxmlElement = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def set_fonts(rpr: BaseOxmlElement) -> None:
    """Times New Roman for Latin, East Asian and complex scripts; no theme font overrides."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = element("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)


def set_size(rpr: BaseOxmlElement, size: float) -> None:
    half_points = str(round(size * 2))
    for tag in ("w:sz", "w:szCs"):
        found = rpr.find(qn(tag))
        if found is not None:
            found.set(qn("w:val"), half_points)
    if rpr.find(qn("w:szCs")) is None:
        sz = rpr.find(qn("w:sz"))
        if sz is not None:
            sz.addnext(element("w:szCs", val=half_points))


def new_document(lang: str) -> DocumentObject:
    document = Document()
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(run_defaults)
    set_size(run_defaults, BODY_PT)
    language = run_defaults.find(qn("w:lang"))
    language.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")
    language.set(qn("w:eastAsia"), "vi-VN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    set_fonts(normal.element.get_or_add_rPr())
    section = document.sections[0]
    section.page_width, section.page_height = (Twips(v) for v in PAGE_TWIPS)
    section.top_margin = Twips(MARGIN_TWIPS["top"])
    section.bottom_margin = Twips(MARGIN_TWIPS["bottom"])
    section.left_margin = Twips(MARGIN_TWIPS["left"])
    section.right_margin = Twips(MARGIN_TWIPS["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    # Page numbers from page 2: the first page has its own (empty) header.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(number, "PAGE", "2", MOTTO_PT)
    section.first_page_header.paragraphs[0].text = ""
    return document


def add_field(paragraph: Paragraph, instruction: str, shown: str, size: float) -> None:
    """A Word field (PAGE): begin, instruction, separate, the last result, end."""
    parts: list[tuple[str, dict[str, str], str | None]] = [
        ("w:fldChar", {"fldCharType": "begin"}, None),
        ("w:instrText", {}, f" {instruction} "),
        ("w:fldChar", {"fldCharType": "separate"}, None),
        ("w:t", {}, shown),
        ("w:fldChar", {"fldCharType": "end"}, None),
    ]
    for tag, attributes, text in parts:
        run = add_run(paragraph, "", size)
        child = element(tag, **attributes)
        if text is not None:
            child.text = text
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run._r.append(child)


def add_run(paragraph: Paragraph, text: str, size: float, span: Span | None = None) -> Any:
    run = paragraph.add_run(visible(nfc(text)))  # python-docx refuses XML-unsafe text
    if span is not None and span.bold:
        run.bold = True
    if span is not None and span.italic:
        run.italic = True
    run.font.name = FONT
    run.font.size = Pt(size)
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr)
    set_size(rpr, size)
    return run


def formatted(
    paragraph: Paragraph,
    *,
    align: str = "j",
    indent: bool = True,
    after: float = 6,
    before: float = 0,
    keep_next: bool = False,
) -> Paragraph:
    fmt = paragraph.paragraph_format
    fmt.alignment = ALIGN[align]
    fmt.first_line_indent = INDENT if indent else None
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    fmt.line_spacing = 1.0
    fmt.widow_control = True
    if keep_next:
        fmt.keep_with_next = True
    return paragraph


def fill(paragraph: Paragraph, pieces: Line, size: float) -> Paragraph:
    for piece in pieces:
        span = piece if isinstance(piece, Span) else Span(piece)
        if span.text:
            add_run(paragraph, span.text, size, span)
    return paragraph


def add_rule(paragraph: Paragraph, width_mm: float, room_mm: float) -> None:
    """A thin line `width_mm` long, centred in `room_mm`: the top border of an almost
    empty paragraph, indented from both sides (Phụ lục I: a solid rule under the unit,
    the motto and the subject line)."""
    side = Mm(max(0.0, (room_mm - width_mm) / 2))
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = side
    fmt.first_line_indent = None
    fmt.space_before = Pt(4)  # clear of the letters above, as a separate stroke
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    ppr = paragraph._p.get_or_add_pPr()
    borders = element("w:pBdr")
    borders.append(element("w:top", val="single", sz="6", space="1", color="000000"))
    ppr.insert_element_before(borders, *PBDR_AFTER)
    mark = element("w:rPr")
    mark.append(element("w:sz", val="4"))
    ppr.append(mark)


# --- tables ---------------------------------------------------------------------------


def table_setup(table: Table, widths: Sequence[float], *, borders: bool, margin: int) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = element("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(sum(widths) / 25.4 * 1440)))
    edges = element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if borders:
            edges.append(element(f"w:{edge}", val="single", sz="4", space="0", color="000000"))
        else:
            edges.append(element(f"w:{edge}", val="nil"))
    tbl_pr.insert_element_before(edges, *TBL_BORDERS_AFTER)
    cell_margins = element("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        room = margin if side in ("left", "right") or not borders else margin // 2
        cell_margins.append(element(f"w:{side}", w=str(room), type="dxa"))
    tbl_pr.insert_element_before(cell_margins, *TBL_MARGIN_AFTER)
    for column, size in zip(table.columns, widths, strict=True):
        column.width = Mm(size)
        for cell in column.cells:
            cell.width = Mm(size)


def row_flags(row: Any, *, header: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.insert_element_before(element("w:cantSplit"), "w:trHeight", "w:tblHeader", *TR_AFTER)
    if header:
        tr_pr.insert_element_before(element("w:tblHeader"), *TR_AFTER)


def cell_lines(cell: _Cell, lines: Sequence[Line], align: str, size: float) -> None:
    """Fill a new cell (its first, empty paragraph, then one paragraph per line)."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        fill(formatted(paragraph, align=align, indent=False, after=0), line, size)


def cell_add(cell: _Cell, line: Line, align: str, size: float) -> None:
    """One more paragraph at the end of a cell."""
    fill(formatted(cell.add_paragraph(), align=align, indent=False, after=0), line, size)


def as_lines(cell: Cell) -> Sequence[Line]:
    return [[cell]] if isinstance(cell, str) else cell


def stable_zip(data: bytes) -> bytes:
    """The same bytes for the same document: python-docx stamps each zip entry with the
    time of saving; this writes them again with a fixed one."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
