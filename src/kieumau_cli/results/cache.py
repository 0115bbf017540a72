"""A cache of validated `status` results, so that a warm `kieumau status WARD`
neither imports the Pydantic models nor parses YAML.

An entry is what `status` shows of a ward that loaded without errors
(`StatusData`, plain JSON), stored in `<cache>/status/<key>.json`. The key hashes
the ward file's bytes and its path below wards/, the kieumau version and a
fingerprint of the modules that compute the result; the entry records the
criteria set file it was computed with and that file's SHA-256. Both files are
read on every run, so any edit to either is a miss. Only valid results are
stored: an invalid file always goes through validation and reports exactly as
before. Dates of the run (today, --as-of, "overdue") are never cached.

An entry also keeps the texts printed from it on the day it was last used, one per
`render.output_variant` (format, language, width, the environment Rich reads): a
warm run on the same day writes its text again without importing Rich, the models or
the renderers. Only output to a stream that is not a terminal is kept; texts of
another day are dropped when the entry is next written.

The cache is never needed for correctness: a missing, unreadable, corrupt or
stale entry is ignored and the status recomputed; a failed write is ignored.

Nobody else's entry is ever believed. The key is computable by anyone who can read
the ward file, so in a shared `KIEUMAU_CACHE_DIR` another local user could plant an
entry saying 22/22: the cache folder is made private (0700), and where the platform
has owners, a folder or entry not owned by the current user, or writable by others,
is ignored. Every field of an entry is validated on load (an unknown status is a
miss, never a crash).

Location: $KIEUMAU_CACHE_DIR, else $XDG_CACHE_HOME/kieumau, else ~/.cache/kieumau.
KIEUMAU_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kieumau_cli.load.files import LoadFailedFile, read_data_file
from kieumau_cli.resources import code_fingerprint
from kieumau_cli.results.contract import JSON_SCHEMA_VERSION

if TYPE_CHECKING:
    import datetime as dt

    from kieumau_cli.load.models import CriteriaSet
    from kieumau_cli.load.repository import Loaded
    from kieumau_cli.results.status import StatusData

CACHE_FORMAT = 2  # 2: rows grouped, one Score serialisation


def cache_dir(environ: Mapping[str, str]) -> Path | None:
    """Where entries live; None when the cache is turned off."""
    if environ.get("KIEUMAU_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = environ.get("KIEUMAU_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "kieumau"
    try:
        return Path.home() / ".cache" / "kieumau"
    except RuntimeError:  # no home directory
        return None


def _fingerprint() -> str:
    """Entries are only valid for the exact code that wrote them (see `resources`)."""
    return "\n".join([code_fingerprint(), str(CACHE_FORMAT), str(JSON_SCHEMA_VERSION)])


def _rel(path: Path) -> str:
    """'thanh-hoa/phuong-dong-son.yaml': the part of a path that identity depends on."""
    return f"{path.parent.name}/{path.name}"


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class StatusCache:
    """The cache entry of one ward file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._fingerprint = _fingerprint()
        # The entry last found valid or stored, and the ward file it is for: a text is
        # added to it without reading it again.
        self._current: tuple[Path, bytes, dict[str, Any]] | None = None

    @classmethod
    def open(cls, environ: Mapping[str, str]) -> StatusCache | None:
        directory = cache_dir(environ)
        return cls(directory) if directory is not None else None

    def _ours(self, path: Path) -> bool:
        """The folder or file belongs to this user and nobody else may write it."""
        if not hasattr(os, "geteuid"):  # Windows: the user's profile folder is private
            return True
        try:
            info = path.lstat()
        except OSError:
            return False
        writable_by_others = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        return info.st_uid == os.geteuid() and not writable_by_others and not path.is_symlink()

    def _folder(self, create: bool) -> Path | None:
        """`<cache>/status`, private to this user, or None when it is not ours."""
        folder = self.directory / "status"
        if create and not folder.exists():
            with contextlib.suppress(OSError):
                self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
                folder.mkdir(mode=0o700, exist_ok=True)
        return folder if self._ours(folder) else None

    def key(self, ward_path: Path, ward_raw: bytes) -> str:
        digest = hashlib.sha256()
        for part in (self._fingerprint, _rel(ward_path)):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(ward_raw)
        return digest.hexdigest()

    def _valid_entry(self, ward_path: Path, set_paths: Mapping[str, Path]) -> dict[str, Any] | None:
        """The entry of the ward file as it is now, when its set file is unchanged too.
        Raises (one of `_MISS`) on anything unreadable or malformed."""
        if self._current is not None and self._current[0] == ward_path:
            return self._current[2]
        folder = self._folder(create=False)
        if folder is None:
            return None
        ward_raw = read_data_file(ward_path)
        entry_path = folder / f"{self.key(ward_path, ward_raw)}.json"
        if not self._ours(entry_path):
            return None
        import json  # here: a `status` with the cache off never reads an entry

        entry = json.loads(read_data_file(entry_path))
        if not isinstance(entry, dict) or entry.get("format") != CACHE_FORMAT:
            return None
        set_path = set_paths.get(entry["set"])
        if set_path is None or _rel(set_path) != entry["set_file"]:
            return None
        if _sha256(read_data_file(set_path)) != entry["set_sha256"]:
            return None
        self._current = (ward_path, ward_raw, entry)
        return entry

    def lookup(self, ward_path: Path, set_paths: Mapping[str, Path]) -> StatusData | None:
        """The cached status of the ward file as it is now, or None."""
        try:
            entry = self._valid_entry(ward_path, set_paths)
            if entry is None:
                return None
            from kieumau_cli.results.status import StatusData

            return StatusData.from_json(entry["data"])
        except _MISS:
            self._current = None
            return None  # a miss: the status is computed, checked and stored again

    def lookup_text(
        self, ward_path: Path, set_paths: Mapping[str, Path], variant: str, today: dt.date
    ) -> str | None:
        """The text printed today in `variant` from the entry of the ward file as it is
        now, or None."""
        try:
            entry = self._valid_entry(ward_path, set_paths)
            if entry is None:
                return None
            kept = entry.get("texts", {}).get(_sha256(variant.encode("utf-8")))
            if not isinstance(kept, dict) or kept.get("today") != today.isoformat():
                return None
            text = kept.get("text")
            return text if isinstance(text, str) else None
        except _MISS:
            self._current = None
            return None

    def store(
        self, ward_path: Path, ward_raw: bytes, set_file: Loaded[CriteriaSet], data: StatusData
    ) -> None:
        """Remember `data`, computed from exactly these bytes; failures are ignored."""
        if set_file.raw is None:
            return
        entry: dict[str, Any] = {
            "format": CACHE_FORMAT,
            "set": data.criteria_set,
            "set_file": _rel(set_file.path),
            "set_sha256": _sha256(set_file.raw),
            "data": data.to_json(),
        }
        self._current = (ward_path, ward_raw, entry)
        self._write(self.key(ward_path, ward_raw), entry)

    def store_text(self, ward_path: Path, variant: str, today: dt.date, text: str) -> None:
        """Add what `variant` printed today to the entry just looked up or stored (texts
        of other days are dropped); failures are ignored."""
        if self._current is None or self._current[0] != ward_path:
            return
        _, ward_raw, entry = self._current
        day = today.isoformat()
        texts = entry.get("texts")
        kept = {
            name: value
            for name, value in (texts.items() if isinstance(texts, dict) else ())
            if isinstance(value, dict) and value.get("today") == day
        }
        kept[_sha256(variant.encode("utf-8"))] = {"today": day, "text": text}
        entry = {**entry, "texts": kept}
        self._current = (ward_path, ward_raw, entry)
        self._write(self.key(ward_path, ward_raw), entry)

    def _write(self, key: str, entry: dict[str, Any]) -> None:
        import json
        import tempfile

        folder = self._folder(create=True)
        if folder is None:
            return  # someone else's folder: never written into
        target = folder / f"{key}.json"
        try:
            handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
                Path(temp).replace(target)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError:
            pass


# What a missing, unreadable, corrupt or stale entry raises: a miss, never a crash.
_MISS = (
    LoadFailedFile,
    OSError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
)
