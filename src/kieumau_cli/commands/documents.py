"""`report`, `brief` and `summary`: load → compute (`_reports`) → render
(`_render.documents`) → write. Each returns an exit code; nothing here knows
about Typer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kieumau_cli.commands.core import Context, _parse_date, load_ward_with_set
from kieumau_cli.edit.atomic import write_atomic
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from kieumau_cli.load.git_log import FileLog, file_log
from kieumau_cli.load.models import CriteriaSet, Ward
from kieumau_cli.render.templates import render_document
from kieumau_cli.results.report import Brief, Report, Summary
from kieumau_cli.results.timeline import Timeline
from kieumau_cli.results.weeks import (
    Period,
    PeriodError,
    current_week,
    date_range,
    parse_week,
    weeks_in_year,
)
from kieumau_cli.text.format import slugify
from kieumau_cli.text.labels import label


def resolve_period(
    week: str | None, since: str | None, until: str | None, today: dt.date
) -> Period:
    """--week, or --since [--until], or the current ISO week."""
    if week is not None and (since is not None or until is not None):
        raise UsageError(
            "dùng --week hoặc --since/--until, không dùng cả hai (use --week or --since/--until)"
        )
    if week is not None:
        try:
            period = parse_week(week)
        except PeriodError:
            raise UsageError(_week_message(week)) from None
    elif since is not None:
        start = _parse_date(since, "--since")
        end = _parse_date(until, "--until") if until is not None else today
        try:
            period = date_range(start, end)
        except PeriodError:
            raise UsageError(
                f"--since {since} sau --until {until or end.isoformat()} (--since is after --until)"
            ) from None
    elif until is not None:
        raise UsageError("--until cần đi kèm --since (--until needs --since)")
    else:
        period = current_week(today)
    if period.start > today:
        raise UsageError(
            f"kỳ báo cáo bắt đầu {period.start.isoformat()}, sau hôm nay {today.isoformat()} "
            "(the period has not started yet)"
        )
    return period


def _week_message(text: str) -> str:
    head = text.strip()[:4]
    if head.isdigit() and 1 <= int(head) <= 9998:
        return (
            f"tuần không hợp lệ '{text}': năm {head} có {weeks_in_year(int(head))} tuần ISO, "
            f"viết dạng {head}-W07 (invalid ISO week; {head} has "
            f"{weeks_in_year(int(head))} weeks)"
        )
    return f"tuần không hợp lệ '{text}', viết dạng 2026-W07 (invalid ISO week, use 2026-W07)"


def _templates_option(templates: Path | None) -> Path | None:
    if templates is not None and not templates.is_dir():
        raise UsageError(
            f"--templates {templates}: không phải thư mục (not a folder)",
        )
    return templates


def write_output(context: Context, text: str | bytes, output: Path | None, lang: str) -> None:
    """To stdout, or to a file replaced in one step (never left half-written)."""
    if output is None:
        assert isinstance(text, str), "binary output needs a file (see check_request)"
        context.out.write(text)
        return
    folder = output.parent if str(output.parent) else Path()
    if not folder.is_dir():
        raise UsageError(f"-o {output}: thư mục không tồn tại (no such folder): {folder}")
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    write_atomic(output, data, expected=None, overwrite=True)
    context.err.write(label(lang, "doc.written", path=output) + "\n")


def _timeline(context: Context, ward_argument: str, lang: str, use_git: bool) -> Timeline:
    path = context.repository.resolve_ward(ward_argument)
    ward, criteria_set = load_ward_with_set(context, ward_argument, lang)
    log = file_log(path) if use_git else FileLog("disabled")
    return Timeline.build(ward, criteria_set, log, context.today)


@dataclass(frozen=True, slots=True)
class DocumentRequest:
    """How a document is wanted: format, language, where to, which templates."""

    fmt: str
    lang: str
    output: Path | None = None
    templates: Path | None = None
    use_git: bool = True


def check_request(request: DocumentRequest) -> Path | None:
    """The --templates folder; a .docx goes only to a file (-o), never to a terminal."""
    if request.fmt == "docx":
        if request.output is None:
            raise UsageError(
                "--format docx cần -o TỆP: không ghi tệp nhị phân ra terminal "
                "(docx needs -o FILE; binary output is never written to the terminal)",
                hint="ví dụ (e.g.): -o bao-cao.docx",
            )
        if request.templates is not None:
            raise UsageError(
                "--templates không dùng cho --format docx (--templates does not apply to docx)"
            )
    return _templates_option(request.templates)


def render(
    kind: str, request: DocumentRequest, result: object, user_dir: Path | None
) -> str | bytes:
    """Text from the Jinja templates, or the bytes of a .docx (python-docx loads only then)."""
    if request.fmt == "docx":
        from kieumau_cli.render.docx import render_docx

        return render_docx(kind, result, request.lang)
    return render_document(kind, request.fmt, result, request.lang, user_dir)


def _ward_document(
    context: Context,
    kind: str,
    ward_argument: str,
    request: DocumentRequest,
    build: Callable[[Timeline], object],
) -> int:
    user_dir = check_request(request)
    timeline = _timeline(context, ward_argument, request.lang, request.use_git)
    text = render(kind, request, build(timeline), user_dir)
    write_output(context, text, request.output, request.lang)
    return EXIT_OK


def cmd_report(context: Context, ward_argument: str, request: DocumentRequest) -> int:
    return _ward_document(
        context, "report", ward_argument, request, lambda t: Report.build(t, context.today)
    )


def cmd_brief(
    context: Context,
    ward_argument: str,
    request: DocumentRequest,
    period_options: tuple[str | None, str | None, str | None],
    stalled_weeks: int,
) -> int:
    period = resolve_period(*period_options, context.today)
    if stalled_weeks < 1:
        raise UsageError("--stalled-weeks phải ≥ 1 (must be at least 1)")
    return _ward_document(
        context,
        "brief",
        ward_argument,
        request,
        lambda t: Brief.build(t, period, context.today, stalled_weeks),
    )


def _province_filter(context: Context, province: str | None) -> str | None:
    if province is None:
        return None
    known = sorted({path.parent.name for path in context.repository.ward_paths()})
    wanted = slugify(province)
    for prefix in ("tinh-", "thanh-pho-", "tp-"):
        if wanted not in known and wanted.startswith(prefix):
            wanted = wanted.removeprefix(prefix)
    if wanted not in known:
        raise UsageError(
            f"không có đơn vị nào ở tỉnh '{province}' (no stations in that province)",
            hint="các tỉnh có dữ liệu (provinces with data): " + ", ".join(known),
        )
    return wanted


def cmd_summary(context: Context, province: str | None, request: DocumentRequest) -> int:
    fmt, lang = request.fmt, request.lang
    user_dir = check_request(request)
    wanted = _province_filter(context, province)
    repository = context.repository
    wards: list[tuple[str, Ward | None, CriteriaSet | None]] = []
    problems = False
    for path in repository.ward_paths():
        if wanted is not None and path.parent.name != wanted:
            continue
        loaded = repository.load_ward(path)
        ward = loaded.model
        if ward is None or not loaded.ok:
            problems = True
            context.report(loaded.diagnostics, lang)
            wards.append((f"{path.parent.name}/{path.stem}", None, None))
            continue
        loaded_set = repository.criteria_set(ward.criteria)
        criteria_set = loaded_set.model if loaded_set and loaded_set.ok else None
        if criteria_set is None:
            problems = True
            if loaded_set is not None:
                context.report(loaded_set.diagnostics, lang)
        wards.append((ward.key, ward, criteria_set))
    scope = None
    if wanted is not None:
        scope = next((w.province_name for _, w, _ in wards if w is not None), wanted)
    result = Summary.build(scope, wards, context.today)
    text: str | bytes
    if fmt == "text":
        import io

        from kieumau_cli.render.summary_text import render_text

        buffer = io.StringIO()
        render_text(result, lang, buffer)
        text = buffer.getvalue()
    else:
        text = render("summary", request, result, user_dir)
    write_output(context, text, request.output, lang)
    return EXIT_FINDINGS if problems else EXIT_OK
