"""The state a site build leaves in its output folder (`.kieumau-site.json`): what each
group of pages was built from (fingerprints) and every file and folder the build
wrote, with its size and digest. The next build reuses the pages whose inputs did not
change, and deletes nothing that is not listed here.

Also read: the plain `.kieumau-site` marker of kieumau 0.2 (a header line, then one
written path per line): its files count as written, nothing as reusable.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat as stat_modes
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kieumau_cli.errors import UsageError

STATE = ".kieumau-site.json"
OLD_MARKER = ".kieumau-site"
OLD_MARKER_HEAD = "kieumau site"
STATE_FORMAT = "kieumau-site"
STATE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Written:
    size: int
    digest: str  # sha256 of the bytes, hex


@dataclass(slots=True)
class State:
    site: str = ""  # fingerprint of what every page depends on (options, templates, sets…)
    inputs: dict[str, str] = field(default_factory=dict)  # page group -> fingerprint
    files: dict[str, Written] = field(default_factory=dict)  # path -> what was written
    folders: set[str] = field(default_factory=set)

    def text(self) -> str:
        payload = {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "site": self.site,
            "inputs": dict(sorted(self.inputs.items())),
            "folders": sorted(self.folders),
            "files": {
                path: [written.size, written.digest] for path, written in sorted(self.files.items())
            },
        }
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint(parts: Iterable[str | bytes]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def folders_of(paths: Iterable[str]) -> set[str]:
    found = set()
    for path in paths:
        parts = path.split("/")[:-1]
        for end in range(1, len(parts) + 1):
            found.add("/".join(parts[:end]))
    return found


def _parse(output: Path, text: str) -> State:
    try:
        payload: Any = json.loads(text)
        if payload.get("format") != STATE_FORMAT or payload.get("version") != STATE_VERSION:
            raise ValueError(payload.get("format"))
        files = {
            str(path): Written(int(size), str(sha))
            for path, (size, sha) in dict(payload["files"]).items()
        }
        inputs = {str(key): str(value) for key, value in dict(payload["inputs"]).items()}
        folders = {str(folder) for folder in payload["folders"]}
        return State(str(payload["site"]), inputs, files, folders)
    except (ValueError, TypeError, KeyError, AttributeError):
        raise UsageError("error.site_marker", output=output, marker=STATE) from None


def read_state(output: Path) -> State | None:
    """The state of the site in `output`, or None when it holds no site (missing or
    empty folder); a folder with other content is refused."""
    if not output.exists() or not any(output.iterdir()):
        return None
    state_file, marker = output / STATE, output / OLD_MARKER
    if state_file.is_file() and not state_file.is_symlink():
        state = _parse(output, state_file.read_text(encoding="utf-8", errors="replace"))
        state.files.pop(OLD_MARKER, None)
        return state
    if marker.is_file() and not marker.is_symlink():
        lines = marker.read_text(encoding="utf-8", errors="replace").splitlines()
        if not lines or lines[0] != OLD_MARKER_HEAD:
            raise UsageError("error.site_marker", output=output, marker=OLD_MARKER)
        files = {line: Written(-1, "") for line in lines[1:] if line}
        return State(files=files, folders=folders_of(files) | {"assets"})
    raise UsageError("error.site_not_ours", hint="hint.site_not_ours", output=output, marker=STATE)


def check_contents(output: Path, state: State) -> None:
    """Refuse a site folder holding anything the listed builds did not write: a file,
    a folder, or a symbolic link (never followed, never deleted). Read with scandir,
    whose entries know links and folders without a system call each (a national site
    is 10,000 files, checked before every rebuild)."""
    ours = {STATE, OLD_MARKER}
    pending = [(os.fspath(output), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as entries:
                found = sorted(entries, key=lambda entry: entry.name)
        except OSError:  # a folder that cannot be listed may hold anything: not ours
            raise UsageError(
                "error.site_foreign_files",
                hint="hint.site_foreign_files",
                output=output,
                count=1,
                example=prefix or ".",
            ) from None
        for entry in found:
            path = prefix + entry.name
            if entry.is_symlink():
                raise UsageError(
                    "error.site_foreign_link",
                    hint="hint.site_foreign_files",
                    output=output,
                    path=path,
                )
            is_folder = entry.is_dir(follow_symlinks=False)
            known = path in state.folders if is_folder else path in state.files or path in ours
            if not known:
                raise UsageError(
                    "error.site_foreign_files",
                    hint="hint.site_foreign_files",
                    output=output,
                    count=1,
                    example=path,
                )
            if is_folder:
                pending.append((entry.path, path + "/"))


def reusable(old: Path, state: State, path: str) -> bool:
    """The file of the previous build is still exactly what it wrote (as far as its
    size shows: a full digest would cost as much as writing it again)."""
    written = state.files.get(path)
    if written is None or written.size < 0:
        return False
    try:
        stat = os.lstat(f"{old}/{path}")  # a string, not a Path: once per file of a site
    except OSError:
        return False
    return stat_modes.S_ISREG(stat.st_mode) and stat.st_size == written.size


def delete_written(folder: Path, files: Iterable[str], folders: Iterable[str]) -> None:
    """Delete the listed files (regular files only, never through a link) and then the
    listed folders that are left empty, then `folder` itself if empty."""
    for path in files:
        name = f"{folder}/{path}"  # a string, not a Path: once per file of a site
        try:
            if stat_modes.S_ISREG(os.lstat(name).st_mode):  # lstat: a link is not followed
                os.unlink(name)  # noqa: PTH108 (the string above)
        except OSError:
            pass
    for path in sorted(folders, key=lambda p: -p.count("/")):
        target = folder / path
        try:
            if not target.is_symlink() and target.is_dir():
                target.rmdir()
        except OSError:
            pass  # not empty: something not ours is in it, so it stays
    for name in (STATE, OLD_MARKER):
        target = folder / name
        if target.is_file() and not target.is_symlink():
            target.unlink()
    with contextlib.suppress(OSError):
        folder.rmdir()
