"""Small pieces shared by the reporters."""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from kieumau_cli.render.width import DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, columns
from kieumau_cli.results.score import Score
from kieumau_cli.text import t
from kieumau_cli.text.format import format_date, format_number, format_percent
from kieumau_cli.text.unsafe import has_unsafe, visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from kieumau_cli.load.models import Indicator, LegalBasis, Provenance
    from kieumau_cli.load.notes import NoteSection


class Bilingual(Protocol):
    """A `Text` model or its plain `_status_data.Bilingual` twin."""

    @property
    def vi(self) -> str: ...

    @property
    def en(self) -> str | None: ...


COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<"}
COMPARATOR_WORDS = {">=": "at_least", "<=": "at_most", "==": "exactly", ">": "above", "<": "below"}

# Keyed by the values of `Status` (a StrEnum, so its members look up the same entries).
STATUS_STYLE = {
    "met": "green",
    "in_progress": "yellow",
    "not_met": "red",
    "not_applicable": "dim",
    "unknown": "magenta",
}


def pick(text: Bilingual, lang: str) -> str:
    """The text in `lang`, falling back to Vietnamese (the only required language)."""
    return text.en if lang == "en" and text.en else text.vi


def status_label(status: str, lang: str) -> str:
    """`status` is a `Status` or its value."""
    return t(lang, f"status.{status}")


def score_line(score: Score, lang: str) -> str:
    """'11/22 tiêu chí đạt (50%) · 11 đang thực hiện · 0 chưa đạt · 0 chưa đánh giá'."""
    parts = [
        met_text(score, lang),
        f"{score.in_progress} {t(lang, 'count.in_progress')}",
        f"{score.not_met} {t(lang, 'count.not_met')}",
        f"{score.unknown} {t(lang, 'count.unknown')}",
    ]
    if score.not_applicable:
        parts.append(f"{score.not_applicable} {t(lang, 'count.not_applicable')}")
    return " · ".join(parts)


def met_text(score: Score, lang: str) -> str:
    """'11/22 tiêu chí đạt (50%)'."""
    percent = format_percent(score.met, score.total, lang)
    return f"{score.met}/{score.total} {t(lang, 'criteria_met')} ({percent})"


def result_line(score: Score, lang: str) -> str:
    """'Kết quả: 11/22 tiêu chí đạt (50%)', as the editing commands end."""
    return f"{t(lang, 'col.score')}: {met_text(score, lang)}"


def score_cell(score: Score, lang: str) -> str:
    """'21/22 (95,5%)', plus how many are not yet assessed: 0/22 alone would read as
    "nothing done" when nothing was assessed."""
    text = f"{score.met}/{score.total} ({format_percent(score.met, score.total, lang)})"
    if score.unknown:
        text += f"\n{score.unknown} {t(lang, 'count.unknown')}"
    return text


def progress_bar(ratio: float, width: int = 20) -> str:
    """Never drawn full below 100% (21/22 keeps one empty cell), never empty above 0."""
    filled = round(ratio * width)
    if ratio < 1:
        filled = min(filled, width - 1)
    if ratio > 0:
        filled = max(filled, 1)
    return "█" * filled + "░" * (width - filled)


_TRAILING_NUMBER = re.compile(r"(\d+)$")


def criterion_number(criterion_id: str) -> str:
    """The set's own number of a criterion: 'C06' -> '6'; an id without one stays as it is."""
    found = _TRAILING_NUMBER.search(criterion_id)
    return str(int(found.group(1))) if found else criterion_id


def criterion_name(criterion_id: str, lang: str) -> str:
    """'Tiêu chí số 6', as officials name a criterion (never the file's 'C06')."""
    return t(lang, "doc.criterion", number=criterion_number(criterion_id))


def criteria_names(ids: list[str], lang: str) -> str:
    """'tiêu chí số 1, 2, 5'."""
    numbers = ", ".join(criterion_number(i) for i in ids)
    return t(lang, "doc.criteria_list", numbers=numbers)


def quantity_text(value: float, unit: str, lang: str) -> str:
    """'100%', '6 tổ', '7 vụ'."""
    number = format_number(value, lang)
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}" if unit else number


