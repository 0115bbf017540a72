"""The one path every edit of a ward file takes (`init`, `set`, `migrate`…):

1. take the ward's lock (a sidecar `.NAME.lock` beside the file, `filelock`: portable to
   Windows), waiting a few seconds for another run to finish;
2. read the file once (`Snapshot`: its exact bytes and its text);
3. refuse it if `kieumau check` would (nothing is edited on top of an invalid file);
4. change the round-trip tree (`edit.ward_edits`, `edit.migrate`);
5. run the new content through `check`'s loader, models and rules (`diagnose`);
6. write it atomically — unless the file changed on disk in the meantime (a writer
   that takes no lock, such as an editor) — and release the lock.

Reading and writing inside one lock makes two runs of `set` on one ward take turns:
the second reads what the first wrote, so no accepted change is ever lost.

Nothing here knows about Typer or the terminal: refusals are `InvalidDataError`s
carrying the diagnostics, which `cli.guard` prints.
"""

from __future__ import annotations

import datetime as dt
import glob
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.edit.atomic import write_atomic
from kieumau_cli.edit.tree import (
    Snapshot,
    Tree,
    load_tree,
    new_snapshot,
    read_snapshot,
    reformatted_lines,
)
from kieumau_cli.edit.ward_edits import Applied
from kieumau_cli.errors import (
    ConcurrentEditError,
    HistoryRewriteError,
    InvalidDataError,
    UsageError,
    WriteFailedError,
)
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.load.repository import Repository
from kieumau_cli.load.validate import validate, ward_rules
from kieumau_cli.load.yaml import Document, LoadFailed, load_bytes
from kieumau_cli.results.score import Score, score_at


@dataclass(frozen=True, slots=True)
class Verdict:
    """What `kieumau check` says about some content of a ward file."""

    document: Document | None
    ward: Ward | None
    criteria_set: CriteriaSet | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    def score(self) -> Score:
        """The score of valid content (`checked` returns only such verdicts)."""
        assert self.ward is not None and self.criteria_set is not None
        return score_at(self.ward, self.criteria_set)


def diagnose(repository: Repository, path: Path, raw: bytes, today: dt.date) -> Verdict:
    """What `kieumau check` would say about `raw` as the content of the ward file `path`."""
    from kieumau_cli.check.rules import ward_cross_rules

    display = repository.display(path)
    try:
        document = load_bytes(raw, display)
    except LoadFailed as failed:
        return Verdict(None, None, None, [failed.diagnostic])
    ward, found = validate(document, Ward)
    if ward is None:
        return Verdict(document, None, None, found)
    found += ward_rules(document, ward, PurePosixPath(path.parent.name, path.name))
    found += ward_cross_rules(repository, document, ward, today)
    loaded, _ = repository.set_of(document, ward)
    criteria_set = loaded.model if loaded is not None and loaded.ok else None
    return Verdict(document, ward, criteria_set, found)


def refuse_bundled(repository: Repository) -> None:
    if repository.root.origin == "bundled":
        raise UsageError("error.edit_bundled")


