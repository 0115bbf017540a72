"""Where the data lives: the data root, and the files in it, found without reading them.

A data root holds `criteria/<set>/<version>.yaml` and
`wards/<province>/<ward>.yaml`; a file's identity comes from its path, so finding
one ward never reads the others.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from kieumau_cli.errors import DataRootError
from kieumau_cli.resources import bundled_root, is_data_root

Origin = Literal["option", "env", "paths", "cwd", "bundled", "none"]
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class DataRoot:
    path: Path
    origin: Origin
    # How pages and messages name the root: its folder name, or more of its path where two
    # roots of one run share a folder name (`find_roots`).
    label: str = ""

    @property
    def criteria_dir(self) -> Path:
        return self.path / "criteria"

    @property
    def wards_dir(self) -> Path:
        return self.path / "wards"

    @property
    def name(self) -> str:
        # `--root .` is named by the folder it is, never as "."
        return self.label or Path(absolute(self.path)).name or self.path.as_posix()


def _root_above(path: Path) -> Path | None:
    start = Path(absolute(path))
    for folder in (start if start.is_dir() else start.parent, *start.parents):
        if is_data_root(folder):
            return folder
    return None


MAX_ROOTS = 1_000  # a roots file is a short list; a longer one is a mistake (or /dev/zero)
_ROOTS_FILE_BYTES = 1024 * 1024


def find_roots(
    options: Path | Sequence[Path] | None,
    environ: Mapping[str, str],
    cwd: Path,
    paths: Sequence[Path] = (),
) -> tuple[DataRoot, ...]:
    """The data roots of a run: every `--root` (a data folder, or a text file listing data
    folders, one per line), else `$KIEUMAU_ROOT` (folders separated by `os.pathsep`),
    else the one data root holding the `paths` a command was given, else the nearest
    folder up from cwd, else the bundled data.

    With paths, never the bundled data: files outside every data root are judged alone
    (origin "none"), never against example criteria they have nothing to do with."""
    if isinstance(options, Path):
        options = [options]
    if options:
        folders = [found for value in options for found in _expand(value, f"--root {value}")]
        return _labelled(folders, "option")
    env_value = environ.get("KIEUMAU_ROOT")
    if env_value:
        parts = [part for part in env_value.split(os.pathsep) if part]
        folders = [
            found
            for part in parts
            for found in _expand(Path(part), f"KIEUMAU_ROOT={env_value}", files=False)
        ]
        if folders:
            return _labelled(folders, "env")
    if paths:
        roots = {_root_above(Path(cwd, path)) for path in paths}
        found = {absolute(root) for root in roots if root is not None}
        if len(found) > 1:
            raise DataRootError(
                "error.paths_in_several_roots", roots=", ".join(sorted(map(str, found)))
            )
        if found:
            root = next(root for root in roots if root is not None)
            return (DataRoot(root, "paths"),)
        return (DataRoot(cwd, "none"),)
    for folder in (cwd, *cwd.parents):
        if is_data_root(folder):
            return (DataRoot(folder, "cwd"),)
    bundled = bundled_root()
    if bundled is None:
        raise DataRootError("error.no_data", hint="hint.use_root")
    return (DataRoot(bundled, "bundled"),)


def find_root(
    option: Path | None, environ: Mapping[str, str], cwd: Path, paths: Sequence[Path] = ()
) -> DataRoot:
    """The first data root `find_roots` finds (for callers that need only one)."""
    return find_roots(option, environ, cwd, paths)[0]


def _expand(value: Path, where: str, *, files: bool = True) -> list[Path]:
    """A data folder as itself; a file as the data folders it lists."""
    if is_data_root(value):
        return [value]
    hint = "hint.root_folder" if files else "hint.root_env_folders"
    if not value.exists() and not value.is_symlink():
        raise DataRootError("error.root_missing", where=where, hint=hint, sep=os.pathsep)
    if not files or value.is_dir():
        raise DataRootError("error.root_not_data", where=where, hint=hint, sep=os.pathsep)
    return read_roots_file(value)  # a file (or a link, a FIFO…: it says which)


_ROOTS_FILE_FAILURES = {
    "symlink": "error.roots_file_symlink",
    "not-a-file": "error.roots_file_not_a_file",
    "file-too-large": "error.roots_file_too_large",
    "file-unreadable": "error.roots_file_io",
}


def read_roots_file(path: Path) -> list[Path]:
    """The data folders a roots file lists: one per line, relative to the file's folder;
    blank lines and `#` comments ignored. Every line must name a data folder."""
    try:
        text = read_data_file(path, _ROOTS_FILE_BYTES).decode("utf-8")
    except LoadFailedFile as failed:  # say why: a link, a folder or FIFO, too large, I/O
        key = _ROOTS_FILE_FAILURES.get(failed.code, "error.roots_file_unreadable")
        raise DataRootError(key, file=path, **failed.params) from None
    except UnicodeDecodeError:
        raise DataRootError("error.roots_file_unreadable", file=path) from None
    found: list[Path] = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):  # a folder name may hold "#": whole lines only
            continue
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in entry):
            raise DataRootError("error.roots_file_bad_line", where=f"{path}:{number}:1")
        folder = Path(entry).expanduser()
        folder = folder if folder.is_absolute() else path.parent / folder
        if not is_data_root(folder):
            raise DataRootError(
                "error.roots_file_not_data", where=f"{path}:{number}:1", folder=entry
            )
        found.append(folder)
        if len(found) > MAX_ROOTS:
            raise DataRootError("error.roots_file_too_long", file=path, limit=MAX_ROOTS)
    if not found:
        raise DataRootError("error.roots_file_empty", file=path)
    return found


def _labelled(folders: list[Path], origin: Origin) -> tuple[DataRoot, ...]:
    """One DataRoot per distinct folder, in the order given, each named by as much of
    its path as tells it apart from the others."""
    unique: dict[str, Path] = {}
    seen: set[tuple[int, int]] = set()
    for folder in folders:
        # One folder reached twice (by a link, `..`, a bind mount) is one repository, not
        # two holding the same wards: told apart by what it is, not how it was spelt.
        identity = _identity(folder)
        if identity is not None and identity in seen:
            continue
        if identity is not None:
            seen.add(identity)
        unique.setdefault(absolute(folder), folder)
    if len(unique) == 1:
        return (DataRoot(next(iter(unique.values())), origin),)
    parts = {key: PurePosixPath(Path(key).as_posix()).parts for key in unique}
    labels: dict[str, str] = {}
    for key, own in parts.items():
        depth = 1
        while depth < len(own) and any(
            other[-depth:] == own[-depth:] for k, other in parts.items() if k != key
        ):
            depth += 1
        labels[key] = "/".join(own[-depth:]).lstrip("/") or key
    return tuple(DataRoot(folder, origin, labels[key]) for key, folder in unique.items())


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        status = folder.stat()
    except OSError:  # said when the folder is read; here it only cannot be matched
        return None
    return (status.st_dev, status.st_ino)


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
    # Links are not resolved: a file is shown where it was found (and a link loop
    # never raises here).
    return Path(absolute(path)).is_relative_to(absolute(base))


_TEMP = re.compile(r"^\.(?P<name>.+)\.[^.]+\.tmp$")  # what edit.atomic leaves if killed
_LOCK = re.compile(r"^\..+\.lock$")  # edit.session's lock beside each ward file
_YAMLISH = re.compile(r"\.ya?ml$", re.IGNORECASE)
_MAX_DEPTH = 8  # how deep a stray folder is searched for YAML files


@dataclass(frozen=True, slots=True)
class Finding:
    """Something wrong with a file's place in the data root, found without reading it."""

    path: Path
    code: str  # a diagnostic code: symlink, stray-file, duplicate-file, stale-temp, not-a-file
    params: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Inventory:
    """The files of `criteria/` or `wards/`: each set ref or ward key with its file, and
    the findings. Links are never followed; two files claiming one key are both kept
    (`twins`), so every command can refuse the key."""

    files: dict[str, Path] = field(default_factory=dict)
    twins: dict[str, list[Path]] = field(default_factory=dict)
    # Several roots: a key found in more than one root, with every file for it (first is
    # the one in `files`).
    copies: dict[str, list[Path]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def findings_for(self, path: Path) -> list[Finding]:
        return [finding for finding in self.findings if finding.path == path]


def scan(folder: Path, kind: Literal["criteria", "wards"]) -> Inventory:
    """`folder/<sub>/<name>.yaml` (or `.yml`), in a stable order, without reading a file.

    Reported rather than followed or skipped: symbolic links (never read: they may
    point outside the data root, or into a loop), files that are not regular files,
    YAML files anywhere else (top level, deeper folders, hidden folders, upper-case
    names or suffixes), two files for one key, and temporary files a killed write
    left behind."""
    found = Inventory()
    for top in _entries(folder, found):
        if top.is_symlink():
            found.findings.append(Finding(Path(top.path), "symlink"))
        elif top.is_dir(follow_symlinks=False):
            if top.name.startswith("."):
                _strays(Path(top.path), found, 1)
            else:
                _scan_group(Path(top.path), kind, found)
        elif _YAMLISH.search(top.name):
            found.findings.append(Finding(Path(top.path), "stray-file"))
    return found


def _entries(folder: Path, found: Inventory) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda entry: entry.name)
    except NotADirectoryError:
        return []
    except OSError as error:
        if folder.exists() or folder.is_symlink():
            found.findings.append(
                Finding(folder, "file-unreadable", {"reason": error.strerror or str(error)})
            )
        return []


