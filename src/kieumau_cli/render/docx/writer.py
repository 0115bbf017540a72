"""`Writer`: one Word document, built top to bottom — `begin` (the header block of a
state document), body calls (headings, paragraphs, lists, tables), `finish` (the
recipients and the signature) — from the primitives in `primitives`."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

from docx.shared import Pt
from docx.text.paragraph import Paragraph

from kieumau_cli.load.models import Provenance
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.render.common import Bilingual, pick, provenance_text, status_label
from kieumau_cli.render.docx.primitives import (
    AGENCY_PT,
    BODY_PT,
    CELL_MARGIN_TWIPS,
    HEADER_COLUMNS_MM,
    MOTTO_PT,
    NOTE_PT,
    RECIPIENTS_LABEL_PT,
    RECIPIENTS_PT,
    TABLE_PT,
    TEXT_MM,
    Line,
    Piece,
    Row,
    Span,
    add_rule,
    as_lines,
    bold,
    cell_add,
    cell_lines,
    fill,
    formatted,
    italic,
    new_document,
    row_flags,
    stable_zip,
    table_setup,
)
from kieumau_cli.render.official import (
    Frame,
    Issuer,
    date_parts,
    frame,
    text_width_mm,
    upper,
)
from kieumau_cli.text import t
from kieumau_cli.text.format import format_date, format_number

# --- the writer -----------------------------------------------------------------------


class Writer:
    """Builds one document top to bottom: `begin` (header block), body calls, `finish`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.document = new_document(lang)
        self.frame: Frame | None = None
        self.day = dt.date.min
        self.author = ""
        self.tool = ""  # "kieumau 0.3.0, 02/12/2026, data abc123": properties, never the body
        self.issuer: Issuer | None = None
        self._letter = 0
        self._section = 0
        self._annexes: list[tuple[str, Callable[[], None]]] = []

    # labels and formats
    def t(self, key: str, **params: object) -> str:
        return t(self.lang, key, **params)

    def date(self, value: dt.date | None, precision: str = "day") -> str:
        return format_date(value, self.lang, precision=precision)

    def number(self, value: float) -> str:
        return format_number(value, self.lang)

    def pick(self, text: Bilingual) -> str:
        return pick(text, self.lang)

    def status(self, value: Status) -> str:
        return status_label(value, self.lang)

    def provenance(self, value: Provenance) -> str:
        return provenance_text(value, self.lang)

    # blocks
    def paragraph(self, pieces: Line, **fmt: Any) -> Paragraph:
        size = fmt.pop("size", BODY_PT)
        return fill(formatted(self.document.add_paragraph(), **fmt), pieces, size)

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
        table_setup(table, widths, borders=True, margin=CELL_MARGIN_TWIPS)
        row_flags(table.rows[0], header=True)
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell_lines(cell, [[bold(text)]], "c", TABLE_PT)
        for row, values in zip(table.rows[1:], rows, strict=True):
            row_flags(row, header=False)
            if isinstance(values, str):  # a group: kept on the page of its first row
                merged = row.cells[0].merge(row.cells[-1])
                cell_lines(merged, [[bold(values)]], "l", TABLE_PT)
                merged.paragraphs[0].paragraph_format.keep_with_next = True
                continue
            for cell, value, align in zip(row.cells, values, aligns, strict=True):
                cell_lines(cell, as_lines(value), align, TABLE_PT)
        self.paragraph([""], after=6)  # room between a table and what follows

    # the fixed parts
    def begin(
        self, issuer: Issuer, day: dt.date, subject: str, doc_type: str | None = None
    ) -> None:
        parts = frame(issuer, day, subject, self.lang, doc_type)
        self.frame = parts
        self.day = day
        self.author = issuer.unit
        self.issuer = issuer
        if not issuer.national:
            self._neutral_head(parts)
            return
        left_mm, right_mm = HEADER_COLUMNS_MM
        table = self.document.add_table(rows=2, cols=2)
        table_setup(table, HEADER_COLUMNS_MM, borders=False, margin=0)
        agency, national = table.rows[0].cells
        lines: list[Line] = []
        if parts.superior:
            lines.append([parts.superior])
        lines.append([bold(parts.unit)])
        cell_lines(agency, lines, "c", AGENCY_PT)
        unit_mm = min(text_width_mm(parts.unit, AGENCY_PT, bold=True), left_mm)
        add_rule(agency.add_paragraph(), unit_mm * 0.4, left_mm)
        cell_lines(national, [[bold(parts.national)]], "c", AGENCY_PT)
        cell_add(national, [bold(parts.motto)], "c", MOTTO_PT)
        add_rule(
            national.add_paragraph(), text_width_mm(parts.motto, MOTTO_PT, bold=True), right_mm
        )
        number, place = table.rows[1].cells
        cell_lines(number, [[parts.number]], "c", MOTTO_PT)
        cell_lines(place, [[italic(parts.place_date)]], "c", MOTTO_PT)
        for cell in (number, place):
            cell.paragraphs[0].paragraph_format.space_before = Pt(6)
        self.paragraph([bold(parts.doc_type)], align="c", indent=False, before=18, after=0)
        self.paragraph([bold(parts.subject)], align="c", indent=False, after=2)
        subject_mm = min(text_width_mm(parts.subject, BODY_PT, bold=True), TEXT_MM)
        add_rule(self.document.add_paragraph(), subject_mm * 0.4, TEXT_MM)
        self.paragraph([""], after=6)

    def _neutral_head(self, parts: Frame) -> None:
        """A working paper, not a state document: no issuer was named, so no Quốc hiệu,
        no number and no signature (see docs/docx.md)."""
        self.paragraph([bold(upper(parts.subject))], align="c", indent=False, after=12)

    def annex(self, title: str, body: Callable[[], None]) -> None:
        """A Phụ lục after the signature, for a long table the body only refers to."""
        self._annexes.append((title, body))

    def annex_name(self, index: int) -> str:
        roman = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")[index]
        return self.t("docx.annex", number=roman)

    def _write_annexes(self, parts: Frame) -> None:
        for index, (title, body) in enumerate(self._annexes):
            name = self.paragraph([bold(self.annex_name(index))], align="c", indent=False, after=0)
            name.paragraph_format.page_break_before = True
            self.paragraph([bold(upper(title))], align="c", indent=False, after=0)
            day, month, year = date_parts(self.day)
            attached = self.t(
                "docx.annex_of", number=parts.number_only, day=day, month=month, year=year
            )
            self.paragraph([italic(attached)], align="c", indent=False, after=12)
            body()

    def intro(self, plan: str | None, unit: str, subject: str) -> None:
        if plan:
            text = self.t("docx.intro.plan", plan=plan, unit=unit, subject=subject)
        else:
            text = self.t("docx.intro", unit=unit, subject=subject)
        self.paragraph([text])

    def _closing(self, parts: Frame) -> None:
        """Nơi nhận and the signature, kept on the page of the body's last lines: the
        paragraphs before the block keep with it and its row never splits."""
        body = [p for p in self.document.paragraphs if p.text.strip()]
        for paragraph in body[-2:]:
            paragraph.paragraph_format.keep_with_next = True
        spacer = self.paragraph([""], after=6)
        spacer.paragraph_format.keep_with_next = True
        table = self.document.add_table(rows=1, cols=2)
        table_setup(table, (74.0, 90.0), borders=False, margin=0)
        row_flags(table.rows[0], header=False)
        recipients, signer = table.rows[0].cells
        heading = Span(parts.recipients_label, bold=True, italic=True)
        cell_lines(recipients, [[heading]], "l", RECIPIENTS_LABEL_PT)
        for line in parts.recipients:
            cell_add(recipients, [line], "l", RECIPIENTS_PT)
        # The title lines, room for the signature and seal, then rank and name.
        titles: list[Line] = [[bold(line)] for line in parts.signer_lines or (parts.signer_title,)]
        signature: list[Line] = [*titles, [], [], [], [], [bold(parts.signer_name)]]
        cell_lines(signer, signature, "c", BODY_PT)
        for cell in (recipients, signer):
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
                paragraph.paragraph_format.keep_together = True

    def note(self, text: str) -> None:
        """The data's own provenance line (sources of change, generated by)."""
        self.paragraph([italic(text)], size=NOTE_PT, after=0)

    def finish(self) -> bytes:
        parts = self.frame
        assert parts is not None, "begin() first"
        if self.issuer is None or self.issuer.national:
            self._closing(parts)
        self._write_annexes(parts)
        properties = self.document.core_properties
        properties.title = parts.subject
        properties.author = properties.last_modified_by = self.author or self.tool
        properties.language = "vi-VN" if self.lang == "vi" else "en-GB"
        # What made the document stays out of its body: the tool, the day and the data
        # commit go to the properties (File > Info in Word).
        properties.comments = self.tool
        properties.keywords = ""
        properties.revision = 1
        properties.created = properties.modified = dt.datetime.combine(self.day, dt.time())
        buffer = io.BytesIO()
        self.document.save(buffer)
        return stable_zip(buffer.getvalue())
