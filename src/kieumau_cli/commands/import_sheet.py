"""`kieumau import WARD FILE.xlsx [--write]`: a workbook from `export`, filled in, back into
the ward file — each changed row as the `set` it stands for, all in one write through
`edit.session` (read once, refuse an invalid file, validate the result, write atomically).
Prints the changes; writes only with --write. Refuses, naming the cell, anything it cannot
take as typed, and nothing is written then."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kieumau_cli.commands.context import Context
from kieumau_cli.edit import session
from kieumau_cli.edit.ward_edits import Applied, apply_set, parse_date_input
from kieumau_cli.errors import EXIT_OK, ConcurrentEditError, InvalidDataError
from kieumau_cli.exchange.plan import Conflict, FieldChange, Plan, display_value
from kieumau_cli.exchange.read import Problem
from kieumau_cli.render.common import result_line
from kieumau_cli.text.format import format_date, nfc


def run(
    context: Context,
    ward_argument: str,
    workbook: Path,
    *,
    by: str | None,
    date: str | None,
    write: bool,
    show_conflicts: bool,
) -> int:
    from kieumau_cli.exchange.plan import check_origin, make_plan
    from kieumau_cli.exchange.read import read_workbook
    from kieumau_cli.exchange.sheet import current_values, file_fingerprint

    repository = context.repository
    edit = session.open_for_edit(repository, repository.resolve_ward(ward_argument), context.today)
    assert edit.ward is not None and edit.criteria_set is not None
    edited = read_workbook(workbook, repository.display(workbook))
    check_origin(edited, edit.ward.key, edit.criteria_set.ref)
    current = current_values(edit.ward, edit.criteria_set, context.today)
    plan = make_plan(edited, current, file_fingerprint(edit.original.raw))
    _refuse_problems(context, plan.problems, repository.display(workbook))
    sheet_date = format_date(edited.stamp.exported, context.lang)
    if plan.conflicts:
        _refuse_conflicts(context, plan.conflicts, edit.display, sheet_date, show_conflicts)
    if plan.stale:
        context.notice("exchange.stale", path=edit.display, date=sheet_date)
    if not plan.rows:
        context.out.write(context.t("exchange.nothing") + "\n")
        return EXIT_OK
    when = parse_date_input(date, context.today)
    who = nfc(by.strip()) if by and by.strip() else None
    tree = edit.tree(appending=True)
    reformatted = edit.reformatted(tree)
    if reformatted:
        context.notice("edit.reformat", count=reformatted)
    applied: list[Applied] = []
    for row in plan.rows:
        applied += apply_set(tree, edit.criteria_set, [row.criterion], row.change(when, who))
    if not any(item.changed for item in applied):  # what the sheet says, the file says
        context.out.write(context.t("exchange.nothing") + "\n")
        return EXIT_OK
    text = tree.dump()
    stamp = edit.future_date(text, when, applied)
    data, verdict = edit.checked(text, stamp)
    if write:
        edit.write(data)
        context.out.write(context.t("edit.written", path=edit.display) + "\n")
    else:
        context.out.write(context.t("exchange.changes", path=repository.display(workbook)) + "\n")
    _print_changes(context, plan)
    context.out.write(result_line(verdict.score(), context.lang) + "\n")
    if not write:
        context.notice("edit.not_written")
    return EXIT_OK


def _refuse_problems(context: Context, problems: Sequence[Problem], display: str) -> None:
    """One problem is the error itself; several are listed, then one error counts them."""
    if not problems:
        return
    if len(problems) == 1:
        raise InvalidDataError(problems[0].key, **problems[0].params)
    for problem in problems:
        context.err.write(f"kieumau: {context.t(problem.key, **problem.params)}\n")
    raise InvalidDataError("error.sheet_refused", path=display, count=len(problems))


def _refuse_conflicts(
    context: Context, conflicts: Sequence[Conflict], path: str, date: str, show: bool
) -> None:
    lang = context.lang
    if show:
        context.out.write(context.t("exchange.conflicts") + "\n")
        for item in conflicts:
            detail = context.t(
                "exchange.conflict",
                exported=display_value(item.field, item.exported, lang),
                file=display_value(item.field, item.file, lang),
                sheet=display_value(item.field, item.sheet, lang),
            )
            context.out.write(
                f"  {item.criterion} · {item.cell} · {_field_name(context, item.field)}: {detail}\n"
            )
    raise ConcurrentEditError(
        "error.sheet_conflicts",
        hint=None if show else "hint.sheet_conflicts",
        count=len(conflicts),
        path=path,
        date=date,
        cells=", ".join(item.cell for item in conflicts),
    )


def _field_name(context: Context, field: str) -> str:
    if field == "status":
        return context.t("exchange.field.status")
    return context.t(f"edit.field.{'readings' if field == 'reading' else field}")


def _print_changes(context: Context, plan: Plan) -> None:
    for row in plan.rows:
        for item in row.fields:
            context.out.write(f"  {row.criterion} · {item.cell} · {_describe(context, item)}\n")


def _describe(context: Context, item: FieldChange) -> str:
    lang, name = context.lang, _field_name(context, item.field)
    if item.field == "evidence":
        return f"{name}: " + "; ".join(f"+ {line}" for line in item.added)
    before = display_value(item.field, item.before, lang)
    after = display_value(item.field, item.after, lang)
    return f"{name}: {before} → {after}"
