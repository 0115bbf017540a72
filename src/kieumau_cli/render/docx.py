"""`--format docx`: the brief, the report and the summary as Word documents laid out the
way Vietnamese state documents must be (Nghị định 30/2020/NĐ-CP, Phụ lục I).

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

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence
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

from kieumau_cli.load.models import Provenance, Status, Text
from kieumau_cli.render.common import COMPARATOR_SIGNS, pick, provenance_text, status_label
from kieumau_cli.render.official import (
    Frame,
    Issuer,
    frame,
    lower_first,
    province_phrase,
    summary_issuer,
    text_width_mm,
    ward_issuer,
)
from kieumau_cli.render.templates import sentence
from kieumau_cli.results.report import (
    Brief,
    CriterionRow,
    OwnerTasks,
    Report,
    SourceRow,
    StalledRow,
    Summary,
)
from kieumau_cli.results.score import Score
from kieumau_cli.results.timeline import NewEvidence, NewReading, StatusChange
from kieumau_cli.results.weeks import format_week, iso_week
from kieumau_cli.text.format import format_date, format_number, format_percent, nfc
from kieumau_cli.text.labels import label

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
_PBDR_AFTER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc")
_TBL_BORDERS_AFTER = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
_TBL_MARGIN_AFTER = ("w:tblLook", "w:tblCaption", "w:tblDescription")
_TR_AFTER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")


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


def _element(tag: str, **attributes: str) -> BaseOxmlElement:
    element: BaseOxmlElement = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _set_fonts(rpr: BaseOxmlElement) -> None:
    """Times New Roman for Latin, East Asian and complex scripts; no theme font overrides."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _element("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)


def _set_size(rpr: BaseOxmlElement, size: float) -> None:
    half_points = str(round(size * 2))
    for tag in ("w:sz", "w:szCs"):
        found = rpr.find(qn(tag))
        if found is not None:
            found.set(qn("w:val"), half_points)
    if rpr.find(qn("w:szCs")) is None:
        sz = rpr.find(qn("w:sz"))
        if sz is not None:
            sz.addnext(_element("w:szCs", val=half_points))


