"""The closed vocabularies of the file formats, importable without Pydantic (a cached
`status` renders from plain data and never loads the models)."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class Status(StrEnum):
    """Trạng thái tiêu chí / Criterion status

    Tập đóng: met, not_met, in_progress, not_applicable, unknown. / A closed set.
    """

    MET = "met"
    NOT_MET = "not_met"
    IN_PROGRESS = "in_progress"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"


# The Vietnamese words a ward file may use for a status, as `set` accepts them: read as the
# status, kept as written in the file. (Data vocabulary, like the keys; the labels printed
# come from the text catalogue.)
STATUS_WORDS: dict[str, Status] = {
    "đạt": Status.MET,
    "chưa đạt": Status.NOT_MET,
    "đang thực hiện": Status.IN_PROGRESS,
    "không áp dụng": Status.NOT_APPLICABLE,
    "chưa đánh giá": Status.UNKNOWN,
}


def status_word(value: object) -> Status | None:
    """The status a ward file's Vietnamese word names ('đạt', 'Đang thực hiện'), or None.
    Stricter than `status_of`: no slug spellings in a file (the JSON Schema lists these)."""
    import unicodedata

    if not isinstance(value, str):
        return None
    text = " ".join(unicodedata.normalize("NFC", value).strip().casefold().split())
    return STATUS_WORDS.get(text)


def status_of(value: object) -> Status | None:
    """'met', 'not-met', 'Đạt', 'đang thực hiện', 'chua-dat' → the status; else None."""
    import unicodedata

    if not isinstance(value, str):
        return None
    text = " ".join(unicodedata.normalize("NFC", value).strip().casefold().split())
    if text in STATUS_WORDS:
        return STATUS_WORDS[text]
    folded = "".join(
        ch
        for ch in unicodedata.normalize("NFD", text.replace("đ", "d"))
        if not unicodedata.combining(ch)
    )
    key = folded.replace("-", "_").replace(" ", "_")
    for status in Status:
        if key == status.value:
            return status
    for word, status in STATUS_WORDS.items():
        plain = "".join(
            ch
            for ch in unicodedata.normalize("NFD", word.replace("đ", "d"))
            if not unicodedata.combining(ch)
        )
        if key == plain.replace(" ", "_"):
            return status
    return None


# Statuses that need no more work.
DONE = frozenset({Status.MET, Status.NOT_APPLICABLE})

UnitKind = Literal["phuong", "xa", "dac_khu"]
Comparator = Literal[">=", "<=", "==", ">", "<"]
ProvenanceKind = Literal["official", "press", "illustrative"]
