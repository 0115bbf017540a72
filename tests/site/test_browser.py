"""`kieumau site` in a real browser: the built site is served from 127.0.0.1 (under a
sub-path, as a web host would) and driven in Debian's headless Chromium with
Playwright. Screenshots go to artifacts/screenshots/ (git-ignored).

Without /usr/bin/chromium the tests are skipped, except under CI (CI=true), where a
missing browser is a failure: `.ci/run` installs it.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.cli import invoke_on
from tests.support.data import REPO, copy_shipped
from tests.support.site import build_site, html_pages

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page

CHROMIUM = Path("/usr/bin/chromium")
# The flags a sandboxed, offline machine needs; Playwright adds a fresh --user-data-dir.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = REPO / "artifacts" / "screenshots"
SUB_PATH = "pub/kieumau/"
DONG_SON = "station/thanh-hoa/phuong-dong-son/index.html"
DONG_SON_HISTORY = "station/thanh-hoa/phuong-dong-son/history.html"
THAI_NGUYEN = "province/thai-nguyen.html"
THAI_NGUYEN_2 = "province/thai-nguyen.page-2.html"
PAGE_SIZE = 3  # so that Thái Nguyên's 4 stations take two pages


def _require_browser() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the class attribute http.server reads
        **SimpleHTTPRequestHandler.extensions_map,
        ".json": "application/json",
        ".xml": "application/atom+xml",
    }

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _require_browser()
    from kieumau_cli.site import model

    base = tmp_path_factory.mktemp("browser")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(model, "PAGE_SIZE", PAGE_SIZE)
        return build_site(copy_shipped(base / "data"), base / "www" / SUB_PATH)


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """The site served by a threaded static server on 127.0.0.1, port chosen by the OS."""
    www = site.parent.parent
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(www))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser(site: Path) -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=FLAGS
        )
        yield chromium
        chromium.close()


class Errors:
    """Console errors and uncaught exceptions of every page of a context."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def watch(self, page: Page) -> Page:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.append(f"{page.url}: {error}"))
        page.set_default_timeout(15_000)
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.found.append(f"{message.location.get('url')}: {message.text}")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    made = browser.new_context(viewport={"width": 1280, "height": 900})
    yield made
    made.close()


@pytest.fixture
def errors() -> Errors:
    return Errors()


def shown(page: Page, count: int) -> None:
    """Wait until the script has applied a filter (the count it shows), even on a busy machine.
    A locator assertion polls without `eval` (a string predicate would be refused by the
    page's Content-Security-Policy whenever the first check is not already true)."""
    from playwright.sync_api import expect

    expect(page.locator("#shown")).to_have_text(str(count), timeout=15_000)


def sorted_by(page: Page, key: str) -> None:
    """Wait until the script has sorted the table by `key` (polling without `eval`)."""
    from playwright.sync_api import expect

    expect(page.locator("th[aria-sort]")).to_have_attribute("data-sort", key, timeout=15_000)


def visible_rows(page: Page) -> list[str]:
    return page.locator("#stations tr:visible th a").all_inner_texts()


# --- the entry page ----------------------------------------------------------------


def test_index_lists_every_province_with_its_count(
    context: BrowserContext, base_url: str, site: Path, errors: Errors
) -> None:
    listed = json.loads(invoke_on(site.parent.parent.parent / "data", "list", "-f", "json").stdout)
    counts: dict[str, int] = {}
    for ward in listed:
        counts[ward["province_name"]] = counts.get(ward["province_name"], 0) + 1
    page = errors.watch(context.new_page())
    page.goto(base_url + "index.html")
    rows = page.locator("#stations tr")
    shown = {}
    for index in range(rows.count()):
        row = rows.nth(index)
        shown[row.locator("th a").inner_text()] = int(row.locator("td.num").first.inner_text())
    assert shown == counts and len(shown) == 4
    assert page.locator("#shown").inner_text() == "4"
    assert not errors.found


