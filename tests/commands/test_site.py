"""`kieumau site` as a command: its options, and the safety of the output folder (the site
it builds: tests/site/test_site.py)."""

from __future__ import annotations

import functools
import hashlib
import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest

from tests.support.cli import invoke_on
from tests.support.data import copy_shipped, edit
from tests.support.site import ATOM, build_site, every_row, site_files


def test_province_english_and_base_url(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    out = build_site(
        root,
        tmp_path / "en",
        "--province",
        "Thanh Hóa",
        "--lang",
        "en",
        "--base-url",
        "https://example.org/ca/kieumau",
    )
    assert len(every_row(out)) == 2 and not (out / "province/da-nang.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and "Model ward police stations" in index
    assert '<link rel="canonical" href="https://example.org/ca/kieumau/index.html">' in index
    feed = ET.parse(out / "feed.xml").getroot()
    links = [e.get("href") for e in feed.iter(f"{ATOM}link")]
    assert links and all(str(h).startswith("https://example.org/ca/kieumau/") for h in links)
    station = (out / "station/thanh-hoa/phuong-dong-son/index.html").read_text()
    # --base-url only makes the feed and canonical absolute: links stay relative.
    assert 'href="../../../index.html"' in station and "Progress report" in station
    index = json.loads((out / "data/index.json").read_text())
    assert [p["province"] for p in index["provinces"]] == ["thanh-hoa"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base-url", "javascript:alert(1)"], "--base-url"),
        (["--base-url", "https://example.org/\x1b]52;c;x\x07/"], "--base-url"),
        (["--base-url", "https://example.org/\u202egpj.exe/"], "--base-url"),
        (["--province", "atlantis"], "không có đơn vị nào ở tỉnh"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    root = copy_shipped(tmp_path / "data")
    result = invoke_on(root, "site", "-o", str(tmp_path / "out"), *args)
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_output_option_is_a_usage_error(tmp_path: Path) -> None:
    assert invoke_on(copy_shipped(tmp_path / "data"), "site").exit_code == 2


# --- the output folder -------------------------------------------------------------


def test_refuses_the_data_root_and_folders_holding_it(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    for target in (root, tmp_path, root / "wards" / "site"):
        result = invoke_on(root, "site", "-o", str(target))
        assert result.exit_code == 2, target
    assert sorted(p.name for p in root.iterdir()) == ["criteria", "wards"]


def test_never_deletes_user_files(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("của tôi", encoding="utf-8")
    result = invoke_on(root, "site", "-o", str(mine))
    assert result.exit_code == 2 and ".kieumau-site.json" in result.stderr
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    # A file added to a built site is not the build's to delete either.
    out = build_site(root, tmp_path / "site")
    (out / "CNAME").write_text("example.org", encoding="utf-8")
    result = invoke_on(root, "site", "-o", str(out))
    assert result.exit_code == 2 and "CNAME" in result.stderr
    assert (out / "CNAME").is_file() and (out / "index.html").is_file()
    # A plain file, and an empty folder (used as is).
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert invoke_on(root, "site", "-o", str(tmp_path / "file")).exit_code == 2
    (tmp_path / "empty").mkdir()
    assert (build_site(root, tmp_path / "empty") / "index.html").is_file()


@pytest.mark.parametrize("jobs", ["1", "2"])  # a template error in a worker too
def test_a_failed_build_leaves_the_old_site(tmp_path: Path, jobs: str) -> None:
    root = copy_shipped(tmp_path / "data")
    out = build_site(root, tmp_path / "site")
    before = site_files(out)
    broken = tmp_path / "templates" / "site"
    broken.mkdir(parents=True)
    (broken / "station.html.j2").write_text("{{ no_such_thing }}", encoding="utf-8")
    result = invoke_on(
        root, "site", "-o", str(out), "--templates", str(broken.parent), KIEUMAU_JOBS=jobs
    )
    assert result.exit_code == 2 and "station.html.j2" in result.stderr
    assert site_files(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site", "templates"]


def test_templates_override_file_by_file(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    mine = tmp_path / "templates" / "site"
    mine.mkdir(parents=True)
    (mine / "_footer.html.j2").write_text("<p>Công an tỉnh — bản thử</p>\n", encoding="utf-8")
    out = build_site(root, tmp_path / "s", "--templates", str(mine.parent))
    assert "Công an tỉnh — bản thử" in (out / "index.html").read_text(encoding="utf-8")


def _tree(folder: Path) -> dict[str, str]:
    """Everything under a folder, links not followed: path -> kind (and link target)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[relative] = f"link:{path.readlink()}"
        else:
            found[relative] = "folder" if path.is_dir() else "file"
    return found


@pytest.mark.parametrize("plant", ["file", "folder", "link-outside", "linked-folder"])
def test_never_deletes_what_it_did_not_write(tmp_path: Path, plant: str) -> None:
    root = copy_shipped(tmp_path / "data")
    out = build_site(root, tmp_path / "site")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("giữ lại", encoding="utf-8")
    planted = out / "station" / "thanh-hoa" / "extra"
    if plant == "file":
        planted.write_text("của tôi", encoding="utf-8")
    elif plant == "folder":
        planted.mkdir()
    elif plant == "link-outside":
        planted.symlink_to(outside / "keep.txt")
    else:
        planted.symlink_to(outside, target_is_directory=True)
    before, outside_before = _tree(out), _tree(outside)
    result = invoke_on(root, "site", "-o", str(out))
    assert result.exit_code == 2 and "station/thanh-hoa/extra" in result.stderr
    assert _tree(out) == before and _tree(outside) == outside_before


def test_a_folder_without_state_is_refused_unless_empty(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    out = build_site(root, tmp_path / "site")
    (out / ".kieumau-site.json").unlink()
    before = _tree(out)
    result = invoke_on(root, "site", "-o", str(out))
    assert result.exit_code == 2 and "kieumau-site.json" in result.stderr
    assert _tree(out) == before
    (out / ".kieumau-site.json").write_text("{not json", encoding="utf-8")
    assert invoke_on(root, "site", "-o", str(out)).exit_code == 2
    assert (out / "index.html").is_file()


def test_a_site_of_the_previous_version_is_replaced(tmp_path: Path) -> None:
    """The plain `.kieumau-site` marker of 0.2: its listed files are replaced, the
    per-week briefing pages it listed are gone after the rebuild."""
    root = copy_shipped(tmp_path / "data")
    out = tmp_path / "site"
    (out / "station/thanh-hoa/phuong-dong-son").mkdir(parents=True)
    (out / "station/thanh-hoa/phuong-dong-son/2026-W07.html").write_text("old", encoding="utf-8")
    (out / "data.json").write_text("[]", encoding="utf-8")
    listed = ["data.json", "station/thanh-hoa/phuong-dong-son/2026-W07.html"]
    (out / ".kieumau-site").write_text("kieumau site\n" + "\n".join(listed) + "\n")
    build_site(root, out)
    assert not (out / "data.json").exists() and not (out / ".kieumau-site").exists()
    assert (out / "station/thanh-hoa/phuong-dong-son/history.html").is_file()
    assert not (out / "station/thanh-hoa/phuong-dong-son/2026-W07.html").exists()


def test_incremental_rebuild_rewrites_only_what_depends_on_the_edit(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    out = build_site(root, tmp_path / "site")
    inodes = {p: (out / p).stat().st_ino for p in site_files(out)}
    ward = root / "wards/thanh-hoa/phuong-dong-son.yaml"
    edit(ward, "  C15:\n    status: in_progress", "  C15:\n    status: met")
    result = invoke_on(root, "site", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    rewritten = sorted(p for p in site_files(out) if (out / p).stat().st_ino != inodes.get(p))
    assert rewritten == [
        ".kieumau-site-provinces/thanh-hoa.json.z",
        ".kieumau-site.json",
        "assets/style.css",
        "data/index.json",
        "data/thanh-hoa.json",
        "feed.xml",
        "index.html",
        "province/thanh-hoa.html",
        "province/thanh-hoa.ics",
        *(f"set/{p.parent.name}@{p.stem}.html" for p in sorted(root.glob("criteria/*/*.yaml"))),
        "station/thanh-hoa/phuong-dong-son/history.html",
        "station/thanh-hoa/phuong-dong-son/index.html",
        "station/thanh-hoa/phuong-dong-son/lich.ics",
    ]
    # … and the result is byte for byte a full build of the same data.
    assert site_files(out) == site_files(build_site(root, tmp_path / "full"))
    # A rebuild with nothing changed keeps every station and province file.
    kept = {p: (out / p).stat().st_ino for p in site_files(out) if p.startswith("station/")}
    build_site(root, out)
    assert kept == {p: (out / p).stat().st_ino for p in kept}


def _opened_during(monkeypatch: pytest.MonkeyPatch, run: Callable[[], object]) -> set[str]:
    """The province folders whose ward files `run` opened (in this process)."""
    from kieumau_cli.load.repository import Repository

    opened: set[str] = set()
    original = Repository.open_ward

    def open_ward(self: Repository, path: Path) -> Any:
        opened.add(path.parent.name)
        return original(self, path)

    monkeypatch.setattr(Repository, "open_ward", open_ward)
    run()
    monkeypatch.undo()
    return opened


def test_an_incremental_rebuild_reads_only_the_edited_province(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_shipped(tmp_path / "data")
    out = build_site(root, tmp_path / "site")
    edit(root / "wards/thanh-hoa/phuong-dong-son.yaml", "owner: ", "owner: Tổ 2 — ", first=True)
    rebuild = functools.partial(invoke_on, root, "site", "-o", str(out), KIEUMAU_JOBS="1")
    assert _opened_during(monkeypatch, rebuild) == {"thanh-hoa"}
    assert site_files(out) == site_files(build_site(root, tmp_path / "full"))
    assert _opened_during(monkeypatch, rebuild) == set()  # nothing changed: nothing read


@pytest.mark.parametrize(
    "change",
    [
        "later-date",  # the site's date moves: every page changes, every province is read
        "tampered-record",  # a record that is not what the build wrote is never believed
        "removed-record",
        "inflating-record",  # planted with a matching state entry: still never believed
    ],
)
def test_a_rebuild_that_cannot_trust_its_records_reads_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    root = copy_shipped(tmp_path / "data")
    out = build_site(root, tmp_path / "site")
    record = out / ".kieumau-site-provinces" / "da-nang.json.z"
    if change == "later-date":
        edit(
            root / "wards/thanh-hoa/phuong-dong-son.yaml",
            "updated: 2026-02-11",
            "updated: 2026-02-20",
            first=True,
        )
    elif change == "tampered-record":
        record.write_bytes(zlib.compress(b'{"version": 1}'))
    elif change == "inflating-record":
        bomb = zlib.compress(b'{"version": 1, "pad": "' + b" " * (17 * 1024 * 1024) + b'"}')
        record.write_bytes(bomb)
        state_file = out / ".kieumau-site.json"
        state = json.loads(state_file.read_text(encoding="utf-8"))
        name = ".kieumau-site-provinces/da-nang.json.z"
        state["files"][name] = [len(bomb), hashlib.sha256(bomb).hexdigest()]
        state_file.write_text(json.dumps(state), encoding="utf-8")
    else:
        record.unlink()
    rebuild = functools.partial(invoke_on, root, "site", "-o", str(out), KIEUMAU_JOBS="1")
    opened = _opened_during(monkeypatch, rebuild)
    assert "da-nang" in opened
    assert site_files(out) == site_files(build_site(root, tmp_path / "full"))


def test_a_province_with_a_broken_ward_is_read_and_reported_every_time(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    edit(root / "wards/da-nang/xa-hoa-phong.yaml", "province: da-nang", "province: [da-nang")
    out = tmp_path / "site"
    first = invoke_on(root, "site", "-o", str(out))
    again = invoke_on(root, "site", "-o", str(out))
    assert first.exit_code == again.exit_code == 1
    assert "xa-hoa-phong.yaml" in again.stderr
    assert not (out / ".kieumau-site-provinces" / "da-nang.json.z").exists()
