"""The closed vocabularies of the file formats, importable without Pydantic (a cached
`status` renders from plain data and never loads the models)."""

from __future__ import annotations

import functools
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


@functools.cache  # the catalogue does not change during a run; every status value asks
def status_words() -> dict[str, Status]:
    """The Vietnamese words a ward file may use for a status, as `set` accepts them: the
    catalogue's labels ('đạt', 'chưa đạt', 'đang thực hiện', …) in lower case. Read as
    the status, kept as written in the file."""
    from kieumau_cli.text import t

    return {t("vi", f"status.{status.value}").casefold(): status for status in Status}


def status_word(value: object) -> Status | None:
    """The status a ward file's Vietnamese word names ('đạt', 'Đang thực hiện'), or None.
    Stricter than `status_of`: no slug spellings in a file (the JSON Schema lists these)."""
    import unicodedata

    if not isinstance(value, str):
        return None
    text = " ".join(unicodedata.normalize("NFC", value).strip().casefold().split())
    return status_words().get(text)


def status_of(value: object) -> Status | None:
    """'met', 'not-met', 'Đạt', 'đang thực hiện', 'chua-dat' → the status; else None."""
    from kieumau_cli.text.format import slugify

    if not isinstance(value, str):
        return None
    key = slugify(value).replace("-", "_")
    for word, status in status_words().items():
        if key in (status.value, slugify(word).replace("-", "_")):
            return status
    return None


# Statuses that need no more work.
DONE = frozenset({Status.MET, Status.NOT_APPLICABLE})

UnitKind = Literal["phuong", "xa", "dac_khu"]
Comparator = Literal[">=", "<=", "==", ">", "<"]
ProvenanceKind = Literal["official", "press", "illustrative"]

# How a document meant for signature is signed on someone's behalf (KT., TL., Q.); the
# CLI offers them without importing `results.paperwork` (see docs/docx.md).
SIGN_FORMS = ("KT", "TL", "Q")
