"""Files that ship with kieumau, found in one place: the package folder.

- The Jinja2 templates live inside the package (`kieumau_cli/templates/`).
- The example data (`criteria/`, `wards/`) and the JSON Schemas live at the top of
  the repository, where people edit them; the wheel carries copies under
  `kieumau_cli/_bundled/`. In a source checkout (an editable install) the
  repository itself is the bundled data.
- `code_fingerprint` names the exact code that is running, for caches: it covers
  every module and template of the package, so moving or adding a file can never
  leave a cache keyed on a stale list of names.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

from kieumau_cli import __version__

PACKAGE = "kieumau_cli"
_CODE_SUFFIXES = (".py", ".j2", ".js", ".css")


@cache
def package_dir() -> Path:
    """The installed package folder (kieumau never runs from a zip archive, so this
    is what `importlib.resources.files` would say, without importing it: ~10 ms of
    every `status`)."""
    return Path(__file__).parent


def templates_dir() -> Path:
    return package_dir() / "templates"


def is_data_root(path: Path) -> bool:
    return (path / "criteria").is_dir() and (path / "wards").is_dir()


def _source_checkout() -> Path | None:
    """The repository around an editable install: src/kieumau_cli → the top folder."""
    top = package_dir().parent.parent
    return top if (top / "pyproject.toml").is_file() and is_data_root(top) else None


def bundled_root() -> Path | None:
    """Example data shipped in the wheel; in a source checkout, the repository itself."""
    shipped = package_dir() / "_bundled"
    if is_data_root(shipped):
        return shipped
    return _source_checkout()


@cache
def code_fingerprint() -> str:
    """A digest of the version and of every code and template file of the package
    (path, size, modification time): any edit, addition or removal changes it."""
    digest = hashlib.sha256(__version__.encode())
    root = package_dir()
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(n for n in subfolders if n not in ("__pycache__", "_bundled"))
        for name in sorted(names):
            if not name.endswith(_CODE_SUFFIXES):
                continue
            path = Path(folder, name)
            try:
                info = path.stat()
            except OSError:
                continue
            relative = path.relative_to(root).as_posix()
            digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()
