"""One small function per command: load → validate → score → render, returning
an exit code. Nothing here knows about Typer."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from kieumau_cli import render as _render
from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.clock import today
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK, InvalidDataError, UsageError
from kieumau_cli.load.repository import Loaded, Repository, find_root
from kieumau_cli.text.format import parse_iso_date, slugify
from kieumau_cli.text.labels import label

if TYPE_CHECKING:  # a cached `status` never imports the models
    from kieumau_cli.load.models import CriteriaSet, Ward


@dataclass(slots=True)
class Context:
    repository: Repository
    today: dt.date
    out: TextIO
    err: TextIO

    @classmethod
    def create(
        cls, root_option: Path | None, out: TextIO | None = None, err: TextIO | None = None
    ) -> Context:
        cwd = Path.cwd()
        root = find_root(root_option, os.environ, cwd)
        err = err or sys.stderr
        if root.origin == "bundled":
            err.write(label("vi", "bundled_notice", path=root.path) + "\n")
        return cls(Repository(root, cwd), today(), out or sys.stdout, err)

    def report(self, diagnostics: list[Diagnostic], lang: str) -> None:
        from kieumau_cli.render.diagnostics import format_line

        for diagnostic in sorted(diagnostics, key=Diagnostic.sort_key):
            self.err.write(format_line(diagnostic, lang) + "\n")


def _parse_date(value: str, option: str) -> dt.date:
    try:
        return parse_iso_date(value)
    except ValueError:
        raise UsageError(
            f"{option} {value!r}: ngày không hợp lệ, dùng yyyy-mm-dd (invalid date, use yyyy-mm-dd)"
        ) from None


def load_ward_with_set(context: Context, ward_argument: str, lang: str) -> tuple[Ward, CriteriaSet]:
    """The ward and its criteria set, or InvalidDataError carrying check's diagnostics."""
    loaded, loaded_set = _load_valid(context, context.repository.resolve_ward(ward_argument), lang)
    assert loaded.model is not None and loaded_set.model is not None
    return loaded.model, loaded_set.model


def _load_valid(
    context: Context, path: Path, lang: str
) -> tuple[Loaded[Ward], Loaded[CriteriaSet]]:
    """The ward file at `path` and its set, both valid, or InvalidDataError."""
    from kieumau_cli.check.rules import resolve_set

    repository = context.repository
    loaded = repository.load_ward(path)
    errors = [d for d in loaded.diagnostics if d.severity == "error"]
    if loaded.model is None or loaded.document is None or errors:
        raise _invalid(context, loaded.diagnostics, lang)
    loaded_set, problems = resolve_set(repository, loaded.document, loaded.model)
    if loaded_set is None or loaded_set.model is None or not loaded_set.ok:
        raise _invalid(context, problems + (loaded_set.diagnostics if loaded_set else []), lang)
    return loaded, loaded_set


def _invalid(context: Context, diagnostics: list[Diagnostic], lang: str) -> InvalidDataError:
    context.report(diagnostics, lang)
    return InvalidDataError(
        "dữ liệu không hợp lệ, xem các lỗi ở trên (invalid data, see above)", list(diagnostics)
    )


def cmd_status(context: Context, ward_argument: str, fmt: str, as_of: str | None, lang: str) -> int:
    from kieumau_cli.results.cache import StatusCache
    from kieumau_cli.results.status import StatusData, StatusView

    as_of_date = _parse_date(as_of, "--as-of") if as_of else None
    repository = context.repository
    path = repository.resolve_ward(ward_argument)
    # --as-of rebuilds the state from the history: always computed, never cached.
    cache = StatusCache.open(os.environ) if as_of_date is None else None
    data = cache.lookup(path, repository.set_paths()) if cache is not None else None
    if data is None:
        from kieumau_cli.results.ward_status import WardStatus

        loaded, loaded_set = _load_valid(context, path, lang)
        assert loaded.model is not None and loaded_set.model is not None
        result = WardStatus.build(loaded.model, loaded_set.model, context.today, as_of_date)
        data = StatusData.from_result(result)
        if cache is not None and loaded.raw is not None and loaded_set.raw is not None:
            cache.store(
                path,
                loaded.raw,
                set_ref=loaded.model.criteria,
                set_path=loaded_set.path,
                set_raw=loaded_set.raw,
                data=data,
            )
    _render.render("status", fmt, StatusView(data, as_of_date, context.today), lang, context.out)
    return EXIT_OK