def _scan_group(group: Path, kind: str, found: Inventory) -> None:
    for entry in _entries(group, found):
        path = Path(entry.path)
        if entry.is_symlink():
            found.findings.append(Finding(path, "symlink"))
            continue
        temp = _TEMP.match(entry.name)
        if temp and entry.is_file(follow_symlinks=False):
            found.findings.append(Finding(path, "stale-temp", {"name": temp.group("name")}))
            continue
        if _LOCK.match(entry.name):
            continue
        if entry.is_dir(follow_symlinks=False):
            _strays(path, found, 1)
            continue
        if not _YAMLISH.search(entry.name):
            continue  # README.md, .gitkeep…: not data, not ours to judge
        stem, suffix = path.stem, path.suffix
        proper = suffix in YAML_SUFFIXES and not entry.name.startswith(".")
        if kind == "wards":
            proper = proper and stem == stem.lower()
        if not proper:
            found.findings.append(Finding(path, "stray-file"))
            continue
        if not entry.is_file(follow_symlinks=False):
            found.findings.append(Finding(path, "not-a-file"))
            continue
        key = f"{group.name}@{stem}" if kind == "criteria" else f"{group.name}/{stem}"
        if key in found.files:
            found.twins.setdefault(key, [found.files[key]]).append(path)
        else:
            found.files[key] = path
    for key, paths in found.twins.items():
        if paths[0].parent != group:
            continue
        names = ", ".join(p.name for p in paths)
        for path in paths:
            found.findings.append(Finding(path, "duplicate-file", {"key": key, "files": names}))


