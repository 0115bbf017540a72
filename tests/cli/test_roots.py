"""`--root` given several times, `--roots FILE` and `KIEUMAU_ROOT=A:B`: one national view
joined from one data repository per province, end to end through the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.support.cli import Invoke, run_kieumau
from tests.support.data import copy_shipped

WARD = Path("wards") / "thanh-hoa" / "phuong-dong-son.yaml"
SET = Path("criteria") / "thanh-hoa-antt-cds" / "2026.yaml"


@pytest.fixture
def roots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two province repositories side by side, run from their parent folder."""
    monkeypatch.chdir(tmp_path)
    first = copy_shipped(
        tmp_path / "ubnd-thanh-hoa",
        "thanh-hoa/phuong-dong-son",
        "thanh-hoa/phuong-tao-xuyen",
        programme=True,
    )
    second = copy_shipped(
        tmp_path / "ubnd-thai-nguyen", "thai-nguyen/phuong-duc-xuan", "thai-nguyen/phuong-thang-loi"
    )
    return first, second


def _both(first: Path, second: Path) -> list[str]:
    return ["--root", first.name, "--root", second.name]


def test_check_reads_every_root(invoke: Invoke, roots: tuple[Path, Path]) -> None:
    done = invoke(*_both(*roots), "check")
    assert done.exit_code == 0, done.output
    sets = len(list(Path("ubnd-thanh-hoa/criteria").glob("*/*.yaml")))
    # every ward and every set file of both roots, and the programme file
    assert f"Đã kiểm tra {4 + 2 * sets + 1} tệp: 0 lỗi, 0 cảnh báo." in done.stderr


def test_a_ward_in_two_roots_is_an_error_naming_both_files(
    invoke: Invoke, roots: tuple[Path, Path]
) -> None:
    first, second = roots
    (second / WARD).parent.mkdir()
    (second / WARD).write_bytes((first / WARD).read_bytes())
    done = invoke(*_both(*roots), "check")
    assert done.exit_code == 1
    lines = [line for line in done.stdout.splitlines() if "[duplicate-ward-key]" in line]
    assert sorted(line.split(":", 1)[0] for line in lines) == sorted(
        [f"{first.name}/{WARD.as_posix()}", f"{second.name}/{WARD.as_posix()}"]
    )
    for line in lines:
        assert f"{first.name}/{WARD.as_posix()}, {second.name}/{WARD.as_posix()}" in line
        assert line.split(":")[1:3] == ["1", "1"]
    status = invoke(*_both(*roots), "status", "phuong-dong-son")
    assert status.exit_code == 1
    assert "[duplicate-ward-key]" in status.stderr
    listed = invoke(*_both(*roots), "list", "--format", "json")
    assert listed.exit_code == 1  # the ward is refused, never shown from either root


def test_a_set_that_differs_between_roots_is_a_conflict(
    invoke: Invoke, roots: tuple[Path, Path]
) -> None:
    first, second = roots
    text = (second / SET).read_text(encoding="utf-8")
    (second / SET).write_text(text.replace("\nissuer:", "\nissuer: x\nx_issuer:", 1), "utf-8")
    done = invoke(*_both(*roots), "check", "--format", "json")
    assert done.exit_code == 1
    found = [d for d in json.loads(done.stdout) if d["code"] == "conflicting-set"]
    assert sorted(d["path"] for d in found) == sorted(
        [f"{first.name}/{SET.as_posix()}", f"{second.name}/{SET.as_posix()}"]
    )
    assert invoke(*_both(*roots), "status", "phuong-dong-son").exit_code == 1


def test_a_set_copy_with_other_comments_is_no_conflict(
    invoke: Invoke, roots: tuple[Path, Path]
) -> None:
    _, second = roots
    text = (second / SET).read_text(encoding="utf-8")
    (second / SET).write_text("# bản chép của tỉnh Thái Nguyên\n" + text, "utf-8")
    assert invoke(*_both(*roots), "check").exit_code == 0
    assert invoke(*_both(*roots), "status", "phuong-dong-son").exit_code == 0


@pytest.mark.parametrize("place", ["before", "after"])
@pytest.mark.parametrize("option", ["--roots", "--root"])
def test_a_file_can_list_the_roots(
    invoke: Invoke, roots: tuple[Path, Path], option: str, place: str
) -> None:
    first, second = roots
    listing = Path("lists", "quoc-gia.txt")
    listing.parent.mkdir()
    listing.write_text(f"# toàn quốc\n../{first.name}\n{second.resolve()}\n", encoding="utf-8")
    args = ["summary", "--format", "json"]
    given = [option, str(listing)]
    done = invoke(*given, *args) if place == "before" else invoke(*args, *given)
    assert done.exit_code == 0, done.output
    summary = json.loads(done.stdout)
    assert summary["stations"] == 4
    assert {ward["ward"].split("/")[0] for ward in summary["wards"]} == {"thanh-hoa", "thai-nguyen"}


