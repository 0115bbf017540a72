"""A file's git history, every version rebuilt from one `git log`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.git import commit_all, git


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
