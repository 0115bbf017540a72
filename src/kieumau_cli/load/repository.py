"""Where the data lives and how files become validated models.

A data root holds `criteria/<set>/<version>.yaml` and
`wards/<province>/<ward>.yaml`. Identity comes from the paths, so finding
one ward never reads the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from kieumau_cli.check.diagnostics import Diagnostic, nearest
from kieumau_cli.errors import AmbiguousWardError, DataRootError, UsageError, WardNotFoundError
from kieumau_cli.resources import bundled_root, is_data_root
from kieumau_cli.text.format import slugify

if TYPE_CHECKING:  # imported where used: a cached `status` never needs them (see _cache)
    from pydantic import BaseModel

    from kieumau_cli.load.models import CriteriaSet, Ward
    from kieumau_cli.load.yaml import Document

M = TypeVar("M", bound="BaseModel")
Origin = Literal["option", "env", "cwd", "bundled"]

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class DataRoot:
    path: Path
    origin: Origin

    @property
    def criteria_dir(self) -> Path:
        return self.path / "criteria"

    @property
    def wards_dir(self) -> Path:
        return self.path / "wards"


def find_root(option: Path | None, environ: Mapping[str, str], cwd: Path) -> DataRoot:
    """--root, else $KIEUMAU_ROOT, else the nearest folder up from cwd, else bundled data."""
    if option is not None:
        if not is_data_root(option):
            raise DataRootError(
                f"--root {option}: không có thư mục criteria/ và wards/ "
                f"(no criteria/ and wards/ folders)"
            )
        return DataRoot(option, "option")
    env_value = environ.get("KIEUMAU_ROOT")
    if env_value:
        path = Path(env_value)
        if not is_data_root(path):
            raise DataRootError(
                f"KIEUMAU_ROOT={env_value}: không có thư mục criteria/ và wards/ "
                f"(no criteria/ and wards/ folders)"
            )
        return DataRoot(path, "env")
    for folder in (cwd, *cwd.parents):
        if is_data_root(folder):
            return DataRoot(folder, "cwd")
    bundled = bundled_root()
    if bundled is None:
        raise DataRootError("không tìm thấy dữ liệu (no data found); dùng --root DIR")
    return DataRoot(bundled, "bundled")


def display_path(path: Path, base: Path) -> str:
    """Relative to `base` (the working directory) where possible, as CI annotations need."""
    try:
        return (
            PurePosixPath(os.path.relpath(path, base)).as_posix()
            if _is_below(path, base)
            else path.as_posix()
        )
    except ValueError:  # different drives on Windows
        return path.as_posix()


def _is_below(path: Path, base: Path) -> bool:
    try:
        path.resolve().relative_to(base.resolve())
    except ValueError:
        return False
    return True


def _yaml_files(folder: Path) -> Iterator[Path]:
    """`folder/<sub>/<name>.yaml`, in a stable order, without reading any file."""
    if not folder.is_dir():
        return
    for sub in sorted(os.scandir(folder), key=lambda entry: entry.name):
        if not sub.is_dir() or sub.name.startswith("."):
            continue
        for entry in sorted(os.scandir(sub.path), key=lambda entry: entry.name):
            if entry.is_file() and entry.name.endswith(YAML_SUFFIXES):
                yield Path(entry.path)


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
        raw = path.read_bytes()
    except OSError as exc:
        return (
            None,
            None,
            [Diagnostic(display, 1, 1, "file-unreadable", {"reason": exc.strerror or str(exc)})],
        )
    try:
        return raw, load_bytes(raw, display), []
    except LoadFailed as failed:
        return raw, None, [failed.diagnostic]


def _relative_below(path: Path, folder_name: str) -> PurePosixPath | None:
    """'criteria/x/2021.yaml' -> 'x/2021.yaml' (None when not in such a folder)."""
    parts = path.parts
    if len(parts) >= 3 and parts[-3] == folder_name:
        return PurePosixPath(parts[-2], parts[-1])
    return None


def load_criteria_set(path: Path, display: str) -> Loaded[CriteriaSet]:
    from kieumau_cli.load.models import CriteriaSet
    from kieumau_cli.load.validate import criteria_set_rules, validate

    raw, document, found = _read(path, display)
    if document is None:
        return Loaded(path, display, None, None, found, raw)
    model, found = validate(document, CriteriaSet)
    if model is not None:
        rel = _relative_below(path, "criteria")
        if rel is not None:
            found += criteria_set_rules(document, model, rel)
    return Loaded(path, display, document, model, found, raw)


def load_ward(path: Path, display: str) -> Loaded[Ward]:
    from kieumau_cli.load.models import Ward
    from kieumau_cli.load.validate import validate, ward_rules

    raw, document, found = _read(path, display)
    if document is None:
        return Loaded(path, display, None, None, found, raw)
    model, found = validate(document, Ward)
    if model is not None:
        rel = _relative_below(path, "wards")
        if rel is not None:
            found += ward_rules(document, model, rel)
    return Loaded(path, display, document, model, found, raw)


class Repository:
    """The files of one data root, loaded lazily and at most once each."""

    def __init__(self, root: DataRoot, cwd: Path) -> None:
        self.root = root
        self.cwd = cwd
        self._sets: dict[str, Loaded[CriteriaSet]] = {}
        self._set_paths: dict[str, Path] | None = None

    def display(self, path: Path) -> str:
        return display_path(path, self.cwd)

    # --- criteria sets ---------------------------------------------------------
    def set_paths(self) -> dict[str, Path]:
        """'id@version' -> file, from the paths alone."""
        if self._set_paths is None:
            self._set_paths = {
                f"{path.parent.name}@{path.stem}": path
                for path in _yaml_files(self.root.criteria_dir)
            }
        return self._set_paths

    def criteria_set(self, ref: str) -> Loaded[CriteriaSet] | None:
        if ref not in self._sets:
            path = self.set_paths().get(ref)
            if path is None:
                return None
            self._sets[ref] = load_criteria_set(path, self.display(path))
        return self._sets[ref]

    def remember_set(self, loaded: Loaded[CriteriaSet]) -> None:
        """Use an already loaded set file (when `check` loads it as an argument)."""
        ref = f"{loaded.path.parent.name}@{loaded.path.stem}"
        if self.set_paths().get(ref) == loaded.path:
            self._sets[ref] = loaded

    def all_sets(self) -> list[Loaded[CriteriaSet]]:
        return [
            loaded for ref in self.set_paths() if (loaded := self.criteria_set(ref)) is not None
        ]

    # --- wards -------------------------------------------------------------------
    def ward_paths(self) -> list[Path]:
        return list(_yaml_files(self.root.wards_dir))

    def ward_keys(self) -> dict[str, Path]:
        return {f"{path.parent.name}/{path.stem}": path for path in self.ward_paths()}

    def resolve_ward(self, argument: str) -> Path:
        """'phuong-dong-son', 'thanh-hoa/phuong-dong-son' or 'Phường Đông Sơn' -> its file."""
        if (
            ".." in argument
            or argument.startswith(("/", "~", "\\"))
            or "\\" in argument
            or argument.count("/") > 1
            or argument.endswith(YAML_SUFFIXES)
        ):
            raise UsageError(
                f"'{argument}' trông như đường dẫn; hãy nhập mã đơn vị như phuong-dong-son "
                f"hoặc thanh-hoa/phuong-dong-son ('{argument}' looks like a path; give a ward slug)"
            )
        parts = [slugify(part) for part in argument.split("/")]
        if not all(parts):
            raise UsageError(f"mã đơn vị không hợp lệ (invalid ward): '{argument}'")
        quick = self._find_ward_file(parts)
        if quick is not None:
            return quick
        keys = self.ward_keys()
        if len(parts) == 2:
            key = "/".join(parts)
            if key in keys:
                return keys[key]
            candidates = [k for k in keys if k.endswith("/" + parts[1])]
        else:
            candidates = [k for k in keys if k.split("/", 1)[1] == parts[0]]
            if len(candidates) == 1:
                return keys[candidates[0]]
            if len(candidates) > 1:
                raise AmbiguousWardError(
                    f"'{argument}' có ở nhiều tỉnh (matches several provinces): "
                    + ", ".join(sorted(candidates)),
                    hint="ghi rõ tỉnh/thành, ví dụ " + sorted(candidates)[0],
                )
        close = _close_matches("/".join(parts), list(keys))
        message = f"không tìm thấy đơn vị '{argument}' (ward not found)"
        if candidates:
            close = sorted(candidates)
        if close:
            message += "; có phải (did you mean): " + ", ".join(close) + "?"
        raise WardNotFoundError(message)

    def _find_ward_file(self, parts: list[str]) -> Path | None:
        """The one file for `parts` by a few stat calls instead of listing every ward;
        None when it takes the full listing to say more (not found, ambiguous)."""
        wards = self.root.wards_dir
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
        found = []
        for province in provinces:
            for suffix in reversed(YAML_SUFFIXES):  # as in ward_keys: .yml over .yaml
                path = wards / province / f"{parts[-1]}{suffix}"
                if path.is_file():
                    found.append(path)
                    break
        return found[0] if len(found) == 1 else None

    def load_ward(self, path: Path) -> Loaded[Ward]:
        return load_ward(path, self.display(path))


def _close_matches(wanted: str, keys: list[str]) -> list[str]:
    import difflib

    by_slug: dict[str, list[str]] = {}
    for key in keys:
        by_slug.setdefault(key.split("/", 1)[1], []).append(key)
    slug = wanted.rsplit("/", maxsplit=1)[-1]
    found = difflib.get_close_matches(wanted, keys, n=3, cutoff=0.6)
    for match in difflib.get_close_matches(slug, list(by_slug), n=3, cutoff=0.6):
        found += [key for key in by_slug[match] if key not in found]
    single = nearest(slug, list(by_slug))
    if single and not found:
        found = by_slug[single]
    return found[:5]
