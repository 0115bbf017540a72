"""What the recognition dossier (hồ sơ đề nghị kiểm tra, công nhận) holds, as plain data:
the self-assessment per criterion with its evidence, the latest self-assessment, and the
evidence index. The documents are laid out by `render/docx/dossier.py`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kieumau_cli import __version__
from kieumau_cli.load.lifecycle_models import Assessment
from kieumau_cli.load.models import CriteriaSet, Evidence, Ward
from kieumau_cli.results.lifecycle import Stage, Verified, lifecycle_summary, stage_of, verified
from kieumau_cli.results.rows import CriterionDetail, GroupRow, criterion_details, group_rows
from kieumau_cli.results.score import Score, score_at


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    criterion: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Dossier:
    ward: Ward
    criteria_set: CriteriaSet
    score: Score
    groups: list[GroupRow[CriterionDetail]]
    self_assessment: Assessment | None  # the latest, if recorded
    stage: Stage
    verified: Verified | None
    year: int  # the year the station asks to be recognised for
    generated: dt.date
    lifecycle: dict[str, Any]  # results.lifecycle.lifecycle_summary
    version: str = __version__

    @property
    def criteria(self) -> list[CriterionDetail]:
        return [row for group in self.groups for row in group.criteria]

    @property
    def evidence(self) -> list[EvidenceRow]:
        return [
            EvidenceRow(row.id, item)
            for row in self.criteria
            if row.entry is not None
            for item in row.entry.evidence
        ]

    @property
    def without_evidence(self) -> list[str]:
        """Criteria claimed met with nothing to show for it."""
        return [
            row.id
            for row in self.criteria
            if row.status.value == "met" and (row.entry is None or not row.entry.evidence)
        ]


def build_dossier(
    ward: Ward, criteria_set: CriteriaSet, today: dt.date, year: int | None = None
) -> Dossier:
    details = criterion_details(ward, criteria_set, today)
    selves = sorted((a for a in ward.assessments if a.kind == "self"), key=lambda a: a.date)
    return Dossier(
        ward=ward,
        criteria_set=criteria_set,
        score=score_at(ward, criteria_set),
        groups=group_rows(criteria_set.groups, details),
        self_assessment=selves[-1] if selves else None,
        stage=stage_of(ward, criteria_set),
        verified=verified(ward, criteria_set),
        year=year if year is not None else today.year,
        generated=today,
        lifecycle=lifecycle_summary(ward, criteria_set),
    )
