"""`check --changed [REV]` and `check --base REV`: the files git says changed.

`--changed` checks only what changed since REV (by default the merge base
with the default branch) — committed, staged, unstaged and untracked — plus
what depends on it: every ward pinning a changed criteria set, and every set
superseding one. Pinning wards are found by one regular expression over each
ward's bytes, without parsing YAML.

`--base` makes history append-only: every entry a ward had at REV must still
be there, unchanged and in the same place. Only wards that differ from REV
are compared, and their old content comes through one `git cat-file --batch`.
It also holds the new entries that set `met` to the ward's `approvers` at REV
(`check.signoff`: `unapproved-change`).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.check.signoff import Claim, claim_diagnostic, needs_authors, unapproved_claims
from kieumau_cli.load.files import YAML_SUFFIXES, absolute
from kieumau_cli.load.git import Git
from kieumau_cli.load.programme import programme_path
from kieumau_cli.load.repository import Repository
from kieumau_cli.load.signoff import Approver, approvers_in
from kieumau_cli.load.yaml import Document, LoadFailed, load_bytes

_PINS = re.compile(rb"""^["']?criteria["']?[ \t]*:[ \t]*["']?([^\s"'#]+)""", re.MULTILINE)
_SUPERSEDES = re.compile(rb"""^["']?supersedes["']?[ \t]*:[ \t]*["']?([^\s"'#]+)""", re.MULTILINE)


def _data_files(
    git: Git, repository: Repository, names: list[PurePosixPath]
) -> list[tuple[str, PurePosixPath]]:
    """(folder, path below the data root) of the criteria and ward files among `names`."""
    root = git.relative(repository.root.path)
    found = []
    for name in names:
        try:
            rel = name.relative_to(root) if root.parts else name
        except ValueError:
            continue
        if (
            len(rel.parts) == 3
            and rel.parts[0] in ("criteria", "wards")
            and rel.name.endswith(YAML_SUFFIXES)
        ):
            found.append((rel.parts[0], rel))
    return found


def _pinned_ref(path: Path, pattern: re.Pattern[bytes]) -> str | None:
    try:
        match = pattern.search(path.read_bytes())
    except OSError:
        return None
    return match.group(1).decode("utf-8", "replace") if match else None


def changed_files(repository: Repository, rev: str | None) -> list[Path]:
    """The criteria and ward files to check for `--changed [REV]`."""
    git = Git(repository.root.path)
    commit = git.merge_base(git.default_branch()) if rev is None else git.resolve(rev)
    sets: set[Path] = set()
    wards: set[Path] = set()
    changed_refs: set[str] = set()
    changed = git.changed_since(commit)
    programme = programme_path(repository.root.path)
    extra = [programme] if git.relative(programme) in changed and programme.is_file() else []
    for folder, rel in _data_files(git, repository, changed):
        path = repository.root.path.joinpath(*rel.parts)
        if folder == "criteria":
            changed_refs.add(f"{rel.parts[1]}@{path.stem}")
            if path.is_file():
                sets.add(path)
        elif path.is_file():
            wards.add(path)
    if changed_refs:
        for path in repository.ward_paths():
            if path not in wards and _pinned_ref(path, _PINS) in changed_refs:
                wards.add(path)
        for path in repository.set_paths().values():
            if _pinned_ref(path, _SUPERSEDES) in changed_refs:
                sets.add(path)
    return sorted(sets) + sorted(wards) + extra


# --- history is append-only ------------------------------------------------------------


def _data_of(raw: bytes | None, name: str) -> Any:
    if raw is None:
        return None
    try:
        return load_bytes(raw, name).data
    except LoadFailed:
        return None  # unreadable at that revision: nothing to compare against


def _history_in(data: Any) -> list[Any]:
    history = data.get("history") if isinstance(data, dict) else None
    return history if isinstance(history, list) else []


# The append-only sections of a ward file, and the code family each one reports with.
APPEND_ONLY = {"history": "history", "assessments": "lifecycle", "recognition": "lifecycle"}


def _sections_in(data: Any) -> dict[str, list[Any]]:
    if not isinstance(data, dict):
        return {}
    return {key: value for key in APPEND_ONLY if isinstance(value := data.get(key), list) and value}


def _history_of(raw: bytes | None, name: str) -> list[Any]:
    return _history_in(_data_of(raw, name))


def _canonical(entry: Any) -> str:
    return json.dumps(entry, sort_keys=True, default=str, ensure_ascii=False)


def _summary(entry: Any) -> str:
    """'2026-01-05 C03: in_progress → met' (or '2026-01-05 inspection'), for messages."""
    if not isinstance(entry, dict):
        return str(entry)[:60]
    if "criterion" not in entry:
        when = entry.get("date", entry.get("year", "?"))
        return f"{when} {entry.get('kind', '?')}"
    return (
        f"{entry.get('date', '?')} {entry.get('criterion', '?')}: "
        f"{entry.get('from', '?')} → {entry.get('to', '?')}"
    )


def append_only_rules(
    document: Document, old: list[Any], rev: str, section: str = "history"
) -> list[Diagnostic]:
    """Entries of `old` (the `section` at `rev`: history, assessments, recognition)
    rewritten, deleted, or with new entries inserted among them, in the ward `document`
    as it is now."""
    family = APPEND_ONLY[section]
    extra = {} if family == "history" else {"section": section}
    current = document.data.get(section)
    new: list[Any] = current if isinstance(current, list) else []
    before = [_canonical(entry) for entry in old]
    after = [_canonical(entry) for entry in new]
    if after[: len(before)] == before:
        return []  # appended only: the common case, decided without diffing
    found: list[Diagnostic] = []

    def at(index: int) -> tuple[tuple[str | int, ...], bool]:
        return ((section, index), False) if index < len(new) else ((section,), True)

    def report(code: str, index: int, number: int, entry: Any) -> None:
        loc, at_key = at(index)
        found.append(
            document.diagnostic(
                f"{family}-{code}",
                loc,
                at_key=at_key,
                number=number,
                entry=_summary(entry),
                rev=rev,
                **extra,
            )
        )

    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            was, now = old[i1 + k], new[j1 + k]
            loc, at_key = at(j1 + k)
            changed = [
                key
                for key in (now if isinstance(now, dict) else {})
                if not isinstance(was, dict) or was.get(key) != now[key]
            ]
            if changed and not (isinstance(was, dict) and set(was) - set(now)):
                loc = (*loc, changed[0])
            found.append(
                document.diagnostic(
                    f"{family}-rewritten",
                    loc,
                    at_key=at_key,
                    number=i1 + k + 1,
                    entry=_summary(was),
                    rev=rev,
                    **extra,
                )
            )
        for i in range(i1 + pairs, i2):
            report("deleted", j2, i + 1, old[i])
        if i2 < len(old):  # new entries before the end of the old history
            for j in range(j1 + pairs, j2):
                report("inserted", j, j + 1, new[j])
    return found


@dataclass(frozen=True, slots=True)
class WardAtBase:
    """What sign-off needs of a changed ward at REV."""

    name: PurePosixPath  # the file now, as git names it
    approvers: tuple[Approver, ...] | None  # at REV: the ward's own and its province's
    old: frozenset[str]  # its history, assessments and recognition entries at REV, canonical
    existed: bool


def _claimed_by(section: str, entry: Any) -> tuple[bool, str | None]:
    """Whether `entry` of `section` claims something only an approver may claim — a
    history entry or an assessment setting `met`, a recognition decision — and who it
    says made the claim (an assessment's body, a decision's issuer)."""
    if not isinstance(entry, dict):
        return False, None
    if section == "history":
        claims, by = entry.get("to") == "met", entry.get("by")
    elif section == "assessments":
        verdicts = entry.get("verdicts")
        claims = isinstance(verdicts, dict) and "met" in verdicts.values()
        by = entry.get("by")
    else:
        decision = entry.get("decision")
        claims = entry.get("kind") == "recognised"
        by = decision.get("issuer") if isinstance(decision, dict) else None
    return claims, str(by) if by else None


def _entries_of(data: Any) -> list[tuple[str, int, Any]]:
    return [
        (section, index, entry)
        for section, entries in _sections_in(data).items()
        for index, entry in enumerate(entries)
    ]


def _old_entries(data: Any) -> frozenset[str]:
    return frozenset(_canonical(entry) for _, _, entry in _entries_of(data))


@dataclass(slots=True)
class HistoryBase:
    """Histories at a revision, for the wards that differ from it."""

    rev: str
    old: dict[Path, list[Any]] = field(default_factory=dict)
    deleted: list[Diagnostic] = field(default_factory=list)
    wards: dict[Path, WardAtBase] = field(default_factory=dict)
    git: Git | None = None
    commit: str = ""

    # assessments and recognition at `rev`, by ward file
    records: dict[Path, dict[str, list[Any]]] = field(default_factory=dict)
    # the programme's approvers of each province at `rev`
    province_approvers: dict[str, tuple[Approver, ...]] = field(default_factory=dict)

    def check(self, path: Path, document: Document) -> list[Diagnostic]:
        key = Path(absolute(path))
        history = self.old.get(key)
        found = append_only_rules(document, history, self.rev) if history else []
        for section, entries in self.records.get(key, {}).items():
            found += append_only_rules(document, entries, self.rev, section)
        at_base = self.wards.get(key)
        if at_base is not None:
            found += self.signoff(at_base, document)
        return found

    def signoff(self, at_base: WardAtBase, document: Document) -> list[Diagnostic]:
        """New entries claiming `met` (or a recognition) that no approver at REV speaks
        for. A file new since REV had no approvers there: its own list applies."""
        approvers = at_base.approvers if at_base.existed else approvers_in(document.data)
        province = at_base.name.parent.name
        approvers = (*(approvers or ()), *self.province_approvers.get(province, ()))
        if not approvers:
            return []
        added = []
        for section, index, entry in _entries_of(document.data):
            claims, by = _claimed_by(section, entry)
            if claims and _canonical(entry) not in at_base.old:
                added.append((section, index, entry, by))
        if not added:
            return []
        wanted = {_canonical(entry) for _, _, entry, _ in added}
        authors = self._authors(at_base.name, wanted) if needs_authors(approvers) else {}
        claims_made = []
        for section, index, entry, by in added:
            author, commit = authors.get(_canonical(entry), (None, None))
            claims_made.append(Claim((section, index), _summary(entry), by, author, commit))
        return [
            claim_diagnostic(document, found, self.rev)
            for found in unapproved_claims(claims_made, approvers)
        ]

    def _authors(self, name: PurePosixPath, wanted: set[str]) -> dict[str, tuple[str, str]]:
        """(author e-mail, commit) of the first commit after REV holding each wanted
        entry; an entry not committed yet has none."""
        if self.git is None:
            return {}
        commits = self.git.commits_changing(self.commit, name)
        versions = self.git.read_versions(name, [sha for sha, _ in commits])
        found: dict[str, tuple[str, str]] = {}
        for sha, email in commits:
            for _, _, entry in _entries_of(_data_of(versions.get(sha), str(name))):
                key = _canonical(entry)
                if key in wanted and key not in found:
                    found[key] = (email, sha)
        return found


def history_base(repository: Repository, rev: str, *, report_deleted: bool) -> HistoryBase:
    """What `check --base REV` compares against: the histories at REV of the
    ward files changed since. A ward file deleted since REV is an error unless
    a new ward file starts with the same history (a move, e.g. after a merger)."""
    git = Git(repository.root.path)
    commit = git.resolve(rev)
    wards = [
        rel
        for folder, rel in _data_files(git, repository, git.changed_since(commit))
        if folder == "wards"
    ]
    root = git.relative(repository.root.path)
    names = {rel: root.joinpath(*rel.parts) for rel in wards}
    blobs = git.read_blobs(commit, names.values())
    base = HistoryBase(rev, git=git, commit=commit)
    base.province_approvers = _province_approvers(git, commit, repository)
    gone: dict[Path, tuple[list[Any], Any]] = {}
    added: list[Path] = []
    for rel, name in names.items():
        path = repository.root.path.joinpath(*rel.parts)
        raw = blobs.get(name)
        if raw is None:
            if path.is_file():
                added.append(path)
                base.wards[Path(absolute(path))] = WardAtBase(name, None, frozenset(), False)
            continue
        data = _data_of(raw, str(name))
        sections = _sections_in(data)
        history = sections.pop("history", [])
        if path.is_file():
            old = _old_entries(data)
            base.wards[Path(absolute(path))] = WardAtBase(name, approvers_in(data), old, True)
            if sections:
                base.records[Path(absolute(path))] = sections
        if not history:
            continue
        if path.is_file():
            base.old[Path(absolute(path))] = history
        else:
            gone[path] = (history, data)
    for path, (history, data) in gone.items():
        moved = next(
            (
                candidate
                for candidate in added
                if (now := _history_of(candidate.read_bytes(), str(candidate)))
                and _canonical(now[0]) == _canonical(history[0])
            ),
            None,
        )
        if moved is not None:
            added.remove(moved)
            key = Path(absolute(moved))
            base.old[key] = history
            old = _old_entries(data)
            base.wards[key] = WardAtBase(base.wards[key].name, approvers_in(data), old, True)
        elif report_deleted:
            base.deleted.append(
                Diagnostic(
                    repository.display(path),
                    1,
                    1,
                    "history-file-deleted",
                    {"count": len(history), "rev": rev},
                )
            )
    return base


def _province_approvers(
    git: Git, commit: str, repository: Repository
) -> dict[str, tuple[Approver, ...]]:
    """Each province's `approvers` in the programme file as it was at `commit` (a
    change cannot approve itself by editing the programme either)."""
    name = git.relative(programme_path(repository.root.path))
    raw = git.read_blobs(commit, [name]).get(name)
    provinces = _data_of(raw, str(name))
    provinces = provinces.get("provinces") if isinstance(provinces, dict) else None
    if not isinstance(provinces, dict):
        return {}
    found = {}
    for province, entry in provinces.items():
        listed = approvers_in(entry)
        if listed:
            found[str(province)] = listed
    return found
