"""`kieumau check`: which files are checked, and running every rule over them.

Each rule looks at one ward and its own criteria set (or one set and the set it
supersedes), so the cost grows linearly with the number of files; large inputs
are split over the available cores, and the result does not depend on how.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.check.rules import set_cross_rules, ward_cross_rules
from kieumau_cli.load.files import LoadFailedFile, absolute, read_data_file
from kieumau_cli.load.repository import Repository

if TYPE_CHECKING:
    from kieumau_cli.check.history import HistoryBase


@dataclass(slots=True)
class CheckResult:
    files: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Diagnostics name files relative to `cwd`; code scanning wants them relative to the
    # repository's top (`source_root`, the git work tree holding the data, else cwd).
    cwd: Path | None = None
    source_root: Path | None = None

    def source_path(self, diagnostic: Diagnostic) -> str:
        """The diagnostic's file relative to `source_root`, '/'-separated."""
        if self.cwd is None or self.source_root is None:
            return diagnostic.path
        where = Path(absolute(self.cwd / diagnostic.path))
        try:
            return where.relative_to(absolute(self.source_root)).as_posix()
        except ValueError:  # outside the repository: an absolute path
            return where.as_posix()

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "warning")


_PINS = re.compile(rb"""^["']?criteria["']?[ \t]*:[ \t]*["']?([^\s"'#]+)""", re.MULTILINE)
_SUPERSEDES = re.compile(rb"""^["']?supersedes["']?[ \t]*:[ \t]*["']?([^\s"'#]+)""", re.MULTILINE)


def _named_ref(path: Path, pattern: re.Pattern[bytes]) -> str | None:
    """The set a file names (`criteria:` or `supersedes:`), read off its bytes without
    parsing YAML: one regular expression instead of a parse per file."""
    try:
        match = pattern.search(read_data_file(path))
    except LoadFailedFile:
        return None
    return match.group(1).decode("utf-8", "replace") if match else None


def dependants(repository: Repository, refs: set[str]) -> tuple[set[Path], set[Path]]:
    """(sets superseding, wards pinning) any of the criteria sets `refs`: what must be
    checked again when those sets change, so that no gate passes a set that breaks a
    ward it never looked at."""
    if not refs:
        return set(), set()
    wards = {p for p in repository.ward_paths() if _named_ref(p, _PINS) in refs}
    sets = {p for p in repository.set_paths().values() if _named_ref(p, _SUPERSEDES) in refs}
    return sets, wards


@dataclass(slots=True)
class Selection:
    """The files one `check` run looks at, by kind, and what their places say."""

    sets: list[Path] = field(default_factory=list)
    wards: list[Path] = field(default_factory=list)
    outside: list[Path] = field(default_factory=list)  # not in any data root: schema only
    findings: list[Diagnostic] = field(default_factory=list)
    programme: bool = False  # the root's programme.yaml


def _known(repository: Repository) -> dict[str, tuple[str, Path]]:
    """Absolute path (links not resolved) -> (kind, path) of every data file, twins too."""
    known: dict[str, tuple[str, Path]] = {}
    for kind, inventory in (
        ("criteria", repository.set_files()),
        ("wards", repository.ward_files()),
    ):
        for path in inventory.files.values():
            known[absolute(path)] = (kind, path)
        for twins in (*inventory.twins.values(), *inventory.copies.values()):
            for path in twins:  # twins, and the copies other roots carry of a set
                known[absolute(path)] = (kind, path)
    return known


