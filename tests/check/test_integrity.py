"""A record that cannot be shadowed or read from outside the root (issue: integrity).

Every case here passed `check` before: a twin file that shadows a ward, links that read
files outside the data root (or loop), YAML files left where nothing reads them, temp
files from killed writes, data in a subfolder judged against the bundled example, control
characters and absurd numbers that crashed documents later."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.support.cli import Invoke, invoke
from tests.support.data import EXAMPLE_SET, EXAMPLE_WARD, copy_example

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links and FIFOs")


def _check(root: Path, *args: str) -> tuple[int, list[str]]:
    result = invoke("--root", str(root), "check", *args)
    return result.exit_code, result.stdout.splitlines()


def _codes(lines: list[str]) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in lines]


# --- twins: two files for one key -----------------------------------------------------


def test_a_ward_twin_is_an_error_naming_both_files(example_root: Path) -> None:
    twin = example_root / EXAMPLE_WARD.with_suffix(".yml")
    shutil.copy(example_root / EXAMPLE_WARD, twin)
    code, lines = _check(example_root)
    assert code == 1
    duplicate = [line for line in lines if "duplicate-file" in line]
    assert len(duplicate) == 2
    for line in duplicate:
        assert "phuong-mau.yaml, phuong-mau.yml" in line
    # Every command refuses the key, whichever file a lookup would have found.
    status = invoke("--root", str(example_root), "status", "phuong-mau")
    assert status.exit_code == 1 and "duplicate-file" in status.stderr
    listed = invoke("--root", str(example_root), "list", "-f", "json")
    assert listed.exit_code == 1 and '"problem": "invalid"' in listed.stdout


def test_a_twin_given_as_a_path_is_checked_with_its_partner(example_root: Path) -> None:
    """pre-commit and --changed hand over only the new file: its twin comes along."""
    twin = example_root / EXAMPLE_WARD.with_suffix(".yml")
    shutil.copy(example_root / EXAMPLE_WARD, twin)
    code, lines = _check(example_root, str(twin))
    assert code == 1
    assert _codes(lines) == ["duplicate-file", "duplicate-file"]


def test_a_criteria_set_twin_breaks_every_ward_pinning_it(example_root: Path) -> None:
    shutil.copy(example_root / EXAMPLE_SET, example_root / EXAMPLE_SET.with_suffix(".yml"))
    code, lines = _check(example_root)
    assert code == 1
    assert _codes(lines).count("duplicate-file") == 2
    status = invoke("--root", str(example_root), "status", "phuong-mau")
    assert status.exit_code == 1


# --- links are never followed -----------------------------------------------------------


@POSIX
def test_a_link_to_a_file_outside_the_root_is_reported_never_read(
    example_root: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\nroot: x\n", encoding="utf-8")
    (example_root / "wards" / "tinh-mau" / "phuong-lo.yaml").symlink_to(secret)
    code, lines = _check(example_root)
    assert code == 1
    assert _codes(lines) == ["symlink"]
    assert "hunter2" not in "\n".join(lines) and "password" not in "\n".join(lines)


@POSIX
@pytest.mark.parametrize("command", ["check", "list", "summary"])
def test_a_link_loop_is_a_finding_never_a_crash(example_root: Path, command: str) -> None:
    loop = example_root / "wards" / "tinh-mau" / "vong.yaml"
    loop.symlink_to(loop)
    (example_root / "wards" / "vong-tinh").symlink_to(example_root / "wards")
    result = invoke("--root", str(example_root), command)
    assert result.exit_code == 1
    assert "lỗi nội bộ" not in result.stderr


@POSIX
def test_site_refuses_nothing_but_reports_the_loop(example_root: Path, tmp_path: Path) -> None:
    (example_root / "wards" / "tinh-mau" / "vong.yaml").symlink_to("vong.yaml")
    result = invoke("--root", str(example_root), "site", "-o", str(tmp_path / "site"))
    assert result.exit_code == 1
    assert "symlink" in result.stderr and "lỗi nội bộ" not in result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


@POSIX
def test_set_on_a_linked_ward_refuses_and_keeps_the_link(
    example_root: Path, tmp_path: Path
) -> None:
    real = tmp_path / "elsewhere.yaml"
    ward = example_root / EXAMPLE_WARD
    shutil.move(ward, real)
    ward.symlink_to(real)
    before = real.read_bytes()
    result = invoke("--root", str(example_root), "set", "phuong-mau", "C04", "met")
    assert result.exit_code == 1
    assert "symlink" in result.stderr
    assert ward.is_symlink() and real.read_bytes() == before


@POSIX
def test_a_link_given_as_a_path_is_reported(example_root: Path) -> None:
    link = example_root / "link.yaml"
    link.symlink_to(example_root / EXAMPLE_WARD)
    code, lines = _check(example_root, str(link))
    assert (code, _codes(lines)) == (1, ["symlink"])


# --- files nothing reads ------------------------------------------------------------------


@pytest.mark.parametrize(
    "stray",
    [
        "wards/x.yaml",
        "wards/tinh-mau/sub/deep.yaml",
        "wards/tinh-mau/UPPER.YAML",
        "wards/tinh-mau/Phuong-Hoa.yaml",
        "wards/.hidden/h.yaml",
        "criteria/x.yml",
        "criteria/bo-mau/old/1.yaml",
    ],
)
def test_a_stray_yaml_file_is_a_warning(example_root: Path, stray: str) -> None:
    path = example_root / stray
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("province: x\n", encoding="utf-8")
    code, lines = _check(example_root)
    assert code == 0
    assert [line.split(":", 1)[0] for line in lines] == [str(path)]
    assert _codes(lines) == ["stray-file"]
    assert _check(example_root, "--strict")[0] == 1


def test_files_that_are_not_data_are_left_alone(example_root: Path) -> None:
    (example_root / "wards" / "README.md").write_text("# đọc tôi\n", encoding="utf-8")
    (example_root / "wards" / "tinh-mau" / ".gitkeep").write_text("", encoding="utf-8")
    (example_root / "wards" / "tinh-mau" / ".phuong-mau.yaml.lock").write_text("", "utf-8")
    assert _check(example_root) == (0, [])


def test_a_leftover_temp_file_is_a_warning(example_root: Path) -> None:
    temp = example_root / "wards" / "tinh-mau" / ".phuong-mau.yaml.k3j2x9.tmp"
    temp.write_text("province: tinh-mau\n", encoding="utf-8")
    code, lines = _check(example_root)
    assert (code, _codes(lines)) == (0, ["stale-temp"])
    assert "phuong-mau.yaml" in lines[0]


@POSIX
def test_a_fifo_never_hangs_check(example_root: Path) -> None:
    fifo = example_root / "wards" / "tinh-mau" / "phuong-fifo.yaml"
    os.mkfifo(fifo)
    code, lines = _check(example_root)
    assert (code, _codes(lines)) == (1, ["not-a-file"])


@POSIX
def test_reading_is_bounded(tmp_path: Path) -> None:
    """`check /dev/zero` reads at most the size limit plus one byte, then refuses."""
    result = invoke("check", "/dev/zero")
    assert result.exit_code == 1
    assert "not-a-file" in result.stdout


# --- which data root -----------------------------------------------------------------------


def test_data_in_a_subfolder_is_judged_by_its_own_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the repository's top, `check data/wards/…` finds data/ — never the bundled
    example criteria, which would judge the ward against sets it does not pin."""
    data = copy_example(tmp_path / "repo" / "data")
    ward = data / EXAMPLE_WARD
    ward.write_text(
        ward.read_text("utf-8").replace("criteria: bo-mau@1", "criteria: khong-co@1"), "utf-8"
    )
    monkeypatch.chdir(tmp_path / "repo")
    result = invoke("check", "data/wards/tinh-mau/phuong-mau.yaml")
    assert result.exit_code == 1
    assert "error[unknown-set]" in result.stdout
    assert "bo-mau@1" in result.stdout  # the sets of data/, not the bundled ones
    assert "dữ liệu mẫu" not in result.stderr


