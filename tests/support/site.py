"""Building the static site (`kieumau site`) and reading its pages."""

from __future__ import annotations

from pathlib import Path

from tests.support.cli import invoke_on
from tests.support.html import parse_html, text_of

ATOM = "{http://www.w3.org/2005/Atom}"  # the namespace of feed.xml


def build_site(root: Path, output: Path, *args: str, **env: str) -> Path:
    result = invoke_on(root, "site", "-o", str(output), *args, **env)
    assert result.exit_code == 0, result.stderr
    return output


def site_files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def html_pages(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))


def rows(site: Path, page: str) -> list[tuple[str, str]]:
    """(station path, score) of each line of a list page."""
    root = parse_html((site / page).read_text(encoding="utf-8"))
    body = next(e for e in root.iter("tbody") if e.get("id") == "stations")
    found = []
    for tr in body.iter("tr"):
        link = next(tr.iter("a"))
        score = next(td for td in tr.iter("td") if td.get("class") == "num").find("strong")
        assert score is not None
        found.append((str(link.get("href")), text_of(score)))
    return found


def every_row(site: Path) -> list[tuple[str, str]]:
    """The lines of every province page, paths made relative to the top of the site."""
    found = []
    for page in sorted((site / "province").glob("*.html")):
        for href, score in rows(site, page.relative_to(site).as_posix()):
            found.append((href.removeprefix("../"), score))
    return found


def provinces_listed(site: Path) -> dict[str, str]:
    """The entry page's provinces: link -> number of stations."""
    root = parse_html((site / "index.html").read_text(encoding="utf-8"))
    body = next(e for e in root.iter("tbody") if e.get("id") == "stations")
    found = {}
    for tr in body.iter("tr"):
        link = next(tr.iter("a"))
        count = next(td for td in tr.iter("td") if td.get("class") == "num")
        found[str(link.get("href"))] = text_of(count)
    return found
