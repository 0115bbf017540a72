"""Writing the site: a new folder beside the output is filled — by share of provinces
(`site.shard`, in forked workers when there are many wards), pages whose inputs did
not change since the previous build hard-linked from it, the others rendered — then
swapped in, so a failed build leaves the
old site as it was. The old folder is then emptied of the files the state lists as
written, never of anything else (state: `site.state`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.errors import UsageError
from kieumau_cli.load.models import CriteriaSet
from kieumau_cli.load.repository import Repository
from kieumau_cli.results.roadmap import Roadmap
from kieumau_cli.results.rows import WardSummary
from kieumau_cli.site.collect import site_date
from kieumau_cli.site.feed import data_index, feed_xml
from kieumau_cli.site.model import ProvinceSummary, Site, SiteRequest
from kieumau_cli.site.pages import Renderer, plan_site
from kieumau_cli.site.records import (
    ProvinceRecord,
    git_heads,
    old_records,
    province_digests,
    record_path,
)
from kieumau_cli.site.shard import Common, Done, Job, Loaded, run_shares, site_sets
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


def _write(folder: Path, path: str, text: str) -> Written:
    data = text.encode("utf-8")
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as stream:
        stream.write(data)
    return Written(len(data), digest(data))


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


@dataclass(frozen=True, slots=True)
class Built:
    pages: int  # HTML pages
    rendered: int  # files written by this build (the others were kept from the last one)
    seconds: float
    broken: tuple[WardSummary, ...]  # wards that could not be scored
    diagnostics: list[Diagnostic]  # theirs
    skipped: list[str]  # git commits that could not be read


def _jobs(count: int) -> int:
    import multiprocessing

    from kieumau_cli.check.run import jobs_for

    return jobs_for(count) if "fork" in multiprocessing.get_all_start_methods() else 1


def build(
    repository: Repository,
    request: SiteRequest,
    today: dt.date,
    lang: str,
    *,
    stamp: dt.datetime | None,
    old_state: State | None,
) -> Built:
    """Fill a temporary folder beside the output — each share of provinces in its own
    process, reusing unchanged pages — then the pages of the whole site, then swap.

    A province whose inputs are what the previous build recorded is not read at all:
    its files are linked and its record (`site.records`) stands for it."""
    output = request.output
    site_sets(repository)  # the sets are loaded once, before any worker is forked
    output.parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(output)
    wanted = [repository.resolve_province(request.province)] if request.province else None
    in_scope = wanted or repository.provinces()
    digests = province_digests(
        repository, in_scope, git_heads(repository, in_scope, request.use_git)
    )
    records = old_records(output, old_state)
    skip = frozenset(p for p in in_scope if p in records and records[p].digest == digests[p])
    kept = [records[p] for p in sorted(skip)]
    run = functools.partial(_build, repository, request, today, lang, stamp=stamp)
    try:
        return run(old_state=old_state, digests=digests, kept=kept)
    except _Reload:  # the unread provinces' pages cannot be kept after all: read them
        return run(old_state=old_state, digests=digests, kept=[])


class _Reload(Exception):
    """Raised when a build that left provinces unread finds it must read them."""


def _build(
    repository: Repository,
    request: SiteRequest,
    today: dt.date,
    lang: str,
    *,
    stamp: dt.datetime | None,
    old_state: State | None,
    digests: dict[str, str],
    kept: list[ProvinceRecord],
) -> Built:
    started = time.perf_counter()
    output, user_dir = request.output, request.templates
    built = stamp.isoformat(timespec="seconds") if stamp else None
    sets = site_sets(repository)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}.kieumau-new-", dir=output.parent))
    decided: list[Common] = []
    made: set[str] = set()  # folders of `work` made by `_link`

    def decide(loaded: list[Loaded]) -> Common:
        latest = [share.latest for share in loaded] + [record.latest for record in kept]
        date = today if stamp else site_date(latest, today)
        names = [share.province_name for share in loaded if share.province_name]
        names += [record.name for record in kept if record.name]
        scope = None
        if request.province is not None:
            scope = min(names) if names else repository.resolve_province(request.province)
        plain = Site(lang, scope, (), (), sets, date, built, request.base_url)
        fingerprint = site_fingerprint(plain, user_dir)
        same = old_state is not None and old_state.site == fingerprint
        if kept and not same:  # every page changes: the unread provinces' too
            raise _Reload
        decided.append(Common(date, scope, fingerprint, same))
        return decided[0]

    job = Job(
        repository,
        request,
        today,
        lang,
        built,
        work,
        user_dir,
        old_state,
        lambda path, old: _link(output, work, path, old, made),
        _write,
        input_fingerprints,
        frozenset(record.summary.key for record in kept),
        digests,
    )
    try:
        loaded, done = run_shares(job, _jobs(len(repository.ward_paths())), decide)
        common = decided[0]
        broken = tuple(sorted((b for share in loaded for b in share.broken), key=lambda b: b.key))
        _link_kept(kept, output, work, old_state, made)
        summaries = sorted(
            [*(p for share in done for p in share.provinces), *(r.summary for r in kept)],
            key=lambda p: p.key,
        )
        site = Site(
            lang,
            common.scope,
            (),
            broken,
            sets,
            common.date,
            built,
            request.base_url,
            summaries=tuple(summaries),
            roadmap=_roadmap(repository, summaries, common.scope, sets),
        )
        state = _state_of(common.fingerprint, done, kept, old_state)
        renderer = Renderer(site, user_dir)
        pages = plan_site(site)
        for page in pages:
            text = renderer.render(page.template, page.path, page.values())
            state.files[page.path] = _write(work, page.path, text)
        style = renderer.render("site/style.css.j2", "assets/style.css", {})
        state.files["assets/style.css"] = _write(work, "assets/style.css", style)
        state.files["data/index.json"] = _write(work, "data/index.json", data_index(site))
        entries = [entry for share in done for entry in share.feed]
        entries += [entry for record in kept for entry in record.feed]
        state.files["feed.xml"] = _write(work, "feed.xml", feed_xml(site, entries))
        state.folders = folders_of(state.files)
        (work / STATE).write_text(state.text(), encoding="utf-8", newline="\n")
        work.chmod(0o755)  # mkdtemp made it private; a site is meant to be read
        _swap(work, output, old_state)
    except BaseException:
        _delete_tree_safely(work)
        raise
    kept_pages = sum(path.endswith(".html") for r in kept for path in r.files)
    return Built(
        len(pages) + sum(share.pages for share in done) + kept_pages,
        sum(share.rendered for share in done) + len(pages) + 3,
        time.perf_counter() - started,
        broken,
        [d for share in loaded for d in share.diagnostics],
        [sha for share in loaded for sha in share.skipped],
    )


def _link_kept(
    kept: list[ProvinceRecord], output: Path, work: Path, old_state: State | None, made: set[str]
) -> None:
    """The files of the provinces left unread, linked from the previous build (which
    wrote them from the same inputs); `_Reload` when one cannot be."""
    for record in kept:
        for path in (*record.files, record_path(record.summary.key)):
            if not _link(output, work, path, old_state, made):
                raise _Reload


def _state_of(
    site: str, done: list[Done], kept: list[ProvinceRecord], old_state: State | None
) -> State:
    """What this build wrote (and kept), as the next one will read it."""
    state = State(site=site)
    for share in done:
        state.inputs.update(share.inputs)
        state.files.update(share.files)
    for record in kept:
        assert old_state is not None
        state.inputs.update(record.inputs)
        state.files.update(record.files)
        path = record_path(record.summary.key)
        state.files[path] = old_state.files[path]
    return state


def _roadmap(
    repository: Repository,
    summaries: list[ProvinceSummary],
    scope: str | None,
    sets: tuple[CriteriaSet, ...],
) -> Roadmap | None:
    """The entry page's roadmap, from the stages the workers sent back; none without a
    programme file (no targets to measure against)."""
    from kieumau_cli.results.roadmap import roadmap_of

    programme = repository.programme()
    if programme is None:
        return None
    stations = [station for summary in summaries for station in summary.stages]
    province = summaries[0].key if scope is not None and len(summaries) == 1 else None
    by_ref = {criteria_set.ref: criteria_set for criteria_set in sets}
    return roadmap_of(stations, programme, by_ref, province=province)


def _link(output: Path, work: Path, path: str, old_state: State | None, made: set[str]) -> bool:
    """The previous build's file, hard-linked into the new folder (copied where links
    are not possible); False when it cannot be reused. `made`: the folders of the new
    site made so far (a rebuild links about 10,000 files into a few thousand folders:
    one mkdir each, not one per file)."""
    if old_state is None or not reusable(output, old_state, path):
        return False
    # Plain strings, not Path objects: this runs for every file of a rebuild.
    source, target = f"{output}/{path}", f"{work}/{path}"
    folder = target.rpartition("/")[0]
    if folder not in made:
        os.makedirs(folder, exist_ok=True)  # noqa: PTH103 (a string, per file)
        made.add(folder)
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        try:
            shutil.copyfile(source, target, follow_symlinks=False)
        except OSError:
            return False
    return stat.S_ISREG(os.lstat(target).st_mode)