def test_a_file_outside_every_data_root_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_example(tmp_path / "root")
    alone = tmp_path / "alone.yaml"
    shutil.copy(tmp_path / "root" / EXAMPLE_WARD, alone)
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "alone.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "alone.yaml:1:1: error[outside-root]: tệp không nằm trong thư mục dữ liệu nào (có "
        "criteria/ và wards/); chỉ kiểm tra được cú pháp và lược đồ, không kiểm tra được quy "
        "tắc liên tệp; đặt tệp vào wards/<tỉnh>/ hoặc criteria/<bộ>/ của một thư mục dữ liệu, "
        "hoặc dùng --root"
    ]


def test_paths_in_two_data_roots_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = copy_example(tmp_path / "one"), copy_example(tmp_path / "two")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", str(one / EXAMPLE_WARD), str(two / EXAMPLE_WARD))
    assert result.exit_code == 2
    assert "nhiều thư mục dữ liệu" in result.stderr


# --- text that is not text -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code", "codepoint"),
    [
        ("note: a\x0bb\n", "control-character", "U+000B"),
        ('note: "a\\x0bb"\n', "control-character", "U+000B"),
        ('note: "tab\\x1b]52;c;aGk=\\x07"\n', "control-character", "U+001B"),
        ("note: \u202eevil\n", "bidi-control", "U+202E"),
        ('note: "\\u2066x"\n', "bidi-control", "U+2066"),
        ('note: "nul\\0"\n', "control-character", "U+0000"),
        ("note: a\x85b\n", "control-character", "U+0085"),
        ("note: a\ufffeb\n", "control-character", "U+FFFE"),
    ],
)
def test_control_characters_are_refused_where_they_are(
    invoke: Invoke, example_root: Path, raw: str, code: str, codepoint: str
) -> None:
    ward = example_root / EXAMPLE_WARD
    text = ward.read_text("utf-8")
    ward.write_text(text + raw, encoding="utf-8")
    result = invoke("--root", str(example_root), "check")
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert f"error[{code}]" in line and codepoint in line
    assert int(line.split(":")[1]) == text.count("\n") + 1  # the line it is on
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_a_control_character_in_a_key_is_refused(invoke: Invoke, example_root: Path) -> None:
    ward = example_root / EXAMPLE_WARD
    ward.write_text(ward.read_text("utf-8") + '"bad\\x1bkey": 1\n', encoding="utf-8")
    result = invoke("--root", str(example_root), "check")
    assert result.exit_code == 1
    assert "error[control-character]" in result.stdout and "\x1b" not in result.stdout


def test_a_huge_integer_is_a_positioned_finding(invoke: Invoke, example_root: Path) -> None:
    ward = example_root / EXAMPLE_WARD
    ward.write_text(ward.read_text("utf-8") + "extra: " + "9" * 5000 + "\n", encoding="utf-8")
    result = invoke("--root", str(example_root), "check")
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert "error[number-too-large]" in line and "(5000 chữ số)" in line
