"""Workbooks from `kieumau export`: writing one, editing its cells as an officer would
(openpyxl, or LibreOffice re-saving it), and reading what it holds."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.support.cli import Invoke

SHEET = "Tiêu chí"  # the criteria sheet, as exported in Vietnamese


def export_ward(run: Invoke, ward: str, target: Path, *args: str) -> Path:
    """`kieumau export WARD -o TARGET` (run from a root, see `run_example`)."""
    result = run("export", ward, "-o", str(target), *args)
    assert result.exit_code == 0, result.stderr
    return target


def edit_cells(
    source: Path, changes: Mapping[str, Any], target: Path | None = None, *, sheet: str = SHEET
) -> Path:
    """Save `source` with cells changed ({'D4': 'Đạt'}) at `target` (default: in place)."""
    workbook = load_workbook(source)
    worksheet = workbook[sheet]
    for ref, value in changes.items():
        worksheet[ref] = value
    target = target or source
    workbook.save(target)
    return target


def worksheet(path: Path, name: str = SHEET) -> Worksheet:
    sheet = load_workbook(path)[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def values(path: Path, name: str = SHEET) -> list[list[Any]]:
    """Every row of a sheet as values."""
    return [list(row) for row in worksheet(path, name).iter_rows(values_only=True)]


def soffice() -> str:
    """LibreOffice's program; the test is skipped without it, except under CI (where
    `.ci/run` installs it and a missing one is a failure)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    reason = "LibreOffice (soffice) is missing: apt-get install libreoffice-calc"
    if os.environ.get("CI"):
        pytest.fail(f"LibreOffice tests cannot run under CI: {reason}")
    pytest.skip(reason)


def libreoffice_resave(source: Path, folder: Path) -> Path:
    """`soffice --headless --convert-to xlsx`: the workbook as LibreOffice saves it (its
    own styles, shared strings, dates as serial numbers with a date format)."""
    program = soffice()
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "profile"
    done = subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    converted = folder / f"{source.stem}.xlsx"
    assert done.returncode == 0 and converted.is_file(), done.stdout + done.stderr
    return converted


def one_province(target: Path, stations: int, province: str = "thanh-hoa") -> Path:
    """A data root whose `stations` wards (bench/generate.py's synthetic ones, about 16 KB
    each, every shipped set in use) all belong to one province."""
    import importlib.util
    import re

    from tests.support.data import REPO

    spec = importlib.util.spec_from_file_location("generate", REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generated = target.parent / f"{target.name}-generated"
    paths: list[Path] = module.generate(generated, stations, seed=15)
    shutil.copytree(generated / "criteria", target / "criteria")
    folder = target / "wards" / province
    folder.mkdir(parents=True)
    for number, path in enumerate(sorted(paths), start=1):
        slug = f"{path.stem}-{number:03d}"
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'^province: ".*"$', f'province: "{province}"', text, count=1, flags=re.M)
        text = re.sub(r'^ward: ".*"$', f'ward: "{slug}"', text, count=1, flags=re.M)
        text = re.sub(
            r'^province_name: ".*"$', 'province_name: "Tỉnh Thanh Hóa"', text, count=1, flags=re.M
        )
        (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")
    shutil.rmtree(generated)
    return target