@dataclass(frozen=True, slots=True)
class WardEdit:
    """One edit of one ward file, from the read to the write."""

    repository: Repository
    today: dt.date
    original: Snapshot
    ward: Ward | None  # None when the file is being created
    criteria_set: CriteriaSet | None

    @property
    def path(self) -> Path:
        return self.original.path

    @property
    def display(self) -> str:
        return self.repository.display(self.path)

    def tree(self, *, appending: bool = False) -> Tree:
        """The file to edit. `appending`: the edit adds history entries but changes
        none (`set`, `import`), so a long history is kept as text, not parsed."""
        return load_tree(self.original.text, appending=appending)

    def reformatted(self, tree: Tree) -> int:
        """Lines a dump would change although nothing was edited (0 for most files)."""
        return reformatted_lines(tree, self.original.text)

    def checked(self, text: str, extra: Sequence[Diagnostic] = ()) -> tuple[bytes, Verdict]:
        """The new content as bytes, refused unless `check` accepts it."""
        data = self.original.encode(text)
        verdict = diagnose(self.repository, self.path, data, self.today)
        diagnostics = list(verdict.diagnostics)
        seen = {(d.line, d.column, d.code) for d in diagnostics}
        diagnostics += [d for d in extra if (d.line, d.column, d.code) not in seen]
        if any(d.severity == "error" for d in diagnostics):
            raise InvalidDataError("error.edit_invalid", diagnostics=diagnostics)
        if self.ward is not None and verdict.ward is not None:
            old, new = self.ward, verdict.ward
            # append-only, even for kieumau: history, assessments, recognition
            for before, after in (
                (old.history, new.history),
                (old.assessments, new.assessments),
                (old.recognition, new.recognition),
            ):
                if list(after[: len(before)]) != list(before):
                    raise HistoryRewriteError("error.edit_rewrote_history", path=self.display)
        return data, verdict

    def future_date(self, text: str, date: object, applied: Sequence[Applied]) -> list[Diagnostic]:
        """A future --date is refused even when no history entry carries it (check's
        `history-future` covers those): it would still be written as `updated`."""
        if not isinstance(date, dt.date) or date <= self.today:
            return []
        if any(item.new_status is not None for item in applied):
            return []
        first = next((item for item in applied if item.changed), None)
        if first is None:
            return []
        document = load_bytes(self.original.encode(text), self.display)
        return [
            document.diagnostic(
                "history-future",
                ("status", first.criterion, "updated"),
                date=date,
                today=self.today,
            )
        ]

    def write(self, data: bytes) -> None:
        """Replace the file only if it still holds the bytes read (call it inside
        `editing`, which holds the lock). A new file never replaces one that appeared
        meanwhile; its folder is made only now, once the content was accepted."""
        if self.ward is not None:
            write_atomic(self.path, data, expected=self.original.raw)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with locked(self.path):
            write_atomic(self.path, data, expected=None)


LOCK_SECONDS = 10.0  # how long a run waits for another one editing the same ward


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the ward's lock; ConcurrentEditError when another run keeps it too long."""
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(path), timeout=LOCK_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise ConcurrentEditError("error.locked", name=path.name, seconds=LOCK_SECONDS) from None
    except OSError as error:  # a lock file that is a link, a read-only folder…
        raise WriteFailedError(
            "error.write_failed", name=path.name, reason=error.strerror or str(error)
        ) from None
    try:
        remove_stale_temps(path)
        yield
    finally:
        lock.release()


def remove_stale_temps(path: Path) -> None:
    """Temporary copies a killed write left beside the file. Every writer holds the lock
    while its temp file exists, so with the lock held any such file is stale."""
    for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink(missing_ok=True)


@contextmanager
def editing(repository: Repository, path: Path, today: dt.date) -> Iterator[WardEdit]:
    """The edit of an existing ward file, under its lock from the read to the write."""
    refuse_bundled(repository)
    with locked(path):
        yield open_for_edit(repository, path, today)


def open_for_edit(repository: Repository, path: Path, today: dt.date) -> WardEdit:
    """The ward's file as read, refused (with check's findings) if it does not validate.
    Call it through `editing`, which holds the lock."""
    refuse_bundled(repository)
    try:
        snapshot = read_snapshot(path, repository.display(path))
    except LoadFailed as failed:
        raise InvalidDataError("error.original_invalid", diagnostics=[failed.diagnostic]) from None
    verdict = diagnose(repository, path, snapshot.raw, today)
    if verdict.errors or verdict.ward is None or verdict.criteria_set is None:
        raise InvalidDataError("error.original_invalid", diagnostics=verdict.diagnostics)
    return WardEdit(repository, today, snapshot, verdict.ward, verdict.criteria_set)


def create(repository: Repository, path: Path, today: dt.date) -> WardEdit:
    """An edit that creates `path` (which must not exist yet); `write` takes the lock."""
    refuse_bundled(repository)
    return WardEdit(repository, today, new_snapshot(path), None, None)
