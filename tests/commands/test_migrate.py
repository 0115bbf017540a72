"""`kieumau migrate`: version chains, the diff, and real shipped wards (the status rule
itself: tests/edit/test_migrate.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kieumau_cli.edit.tree import unified_diff
from tests.support.cli import Invoke
from tests.support.data import copy_shipped
from tests.support.editing import check_is_clean, someone_writes_during

SET_2 = """\
# Test fixture: version 2 of the tiny set. Not real data.
id: bo-mau
version: "2"
title: {vi: "Bộ tiêu chí mẫu, bản 2"}
issuer: Nhóm phát triển kieumau
applies_to: [phuong]
supersedes: bo-mau@1
pass_rule: {kind: all}
provenance: {kind: illustrative, note: Dữ liệu kiểm thử.}
groups:
  - id: N1
    title: {vi: Xây dựng lực lượng}
  - id: N2
    title: {vi: "An ninh, trật tự"}
criteria:
  - id: C01
    group: N1
    title: {vi: Nghị quyết và biên chế}
    replaces: [C01, C02]
    requires_evidence_if_met: true
    provenance: {kind: illustrative, note: Dữ liệu kiểm thử.}
  - id: C02
    group: N2
    title: {vi: Tiếp nhận tin báo}
    indicator: {name: {vi: Tỷ lệ tin báo}, unit: "%", comparator: ">=", target: 100}
    replaces: [C03]
    provenance: {kind: illustrative, note: Dữ liệu kiểm thử.}
  - id: C03
    group: N2
    title: {vi: Tiêu chí mới của bản 2}
    provenance: {kind: illustrative, note: Dữ liệu kiểm thử.}
"""
SET_3 = """\
# Test fixture: version 3. Not real data.
id: bo-mau
version: "3"
title: {vi: "Bộ tiêu chí mẫu, bản 3"}
issuer: Nhóm phát triển kieumau
applies_to: [phuong]
supersedes: bo-mau@2
pass_rule: {kind: all}
provenance: {kind: illustrative, note: Dữ liệu kiểm thử.}
groups:
  - id: N1
    title: {vi: Tất cả}
criteria:
  - id: T1
    group: N1
    title: {vi: "Nghị quyết, biên chế"}
    replaces: [C01]
    provenance: {kind: illustrative, note: Dữ liệu kiểm thử.}
  - id: T2
    group: N1
    title: {vi: "Tin báo, tiêu chí mới"}
    replaces: [C02, C03]
    provenance: {kind: illustrative, note: Dữ liệu kiểm thử.}
"""
WARD_B = """\
# Test fixture: a ward without history, for migrate. Not real data.
province: tinh-mau
ward: phuong-b
name: Phường B
province_name: Tỉnh Mẫu
unit: Công an phường B
criteria: bo-mau@1
provenance: {kind: illustrative, note: Dữ liệu kiểm thử.}
status:
  C01:
    status: met
    owner: Đội trưởng
    evidence:
      - title: Nghị quyết số 01-NQ/ĐU
  C02:
    status: in_progress
    owner: Trưởng Công an phường
    due: 2026-06-30
    note: Chờ bổ sung 1 cán bộ
  C03:
    status: in_progress
    readings:
      - {value: 92.5, date: 2026-02-01}
  C04:
    status: not_met
    owner: Trưởng Công an phường
"""
WARD_B_DIFF = """\
--- a/wards/tinh-mau/phuong-b.yaml
+++ b/wards/tinh-mau/phuong-b.yaml
@@ -4,23 +4,42 @@
 name: Phường B
 province_name: Tỉnh Mẫu
 unit: Công an phường B
-criteria: bo-mau@1
+criteria: bo-mau@2
 provenance: {kind: illustrative, note: Dữ liệu kiểm thử.}
 status:
   C01:
-    status: met
-    owner: Đội trưởng
+    status: in_progress
+    owner: Đội trưởng; Trưởng Công an phường
+    due: 2026-06-30
+    note: Chờ bổ sung 1 cán bộ
     evidence:
       - title: Nghị quyết số 01-NQ/ĐU
   C02:
     status: in_progress
-    owner: Trưởng Công an phường
-    due: 2026-06-30
-    note: Chờ bổ sung 1 cán bộ
-  C03:
-    status: in_progress
     readings:
       - {value: 92.5, date: 2026-02-01}