def test_filtering_the_index_with_the_script(
    context: BrowserContext, base_url: str, errors: Errors
) -> None:
    page = errors.watch(context.new_page())
    page.goto(base_url + "index.html")
    assert page.locator("#filters").is_visible()
    page.fill("#f-q", "thai nguyen")  # without accents
    shown(page, 1)
    assert visible_rows(page) == ["Tỉnh Thái Nguyên"]
    page.fill("#f-q", "không có")
    shown(page, 0)
    assert visible_rows(page) == [] and page.locator("#none").is_visible()
    page.click("button[type=reset]")
    shown(page, 4)
    assert not errors.found


# --- a province -----------------------------------------------------------------------


def test_province_page_filters_sorts_and_pages_with_the_script(
    context: BrowserContext, base_url: str, errors: Errors
) -> None:
    page = errors.watch(context.new_page())
    page.goto(base_url + "index.html")
    page.get_by_role("link", name="Tỉnh Thái Nguyên").click()
    assert page.url == base_url + THAI_NGUYEN
    assert visible_rows(page) == ["Phường Đức Xuân", "Phường Sông Cầu", "Phường Thắng Lợi"]
    page.select_option("#f-state", "qualified")  # within this page
    shown(page, 1)
    assert visible_rows(page) == ["Phường Thắng Lợi"]
    page.click("button[type=reset]")
    shown(page, 3)
    page.fill("#f-q", "song cau")
    shown(page, 1)
    assert visible_rows(page) == ["Phường Sông Cầu"]
    page.fill("#f-q", "")
    shown(page, 3)
    page.select_option("#f-sort", "progress")
    sorted_by(page, "progress")
    assert visible_rows(page)[0] == "Phường Thắng Lợi"  # 20/20 first
    page.get_by_role("link", name="Trang sau →").first.click()
    assert page.url == base_url + THAI_NGUYEN_2
    assert visible_rows(page) == ["Phường Xuất Hóa"]
    assert "trang 2/2" in page.locator("h2").first.inner_text()
    page.get_by_role("link", name="← Trang trước").first.click()
    assert page.url == base_url + THAI_NGUYEN
    assert not errors.found


def test_without_script_every_row_shows_and_pages_are_links(
    browser: Browser, base_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "index.html")
        assert not page.locator("#filters").is_visible()
        assert page.locator("#stations tr").count() == 4
        page.get_by_role("link", name="Tỉnh Thái Nguyên").click()
        assert page.url == base_url + THAI_NGUYEN
        assert not page.locator("#filters").is_visible()
        assert page.locator("#stations tr").count() == 3
        page.get_by_role("link", name="2", exact=True).first.click()
        assert page.url == base_url + THAI_NGUYEN_2
        assert page.locator("#stations th a").all_inner_texts() == ["Phường Xuất Hóa"]
    finally:
        context.close()


# --- a station ---------------------------------------------------------------------


def test_dong_son_page_shows_11_of_22_and_its_weeks(
    context: BrowserContext, base_url: str, errors: Errors
) -> None:
    page = errors.watch(context.new_page())
    page.goto(base_url + "province/thanh-hoa.html")
    page.get_by_role("link", name="Phường Đông Sơn", exact=True).click()
    assert page.url == base_url + DONG_SON
    assert page.locator(".score .big").first.inner_text() == "11/22"
    assert page.locator("#progress-chart").is_visible()
    assert "Nguồn: data/wards/thanh-hoa/phuong-dong-son.yaml" in page.locator(".quick").inner_text()
    page.get_by_role("link", name="Tuần 07 năm 2026").first.click()
    assert page.url == base_url + DONG_SON_HISTORY + "#2026-W07"
    week = page.locator("section[id='2026-W07']")
    assert (
        week.is_visible()
        and "11/22 tiêu chí đạt (50%) — tăng 2 tiêu chí so với tuần trước" in week.inner_text()
    )
    assert not errors.found


# --- every page --------------------------------------------------------------------