def _new_document(lang: str) -> DocumentObject:
    document = Document()
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(run_defaults)
    _set_size(run_defaults, BODY_PT)
    language = run_defaults.find(qn("w:lang"))
    language.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")
    language.set(qn("w:eastAsia"), "vi-VN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_fonts(normal.element.get_or_add_rPr())
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
    _field(number, "PAGE", "2", MOTTO_PT)
    section.first_page_header.paragraphs[0].text = ""
    return document


def _field(paragraph: Paragraph, instruction: str, shown: str, size: float) -> None:
    """A Word field (PAGE): begin, instruction, separate, the last result, end."""
    parts: list[tuple[str, dict[str, str], str | None]] = [
        ("w:fldChar", {"fldCharType": "begin"}, None),
        ("w:instrText", {}, f" {instruction} "),
        ("w:fldChar", {"fldCharType": "separate"}, None),
        ("w:t", {}, shown),
        ("w:fldChar", {"fldCharType": "end"}, None),
    ]
    for tag, attributes, text in parts:
        run = _run(paragraph, "", size)
        child = _element(tag, **attributes)
        if text is not None:
            child.text = text
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run._r.append(child)


def _run(paragraph: Paragraph, text: str, size: float, span: Span | None = None) -> Any:
    run = paragraph.add_run(nfc(text))
    if span is not None and span.bold:
        run.bold = True
    if span is not None and span.italic:
        run.italic = True
    run.font.name = FONT
    run.font.size = Pt(size)
    rpr = run._r.get_or_add_rPr()
    _set_fonts(rpr)
    _set_size(rpr, size)
    return run


def _format(
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


def _fill(paragraph: Paragraph, pieces: Line, size: float) -> Paragraph:
    for piece in pieces:
        span = piece if isinstance(piece, Span) else Span(piece)
        if span.text:
            _run(paragraph, span.text, size, span)
    return paragraph


def _rule(paragraph: Paragraph, width_mm: float, room_mm: float) -> None:
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
    borders = _element("w:pBdr")
    borders.append(_element("w:top", val="single", sz="6", space="1", color="000000"))
    ppr.insert_element_before(borders, *_PBDR_AFTER)
    mark = _element("w:rPr")
    mark.append(_element("w:sz", val="4"))
    ppr.append(mark)


# --- tables ---------------------------------------------------------------------------


def _table_setup(table: Table, widths: Sequence[float], *, borders: bool, margin: int) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = _element("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(sum(widths) / 25.4 * 1440)))
    edges = _element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if borders:
            edges.append(_element(f"w:{edge}", val="single", sz="4", space="0", color="000000"))
        else:
            edges.append(_element(f"w:{edge}", val="nil"))
    tbl_pr.insert_element_before(edges, *_TBL_BORDERS_AFTER)
    cell_margins = _element("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        room = margin if side in ("left", "right") or not borders else margin // 2
        cell_margins.append(_element(f"w:{side}", w=str(room), type="dxa"))
    tbl_pr.insert_element_before(cell_margins, *_TBL_MARGIN_AFTER)
    for column, size in zip(table.columns, widths, strict=True):
        column.width = Mm(size)
        for cell in column.cells:
            cell.width = Mm(size)


def _row_flags(row: Any, *, header: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.insert_element_before(_element("w:cantSplit"), "w:trHeight", "w:tblHeader", *_TR_AFTER)
    if header:
        tr_pr.insert_element_before(_element("w:tblHeader"), *_TR_AFTER)


def _cell_lines(cell: _Cell, lines: Sequence[Line], align: str, size: float) -> None:
    """Fill a new cell (its first, empty paragraph, then one paragraph per line)."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _fill(_format(paragraph, align=align, indent=False, after=0), line, size)


def _cell_add(cell: _Cell, line: Line, align: str, size: float) -> None:
    """One more paragraph at the end of a cell."""
    _fill(_format(cell.add_paragraph(), align=align, indent=False, after=0), line, size)


def _as_lines(cell: Cell) -> Sequence[Line]:
    return [[cell]] if isinstance(cell, str) else cell


# --- the writer -----------------------------------------------------------------------


class Writer:
    """Builds one document top to bottom: `begin` (header block), body calls, `finish`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.document = _new_document(lang)
        self.frame: Frame | None = None
        self.day = dt.date.min
        self.author = ""
        self._letter = 0
        self._section = 0

    # labels and formats
    def t(self, key: str, **params: object) -> str:
        return label(self.lang, key, **params)

    def date(self, value: dt.date | None, precision: str = "day") -> str:
        return format_date(value, self.lang, precision=precision)

    def number(self, value: float) -> str:
        return format_number(value, self.lang)

    def pick(self, text: Text) -> str:
        return pick(text, self.lang)

    def status(self, value: Status) -> str:
        return status_label(value, self.lang)

    def provenance(self, value: Provenance) -> str:
        return provenance_text(value, self.lang)

    # blocks
    def paragraph(self, pieces: Line, **fmt: Any) -> Paragraph:
        size = fmt.pop("size", BODY_PT)
        return _fill(_format(self.document.add_paragraph(), **fmt), pieces, size)

    def heading(self, text: str) -> None:
        """'1. Tình hình chung': bold, kept with what follows."""
        self.paragraph([bold(text)], before=6, keep_next=True)

    def numbered(self, text: str) -> None:
        """A heading numbered in order (the brief's labels carry their own numbers)."""
        self._section += 1
        self.heading(f"{self._section}. {text}")

    def cols(self, *keys: str) -> list[str]:
        """Column headers, by label key."""
        return [self.t(key) for key in keys]

    def item(self, pieces: Line) -> None:
        """A '- ' line, as state documents list things."""
        self.paragraph(["- ", *pieces])

    def block(self, title: str, items: Sequence[Any], render: Callable[[Any], Line]) -> None:
        """'a) Tiêu chí mới đạt (2):' then one '- ' line per item, or ' Không có.'"""
        letter = "abcdefghijklmnopqrstuvwxyz"[self._letter]
        self._letter += 1
        head: list[Piece] = [Span(f"{letter}) {title} ({len(items)}):", bold=True, italic=True)]
        if not items:
            head.append(" " + self.t("doc.none"))
        self.paragraph(head, keep_next=bool(items))
        for item in items:
            self.item(render(item))

    def letters(self) -> None:
        """Start the sub-blocks of a section again at 'a)'."""
        self._letter = 0

    def table(
        self,
        headers: Sequence[str],
        widths: Sequence[float],
        rows: Sequence[Row],
        aligns: str | None = None,
    ) -> None:
        aligns = aligns or "l" * len(headers)
        table = self.document.add_table(rows=1 + len(rows), cols=len(headers))
        _table_setup(table, widths, borders=True, margin=CELL_MARGIN_TWIPS)
        _row_flags(table.rows[0], header=True)
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            _cell_lines(cell, [[bold(text)]], "c", TABLE_PT)
        for row, values in zip(table.rows[1:], rows, strict=True):
            _row_flags(row, header=False)
            if isinstance(values, str):  # a group: kept on the page of its first row
                merged = row.cells[0].merge(row.cells[-1])
                _cell_lines(merged, [[bold(values)]], "l", TABLE_PT)
                merged.paragraphs[0].paragraph_format.keep_with_next = True
                continue
            for cell, value, align in zip(row.cells, values, aligns, strict=True):
                _cell_lines(cell, _as_lines(value), align, TABLE_PT)
        self.paragraph([""], after=6)  # room between a table and what follows

    # the fixed parts
    def begin(self, issuer: Issuer, day: dt.date, subject: str) -> None:
        parts = frame(issuer, day, subject, self.lang)
        self.frame = parts
        self.day = day
        self.author = issuer.unit
        left_mm, right_mm = HEADER_COLUMNS_MM
        table = self.document.add_table(rows=2, cols=2)
        _table_setup(table, HEADER_COLUMNS_MM, borders=False, margin=0)
        agency, national = table.rows[0].cells
        lines: list[Line] = []
        if parts.superior:
            lines.append([parts.superior])
        lines.append([bold(parts.unit)])
        _cell_lines(agency, lines, "c", AGENCY_PT)
        unit_mm = min(text_width_mm(parts.unit, AGENCY_PT, bold=True), left_mm)
        _rule(agency.add_paragraph(), unit_mm * 0.4, left_mm)
        _cell_lines(national, [[bold(parts.national)]], "c", AGENCY_PT)
        _cell_add(national, [bold(parts.motto)], "c", MOTTO_PT)
        _rule(national.add_paragraph(), text_width_mm(parts.motto, MOTTO_PT, bold=True), right_mm)
        number, place = table.rows[1].cells
        _cell_lines(number, [[parts.number]], "c", MOTTO_PT)
        _cell_lines(place, [[italic(parts.place_date)]], "c", MOTTO_PT)
        for cell in (number, place):
            cell.paragraphs[0].paragraph_format.space_before = Pt(6)
        self.paragraph([bold(parts.doc_type)], align="c", indent=False, before=18, after=0)
        self.paragraph([bold(parts.subject)], align="c", indent=False, after=2)
        subject_mm = min(text_width_mm(parts.subject, BODY_PT, bold=True), TEXT_MM)
        _rule(self.document.add_paragraph(), subject_mm * 0.4, TEXT_MM)
        self.paragraph([""], after=6)

    def intro(self, plan: str | None, unit: str, subject: str) -> None:
        if plan:
            text = self.t("docx.intro.plan", plan=plan, unit=unit, subject=subject)
        else:
            text = self.t("docx.intro", unit=unit, subject=subject)
        self.paragraph([text])

    def note(self, text: str) -> None:
        """The data's own provenance line (sources of change, generated by)."""
        self.paragraph([italic(text)], size=NOTE_PT, after=0)

    def finish(self) -> bytes:
        parts = self.frame
        assert parts is not None, "begin() first"
        self.paragraph([""], after=6)
        table = self.document.add_table(rows=1, cols=2)
        _table_setup(table, (74.0, 90.0), borders=False, margin=0)
        _row_flags(table.rows[0], header=False)
        recipients, signer = table.rows[0].cells
        heading = Span(parts.recipients_label, bold=True, italic=True)
        _cell_lines(recipients, [[heading]], "l", RECIPIENTS_LABEL_PT)
        for line in parts.recipients:
            _cell_add(recipients, [line], "l", RECIPIENTS_PT)
        # The title, room for the signature and seal, then the name (or a placeholder).
        signature: list[Line] = [[bold(parts.signer_title)], [], [], [], [bold(parts.signer_name)]]
        _cell_lines(signer, signature, "c", BODY_PT)
        properties = self.document.core_properties
        properties.title = parts.subject
        properties.author = properties.last_modified_by = self.author
        properties.language = "vi-VN" if self.lang == "vi" else "en-GB"
        properties.comments = ""
        properties.keywords = ""
        properties.revision = 1
        properties.created = properties.modified = dt.datetime.combine(self.day, dt.time())
        buffer = io.BytesIO()
        self.document.save(buffer)
        return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
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


# --- shared pieces ----------------------------------------------------------------------


def _criterion(w: Writer, criterion_id: str, title: Text) -> list[Piece]:
    return [bold(criterion_id), " " + w.pick(title)]


def _owner_due(w: Writer, row: CriterionRow) -> list[Piece]:
    pieces: list[Piece] = [row.owner or w.t("doc.owner_none")]
    if row.due:
        pieces.append("; " + w.t("doc.due", date=w.date(row.due)))
    if row.overdue:
        pieces += [" (", bold(w.t("doc.overdue_days", days=row.days_overdue)), ")"]
    return pieces


def _quantity(w: Writer, value: float, unit: str) -> str:
    if unit == "%":
        return f"{w.number(value)}%"
    return f"{w.number(value)} {unit}" if unit else w.number(value)


def _change(w: Writer, c: StatusChange) -> list[Piece]:
    by = f", {c.by}" if c.by else ""
    pieces = [
        *_criterion(w, c.criterion.id, c.criterion.title),
        f": {w.status(c.before)} → {w.status(c.after)} ({w.date(c.date)}{by}).",
    ]
    if c.note:
        pieces.append(" " + sentence(c.note))
    if c.source != "history":
        git = w.t(f"change.{c.source}", sha=c.commit, subject=c.subject)
        pieces.append(italic(f" ({git})"))
    return pieces


def _plan(w: Writer, r: Brief | Report) -> str | None:
    plan = r.ward.plan
    if plan is None:
        return None
    text = plan.number
    if plan.date:
        text += f" {w.t('plan_dated')} {w.date(plan.date)}"
    if plan.issuer:
        text += " " + w.t("docx.plan_issuer", issuer=plan.issuer)
    return text


def _cited(w: Writer, s: SourceRow) -> str:
    if s.kind == "press":
        where = f"{s.outlet}, " if s.outlet else ""
        text = f"{where}“{s.title}”, {w.date(s.date, s.precision)}"
    else:
        text = s.document or s.title
        if s.date:
            text += f" {w.t('plan_dated')} {w.date(s.date)}"
        if s.clause:
            text += f", {s.clause}"
        if s.title and s.title != s.document:
            text += f" — {s.title}"
    return f"{text} <{s.url}>" if s.url else text


def _set_line(w: Writer, r: Brief | Report) -> list[Piece]:
    s = r.criteria_set
    return [f"{w.t('criteria_set')}: {w.pick(s.title)} ({s.ref})."]


# --- the weekly brief -------------------------------------------------------------------


def _brief(w: Writer, r: Brief) -> None:
    ward, p = r.ward, r.period
    programme = w.t(f"doc.programme.{ward.kind}")
    if p.week:
        subject = w.t(
            "docx.subject.brief.week",
            programme=programme,
            week=f"{p.week[1]:02d}",
            year=p.week[0],
            label=p.week_label,
        )
        span = w.t("docx.period", start=w.date(p.start), end=w.date(p.end))
        what = f"{lower_first(subject)} {span}"
    else:
        subject = w.t(
            "docx.subject.brief.range",
            programme=programme,
            start=w.date(p.start),
            end=w.date(p.end),
        )
        what = lower_first(subject)
    # Dated the last day the note covers, or today while that day is still to come.
    w.begin(ward_issuer(ward), r.reference, subject)
    w.intro(_plan(w, r), ward.unit, what)
    kind = "week" if p.week else "range"
    _brief_overview(w, r, kind)
    _brief_results(w, r, kind)
    _brief_problems(w, r)
    _brief_next(w, r, kind)
    w.heading(w.t("brief.s5"))
    for index, q in enumerate(r.requests, start=1):
        who = q.criterion.id + (f", {q.owner}" if q.owner else "")
        w.paragraph([f"{index}. ", bold(w.t(f"request.{q.kind}")), f" ({who}): {sentence(q.text)}"])
    if not r.requests:
        w.paragraph([w.t("brief.requests_none")])
    history = sum(1 for c in r.changes if c.source == "history")
    git = w.t(f"git.{r.git_state}", commits=r.commits)
    w.note(w.t("brief.sources", history=history, git=git))
    w.note(w.t("doc.generated", date=w.date(r.generated), version=r.version))


def _brief_overview(w: Writer, r: Brief, kind: str) -> None:
    """1. Tình hình chung."""
    w.heading(w.t("brief.s1"))
    w.item(_set_line(w, r))
    after = r.after
    delta = (
        w.t(f"brief.delta.{kind}", delta=f"{r.delta:+d}", date=w.date(r.baseline))
        if r.delta
        else w.t(f"brief.same.{kind}", date=w.date(r.baseline))
    )
    w.item([f"{w.t('brief.result')}: ", bold(_score(w, after)), f" ({delta})."])
    breakdown = w.t(
        "brief.breakdown",
        in_progress=after.in_progress,
        not_met=after.not_met,
        unknown=after.unknown,
    )
    if after.not_applicable:
        breakdown += "; " + w.t("brief.not_applicable", count=after.not_applicable)
    w.item([breakdown + "."])
    for reported in r.reported:
        source = reported.source
        name = (source.outlet or source.title) if source.kind == "press" else source.document
        text = w.t(
            "brief.reported",
            met=reported.met,
            total=reported.total,
            source=name,
            date=w.date(reported.date),
        )
        w.item([text + "."])
    if after.qualifies:
        w.item([w.t("qualifies") + "."])
    if r.days_left is not None:
        w.item([w.t("brief.target", date=w.date(r.ward.target), days=r.days_left) + "."])


def _brief_results(w: Writer, r: Brief, kind: str) -> None:
    """2. Kết quả trong tuần: status changes, new evidence, indicator readings."""
    w.heading(w.t(f"brief.s2.{kind}"))
    w.letters()

    def newly_met(c: StatusChange) -> Line:
        pieces = _change(w, c)
        row = r.criteria[c.criterion.id]
        if row.evidence:
            titles = "; ".join(e.title for e in row.evidence)
            pieces.append(f" {w.t('col.evidence')}: {titles}.")
        return pieces

    w.block(w.t("brief.newly_met"), r.newly_met, newly_met)
    w.block(w.t("brief.regressions"), r.regressions, lambda c: _change(w, c))
    w.block(w.t("brief.other_changes"), r.other_changes, lambda c: _change(w, c))

    def evidence(e: NewEvidence) -> Line:
        text = e.title + (f" ({e.ref})" if e.ref else "")
        text += (f", {w.date(e.date)}" if e.date else "") + (f", {e.by}" if e.by else "")
        return [*_criterion(w, e.criterion.id, e.criterion.title), f": {text}."]

    w.block(w.t("brief.new_evidence"), r.evidence, evidence)
    w.block(w.t("brief.readings"), r.readings, lambda x: _reading(w, x))


def _reading(w: Writer, x: NewReading) -> Line:
    pieces = _criterion(w, x.criterion.id, x.criterion.title)
    indicator = x.criterion.indicator
    if indicator:
        target = f"{COMPARATOR_SIGNS[indicator.comparator]} "
        target += _quantity(w, indicator.target, indicator.unit)
        pieces += [
            f": {w.pick(indicator.name)} ",
            bold(_quantity(w, x.value, indicator.unit)),
            f" ({w.t('col.target').lower()} {target})",
        ]
    else:
        pieces += [": ", bold(w.number(x.value))]
    pieces.append(f", {w.date(x.date)}" + (f": {x.note}" if x.note else "") + ".")
    return pieces


def _with_status(w: Writer, row: CriterionRow) -> Line:
    """'C08 title — Đang thực hiện; owner; hạn …'."""
    status = f" — {w.status(row.status)}; "
    return [*_criterion(w, row.id, row.title), status, *_owner_due(w, row), "."]


def _brief_problems(w: Writer, r: Brief) -> None:
    """3. Tồn tại, hạn chế: overdue, not started, stalled, unassessed, unassigned."""
    w.heading(w.t("brief.s3"))
    w.letters()
    w.block(w.t("brief.overdue"), r.overdue, lambda row: _with_status(w, row))
    w.block(
        w.t("brief.not_started"),
        r.not_started,
        lambda row: [*_criterion(w, row.id, row.title), " — ", *_owner_due(w, row), "."],
    )

    def stalled(s: StalledRow) -> Line:
        row = s.criterion
        last = (
            w.t("brief.last_change", date=w.date(row.last_update), weeks=s.weeks)
            if row.last_update
            else w.t("brief.never_changed")
        )
        return [*_criterion(w, row.id, row.title), " — ", *_owner_due(w, row), f"; {last}."]

    w.block(w.t("brief.stalled", weeks=r.stalled_weeks), r.stalled, stalled)
    for key, rows in (("brief.unassessed", r.unassessed), ("brief.unassigned", r.unassigned)):
        if rows:
            ids = ", ".join(row.id for row in rows)
            w.paragraph([bold(f"{w.t(key)} ({len(rows)}):"), f" {ids}."])


def _brief_next(w: Writer, r: Brief, kind: str) -> None:
    """4. Nhiệm vụ tuần tới: what falls due, overdue work, work by owner."""
    span = w.t("brief.span", start=w.date(r.next_period.start), end=w.date(r.next_period.end))
    w.heading(f"{w.t(f'brief.s4.{kind}')} ({span})")
    w.letters()
    w.block(w.t("brief.due_next"), r.due_next, lambda row: _with_status(w, row))
    if r.overdue:
        ids = ", ".join(row.id for row in r.overdue)
        w.paragraph([w.t("brief.finish_overdue", ids=ids)])

    def tasks(task: OwnerTasks) -> Line:
        parts = [
            row.id + (f" ({w.t('doc.due', date=w.date(row.due))})" if row.due else "")
            for row in task.criteria
        ]
        return [f"{task.owner or w.t('doc.owner_none')}: {', '.join(parts)}."]

    w.block(w.t("brief.continuing"), r.continuing, tasks)


def _score(w: Writer, score: Score) -> str:
    """'11/22 tiêu chí đạt (50%)'."""
    percent = format_percent(score.met, score.total, w.lang)
    return f"{score.met}/{score.total} {w.t('criteria_met')} ({percent})"


# --- the full report --------------------------------------------------------------------


def _report(w: Writer, r: Report) -> None:
    ward = r.ward
    programme = w.t(f"doc.programme.{ward.kind}")
    subject = w.t("docx.subject.report", programme=programme, date=w.date(r.generated))
    w.begin(ward_issuer(ward), r.generated, subject)
    w.intro(_plan(w, r), ward.unit, lower_first(subject))
    _report_overview(w, r)
    _report_criteria(w, r)
    _report_over_time(w, r)
    w.numbered(w.t("report.sources"))
    for source in r.sources:
        w.item([f"{w.t('report.source.' + source.kind)}: {_cited(w, source)}"])
    if not r.sources:
        w.item([w.t("doc.none")])
    w.note(w.t("doc.generated", date=w.date(r.generated), version=r.version))


def _report_overview(w: Writer, r: Report) -> None:
    """The unit, its set and plan, and the score."""
    ward, s, score = r.ward, r.criteria_set, r.score
    w.numbered(w.t("report.score"))
    w.item([f"{w.t('unit')}: {ward.unit}."])
    w.item([f"{w.t('ward')}: {ward.name}, {ward.province_name} ({ward.key})."])
    for f in ward.former:
        text = f.name + (f", {f.province}" if f.province else "")
        if f.until:
            text += f" ({w.t('report.until', date=w.date(f.until))})"
        w.item([f"{w.t('former')}: {text}."])
    w.item(_set_line(w, r))
    w.item([f"{w.t('report.set_provenance')}: {w.provenance(s.provenance)}"])
    start = f"{w.t('report.start')}: {w.date(ward.start)}"
    w.item([f"{start}; {w.t('report.target')}: {w.date(ward.target)}."])
    counts = [
        f"{score.in_progress} {w.t('count.in_progress')}",
        f"{score.not_met} {w.t('count.not_met')}",
        f"{score.unknown} {w.t('count.unknown')}",
    ]
    if score.not_applicable:
        counts.append(f"{score.not_applicable} {w.t('count.not_applicable')}")
    w.item([f"{w.t('brief.result')}: ", bold(_score(w, score)), "; " + "; ".join(counts) + "."])
    w.item([w.t("qualifies" if score.qualifies else "not_qualified") + "."])
    w.item([italic(f"{w.t('report.data_provenance')}: {w.provenance(ward.provenance)}")])


def _report_criteria(w: Writer, r: Report) -> None:
    """By group, what is missing, each criterion with its evidence, the indicators."""
    w.numbered(w.t("report.groups"))
    w.table(
        w.cols("col.group", "col.met", "col.percent"),
        (112.0, 26.0, 26.0),
        [
            [
                f"{g.group.id}. {w.pick(g.group.title)}",
                f"{g.met}/{g.total}",
                format_percent(g.met, g.total, w.lang),
            ]
            for g in r.groups
        ],
        "lcc",
    )
    w.numbered(w.t("report.missing", count=len(r.missing)))
    if r.missing:
        w.table(
            w.cols("col.id", "col.criterion", "col.status", "col.owner", "col.due"),
            (12.0, 60.0, 30.0, 38.0, 24.0),
            [
                [
                    row.id,
                    w.pick(row.title),
                    w.status(row.status),
                    row.owner or w.t("doc.owner_none"),
                    _due_cell(w, row),
                ]
                for row in r.missing
            ],
            "llllc",
        )
    else:
        w.paragraph([w.t("nothing_missing")])
    w.numbered(w.t("report.details"))
    kinds = {k: sum(row.provenance.kind == k for row in r.criteria) for k in _KINDS}
    w.paragraph([w.t("report.criteria_provenance", **kinds)])
    rows: list[Row] = []
    for g in r.groups:
        rows.append(f"{g.group.id}. {w.pick(g.group.title)} ({g.met}/{g.total})")
        rows += [_detail_row(w, row) for row in g.criteria]
    w.table(
        w.cols("col.id", "col.criterion", "col.status", "col.owner", "col.evidence"),
        (12.0, 48.0, 32.0, 26.0, 46.0),
        rows,
        "lllll",
    )
    w.numbered(w.t("report.indicators"))
    if r.indicators:
        w.table(
            w.cols(
                "col.id", "indicator", "col.target", "col.latest", "col.assessment", "col.trend"
            ),
            (12.0, 46.0, 20.0, 40.0, 24.0, 22.0),
            [_indicator_row(w, i) for i in r.indicators],
            "llclll",
        )
    else:
        w.paragraph([w.t("report.no_indicators")])


def _report_over_time(w: Writer, r: Report) -> None:
    """Published figures, progress over time (as a table) and the history."""
    if r.ward.reported:
        w.numbered(w.t("reported"))
        for item in r.ward.reported:
            met = bold(f"{item.met}/{item.total}")
            w.item([f"{w.date(item.date)}: ", met, f" — {w.provenance(item.source)}"])
    w.numbered(w.t("report.chart"))
    if len(r.progress) > 1:
        w.table(
            w.cols("col.date", "col.met"),
            (40.0, 30.0),
            [[w.date(p.date), f"{p.met}/{p.total}"] for p in r.progress],
            "cc",
        )
    else:
        w.paragraph([w.t("report.chart_none")])
    w.numbered(f"{w.t('report.history')} ({len(r.history)})")
    if r.history:
        w.table(
            w.cols(*(f"col.{k}" for k in ("date", "week", "id", "from", "to", "note", "by"))),
            (23.0, 21.0, 12.0, 23.0, 23.0, 36.0, 26.0),
            [_history_row(w, c) for c in r.history],
            "cclllll",
        )
    else:
        w.paragraph([w.t("report.no_history")])


_KINDS = ("official", "press", "illustrative")


def _due_cell(w: Writer, row: CriterionRow) -> Cell:
    if row.due is None:
        return ""
    if row.overdue:
        return [[bold(w.date(row.due))], [bold(w.t("doc.overdue_days", days=row.days_overdue))]]
    return w.date(row.due)


def _detail_row(w: Writer, row: CriterionRow) -> Row:
    title: list[Line] = [[w.pick(row.title)]]
    if row.note or row.reason:
        title.append([italic(f"{w.t('col.note')}: {row.note or row.reason}")])
    # The status cell carries its dates: updated, and due (bold when overdue).
    status: list[Line] = [[w.status(row.status)]]
    if row.last_update:
        status.append([italic(w.t("docx.updated", date=w.date(row.last_update)))])
    if row.due:
        due = w.t("doc.due", date=w.date(row.due))
        if row.overdue:
            overdue = w.t("doc.overdue_days", days=row.days_overdue)
            status.append([bold(f"{due} ({overdue})")])
        else:
            status.append([due])
    dash = "- " if len(row.evidence) > 1 else ""
    evidence: list[Line] = [
        [
            dash
            + e.title
            + (f" ({e.ref})" if e.ref else "")
            + (f", {w.date(e.date)}" if e.date else "")
        ]
        for e in row.evidence
    ]
    return [row.id, title, status, row.owner or "", evidence or ""]


def _indicator_row(w: Writer, i: Any) -> Row:
    unit = i.indicator.unit
    target = f"{COMPARATOR_SIGNS[i.indicator.comparator]} {_quantity(w, i.indicator.target, unit)}"
    if i.latest:
        latest = f"{_quantity(w, i.latest.value, unit)} ({w.date(i.latest.date)})"
        latest += f": {i.latest.note}" if i.latest.note else ""
    else:
        latest = w.t("report.no_reading")
    if i.meets is None:
        meets: Cell = "—"
    else:
        meets = w.t("report.meets") if i.meets else [[bold(w.t("report.misses"))]]
    trend = "—"
    if i.trend:
        trend = w.t(f"trend.{i.trend}")
        if i.improving is not None:
            trend += f" ({w.t('trend.better' if i.improving else 'trend.worse')})"
    return [i.criterion.id, w.pick(i.indicator.name), target, latest, meets, trend]


def _history_row(w: Writer, c: StatusChange) -> Row:
    if c.source != "history":
        note = w.t(f"change.{c.source}", sha=c.commit, subject=c.subject)
    else:
        note = c.note or ""
    return [
        w.date(c.date),
        format_week(*iso_week(c.date)),
        c.criterion.id,
        w.status(c.before),
        w.status(c.after),
        note,
        c.by or "",
    ]


# --- the province or national summary ---------------------------------------------------


def _summary(w: Writer, r: Summary) -> None:
    programme = w.t("doc.programme.phuong")
    if r.province:
        subject = w.t(
            "docx.subject.summary.province",
            programme=programme,
            # "trên địa bàn tỉnh Thanh Hóa"; in English the name stays as the data has it.
            province=province_phrase(r.province) if w.lang == "vi" else r.province,
        )
    else:
        subject = w.t("docx.subject.summary.country", programme=programme)
    superiors = [ward_issuer(row.ward).superior for row in r.scored if row.ward]
    issuer = summary_issuer(r.province, superiors[0] if superiors else None)
    w.begin(issuer, r.generated, subject)
    w.intro(None, issuer.unit, lower_first(subject))
    w.paragraph(
        [
            f"{w.t('as_of')}: {w.date(r.generated)}; "
            f"{w.t('summary.stations', count=len(r.rows))}; "
            f"{w.t('summary.qualified_count', count=len(r.qualified))}."
        ]
    )

    w.numbered(w.t("summary.ranking"))
    if r.scored:
        rows: list[Row] = []
        for index, row in enumerate(r.scored, start=1):
            assert row.ward is not None and row.score is not None
            assert row.criteria_set is not None
            score = f"{row.score.met}/{row.score.total}"
            if row.score.unknown:
                score += f" ({row.score.unknown} {w.t('count.unknown')})"
            rows.append(
                [
                    str(index),
                    row.ward.name,
                    row.ward.province_name,
                    row.criteria_set.ref,
                    score,
                    format_percent(row.score.met, row.score.total, w.lang),
                    w.t("doc.yes" if row.score.qualifies else "doc.no"),
                    w.date(row.last_update),
                ]
            )
        w.table(
            w.cols("docx.col.no", "col.name", "col.province", "col.set", "col.score")
            + w.cols("col.percent", "col.qualifies", "col.last_update"),
            (9.0, 30.0, 24.0, 35.0, 17.0, 14.0, 14.0, 21.0),
            rows,
            "clllcccc",
        )
    else:
        w.paragraph([w.t("no_wards")])

    w.numbered(w.t("summary.counts"))
    count_rows: list[Row] = [
        [w.status(status), w.number(count), format_percent(count, r.criteria_total, w.lang)]
        for status, count in r.counts.items()
    ]
    count_rows.append([[[bold(w.t("summary.total"))]], [[bold(w.number(r.criteria_total))]], ""])
    w.table(
        w.cols("col.status", "col.count", "col.percent"),
        (70.0, 30.0, 30.0),
        count_rows,
        "lrr",
    )

    w.numbered(w.t("summary.sets"))
    w.table(
        [w.t(f"col.{k}") for k in ("set", "criterion", "count", "pass_rule", "stations")]
        + [w.t("col.qualifies")],
        (34.0, 50.0, 18.0, 28.0, 17.0, 17.0),
        [
            [
                use.criteria_set.ref,
                w.pick(use.criteria_set.title),
                str(len(use.criteria_set.criteria)),
                w.t(
                    f"pass_rule.{use.criteria_set.pass_rule.kind}",
                    min=getattr(use.criteria_set.pass_rule, "min", 0),
                ),
                str(use.stations),
                str(use.qualified),
            ]
            for use in r.sets
        ],
        "llclcc",
    )

    w.numbered(f"{w.t('summary.qualified')} ({len(r.qualified)})")
    for row in r.qualified:
        assert row.ward is not None and row.score is not None and row.criteria_set is not None
        w.item(
            [
                bold(row.ward.name),
                f" ({row.key}), {row.ward.province_name}: {row.score.met}/{row.score.total}, "
                f"{row.criteria_set.ref}.",
            ]
        )
    if not r.qualified:
        w.paragraph([w.t("summary.qualified_none")])

    w.numbered(f"{w.t('summary.stale', days=r.stale_days)} ({len(r.stale)})")
    for row in r.stale:
        when = (
            w.t(
                "summary.last_update",
                date=w.date(row.last_update),
                days=w.number(row.days_since_update or 0),
            )
            if row.last_update
            else w.t("summary.never")
        )
        w.item([bold(row.name), f" ({row.key}): {when}."])
    if not r.stale:
        w.paragraph([w.t("summary.stale_none", days=r.stale_days)])
    if r.broken:
        w.numbered(f"{w.t('summary.broken')} ({len(r.broken)})")
        for row in r.broken:
            w.item([f"{row.key}: {w.t('problem.' + str(row.problem))}."])
    w.note(w.t("doc.generated", date=w.date(r.generated), version=r.version))


_BUILDERS: dict[str, Callable[[Writer, Any], None]] = {
    "brief": _brief,
    "report": _report,
    "summary": _summary,
}


def render_docx(kind: str, result: Any, lang: str) -> bytes:
    """The document as the bytes of a .docx file."""
    writer = Writer(lang)
    _BUILDERS[kind](writer, result)
    return writer.finish()
