"""`kieumau site`: the static website, checked without a browser — its files, links,
determinism, the data files against `status --format json`, the Atom feed, and the
incremental build.
(tests/site/test_browser.py drives it in Chromium; its options and the output folder:
tests/commands/test_site.py.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as ET

import pytest
import yaml

from tests.support.cli import invoke_on
from tests.support.data import TODAY, copy_shipped, edit
from tests.support.git import commit_all, git
from tests.support.html import parse_html, text_of
from tests.support.site import (
    ATOM,
    build_site,
    every_row,
    html_pages,
    provinces_listed,
    rows,
    site_files,
)

SITE_DATE = "2026-02-11"  # the latest date in the shipped data (Đông Sơn's 11/22 report)
PROVINCES = {"da-nang": 2, "quang-nam": 3, "thai-nguyen": 4, "thanh-hoa": 2}


def internal_links(page: str, html: str) -> Iterator[tuple[str, str]]:
    """(site path, fragment) of every link, stylesheet and script in a page that stays
    inside the site; external http(s) links (the cited sources) are left out."""
    for match in re.finditer(r'(?:href|src)="([^"]*)"', html):
        url = match.group(1).replace("&amp;", "&")
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "mailto", "data"):
            continue
        assert not parts.scheme and not parts.netloc, f"{page}: not a relative link: {url}"
        assert not url.startswith("/"), f"{page}: absolute path: {url}"
        if not parts.path:
            yield page, parts.fragment
            continue
        joined = PurePosixPath(page).parent / unquote(parts.path)
        resolved: list[str] = []
        for part in joined.parts:
            if part == "..":
                assert resolved, f"{page}: {url} leaves the site"
                resolved.pop()
            elif part != ".":
                resolved.append(part)
        yield "/".join(resolved), parts.fragment


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_shipped(tmp_path_factory.mktemp("shipped") / "data")


@pytest.fixture(scope="module")
def site(shipped: Path) -> Path:
    return build_site(shipped, shipped.parent / "site")


# --- structure ---------------------------------------------------------------------


def test_every_page_is_there(site: Path, shipped: Path) -> None:
    files = set(site_files(site))
    wards = sorted(
        p.relative_to(shipped / "wards").with_suffix("") for p in shipped.glob("wards/*/*.yaml")
    )
    sets = sorted(f"{p.parent.name}@{p.stem}" for p in shipped.glob("criteria/*/*.yaml"))
    expected = {".kieumau-site.json", "assets/style.css", "data/index.json", "feed.xml"}
    expected |= {"index.html", *(f"set/{s}.html" for s in sets)}
    expected |= {f"province/{p}.html" for p in PROVINCES} | {f"data/{p}.json" for p in PROVINCES}
    expected |= {f"station/{ward.as_posix()}/index.html" for ward in wards}
    expected |= {f"station/{ward.as_posix()}/lich.ics" for ward in wards}
    expected |= {f"province/{p}.ics" for p in PROVINCES}
    # what the next build keeps of each province, so as not to read it again
    expected |= {f".kieumau-site-provinces/{p}.json.z" for p in PROVINCES}
    histories = {f for f in files if f.endswith("/history.html")}
    assert files == expected | histories
    # A history page for each station with a week of changes, only.
    assert len(histories) == 4 and "station/thanh-hoa/phuong-dong-son/history.html" in histories
    # The state lists every file the build wrote, so a rebuild can tell them from others.
    state = json.loads((site / ".kieumau-site.json").read_text(encoding="utf-8"))
    assert state["format"] == "kieumau-site" and state["version"] == 1
    assert set(state["files"]) == files - {".kieumau-site.json"}
    assert {"station", "station/thanh-hoa", "province", "data"} <= set(state["folders"])


def test_pages_are_html5_in_vietnamese_with_shared_css(site: Path) -> None:
    for page in html_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        root = parse_html(html)
        assert root.get("lang") == "vi", page
        assert root.find(".//main") is not None, page
        assert not list(root.iter("style")), page
        sheets = [e.get("href") for e in root.iter("link") if e.get("rel") == "stylesheet"]
        assert sheets == ["../" * page.count("/") + "assets/style.css"], page
        assert all(th.get("scope") in ("col", "row") for th in root.iter("th")), page
        for element in root.iter():
            assert not any(name.startswith("on") for name in element.attrib), page
    css = (site / "assets/style.css").read_text(encoding="utf-8")
    assert "@media print" in css and "max-width: 700px" in css and "size: A4" in css


def test_internal_links_are_relative_and_resolve(site: Path) -> None:
    files = set(site_files(site))
    ids: dict[str, set[str]] = {}
    checked = 0
    for page in html_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        for target, fragment in internal_links(page, html):
            assert target in files, f"{page} links to a missing {target}"
            if fragment:
                if target not in ids:
                    ids[target] = set(re.findall(r' id="([^"]+)"', (site / target).read_text()))
                assert fragment in ids[target], f"{page} links to {target}#{fragment}"
            checked += 1
    assert checked > 250


def test_scripts_only_on_lists_and_allowed_by_their_hash(site: Path) -> None:
    for page in html_pages(site):
        html = (site / page).read_text(encoding="utf-8")
        scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert policy is not None and "default-src 'none'" in policy.group(1)
        if page.startswith(("station/", "set/")):
            assert not scripts and "script-src" not in policy.group(1), page
            continue
        assert len(scripts) == 1, page
        digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in policy.group(1), page
        assert "http" not in scripts[0]  # no CDN, no network


# --- content -----------------------------------------------------------------------


def test_index_lists_the_provinces_and_their_pages_every_station(site: Path, shipped: Path) -> None:
    assert provinces_listed(site) == {f"province/{p}.html": str(n) for p, n in PROVINCES.items()}
    listed = json.loads(invoke_on(shipped, "list", "--format", "json").stdout)
    expected = {f"station/{w['ward']}/index.html": f"{w['met']}/{w['total']}" for w in listed}
    assert dict(every_row(site)) == expected
    text = " ".join(text_of(parse_html((site / "index.html").read_text())).split())
    assert "Số liệu tính đến ngày 11/02/2026" in text and "11 đơn vị · 2 đủ điều kiện" in text
    assert "4 tỉnh, thành phố" in text and 'id="stations"' in (site / "index.html").read_text()


def test_province_pages_list_their_stations_by_name(site: Path) -> None:
    for province, count in PROVINCES.items():
        listed = rows(site, f"province/{province}.html")
        assert len(listed) == count
        assert all(f"/{province}/" in href for href, _ in listed)
    names = [href for href, _ in rows(site, "province/thanh-hoa.html")]
    assert names[0].endswith("phuong-dong-son/index.html")  # Đ sorts as D
    # The script sorts by ranks inside the province; the page comes by name.
    page = (site / "province/thai-nguyen.html").read_text(encoding="utf-8")
    ranks = [int(n) for n in re.findall(r'data-o-name="(\d+)"', page)]
    assert ranks == list(range(4))
    assert sorted(int(n) for n in re.findall(r'data-o-progress="(\d+)"', page)) == ranks
    text = " ".join(text_of(parse_html(page)).split())
    assert "Kho dữ liệu: data" in text


def test_long_province_lists_are_paginated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kieumau_cli.site import model

    monkeypatch.setattr(model, "PAGE_SIZE", 3)
    root = copy_shipped(tmp_path / "data")
    out = build_site(root, tmp_path / "s")
    first = rows(out, "province/thai-nguyen.html")
    second = rows(out, "province/thai-nguyen.page-2.html")
    assert (len(first), len(second)) == (3, 1)
    assert not (out / "province/thai-nguyen.page-3.html").exists()
    assert not (out / "province/thanh-hoa.page-2.html").exists()
    html = (out / "province/thai-nguyen.html").read_text(encoding="utf-8")
    assert 'rel="next" href="../province/thai-nguyen.page-2.html"' in html
    later = (out / "province/thai-nguyen.page-2.html").read_text(encoding="utf-8")
    assert 'rel="prev" href="../province/thai-nguyen.html"' in later
    assert "trang 2/2" in later and "(cả danh sách: 4)" in later
    assert "2 trang" in (out / "index.html").read_text(encoding="utf-8")


def test_station_page_is_the_report_with_its_history(site: Path) -> None:
    page = "station/thanh-hoa/phuong-dong-son/index.html"
    root = parse_html((site / page).read_text(encoding="utf-8"))
    text = " ".join(text_of(root).split())
    assert "11/22 tiêu chí đạt (50%)" in text
    assert "Tính đến ngày 11/02/2026" in text
    assert "Giao ban hằng tuần (12 tuần có thay đổi)" in text
    assert "Nguồn: data/wards/thanh-hoa/phuong-dong-son.yaml" in text
    assert root.find(".//*[@id='progress-chart']") is not None
    hrefs = [a.get("href") for a in root.iter("a")]
    assert "../../../station/thanh-hoa/phuong-dong-son/history.html#2026-W07" in hrefs
    assert "../../../set/thanh-hoa-antt-cds@2026.html" in hrefs
    history = (site / "station/thanh-hoa/phuong-dong-son/history.html").read_text()
    history_root = parse_html(history)
    sections = [e.get("id") for e in history_root.iter("section")]
    assert len(sections) == 12 and sections[0] == "2026-W07" and sections[-1] == "2025-W47"
    week = next(e for e in history_root.iter("section") if e.get("id") == "2026-W07")
    week_text = " ".join(text_of(week).split())
    assert "Tuần 07 năm 2026" in week_text
    assert "11/22 tiêu chí đạt (50%) — tăng 2 tiêu chí so với tuần trước" in week_text
    assert "Nguồn: data/wards/thanh-hoa/phuong-dong-son.yaml" in text_of(history_root)


def test_week_links_agree_with_the_briefings(shipped: Path) -> None:
    """The station page's list of weeks is computed apart from the briefings, faster:
    both must say the same score and change for every week."""
    from kieumau_cli.commands.context import Context
    from kieumau_cli.results.brief import DEFAULT_STALLED_WEEKS, Brief
    from kieumau_cli.site.collect import site_date
    from kieumau_cli.site.model import SiteRequest
    from kieumau_cli.site.shard import Common, Job, Share
    from kieumau_cli.site.state import Written

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIEUMAU_TODAY", TODAY)
        context = Context.create(shipped)
        request = SiteRequest(shipped.parent / "unused", use_git=False)
        job = Job(
            context.repository,
            request,
            context.today,
            "vi",
            None,
            shipped.parent / "unused",
            None,
            None,
            lambda path, old: False,
            lambda folder, path, text: Written(0, ""),
            lambda site: {},
        )
        share = Share(job, 0, 1)
        date = site_date([share.load().latest], context.today)
        site = share.site(Common(date, None, "", same_site=False))
    assert str(site.date) == SITE_DATE
    checked = 0
    for station in site.stations:
        for week in station.weeks:
            brief = Brief.build(station.timeline, week.period, site.date, DEFAULT_STALLED_WEEKS)
            assert (week.after, week.delta) == (brief.after, brief.delta), week.path
            assert week.changes == len(brief.changes), week.path
            checked += 1
    assert checked == 16


def test_criteria_set_page_has_provenance_and_users(site: Path) -> None:
    html = (site / "set/cap-kieu-mau@2021.html").read_text(encoding="utf-8")
    text = " ".join(text_of(parse_html(html)).split())
    assert "Bộ tiêu chí cap-kieu-mau@2021" in text
    assert 'href="../province/thai-nguyen.html"' in html
    assert "minh họa (chưa có nguồn chính thức): Không tìm được văn bản gốc" in text
    assert 'href="../set/cap-kieu-mau@2023.html"' in html  # superseded by
    unused = (site / "set/an-toan-antt-xa-phuong@2021.html").read_text(encoding="utf-8")
    assert "124/2021/TT-BCA" in unused and "Chưa có đơn vị nào dùng bộ tiêu chí này." in unused


def test_data_files_are_status_json_of_every_station(site: Path, shipped: Path) -> None:
    index = json.loads((site / "data/index.json").read_text(encoding="utf-8"))
    assert index["schema_version"] == 1 and index["date"] == SITE_DATE
    assert (index["stations"], index["qualified"]) == (11, 2)
    assert [p["province"] for p in index["provinces"]] == sorted(PROVINCES)
    data = []
    for province in index["provinces"]:
        assert province["stations"] == PROVINCES[province["province"]]
        assert province["page"] == f"province/{province['province']}.html"
        assert province["roots"] == ["data"]
        assert (
            sum(province[s] for s in ("qualified", "in-progress", "not-started"))
            == (province["stations"])
        )
        part = json.loads((site / province["data"]).read_text(encoding="utf-8"))
        assert part["schema_version"] == 1 and part["province"] == province["province"]
        data += part["stations"]
    assert [item["ward"] for item in data] == sorted(item["ward"] for item in data)
    assert len(data) == 11
    for item in data:
        assert item.pop("root") == "data"
        assert item.pop("source") == f"wards/{item['ward']}.yaml"
        shown = invoke_on(shipped, "status", item["ward"], "--format", "json", today=SITE_DATE)
        assert json.loads(shown.stdout) == item
    dong_son = next(item for item in data if item["slug"] == "phuong-dong-son")
    assert (dong_son["met"], dong_son["total"]) == (11, 22)


def test_feed_is_atom_with_one_entry_per_change(site: Path, shipped: Path) -> None:
    tree = ET.parse(site / "feed.xml")
    feed = tree.getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    for tag in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{tag}") is not None
    entries = feed.findall(f"{ATOM}entry")
    # Updated when the newest change happened (Đông Sơn's 10/02/2026 entries).
    assert feed.findtext(f"{ATOM}updated") == "2026-02-10T00:00:00+07:00"
    history = sum(
        len(yaml.safe_load(path.read_text(encoding="utf-8")).get("history") or [])
        for path in shipped.glob("wards/*/*.yaml")
    )
    assert len(entries) == history > 0
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids) and all(i and i.startswith("urn:uuid:") for i in ids)
    dates = [entry.findtext(f"{ATOM}updated") or "" for entry in entries]
    assert dates == sorted(dates, reverse=True)
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        link = entry.find(f"{ATOM}link")
        assert link is not None
        assert (site / str(link.get("href")).split("#")[0]).is_file()
    first = entries[0].findtext(f"{ATOM}title")
    assert first == "Phường Đông Sơn: C15 Chưa đạt → Đang thực hiện"


# --- determinism ---------------------------------------------------------------------


def test_rebuilds_are_byte_identical_whatever_the_day(site: Path, shipped: Path) -> None:
    first = site_files(site)
    again = build_site(shipped, shipped.parent / "again", today="2026-06-30")
    assert site_files(again) == first
    build_site(shipped, site)  # over itself
    assert site_files(site) == first
    assert not list(shipped.parent.glob(".*kieumau-*"))  # no temporary folder left


def test_loading_in_worker_processes_gives_the_same_site(site: Path, shipped: Path) -> None:
    parallel = build_site(shipped, shipped.parent / "loaded-in-two", KIEUMAU_JOBS="2")
    assert site_files(parallel) == site_files(site)
    broken = shipped.parent / "broken-data"
    copy_shipped(broken)
    edit(broken / "wards/da-nang/xa-hoa-phong.yaml", "province: da-nang", "province: [da-nang")
    serial = invoke_on(broken, "site", "-o", str(shipped.parent / "b1"))
    two = invoke_on(broken, "site", "-o", str(shipped.parent / "b2"), KIEUMAU_JOBS="2")
    assert serial.exit_code == two.exit_code == 1
    diagnostics = [line for line in serial.stderr.splitlines() if "error[" in line]
    assert diagnostics and diagnostics == [x for x in two.stderr.splitlines() if "error[" in x]
    assert site_files(shipped.parent / "b1") == site_files(shipped.parent / "b2")


def test_data_change_changes_the_site(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    before = site_files(build_site(root, tmp_path / "a"))
    edit(root / "wards/thanh-hoa/phuong-dong-son.yaml", "target: 2026-12-31", "target: 2026-11-30")
    after = site_files(build_site(root, tmp_path / "b"))
    changed = sorted(path for path in before if before[path] != after[path])
    assert changed == [
        ".kieumau-site-provinces/thanh-hoa.json.z",
        ".kieumau-site.json",
        "station/thanh-hoa/phuong-dong-son/index.html",
    ]


def test_stamp_uses_today_and_the_build_time(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    out = build_site(root, tmp_path / "s", "--stamp", SOURCE_DATE_EPOCH="1771545600")
    text = (out / "index.html").read_text(encoding="utf-8")
    assert "Số liệu tính đến ngày 20/02/2026; trang dựng lúc 2026-02-20T00:00:00+00:00" in text


def test_git_only_change_gets_its_week_and_feed_entry(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    git(root, "init", "-q")
    commit_all(root, "Dữ liệu ban đầu", "2026-02-12T09:00:00+07:00")
    ward = root / "wards/thanh-hoa/phuong-dong-son.yaml"
    edit(ward, "  C15:\n    status: in_progress", "  C15:\n    status: met")
    commit_all(root, "C15 đạt", "2026-02-18T10:00:00+07:00", author="Lê Thị Bình")
    out = build_site(root, tmp_path / "s", GIT_CEILING_DIRECTORIES=str(tmp_path.parent))
    history = parse_html((out / "station/thanh-hoa/phuong-dong-son/history.html").read_text())
    week = next(e for e in history.iter("section") if e.get("id") == "2026-W08")
    text = " ".join(text_of(week).split())
    # The change only git knows is listed, dated and attributed; its commit id is not
    # shown (a technical detail, see docs/reports.md).
    assert "12/22 tiêu chí đạt" in text and "theo git, commit" not in text
    assert "Tiêu chí số 15" in text and "18/02/2026, Lê Thị Bình" in text
    assert "Số liệu tính đến ngày 18/02/2026" in (out / "index.html").read_text()
    entry = ET.parse(out / "feed.xml").getroot().find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == "Phường Đông Sơn: C15 Đang thực hiện → Đạt"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Lê Thị Bình"
    assert "git " in str(entry.findtext(f"{ATOM}summary"))
    # `status` reads the file alone, and so do the data files.
    data = json.loads((out / "data/thanh-hoa.json").read_text())["stations"]
    dong_son = next(item for item in data if item["slug"] == "phuong-dong-son")
    del dong_son["root"], dong_son["source"]
    shown = invoke_on(root, "status", "phuong-dong-son", "-f", "json", today="2026-02-18")
    assert json.loads(shown.stdout) == dong_son and dong_son["met"] == 12


# --- escaping, invalid data ---------------------------------------------------------


def test_data_is_escaped(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    edit(
        root / "wards/thanh-hoa/phuong-dong-son.yaml",
        'unit: "Công an phường Đông Sơn"',
        'unit: "Công an <script>alert(1)</script> Đông Sơn"',
    )
    out = build_site(root, tmp_path / "s")
    for page in ("province/thanh-hoa.html", "station/thanh-hoa/phuong-dong-son/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_invalid_ward_is_listed_and_exits_1(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    edit(root / "wards/da-nang/xa-hoa-phong.yaml", "province: da-nang", "province: [da-nang")
    result = invoke_on(root, "site", "-o", str(tmp_path / "s"))
    assert result.exit_code == 1
    assert "xa-hoa-phong.yaml" in result.stderr and "yaml-syntax" in result.stderr
    index = (tmp_path / "s/index.html").read_text(encoding="utf-8")
    assert "da-nang/xa-hoa-phong: tệp không hợp lệ" in index
    assert len(every_row(tmp_path / "s")) == 10


# --- calendars -----------------------------------------------------------------------


def _events(path: Path) -> dict[str, object]:
    from icalendar import Calendar

    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_each_station_and_province_has_a_calendar_of_its_due_dates(
    site: Path, shipped: Path
) -> None:
    station = _events(site / "station/thanh-hoa/phuong-dong-son/lich.ics")
    province = _events(site / "province/thanh-hoa.ics")
    due = json.loads(
        invoke_on(
            shipped,
            "due",
            "phuong-dong-son",
            "--within",
            "3660",
            "--format",
            "json",
            today=SITE_DATE,
        ).stdout
    )
    dated = {
        f"{task['station']}/{task['criterion']}@kieumau"
        for group in due["owners"]
        for task in group["tasks"]
        if task["due"]
    }
    assert set(station) == dated and len(station) > 0
    assert set(station) <= set(province)  # the province feed holds its stations' events
    page = (site / "station/thanh-hoa/phuong-dong-son/index.html").read_text(encoding="utf-8")
    assert 'href="lich.ics"' in page
    assert 'href="thanh-hoa.ics"' in (site / "province/thanh-hoa.html").read_text("utf-8")
    # The station's own calendar names it once (calendar name, event titles); the
    # province's, mixing stations, says in each event which station it is.
    own = (site / "station/thanh-hoa/phuong-dong-son/lich.ics").read_bytes().decode("utf-8")
    mixed = (site / "province/thanh-hoa.ics").read_bytes().decode("utf-8")  # CRLF kept
    unfolded = [text.replace("\r\n ", "") for text in (own, mixed)]
    assert "Địa bàn: phường Đông Sơn" not in unfolded[0]
    assert "X-WR-CALNAME:Hạn tiêu chí — Phường Đông Sơn" in unfolded[0]
    assert "Địa bàn: phường Đông Sơn\\, tỉnh Thanh Hóa\\nPhụ trách" in unfolded[1]  # TEXT escapes


def test_a_met_criterion_leaves_the_calendar_and_uids_stay(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data")
    first = build_site(root, tmp_path / "s")
    before = _events(first / "station/thanh-hoa/phuong-dong-son/lich.ics")
    assert "thanh-hoa/phuong-dong-son/C08@kieumau" in before
    edit(
        root / "wards/thanh-hoa/phuong-dong-son.yaml",
        "  C08:\n    status: in_progress",
        "  C08:\n    status: met",
    )
    again = build_site(root, tmp_path / "s")
    after = _events(again / "station/thanh-hoa/phuong-dong-son/lich.ics")
    assert set(after) == set(before) - {"thanh-hoa/phuong-dong-son/C08@kieumau"}
    province = _events(again / "province/thanh-hoa.ics")
    assert "thanh-hoa/phuong-dong-son/C08@kieumau" not in province


def test_the_entry_page_measures_the_roadmap_as_summary_does(tmp_path: Path) -> None:
    """Workers send back each station's stage; the entry page's roadmap is summary's."""
    root = copy_shipped(tmp_path / "data", programme=True)
    out = build_site(root, tmp_path / "s")
    national = json.loads(invoke_on(root, "summary", "--format", "json").stdout)["roadmap"]
    national = national["national"]
    html = (out / "index.html").read_text("utf-8")
    page = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    counts = f"{national['recognised']} / {national['in_progress']} / {national['not_started']}"
    assert "Lộ trình công nhận" in page and f"toàn quốc {counts}" in page
    assert f"{national['recognised']}/687 (0,6%) — mục tiêu 30%: chưa đạt" in page
    # …and the criteria holding most stations back, as summary's matrix finds them.
    matrix = json.loads(invoke_on(root, "summary", "--format", "json").stdout)["roadmap"]["matrix"]
    assert matrix and "Tiêu chí còn vướng nhiều nhất" in page
    first = matrix[0]["holding"][0]
    assert f"{len(first['stations'])} đơn vị" in page and first["title"] in page
    assert "Lộ trình" not in (
        build_site(copy_shipped(tmp_path / "bare"), tmp_path / "b") / "index.html"
    ).read_text("utf-8")
