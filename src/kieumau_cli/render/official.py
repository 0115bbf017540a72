"""The fixed parts of a Vietnamese state document (Nghị định 30/2020/NĐ-CP, Phụ lục I),
as plain text: who issues it, the number line, the place-and-date line, the closing block.

Pure functions, no python-docx: `_render.docx` lays these texts out; tests check them
without opening a document. Labels come from `_i18n`; the defaults below are not labels
but Vietnamese names of bodies (data), the same whatever `--lang` says.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from kieumau_cli.load.models import Ward
from kieumau_cli.text import t
from kieumau_cli.text.format import format_date, nfc
from kieumau_cli.text.places import (
    PROVINCE_KINDS,
    UNIT_KINDS,
    province_phrase,
    without_kind,
)

PLACEHOLDER = "…"  # the number, and a signer's name nobody gave, are filled in by hand
# Data defaults, derived when a ward file has no `document:` (see docs/docx.md).
_KIND_WORD = {"phuong": "phường", "xa": "xã", "dac_khu": "đặc khu"}
_KIND_SYMBOL = {"phuong": "BC-CAP", "xa": "BC-CAX", "dac_khu": "BC-CAĐK"}
_SUPERIOR = "Công an {province}"
_SIGNER = "Trưởng Công an {kind}"
_MINISTRY = "Bộ Công an"
_PROVINCE_SIGNER = "Giám đốc"
_PROVINCE_SYMBOL = {"Tỉnh ": "BC-CAT", "Thành phố ": "BC-CATP"}
_DEPUTY = "Phó {title}"


@dataclass(frozen=True, slots=True)
class Issuer:
    """Who issues and signs the document."""

    superior: str | None  # "Công an tỉnh Thanh Hóa"; None when there is no superior line
    unit: str  # "Công an phường Đông Sơn"
    place: str  # "Đông Sơn"
    symbol: str  # "BC-CAP"
    signer_title: str  # "Trưởng Công an phường"
    signer_name: str | None = None
    recipients: tuple[str, ...] | None = None  # None: the superior body, then the archive
    national: bool = True  # the Quốc hiệu and a numbered symbol; False: a neutral header
    signature: Signature | None = None  # KT./TL./Q., rank; None: the head signs


@dataclass(frozen=True, slots=True)
class Signature:
    """How the document is signed (Nghị định 30/2020, Phụ lục I, mục VIII): 'KT.' (a
    deputy for the head), 'TL.' (by delegation), 'Q.' (acting head); the signer's own title
    goes on the second line of KT./TL.; an optional rank goes before the name."""

    sign_as: str | None = None  # "KT", "TL", "Q" or None
    title: str | None = None  # the signer's own title ("Phó Trưởng Công an phường")
    rank: str | None = None  # "Trung tá"
    name: str | None = None


def with_signature(issuer: Issuer, signature: Signature | None, symbol: str | None) -> Issuer:
    """The issuer with the signer and the symbol a command's options name."""
    from dataclasses import replace

    if signature is None and symbol is None:
        return issuer
    return replace(
        issuer,
        signature=signature or issuer.signature,
        symbol=nfc(symbol) if symbol else issuer.symbol,
        signer_name=nfc(signature.name) if signature and signature.name else issuer.signer_name,
    )


def signature_lines(issuer: Issuer) -> tuple[str, ...]:
    """The title lines above the signature, in capitals: 'KT. TRƯỞNG CÔNG AN PHƯỜNG' then
    'PHÓ TRƯỞNG CÔNG AN PHƯỜNG'; 'Q. TRƯỞNG …' alone; the head's title alone otherwise."""
    head = upper(issuer.signer_title)
    signed = issuer.signature
    if signed is None or signed.sign_as is None:
        return (upper(signed.title) if signed and signed.title else head,)
    if signed.sign_as == "Q":
        return (f"Q. {head}",)
    own = signed.title or (
        _DEPUTY.format(title=issuer.signer_title) if signed.sign_as == "KT" else None
    )
    return (f"{signed.sign_as}. {head}", *((upper(own),) if own else ()))


def signer_name_line(issuer: Issuer) -> str:
    """'Trung tá Nguyễn Văn A'; the placeholder when nobody is named."""
    rank = issuer.signature.rank if issuer.signature and issuer.signature.rank else None
    name = issuer.signer_name or PLACEHOLDER
    return nfc(f"{rank} {name}") if rank else name


def ward_issuer(ward: Ward) -> Issuer:
    """The ward file's `document:` block, each missing key derived from the ward."""
    info = ward.document
    return Issuer(
        superior=nfc(
            info.superior
            if info and info.superior
            else _SUPERIOR.format(province=province_phrase(ward.province_name))
        ),
        unit=nfc(ward.unit),
        place=nfc(info.place if info and info.place else without_kind(ward.name, UNIT_KINDS)),
        symbol=nfc(info.symbol if info and info.symbol else _KIND_SYMBOL[ward.kind]),
        signer_title=nfc(
            info.signer_title
            if info and info.signer_title
            else _SIGNER.format(kind=_KIND_WORD[ward.kind])
        ),
        signer_name=nfc(info.signer_name) if info and info.signer_name else None,
        recipients=tuple(nfc(r) for r in info.recipients) if info and info.recipients else None,
    )


@dataclass(frozen=True, slots=True)
class IssuerChoice:
    """Who issues a many-ward summary, as an option (`--issuer`, `--issuer-superior`,
    `--issuer-place`) or a programme file's `document:` block would say it; all optional."""

    unit: str | None = None
    superior: str | None = None
    place: str | None = None
    symbol: str | None = None
    signer_title: str | None = None


