"""`kieumau codeowners`: a CODEOWNERS file from the programme file's reviewers, anchored at
the repository root, and `--check` for CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import copy_example
from tests.support.git import git

PROGRAMME = """title:
  vi: Chương trình mẫu
  en: Sample programme
reviewers: ["@bo-cong-an/v05"]
provinces:
  tinh-mau:
    reviewers: ["@ca-tinh-mau/pv05", "@truong-cap"]
  tinh-moi: {}
"""

EXPECTED = """\
# Sinh bởi `kieumau codeowners` từ programme.yaml (reviewers); đừng sửa tay.
# Sinh lại: kieumau codeowners > .github/CODEOWNERS

/{prefix}criteria/ @bo-cong-an/v05
/{prefix}programme.yaml @bo-cong-an/v05

/{prefix}wards/tinh-mau/ @ca-tinh-mau/pv05 @truong-cap
# /{prefix}wards/tinh-moi/ — chưa có người rà soát (ghi `reviewers` của tỉnh trong programme.yaml)
"""


@pytest.mark.parametrize("prefix", ["", "du-lieu/"], ids=["at-top", "in-a-subfolder"])
def test_each_province_folder_is_owned_by_its_reviewers(
    invoke: Invoke, tmp_path: Path, prefix: str
) -> None:
    root = copy_example(tmp_path / "repo" / prefix)
    git(tmp_path / "repo", "init", "-q", "-b", "main")
    (root / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    result = invoke("--root", str(root), "codeowners")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == EXPECTED.format(prefix=prefix)


def test_check_says_when_the_file_is_stale(invoke: Invoke, tmp_path: Path) -> None:
    root = copy_example(tmp_path / "root")
    (root / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    written = invoke("--root", str(root), "codeowners").stdout
    codeowners = tmp_path / "CODEOWNERS"
    codeowners.write_text(written, encoding="utf-8")
    assert invoke("--root", str(root), "codeowners", "--check", str(codeowners)).exit_code == 0
    codeowners.write_text(written.replace("@truong-cap", "@ai-do"), encoding="utf-8")
    stale = invoke("--root", str(root), "codeowners", "--check", str(codeowners))
    assert stale.exit_code == 1 and stale.stdout == ""
    assert "khác với tệp sinh từ programme.yaml" in stale.stderr
    missing = invoke("--root", str(root), "codeowners", "--check", str(tmp_path / "none"))
    assert missing.exit_code == 2 and "không đọc được" in missing.stderr


def test_without_a_valid_programme_file_nothing_is_printed(invoke: Invoke, tmp_path: Path) -> None:
    root = copy_example(tmp_path / "root")
    absent = invoke("--root", str(root), "codeowners")
    assert absent.exit_code == 2 and "không có programme.yaml" in absent.stderr
    (root / "programme.yaml").write_text(
        PROGRAMME.replace('"@truong-cap"', '"truong-cap"'), encoding="utf-8"
    )
    invalid = invoke("--root", str(root), "codeowners", "--lang", "en")
    assert invalid.exit_code == 1 and invalid.stdout == ""
    assert "programme.yaml:" in invalid.stderr and "Traceback" not in invalid.stderr


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_check_never_follows_a_link_or_waits_on_a_pipe(
    invoke: Invoke, tmp_path: Path, kind: str
) -> None:
    import os

    root = copy_example(tmp_path / "root")
    (root / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    target = tmp_path / "CODEOWNERS"
    if kind == "symlink":
        real = tmp_path / "real"
        real.write_text(invoke("--root", str(root), "codeowners").stdout, encoding="utf-8")
        target.symlink_to(real)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    result = invoke("--root", str(root), "codeowners", "--check", str(target))
    assert result.exit_code == 2 and "không đọc được" in result.stderr