def test_crawl_every_page_no_broken_link_no_console_error(
    context: BrowserContext, base_url: str, site: Path, errors: Errors
) -> None:
    page = errors.watch(context.new_page())
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(f"{request.url} failed"))
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.url}: {response.status}") if response.status >= 400 else None
        ),
    )
    queue, seen, fragments = ["index.html"], {"index.html"}, []
    while queue:
        path = queue.pop()
        response = page.goto(base_url + path)
        assert response is not None and response.ok, path
        links = page.eval_on_selector_all(
            "a[href], link[href]", "elements => elements.map(e => e.href)"
        )
        for link in links:
            if not link.startswith(base_url):
                assert link.startswith(("https://", "http://", "data:")), f"{path}: {link}"
                assert "127.0.0.1" not in link, f"{path} leaves the site: {link}"
                continue
            target, _, fragment = link[len(base_url) :].partition("#")
            if fragment:
                fragments.append((target or path, fragment))
            if target.endswith(".html") and target not in seen:
                seen.add(target)
                queue.append(target)
            elif not target.endswith(".html") and target not in seen:
                seen.add(target)
                got = page.request.get(base_url + target)
                assert got.ok, f"{path} links to {target}: {got.status}"
    assert seen >= set(html_pages(site)), "every page is reachable from the index"
    for target, fragment in set(fragments):
        page.goto(base_url + target)
        assert page.locator(f"[id='{fragment}']").count() == 1, f"{target}#{fragment}"
    assert not failed
    assert not errors.found


def test_opens_from_a_file_path(context: BrowserContext, site: Path, errors: Errors) -> None:
    page = errors.watch(context.new_page())
    page.goto((site / "index.html").as_uri())
    bar = page.eval_on_selector(".site-bar", "e => getComputedStyle(e).backgroundColor")
    assert bar == "rgb(11, 58, 99)"  # the shared stylesheet loaded
    page.get_by_role("link", name="Thành phố Đà Nẵng").click()
    page.fill("#f-q", "hai chau")  # the script runs from file:// too
    shown(page, 1)
    page.get_by_role("link", name="Phường Hải Châu 1").click()
    assert page.url == (site / "station/da-nang/phuong-hai-chau-1/index.html").as_uri()
    assert not errors.found


def test_print_hides_the_navigation(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(base_url + DONG_SON)
    for selector in (".site-bar", ".crumbs", ".quick"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none"
    assert page.eval_on_selector("h1", "e => getComputedStyle(e).display") == "block"


# --- accessibility and looks -------------------------------------------------------


AXE_PAGES = [
    "index.html",
    "province/thanh-hoa.html",
    THAI_NGUYEN_2,
    "set/cap-kieu-mau@2021.html",
    DONG_SON,
    DONG_SON_HISTORY,
]


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [1280, 360])
def test_axe_finds_no_serious_violation(browser: Browser, base_url: str, width: int) -> None:
    # The pages' Content-Security-Policy would block the injected checker.
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 800})
    axe = _axe_source()
    problems = []
    try:
        page = context.new_page()
        for path in AXE_PAGES:
            page.goto(base_url + path)
            page.add_script_tag(content=axe)
            result = page.evaluate("async () => await axe.run(document)")
            assert result["passes"], path
            for violation in result["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    problems.append(f"{path}: {violation['id']} ({violation['help']}) {targets}")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


SCREENSHOTS = {
    "index": "index.html",
    "province-thai-nguyen": THAI_NGUYEN,
    "province-thai-nguyen-page-2": THAI_NGUYEN_2,
    "set-cap-kieu-mau-2021": "set/cap-kieu-mau@2021.html",
    "station-dong-son": DONG_SON,
    "history-dong-son": DONG_SON_HISTORY,
}


@pytest.mark.parametrize("width", [1280, 360])
def test_screenshots_and_no_sideways_scrolling(browser: Browser, base_url: str, width: int) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        for name, path in SCREENSHOTS.items():
            page.goto(base_url + path)
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"{path} scrolls sideways at {width} px ({scroll} px)"
        page.goto(base_url + THAI_NGUYEN)
        page.select_option("#f-state", "qualified")
        shown(page, 1)
        page.screenshot(path=str(SHOTS / f"province-filtered-{width}.png"))
    finally:
        context.close()
    assert (SHOTS / f"index-{width}.png").stat().st_size > 10_000
