"""`kieumau set WARD CRITERION [STATUS] [--note …]`: change criteria, with history, in one write."""

from __future__ import annotations

from collections.abc import Sequence

from kieumau_cli.commands.context import Context
from kieumau_cli.edit import session
from kieumau_cli.edit.ward_edits import (
    CLEAR,
    Change,
    apply_set,
    parse_date_input,
    parse_evidence,
    parse_number,
    parse_status,
)
from kieumau_cli.errors import EXIT_OK, UsageError
from kieumau_cli.load.models import CriteriaSet
from kieumau_cli.render.common import result_line, status_label
from kieumau_cli.text.format import nfc
from kieumau_cli.text.match import loose


def run(
    context: Context,
    ward_argument: str,
    *,
    criteria: str,
    status: str | None,
    change_options: dict[str, str | None],
    evidence: Sequence[str],
) -> int:
    repository = context.repository
    path = repository.resolve_ward(ward_argument)
    change = _change(context, status, change_options, evidence)
    if change.is_empty():
        raise UsageError("error.nothing_to_change")
    with session.editing(repository, path, context.today) as edit:
        return _set(context, edit, criteria, change)


def _set(context: Context, edit: session.WardEdit, criteria: str, change: Change) -> int:
    assert edit.criteria_set is not None
    ids = criterion_ids(criteria, edit.criteria_set)
    tree = edit.tree(appending=True)
    reformatted = edit.reformatted(tree)
    if reformatted:
        context.notice("edit.reformat", count=reformatted)
    applied = apply_set(tree, edit.criteria_set, ids, change)
    if not any(item.changed for item in applied):
        context.out.write(context.t("edit.nothing") + "\n")
        return EXIT_OK
    text = tree.dump()
    data, verdict = edit.checked(text, edit.future_date(text, change.date, applied))
    edit.write(data)
    out, lang = context.out, context.lang
    out.write(context.t("edit.written", path=edit.display) + "\n")
    for item in applied:
        if item.new_status is not None:
            old, new = status_label(item.old_status, lang), status_label(item.new_status, lang)
            out.write(f"  {item.criterion}: {old} → {new}\n")
        if item.fields:
            fields = ", ".join(context.t(f"edit.field.{name}") for name in item.fields)
            out.write(f"  {item.criterion}: {context.t('edit.fields')} {fields}\n")
    out.write(result_line(verdict.score(), lang) + "\n")
    return EXIT_OK


def criterion_ids(argument: str, criteria_set: CriteriaSet) -> list[str]:
    """'C01,C02' → ids; 'c01' and 'C1' are read as 'C01' when that is the only such id.
    Unknown ids stay as typed, for check's rules to report (with the nearest id)."""
    by_loose: dict[str, list[str]] = {}
    for criterion in criteria_set.criteria:
        by_loose.setdefault(loose(criterion.id), []).append(criterion.id)
    ids = [part.strip() for part in nfc(argument).split(",") if part.strip()]
    if not ids:
        raise UsageError("error.no_criterion")
    return list(
        dict.fromkeys(
            found[0] if len(found := by_loose.get(loose(part), [])) == 1 else part for part in ids
        )
    )


def _change(
    context: Context, status: str | None, options: dict[str, str | None], evidence: Sequence[str]
) -> Change:
    def text(key: str) -> str | None:
        value = options.get(key)
        return None if value is None else nfc(value.strip())

    due = text("due")
    reading = options.get("reading")
    return Change(
        date=parse_date_input(options.get("date"), context.today),
        status=None if status in (None, "-") else parse_status(status),
        owner=text("owner"),
        due=due if due in (None, CLEAR) else parse_date_input(due, context.today),
        note=text("note"),
        reason=text("reason"),
        evidence=tuple(parse_evidence(item) for item in evidence),
        reading=None if reading is None else parse_number(reading),
        by=text("by"),
    )
