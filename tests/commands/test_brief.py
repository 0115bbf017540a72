"""`kieumau brief`: the weekly giao ban note, from the ward's history and its git log."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import edit
from tests.support.git import commit_all, commit_literally, git
from tests.support.golden import golden_tests
from tests.support.html import assert_document_structure, parse_html, text_of

WARD = "wards/tinh-mau/phuong-mau.yaml"


# --- Phường Đông Sơn, the week of its reported 11/22 (W07: 09–15/02/2026) ------------------

BRIEF_GOLDENS = [
    ("brief-dong-son-2026-W07.vi.md", ["--week", "2026-W07"]),
    ("brief-dong-son-2026-W07.en.md", ["--week", "2026-W07", "--lang", "en"]),
    ("brief-dong-son-2026-W07.vi.html", ["--week", "2026-W07", "-f", "html"]),
    ("brief-dong-son-2026-W07.en.html", ["--week", "2026-W07", "-f", "html", "--lang", "en"]),
]


test_brief_golden = golden_tests(["brief", "phuong-dong-son"], BRIEF_GOLDENS)


def test_dong_son_w07_reads_like_the_giao_ban_note(invoke: Invoke, shipped_root: Path) -> None:
    result = invoke("--root", str(shipped_root), "brief", "phuong-dong-son", "--week", "2026-W07")
    out = result.stdout
    sections = [
        "## 1. Tình hình chung",
        "## 2. Kết quả trong tuần",
        "## 3. Tồn tại, hạn chế",
        "## 4. Nhiệm vụ tuần tới (16/02/2026 – 22/02/2026)",
        "## 5. Đề xuất, kiến nghị",
    ]
    assert [out.index(s) for s in sections] == sorted(out.index(s) for s in sections)
    heading = "Kết quả xây dựng Công an phường kiểu mẫu tuần 07 năm 2026 (từ 09/02 đến 15/02/2026)"
    assert f"# {heading}" in out
    assert "**11/22 tiêu chí đạt (50%)** (tăng 2 tiêu chí so với tuần trước)" in out
    # A station's note never cites a newspaper about itself.
    assert "Báo Thanh Hóa" not in out and "Số liệu đã công bố" not in out
    newly_met = out.split("**Tiêu chí mới đạt (2):**")[1].split("**Tiêu chí không duy trì")[0]
    assert "**Tiêu chí số 3**" in newly_met and "**Tiêu chí số 21**" in newly_met
    assert "Đang thực hiện → Đạt (09/02/2026, Tổ Cảnh sát khu vực)" in newly_met
    assert "**Tiêu chí không duy trì được (0):** Không có." in out
    assert "**Kiến nghị** (Tiêu chí số 8, Tổ Tổng hợp): Công an tỉnh xem xét" in out
    assert "**Đề xuất** (Tiêu chí số 19, Tổ Quản lý hành chính về TTXH)" in out
    assert "100%** (mục tiêu: đạt 100%), 11/02/2026: 57/57 tổ dân phố" in out
    # Tết 2026 (14/02–22/02) starts on the Saturday of W07 and fills the next week.
    assert "Trong tuần nghỉ Tết Nguyên đán từ 14/02/2026 đến 22/02/2026." in out
    next_week = out.split("## 4.")[1]
    assert "Tuần tới nghỉ Tết Nguyên đán từ 14/02/2026 đến 22/02/2026." in next_week
    # Concrete tasks: criterion, what the note says to do, owner, due date.
    assert (
        "- Tiêu chí số 20: Phối hợp với các chi bộ tổ dân phố vận động đảng viên đi đầu kích "
        "hoạt định danh điện tử; phụ trách: Tổ Cảnh sát khu vực; hạn: 31/12/2026." in next_week
    )
    assert "theo phân công" not in out


def test_the_week_before_compares_with_its_own_previous_week(
    invoke: Invoke, shipped_root: Path
) -> None:
    # W03 (12–18/01/2026): C06 fell back from met; one regression, 8 → 7.
    out = invoke(
        "--root", str(shipped_root), "brief", "phuong-dong-son", "--week", "2026-W03"
    ).stdout
    assert "**7/22 tiêu chí đạt (31,8%)** (giảm 1 tiêu chí so với tuần trước)" in out
    regressions = out.split("**Tiêu chí không duy trì được (1):**")[1].split("**Thay đổi")[0]
    assert (
        "**Tiêu chí số 6**" in regressions
        and "Đạt → Đang thực hiện (12/01/2026, Tổ Tổng hợp)" in out
    )


# --- git: changes without a history entry still show up --------------------------------------


@pytest.fixture
def repo(example_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example root as a git repository whose first commit is dated 02/02/2026."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(example_root.parent))
    git(example_root, "init", "-q")
    commit_all(example_root, "Khởi tạo dữ liệu", "2026-02-02T09:00:00+07:00")
    return example_root


def _met_without_history(root: Path) -> None:
    """C04 set to met by editing its status only (no history entry), committed on 17/02."""
    edit(root / WARD, "  C04:\n    status: not_met", "  C04:\n    status: met")
    commit_all(
        root,
        "Cập nhật C04: trụ sở đã sửa xong",
        "2026-02-17T16:30:00+07:00",
        author="Lê Thị Bình",
    )


def _met_with_history(root: Path) -> None:
    """C03 set to met with a history entry that has no `by`, committed on 18/02."""
    edit(root / WARD, "  C03:\n    status: in_progress", "  C03:\n    status: met")
    path = root / WARD
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - {date: 2026-02-18, criterion: C03, from: in_progress, to: met}\n",
        encoding="utf-8",
    )
    commit_all(root, "Giao ban tuần 8", "2026-02-18T08:00:00+07:00", author="Phạm Văn Cường")


def test_brief_shows_a_status_edited_without_history_from_git(invoke: Invoke, repo: Path) -> None:
    _met_without_history(repo)
    _met_with_history(repo)
    result = invoke("--root", str(repo), "brief", "phuong-mau", "--week", "2026-W08", "--appendix")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "**4/4 tiêu chí đạt (100%)** (tăng 2 tiêu chí so với tuần trước)" in out
    newly_met = out.split("**Tiêu chí mới đạt (2):**")[1].split("**Tiêu chí không duy trì")[0]
    # The edit without a history entry: dated by its commit, attributed to its author; the
    # commit itself is named in the technical appendix's edition only.
    assert (
        "**Tiêu chí số 4** (Trụ sở đạt chuẩn): Chưa đạt → Đạt (17/02/2026, Lê Thị Bình). "
        "_(theo git, commit " in newly_met
    )
    assert "“Cập nhật C04: trụ sở đã sửa xong”; chưa ghi vào lịch sử)_" in newly_met
    # The history entry without `by` is attributed to the commit that added it, shown once.
    assert (
        "**Tiêu chí số 3** (Tiếp nhận 100% tin báo): Đang thực hiện → Đạt "
        "(18/02/2026, Phạm Văn Cường)." in newly_met
    )
    assert newly_met.count("**Tiêu chí số 3**") == 1 and "Giao ban tuần 8" not in newly_met
    signed = invoke("--root", str(repo), "brief", "phuong-mau", "--week", "2026-W08").stdout
    assert "theo git" not in signed and "commit" not in signed
    assert "git log của tệp (2 commit trong kỳ)" in out
    assert "lịch sử trong tệp đơn vị (1 mục trong kỳ)" in out

    report = invoke("--root", str(repo), "report", "phuong-mau", "--appendix").stdout
    assert "| 17/02/2026 | 4 | Chưa đạt | Đạt | theo git, commit" in report
    assert "| Lê Thị Bình |" in report

    # The week before knows nothing of it; --no-git ignores git entirely.
    before = invoke("--root", str(repo), "brief", "phuong-mau", "--week", "2026-W07").stdout
    assert "Tiêu chí số 4" not in before.split("## 3.")[0].split("## 2.")[1]
    plain = invoke(
        "--root", str(repo), "brief", "phuong-mau", "--week", "2026-W08", "--no-git", "--appendix"
    )
    assert "theo git" not in plain.stdout and "không dùng git (--no-git)" in plain.stdout
    assert "**4/4 tiêu chí đạt (100%)** (tăng 1 tiêu chí so với tuần trước)" in plain.stdout


def test_a_history_entry_added_later_replaces_the_git_only_change(
    invoke: Invoke, repo: Path
) -> None:
    _met_without_history(repo)
    path = repo / WARD
    path.write_text(
        path.read_text(encoding="utf-8")
        + "  - {date: 2026-02-16, criterion: C04, from: not_met, to: met, by: Đội trưởng}\n",
        encoding="utf-8",
    )
    commit_all(repo, "Bổ sung lịch sử C04", "2026-02-19T08:00:00+07:00")
    out = invoke(
        "--root", str(repo), "brief", "phuong-mau", "--week", "2026-W08", "--appendix"
    ).stdout
    assert out.count("**Tiêu chí số 4** (Trụ sở đạt chuẩn): Chưa đạt → Đạt") == 1
    assert "Chưa đạt → Đạt (16/02/2026, Đội trưởng)." in out and "theo git" not in out


def test_brief_works_when_git_is_missing(
    invoke: Invoke, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _met_without_history(repo)
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = invoke("--root", str(repo), "brief", "phuong-mau", "--week", "2026-W08", "--appendix")
    assert result.exit_code == 0, result.stderr
    assert "máy không có git" in result.stdout and "theo git" not in result.stdout


def test_brief_works_outside_a_git_repository(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(example_root.parent))
    result = invoke(
        "--root", str(example_root), "brief", "phuong-mau", "--week", "2026-W07", "--appendix"
    )
    assert result.exit_code == 0, result.stderr
    assert "thư mục dữ liệu không phải kho git" in result.stdout
    assert "**2/4 tiêu chí đạt (50%)** (tăng 1 tiêu chí so với tuần trước)" in result.stdout


def test_brief_when_the_ward_file_was_never_committed(invoke: Invoke, repo: Path) -> None:
    extra = repo / "wards/tinh-mau/phuong-moi.yaml"
    extra.write_text(
        (repo / WARD).read_text(encoding="utf-8").replace("ward: phuong-mau", "ward: phuong-moi"),
        encoding="utf-8",
    )
    result = invoke("--root", str(repo), "brief", "phuong-moi", "--week", "2026-W07", "--appendix")
    assert result.exit_code == 0, result.stderr
    assert "tệp chưa được commit vào git" in result.stdout


# --- sections 3–5, escaping, invalid data ----------------------------------------------------


def test_overdue_and_due_next_week_with_owners(
    invoke: Invoke, example_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-03-27")  # W13; W14 runs 30/03–05/04
    out = invoke("--root", str(example_root), "brief", "phuong-mau").stdout
    due = out.split("**Đến hạn trong tuần (1):**")[1].split("**Tiếp tục")[0]
    assert (
        "**Tiêu chí số 3** (Tiếp nhận 100% tin báo) — Đang thực hiện; Tổ tiếp dân; hạn 31/03/2026."
        in due
    )
    monkeypatch.setenv("KIEUMAU_TODAY", "2026-07-01")
    late = invoke("--root", str(example_root), "brief", "phuong-mau").stdout
    overdue = late.split("**Quá hạn (2):**")[1].split("**Chưa triển khai")[0]
    assert "**Tiêu chí số 3**" in overdue and "(**quá hạn 92 ngày**)" in overdue
    assert "**Tiêu chí số 4**" in overdue and "(**quá hạn 1 ngày**)" in overdue
    assert "Tập trung hoàn thành các tiêu chí quá hạn: tiêu chí số 3, 4." in late


def test_stalled_and_not_started(invoke: Invoke, example_root: Path) -> None:
    # On 20/02/2026: C03 in progress since 02/02 (2 weeks); C04 not started.
    default = invoke("--root", str(example_root), "brief", "phuong-mau").stdout
    assert "**Chưa có chuyển biến từ 4 tuần trở lên (0):** Không có." in default
    assert (
        "**Chưa triển khai (1):**" in default
        and "- **Tiêu chí số 4** (Trụ sở đạt chuẩn) — " in default
    )
    short = invoke(
        "--root", str(example_root), "brief", "phuong-mau", "--stalled-weeks", "2"
    ).stdout
    stalled = short.split("**Chưa có chuyển biến từ 2 tuần trở lên (1):**")[1].split("##")[0]
    assert "- **Tiêu chí số 3** (Tiếp nhận 100% tin báo) — Tổ tiếp dân; hạn 31/03/2026; " in stalled
    assert "thay đổi gần nhất 02/02/2026 (2 tuần)." in stalled


def test_requests_are_notes_marked_de_xuat_or_kien_nghi_any_case_and_nfd(
    invoke: Invoke, example_root: Path
) -> None:
    nfd = unicodedata.normalize("NFD", "ĐỀ XUẤT : tập huấn thêm cho tổ tiếp dân")
    edit(example_root / WARD, "owner: Đội trưởng\n", f'owner: Đội trưởng\n    note: "{nfd}"\n')
    out = invoke("--root", str(example_root), "brief", "phuong-mau").stdout
    requests = out.split("## 5. Đề xuất, kiến nghị")[1]
    assert "1. **Đề xuất** (Tiêu chí số 1, Đội trưởng): tập huấn thêm cho tổ tiếp dân." in requests
    assert (
        "2. **Kiến nghị** (Tiêu chí số 3, Tổ tiếp dân): bổ sung máy tính \\| cần gấp." in requests
    )


def test_notes_are_text_never_markup(invoke: Invoke, example_root: Path) -> None:
    hostile = "<script>alert(1)</script> | *đậm* [x](javascript:alert(1))"
    edit(
        example_root / WARD,
        'note: "Kiến nghị: bổ sung máy tính | cần gấp"',
        f'note: "Kiến nghị: {hostile}"',
    )
    edit(
        example_root / WARD,
        "{date: 2026-02-10, criterion: C02, from: in_progress, to: met}",
        f"{{date: 2026-02-10, criterion: C02, from: in_progress, to: met, note: '{hostile}'}}",
    )
    html = invoke(
        "--root", str(example_root), "brief", "phuong-mau", "--week", "2026-W07", "-f", "html"
    )
    assert html.exit_code == 0, html.stderr
    root = assert_document_structure(html.stdout, "vi")
    assert "<script>" not in html.stdout and "&lt;script&gt;alert(1)&lt;/script&gt;" in html.stdout
    assert text_of(root).count("<script>alert(1)</script> | *đậm*") == 2
    assert not [a for a in root.iter("a") if "javascript" in (a.get("href") or "")]
    md = invoke("--root", str(example_root), "brief", "phuong-mau", "--week", "2026-W07").stdout
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*đậm\\* \\[x\\](javascript:alert(1))"
    assert md.count(escaped) == 2 and "<script>" not in md


def test_invalid_ward_gives_exit_1_with_check_diagnostics(
    invoke: Invoke, example_root: Path
) -> None:
    edit(example_root / WARD, "status: in_progress", "status: halfway")
    result = invoke("--root", str(example_root), "brief", "phuong-mau")
    assert result.exit_code == 1 and result.stdout == ""
    assert "wards/tinh-mau/phuong-mau.yaml:" in result.stderr
    assert "error[not-allowed]" in result.stderr


def test_brief_html_parses_and_writes_a_file(invoke: Invoke, example_root: Path) -> None:
    target = example_root / "brief.html"
    result = invoke(
        "--root", str(example_root), "brief", "phuong-mau", "-f", "html", "-o", str(target)
    )
    assert result.exit_code == 0 and result.stdout == ""
    assert str(target) in result.stderr
    root = parse_html(target.read_text(encoding="utf-8"))
    assert next(h.text for h in root.iter("h2")) == "1. Tình hình chung"


def test_a_status_edited_but_not_yet_committed_is_listed_as_such(
    invoke: Invoke, repo: Path
) -> None:
    edit(repo / WARD, "  C04:\n    status: not_met", "  C04:\n    status: in_progress")
    out = invoke("--root", str(repo), "brief", "phuong-mau", "--appendix").stdout  # W08
    assert (
        "- **Tiêu chí số 4** (Trụ sở đạt chuẩn): Chưa đạt → Đang thực hiện (20/02/2026). "
        "_(sửa trong tệp, chưa commit và chưa ghi vào lịch sử)_"
    ) in out
    assert "git log của tệp (0 commit trong kỳ)" in out


# --- periods: the CLI refuses what it cannot use, with exit code 2 and a clear message ---


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "2025-W53"], "2025 có 52 tuần ISO"),
        (["--week", "tuần-7"], "viết dạng 2026-W07"),
        (["--since", "2026-02-30"], "ngày không hợp lệ"),
        (["--since", "2026-02-10", "--until", "2026-02-01"], "--since 2026-02-10 sau --until"),
        (["--until", "2026-02-10"], "--until cần đi kèm --since"),
        (["--week", "2026-W07", "--since", "2026-02-01"], "không dùng cả hai"),
        (["--week", "2026-W10"], "sau hôm nay"),
        (["--stalled-weeks", "0"], "--stalled-weeks"),
    ],
)
def test_brief_rejects_bad_periods_with_exit_2(
    invoke: Invoke, example_root: Path, args: list[str], message: str
) -> None:
    result = invoke("--root", str(example_root), "brief", "phuong-mau", *args)
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_2026_w53_is_refused_but_2020_w53_is_accepted(invoke: Invoke, example_root: Path) -> None:
    # 2026 does have 53 ISO weeks; W53 is refused only because it has not started yet.
    late = invoke("--root", str(example_root), "brief", "phuong-mau", "--week", "2026-W53")
    assert late.exit_code == 2 and "sau hôm nay" in late.stderr
    old = invoke("--root", str(example_root), "brief", "phuong-mau", "--week", "2020-W53")
    assert old.exit_code == 0, old.stderr
    assert "tuần 53 năm 2020 (từ 28/12 đến 03/01/2021)" in old.stdout


def test_brief_default_is_the_current_iso_week(invoke: Invoke, example_root: Path) -> None:
    result = invoke("--root", str(example_root), "brief", "phuong-mau")
    assert result.exit_code == 0, result.stderr
    # KIEUMAU_TODAY is 2026-02-20
    assert "tuần 08 năm 2026 (từ 16/02 đến 22/02/2026)" in result.stdout


def test_brief_over_a_date_range_compares_with_the_day_before(
    invoke: Invoke, example_root: Path
) -> None:
    result = invoke("--root", str(example_root), "brief", "phuong-mau", "--since", "01/02/2026")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Từ ngày 01/02/2026 đến ngày 20/02/2026" in out
    assert "(tăng 1 tiêu chí so với ngày 31/01/2026)" in out  # C02 met on 10/02
    assert "## 2. Kết quả trong kỳ" in out and "## 4. Nhiệm vụ kỳ tới" in out


HOSTILE_SUBJECT = "Sửa C04\x1e\x1f \x1b]52;c;aGk=\x07\x1b[8m ẩn \u202egpj.exe"


@pytest.mark.parametrize(
    ("command", "fmt"),
    [(c, f) for c in ("brief", "report") for f in ("md", "html", "docx")],
)
def test_a_hostile_commit_reaches_no_document_raw(
    invoke: Invoke, repo: Path, tmp_path: Path, command: str, fmt: str
) -> None:
    """A commit subject and author with record separators, terminal escapes and a bidi
    override, and a commit with an impossible time-zone offset: every document builds,
    names the change, and shows those characters as escapes."""
    edit(repo / WARD, "  C04:\n    status: not_met", "  C04:\n    status: met")
    commit_all(repo, HOSTILE_SUBJECT, "2026-02-17T16:30:00+07:00", author="Kẻ \x1b[2J Lạ")
    edit(repo / WARD, "owner: Tổ tiếp dân", "owner: Tổ tiếp dân 2")
    commit_literally(repo, "múi giờ lạ", "1771300000 +9999999")
    target = tmp_path / f"out.{fmt}"
    period = ["--week", "2026-W08"] if command == "brief" else []
    result = invoke(
        "--root",
        str(repo),
        command,
        "phuong-mau",
        *period,
        "-f",
        fmt,
        "-o",
        str(target),
        "--appendix",
    )
    assert result.exit_code == 0, result.stderr
    if fmt == "docx":
        from docx import Document

        text = "\n".join(p.text for p in Document(str(target)).paragraphs)
        text += "\n".join(
            cell.text
            for table in Document(str(target)).tables
            for row in table.rows
            for cell in row.cells
        )
    else:
        text = target.read_text(encoding="utf-8")
    for raw in ("\x1b", "\x1e", "\x1f", "\x07", "\u202e"):
        assert raw not in text
    if fmt == "md":  # as a reader sees it: Markdown's backslash escapes undone
        text = re.sub(r"\\(.)", r"\1", text)
    if command == "brief":  # the brief quotes the commit subject of a git-only change
        assert "\\x1b]52;c;aGk=\\x07" in text and "\\u202egpj.exe" in text
    assert "\\x1b[2J" in text  # the author, in both documents


# --- brief --full: the whole weekly report around the computed part ----------------------

NOTES = """## I. Tình hình an ninh, trật tự
Tình hình cơ bản ổn định <b>đậm</b>.

