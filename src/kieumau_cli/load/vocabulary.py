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


# Statuses that need no more work.
DONE = frozenset({Status.MET, Status.NOT_APPLICABLE})

UnitKind = Literal["phuong", "xa", "dac_khu"]
Comparator = Literal[">=", "<=", "==", ">", "<"]
ProvenanceKind = Literal["official", "press", "illustrative"]