def _starts_with(name: str, key: str, lang: str) -> str | None:
    """The rest of an indicator's name after a catalogue prefix ('Số ', 'Chênh lệch')."""
    prefix = t(lang, key)
    return name[len(prefix) :] if name.casefold().startswith(prefix.casefold()) else None


def target_text(indicator: Indicator, lang: str) -> str:
    """A target in words, as a plan states it: 'đạt 100%', 'ít nhất 1 tổ', 'không có cán
    bộ, chiến sĩ bị xử lý kỷ luật', 'không tăng' (never '≥ 100%', '≤ 0 người')."""
    name = pick(indicator.name, lang)
    amount = quantity_text(indicator.target, indicator.unit, lang)
    if indicator.comparator in ("<=", "==") and indicator.target == 0:
        if _starts_with(name, "indicator.change_prefix", lang) is not None:
            return t(lang, "target.no_increase")
        counted = _starts_with(name, "indicator.count_prefix", lang)
        return t(lang, "target.none", what=counted) if counted else t(lang, "target.zero")
    if indicator.comparator == ">=" and indicator.unit == "%" and indicator.target == 100:
        return t(lang, "target.all", amount=amount)
    return t(lang, f"target.{COMPARATOR_WORDS[indicator.comparator]}", amount=amount)


def reading_text(value: float, indicator: Indicator, lang: str) -> str:
    """A reading: '100%', or for a change against last year 'giảm 7 vụ' (never '-7 vụ')."""
    if value < 0:
        return t(lang, "reading.down", amount=quantity_text(-value, indicator.unit, lang))
    name = pick(indicator.name, lang)
    if value > 0 and _starts_with(name, "indicator.change_prefix", lang) is not None:
        return t(lang, "reading.up", amount=quantity_text(value, indicator.unit, lang))
    return quantity_text(value, indicator.unit, lang)


def group_name(group_id: str, lang: str) -> str:
    """'Nhóm 1' for 'N1'."""
    return t(lang, "doc.group", number=criterion_number(group_id))


def md_cell(text: str | None) -> str:
    """Text safe inside a GitHub-flavoured Markdown table cell."""
    if not text:
        return ""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def write_json(payload: Any, out: TextIO) -> None:
    """Indented UTF-8 JSON. JSON escapes C0 controls itself; C1 controls, bidi
    overrides and the other characters `text.unsafe` names are written as `\\uXXXX`
    too (the same string to a parser, harmless to a terminal that shows the file)."""
    import json  # here: the text of a cold `status` needs no JSON

    text = json.dumps(payload, ensure_ascii=False, indent=2)
    out.write(json_escape_unsafe(text) + "\n")


def json_escape_unsafe(text: str) -> str:
    """JSON text with unsafe characters as escapes; outside strings JSON has none."""
    if not has_unsafe(text):
        return text
    return "".join(f"\\u{ord(c):04x}" if has_unsafe(c) else c for c in text)


def terminal_width(out: TextIO, lang: str) -> int:
    """The width tables are laid out for: COLUMNS when it is a sensible number, else the
    terminal's, else 120. COLUMNS=abc, -5 or 99999999 is ignored with a notice (it used
    to crash, print nothing, or hang)."""
    import shutil
    import sys

    raw = os.environ.get("COLUMNS")
    if raw is not None:
        width = columns(raw)
        if width is not None:
            return width
        notice = t(lang, "notice.bad_columns", value=raw, low=MIN_WIDTH, high=MAX_WIDTH)
        sys.stderr.write(visible(notice) + "\n")
    if out.isatty():
        size = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
        return min(max(size, MIN_WIDTH), MAX_WIDTH)
    return DEFAULT_WIDTH


def console(out: TextIO, lang: str = "vi") -> Console:
    """A Rich console: colours only on a terminal and never with NO_COLOR set. Every
    string it prints shows unsafe characters as escapes (`styled` for styled text):
    Rich itself lets ESC through, and a note holding `ESC ] 52` would write to the
    reader's clipboard."""
    from rich.console import Console

    class VisibleConsole(Console):
        def render_str(self, text: str, **kwargs: Any) -> Text:
            return super().render_str(visible(text), **kwargs)

    is_tty = out.isatty()
    environ = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return VisibleConsole(
        file=out,
        width=terminal_width(out, lang),
        color_system="auto" if is_tty and "NO_COLOR" not in os.environ else None,
        highlight=False,
        emoji=False,
        markup=False,  # data may contain [brackets]; styles come from Text objects only
        _environ=environ,
    )