def select(repository: Repository, paths: list[Path] | None) -> Selection:
    """Every data file (None), or the given files and folders plus what depends on them.

    A link given as a path is reported, never followed. A given criteria set brings the
    wards pinning it and the sets superseding it; a file with a twin brings its twin."""
    known = _known(repository)
    findings = repository.findings()
    chosen: dict[str, Path] = {}
    selection = Selection()
    programme_at = absolute(repository.programme_path())
    if paths is None:
        chosen = {at: path for at, (_, path) in known.items()}
        selection.findings = findings
        selection.programme = True
    else:
        for given in paths:
            given_at = absolute(given)
            if given_at == programme_at or (
                given.is_dir() and _below(programme_at, given_at) and given_at != programme_at
            ):
                selection.programme = True
                if given_at == programme_at:
                    continue
            if given.is_symlink():
                selection.findings.append(Diagnostic(repository.display(given), 1, 1, "symlink"))
            elif given.is_dir():
                inside = {a: p for a, (_, p) in known.items() if _below(a, given_at)}
                chosen.update(inside)
                selection.findings += [
                    d for d in findings if _below(absolute(_path_of(d, repository)), given_at)
                ]
                if not inside:
                    selection.outside += [p for p in _yaml_below(given) if absolute(p) not in known]
            elif given_at in known:
                chosen[given_at] = known[given_at][1]
                selection.findings += [
                    d for d in findings if absolute(_path_of(d, repository)) == given_at
                ]
            else:
                selection.outside.append(given)
        for at in list(chosen):  # a file's twin is judged with it
            kind, path = known[at]
            inventory = repository.set_files() if kind == "criteria" else repository.ward_files()
            for twins in inventory.twins.values():
                if path in twins:
                    chosen.update({absolute(twin): twin for twin in twins})
                    selection.findings += [
                        d
                        for d in findings
                        if absolute(_path_of(d, repository)) in map(absolute, twins)
                    ]
        refs = {
            f"{path.parent.name}@{path.stem}"
            for at, path in chosen.items()
            if known[at][0] == "criteria"
        }
        more_sets, more_wards = dependants(repository, refs)
        for path in (*more_sets, *more_wards):
            chosen.setdefault(absolute(path), path)
    for at, path in sorted(chosen.items()):
        (selection.sets if known[at][0] == "criteria" else selection.wards).append(path)
    return selection


def _below(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _path_of(diagnostic: Diagnostic, repository: Repository) -> Path:
    return repository.cwd / diagnostic.path


def _yaml_below(folder: Path) -> list[Path]:
    """YAML files below a folder outside the data root, never through a link."""
    found = []
    for parent, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not Path(parent, f).is_symlink())
        found += [Path(parent, f) for f in sorted(files) if f.lower().endswith((".yaml", ".yml"))]
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
    selection = select(repository, paths)
    result = CheckResult(
        files=len(selection.sets) + len(selection.wards) + len(selection.outside),
        diagnostics=list(selection.findings),
    )
    programme = repository.programme_file() if selection.programme else None
    if programme is not None:
        result.files += 1
        result.diagnostics += programme.diagnostics
    judged: set[int] = set()  # another root's identical copy shares its set's document
    for path in selection.sets:
        loaded = repository.criteria_set_file(path)
        result.diagnostics += loaded.diagnostics
        document = loaded.document
        if loaded.model is not None and document is not None and id(document) not in judged:
            judged.add(id(document))
            result.diagnostics += set_cross_rules(repository, document, loaded.model)
    result.diagnostics += check_wards(repository, selection.wards, today, base)
    for path in selection.outside:
        result.diagnostics += outside_diagnostics(repository, path)
    if base is not None:
        result.diagnostics += base.deleted
    result.diagnostics = _unique(result.diagnostics)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, int, int, str]] = set()
    kept = []
    for diagnostic in diagnostics:
        if diagnostic.sort_key() not in seen:
            seen.add(diagnostic.sort_key())
            kept.append(diagnostic)
    return kept


def outside_diagnostics(repository: Repository, path: Path) -> list[Diagnostic]:
    """A file outside every data root: its syntax and schema (as a ward, or as a criteria
    set when it has `criteria:` groups), and a finding that nothing else was checked."""
    from kieumau_cli.load.models import CriteriaSet, Ward
    from kieumau_cli.load.repository import read_file
    from kieumau_cli.load.validate import validate

    display = repository.display(path)
    document, found = read_file(path, display)
    if document is not None:
        model: type[Ward] | type[CriteriaSet] = (
            CriteriaSet if "groups" in document.data and "pass_rule" in document.data else Ward
        )
        found += validate(document, model)[1]
    return [*found, Diagnostic(display, 1, 1, "outside-root")]


def ward_diagnostics(
    repository: Repository, path: Path, today: dt.date, base: HistoryBase | None = None
) -> list[Diagnostic]:
    """Everything `check` says about one ward file."""
    loaded = repository.load_ward(path)
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
    wanted = os.environ.get("KIEUMAU_JOBS", "").strip()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if wanted.isdigit() and int(wanted) > 0:
        jobs = min(int(wanted), 4 * cores)  # more processes than that only thrash
    elif count < PARALLEL_MIN_FILES:
        return 1
    else:
        jobs = cores
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
