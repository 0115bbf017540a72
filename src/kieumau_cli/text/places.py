"""How a place is named in Vietnamese administrative writing: 'phường Đông Sơn, tỉnh
Thanh Hóa' after a label or mid-sentence, the kind word in lower case; the name
without its kind ('Đông Sơn') where a document's place-and-date line wants it.

Every output names places through these (status, reports, summaries, calendars, the
documents of `render.official`), so that no two spell the same place differently.
"""

from __future__ import annotations

from kieumau_cli.text.format import nfc

# The kind words that open a unit's or a province's official name.
UNIT_KINDS = ("Phường ", "Xã ", "Đặc khu ")
PROVINCE_KINDS = ("Tỉnh ", "Thành phố ")


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def without_kind(name: str, kinds: tuple[str, ...]) -> str:
    """'Phường Đông Sơn' -> 'Đông Sơn'; 'Tỉnh Thanh Hóa' -> 'Thanh Hóa'."""
    name = nfc(name)
    for kind in kinds:
        if name.lower().startswith(kind.lower()):
            return name[len(kind) :].strip()
    return name


def _kind_in_lower_case(name: str, kinds: tuple[str, ...]) -> str:
    # Names arrive NFC from the loader, but a caller's text may not: compare composed.
    name = nfc(name)
    for kind in kinds:
        if name.lower().startswith(kind.lower()):
            return kind.lower() + name[len(kind) :]
    return name


def province_phrase(province_name: str) -> str:
    """'Tỉnh Thanh Hóa' -> 'tỉnh Thanh Hóa' (as it reads after 'Công an …')."""
    return _kind_in_lower_case(province_name, PROVINCE_KINDS)


def unit_phrase(name: str) -> str:
    """'Phường Đông Sơn' -> 'phường Đông Sơn' (a unit named mid-phrase)."""
    return _kind_in_lower_case(name, UNIT_KINDS)


def place_phrase(ward_name: str, province_name: str) -> str:
    """'phường Đông Sơn, tỉnh Thanh Hóa'."""
    return nfc(f"{unit_phrase(ward_name)}, {province_phrase(province_name)}")


def place_text(ward_name: str, province_name: str, lang: str) -> str:
    """Where a station is, as every output writes it after a label or mid-sentence:
    'phường Đông Sơn, tỉnh Thanh Hóa' in Vietnamese, 'Phường Đông Sơn, Tỉnh Thanh Hóa'
    (the names as they are) in English."""
    return (
        place_phrase(ward_name, province_name) if lang == "vi" else f"{ward_name}, {province_name}"
    )
