"""The site's state file and the deletions it allows (site/state.py), directly."""

from __future__ import annotations

from pathlib import Path

import pytest

from kieumau_cli.errors import UsageError
from kieumau_cli.site.state import (
    STATE,
    State,
    Written,
    check_contents,
    delete_written,
    digest,
    folders_of,
    read_state,
    reusable,
)


def _site(folder: Path) -> State:
    (folder / "a/b").mkdir(parents=True)
    (folder / "a/b/page.html").write_text("<p>x</p>", encoding="utf-8")
    (folder / "index.html").write_text("<p>home</p>", encoding="utf-8")
    files = {
        "index.html": Written(11, digest(b"<p>home</p>")),
        "a/b/page.html": Written(8, digest(b"<p>x</p>")),
    }
    state = State("site", {"station:x": "1"}, files, folders_of(files))
    (folder / STATE).write_text(state.text(), encoding="utf-8")
    return state


def test_the_state_reads_back_as_written(tmp_path: Path) -> None:
    state = _site(tmp_path)
    again = read_state(tmp_path)
    assert again is not None
    assert (again.site, again.inputs, again.files, again.folders) == (
        state.site,
        state.inputs,
        state.files,
        {"a", "a/b"},
    )
    assert read_state(tmp_path / "missing") is None
    (tmp_path / "empty").mkdir()
    assert read_state(tmp_path / "empty") is None


def test_a_damaged_or_missing_state_is_refused(tmp_path: Path) -> None:
    _site(tmp_path)
    (tmp_path / STATE).write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(UsageError):
        read_state(tmp_path)
    (tmp_path / STATE).unlink()
    with pytest.raises(UsageError):
        read_state(tmp_path)


@pytest.mark.parametrize("plant", ["file", "folder", "link"])
def test_anything_not_listed_is_refused(tmp_path: Path, plant: str) -> None:
    state = _site(tmp_path)
    check_contents(tmp_path, state)  # only what it lists: fine
    target = tmp_path / "a/extra"
    if plant == "file":
        target.write_text("mine", encoding="utf-8")
    elif plant == "folder":
        target.mkdir()
    else:
        target.symlink_to(tmp_path / "index.html")
    with pytest.raises(UsageError):
        check_contents(tmp_path, state)


def test_a_listed_path_that_became_a_link_is_refused(tmp_path: Path) -> None:
    state = _site(tmp_path)
    (tmp_path / "a/b/page.html").unlink()
    (tmp_path / "a/b/page.html").symlink_to(tmp_path / "index.html")
    with pytest.raises(UsageError):
        check_contents(tmp_path, state)
    assert not reusable(tmp_path, state, "a/b/page.html")


def test_deleting_removes_only_listed_files_and_emptied_folders(tmp_path: Path) -> None:
    state = _site(tmp_path)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("keep", encoding="utf-8")
    (tmp_path / "a/link").symlink_to(outside)  # not ours: left, and so is its folder
    delete_written(tmp_path, state.files, state.folders)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "a",
        "a/link",
    ]
    assert outside.read_text(encoding="utf-8") == "keep"


def test_reusable_needs_the_recorded_size(tmp_path: Path) -> None:
    state = _site(tmp_path)
    assert reusable(tmp_path, state, "index.html")
    (tmp_path / "index.html").write_text("<p>changed</p>", encoding="utf-8")
    assert not reusable(tmp_path, state, "index.html")
    assert not reusable(tmp_path, state, "not-listed.html")


@pytest.mark.parametrize("unlistable", ["", "a", "a/b"])
def test_a_folder_that_cannot_be_listed_is_refused_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unlistable: str
) -> None:
    """Any folder of the old site that cannot be read (permissions, I/O) may hold files
    that are not ours: the rebuild is refused with the site's usage error."""
    import os

    state = _site(tmp_path)
    blocked = os.fspath(tmp_path / unlistable) if unlistable else os.fspath(tmp_path)
    real = os.scandir

    def scandir(path: str) -> object:
        if os.fspath(path).rstrip("/") == blocked.rstrip("/"):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(UsageError) as raised:
        check_contents(tmp_path, state)
    assert raised.value.key == "error.site_foreign_files"