def cmd_list(
    context: Context, province: str | None, criteria: str | None, fmt: str, lang: str
) -> int:
    from kieumau_cli.results.score import last_update, score, statuses_as_of
    from kieumau_cli.results.ward_status import WardRow

    repository = context.repository
    wanted_province = slugify(province) if province else None
    paths = [
        path
        for path in repository.ward_paths()
        if wanted_province is None or path.parent.name == wanted_province
    ]
    rows: list[WardRow] = []
    problems = False
    for path in paths:
        loaded = repository.load_ward(path)
        ward = loaded.model
        if ward is None:
            problems = True
            context.report(loaded.diagnostics, lang)
            key = f"{path.parent.name}/{path.stem}"
            rows.append(WardRow(key, path.stem, "", path.parent.name, "?", None, None, "invalid"))
            continue
        if criteria and criteria not in (ward.criteria, ward.set_id):
            continue
        loaded_set = repository.criteria_set(ward.criteria)
        if loaded_set is None or loaded_set.model is None:
            problems = True
            rows.append(
                WardRow(
                    ward.key,
                    ward.name,
                    ward.unit,
                    ward.province_name,
                    ward.criteria,
                    None,
                    last_update(ward),
                    "unknown-set",
                )
            )
            continue
        current = score(loaded_set.model, statuses_as_of(ward, loaded_set.model))
        rows.append(
            WardRow(
                ward.key,
                ward.name,
                ward.unit,
                ward.province_name,
                ward.criteria,
                current,
                last_update(ward),
            )
        )
    _render.render("list", fmt, rows, lang, context.out)
    return EXIT_FINDINGS if problems else EXIT_OK


def cmd_check(
    context: Context,
    paths: list[Path],
    fmt: str,
    strict: bool,
    lang: str,
    *,
    changed: bool = False,
    base: str | None = None,
) -> int:
    from kieumau_cli.check.rules import run_check

    selection: list[Path] | None
    if changed:
        from kieumau_cli.check.history import changed_files

        if len(paths) > 1:
            raise UsageError(
                "--changed nhận nhiều nhất một phiên bản REV, không nhận đường dẫn "
                "(--changed takes at most one REV, no paths)"
            )
        selection = changed_files(context.repository, str(paths[0]) if paths else None)
    else:
        missing = [path for path in paths if not path.exists()]
        if missing:
            raise UsageError(f"không có tệp hoặc thư mục (no such file or folder): {missing[0]}")
        selection = paths or None
    history = None
    if base is not None:
        from kieumau_cli.check.history import history_base

        history = history_base(context.repository, base, report_deleted=not paths or changed)
    result = run_check(context.repository, selection, context.today, base=history)
    _render.render("check", fmt, result, lang, context.out)
    if fmt in ("text", "github"):
        context.err.write(
            label(
                lang,
                "summary.files",
                files=result.files,
                errors=result.errors,
                warnings=result.warnings,
            )
            + "\n"
        )
    failed = result.errors or (strict and result.warnings)
    return EXIT_FINDINGS if failed else EXIT_OK


def cmd_criteria(context: Context, ref: str | None, fmt: str, lang: str) -> int:
    repository = context.repository
    if ref is None:
        loaded_sets = repository.all_sets()
        broken = [loaded for loaded in loaded_sets if loaded.model is None]
        for loaded in broken:
            context.report(loaded.diagnostics, lang)
        _render.render(
            "criteria",
            fmt,
            [s.model for s in loaded_sets if s.model is not None],
            lang,
            context.out,
        )
        return EXIT_FINDINGS if broken else EXIT_OK
    known = sorted(repository.set_paths())
    if "@" not in ref:
        versions = [k for k in known if k.split("@", 1)[0] == ref]
        if len(versions) == 1:
            ref = versions[0]
        elif versions:
            raise UsageError(
                f"'{ref}' có nhiều phiên bản (several versions): {', '.join(versions)}"
            )
    loaded_one: Loaded[CriteriaSet] | None = repository.criteria_set(ref)
    if loaded_one is None:
        raise UsageError(
            f"không tìm thấy bộ tiêu chí '{ref}' (criteria set not found)",
            hint="các bộ hiện có (available): " + ", ".join(known),
        )
    if loaded_one.model is None:
        raise _invalid(context, loaded_one.diagnostics, lang)
    _render.render("criteria", fmt, loaded_one.model, lang, context.out)
    return EXIT_OK
