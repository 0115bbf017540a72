"""What a site build keeps of each province so that the next build need not load it:
the digest of its inputs, and everything the rest of the site takes from it (its
summary with each station's stage, its feed entries, its latest date, the files its
pages are). A province whose digest has not changed is then not read at all: its files
are linked from the previous build and its record stands for it.

A record is one more file of the site (`.kieumau-site-provinces/<tỉnh>.json.z`, zlib),
written and reused like a page, so the safe deletion of `site.state` covers it and a
full build and an incremental one leave the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kieumau_cli.load.files import read_or_none
from kieumau_cli.load.repository import Repository
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.results.roadmap import Station as RoadmapStation
from kieumau_cli.site.feed import FeedEntry
from kieumau_cli.site.model import ProvinceSummary
from kieumau_cli.site.state import State, Written, digest

RECORDS = ".kieumau-site-provinces"
RECORD_VERSION = 1
# A province's record is well under 1 MB unpacked; a file that inflates past this is not
# one (a planted "zip bomb" must not fill the memory).
MAX_RECORD_BYTES = 16 * 1024 * 1024


def record_path(province: str) -> str:
    return f"{RECORDS}/{province}.json.z"


@dataclass(frozen=True, slots=True)
class ProvinceRecord:
    digest: str  # of the province's inputs (`province_digests`)
    latest: dt.date | None  # the latest date in its data
    name: str | None  # its name, as the first of its wards gives it
    summary: ProvinceSummary
    feed: list[FeedEntry]  # its own first FEED_LIMIT entries (enough for any merge)
    files: dict[str, Written] = field(default_factory=dict)  # every file of its pages
    inputs: dict[str, str] = field(default_factory=dict)  # its page groups' fingerprints

    def encode(self) -> bytes:
        summary = self.summary
        payload = {
            "version": RECORD_VERSION,
            "digest": self.digest,
            "latest": self.latest.isoformat() if self.latest else None,
            "name": self.name,
            "summary": {
                "key": summary.key,
                "name": summary.name,
                "size": summary.size,
                "counts": dict(sorted(summary.counts.items())),
                "roots": list(summary.roots_found),
                "pages": summary.pages,
                "sets": dict(sorted(summary.sets.items())),
                "stages": [_station(s) for s in summary.stages],
            },
            "feed": [[order[0], order[1], text] for order, text in self.feed],
            "files": {p: [w.size, w.digest] for p, w in sorted(self.files.items())},
            "inputs": dict(sorted(self.inputs.items())),
        }
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        return zlib.compress(text.encode("utf-8"), 9)


def _station(station: RoadmapStation) -> list[Any]:
    statuses = {key: value.value for key, value in station.statuses.items()}
    return [
        station.key,
        station.name,
        station.province,
        station.province_name,
        station.kind,
        station.stage,
        station.criteria_set,
        statuses,
    ]


def decode(data: bytes) -> ProvinceRecord | None:
    """A record as `encode` wrote it; None for anything else (then the province is
    simply loaded again)."""
    try:
        inflate = zlib.decompressobj()
        text = inflate.decompress(data, MAX_RECORD_BYTES)
        if inflate.unconsumed_tail or not inflate.eof:  # larger than any record: not ours
            return None
        payload = json.loads(text.decode("utf-8"))
        if payload["version"] != RECORD_VERSION:
            return None
        raw = payload["summary"]
        stages = tuple(
            RoadmapStation(
                key=str(key),
                name=str(name),
                province=str(province),
                province_name=str(province_name),
                kind=str(kind),
                stage=str(stage),
                criteria_set=str(criteria_set),
                statuses={str(k): Status(v) for k, v in statuses.items()},
            )
            for key, name, province, province_name, kind, stage, criteria_set, statuses in raw[
                "stages"
            ]
        )
        summary = ProvinceSummary(
            str(raw["key"]),
            str(raw["name"]),
            int(raw["size"]),
            {str(k): int(v) for k, v in raw["counts"].items()},
            tuple(str(r) for r in raw["roots"]),
            int(raw["pages"]),
            {str(k): int(v) for k, v in raw["sets"].items()},
            stages,
        )
        latest = payload["latest"]
        return ProvinceRecord(
            str(payload["digest"]),
            dt.date.fromisoformat(latest) if latest else None,
            payload["name"],
            summary,
            [((int(a), str(b)), str(text)) for a, b, text in payload["feed"]],
            {str(p): Written(int(s), str(d)) for p, (s, d) in payload["files"].items()},
            {str(k): str(v) for k, v in payload["inputs"].items()},
        )
    except (ValueError, KeyError, TypeError, zlib.error, UnicodeDecodeError):
        return None


def write_record(folder: Path, record: ProvinceRecord) -> tuple[str, Written]:
    path = record_path(record.summary.key)
    data = record.encode()
    target = folder / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return path, Written(len(data), digest(data))


def old_records(output: Path, state: State | None) -> dict[str, ProvinceRecord]:
    """The records the previous build left, when they are still what it wrote."""
    if state is None:
        return {}
    found = {}
    for path, written in state.files.items():
        if not path.startswith(RECORDS + "/"):
            continue
        data = read_or_none(output / path)
        if data is None or digest(data) != written.digest:
            continue
        record = decode(data)
        if record is not None:
            found[record.summary.key] = record
    return found


def province_digests(
    repository: Repository, provinces: Iterable[str], heads: dict[str, str]
) -> dict[str, str]:
    """Per province folder, a digest of every input its pages are built from: each ward
    file's root, place and bytes, and (`heads`) the last commit touching the folder."""
    wanted = set(provinces)
    by_province: dict[str, list[Path]] = {}
    twins = [path for paths in repository.ward_files().twins.values() for path in paths]
    for path in {*repository.ward_paths(), *twins}:  # a twin makes its ward unusable
        if path.parent.name in wanted:
            by_province.setdefault(path.parent.name, []).append(path)
    found = {}
    for province, paths in by_province.items():
        hasher = hashlib.sha256(heads.get(province, "").encode())
        for path in sorted(paths):
            root = repository.root_of(path)
            data = read_or_none(path)
            hasher.update(f"\0{root.name}\0{path.relative_to(root.path).as_posix()}\0".encode())
            hasher.update(digest(data).encode() if data is not None else b"unreadable")
        found[province] = hasher.hexdigest()
    return found


def git_heads(repository: Repository, provinces: Iterable[str], use_git: bool) -> dict[str, str]:
    """Per province folder, the last commit touching it in each root (what the pages'
    git history comes from); nothing when git is not read."""
    if not use_git:
        return {}
    heads: dict[str, str] = {}
    for province in provinces:
        parts = []
        for root in repository.roots:
            folder = root.wards_dir / province
            if not folder.is_dir():
                continue
            try:
                done = subprocess.run(
                    ["git", "log", "-1", "--format=%H", "--", "."],
                    cwd=folder,
                    capture_output=True,
                    check=False,
                    timeout=60,
                )
                parts.append(f"{done.returncode}:{done.stdout.decode('ascii', 'replace')}")
            except (OSError, subprocess.TimeoutExpired) as error:
                parts.append(f"error:{error}")
        heads[province] = "|".join(parts)
    return heads