def summary_issuer(
    province_name: str | None, superior: str | None = None, choice: IssuerChoice | None = None
) -> Issuer:
    """A province summary comes from the province police (the wards' superior body), under
    the Ministry. A summary of several provinces has no default issuer: the one the user
    (or the programme file) names, else a neutral header without the Quốc hiệu."""
    if choice is not None and choice.unit:
        return Issuer(
            superior=nfc(choice.superior) if choice.superior else None,
            unit=nfc(choice.unit),
            place=nfc(choice.place) if choice.place else PLACEHOLDER,
            symbol=nfc(choice.symbol) if choice.symbol else "BC",
            signer_title=nfc(choice.signer_title) if choice.signer_title else PLACEHOLDER,
        )
    if province_name is None:
        return Issuer(None, "", PLACEHOLDER, "BC", PLACEHOLDER, national=False)
    symbol = next(
        (s for kind, s in _PROVINCE_SYMBOL.items() if province_name.startswith(kind)),
        _PROVINCE_SYMBOL["Tỉnh "],
    )
    unit = superior or _SUPERIOR.format(province=province_phrase(province_name))
    place = without_kind(province_name, PROVINCE_KINDS)
    return Issuer(_MINISTRY, nfc(unit), nfc(place), symbol, _PROVINCE_SIGNER)


def date_parts(day: dt.date) -> tuple[str, str, str]:
    """Day, month and year as the decree writes them: a day below 10 and the months 1 and 2
    take a leading zero ('05', '02'), other months do not ('3', '12')."""
    return f"{day.day:02d}", f"{day.month:02d}" if day.month < 3 else str(day.month), str(day.year)


def date_line(place: str, day: dt.date, lang: str) -> str:
    """'Đông Sơn, ngày 11 tháng 02 năm 2026' (English: 'Đông Sơn, 2026-02-11')."""
    day_text, month, year = date_parts(day)
    return nfc(
        t(
            lang,
            "docx.date_line",
            place=place,
            day=day_text,
            month=month,
            year=year,
            date=format_date(day, lang),
        )
    )


def upper(text: str) -> str:
    """Capitals, in NFC ('Công an phường Đông Sơn' -> 'CÔNG AN PHƯỜNG ĐÔNG SƠN')."""
    return nfc(nfc(text).upper())


@dataclass(frozen=True, slots=True)
class Frame:
    """Every text of the header block and the closing block, in reading order."""

    superior: str | None
    unit: str
    number: str
    number_only: str  # "…/BC-CAP", as the Phụ lục heading cites the document
    national: str
    motto: str
    place_date: str
    doc_type: str
    subject: str
    recipients_label: str
    recipients: tuple[str, ...]
    signer_title: str
    signer_name: str
    signer_lines: tuple[str, ...] = ()


def frame(
    issuer: Issuer, day: dt.date, subject: str, lang: str, doc_type: str | None = None
) -> Frame:
    """`doc_type`: the document's kind in capitals (default BÁO CÁO; TỜ TRÌNH…)."""
    return Frame(
        superior=upper(issuer.superior) if issuer.superior else None,
        unit=upper(issuer.unit),
        number=t(lang, "docx.number", number=PLACEHOLDER, symbol=issuer.symbol),
        number_only=f"{PLACEHOLDER}/{issuer.symbol}",
        national=t(lang, "docx.national"),
        motto=t(lang, "docx.motto"),
        place_date=date_line(issuer.place, day, lang),
        doc_type=doc_type or t(lang, "docx.type"),
        subject=nfc(subject),
        recipients_label=t(lang, "docx.recipients"),
        recipients=recipient_lines(issuer, lang),
        signer_title=upper(issuer.signer_title),
        signer_name=signer_name_line(issuer),
        signer_lines=signature_lines(issuer),
    )


def recipient_lines(issuer: Issuer, lang: str) -> tuple[str, ...]:
    """'- Công an tỉnh Thanh Hóa (để báo cáo);' … '- Lưu: VT.': a dash in front, a semicolon
    after each line and a full stop after the last (Phụ lục I, nơi nhận)."""
    names = list(issuer.recipients or ())
    if not names:
        if issuer.superior:
            names.append(t(lang, "docx.recipient.report", body=issuer.superior))
        names.append(t(lang, "docx.recipient.archive"))
    cleaned = [name.strip().lstrip("-").strip().rstrip(";.").strip() for name in names]
    cleaned = [name for name in cleaned if name]
    return tuple(
        f"- {name}{'.' if index == len(cleaned) - 1 else ';'}" for index, name in enumerate(cleaned)
    )


# --- how wide a line of Times New Roman is (for the short rules under the header lines) ----

# Advance widths in 1/1000 em of the base letters (Adobe's Times metrics, which Times New
# Roman matches closely); Vietnamese letters take the width of their base letter.
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _widths(numbers: str) -> dict[str, int]:
    return dict(zip(_LETTERS, map(int, numbers.split()), strict=True))


_REGULAR = _widths(
    """444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500
    722 500 500 444 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667
    556 611 722 722 944 722 722 611"""
)
_BOLD = _widths(
    """500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500
    722 500 500 444 722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722
    556 667 722 722 1000 722 722 667"""
)
_OTHER = {" ": 250, "-": 333, ",": 250, ".": 250, ":": 278, "/": 278}
_POINT_MM = 25.4 / 72


def text_width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """About how wide `text` sets in Times New Roman at `size_pt` (digits are 500)."""
    widths = _BOLD if bold else _REGULAR
    base = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    units = sum(widths.get(ch, _OTHER.get(ch, 500)) for ch in base if not unicodedata.combining(ch))
    return units / 1000 * size_pt * _POINT_MM
