"""`kieumau migrate WARD --to SET@VERSION [--write]`: move a ward to a newer version of its
set, following `replaces`; prints the diff, writes only with --write."""

from __future__ import annotations

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import write_if_asked
from kieumau_cli.edit import session
from kieumau_cli.edit.migrate import Plan, apply_migration, plan_migration, supersedes_chain
from kieumau_cli.edit.tree import unified_diff
from kieumau_cli.edit.ward_edits import parse_date_input
from kieumau_cli.errors import EXIT_OK
from kieumau_cli.render.common import result_line, status_label
from kieumau_cli.text.format import nfc


def run(
    context: Context,
    ward_argument: str,
    *,
    to: str,
    write: bool,
    date: str | None,
    by: str | None,
) -> int:
    repository = context.repository
    path = repository.resolve_ward(ward_argument)
    with session.editing(repository, path, context.today) as edit:
        return _migrate(context, edit, to=to, write=write, date=date, by=by)


def _migrate(
    context: Context,
    edit: session.WardEdit,
    *,
    to: str,
    write: bool,
    date: str | None,
    by: str | None,
) -> int:
    repository = context.repository
    assert edit.ward is not None and edit.criteria_set is not None
    old = edit.criteria_set
    target = context.criteria_set(to)
    if target.ref == old.ref:
        context.out.write(context.t("migrate.same", ref=old.ref) + "\n")
        return EXIT_OK
    plan = plan_migration(edit.ward, old, supersedes_chain(repository, old.ref, target))
    tree = edit.tree()
    reformatted = edit.reformatted(tree)
    if reformatted:
        context.notice("edit.reformat", count=reformatted)
    left_behind = apply_migration(
        tree, plan, parse_date_input(date, context.today), nfc(by.strip()) if by else None
    )
    text = tree.dump()
    context.out.write(unified_diff(edit.original.text, text, edit.display))
    _summary(context, plan, left_behind)
    data, verdict = edit.checked(text)
    context.err.write(result_line(verdict.score(), context.lang) + "\n")
    return write_if_asked(context, edit, data, write)


def _summary(context: Context, plan: Plan, left_behind: list[str]) -> None:
    err, lang = context.err, context.lang
    context.notice("migrate.header", old=plan.old.ref, new=plan.new.ref, count=len(plan.rows))
    for row in plan.rows:
        if row.replaces == (row.criterion.id,):
            continue  # same id, same meaning: nothing to explain
        parts = ", ".join(
            f"{old_id} ({status_label(status, lang)})"
            for old_id, status in zip(row.replaces, row.before, strict=True)
        )
        source = parts or context.t("migrate.new")
        err.write(f"  {row.criterion.id} ← {source} → {status_label(row.status, lang)}\n")
    dropped = ", ".join(
        f"{old_id} ({status_label(status, lang)})" for old_id, status in plan.dropped
    )
    err.write(f"{context.t('migrate.dropped')}: {dropped or context.t('migrate.none')}\n")
    if left_behind:
        err.write(f"{context.t('migrate.readings')}: {', '.join(left_behind)}\n")
