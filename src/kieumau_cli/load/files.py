"""Where the data lives: the data root, and the files in it, found without reading them.

A data root holds `criteria/<set>/<version>.yaml` and
`wards/<province>/<ward>.yaml`; a file's identity comes from its path, so finding
one ward never reads the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from kieumau_cli.errors import DataRootError
from kieumau_cli.resources import bundled_root, is_data_root

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
            raise DataRootError("error.root_not_data", where=f"--root {option}")
        return DataRoot(option, "option")
    env_value = environ.get("KIEUMAU_ROOT")
    if env_value:
        path = Path(env_value)
        if not is_data_root(path):
            raise DataRootError("error.root_not_data", where=f"KIEUMAU_ROOT={env_value}")
        return DataRoot(path, "env")
    for folder in (cwd, *cwd.parents):
        if is_data_root(folder):
            return DataRoot(folder, "cwd")
    bundled = bundled_root()
    if bundled is None:
        raise DataRootError("error.no_data", hint="hint.use_root")
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


def yaml_files(folder: Path) -> Iterator[Path]:
    """`folder/<sub>/<name>.yaml`, in a stable order, without reading any file."""
    if not folder.is_dir():
        return
    for sub in sorted(os.scandir(folder), key=lambda entry: entry.name):
        if not sub.is_dir() or sub.name.startswith("."):
            continue
        for entry in sorted(os.scandir(sub.path), key=lambda entry: entry.name):
            if entry.is_file() and entry.name.endswith(YAML_SUFFIXES):
                yield Path(entry.path)


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