-  C04:
+  C03:
     status: not_met
-    owner: Trưởng Công an phường
+history:
+  # Chuyển bộ tiêu chí bo-mau@1 → bo-mau@2 (kieumau migrate); bỏ C04
+  - date: 2026-02-20
+    criterion: C01
+    from: unknown
+    to: in_progress
+    note: "chuyển từ bo-mau@1: thay C01 (met), C02 (in_progress)"
+    by: Tổ Tổng hợp
+    migrated_from: bo-mau@1
+  - date: 2026-02-20
+    criterion: C02
+    from: unknown
+    to: in_progress
+    note: "chuyển từ bo-mau@1: thay C03 (in_progress)"
+    by: Tổ Tổng hợp
+    migrated_from: bo-mau@1
+  - date: 2026-02-20
+    criterion: C03
+    from: unknown
+    to: not_met
+    note: "chuyển từ bo-mau@1: tiêu chí mới, không thay tiêu chí nào của bộ cũ"
+    by: Tổ Tổng hợp
+    migrated_from: bo-mau@1
"""
WARD_B_PATH = Path("wards/tinh-mau/phuong-b.yaml")


@pytest.fixture
def root(example_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example root plus bo-mau@2, bo-mau@3 and a ward without history; cwd is the root."""
    (example_root / "criteria" / "bo-mau" / "2.yaml").write_text(SET_2, encoding="utf-8")
    (example_root / "criteria" / "bo-mau" / "3.yaml").write_text(SET_3, encoding="utf-8")
    (example_root / WARD_B_PATH).write_text(WARD_B, encoding="utf-8")
    monkeypatch.chdir(example_root)
    return example_root


@pytest.fixture
def run(invoke: Invoke, root: Path) -> Invoke:
    return lambda *args: invoke("--root", str(root), *args)


# --- the command ------------------------------------------------------------------------------


def test_preview_prints_the_diff_and_writes_nothing(run: Invoke, root: Path) -> None:
    raw = (root / WARD_B_PATH).read_bytes()
    result = run("migrate", "phuong-b", "--to", "bo-mau@2", "--by", "Tổ Tổng hợp")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == WARD_B_DIFF
    assert result.stderr.splitlines() == [
        "bo-mau@1 → bo-mau@2: 3 tiêu chí",
        "  C01 ← C01 (Đạt), C02 (Đang thực hiện) → Đang thực hiện",
        "  C02 ← C03 (Đang thực hiện) → Đang thực hiện",
        "  C03 ← tiêu chí mới → Chưa đạt",
        "Bỏ (không còn trong bộ mới): C04 (Chưa đạt)",
        "Kết quả: 0/3 tiêu chí đạt (0%)",
        "Chưa ghi gì; chạy lại với --write để ghi.",
    ]
    assert (root / WARD_B_PATH).read_bytes() == raw


