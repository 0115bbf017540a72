"""Vietnamese dates, numbers, percentages and slugs (text/format.py)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from kieumau_cli.text.format import (
    format_date,
    format_number,
    format_percent,
    nfc,
    parse_iso_date,
    slugify,
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Phường Đông Sơn", "phuong-dong-son"),
        ("Xã Hòa Phong", "xa-hoa-phong"),
        ("Phường Hải Châu 1", "phuong-hai-chau-1"),
        ("ĐỨC XUÂN", "duc-xuan"),
        (unicodedata.normalize("NFD", "Phường Đức Xuân"), "phuong-duc-xuan"),
        ("  Tào  Xuyên! ", "tao-xuyen"),
    ],
)
def test_slugify_maps_d_with_stroke_explicitly(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_nfc_composes_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Đông Sơn")
    assert decomposed != "Đông Sơn"
    assert nfc(decomposed) == "Đông Sơn"


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (2200, "vi", None, "2.200"),
        (8500, "en", None, "8,500"),
        (92.5, "vi", None, "92,5"),
        (92.5, "en", None, "92.5"),
        (1234567.891, "vi", 2, "1.234.567,89"),
        (-58, "vi", None, "-58"),
    ],
)
def test_format_number(value: float, lang: str, decimals: int | None, expected: str) -> None:
    assert format_number(value, lang, decimals=decimals) == expected


def test_format_percent_and_dates() -> None:
    assert format_percent(11, 22, "vi") == "50%"
    assert format_percent(37, 40, "vi") == "92,5%"
    assert format_percent(37, 40, "en") == "92.5%"
    assert format_percent(0, 0, "vi") == "—"
    assert format_percent(1999, 2000, "vi") == "99,9%"  # 100% only when everything is met
    assert format_percent(2000, 2000, "vi") == "100%"
    day = dt.date(2026, 2, 11)
    assert format_date(day, "vi") == "11/02/2026"
    assert format_date(day, "en") == "2026-02-11"
    # Known only to the month or the year: said in words, never an invented day.
    assert format_date(day, "vi", precision="month") == "tháng 2/2026"
    assert format_date(day, "vi", precision="year") == "năm 2026"
    assert format_date(day, "vi", precision="day_month") == "11/02"
    # Half up, as a person rounds: 2/160 = 1,25% is 1,3% (a binary float gives 1,2%).
    assert format_percent(2, 160, "vi") == "1,3%"
    assert format_percent(74, 160, "vi") == "46,3%"
    assert format_date(None, "vi") == "—"


@pytest.mark.parametrize(
    ("precision", "vi", "en"),
    [
        ("day", "01/01/0001", "0001-01-01"),
        ("month", "tháng 1/0001", "0001-01"),
        ("year", "năm 0001", "0001"),
    ],
)
def test_every_year_the_schema_accepts_has_four_digits(precision: str, vi: str, en: str) -> None:
    """A ward file may say 0001-01-01 (a typo the schema lets through): it is printed as
    written, never as '01/01/1'."""
    day = dt.date(1, 1, 1)
    assert (
        format_date(day, "vi", precision=precision),
        format_date(day, "en", precision=precision),
    ) == (vi, en)
    assert format_date(dt.date(9999, 12, 31), "vi", precision=precision).endswith("9999")


@pytest.mark.parametrize("text", ["2026-02-11", "11/02/2026", "11/2/2026", " 2026-02-11 "])
def test_parse_dates_iso_and_day_first(text: str) -> None:
    assert parse_iso_date(text) == dt.date(2026, 2, 11)


@pytest.mark.parametrize("text", ["2026-02-30", "30/02/2026", "tomorrow", "02/11"])
def test_parse_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_iso_date(text)
