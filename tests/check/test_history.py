"""`check --changed [REV]` and `check --base REV` over temporary git repositories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_SET as SET
from tests.support.data import EXAMPLE_WARD as WARD
from tests.support.data import copy_example, edit
from tests.support.git import example_repo, git

ENTRY_2 = "  - {date: 2026-02-02, criterion: C03, from: not_met, to: in_progress}\n"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tests.support.git.example_repo, and the working directory."""
    root = example_repo(tmp_path / "repo")
    monkeypatch.chdir(root)
    return root


def test_full_check_sees_the_broken_ward(repo: Path, invoke: Invoke) -> None:
    result = invoke("check")
    assert result.exit_code == 1
    assert "wards/tinh-khac/phuong-khac.yaml" in result.stdout


def test_nothing_changed(repo: Path, invoke: Invoke) -> None:
    result = invoke("check", "--changed", "HEAD")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "0 tệp" in result.stderr


def test_uncommitted_and_untracked_changes_are_checked(repo: Path, invoke: Invoke) -> None:
    edit(repo / WARD, "    owner: Tổ tiếp dân", "    ownr: Tổ tiếp dân")
    new = repo / "wards" / "tinh-mau" / "phuong-moi.yaml"
    new.write_text("province: tinh-mau\n", encoding="utf-8")
    result = invoke("check", "--changed", "HEAD")
    assert result.exit_code == 1
    paths = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert paths == {str(WARD), "wards/tinh-mau/phuong-moi.yaml"}
    assert "2 tệp" in result.stderr


def test_staged_and_deleted_files(repo: Path, invoke: Invoke) -> None:
    edit(repo / WARD, "    owner: Tổ tiếp dân", "    ownr: Tổ tiếp dân")
    git(repo, "add", str(WARD))
    (repo / "wards" / "tinh-khac" / "phuong-khac.yaml").unlink()
    result = invoke("check", "--changed", "HEAD", "--format", "json")
    assert result.exit_code == 1
    assert '"path": "wards/tinh-mau/phuong-mau.yaml"' in result.stdout
    assert "tinh-khac" not in result.stdout


def test_changed_set_rechecks_the_wards_that_pin_it(repo: Path, invoke: Invoke) -> None:
    git(repo, "checkout", "-q", "-b", "doi-bo-tieu-chi")
    edit(repo / SET, "  - id: C04", "  - id: C05")
    git(repo, "commit", "-q", "-am", "đổi mã tiêu chí")
    result = invoke("check", "--changed")  # default: merge base with main
    assert result.exit_code == 1
    assert "error[unknown-criterion]: tiêu chí 'C04' không có trong bộ bo-mau@1" in result.stdout
    assert "tinh-khac" not in result.stdout  # pins another set: not a dependent
    assert "2 tệp" in result.stderr


