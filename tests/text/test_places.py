"""Places named as Vietnamese administrative writing names them mid-phrase."""

from __future__ import annotations

import unicodedata

import pytest

from kieumau_cli.text.places import (
    PROVINCE_KINDS,
    UNIT_KINDS,
    place_phrase,
    place_text,
    province_phrase,
    unit_phrase,
    without_kind,
)


@pytest.mark.parametrize(
    ("ward", "province", "vi"),
    [
        ("Phường Đông Sơn", "Tỉnh Thanh Hóa", "phường Đông Sơn, tỉnh Thanh Hóa"),
        ("Xã Tân Lập", "Thành phố Hà Nội", "xã Tân Lập, thành phố Hà Nội"),
        ("Đặc khu Phú Quốc", "Tỉnh An Giang", "đặc khu Phú Quốc, tỉnh An Giang"),
        # a name without a kind word is a proper name: left as it is
        ("Ba Đình", "Hà Nội", "Ba Đình, Hà Nội"),
        # the kind word matched whatever its case, written in lower case
        ("PHƯỜNG Bến Thành", "THÀNH PHỐ Hồ Chí Minh", "phường Bến Thành, thành phố Hồ Chí Minh"),
    ],
)
def test_a_place_reads_mid_phrase_in_vietnamese(ward: str, province: str, vi: str) -> None:
    assert place_text(ward, province, "vi") == vi == place_phrase(ward, province)
    assert place_text(ward, province, "en") == f"{ward}, {province}"


def test_a_decomposed_name_comes_out_composed() -> None:
    ward = unicodedata.normalize("NFD", "Phường Đông Sơn")
    province = unicodedata.normalize("NFD", "Tỉnh Thanh Hóa")
    text = place_phrase(ward, province)
    assert text == "phường Đông Sơn, tỉnh Thanh Hóa"
    assert unicodedata.is_normalized("NFC", text)


def test_the_kind_words_and_the_bare_name() -> None:
    assert unit_phrase("Phường Đông Sơn") == "phường Đông Sơn"
    assert province_phrase("Thành phố Huế") == "thành phố Huế"
    assert province_phrase("Phường Đông Sơn") == "Phường Đông Sơn"  # not a province kind
    assert without_kind("Phường Đông Sơn", UNIT_KINDS) == "Đông Sơn"
    assert without_kind("Thành phố Đà Nẵng", PROVINCE_KINDS) == "Đà Nẵng"
    assert without_kind("Đông Sơn", UNIT_KINDS) == "Đông Sơn"
