"""The life-cycle rules of `kieumau check`: selection, assessments, recognition, and the
evidence files a ward attaches. Pure functions of the loaded ward and its set, except the
evidence rule, which reads the files it names (below the data root only)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path, PurePosixPath

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.load.lifecycle_models import Lost, Recognised
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.load.yaml import Document
from kieumau_cli.results.lifecycle import HOLDS_RECOGNITION, claim_fails, stage_of
from kieumau_cli.results.score import score_at
from kieumau_cli.text.match import nearest

_CHUNK = 1 << 20


def lifecycle_rules(
    document: Document, ward: Ward, criteria_set: CriteriaSet, today: dt.date
) -> list[Diagnostic]:
    found = _date_rules(document, ward, today)
    found += _verdict_rules(document, ward, criteria_set)
    found += _recognition_rules(document, ward)
    if ward.recognition and stage_of(ward, criteria_set).code in HOLDS_RECOGNITION:
        claim = score_at(ward, criteria_set)
        if claim_fails(claim):
            found.append(
                document.diagnostic(
                    "maintenance-at-risk",
                    ("recognition",),
                    at_key=True,
                    met=claim.met,
                    total=claim.total,
                )
            )
    return found


def _dated(ward: Ward) -> list[tuple[tuple[str | int, ...], dt.date]]:
    """(where, date) of every dated life-cycle record."""
    dated: list[tuple[tuple[str | int, ...], dt.date]] = []
    for index, assessment in enumerate(ward.assessments):
        dated.append((("assessments", index, "date"), assessment.date))
    for index, entry in enumerate(ward.recognition):
        if isinstance(entry, Lost):
            dated.append((("recognition", index, "date"), entry.date))
        elif entry.decision is not None and entry.decision.date is not None:
            dated.append((("recognition", index, "decision", "date"), entry.decision.date))
    return dated


def _date_rules(document: Document, ward: Ward, today: dt.date) -> list[Diagnostic]:
    found = []
    if ward.selected is not None and ward.selected.date > today:
        found.append(
            document.diagnostic(
                "lifecycle-future", ("selected", "date"), date=ward.selected.date, today=today
            )
        )
    for loc, date in _dated(ward):
        if date > today:
            found.append(document.diagnostic("lifecycle-future", loc, date=date, today=today))
        elif ward.selected is not None and date < ward.selected.date:
            found.append(
                document.diagnostic(
                    "lifecycle-before-selected", loc, date=date, selected=ward.selected.date
                )
            )
    return found


def _verdict_rules(document: Document, ward: Ward, criteria_set: CriteriaSet) -> list[Diagnostic]:
    known = [criterion.id for criterion in criteria_set.criteria]
    return [
        document.diagnostic(
            "verdict-unknown-criterion",
            ("assessments", index, "verdicts", criterion_id),
            at_key=True,
            id=criterion_id,
            ref=criteria_set.ref,
            suggestion=nearest(criterion_id, known),
        )
        for index, assessment in enumerate(ward.assessments)
        for criterion_id in assessment.verdicts
        if criterion_id not in known
    ]


def _recognition_rules(document: Document, ward: Ward) -> list[Diagnostic]:
    found = []
    for index, entry in enumerate(ward.recognition):
        loc: tuple[str | int, ...] = ("recognition", index)
        if entry.source is None:
            found.append(document.diagnostic("recognition-no-source", loc, kind=entry.kind))
        if not isinstance(entry, Recognised):
            continue
        decision = entry.decision
        if decision is None or (decision.number is None and not entry.number_unknown):
            found.append(
                document.diagnostic(
                    "recognition-no-decision",
                    (*loc, "decision") if decision is not None else loc,
                    year=entry.year if entry.year is not None else "?",
                )
            )
        elif (
            decision.date is not None and entry.year is not None and entry.year > decision.date.year
        ):
            found.append(
                document.diagnostic(
                    "recognition-year-after-decision",
                    (*loc, "year"),
                    year=entry.year,
                    date=decision.date,
                )
            )
    return found


# --- evidence files ---------------------------------------------------------------------


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def evidence_path(root: Path, name: str) -> Path | None:
    """The file an `evidence[].file` names, when it stays inside the data root (links
    resolved: a link pointing out is outside); None otherwise."""
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or "\\" in name or ":" in name:
        return None
    target = root.joinpath(*relative.parts)
    try:
        if not target.resolve().is_relative_to(root.resolve()):
            return None
    except (OSError, RuntimeError):  # a link loop
        return None
    return target


def evidence_rules(document: Document, ward: Ward, root: Path) -> list[Diagnostic]:
    found = []
    for criterion_id, entry in ward.status.items():
        for index, evidence in enumerate(entry.evidence):
            if evidence.file is None:
                continue
            loc: tuple[str | int, ...] = ("status", criterion_id, "evidence", index, "file")
            target = evidence_path(root, evidence.file)
            if target is None:
                found.append(document.diagnostic("evidence-outside", loc, file=evidence.file))
                continue
            if not target.is_file():
                found.append(document.diagnostic("evidence-missing", loc, file=evidence.file))
                continue
            digest = file_digest(target)
            if evidence.sha256 is None:
                found.append(
                    document.diagnostic("evidence-unhashed", loc, file=evidence.file, sha256=digest)
                )
            elif evidence.sha256 != digest:
                found.append(
                    document.diagnostic(
                        "evidence-changed",
                        (*loc[:-1], "sha256"),
                        file=evidence.file,
                        recorded=evidence.sha256[:12],
                        now=digest[:12],
                    )
                )
    return found
