"""`kieumau check`: schema plus cross-file rules, producing diagnostics as data.

Each rule looks at one ward and its own criteria set (or one set and the set
it supersedes), so the cost grows linearly with the number of files.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kieumau_cli.check.diagnostics import Diagnostic, nearest
from kieumau_cli.load.models import CriteriaSet, Status, Ward
from kieumau_cli.load.repository import Loaded, Repository, load_criteria_set, load_ward
from kieumau_cli.load.yaml import Document
from kieumau_cli.results.score import epoch_start, score, statuses_as_of

if TYPE_CHECKING:
    from kieumau_cli.check.history import HistoryBase


@dataclass(slots=True)
class CheckResult:
    files: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")


def _kind_of(path: Path) -> str | None:
    if len(path.parts) >= 3:
        folder = path.parts[-3]
        if folder in ("criteria", "wards"):
            return folder
    return None


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders searched for YAML files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()
            )
        else:
            found.append(path)
    return found


def run_check(
    repository: Repository,
    paths: list[Path] | None,
    today: dt.date,
    *,
    base: HistoryBase | None = None,
) -> CheckResult:
    """Check the given files (None: every criteria set and ward of the root).

    With `base`, wards that changed since a git revision must also keep every
    history entry they had there (append-only). Large inputs are split over
    the available cores; the result does not depend on how.
    """
    if paths is not None:
        files = expand_paths(paths)
        set_files = [p for p in files if _kind_of(p.resolve()) == "criteria"]
        ward_files = [p for p in files if p not in set_files]
    else:
        set_files = list(repository.set_paths().values())
        ward_files = repository.ward_paths()
    result = CheckResult(files=len(set_files) + len(ward_files))
    for path in set_files:
        loaded = load_criteria_set(path, repository.display(path))
        repository.remember_set(loaded)
        result.diagnostics += loaded.diagnostics
        if loaded.model is not None and loaded.document is not None:
            result.diagnostics += set_cross_rules(repository, loaded.document, loaded.model)
    result.diagnostics += check_wards(repository, ward_files, today, base)
    if base is not None:
        result.diagnostics += base.deleted
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def ward_diagnostics(
    repository: Repository, path: Path, today: dt.date, base: HistoryBase | None = None
) -> list[Diagnostic]:
    """Everything `check` says about one ward file."""
    loaded = load_ward(path, repository.display(path))
    found = list(loaded.diagnostics)
    if loaded.model is not None and loaded.document is not None:
        found += ward_cross_rules(repository, loaded.document, loaded.model, today)
    if base is not None and loaded.document is not None:
        found += base.check(path, loaded.document)
    return found


# Below this many wards, starting a second process costs more than it saves.
PARALLEL_MIN_FILES = 300
# What a forked worker needs, set by the parent just before forking.
_worker_state: list[tuple[Repository, dt.date, HistoryBase | None]] = []


def jobs_for(count: int) -> int:
    """Processes to use for `count` files: KIEUMAU_JOBS, else every usable core."""
    wanted = os.environ.get("KIEUMAU_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        jobs = int(wanted)
    elif count < PARALLEL_MIN_FILES:
        return 1
    else:
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if sys.platform != "linux":  # fork is only safe and cheap on Linux
        return 1
    return max(1, min(jobs, count))


def check_wards(
    repository: Repository, paths: list[Path], today: dt.date, base: HistoryBase | None
) -> list[Diagnostic]:
    jobs = jobs_for(len(paths))
    if jobs == 1:
        return [d for path in paths for d in ward_diagnostics(repository, path, today, base)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    repository.all_sets()  # load the sets once, before the workers are forked
    _worker_state[:] = [(repository, today, base)]
    # Interleaved slices keep the work even; the output is sorted afterwards.
    chunks = [paths[start::jobs] for start in range(jobs)]
    try:
        with ProcessPoolExecutor(
            max_workers=jobs - 1, mp_context=multiprocessing.get_context("fork")
        ) as pool:
            futures = [pool.submit(_check_chunk, chunk) for chunk in chunks[1:]]
            found = _check_chunk(chunks[0])
            for future in futures:
                found += future.result()
    finally:
        _worker_state.clear()
    return found


def _check_chunk(paths: list[Path]) -> list[Diagnostic]:
    repository, today, base = _worker_state[0]
    return [d for path in paths for d in ward_diagnostics(repository, path, today, base)]


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


def resolve_set(
    repository: Repository, document: Document, ward: Ward
) -> tuple[Loaded[CriteriaSet] | None, list[Diagnostic]]:
    loaded = repository.criteria_set(ward.criteria)
    if loaded is None:
        known = sorted(repository.set_paths())
        return None, [
            document.diagnostic(
                "unknown-set",
                ("criteria",),
                ref=ward.criteria,
                known=", ".join(known),
                suggestion=nearest(ward.criteria, known),
            )
        ]
    return loaded, []


def ward_cross_rules(
    repository: Repository, document: Document, ward: Ward, today: dt.date
) -> list[Diagnostic]:
    loaded, found = resolve_set(repository, document, ward)
    if loaded is None or loaded.model is None or not loaded.ok:
        return found  # a broken set reports its own errors; judging wards by it adds only noise
    criteria_set = loaded.model
    found += _status_rules(document, ward, criteria_set)
    found += _history_rules(document, ward, criteria_set, today)
    found += _reported_rules(document, ward, criteria_set)
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
                    date=entry.date.isoformat(),
                    previous=previous_date.isoformat(),
                )
            )
        previous_date = max(entry.date, previous_date) if previous_date else entry.date
        if entry.date > today:
            found.append(
                document.diagnostic(
                    "history-future",
                    (*loc, "date"),
                    date=entry.date.isoformat(),
                    today=today.isoformat(),
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
    for index, reported in enumerate(ward.reported):
        if reported.criteria not in (None, ward.criteria):
            continue  # counted under a former set; it was checked while that set was current
        computed = score(criteria_set, statuses_as_of(ward, criteria_set, reported.date))
        if (computed.met, computed.total) != (reported.met, reported.total):
            found.append(
                document.diagnostic(
                    "reported-mismatch",
                    ("reported", index),
                    date=reported.date.isoformat(),
                    reported=f"{reported.met}/{reported.total}",
                    computed=f"{computed.met}/{computed.total}",
                )
            )
    return found