def join_inventories(inventories: list[Inventory]) -> Inventory:
    """The inventories of several roots as one: the first root's file for each key in
    `files`, every root's file for a key found in more than one in `copies`."""
    if len(inventories) == 1:
        return inventories[0]
    joined = Inventory()
    for inventory in inventories:
        joined.findings += inventory.findings
        for key, twins in inventory.twins.items():
            joined.twins.setdefault(key, []).extend(twins)
        for key, path in inventory.files.items():
            if key in joined.files:
                joined.copies.setdefault(key, [joined.files[key]]).append(path)
            else:
                joined.files[key] = path
    return joined


def _strays(folder: Path, found: Inventory, depth: int) -> None:
    """YAML files below a folder that cannot hold data (too deep, hidden): all strays."""
    if depth > _MAX_DEPTH:
        return
    for entry in _entries(folder, found):
        path = Path(entry.path)
        if entry.is_symlink():
            found.findings.append(Finding(path, "symlink"))
        elif entry.is_dir(follow_symlinks=False):
            _strays(path, found, depth + 1)
        elif _YAMLISH.search(entry.name):
            found.findings.append(Finding(path, "stray-file"))


def absolute(path: Path | str) -> str:
    """The absolute form of a path, links left as they are (Path.resolve would follow
    them, and a link must be judged as the link it is)."""
    return os.path.abspath(path)  # noqa: PTH100


def relative_below(path: Path, folder_name: str) -> PurePosixPath | None:
    """'criteria/x/2021.yaml' -> 'x/2021.yaml' (None when not in such a folder)."""
    parts = path.parts
    if len(parts) >= 3 and parts[-3] == folder_name:
        return PurePosixPath(parts[-2], parts[-1])
    return None


def ward_key(path: Path) -> str:
    """'thanh-hoa/phuong-dong-son', from the path alone."""
    return f"{path.parent.name}/{path.stem}"


def set_ref(path: Path) -> str:
    """'cap-kieu-mau@2021', from the path alone."""
    return f"{path.parent.name}@{path.stem}"


MAX_FILE_BYTES = 16 * 1024 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO must not hang the open
_BINARY = getattr(os, "O_BINARY", 0)


class LoadFailedFile(Exception):
    """A data file that cannot be read as one: `code` is its diagnostic code."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = {key: str(value) for key, value in params.items()}


def read_data_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a data file: never through a symbolic link, only a regular file, and
    never more than `limit` bytes read (`/dev/zero`, a FIFO or a huge file cannot make
    kieumau hang or fill the memory)."""
    if path.is_symlink():
        raise LoadFailedFile("symlink")
    try:
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LoadFailedFile("symlink") from None
        raise LoadFailedFile("file-unreadable", reason=error.strerror or error) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise LoadFailedFile("not-a-file")
        if info.st_size > limit:
            raise LoadFailedFile("file-too-large", size=info.st_size, limit=limit)
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise LoadFailedFile("file-unreadable", reason=error.strerror or error) from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew while being read
        raise LoadFailedFile("file-too-large", size=len(data), limit=limit)
    return data


def read_or_none(path: Path) -> bytes | None:
    """The bytes of a data file, or None when it cannot be read (a full load says why)."""
    try:
        return read_data_file(path)
    except LoadFailedFile:
        return None
