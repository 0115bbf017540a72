"""`kieumau site` as a command: its options, and the safety of the output folder (the site
it builds: tests/site/test_site.py)."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.support.cli import invoke_on
from tests.support.data import copy_shipped
from tests.support.site import ATOM, build_site, rows, site_files


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
    assert len(rows(out, "index.html")) == 2 and not (out / "province/da-nang.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in index and "Model ward police stations" in index
    assert '<link rel="canonical" href="https://example.org/ca/kieumau/index.html">' in index
    feed = ET.parse(out / "feed.xml").getroot()
    links = [e.get("href") for e in feed.iter(f"{ATOM}link")]
    assert links and all(str(h).startswith("https://example.org/ca/kieumau/") for h in links)
    station = (out / "station/thanh-hoa/phuong-dong-son/index.html").read_text()
    # --base-url only makes the feed and canonical absolute: links stay relative.
    assert 'href="../../../index.html"' in station and "Progress report" in station
    assert json.loads((out / "data.json").read_text())[0]["province"] == "thanh-hoa"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base-url", "javascript:alert(1)"], "--base-url"),
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
    assert result.exit_code == 2 and ".kieumau-site" in result.stderr
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


def test_a_failed_build_leaves_the_old_site(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    out = build_site(root, tmp_path / "site")
    before = site_files(out)
    broken = tmp_path / "templates" / "site"
    broken.mkdir(parents=True)
    (broken / "station.html.j2").write_text("{{ no_such_thing }}", encoding="utf-8")
    result = invoke_on(root, "site", "-o", str(out), "--templates", str(broken.parent))
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