def test_a_set_superseding_a_changed_set_is_rechecked(repo: Path, invoke: Invoke) -> None:
    newer = repo / "criteria" / "bo-mau" / "2.yaml"
    text = (repo / SET).read_text(encoding="utf-8").replace('version: "1"', 'version: "2"')
    newer.write_text(text.replace("pass_rule:", "supersedes: bo-mau@1\npass_rule:", 1), "utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "v2")
    (repo / SET).unlink()
    result = invoke("check", "--changed", "HEAD")
    assert "criteria/bo-mau/2.yaml" in result.stdout
    assert "unknown-supersedes" in result.stdout
    assert "error[unknown-set]" in result.stdout  # the ward pinning the deleted set


def test_changed_in_a_clone_compares_with_the_merge_base(
    repo: Path, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    git(clone, "checkout", "-q", "-b", "sua")
    edit(clone / WARD, "    owner: Tổ tiếp dân", "    ownr: Tổ tiếp dân")
    git(clone, "commit", "-qam", "sửa")
    monkeypatch.chdir(clone)
    result = invoke("check", "--changed", "--format", "github")
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=wards/tinh-mau/phuong-mau.yaml,line=39,col=5,")
    assert "tinh-khac" not in result.stdout


@pytest.mark.parametrize("option", [["--changed"], ["--base", "HEAD"]])
def test_not_a_git_repository(
    option: list[str], tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_example(tmp_path / "plain")
    monkeypatch.chdir(root)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = invoke("check", *option)
    assert result.exit_code == 2
    assert "không nằm trong kho git" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option", [["--changed", "khong-co"], ["--base", "khong-co"]])
def test_unknown_revision(option: list[str], repo: Path, invoke: Invoke) -> None:
    result = invoke("check", *option)
    assert result.exit_code == 2
    assert "không tìm thấy phiên bản git 'khong-co'" in result.stderr


def test_changed_takes_one_revision_and_no_paths(repo: Path, invoke: Invoke) -> None:
    result = invoke("check", "--changed", "HEAD", "HEAD")
    assert result.exit_code == 2
    assert "--changed" in result.stderr


def test_no_commit_to_compare_with(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_example(tmp_path / "empty")
    git(root, "init", "-q", "-b", "main")
    monkeypatch.chdir(root)
    result = invoke("check", "--changed")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


# --- history is append-only (check --base) ---------------------------------------------


def test_appending_is_fine(repo: Path, invoke: Invoke) -> None:
    edit(
        repo / WARD,
        "    status: not_met\n    owner: Trưởng",
        "    status: in_progress\n    owner: Trưởng",
    )
    with (repo / WARD).open("a", encoding="utf-8") as out:
        out.write("  - {date: 2026-02-15, criterion: C04, from: not_met, to: in_progress}\n")
    result = invoke("check", str(WARD), "--base", "HEAD")
    assert (result.exit_code, result.stdout) == (0, "")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda ward: edit(ward, ENTRY_2, ENTRY_2.replace("2026-02-02", "2026-02-03")),
            "wards/tinh-mau/phuong-mau.yaml:51:12: error[history-rewritten]: mục lịch sử #2 "
            "(2026-02-02 C03: not_met → in_progress) đã bị sửa so với HEAD",
        ),
        (
            lambda ward: ward.unlink(),
            "wards/tinh-mau/phuong-mau.yaml:1:1: error[history-file-deleted]: "
            "tệp đơn vị có 3 mục lịch sử ở HEAD đã bị xóa",
        ),
    ],
    ids=["rewritten", "file-deleted"],
)
def test_a_lost_entry_is_named(
    change: Callable[[Path], None], expected: str, repo: Path, invoke: Invoke
) -> None:
    change(repo / WARD)
    result = invoke("check", "--base", "HEAD")
    assert result.exit_code == 1
    assert expected in result.stdout


def test_a_deleted_entry_is_named(repo: Path, invoke: Invoke) -> None:
    edit(repo / WARD, ENTRY_2, "")
    result = invoke("check", "--base", "HEAD", "--lang", "en")
    assert result.exit_code == 1
    assert (
        "error[history-deleted]: history entry #2 (2026-02-02 C03: not_met → in_progress) "
        "present at HEAD was deleted"
    ) in result.stdout
    assert "history-rewritten" not in result.stdout  # the entries after it only moved up


def test_an_entry_inserted_in_the_middle(repo: Path, invoke: Invoke) -> None:
    inserted = "  - {date: 2026-02-05, criterion: C04, from: not_met, to: not_met, note: x}\n"
    edit(repo / WARD, ENTRY_2, ENTRY_2 + inserted)
    result = invoke("check", "--base", "HEAD", "--format", "json")
    assert result.exit_code == 1
    assert '"code": "history-inserted"' in result.stdout
    assert '"line": 52' in result.stdout
    assert "history-deleted" not in result.stdout
    assert "history-rewritten" not in result.stdout


def test_a_moved_ward_file_keeps_its_history_checked(repo: Path, invoke: Invoke) -> None:
    moved = repo / "wards" / "tinh-moi" / "phuong-mau.yaml"
    moved.parent.mkdir()
    text = (
        (repo / WARD)
        .read_text(encoding="utf-8")
        .replace("province: tinh-mau", "province: tinh-moi")
    )
    moved.write_text(text.replace(ENTRY_2, ""), encoding="utf-8")
    (repo / WARD).unlink()
    result = invoke("check", "--base", "HEAD")
    assert "history-file-deleted" not in result.stdout
    assert "wards/tinh-moi/phuong-mau.yaml:51:5: error[history-deleted]" in result.stdout


def test_base_with_changed(repo: Path, invoke: Invoke) -> None:
    git(repo, "checkout", "-q", "-b", "sua-lich-su")
    edit(repo / WARD, ENTRY_2, ENTRY_2.replace("in_progress}", "met}"))
    git(repo, "commit", "-q", "-am", "sửa lịch sử")
    result = invoke("check", "--changed", "main", "--base", "main", "--format", "sarif")
    assert result.exit_code == 1
    assert '"ruleId": "history-rewritten"' in result.stdout
    assert "tinh-khac" not in result.stdout
