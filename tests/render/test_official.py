"""The texts of an official document (render/official.py, Nghị định 30/2020/NĐ-CP, Phụ lục I):
the Vietnamese date line, the issuer and recipients from the ward file, capitals, widths.
No python-docx needed."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from kieumau_cli.load.models import Ward
from kieumau_cli.load.yaml import load_bytes
from kieumau_cli.render.official import (
    IssuerChoice,
    date_line,
    date_parts,
    frame,
    recipient_lines,
    summary_issuer,
    text_width_mm,
    upper,
    ward_issuer,
)
from tests.support.data import DONG_SON, MOTTO, NATIONAL_TITLE


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 2, 11), ("11", "02", "2026")),  # the example
        (dt.date(2026, 2, 9), ("09", "02", "2026")),  # day below 10: leading zero
        (dt.date(2026, 1, 1), ("01", "01", "2026")),  # months 1 and 2: leading zero
        (dt.date(2026, 3, 5), ("05", "3", "2026")),  # months 3 to 9: none
        (dt.date(2026, 9, 30), ("30", "9", "2026")),
        (dt.date(2026, 10, 10), ("10", "10", "2026")),
        (dt.date(2025, 12, 31), ("31", "12", "2025")),
    ],
)
def test_date_parts_follow_the_decree(day: dt.date, expected: tuple[str, str, str]) -> None:
    assert date_parts(day) == expected


def test_date_line_in_vietnamese_and_english() -> None:
    assert date_line("Đông Sơn", dt.date(2026, 2, 11), "vi") == (
        "Đông Sơn, ngày 11 tháng 02 năm 2026"
    )
    assert date_line("Đông Sơn", dt.date(2026, 3, 5), "vi") == "Đông Sơn, ngày 05 tháng 3 năm 2026"
    assert date_line("Đông Sơn", dt.date(2026, 2, 11), "en") == "Đông Sơn, 2026-02-11"


def _ward(path: Path, **changes: Any) -> Ward:
    data = load_bytes(path.read_bytes(), str(path)).data
    data.update(changes)
    return Ward.model_validate(data)


def test_issuer_comes_from_the_ward_file(shipped_root: Path) -> None:
    issuer = ward_issuer(_ward(shipped_root / DONG_SON))
    assert issuer.superior == "Công an tỉnh Thanh Hóa"
    assert issuer.unit == "Công an phường Đông Sơn"
    assert (issuer.place, issuer.symbol) == ("Đông Sơn", "BC-CAP")
    assert issuer.signer_title == "Trưởng Công an phường"
    assert issuer.signer_name is None  # no invented names: a placeholder is printed
    parts = frame(issuer, dt.date(2026, 2, 11), "Kết quả", "vi")
    assert (parts.superior, parts.unit) == ("CÔNG AN TỈNH THANH HÓA", "CÔNG AN PHƯỜNG ĐÔNG SƠN")
    assert parts.number == "Số: …/BC-CAP"
    assert parts.place_date == "Đông Sơn, ngày 11 tháng 02 năm 2026"
    assert (parts.signer_title, parts.signer_name) == ("TRƯỞNG CÔNG AN PHƯỜNG", "…")
    assert parts.recipients == (
        "- Công an tỉnh Thanh Hóa (để báo cáo);",
        "- Đảng ủy, UBND phường Đông Sơn (để báo cáo);",
        "- Lưu: VT.",
    )


def test_issuer_defaults_without_a_document_block(shipped_root: Path) -> None:
    ward = _ward(shipped_root / "wards/da-nang/xa-hoa-phong.yaml")
    assert ward.document is None
    issuer = ward_issuer(ward)
    assert issuer.superior == "Công an thành phố Đà Nẵng"
    assert (issuer.unit, issuer.place) == ("Công an xã Hòa Phong", "Hòa Phong")
    assert (issuer.symbol, issuer.signer_title) == ("BC-CAX", "Trưởng Công an xã")
    assert recipient_lines(issuer, "vi") == (
        "- Công an thành phố Đà Nẵng (để báo cáo);",
        "- Lưu: VT.",
    )
    assert recipient_lines(issuer, "en")[-1] == "- Archive: VT."
    # Partly filled: only the given keys change.
    partial = _ward(shipped_root / DONG_SON, document={"place": "P. Đông Sơn"})
    assert ward_issuer(partial).place == "P. Đông Sơn"
    assert ward_issuer(partial).superior == "Công an tỉnh Thanh Hóa"


def test_recipient_lines_get_the_decree_punctuation(shipped_root: Path) -> None:
    ward = _ward(
        shipped_root / DONG_SON,
        document={"recipients": ["- Như trên;", "Ban Giám đốc Công an tỉnh.", "Lưu: VT, TH"]},
    )
    assert recipient_lines(ward_issuer(ward), "vi") == (
        "- Như trên;",
        "- Ban Giám đốc Công an tỉnh;",
        "- Lưu: VT, TH.",
    )


def test_summary_issuer() -> None:
    province = summary_issuer("Tỉnh Thanh Hóa")
    assert (province.superior, province.unit) == ("Bộ Công an", "Công an tỉnh Thanh Hóa")
    assert (province.place, province.symbol, province.signer_title) == (
        "Thanh Hóa",
        "BC-CAT",
        "Giám đốc",
    )
    city = summary_issuer("Thành phố Đà Nẵng")
    assert (city.unit, city.place, city.symbol) == (
        "Công an thành phố Đà Nẵng",
        "Đà Nẵng",
        "BC-CATP",
    )
    # A summary of several provinces has no default issuer: a neutral header.
    country = summary_issuer(None)
    assert (country.superior, country.unit, country.national) == (None, "", False)
    named = summary_issuer(None, choice=IssuerChoice("Cục C06", "Bộ Công an", "Hà Nội"))
    assert (named.superior, named.unit, named.place, named.national) == (
        "Bộ Công an",
        "Cục C06",
        "Hà Nội",
        True,
    )


def test_capitals_stay_nfc_and_widths_are_plausible() -> None:
    decomposed = unicodedata.normalize("NFD", "Công an phường Đông Sơn")
    assert upper(decomposed) == "CÔNG AN PHƯỜNG ĐÔNG SƠN"
    assert unicodedata.is_normalized("NFC", upper(decomposed))
    motto = text_width_mm(MOTTO, 13, bold=True)
    assert 55 < motto < 70  # about 62 mm in Times New Roman Bold 13 pt
    assert text_width_mm(NATIONAL_TITLE, 12, bold=True) < 98  # fits its column
    assert text_width_mm("Đông Sơn", 13) < text_width_mm("Đông Sơn", 13, bold=True)
