"""Writing the site: every page rendered into a temporary folder beside the output
(in forked workers when there are many), then swapped in — a failed build leaves the
old site as it was — and refusing any output folder whose replacement could delete
something other than an old site."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kieumau_cli.errors import UsageError
from kieumau_cli.site.feed import data_json, feed_xml
from kieumau_cli.site.model import Site
from kieumau_cli.site.pages import Page, Renderer, plan

MARKER = ".kieumau-site"
MARKER_HEAD = "kieumau site\n"


@dataclass(frozen=True, slots=True)
class Built:
    pages: int  # HTML pages
    seconds: float


def _write(folder: Path, path: str, text: str) -> None:
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


# Rendering in worker processes pays off from this many pages (a province's site is
# rendered in one process; the country's 100,000 weekly briefings are not).
PARALLEL_FROM = 2000
LEFTOVER_SECONDS = 3600
_CHUNK = 250
_JOB: tuple[Renderer, list[Page], Path] | None = None


def _render_range(bounds: tuple[int, int]) -> list[str]:
    """Render pages[start:end] into the folder (in a worker, or in this process)."""
    assert _JOB is not None
    renderer, pages, folder = _JOB
    done = []
    for page in pages[bounds[0] : bounds[1]]:
        _write(folder, page.path, renderer.render(page.template, page.path, page.values()))
        done.append(page.path)
    return done


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def render_pages(renderer: Renderer, pages: list[Page], folder: Path) -> list[str]:
    """Every page into `folder`. Lists first, here (they share the rendered rows); the
    stations and their briefings in forked workers when there are many of them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _JOB  # noqa: PLW0603 - read by forked workers, which inherit it
    lists = sum(page.template == "site/listing.html.j2" for page in pages)
    _JOB = (renderer, pages, folder)
    try:
        done = _render_range((0, lists))
        ranges = [(i, min(i + _CHUNK, len(pages))) for i in range(lists, len(pages), _CHUNK)]
        workers = min(_workers(), 8)
        can_fork = "fork" in multiprocessing.get_all_start_methods()
        if len(pages) < PARALLEL_FROM or workers < 2 or not can_fork:
            for bounds in ranges:
                done += _render_range(bounds)
            return done
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            for paths in pool.map(_render_range, ranges):
                done += paths
        return done
    finally:
        _JOB = None


def _manifest(written: list[str]) -> str:
    return MARKER_HEAD + "".join(f"{path}\n" for path in sorted(written))


def _site_files(folder: Path) -> set[str]:
    found = set()
    for parent, _, files in os.walk(folder):
        for name in files:
            found.add(Path(parent, name).relative_to(folder).as_posix())
    return found


def check_output(output: Path, data_root: Path, cwd: Path) -> None:
    """Refuse an output folder whose replacement could delete anything but an old site."""
    target = output.resolve()
    root = data_root.resolve()
    if output.is_symlink():
        raise UsageError("error.site_symlink", output=output)
    if target == root or root.is_relative_to(target):
        raise UsageError("error.site_contains_root", output=output, root=data_root)
    for folder in (root / "criteria", root / "wards"):
        if target.is_relative_to(folder):
            raise UsageError("error.output_in_data", output=output, folder=folder)
    if cwd.resolve().is_relative_to(target):
        raise UsageError("error.site_contains_cwd", output=output)
    if not output.exists():
        return
    if not output.is_dir():
        raise UsageError("error.site_not_folder", output=output)
    if not any(output.iterdir()):
        return
    marker = output / MARKER
    if not marker.is_file():
        raise UsageError(
            "error.site_not_ours", hint="hint.site_not_ours", output=output, marker=MARKER
        )
    lines = marker.read_text(encoding="utf-8", errors="replace").splitlines()
    if not lines or lines[0] != MARKER_HEAD.strip():
        raise UsageError("error.site_marker", output=output, marker=MARKER)
    extra = sorted(_site_files(output) - set(lines[1:]) - {MARKER})
    if extra:
        raise UsageError(
            "error.site_foreign_files",
            hint="hint.site_foreign_files",
            output=output,
            count=len(extra),
            example=extra[0],
        )


def _swap(built: Path, output: Path) -> None:
    """Put the new site in place: two renames in the same folder, the old one deleted after."""
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.kieumau-old-", dir=output.parent))
        old.rmdir()
        output.rename(old)
    try:
        built.rename(output)
    except OSError:
        if old is not None:
            old.rename(output)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _clean_leftovers(output: Path) -> None:
    """Temporary folders of an earlier build that was killed: they carry the marker and
    are more than an hour old (a younger one may be another build's, still running)."""
    prefix = f".{output.name}.kieumau-"
    for leftover in output.parent.iterdir():
        if (
            leftover.name.startswith(prefix)
            and leftover.is_dir()
            and not leftover.is_symlink()
            and (leftover / MARKER).is_file()
            and time.time() - leftover.stat().st_mtime > LEFTOVER_SECONDS
        ):
            shutil.rmtree(leftover, ignore_errors=True)


def build(site: Site, output: Path, user_dir: Path | None) -> Built:
    """Render every page into a temporary folder beside `output`, then swap it in."""
    started = time.perf_counter()
    renderer = Renderer(site, user_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(output)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}.kieumau-new-", dir=output.parent))
    try:
        (work / MARKER).write_text(MARKER_HEAD, encoding="utf-8")
        written: list[str] = []

        def put(path: str, text: str) -> None:
            _write(work, path, text)
            written.append(path)

        pages = plan(site)
        written += render_pages(renderer, pages, work)
        put("assets/style.css", renderer.render("site/style.css.j2", "assets/style.css", {}))
        put("data.json", data_json(site))
        put("feed.xml", feed_xml(site))
        (work / MARKER).write_text(_manifest(written), encoding="utf-8", newline="\n")
        work.chmod(0o755)  # mkdtemp made it private; a site is meant to be read
        _swap(work, output)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Built(len(pages), time.perf_counter() - started)
