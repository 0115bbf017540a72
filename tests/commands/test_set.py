"""`kieumau set` end to end: what a user types, what lands in the file."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD as MAU
from tests.support.data import copy_shipped
from tests.support.editing import changed_lines, check_is_clean, leftovers, someone_writes_during


def test_set_changes_status_and_appends_history_in_one_write(
    run_example: Invoke, invoke: Invoke, example_root: Path
) -> None:
    path = example_root / MAU
    before = path.read_text(encoding="utf-8")
    result = run_example(
        "set", "phuong-mau", "C03", "met", "--note", "Đủ máy tính", "--by", "Tổ tiếp dân"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Đã ghi wards/tinh-mau/phuong-mau.yaml.",
        "  C03: Đang thực hiện → Đạt",
        "  C03: cập nhật ghi chú",
        "Kết quả: 3/4 tiêu chí đạt (75%)",
    ]
    assert changed_lines(before, path.read_text(encoding="utf-8")) == [
        "-    status: in_progress",
        "+    status: met",
        '-    note: "Kiến nghị: bổ sung máy tính | cần gấp"',
        "+    updated: 2026-02-20",
        '+    note: "Đủ máy tính"',
        "+  - {date: 2026-02-20, criterion: C03, from: in_progress, to: met, note: Đủ máy tính, "
        "by: Tổ tiếp dân}",
    ]
    check_is_clean(invoke, example_root, path)


def test_set_several_criteria_and_fields_only(
    run_example: Invoke, invoke: Invoke, example_root: Path
) -> None:
    path = example_root / MAU
    before = path.read_text(encoding="utf-8")
    result = run_example(
        "set", "tinh-mau/phuong-mau", "C03,c4", "-", "--owner", "Tổ Tổng hợp",
        "--due", "2026-04-30", "--evidence", "Sổ tiếp nhận tin báo=https://x.vn/a?b=c",
        "--reading", "97,5", "--date", "2026-02-19",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "  C04: cập nhật người phụ trách, hạn, minh chứng, số liệu" in result.stdout
    after = path.read_text(encoding="utf-8")
    assert "history" not in "".join(changed_lines(before, after))  # no status change, no entry
    assert after.count("owner: Tổ Tổng hợp") == 2 and after.count("due: 2026-04-30") == 2
    assert '      - title: Sổ tiếp nhận tin báo\n        ref: "https://x.vn/a?b=c"\n' in after
    assert "      - value: 97.5\n        date: 2026-02-19\n" in after
    check_is_clean(invoke, example_root, path)
    # "" clears a field
    cleared = run_example("set", "phuong-mau", "C04", "--due", "")
    assert cleared.exit_code == 0
    assert path.read_text(encoding="utf-8").count("due: 2026-04-30") == 1


def test_set_that_changes_nothing_does_not_touch_the_file(
    run_example: Invoke, example_root: Path
) -> None:
    path = example_root / MAU
    raw, stat = path.read_bytes(), path.stat()
    for args in (
        ["C02", "met"],
        ["C01", "--owner", "Đội trưởng"],
        ["C01", "--evidence", "Nghị quyết số 01-NQ/ĐU=01-NQ/ĐU"],
        ["C03", "in_progress", "--reading", "92.5", "--date", "2026-02-01"],
    ):
        result = run_example("set", "phuong-mau", *args)
        assert (result.exit_code, result.stdout) == (0, "Không có gì thay đổi; tệp giữ nguyên.\n")
    assert path.read_bytes() == raw
    assert path.stat().st_mtime_ns == stat.st_mtime_ns
    assert path.stat().st_ino == stat.st_ino


def test_set_on_dong_son_keeps_every_comment_quote_and_blank_line(
    invoke: Invoke, tmp_path: Path
) -> None:
    root = copy_shipped(tmp_path / "shipped", "thanh-hoa/phuong-dong-son")
    path = root / "wards" / "thanh-hoa" / "phuong-dong-son.yaml"
    before = path.read_text(encoding="utf-8")
    result = invoke(
        "--root", str(root), "set", "phuong-dong-son", "C08", "met",
        "--evidence", "Biên bản bàn giao thiết bị", "--by", "Tổ Tổng hợp",
        "--note", "Đã có thiết bị",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > 10
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == comments
    assert changed_lines(before, after) == [
        "-    status: in_progress",
        "+    status: met",
        "-    updated: 2026-01-12",
        '-    note: "Kiến nghị: Công an tỉnh xem xét bổ sung thiết bị công nghệ thông tin cho bộ '
        'phận tiếp nhận thủ tục hành chính."',
        "+    updated: 2026-02-20",
        '+    note: "Đã có thiết bị"',
        "+    evidence:",
        '+      - title: "Biên bản bàn giao thiết bị"',
        "+        date: 2026-02-20",
        "+  - date: 2026-02-20",
        "+    criterion: C08",
        "+    from: in_progress",
        "+    to: met",
        '+    note: "Đã có thiết bị"',
        '+    by: "Tổ Tổng hợp"',
    ]
    check_is_clean(invoke, root, path)
    status = invoke("--root", str(root), "status", "phuong-dong-son", "--format", "json")
    assert '"met": 12' in status.stdout


W = f"{MAU.as_posix()}:"  # positions refer to the edited content
STATUSES = (
    "(met, not_met, in_progress, not_applicable, unknown; "
    "đạt, chưa đạt, đang thực hiện, không áp dụng, chưa đánh giá)"
)
IN_THE_FUTURE = "error[history-future]: ngày 01/03/2026 nằm trong tương lai (hôm nay 20/02/2026)"
BAD_DATE = (
    "ngày 30/02/2026 không có (tháng 2 có 28 ngày); ghi ngày dạng yyyy-mm-dd, ví dụ 2026-02-11"
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["CO1", "met"],
            [
                f"{W}49:3: error[unknown-criterion]: tiêu chí 'CO1' không có trong bộ bo-mau@1; "
                "có phải ý bạn là 'C01'?",
                f"{W}56:35: error[history-unknown-criterion]: lịch sử nhắc tới tiêu chí không có "
                "'CO1'; có phải ý bạn là 'C01'?",
            ],
        ),
        (
            ["C03", "mett"],
            [
                f"{W}38:13: error[not-allowed]: 'status.C03.status': 'mett' không phải giá trị "
                f"cho phép {STATUSES}; có phải ý bạn là 'met'?",
                f"{W}54:63: error[not-allowed]: 'history.3.to': 'mett' không phải giá trị "
                f"cho phép {STATUSES}; có phải ý bạn là 'met'?",
            ],
        ),
        (["C04", "met", "--date", "2026-03-01"], [f"{W}54:12: {IN_THE_FUTURE}"]),
        (["C04", "--note", "x", "--date", "2026-03-01"], [f"{W}49:14: {IN_THE_FUTURE}"]),
        (
            ["C04", "met", "--date", "2026-02-30"],
            [
                f"{W}49:14: error[invalid-date]: {BAD_DATE}",
                f"{W}54:12: error[invalid-date]: {BAD_DATE}",
            ],
        ),
        (
            ["C04", "met", "--date", "2026-02-01"],
            [
                f"{W}17:5: error[reported-mismatch]: báo cáo ngày 11/02/2026 ghi 2/4 nhưng tính "
                "từ lịch sử được 3/4",
                f"{W}54:12: error[history-order]: lịch sử không theo thứ tự ngày: 01/02/2026 "
                "đứng sau 10/02/2026",
            ],
        ),
        (
            ["C04", "not_applicable"],
            [
                f"{W}45:3: error[needs-reason]: tiêu chí 'C04' không áp dụng nhưng chưa ghi lý "
                "do; thêm 'reason:'"
            ],
        ),
        (
            ["C04", "--reading", "nhiều"],
            [
                f"{W}51:16: error[wrong-type]: 'status.C04.readings.0.value': sai kiểu dữ liệu: "
                "'nhiều', cần một số (viết thẳng, không trong dấu ngoặc kép, không phải true/false)"
            ],
        ),
    ],
)
def test_set_refuses_invalid_input_with_checks_diagnostics(
    run_example: Invoke, example_root: Path, args: list[str], expected: list[str]
) -> None:
    raw = (example_root / MAU).read_bytes()
    result = run_example("set", "phuong-mau", *args)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "error[" in line]
    assert lines == expected
    assert "không ghi gì" in result.stderr
    assert (example_root / MAU).read_bytes() == raw
    assert leftovers(example_root / MAU.parent) == []


def test_set_with_a_reason_is_accepted(run_example: Invoke, example_root: Path) -> None:
    result = run_example("set", "phuong-mau", "C04", "không-áp-dụng", "--reason", "Trụ sở chung")
    assert result.exit_code == 0, result.stderr
    assert "    reason: Trụ sở chung\n" in (example_root / MAU).read_text(encoding="utf-8")


def test_set_refuses_a_file_check_refuses_with_the_same_lines(
    run_example: Invoke, example_root: Path
) -> None:
    path = example_root / MAU
    path.write_text(
        path.read_text(encoding="utf-8").replace("    owner: Đội trưởng", "    ownr: Đội trưởng"),
        encoding="utf-8",
    )
    raw = path.read_bytes()
    check = run_example("check", str(path))
    result = run_example("set", "phuong-mau", "C02", "in_progress")
    assert result.exit_code == 1
    assert check.stdout and check.stdout.splitlines()[0] in result.stderr.splitlines()
    assert "error[unknown-key]: khóa không hợp lệ 'ownr'; có phải ý bạn là 'owner'?" in check.stdout
    assert path.read_bytes() == raw


def test_set_refuses_when_someone_else_wrote_meanwhile(
    run_example: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = example_root / MAU
    theirs = someone_writes_during(monkeypatch, path)
    result = run_example("set", "phuong-mau", "C04", "in_progress")
    assert result.exit_code == 1
    assert "đã bị thay đổi trên đĩa" in result.stderr and "không ghi gì" in result.stderr
    assert path.read_text(encoding="utf-8") == theirs
    assert leftovers(path.parent) == []


def test_an_interrupted_write_leaves_the_file_intact(
    run_example: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = example_root / MAU
    raw = path.read_bytes()

    def power_cut(_descriptor: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr("kieumau_cli.edit.atomic.os.fsync", power_cut)
    result = run_example("set", "phuong-mau", "C04", "in_progress")
    assert result.exit_code == 2
    assert "không ghi được phuong-mau.yaml: Input/output error; tệp gốc giữ nguyên" in result.stderr
    assert path.read_bytes() == raw
    assert leftovers(path.parent) == []


def test_crlf_bom_and_nfd_files(run_example: Invoke, invoke: Invoke, example_root: Path) -> None:
    path = example_root / MAU
    nfd = unicodedata.normalize("NFD", path.read_text(encoding="utf-8"))
    path.write_bytes(b"\xef\xbb\xbf" + nfd.replace("\n", "\r\n").encode("utf-8"))
    raw = path.read_bytes()
    assert run_example("set", "phuong-mau", "C01", "--owner", "Đội trưởng").stdout.startswith(
        "Không"
    )
    assert path.read_bytes() == raw  # a no-op leaves even an NFD file as it is

    note = unicodedata.normalize("NFD", "Đã bổ sung")
    result = run_example("set", "phuong-mau", "C04", "in_progress", "--note", note)
    assert result.exit_code == 0, result.stderr
    written = path.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    body = written[3:]
    assert body.count(b"\r\n") == body.count(b"\n")  # every line still ends in CRLF
    assert unicodedata.is_normalized("NFC", body.decode("utf-8"))
    assert "note: Đã bổ sung" in body.decode("utf-8")
    check_is_clean(invoke, example_root, path)


def test_set_usage_errors(run_example: Invoke) -> None:
    nothing = run_example("set", "phuong-mau", "C01")
    assert nothing.exit_code == 2 and "không có gì để đổi" in nothing.stderr
    missing = run_example("set", "phuong-mauu", "C01", "met")
    assert missing.exit_code == 2 and "có phải: tinh-mau/phuong-mau?" in missing.stderr


def test_set_in_english(run_example: Invoke) -> None:
    result = run_example("set", "phuong-mau", "C04", "in_progress", "--lang", "en")
    assert result.stdout.splitlines() == [
        "Wrote wards/tinh-mau/phuong-mau.yaml.",
        "  C04: Not met → In progress",
        "Score: 2/4 criteria met (50%)",
    ]


def test_the_bundled_data_is_never_edited(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no data root here: commands fall back to the bundled data
    result = invoke("set", "phuong-dong-son", "C08", "met")
    assert result.exit_code == 2
    assert "không sửa dữ liệu mẫu đi kèm" in result.stderr


def test_a_criterion_missing_from_status_is_added_in_set_order(
    run_example: Invoke, example_root: Path
) -> None:
    path = example_root / MAU
    text = path.read_text(encoding="utf-8")
    for first, last in (("  C02:\n", "  C03:\n"), ("reported:\n", "status:\n")):
        text = text[: text.index(first)] + text[text.index(last) :]
    kept = [line for line in text.splitlines(keepends=True) if "criterion: C02" not in line]
    path.write_text("".join(kept), encoding="utf-8")
    result = run_example("set", "phuong-mau", "C02", "in_progress", "--owner", "Tổ A")
    assert result.exit_code == 0, result.stderr
    assert "  C02: Chưa đánh giá → Đang thực hiện" in result.stdout
    after = path.read_text(encoding="utf-8")
    assert after.index("  C01:") < after.index("  C02:") < after.index("  C03:")
    assert "  C02:\n    status: in_progress\n    owner: Tổ A\n    updated: 2026-02-20\n" in after


def _long_history(path: Path, entries: int) -> None:
    """`entries` more C01 history entries before the file's own, all dated 2025: C01
    goes back and forth and ends not_met, where the file's first C01 entry starts."""
    import datetime as dt

    text = path.read_text(encoding="utf-8")
    lines = []
    for n in range(entries):
        old, new = ("not_met", "met") if n % 2 == 0 else ("met", "not_met")
        day = dt.date(2025, 1, 1) + dt.timedelta(days=n // 20)
        lines.append(f"  - {{date: {day}, criterion: C01, from: {old}, to: {new}, by: Tổ {n}}}\n")
    if entries % 2:
        lines.append(f"  - {{date: {day}, criterion: C01, from: met, to: not_met}}\n")
    path.write_text(text.replace("history:\n", "history:\n" + "".join(lines)), encoding="utf-8")


@pytest.mark.parametrize("args", [["C03", "met", "--note", "xong"], ["C01", "--owner", "Tổ B"]])
def test_set_on_a_long_history_writes_what_a_full_parse_writes(
    run_example: Invoke,
    invoke: Invoke,
    example_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    from kieumau_cli.edit import tree

    path = example_root / MAU
    _long_history(path, 300)
    before = path.read_bytes()
    assert run_example("set", "phuong-mau", *args).exit_code == 0
    fast = path.read_bytes()
    path.write_bytes(before)
    monkeypatch.setattr(tree, "KEEP_FROM", 10**9)  # the whole history through ruamel
    assert run_example("set", "phuong-mau", *args).exit_code == 0
    assert path.read_bytes() == fast != before
    check_is_clean(invoke, example_root, path)


def test_an_edit_that_would_rewrite_history_is_refused_as_a_bug(
    run_example: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kieumau_cli.edit.tree import Tree

    path = example_root / MAU
    before = path.read_bytes()
    dump = Tree.dump

    def drops_the_first_entry(self: Tree) -> str:
        lines = dump(self).split("\n")
        first = next(i for i, line in enumerate(lines) if line.startswith("  - {date:"))
        return "\n".join(lines[:first] + lines[first + 1 :])

    monkeypatch.setattr(Tree, "dump", drops_the_first_entry)
    result = run_example("set", "phuong-mau", "C03", "met")
    assert result.exit_code == 3
    assert "lần sửa này sẽ làm thay đổi lịch sử đã có" in result.stderr
    assert path.read_bytes() == before
