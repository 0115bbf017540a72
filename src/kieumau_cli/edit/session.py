"""The one path every edit of a ward file takes (`init`, `set`, `migrate`):

1. read the file once (`Snapshot`: its exact bytes and its text);
2. refuse it if `kieumau check` would (nothing is edited on top of an invalid file);
3. change the round-trip tree (`edit.ward_edits`, `edit.migrate`);
4. run the new content through `check`'s loader, models and rules (`diagnose`);
5. write it atomically — unless the file changed on disk in the meantime.

Nothing here knows about Typer or the terminal: refusals are `InvalidDataError`s
carrying the diagnostics, which `cli.guard` prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
from kieumau_cli.errors import InvalidDataError, UsageError
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

    def tree(self) -> Tree:
        return load_tree(self.original.text)

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
        return data, verdict

    def write(self, data: bytes) -> None:
        """Replace the file only if it still holds the bytes read; a new file never
        replaces one that appeared meanwhile."""
        expected = None if self.ward is None else self.original.raw
        write_atomic(self.path, data, expected=expected)


def open_for_edit(repository: Repository, path: Path, today: dt.date) -> WardEdit:
    """The ward's file as read, refused (with check's findings) if it does not validate."""
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
    """An edit that creates `path` (which must not exist yet)."""
    refuse_bundled(repository)
    return WardEdit(repository, today, new_snapshot(path), None, None)
