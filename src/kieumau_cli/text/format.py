"""Vietnamese text helpers: NFC, slugs, and locale-aware dates and numbers."""

from __future__ import annotations

import datetime as dt
import decimal
import re
import unicodedata

Lang = str  # "vi" | "en"; validated at the CLI boundary

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def slugify(text: str) -> str:
    """'Phường Đông Sơn' -> 'phuong-dong-son'.

    đ/Đ have no decomposition in Unicode, so generic slugifiers turn them
    into 'dj' or drop them; they are mapped explicitly here.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_SLUG.sub("-", ascii_only.lower()).strip("-")


def format_date(value: dt.date | None, lang: Lang, *, precision: str = "day") -> str:
    if value is None:
        return "—"
    # A date known only to its month or year says so ("tháng 3/2025", "năm 2023"), never
    # an invented day; "day_month" is the first date of a span whose year follows.
    year = f"{value.year:04d}"  # as the file writes it: year 1 is 0001, never '1'
    if lang == "vi":
        if precision == "month":
            return f"tháng {value.month}/{year}"
        if precision == "year":
            return f"năm {year}"
        if precision == "day_month":
            return f"{value.day:02d}/{value.month:02d}"
        return f"{value.day:02d}/{value.month:02d}/{year}"
    if precision == "month":
        return f"{year}-{value.month:02d}"
    if precision == "year":
        return year
    return value.isoformat()


def format_number(value: float, lang: Lang, *, decimals: int | None = None) -> str:
    """'2.200' and '92,5' in Vietnamese; '2,200' and '92.5' in English."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def percent(numerator: int, denominator: int) -> float:
    """One decimal; never rounds up to 100 unless everything is done (1999/2000 is 99.9)."""
    if denominator == 0:
        return 0.0
    # Half up, as a person rounds (2/160 = 1,25% -> 1,3%), not Python's round-half-even
    # on a binary float (which gives 1,2%).
    exact = decimal.Decimal(100 * numerator) / decimal.Decimal(denominator)
    value = float(exact.quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP))
    if value >= 100 and numerator < denominator:
        return 99.9
    return value


def format_percent(numerator: int, denominator: int, lang: Lang) -> str:
    if denominator == 0:
        return "—"
    return f"{format_number(percent(numerator, denominator), lang)}%"


def parse_iso_date(text: str) -> dt.date:
    """Parse yyyy-mm-dd (also accepts dd/mm/yyyy, as officers type it)."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text)