def test_write_writes_exactly_the_diff_and_check_is_clean(
    run: Invoke, invoke: Invoke, root: Path
) -> None:
    path = root / WARD_B_PATH
    before = path.read_text(encoding="utf-8")
    result = run(
        "migrate", "tinh-mau/phuong-b", "--to", "bo-mau@2", "--write", "--by", "Tổ Tổng hợp"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == WARD_B_DIFF
    assert "Đã ghi wards/tinh-mau/phuong-b.yaml." in result.stderr
    assert unified_diff(before, path.read_text(encoding="utf-8"), str(WARD_B_PATH)) == WARD_B_DIFF
    check_is_clean(invoke, root, path)
    again = run("migrate", "phuong-b", "--to", "bo-mau@2", "--write")
    assert (again.exit_code, again.stdout) == (
        0,
        "Đơn vị đã dùng bộ bo-mau@2; không có gì để chuyển.\n",
    )


def test_several_versions_at_once(run: Invoke, invoke: Invoke, root: Path) -> None:
    result = run("migrate", "phuong-b", "--to", "bo-mau@3", "--write", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[:4] == [
        "bo-mau@1 → bo-mau@3: 2 criteria",
        "  T1 ← C01 (Met), C02 (In progress) → In progress",
        "  T2 ← C03 (In progress) → In progress",  # bo-mau@2's new C03 has no old counterpart
        "Dropped (not in the new set): C04 (Not met)",
    ]
    text = (root / WARD_B_PATH).read_text(encoding="utf-8")
    assert "criteria: bo-mau@3\n" in text and "  T1:\n" in text and "  C01:\n" not in text
    assert text.count("migrated_from: bo-mau@1") == 2
    check_is_clean(invoke, root, root / WARD_B_PATH)


@pytest.mark.parametrize(
    ("ward", "target", "message"),
    [
        ("phuong-b", "bo-mau@7", "không tìm thấy bộ tiêu chí 'bo-mau@7'"),
        ("phuong-b", "bo-mau", "'bo-mau' có nhiều phiên bản: bo-mau@1, bo-mau@2, bo-mau@3"),
        ("phuong-b", "cap-kieu-mau@2023", "không tìm thấy bộ tiêu chí 'cap-kieu-mau@2023'"),
    ],
)
def test_refusals(run: Invoke, root: Path, ward: str, target: str, message: str) -> None:
    raw = (root / WARD_B_PATH).read_bytes()
    result = run("migrate", ward, "--to", target, "--write")
    assert result.exit_code == 2
    assert message in result.stderr
    assert (root / WARD_B_PATH).read_bytes() == raw


def test_only_forward_along_supersedes(run: Invoke, root: Path) -> None:
    assert run("migrate", "phuong-b", "--to", "bo-mau@2", "--write").exit_code == 0
    back = run("migrate", "phuong-b", "--to", "bo-mau@1", "--write")
    assert back.exit_code == 2
    assert "bo-mau@1 không thay thế bo-mau@2" in back.stderr


def test_lost_update_on_migrate(run: Invoke, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = root / WARD_B_PATH
    theirs = someone_writes_during(monkeypatch, path)
    result = run("migrate", "phuong-b", "--to", "bo-mau@2", "--write")
    assert result.exit_code == 1 and "đã bị thay đổi trên đĩa" in result.stderr
    assert path.read_text(encoding="utf-8") == theirs


# --- shipped wards, cap-kieu-mau@2021 → cap-kieu-mau@2023 ------------------------------------


HAI_CHAU_HISTORY = """\
+history:
+  # Chuyển bộ tiêu chí cap-kieu-mau@2021 → cap-kieu-mau@2023 (kieumau migrate)
+  - date: 2026-02-20
+    criterion: C06
+    from: unknown
+    to: not_met
+    note: "chuyển từ cap-kieu-mau@2021: thay C08 (not_met), C09 (unknown)"
+    migrated_from: cap-kieu-mau@2021
+  - date: 2026-02-20
+    criterion: C10
+    from: unknown
+    to: not_met
+    note: "chuyển từ cap-kieu-mau@2021: tiêu chí mới, không thay tiêu chí nào của bộ cũ"
+    migrated_from: cap-kieu-mau@2021
+  - date: 2026-02-20
+    criterion: C17
+    from: unknown
+    to: not_met
+    note: "chuyển từ cap-kieu-mau@2021: tiêu chí mới, không thay tiêu chí nào của bộ cũ"
+    migrated_from: cap-kieu-mau@2021
"""


def test_hai_chau_1_moves_to_the_20_criteria_set(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_shipped(tmp_path / "shipped", "da-nang/phuong-hai-chau-1")
    monkeypatch.chdir(root)
    path = root / "wards" / "da-nang" / "phuong-hai-chau-1.yaml"
    before = path.read_text(encoding="utf-8")
    preview = invoke("migrate", "phuong-hai-chau-1", "--to", "cap-kieu-mau@2023")
    assert preview.exit_code == 0, preview.stderr
    diff = preview.stdout
    assert diff.startswith(
        "--- a/wards/da-nang/phuong-hai-chau-1.yaml\n+++ b/wards/da-nang/phuong-hai-chau-1.yaml\n"
    )
    assert "-criteria: cap-kieu-mau@2021\n+criteria: cap-kieu-mau@2023\n" in diff
    assert diff.endswith(HAI_CHAU_HISTORY)
    # C06 (headquarters and equipment) replaces C08 (headquarters: not met) and C09 (unknown)
    assert "  C06:\n-    status: unknown\n+    status: not_met\n+    updated: 2021-11-13\n" in diff
    assert '+    note: "C08: Kiến nghị (Công an quận' in diff and " | C09: Bài nêu" in diff
    assert "-  C21:\n" in diff and "-  C22:\n" in diff  # 22 criteria become 20
    assert not [line for line in diff.splitlines() if line.startswith("-") and "#" in line]
    assert "Bỏ (không còn trong bộ mới): không có" in preview.stderr
    assert path.read_text(encoding="utf-8") == before

    written = invoke("migrate", "phuong-hai-chau-1", "--to", "cap-kieu-mau@2023", "--write")
    assert written.exit_code == 0 and written.stdout == diff
    after = path.read_text(encoding="utf-8")
    assert unified_diff(before, after, "wards/da-nang/phuong-hai-chau-1.yaml") == diff
    check_is_clean(invoke, root, path)
    status = invoke("status", "phuong-hai-chau-1", "--format", "json")
    assert '"criteria_set": "cap-kieu-mau@2023"' in status.stdout
    assert '"not_met": 3' in status.stdout and '"unknown": 17' in status.stdout


def test_duc_xuan_preview(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_shipped(tmp_path / "shipped", "thai-nguyen/phuong-duc-xuan")
    monkeypatch.chdir(root)
    path = root / "wards" / "thai-nguyen" / "phuong-duc-xuan.yaml"
    raw = path.read_bytes()
    result = invoke("migrate", "thai-nguyen/phuong-duc-xuan", "--to", "cap-kieu-mau@2023")
    diff = result.stdout
    assert "-criteria: cap-kieu-mau@2021\n+criteria: cap-kieu-mau@2023\n" in diff
    # the published 21/22 was counted under the old set, and now says so
    assert "     total: 22\n+    criteria: cap-kieu-mau@2021\n     source:\n" in diff
    assert diff.count("+    migrated_from: cap-kieu-mau@2021\n") == 20
    for criterion, status in (("C01", "met"), ("C10", "not_met"), ("C17", "not_met"),
                              ("C20", "in_progress")):  # fmt: skip
        assert f"+    criterion: {criterion}\n+    from: unknown\n+    to: {status}\n" in diff
    assert '+    note: "chuyển từ cap-kieu-mau@2021: thay C22 (in_progress)"\n' in diff
    # the crime count (vụ) of old C11 does not become a percentage in new C08
    assert "Số đo không chuyển (đơn vị chỉ số khác): C08, C16" in result.stderr
    assert result.exit_code == 0, result.stderr
    assert "Kết quả: 17/20 tiêu chí đạt (85%)" in result.stderr
    assert path.read_bytes() == raw


def test_duc_xuan_write_is_check_clean(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_shipped(tmp_path / "shipped", "thai-nguyen/phuong-duc-xuan")
    monkeypatch.chdir(root)
    result = invoke("migrate", "phuong-duc-xuan", "--to", "cap-kieu-mau@2023", "--write")
    assert result.exit_code == 0, result.stderr
    check_is_clean(invoke, root, root / "wards" / "thai-nguyen" / "phuong-duc-xuan.yaml")


def test_init_set_migrate_is_check_clean(run: Invoke, invoke: Invoke, root: Path) -> None:
    created = run("init", "tinh-mau/phuong-c", "--criteria", "bo-mau@1", "--name", "Phường C")
    assert created.exit_code == 0, created.stderr
    evidence = ["--evidence", "Nghị quyết số 02-NQ/ĐU"]
    assert run("set", "phuong-c", "C01", "met", *evidence).exit_code == 0
    assert run("set", "phuong-c", "C04", "in_progress").exit_code == 0
    result = run("migrate", "phuong-c", "--to", "bo-mau@2", "--write")
    assert result.exit_code == 0, result.stderr  # old C04 history must not be read as bo-mau@2's
    check_is_clean(invoke, root, root / "wards" / "tinh-mau" / "phuong-c.yaml")


def test_history_written_before_a_migration_is_kept(run: Invoke, root: Path) -> None:
    """Append-only: migrate never changes an existing entry (here, the fixture's own history)."""
    path = root / "wards" / "tinh-mau" / "phuong-mau.yaml"
    before = path.read_text(encoding="utf-8")
    result = run("migrate", "phuong-mau", "--to", "bo-mau@2")
    history = before[before.index("history:\n") :]
    removed = [line for line in result.stdout.splitlines() if line.startswith("-")]
    assert removed[0].startswith("--- a/") and len(removed) > 1
    assert not [line for line in removed[1:] if line[1:] + "\n" in history]
    assert "+    criteria: bo-mau@1\n" in result.stdout  # its reported 2/4 was counted under @1