def styled(text: str, style: str = "") -> Text:
    """Rich text for a terminal table, unsafe characters shown (the one way renderers
    make a `Text`: a plain `Text(...)` would print them raw)."""
    from rich.text import Text

    return Text(visible(text), style=style)


def assembled(*parts: str | tuple[str, str]) -> Text:
    """`Text.assemble` of plain and (text, style) parts, unsafe characters shown."""
    from rich.text import Text

    return Text.assemble(
        *(visible(part) if isinstance(part, str) else (visible(part[0]), part[1]) for part in parts)
    )


def provenance_text(provenance: Provenance, lang: str) -> str:
    """'báo chí: "Tiêu đề" (Báo Thanh Hóa, 11/02/2026)' and the like."""
    from kieumau_cli.load.models import OfficialSource, PressSource

    kind = t(lang, f"provenance.{provenance.kind}")
    if isinstance(provenance, OfficialSource):
        parts = [provenance.document, format_date(provenance.date, lang)]
        if provenance.clause:
            parts.append(provenance.clause)
        return f"{kind}: " + ", ".join(parts)
    if isinstance(provenance, PressSource):
        return f"{kind}: {press_citation(provenance, lang)}"
    return f"{kind}: {provenance.note}"


def note_heading(section: NoteSection, lang: str) -> str:
    """'I. Tình hình an ninh, trật tự' as the officer titled it, else the standard title."""
    if section.title:
        return f"{section.number}. {section.title}"
    return t(lang, f"weekly.{section.number}")


def legal_basis_text(basis: LegalBasis, lang: str) -> str:
    """'Kế hoạch số 541/KH-CAT-PV01 ngày 13/11/2025 của Giám đốc Công an tỉnh': the kind and
    the author as the document's own title names them ('Kế hoạch của … về …'); the
    number alone, with its date, when the title does not say."""
    date = format_date(basis.date, lang) if basis.date else None
    title = basis.title or ""
    word = t(lang, "legal_basis.of")
    if f" {word} " in title:
        kind, rest = title.split(f" {word} ", 1)
        author = rest.split(f" {t(lang, 'legal_basis.about')} ", 1)[0]
        key = "legal_basis.full" if date else "legal_basis.undated"
        return t(lang, key, kind=kind, number=basis.number, date=date, author=author)
    return t(lang, "legal_basis.number", number=basis.number, date=date) if date else basis.number


class _Press(Protocol):
    @property
    def title(self) -> str | None: ...

    @property
    def title_from(self) -> str: ...

    @property
    def outlet(self) -> str | None: ...

    @property
    def date(self) -> dt.date | None: ...


def press_citation(source: _Press, lang: str, precision: str | None = None) -> str:
    """'Báo Thanh Hóa, “Tiêu đề”, 11/02/2026'; an article without a headline is never given
    one: '[bài không có tiêu đề] — Báo Bắc Kạn, 29/01/2024'; a title rebuilt from the
    article's address says so. A date known only to its month reads 'tháng 3/2025'."""
    declared = getattr(source, "date_precision", None) or getattr(source, "precision", None)
    exact = str(precision or declared or "day")
    day = format_date(source.date, lang, precision=exact) if source.date else None
    if source.title is None:
        where = ", ".join(part for part in (source.outlet, day) if part)
        return f"{t(lang, 'source.untitled')} — {where}" if where else t(lang, "source.untitled")
    title = f"“{source.title}”"
    if source.title_from == "url":
        title += f" {t(lang, 'source.title_from_url')}"
    return ", ".join(part for part in (source.outlet, title, day) if part)


class _Named(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def name_source_year(self) -> int | None: ...


def unit_name(unit: _Named, lang: str) -> str:
    """'Phường Đức Xuân (tên theo nguồn năm 2024, chưa xác minh sau sắp xếp 1/7/2025)':
    a name the data could not verify after the 2025 reorganisation says so wherever the
    unit is named."""
    if unit.name_source_year is None:
        return unit.name
    return f"{unit.name} ({t(lang, 'name.unverified', year=unit.name_source_year)})"
