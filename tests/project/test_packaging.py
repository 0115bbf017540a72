"""The wheel carries the example data, so an installed kieumau works anywhere."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.support.cli import run_kieumau
from tests.support.data import REPO, TODAY


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return next(out.glob("*.whl"))


def test_wheel_bundles_data_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (REPO / "criteria").rglob("*.yaml"):
        assert (
            f"kieumau_cli/_bundled/criteria/{path.relative_to(REPO / 'criteria').as_posix()}"
            in names
        )
    for path in (REPO / "wards").rglob("*.yaml"):
        assert f"kieumau_cli/_bundled/wards/{path.relative_to(REPO / 'wards').as_posix()}" in names
    assert any(name.startswith("kieumau_cli/templates/site/") for name in names)


def test_installed_wheel_runs_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PYTHONPATH": str(target), "NO_COLOR": "1", "KIEUMAU_TODAY": TODAY, "KIEUMAU_ROOT": None}
    result = run_kieumau("status", "phuong-dong-son", cwd=elsewhere, env=env)
    assert result.exit_code == 0, result.stderr
    assert "11/22 tiêu chí đạt (50%)" in result.stdout
    assert str(target) in result.stderr  # the one-line notice names the bundled data


def test_wheel_bundles_the_schemas_beside_the_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["schemas"] == "kieumau_cli/_bundled/schemas"
    assert include["wards"] == "kieumau_cli/_bundled/wards"  # so ../../schemas resolves there too
