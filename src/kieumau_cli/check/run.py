"""`kieumau check`: which files are checked, and running every rule over them.

Each rule looks at one ward and its own criteria set (or one set and the set it
supersedes), so the cost grows linearly with the number of files; large inputs
are split over the available cores, and the result does not depend on how.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.check.rules import set_cross_rules, ward_cross_rules
from kieumau_cli.load.repository import Repository, load_criteria_set, load_ward

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
