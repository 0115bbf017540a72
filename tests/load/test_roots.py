"""Several data roots read as one (`load.files.find_roots`, `Repository` over many roots):
the core, without Typer."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kieumau_cli.errors import DataRootError
from kieumau_cli.load.files import DataRoot, find_roots, read_roots_file
from kieumau_cli.load.repository import Repository
from tests.support.data import copy_shipped


@pytest.fixture
def two_roots(tmp_path: Path) -> tuple[Path, Path]:
    """Thanh Hóa in one root, Thái Nguyên in another, both carrying the same sets."""
    first = copy_shipped(tmp_path / "thanh-hoa-data", "thanh-hoa/phuong-dong-son", programme=True)
    second = copy_shipped(tmp_path / "thai-nguyen-data", "thai-nguyen/phuong-duc-xuan")
    return first, second


def _repository(*roots: Path) -> Repository:
    return Repository(find_roots(list(roots), {}, roots[0].parent), roots[0].parent)


def test_every_root_option_is_a_root_in_the_order_given(two_roots: tuple[Path, Path]) -> None:
    first, second = two_roots
    found = find_roots([first, second, first], {}, first.parent)
    assert [root.path for root in found] == [first, second]  # the repeat is dropped
    assert [root.name for root in found] == ["thanh-hoa-data", "thai-nguyen-data"]
    assert {root.origin for root in found} == {"option"}


def test_one_folder_reached_by_a_link_or_dots_is_one_root(
    two_roots: tuple[Path, Path],
) -> None:
    first, second = two_roots
    link = first.parent / "link-to-first"
    link.symlink_to(first, target_is_directory=True)
    dotted = first.parent / "lists" / ".." / first.name
    (first.parent / "lists").mkdir()
    found = find_roots([link, second, first, dotted], {}, first.parent)
    assert [root.path for root in found] == [link, second]  # the first spelling is kept
    repository = _repository(link, first)
    assert repository.findings() == []  # no ward is "in two repositories"
    assert len(repository.ward_paths()) == 1


def test_roots_sharing_a_folder_name_are_told_apart(tmp_path: Path) -> None:
    one = copy_shipped(tmp_path / "hanoi" / "data", "thanh-hoa/phuong-dong-son")
    two = copy_shipped(tmp_path / "hue" / "data", "thai-nguyen/phuong-duc-xuan")
    labels = [root.name for root in find_roots([one, two], {}, tmp_path)]
    assert labels == ["hanoi/data", "hue/data"]


def test_kieumau_root_may_list_several_folders(two_roots: tuple[Path, Path]) -> None:
    first, second = two_roots
    found = find_roots(None, {"KIEUMAU_ROOT": f"{first}{os.pathsep}{second}"}, first.parent)
    assert [root.path for root in found] == [first, second]
    assert found[0].origin == "env"


def test_a_roots_file_lists_folders_relative_to_itself(two_roots: tuple[Path, Path]) -> None:
    first, second = two_roots
    listing = first.parent / "lists" / "roots.txt"
    listing.parent.mkdir()
    listing.write_text(
        f"# national view\n../{first.name}\n\n   {second}  \n# end\n", encoding="utf-8"
    )
    assert read_roots_file(listing) == [listing.parent / f"../{first.name}", second]
    found = find_roots([listing], {}, Path("/"))
    assert [Path(os.path.normpath(root.path)) for root in found] == [first, second]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "error.roots_file_empty"),
        ("# only a comment\n", "error.roots_file_empty"),
        ("no-such-folder\n", "error.roots_file_not_data"),
        ("ok\x1b]52;c;evil\x07\n", "error.roots_file_bad_line"),
    ],
)
def test_a_bad_roots_file_is_a_clear_error(tmp_path: Path, text: str, key: str) -> None:
    listing = tmp_path / "roots.txt"
    listing.write_text(text, encoding="utf-8")
    with pytest.raises(DataRootError) as raised:
        find_roots([listing], {}, tmp_path)
    assert raised.value.key == key


def test_a_roots_file_that_is_not_text_is_refused(tmp_path: Path) -> None:
    listing = tmp_path / "roots.txt"
    listing.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(DataRootError) as raised:
        find_roots([listing], {}, tmp_path)
    assert raised.value.key == "error.roots_file_unreadable"


def _link_to_a_list(tmp_path: Path) -> Path:
    (tmp_path / "real.txt").write_text(".\n", encoding="utf-8")
    (tmp_path / "roots.txt").symlink_to(tmp_path / "real.txt")
    return tmp_path / "roots.txt"


def _dangling_link(tmp_path: Path) -> Path:
    (tmp_path / "roots.txt").symlink_to(tmp_path / "nowhere.txt")
    return tmp_path / "roots.txt"


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "roots.txt")
    return tmp_path / "roots.txt"


def _huge(tmp_path: Path) -> Path:
    (tmp_path / "roots.txt").write_bytes(b"# x\n" * 2_000_000)
    return tmp_path / "roots.txt"


@pytest.mark.parametrize(
    ("make", "key"),
    [
        (_link_to_a_list, "error.roots_file_symlink"),
        (_dangling_link, "error.roots_file_symlink"),
        (_fifo, "error.roots_file_not_a_file"),  # never blocks waiting for a writer
        (_huge, "error.roots_file_too_large"),
        (lambda tmp_path: tmp_path / "missing.txt", "error.root_missing"),
        (lambda tmp_path: tmp_path, "error.root_not_data"),  # a folder without data
    ],
)
def test_a_root_that_cannot_be_a_list_says_why(
    tmp_path: Path, make: Callable[[Path], Path], key: str
) -> None:
    with pytest.raises(DataRootError) as raised:
        find_roots([make(tmp_path)], {}, tmp_path)
    assert raised.value.key == key


def test_a_root_that_is_not_data_says_what_each_way_of_giving_roots_takes(
    tmp_path: Path,
) -> None:
    with pytest.raises(DataRootError) as option:
        find_roots([tmp_path / "missing"], {}, tmp_path)
    assert "file listing such folders" in (option.value.hint_text("en") or "")
    with pytest.raises(DataRootError) as env:  # KIEUMAU_ROOT takes folders, never a list
        find_roots(None, {"KIEUMAU_ROOT": str(tmp_path)}, tmp_path)
    assert env.value.key == "error.root_not_data"
    assert f"separated by '{os.pathsep}'" in (env.value.hint_text("en") or "")


def test_the_wards_of_every_root_are_read_as_one(two_roots: tuple[Path, Path]) -> None:
    first, second = two_roots
    repository = _repository(first, second)
    assert repository.provinces() == ["thai-nguyen", "thanh-hoa"]
    assert sorted(repository.ward_keys()) == [
        "thai-nguyen/phuong-duc-xuan",
        "thanh-hoa/phuong-dong-son",
    ]
    path = repository.resolve_ward("phuong-duc-xuan")
    assert path == second / "wards" / "thai-nguyen" / "phuong-duc-xuan.yaml"
    assert repository.root_of(path).path == second
    assert repository.open_ward(path).usable
    assert repository.programme_path() == first / "programme.yaml"
    assert repository.findings() == []


def test_a_ward_key_in_two_roots_refuses_both_files(two_roots: tuple[Path, Path]) -> None:
    first, second = two_roots
    twin = second / "wards" / "thanh-hoa" / "phuong-dong-son.yaml"
    twin.parent.mkdir()
    twin.write_bytes((first / "wards" / "thanh-hoa" / "phuong-dong-son.yaml").read_bytes())
    repository = _repository(first, second)
    for path in (first / "wards" / "thanh-hoa" / "phuong-dong-son.yaml", twin):
        load = repository.open_ward(path)
        assert load.problem == "invalid"
        found = [d for d in load.diagnostics if d.code == "duplicate-ward-key"]
        both = [  # relative to the working directory
            "thanh-hoa-data/wards/thanh-hoa/phuong-dong-son.yaml",
            "thai-nguyen-data/wards/thanh-hoa/phuong-dong-son.yaml",
        ]
        assert sorted(d.path for d in found) == sorted(both)  # each file, whichever is asked
        assert {d.params["files"] for d in found} == {", ".join(both)}
    assert repository.ward_findings() == []  # reported with the ward, not twice


def test_a_set_copy_that_only_differs_in_comments_is_the_same_set(
    two_roots: tuple[Path, Path],
) -> None:
    first, second = two_roots
    copy = second / "criteria" / "thanh-hoa-antt-cds" / "2026.yaml"
    copy.write_text("# bản của tỉnh\n" + copy.read_text(encoding="utf-8"), encoding="utf-8")
    repository = _repository(first, second)
    loaded = repository.criteria_set("thanh-hoa-antt-cds@2026")
    assert loaded is not None and loaded.ok
    assert repository.open_ward(repository.resolve_ward("phuong-dong-son")).usable


def test_a_set_copy_that_says_something_else_refuses_both(two_roots: tuple[Path, Path]) -> None:
    first, second = two_roots
    copy = second / "criteria" / "thanh-hoa-antt-cds" / "2026.yaml"
    text = copy.read_text(encoding="utf-8")
    assert "\nissuer:" in text
    copy.write_text(text.replace("\nissuer:", "\nissuer: Sửa riêng\nx_issuer:", 1), "utf-8")
    repository = _repository(first, second)
    loaded = repository.criteria_set("thanh-hoa-antt-cds@2026")
    assert loaded is not None and not loaded.ok
    conflicts = [d for d in loaded.diagnostics if d.code == "conflicting-set"]
    assert len(conflicts) == 2
    assert {d.path for d in conflicts} == {
        "thanh-hoa-data/criteria/thanh-hoa-antt-cds/2026.yaml",
        "thai-nguyen-data/criteria/thanh-hoa-antt-cds/2026.yaml",
    }
    ward = repository.open_ward(repository.resolve_ward("phuong-dong-son"))
    assert ward.problem == "unknown-set"
    assert any(d.code == "conflicting-set" for d in ward.diagnostics)


def test_one_root_reads_as_before(two_roots: tuple[Path, Path]) -> None:
    first, _ = two_roots
    repository = Repository(DataRoot(first, "option"), first)
    assert repository.roots == (repository.root,)
    assert repository.root.name == first.name
