"""How files become validated models, and the one path every command loads wards by.

- `load_ward` / `load_criteria_set`: one file → its model (when valid) and the
  diagnostics of the file alone (syntax, schema, the file's own rules).
- `Repository`: the files of a data root, loaded lazily and at most once each.
  `resolve_ward`, `resolve_set_ref` and `resolve_province` turn what a user typed
  into a file, a set ref or a province folder, with "did you mean" when they can't.
- `WardLoad`, from `Repository.open_ward` and `Repository.wards_in_scope`: a ward
  with its criteria set, ready to score, or the problem that keeps it from being
  scored (`invalid`, `unknown-set`) and the diagnostics that say why. Every command
  that reads wards goes through here, so they all agree on which ward is usable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.errors import AmbiguousWardError, UsageError, WardNotFoundError
from kieumau_cli.load.files import (
    YAML_SUFFIXES,
    DataRoot,
    Finding,
    Inventory,
    LoadFailedFile,
    absolute,
    display_path,
    join_inventories,
    read_data_file,
    read_or_none,
    relative_below,
    scan,
    ward_key,
)
from kieumau_cli.text.format import slugify
from kieumau_cli.text.match import close_matches, nearest

if TYPE_CHECKING:  # imported where used: a cached `status` never needs them (see results.cache)
    from pydantic import BaseModel

    from kieumau_cli.load.models import CriteriaSet, Ward
    from kieumau_cli.load.programme import Programme
    from kieumau_cli.load.yaml import Document

M = TypeVar("M", bound="BaseModel")
Problem = Literal["invalid", "unknown-set"]
_PROVINCE_PREFIXES = ("tinh-", "thanh-pho-", "tp-")


@dataclass(slots=True)
class Loaded(Generic[M]):
    """A file after loading: its model if valid, and what was found on the way."""

    path: Path
    display: str
    document: Document | None
    model: M | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw: bytes | None = None  # the bytes that were parsed, when the file could be read

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(d.severity == "error" for d in self.diagnostics)


def _read(path: Path, display: str) -> tuple[bytes | None, Document | None, list[Diagnostic]]:
    from kieumau_cli.load.yaml import LoadFailed, load_bytes

    try:
        raw = read_data_file(path)
    except LoadFailedFile as failed:
        return None, None, [Diagnostic(display, 1, 1, failed.code, failed.params)]
    try:
        return raw, load_bytes(raw, display), []
    except LoadFailed as failed:
        return raw, None, [failed.diagnostic]


def read_file(path: Path, display: str) -> tuple[Document | None, list[Diagnostic]]:
    """One file parsed (not validated), or the diagnostics that say why it cannot be."""
    _, document, found = _read(path, display)
    return document, found


def as_diagnostics(findings: list[Finding], display: Callable[[Path], str]) -> list[Diagnostic]:
    return [Diagnostic(display(f.path), 1, 1, f.code, dict(f.params)) for f in findings]


def _load(
    path: Path,
    display: str,
    model: type[M],
    folder: str,
    rules: Callable[[Document, M, PurePosixPath], list[Diagnostic]],
) -> Loaded[M]:
    """Read, parse and validate one file; then the rules of a file at its place below
    `folder` (criteria/ or wards/), when it is there."""
    from kieumau_cli.load.validate import validate

    raw, document, found = _read(path, display)
    if document is None:
        return Loaded(path, display, None, None, found, raw)
    valid, found = validate(document, model)
    if valid is not None:
        rel = relative_below(path, folder)
        if rel is not None:
            found += rules(document, valid, rel)
    return Loaded(path, display, document, valid, found, raw)


def load_criteria_set(path: Path, display: str) -> Loaded[CriteriaSet]:
    from kieumau_cli.load.models import CriteriaSet
    from kieumau_cli.load.validate import criteria_set_rules

    return _load(path, display, CriteriaSet, "criteria", criteria_set_rules)


def load_ward(path: Path, display: str) -> Loaded[Ward]:
    from kieumau_cli.load.models import Ward
    from kieumau_cli.load.validate import ward_rules

    return _load(path, display, Ward, "wards", ward_rules)


def load_programme(path: Path, display: str) -> Loaded[Programme]:
    """`programme.yaml`: parsed, validated, and its own rules."""
    from kieumau_cli.load.programme import Programme, programme_rules
    from kieumau_cli.load.validate import validate

    raw, document, found = _read(path, display)
    if document is None:
        return Loaded(path, display, None, None, found, raw)
    valid, found = validate(document, Programme)
    if valid is not None:
        found += programme_rules(document, valid)
    return Loaded(path, display, document, valid, found, raw)


@dataclass(slots=True)
class WardLoad:
    """A ward file with its criteria set: usable, or the problem and its diagnostics."""

    path: Path
    file: Loaded[Ward]
    set_file: Loaded[CriteriaSet] | None
    problem: Problem | None
    diagnostics: list[Diagnostic]  # what makes it unusable: the file's own, its set's

    @property
    def key(self) -> str:
        return ward_key(self.path)

    @property
    def ward(self) -> Ward | None:
        """The model, when the file itself is valid (its set may still be missing)."""
        return self.file.model if self.problem != "invalid" else None

    @property
    def criteria_set(self) -> CriteriaSet | None:
        """The set, when the ward is usable."""
        return self.set_file.model if self.set_file is not None and self.problem is None else None

    @property
    def usable(self) -> bool:
        return self.problem is None


# Codes of findings reported with the ward or set itself (open_ward, criteria_set), not
# again among the findings of the folders.
_CLAIMS = ("duplicate-file", "duplicate-ward-key")


class Repository:
    """The files of one or more data roots, loaded lazily and at most once each.

    Several roots (`--root A --root B`: one repository per province, joined for the
    national view) read as one: a ward key must be unique across them (a key in two
    roots is `duplicate-ward-key`, both files refused); a criteria set may be carried by
    several roots as long as every copy says the same (else `conflicting-set`). The
    first root is the one whose `programme.yaml` and git history a run reads."""

    def __init__(self, root: DataRoot | Sequence[DataRoot], cwd: Path) -> None:
        self.roots: tuple[DataRoot, ...] = (root,) if isinstance(root, DataRoot) else tuple(root)
        self.root = self.roots[0]
        self.cwd = cwd
        self._sets: dict[str, Loaded[CriteriaSet]] = {}
        self._set_files: Inventory | None = None
        self._ward_files: Inventory | None = None
        self._programme: Loaded[Programme] | None = None

    def display(self, path: Path) -> str:
        return display_path(path, self.cwd)

    def set_files(self) -> Inventory:
        """The files of criteria/, found once, without reading them; a set a later root
        also carries is listed once, its other files in `copies`."""
        if self._set_files is None:
            self._set_files = join_inventories(
                [scan(r.criteria_dir, "criteria") for r in self.roots]
            )
        return self._set_files

    def ward_files(self) -> Inventory:
        """The files of wards/, found once, without reading them; a ward key found in two
        roots is kept with both files in `twins`, each with a `duplicate-ward-key` finding."""
        if self._ward_files is None:
            joined = join_inventories([scan(r.wards_dir, "wards") for r in self.roots])
            for key, paths in joined.copies.items():
                files = ", ".join(self.display(path) for path in paths)
                twins = joined.twins.setdefault(key, [])
                twins += [path for path in paths if path not in twins]
                joined.findings += [
                    Finding(path, "duplicate-ward-key", {"key": key, "files": files})
                    for path in paths
                ]
            joined.copies = {}
            self._ward_files = joined
        return self._ward_files

    def root_of(self, path: Path) -> DataRoot:
        """The root a data file lies in (the first root when it lies in none)."""
        if len(self.roots) > 1:
            at = absolute(path)
            for root in self.roots:
                top = absolute(root.path)
                if at.startswith(top.rstrip(os.sep) + os.sep):
                    return root
        return self.root

    def root_of_ward(self, province: str, ward: str) -> DataRoot:
        """The root keeping the ward `province/ward` (the first root if none does)."""
        if len(self.roots) == 1:
            return self.root
        path = self.ward_keys().get(f"{province}/{ward}")
        return self.root_of(path) if path is not None else self.root

    def data_folders(self) -> list[Path]:
        """Every root's criteria/ and wards/ (what no output may ever land in)."""
        return [folder for r in self.roots for folder in (r.criteria_dir, r.wards_dir)]

    def findings(self) -> list[Diagnostic]:
        """What is wrong with the files' places: links, strays, twins, leftovers."""
        found = self.set_files().findings + self.ward_files().findings
        return as_diagnostics(found, self.display)

    # --- the programme file ----------------------------------------------------
    def programme_file(self) -> Loaded[Programme] | None:
        """`programme.yaml` of the root, loaded once; None when the root has none."""
        path = self.programme_path()
        if self._programme is None and (path.is_file() or path.is_symlink()):
            self._programme = load_programme(path, self.display(path))
        return self._programme

    def programme_path(self) -> Path:
        """The programme file of the first root that has one (else where the first
        root's would be): the national root comes first in a joined run."""
        from kieumau_cli.load.programme import programme_path

        for root in self.roots:
            path = programme_path(root.path)
            if path.is_file() or path.is_symlink():
                return path
        return programme_path(self.root.path)

    def programme(self) -> Programme | None:
        """The programme, when the root has a valid one (`check` reports it otherwise)."""
        loaded = self.programme_file()
        return loaded.model if loaded is not None and loaded.ok else None

    # --- criteria sets ---------------------------------------------------------
    def set_paths(self) -> dict[str, Path]:
        """'id@version' -> file, from the paths alone."""
        return self.set_files().files

    def criteria_set(self, ref: str) -> Loaded[CriteriaSet] | None:
        if ref not in self._sets:
            path = self.set_paths().get(ref)
            if path is None:
                return None
            loaded = load_criteria_set(path, self.display(path))
            twins = self.set_files().twins.get(ref, [])
            loaded.diagnostics += self._twin_diagnostics(twins)
            for copy in self.set_files().copies.get(ref, [])[1:]:
                loaded.diagnostics += self._copy_diagnostics(ref, loaded, copy)
            self._sets[ref] = loaded
        return self._sets[ref]

    def _copy_diagnostics(
        self, ref: str, loaded: Loaded[CriteriaSet], path: Path
    ) -> list[Diagnostic]:
        """Another root's file for the same set: the same bytes, or the same set once
        parsed (comments and layout may differ), else both files are refused."""
        display = self.display(path)
        if loaded.raw is not None and read_or_none(path) == loaded.raw:
            return []
        copy = load_criteria_set(path, display)
        if copy.ok and loaded.ok and loaded.model == copy.model:
            return []
        files = f"{loaded.display}, {display}"
        return [
            *(d for d in copy.diagnostics if d.severity == "error"),
            *(
                Diagnostic(where, 1, 1, "conflicting-set", {"ref": ref, "files": files})
                for where in (loaded.display, display)
            ),
        ]

    def _twin_diagnostics(self, twins: list[Path]) -> list[Diagnostic]:
        """Two files for one key: both are refused, whichever a lookup found."""
        findings = [f for path in twins for f in self.all_findings_for(path)]
        return as_diagnostics([f for f in findings if f.code in _CLAIMS], self.display)

    def all_findings_for(self, path: Path) -> list[Finding]:
        return self.set_files().findings_for(path) + self.ward_files().findings_for(path)

    def criteria_set_file(self, path: Path) -> Loaded[CriteriaSet]:
        """The set file at `path` (a twin included), loaded once and shared with
        `criteria_set`, so the wards pinning it are judged by what `check` just read."""
        for ref, known in self.set_paths().items():
            if known == path:
                loaded = self.criteria_set(ref)
                assert loaded is not None
                return loaded
        for ref, copies in self.set_files().copies.items():
            if path in copies[1:]:  # another root's copy: judged against the one in use
                first = self.criteria_set(ref)
                assert first is not None
                display = self.display(path)
                raw = read_or_none(path)
                if raw is not None and raw == first.raw:  # the same bytes: the same set
                    return Loaded(path, display, first.document, first.model, [], raw)
                copy = load_criteria_set(path, display)
                copy.diagnostics += [
                    d for d in first.diagnostics if d.path == display and d not in copy.diagnostics
                ]
                return copy
        loaded = load_criteria_set(path, self.display(path))
        loaded.diagnostics += self._twin_diagnostics([path])
        return loaded

    def all_sets(self) -> list[Loaded[CriteriaSet]]:
        return [
            loaded for ref in self.set_paths() if (loaded := self.criteria_set(ref)) is not None
        ]

    def resolve_set_ref(self, ref: str) -> str:
        """'SET@VERSION' as typed, or 'SET' when it has one version, to a known set ref."""
        known = sorted(self.set_paths())
        if ref in known:
            return ref
        versions = [k for k in known if k.split("@", 1)[0] == ref]
        if len(versions) == 1:
            return versions[0]
        if versions:
            raise UsageError("error.set_versions", ref=ref, versions=", ".join(versions))
        guess = nearest(ref, known)
        raise UsageError(
            "error.set_not_found_close" if guess else "error.set_not_found",
            hint="hint.available_sets",
            ref=ref,
            guess=guess,
            known=", ".join(known),
        )

    def set_of(
        self, document: Document, ward: Ward
    ) -> tuple[Loaded[CriteriaSet] | None, list[Diagnostic]]:
        """The set a ward pins, or an `unknown-set` diagnostic at its `criteria:` key."""
        loaded = self.criteria_set(ward.criteria)
        if loaded is not None:
            return loaded, []
        known = sorted(self.set_paths())
        return None, [
            document.diagnostic(
                "unknown-set",
                ("criteria",),
                ref=ward.criteria,
                known=", ".join(known),
                suggestion=nearest(ward.criteria, known),
            )
        ]

    # --- wards -------------------------------------------------------------------
    def ward_paths(self) -> list[Path]:
        return list(self.ward_files().files.values())

    def ward_keys(self) -> dict[str, Path]:
        return dict(self.ward_files().files)

    def provinces(self) -> list[str]:
        return sorted({path.parent.name for path in self.ward_paths()})

    def load_ward(self, path: Path) -> Loaded[Ward]:
        loaded = load_ward(path, self.display(path))
        loaded.diagnostics += self._twin_diagnostics(self.ward_twins(path))
        return loaded

    def ward_twins(self, path: Path) -> list[Path]:
        """The other file claiming the same ward key (`x.yaml` beside `x.yml`), found by
        two stat calls so that `status` never lists every ward to learn it."""
        other = path.with_suffix(".yml" if path.suffix == ".yaml" else ".yaml")
        if len(self.roots) == 1 and not (other.exists() or other.is_symlink()):
            return []
        return self.ward_files().twins.get(ward_key(path), [])

    def open_ward(self, path: Path) -> WardLoad:
        """The ward file at `path` with its set: what every command scores a ward from."""
        file = self.load_ward(path)
        if not file.ok or file.model is None or file.document is None:
            return WardLoad(path, file, None, "invalid", list(file.diagnostics))
        loaded_set, problems = self.set_of(file.document, file.model)
        if loaded_set is None or loaded_set.model is None or not loaded_set.ok:
            set_found = loaded_set.diagnostics if loaded_set is not None else []
            return WardLoad(path, file, loaded_set, "unknown-set", problems + set_found)
        return WardLoad(path, file, loaded_set, None, [])

    def wards_in_scope(
        self, province: str | None = None, criteria: str | None = None
    ) -> list[WardLoad]:
        """Every ward of the root, or of one province (`resolve_province`), and using one
        set (`criteria`: SET or SET@VERSION). A ward that cannot be read is always
        included, whatever it pins: its problem must be reported."""
        return list(self.each_ward_in_scope(province, criteria))

    def each_ward_in_scope(
        self,
        province: str | None = None,
        criteria: str | None = None,
        shard: tuple[int, int] = (0, 1),
        skip: frozenset[str] = frozenset(),
    ) -> Iterator[WardLoad]:
        """`wards_in_scope`, one ward at a time (the scope is checked before the first):
        a caller that keeps only what it needs of each never holds every parsed file.
        `shard` (index, count): only the index-th of `count` shares, made of whole
        province folders, for a worker process doing one share of a national job.
        `skip`: province folders left out (never read)."""
        wanted = self.resolve_province(province) if province is not None else None
        if criteria is not None and "@" in criteria:
            criteria = self.resolve_set_ref(criteria)
        elif criteria is not None and not any(
            k.startswith(criteria + "@") for k in self.set_paths()
        ):
            self.resolve_set_ref(criteria)  # raises, naming the nearest set
        return self._each_ward(wanted, criteria, shard, skip)

    def _each_ward(
        self,
        wanted: str | None,
        criteria: str | None,
        shard: tuple[int, int],
        skip: frozenset[str],
    ) -> Iterator[WardLoad]:
        for path in _share(self.ward_paths(), *shard):
            if (wanted is not None and path.parent.name != wanted) or path.parent.name in skip:
                continue
            load = self.open_ward(path)
            ward = load.ward
            if (
                criteria is not None
                and ward is not None
                and criteria not in (ward.criteria, ward.set_id)
            ):
                continue
            yield load

    def ward_findings(self, province: str | None = None) -> list[Diagnostic]:
        """What is wrong with the places of ward files (links, strays, leftovers, files
        that are not files), in one province folder or all: a reading command reports
        them as `check` does, so a ward it cannot see is never silently left out."""
        wanted = self.resolve_province(province) if province else None
        folders = {r.wards_dir / wanted for r in self.roots} if wanted else set()
        findings = [
            f
            for f in self.ward_files().findings
            if f.code not in _CLAIMS  # reported with the ward itself (open_ward)
            and (not folders or f.path.parent in folders or folders & set(f.path.parents))
        ]
        return as_diagnostics(findings, self.display)

    def resolve_province(self, text: str) -> str:
        """'thanh-hoa', 'Thanh Hóa' or 'Tỉnh Thanh Hóa' → the province folder 'thanh-hoa'."""
        known = self.provinces()
        wanted = slugify(text)
        for prefix in _PROVINCE_PREFIXES:
            if wanted not in known and wanted.startswith(prefix):
                wanted = wanted.removeprefix(prefix)
        if wanted in known:
            return wanted
        guess = nearest(wanted, known)
        raise UsageError(
            "error.province_not_found_close" if guess else "error.province_not_found",
            hint="hint.provinces",
            province=text,
            guess=guess,
            known=", ".join(known),
        )

    def resolve_ward(self, argument: str) -> Path:
        """'phuong-dong-son', 'thanh-hoa/phuong-dong-son' or 'Phường Đông Sơn' -> its file."""
        if (
            ".." in argument
            or argument.startswith(("/", "~", "\\"))
            or "\\" in argument
            or argument.count("/") > 1
            or argument.endswith(YAML_SUFFIXES)
        ):
            raise UsageError("error.ward_looks_like_path", argument=argument)
        parts = [slugify(part) for part in argument.split("/")]
        if not all(parts):
            raise UsageError("error.ward_invalid", argument=argument)
        quick = self._find_ward_file(parts)
        if quick is not None:
            return quick
        keys = self.ward_keys()
        if len(parts) == 2:
            key = "/".join(parts)
            if key in keys:
                return keys[key]
            candidates = sorted(k for k in keys if k.endswith("/" + parts[1]))
        else:
            candidates = sorted(k for k in keys if k.split("/", 1)[1] == parts[0])
            if len(candidates) == 1:
                return keys[candidates[0]]
            if len(candidates) > 1:
                raise AmbiguousWardError(
                    "error.ward_ambiguous",
                    hint="hint.name_province",
                    argument=argument,
                    keys=", ".join(candidates),
                    example=candidates[0],
                )
        close = candidates or _close_wards("/".join(parts), list(keys))
        if close:
            raise WardNotFoundError(
                "error.ward_not_found_close", argument=argument, close=", ".join(close)
            )
        raise WardNotFoundError("error.ward_not_found", argument=argument)

    def _find_ward_file(self, parts: list[str]) -> Path | None:
        """The one file for `parts` by a few stat calls instead of listing every ward;
        None when it takes the full listing to say more (not found, ambiguous)."""
        found = []
        for root in self.roots:
            wards = root.wards_dir
            if len(parts) == 2:
                provinces = [parts[0]]
            else:
                try:
                    provinces = [
                        entry.name
                        for entry in os.scandir(wards)
                        if entry.is_dir() and not entry.name.startswith(".")
                    ]
                except OSError:
                    return None
            for province in provinces:
                for suffix in reversed(YAML_SUFFIXES):  # as in ward_keys: .yml over .yaml
                    path = wards / province / f"{parts[-1]}{suffix}"
                    if path.is_file():
                        found.append(path)
                        break
        return found[0] if len(found) == 1 else None


def _share(paths: list[Path], index: int, count: int) -> list[Path]:
    """The index-th of `count` shares of the ward files: whole province folders, the
    biggest first, each to the share with the fewest files so far (deterministic)."""
    if count == 1:
        return paths
    folders: dict[Path, list[Path]] = {}
    for path in paths:
        folders.setdefault(path.parent, []).append(path)
    loads = [0] * count
    mine: set[Path] = set()
    for folder, members in sorted(folders.items(), key=lambda item: (-len(item[1]), item[0])):
        least = loads.index(min(loads))
        loads[least] += len(members)
        if least == index:
            mine.add(folder)
    return [path for path in paths if path.parent in mine]


def _close_wards(wanted: str, keys: list[str]) -> list[str]:
    """Ward keys close to `wanted`, matching the whole key or the ward's own slug."""
    by_slug: dict[str, list[str]] = {}
    for key in keys:
        by_slug.setdefault(key.split("/", 1)[1], []).append(key)
    found = close_matches(wanted, keys, limit=3)
    for slug in close_matches(wanted.rsplit("/", maxsplit=1)[-1], list(by_slug), limit=3):
        found += [key for key in by_slug[slug] if key not in found]
    return found[:5]