## III. Đánh giá chung
- Hoàn thành nhiệm vụ.
"""


def test_full_assembles_the_officer_sections_around_the_computed_part(
    invoke: Invoke, shipped_root: Path, tmp_path: Path
) -> None:
    folder = shipped_root / "notes/thanh-hoa/phuong-dong-son"
    folder.mkdir(parents=True)
    (folder / "2026-W07.md").write_text(NOTES, encoding="utf-8")
    args = ["--root", str(shipped_root), "brief", "phuong-dong-son", "--week", "2026-W07"]
    out = invoke(*args, "--full").stdout
    order = [
        "# Kết quả công tác tuần 07 năm 2026 (từ 09/02 đến 15/02/2026)",
        "## I. Tình hình an ninh, trật tự",
        "## II. Kết quả các mặt công tác",
        "### Kết quả xây dựng Công an phường kiểu mẫu",
        "#### 1. Tình hình chung",
        "#### 5. Đề xuất, kiến nghị",
        "## III. Đánh giá chung",
    ]
    assert [out.index(s) for s in order] == sorted(out.index(s) for s in order)
    # Sections left out stay out: nothing is invented for IV, V or VI.
    assert "## IV." not in out and "## V." not in out and "## VI." not in out
    assert "&lt;b&gt;đậm&lt;/b&gt;" in out and "<b>" not in out
    html = invoke(*args, "--full", "-f", "html").stdout
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html and "<b>đậm" not in html
    document = tmp_path / "full.docx"
    assert invoke(*args, "--full", "-f", "docx", "-o", str(document)).exit_code == 0
    from docx import Document

    lines = [p.text for p in Document(str(document)).paragraphs]
    assert "I. Tình hình an ninh, trật tự" in lines and "- Hoàn thành nhiệm vụ." in lines
    assert lines.index("II. Kết quả các mặt công tác") < lines.index("III. Đánh giá chung")


def test_full_without_notes_says_so_and_a_bad_file_is_refused_with_its_position(
    invoke: Invoke, shipped_root: Path
) -> None:
    args = ["--root", str(shipped_root), "brief", "phuong-dong-son", "--week", "2026-W07"]
    missing = invoke(*args, "--full")
    assert missing.exit_code == 0 and "chưa có" in missing.stderr
    assert "## I." not in missing.stdout and "## II. Kết quả các mặt công tác" in missing.stdout
    folder = shipped_root / "notes/thanh-hoa/phuong-dong-son"
    folder.mkdir(parents=True)
    (folder / "2026-W07.md").write_text("## I. A\n## Kết luận\n", encoding="utf-8")
    bad = invoke(*args, "--full")
    assert bad.exit_code == 1 and bad.stdout == ""
    assert "2026-W07.md:2:1: error[notes-section]" in bad.stderr
    ranged = invoke(
        "--root",
        str(shipped_root),
        "brief",
        "phuong-dong-son",
        "--full",
        "--since",
        "2026-02-01",
        "--until",
        "2026-02-10",
    )
    assert ranged.exit_code == 2 and "--full" in ranged.stderr


def test_a_recognised_station_s_brief_says_keep_the_criteria(tmp_path: Path) -> None:
    """phuong-dien-an holds a 2024 recognition; with every criterion met its weekly note
    says to keep them, never that it may now ask for inspection and recognition."""
    from tests.support.cli import invoke_on
    from tests.support.data import copy_shipped

    root = copy_shipped(tmp_path / "data")
    ward = root / "wards/quang-nam/phuong-dien-an.yaml"
    ward.write_text(
        ward.read_text(encoding="utf-8").replace("status: unknown", "status: met"),
        encoding="utf-8",
    )
    for fmt in ("md", "html"):
        done = invoke_on(root, "brief", "phuong-dien-an", "--format", fmt)
        text = " ".join(done.stdout.split())
        assert "tiếp tục duy trì danh hiệu đã được công nhận" in text, done.stderr
        assert "đủ điều kiện đề nghị kiểm tra" not in text
