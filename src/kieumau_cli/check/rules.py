"""The cross-file rules of `kieumau check`: a ward against its criteria set, and a set
against the set it supersedes. Pure functions of loaded models; positions come from
the parsed document."""

from __future__ import annotations

import datetime as dt

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.check.lifecycle import evidence_rules, lifecycle_rules
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.load.repository import Repository
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.load.yaml import Document
from kieumau_cli.results.score import Replay, epoch_start
from kieumau_cli.text.match import nearest


def set_cross_rules(
    repository: Repository, document: Document, criteria_set: CriteriaSet
) -> list[Diagnostic]:
    if criteria_set.supersedes is None:
        return []
    previous = repository.criteria_set(criteria_set.supersedes)
    if previous is None:
        return [
            document.diagnostic("unknown-supersedes", ("supersedes",), ref=criteria_set.supersedes)
        ]
    if previous.model is None:
        return []  # its own diagnostics are reported where it is checked
    known = [criterion.id for criterion in previous.model.criteria]
    found = []
    for index, criterion in enumerate(criteria_set.criteria):
        for position, old_id in enumerate(criterion.replaces):
            if old_id not in known:
                found.append(
                    document.diagnostic(
                        "unknown-replaces",
                        ("criteria", index, "replaces", position),
                        id=old_id,
                        ref=criteria_set.supersedes,
                        suggestion=nearest(old_id, known),
                    )
                )
    return found


def ward_cross_rules(
    repository: Repository, document: Document, ward: Ward, today: dt.date
) -> list[Diagnostic]:
    loaded, found = repository.set_of(document, ward)
    if loaded is None or loaded.model is None or not loaded.ok:
        return found  # a broken set reports its own errors; judging wards by it adds only noise
    criteria_set = loaded.model
    found += _status_rules(document, ward, criteria_set)
    found += _history_rules(document, ward, criteria_set, today)
    found += _reported_rules(document, ward, criteria_set)
    found += lifecycle_rules(document, ward, criteria_set, today)
    found += evidence_rules(document, ward, repository.root_of(repository.cwd / document.path).path)
    return found


def _status_rules(document: Document, ward: Ward, criteria_set: CriteriaSet) -> list[Diagnostic]:
    found = []
    if ward.kind not in criteria_set.applies_to:
        found.append(
            document.diagnostic("kind-mismatch", ("kind",), ref=criteria_set.ref, kind=ward.kind)
        )
    known = {criterion.id: criterion for criterion in criteria_set.criteria}
    for criterion_id, entry in ward.status.items():
        criterion = known.get(criterion_id)
        if criterion is None:
            found.append(
                document.diagnostic(
                    "unknown-criterion",
                    ("status", criterion_id),
                    at_key=True,
                    id=criterion_id,
                    ref=criteria_set.ref,
                    suggestion=nearest(criterion_id, list(known)),
                )
            )
            continue
        if (
            criterion.requires_reason_if_not_applicable
            and entry.status is Status.NOT_APPLICABLE
            and not entry.reason
        ):
            found.append(
                document.diagnostic(
                    "needs-reason", ("status", criterion_id), at_key=True, id=criterion_id
                )
            )
        if criterion.requires_evidence_if_met and entry.status is Status.MET and not entry.evidence:
            found.append(
                document.diagnostic(
                    "needs-evidence", ("status", criterion_id), at_key=True, id=criterion_id
                )
            )
    for criterion_id in known:
        if criterion_id not in ward.status:
            found.append(
                document.diagnostic("missing-criterion", ("status",), at_key=True, id=criterion_id)
            )
    return found


def _history_rules(
    document: Document, ward: Ward, criteria_set: CriteriaSet, today: dt.date
) -> list[Diagnostic]:
    found = []
    known = {criterion.id for criterion in criteria_set.criteria}
    previous_date: dt.date | None = None
    last_to: dict[str, Status] = {}
    start = epoch_start(ward.history)
    for index, entry in enumerate(ward.history):
        loc = ("history", index)
        if previous_date is not None and entry.date < previous_date:
            found.append(
                document.diagnostic(
                    "history-order",
                    (*loc, "date"),
                    date=entry.date,
                    previous=previous_date,
                )
            )
        previous_date = max(entry.date, previous_date) if previous_date else entry.date
        if entry.date > today:
            found.append(
                document.diagnostic(
                    "history-future",
                    (*loc, "date"),
                    date=entry.date,
                    today=today,
                )
            )
        if index < start:
            continue  # written under the set before the last migration: its ids are not ours
        if entry.criterion not in known:
            found.append(
                document.diagnostic(
                    "history-unknown-criterion",
                    (*loc, "criterion"),
                    id=entry.criterion,
                    suggestion=nearest(entry.criterion, sorted(known)),
                )
            )
            continue
        if entry.from_ == entry.to:
            found.append(
                document.diagnostic(
                    "history-noop", (*loc, "to"), id=entry.criterion, status=entry.to.value
                )
            )
        before = last_to.get(entry.criterion)
        if before is not None and before != entry.from_:
            found.append(
                document.diagnostic(
                    "history-chain",
                    (*loc, "from"),
                    id=entry.criterion,
                    from_=entry.from_.value,
                    previous=before.value,
                )
            )
        last_to[entry.criterion] = entry.to
    for criterion_id, last in last_to.items():
        entry_status = ward.status.get(criterion_id)
        if entry_status is not None and entry_status.status != last:
            found.append(
                document.diagnostic(
                    "history-mismatch",
                    ("status", criterion_id, "status"),
                    id=criterion_id,
                    status=entry_status.status.value,
                    last=last.value,
                )
            )
    return found


def _reported_rules(document: Document, ward: Ward, criteria_set: CriteriaSet) -> list[Diagnostic]:
    found = []
    replay = Replay(ward, criteria_set) if ward.reported else None
    for index, reported in enumerate(ward.reported):
        if reported.criteria not in (None, ward.criteria):
            continue  # counted under a former set; it was checked while that set was current
        assert replay is not None
        computed = replay.score(reported.date)
        if (computed.met, computed.total) != (reported.met, reported.total):
            found.append(
                document.diagnostic(
                    "reported-mismatch",
                    ("reported", index),
                    date=reported.date,
                    reported=f"{reported.met}/{reported.total}",
                    computed=f"{computed.met}/{computed.total}",
                )
            )
    return found
