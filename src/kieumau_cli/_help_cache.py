"""`kieumau --help`, replayed from a cache on warm runs.

Building the help text means building all of Typer's commands (about as long
as importing Typer itself). The text depends only on the CLI's code, Typer's
version and the terminal width, so the first run stores exactly what Typer
printed and later runs with the same fingerprint print those bytes again.
Any doubt (no cache folder, unreadable entry, different width or code) means
Typer runs as usual.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Mapping
from importlib.util import find_spec
from pathlib import Path

from . import __version__
from ._cache import cache_dir

_PACKAGE_DIR = Path(__file__).resolve().parent


def _key() -> str:
    parts = [__version__, f"columns:{shutil.get_terminal_size().columns}"]
    files = [*sorted(_PACKAGE_DIR.glob("_cli_*.py")), _PACKAGE_DIR / "cli.py"]
    spec = find_spec("typer")
    if spec is not None and spec.origin:
        files.append(Path(spec.origin))
    for path in files:
        try:
            info = path.stat()
        except OSError:
            parts.append(f"{path.name}:-")
        else:
            parts.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _entry(environ: Mapping[str, str]) -> Path | None:
    folder = cache_dir(environ)
    return None if folder is None else folder / "help" / f"{_key()}.txt"


def cached_help(environ: Mapping[str, str]) -> str | None:
    entry = _entry(environ)
    if entry is None:
        return None
    try:
        return entry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def store_help(text: str, environ: Mapping[str, str]) -> None:
    entry = _entry(environ)
    if entry is None or not text:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=entry.parent, prefix=".help-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        Path(temp).replace(entry)
    except OSError:
        return  # the cache is an optimisation, never a reason to fail
