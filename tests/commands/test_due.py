"""`kieumau due` end to end: goldens, exit codes, scope, filters, where output may go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD, REPO
from tests.support.golden import golden_run

# Thanh Hóa on 02/07/2026: two tasks overdue (one due on a Sunday), the rest later.
DUE_GOLDENS = [
    ("due-thanh-hoa.vi.txt", []),
    ("due-thanh-hoa.vi.md", ["--format", "md"]),
    ("due-thanh-hoa.json", ["--format", "json"]),
    ("due-thanh-hoa.en.md", ["--format", "md", "--lang", "en"]),
]


@pytest.mark.parametrize(("name", "args"), DUE_GOLDENS, ids=[case[0] for case in DUE_GOLDENS])
def test_due_golden(
    name: str,
    args: list[str],
    invoke: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-07-02")
    golden_run(invoke, request, name, "due", "--province", "thanh-hoa", "--within", "30", *args)


def _json(invoke: Invoke, root: Path, *args: str) -> dict[str, object]:
    result = invoke("--root", str(root), "due", "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    payload: dict[str, object] = json.loads(result.stdout)
    return payload


def test_due_lists_open_criteria_by_owner(invoke: Invoke, example_root: Path) -> None:
    payload = _json(invoke, example_root, "phuong-mau", "--within", "60")
    owners = payload["owners"]
    assert isinstance(owners, list)
    assert [(o["owner"], [t["criterion"] for t in o["tasks"]]) for o in owners] == [
        ("Tổ tiếp dân", ["C03"]),  # 31/03, within 60 days of 20/02
        ("Trưởng Công an phường", []),  # C04 is due 30/06: counted as later
    ]
    assert owners[1]["later"] == 1
    assert payload["scope"] == "Phường Mẫu"


def test_fail_on_overdue_exits_1_only_when_something_is_overdue(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert invoke("--root", str(example_root), "due", "--fail-on-overdue").exit_code == 0
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-04-01")
    late = invoke("--root", str(example_root), "due", "-f", "md", "--fail-on-overdue")
    assert late.exit_code == 1
    assert "quá hạn 1 ngày (1 ngày làm việc)" in late.stdout
    assert invoke("--root", str(example_root), "due").exit_code == 0  # reported, not failed


def test_owner_filter_is_loose(invoke: Invoke, example_root: Path) -> None:
    payload = _json(invoke, example_root, "--owner", "TRUONG cong AN", "--within", "365")
    owners = payload["owners"]
    assert isinstance(owners, list)
    assert [o["owner"] for o in owners] == ["Trưởng Công an phường"]
    assert payload["owner_filter"] == "TRUONG cong AN"


def test_a_broken_ward_is_reported_and_the_others_listed(
    invoke: Invoke, example_root: Path
) -> None:
    (example_root / "wards/tinh-mau/phuong-hong.yaml").write_text("province: [\n", encoding="utf-8")
    result = invoke("--root", str(example_root), "due", "-f", "json", "--within", "60")
    assert result.exit_code == 1
    assert "phuong-hong.yaml:2:1: error[yaml-syntax]" in result.stderr
    assert json.loads(result.stdout)["stations"] == ["tinh-mau/phuong-mau"]
    named = invoke("--root", str(example_root), "due", "phuong-hong")
    assert named.exit_code == 1
    assert "error[yaml-syntax]" in named.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["phuong-mau", "--province", "tinh-mau"], "chỉ ghi một trong hai"),
        (["--within", "-1"], "--within -1: cần số ngày từ 0 đến 3660"),
        (["--format", "ics"], "--format ics"),
        (["--format", "ics", "--base-url", "javascript:x", "-o", "x.ics"], "--base-url"),
        (["--format", "ics", "--base-url", "https://e.org/\x1b[2J", "-o", "x.ics"], "--base-url"),
        (["--province", "khac"], "không có đơn vị nào ở tỉnh 'khac'"),
    ],
)
def test_usage_errors_exit_2(
    invoke: Invoke, example_root: Path, args: list[str], message: str
) -> None:
    result = invoke("--root", str(example_root), "due", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_output_is_refused_inside_the_data_folders(invoke: Invoke, example_root: Path) -> None:
    target = example_root / EXAMPLE_WARD.parent / "due.md"
    result = invoke("--root", str(example_root), "due", "-f", "md", "-o", str(target))
    assert result.exit_code == 2
    assert not target.exists()


def test_ics_goes_to_a_file_with_links(invoke: Invoke, example_root: Path, tmp_path: Path) -> None:
    from icalendar import Calendar

    target = tmp_path / "due.ics"
    args = ("due", "-f", "ics", "-o", str(target), "--base-url", "https://example.org/kieumau")
    result = invoke("--root", str(example_root), *args)
    assert result.exit_code == 0, result.stderr
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(event["uid"]) for event in events] == [
        "tinh-mau/phuong-mau/C03@kieumau",
        "tinh-mau/phuong-mau/C04@kieumau",  # after the window: a calendar holds it all
    ]
    assert str(events[0]["url"]) == (
        "https://example.org/kieumau/station/tinh-mau/phuong-mau/index.html"
    )


def test_nothing_open_says_so(invoke: Invoke, example_root: Path) -> None:
    nobody = invoke("--root", str(example_root), "due", "--owner", "không ai")
    assert (nobody.exit_code, nobody.stdout.splitlines()[-1]) == (
        0,
        "Không có việc nào đang mở của người phụ trách này.",
    )
    md = invoke("--root", str(example_root), "due", "-f", "md", "--owner", "x", "--lang", "en")
    assert "Nothing is open for this owner." in md.stdout


def test_due_dates_at_the_calendar_s_edge_reach_every_output(tmp_path: Path) -> None:
    """A due date of 31/12/9999 (which the schema accepts) in every open criterion: the
    calendar and the site are written, with no internal error."""
    import re

    from tests.support.cli import invoke_on
    from tests.support.data import copy_shipped

    root = copy_shipped(tmp_path / "data")
    ward = root / "wards/thanh-hoa/phuong-dong-son.yaml"
    text = re.sub(r"due: \d{4}-\d\d-\d\d", "due: 9999-12-31", ward.read_text(encoding="utf-8"))
    ward.write_text(text, encoding="utf-8")
    done = invoke_on(root, "due", "--format", "ics", "-o", str(tmp_path / "due.ics"))
    assert done.exit_code == 0, done.stderr
    assert b"DTSTART;VALUE=DATE:99991231" in (tmp_path / "due.ics").read_bytes()
    site = invoke_on(root, "site", "-o", str(tmp_path / "site"), "--no-git")
    assert site.exit_code in (0, 1) and "lỗi nội bộ" not in site.stderr, site.stderr
