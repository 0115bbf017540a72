"""Writing the site: a new folder beside the output is filled — pages whose inputs did
not change since the previous build are hard-linked from it, the others rendered (in
forked workers when there are many) — then swapped in, so a failed build leaves the
old site as it was. The old folder is then emptied of the files the state lists as
written, never of anything else (state: `site.state`)."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kieumau_cli.errors import UsageError
from kieumau_cli.site.feed import data_index, feed_xml, province_data, province_data_path
from kieumau_cli.site.model import Site
from kieumau_cli.site.pages import Page, Renderer, plan
from kieumau_cli.site.state import (
    OLD_MARKER,
    STATE,
    State,
    Written,
    check_contents,
    delete_written,
    digest,
    fingerprint,
    folders_of,
    read_state,
    reusable,
)

LEFTOVER_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class Built:
    pages: int  # HTML pages
    rendered: int  # files written by this build (the others were kept from the last one)
    seconds: float


def _write(folder: Path, path: str, text: str) -> Written:
    data = text.encode("utf-8")
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as stream:
        stream.write(data)
    return Written(len(data), digest(data))


# Rendering in worker processes pays off from this many pages.
PARALLEL_FROM = 400
_CHUNK = 100
_JOB: tuple[Renderer, list[Page], Path] | None = None


def _render_range(bounds: tuple[int, int]) -> list[tuple[str, Written]]:
    """Render pages[start:end] into the folder (in a worker, or in this process)."""
    assert _JOB is not None
    renderer, pages, folder = _JOB
    done = []
    for page in pages[bounds[0] : bounds[1]]:
        text = renderer.render(page.template, page.path, page.values())
        done.append((page.path, _write(folder, page.path, text)))
    return done


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def render_pages(renderer: Renderer, pages: list[Page], folder: Path) -> dict[str, Written]:
    """Every page into `folder`, in forked workers when there are many of them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _JOB  # noqa: PLW0603 - read by forked workers, which inherit it
    _JOB = (renderer, pages, folder)
    try:
        ranges = [(i, min(i + _CHUNK, len(pages))) for i in range(0, len(pages), _CHUNK)]
        workers = min(_workers(), 8)
        can_fork = "fork" in multiprocessing.get_all_start_methods()
        done: dict[str, Written] = {}
        if len(pages) < PARALLEL_FROM or workers < 2 or not can_fork:
            for bounds in ranges:
                done.update(_render_range(bounds))
            return done
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            for written in pool.map(_render_range, ranges):
                done.update(written)
        return done
    finally:
        _JOB = None


def check_output(output: Path, data_roots: list[Path], cwd: Path) -> State | None:
    """Refuse an output folder whose replacement could delete anything but an old site;
    return the old site's state (None when there is no old site)."""
    target = output.resolve()
    if output.is_symlink():
        raise UsageError("error.site_symlink", output=output)
    for data_root in data_roots:
        root = data_root.resolve()
        if target == root or root.is_relative_to(target):
            raise UsageError("error.site_contains_root", output=output, root=data_root)
        for folder in (root / "criteria", root / "wards"):
            if target.is_relative_to(folder):
                raise UsageError("error.output_in_data", output=output, folder=folder)
    if cwd.resolve().is_relative_to(target):
        raise UsageError("error.site_contains_cwd", output=output)
    if output.exists() and not output.is_dir():
        raise UsageError("error.site_not_folder", output=output)
    state = read_state(output)
    if state is not None:
        check_contents(output, state)
    return state


def _swap(built: Path, output: Path, old_state: State | None) -> None:
    """Put the new site in place: two renames in the same folder, then the old site's
    files (and only those) deleted."""
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
        state = old_state or State()
        delete_written(old, state.files, state.folders)


def _delete_tree_safely(folder: Path) -> None:
    """A temporary folder of ours: its regular files and then its folders, bottom up;
    a symbolic link (not ours) is left, and so is the folder holding it."""
    for parent, _, files in os.walk(folder, topdown=False):
        for name in files:
            path = Path(parent, name)
            if not path.is_symlink():
                path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            Path(parent).rmdir()


