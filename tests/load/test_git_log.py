"""A file's git history, every version rebuilt from one `git log`."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.support.git import commit_all, commit_literally, git


def test_git_log_rebuilds_every_version_of_the_file_from_one_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kieumau_cli.load.git_log import file_log

    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    path = tmp_path / "w.yaml"
    git(tmp_path, "init", "-q")
    versions = ["a: 1\n\nb: |\n  x\n\n  y\n", "a: 2\n\nb: |\n  x\n\n  y", "a: 3\r\nc: đ\n"]
    for day, text in enumerate(versions, start=1):
        path.write_bytes(text.encode("utf-8"))
        commit_all(tmp_path, f"phiên bản {day}", f"2026-02-0{day}T23:30:00+07:00")
    path.unlink()
    commit_all(tmp_path, "xóa", "2026-02-05T00:10:00+07:00", author="Người Xóa")
    log = file_log(path)
    assert log.state == "ok"
    revisions = log.revisions
    assert [r.subject for r in revisions] == ["phiên bản 1", "phiên bản 2", "phiên bản 3", "xóa"]
    assert [r.date.day for r in revisions] == [1, 2, 3, 5]  # the author's own day, not UTC
    assert revisions[0].before is None and revisions[0].after == versions[0]
    assert revisions[1].before == versions[0]
    assert revisions[1].after == versions[1] + "\n"  # "\ No newline at end of file"
    assert revisions[2].after == versions[2]
    assert revisions[3].after is None and revisions[3].author == "Người Xóa"
    assert file_log(tmp_path / "never.yaml").state == "untracked"


def _one_file_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    path = tmp_path / "w.yaml"
    git(tmp_path, "init", "-q")
    path.write_text("a: 1\n", encoding="utf-8")
    commit_all(tmp_path, "đầu tiên", "2026-02-01T09:00:00+07:00")
    return path


def test_separators_and_escapes_in_a_subject_or_name_neither_split_nor_reach_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kieumau_cli.load.git_log import file_log

    path = _one_file_repo(tmp_path, monkeypatch)
    path.write_text("a: 2\n", encoding="utf-8")
    subject = "sửa\x1e\x1fC04 \x1b]52;c;aGk=\x07 \x1b[8mẩn\u202etxt.exe"
    commit_all(tmp_path, subject, "2026-02-02T09:00:00+07:00", author="Kẻ \x1b[2J Lạ")
    log = file_log(path)
    assert log.state == "ok" and log.skipped == ()
    assert [r.date.day for r in log.revisions] == [1, 2]
    last = log.revisions[-1]
    assert last.subject == "sửa\\x1e\\x1fC04 \\x1b]52;c;aGk=\\x07 \\x1b[8mẩn\\u202etxt.exe"
    assert "\x1b" not in last.author and last.author.startswith("Kẻ \\x1b[2J")
    assert last.before == "a: 1\n" and last.after == "a: 2\n"


def test_an_odd_time_zone_offset_is_read_as_the_authors_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kieumau_cli.load.git_log import file_log

    path = _one_file_repo(tmp_path, monkeypatch)
    path.write_text("a: 2\n", encoding="utf-8")
    commit_literally(tmp_path, "múi giờ lạ", "1770000000 +9999999")  # %aI: +99999:99
    path.write_text("a: 3\n", encoding="utf-8")
    commit_literally(tmp_path, "thời điểm lạ", "99999999999999999999 +0700")
    log = file_log(path)
    assert log.state == "ok" and log.skipped == ()
    assert [r.subject for r in log.revisions] == ["đầu tiên", "múi giờ lạ", "thời điểm lạ"]
    assert all(isinstance(r.date, dt.date) for r in log.revisions)


def test_a_commit_that_cannot_be_read_is_skipped_and_named() -> None:
    from kieumau_cli.load.git_log import _Framing, parse_log

    framing = _Framing.fresh()
    r, f = framing.record, framing.field
    patch = "\n--- /dev/null\n+++ b/w.yaml\n@@ -0,0 +1 @@\n+a: 1\n"
    good = f"{r}{'a' * 40}{f}2026-02-01{f}An{f}tốt{f}{patch}"
    bad_date = f"{r}{'b' * 40}{f}không-phải-ngày{f}An{f}xấu{f}{patch}"
    truncated = f"{r}{'c' * 40}{f}2026-02-01"
    revisions, skipped = parse_log(good + bad_date + truncated, framing)
    assert [rev.subject for rev in revisions] == ["tốt"]
    assert skipped == ["b" * 40, "c" * 40]


def test_a_report_names_the_commits_it_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the command: a fake git whose second record has no date."""
    from tests.support.cli import invoke
    from tests.support.data import EXAMPLE_WARD, copy_example

    root = copy_example(tmp_path / "root")
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text(
        "#!/usr/bin/env python3\n"
        "import sys\n"
        "fmt = next(a for a in sys.argv if a.startswith('--format='))[9:]\n"
        "record, field = fmt[: fmt.index('%H')], fmt[fmt.index('%H') + 2 : fmt.index('%ad')]\n"
        "sys.stdout.write(record + 'd' * 40 + field + 'ngày?' + field + 'An' + field + 'x'"
        " + field + '\\n')\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    result = invoke("--root", str(root), "report", EXAMPLE_WARD.stem)
    assert result.exit_code == 0, result.stderr
    assert f"bỏ qua 1 commit git không đọc được ({'d' * 40})" in result.stderr