def test_kieumau_root_may_name_several_folders(
    invoke: Invoke, roots: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = roots
    monkeypatch.setenv("KIEUMAU_ROOT", f"{first.name}{os.pathsep}{second.name}")
    done = invoke("status", "phuong-duc-xuan", "--format", "json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["ward"] == "thai-nguyen/phuong-duc-xuan"


def test_roots_after_the_command_win_over_those_before(
    invoke: Invoke, roots: tuple[Path, Path]
) -> None:
    first, second = roots
    done = invoke("--root", first.name, "list", "--format", "json", "--root", second.name)
    assert done.exit_code == 0, done.output
    assert {row["ward"].split("/")[0] for row in json.loads(done.stdout)} == {"thai-nguyen"}


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("ubnd-thanh-hoa\nkhong-co-thu-muc\n", "roots.txt:2:1"),
        ("ubnd-thanh-hoa\n\x1b[31mred\n", "roots.txt:2:1"),
        ("# chưa ghi gì\n", "roots.txt"),
    ],
)
def test_a_bad_roots_file_is_a_usage_error_naming_the_line(
    invoke: Invoke, roots: tuple[Path, Path], text: str, where: str
) -> None:
    Path("roots.txt").write_text(text, encoding="utf-8")
    done = invoke("--roots", "roots.txt", "check")
    assert done.exit_code == 2
    assert where in done.stderr
    assert "\x1b" not in done.stderr
    assert "Traceback" not in done.output


@pytest.mark.parametrize(
    "args", [["check", "--base", "HEAD"], ["check", "--changed"], ["codeowners"]]
)
def test_one_repository_commands_refuse_joined_roots(
    invoke: Invoke, roots: tuple[Path, Path], args: list[str]
) -> None:
    done = invoke(*_both(*roots), *args)
    assert done.exit_code == 2
    assert "ubnd-thanh-hoa, ubnd-thai-nguyen" in done.stderr


def test_every_site_page_of_a_station_names_its_root(
    invoke: Invoke, roots: tuple[Path, Path]
) -> None:
    done = invoke(*_both(*roots), "site", "-o", "out", "--no-git")
    assert done.exit_code == 0, done.output
    expected = {
        "thanh-hoa/phuong-dong-son": "ubnd-thanh-hoa",
        "thanh-hoa/phuong-tao-xuyen": "ubnd-thanh-hoa",
        "thai-nguyen/phuong-duc-xuan": "ubnd-thai-nguyen",
        "thai-nguyen/phuong-thang-loi": "ubnd-thai-nguyen",
    }
    for key, root in expected.items():
        pages = sorted(Path("out", "station", key).glob("*.html"))
        assert pages, key
        for page in pages:
            assert f"{root}/wards/{key}.yaml" in page.read_text(encoding="utf-8"), page
    index = json.loads(Path("out/data/index.json").read_text(encoding="utf-8"))
    assert {p["province"]: p["roots"] for p in index["provinces"]} == {
        "thanh-hoa": ["ubnd-thanh-hoa"],
        "thai-nguyen": ["ubnd-thai-nguyen"],
    }
    province = json.loads(Path("out/data/thai-nguyen.json").read_text(encoding="utf-8"))
    assert {s["root"] for s in province["stations"]} == {"ubnd-thai-nguyen"}


def test_a_new_ward_goes_to_the_root_keeping_its_province(
    invoke: Invoke, roots: tuple[Path, Path]
) -> None:
    _, second = roots
    done = invoke(
        *_both(*roots),
        "init",
        "thai-nguyen/phuong-moi",
        "--criteria",
        "cap-kieu-mau@2023",
        "--name",
        "Phường Mới",
    )
    assert done.exit_code == 0, done.output
    assert (second / "wards" / "thai-nguyen" / "phuong-moi.yaml").is_file()


def test_the_fast_status_path_joins_the_roots_too(roots: tuple[Path, Path]) -> None:
    """`status` without Typer (cli.fast) reads $KIEUMAU_ROOT through the same loading."""
    first, second = roots
    (second / WARD).parent.mkdir()
    (second / WARD).write_bytes((first / WARD).read_bytes())
    env = {"KIEUMAU_ROOT": f"{first}{os.pathsep}{second}"}
    done = run_kieumau("status", "phuong-dong-son", cwd=first.parent, env=env)
    assert done.exit_code == 1
    assert done.stderr.count("[duplicate-ward-key]") == 2
    other = run_kieumau("status", "phuong-duc-xuan", cwd=first.parent, env=env)
    assert other.exit_code == 0, other.output