def _clean_leftovers(output: Path) -> None:
    """Temporary folders of an earlier build that was killed: they carry our state
    file and are more than an hour old (a younger one may be another build's)."""
    prefix = f".{output.name}.kieumau-"
    for leftover in output.parent.iterdir():
        if (
            leftover.name.startswith(prefix)
            and leftover.is_dir()
            and not leftover.is_symlink()
            and ((leftover / STATE).is_file() or (leftover / OLD_MARKER).is_file())
            and time.time() - leftover.stat().st_mtime > LEFTOVER_SECONDS
        ):
            _delete_tree_safely(leftover)


def _templates_fingerprint(user_dir: Path | None) -> list[str | bytes]:
    """kieumau's code and templates (by size and time), and the user's templates."""
    from kieumau_cli.resources import code_fingerprint

    parts: list[str | bytes] = [code_fingerprint()]
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.rglob("*")):
            if path.is_file():
                parts += [path.relative_to(user_dir).as_posix(), path.read_bytes()]
    return parts


def site_fingerprint(site: Site, user_dir: Path | None) -> str:
    """What every page depends on: kieumau, the options, the date, the sets, templates."""
    parts: list[str | bytes] = [
        site.version,
        site.lang,
        site.scope or "",
        site.base_url or "",
        site.built or "",
        site.date.isoformat(),
        *site.sections,
    ]
    parts += [criteria_set.model_dump_json() for criteria_set in site.sets]
    return fingerprint(parts + _templates_fingerprint(user_dir))


def input_fingerprints(site: Site) -> dict[str, str]:
    """Per page group, what its pages are built from: a station's file and git log; a
    province's stations."""
    found: dict[str, str] = {}
    for station in site.stations:
        log = station.timeline.log
        found[f"station:{station.key}"] = fingerprint(
            [
                station.source,
                station.root,
                station.ward.model_dump_json(),
                log.state,
                log.detail,
                *(revision.sha for revision in log.revisions),
                *log.skipped,
            ]
        )
    for province in site.provinces:
        found[f"province:{province.key}"] = fingerprint(
            [found[f"station:{s.key}"] for s in province.stations]
        )
    return found


def build(site: Site, output: Path, user_dir: Path | None, old_state: State | None = None) -> Built:
    """Fill a temporary folder beside `output` (reusing unchanged pages), then swap it in."""
    started = time.perf_counter()
    renderer = Renderer(site, user_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(output)
    state = State(site=site_fingerprint(site, user_dir), inputs=input_fingerprints(site))
    same_site = old_state is not None and old_state.site == state.site

    def unchanged(group: str) -> bool:
        if old_state is None or not same_site or group == "site":
            return False
        return old_state.inputs.get(group) == state.inputs[group]

    work = Path(tempfile.mkdtemp(prefix=f".{output.name}.kieumau-new-", dir=output.parent))
    try:
        pages = plan(site)
        fresh: list[Page] = []
        for page in pages:
            if unchanged(page.depends) and _link(output, work, page.path, old_state):
                assert old_state is not None
                state.files[page.path] = old_state.files[page.path]
            else:
                fresh.append(page)
        written = render_pages(renderer, fresh, work)

        def put(path: str, depends: str, text: Callable[[], str]) -> None:
            if unchanged(depends) and _link(output, work, path, old_state):
                assert old_state is not None
                state.files[path] = old_state.files[path]
            else:
                written[path] = _write(work, path, text())

        put("assets/style.css", "site", lambda: renderer.render("site/style.css.j2", "x", {}))
        put("data/index.json", "site", lambda: data_index(site))
        for province in site.provinces:
            put(
                province_data_path(province),
                f"province:{province.key}",
                lambda province=province: province_data(site, province),  # type: ignore[misc]
            )
        put("feed.xml", "site", lambda: feed_xml(site))
        state.files.update(written)
        state.folders = folders_of(state.files)
        (work / STATE).write_text(state.text(), encoding="utf-8", newline="\n")
        work.chmod(0o755)  # mkdtemp made it private; a site is meant to be read
        _swap(work, output, old_state)
    except BaseException:
        _delete_tree_safely(work)
        raise
    return Built(len(pages), len(written), time.perf_counter() - started)


def _link(output: Path, work: Path, path: str, old_state: State | None) -> bool:
    """The previous build's file, hard-linked into the new folder (copied where links
    are not possible); False when it cannot be reused."""
    if old_state is None or not reusable(output, old_state, path):
        return False
    source, target = output / path, work / path
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        try:
            shutil.copyfile(source, target, follow_symlinks=False)
        except OSError:
            return False
    return stat.S_ISREG(target.lstat().st_mode)
