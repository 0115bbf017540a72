"""`kieumau recognise WARD --year Y --decision NUMBER --date DATE --issuer BODY [--write]`
records a recognition decision; `--lost --date DATE --document NUMBER --reason TEXT`
records that the station no longer holds it. Appended only, through `edit.session`; the
diff is printed and the file written only with `--write`."""

from __future__ import annotations

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import write_if_asked
from kieumau_cli.edit import session
from kieumau_cli.edit.lifecycle import append_lost, append_recognised
from kieumau_cli.edit.tree import unified_diff
from kieumau_cli.edit.ward_edits import parse_date_input
from kieumau_cli.errors import UsageError
from kieumau_cli.render.lifecycle import stage_phrase
from kieumau_cli.results.lifecycle import lifecycle_summary
from kieumau_cli.text.format import nfc


def _clean(value: str | None) -> str | None:
    return nfc(value.strip()) if value and value.strip() else None


def run(
    context: Context,
    ward_argument: str,
    *,
    lost: bool,
    year: int | None,
    decision: str | None,
    date: str,
    issuer: str | None,
    document: str | None,
    reason: str | None,
    note: str | None,
    write: bool,
) -> int:
    repository = context.repository
    decision, issuer, document, reason = map(_clean, (decision, issuer, document, reason))
    if lost:
        missing = [
            name for name, value in (("--document", document), ("--reason", reason)) if not value
        ]
        extra = [
            name
            for name, value in (("--year", year), ("--decision", decision))
            if value is not None
        ]
    else:
        missing = [
            name
            for name, value in (("--year", year), ("--decision", decision), ("--issuer", issuer))
            if value is None
        ]
        extra = [name for name, value in (("--document", document), ("--reason", reason)) if value]
    if missing:
        raise UsageError("error.recognise_missing", options=", ".join(missing))
    if extra:
        raise UsageError("error.recognise_extra", options=", ".join(extra))
    path = repository.resolve_ward(ward_argument)
    when = parse_date_input(date, context.today)
    with session.editing(repository, path, context.today) as edit:
        tree = edit.tree()
        if lost:
            assert document is not None and reason is not None
            append_lost(tree, date=when, document=document, reason=reason, issuer=issuer)
        else:
            assert year is not None and decision is not None and issuer is not None
            append_recognised(
                tree, year=year, number=decision, date=when, issuer=issuer, note=_clean(note)
            )
        text = tree.dump()
        context.out.write(unified_diff(edit.original.text, text, edit.display))
        data, verdict = edit.checked(text)
        assert verdict.ward is not None and verdict.criteria_set is not None
        summary = lifecycle_summary(verdict.ward, verdict.criteria_set)
        context.notice("lifecycle.stage_now", stage=stage_phrase(summary, context.lang))
        return write_if_asked(context, edit, data, write)
