"""`init`, `set` and `migrate`: one function per command returning an exit code.

Every command follows the same path: read the file once, refuse it if
`kieumau check` would (nothing is edited on top of an invalid file), change the
round-trip tree, run the new content through `check`'s loader, models and
rules, and only then write it atomically — unless the file changed on disk in
the meantime. Nothing here knows about Typer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NoReturn

from kieumau_cli.check.diagnostics import Diagnostic, nearest
from kieumau_cli.commands.core import Context
from kieumau_cli.edit.atomic import write_atomic
from kieumau_cli.edit.migrate import Plan, apply_migration, plan_migration, supersedes_chain
from kieumau_cli.edit.tree import (
    Snapshot,
    Tree,
    Verdict,
    diagnose,
    load_tree,
    new_snapshot,
    read_snapshot,
    reformatted_lines,
    unified_diff,
)
from kieumau_cli.edit.ward_edits import (
    CLEAR,
    Applied,
    Change,
    NewWard,
    apply_set,
    default_kind,
    default_unit,
    init_tree,
    is_slug,
    parse_date_input,
    parse_evidence,
    parse_number,
    parse_status,
)
from kieumau_cli.errors import EXIT_OK, AlreadyExistsError, InvalidDataError, UsageError
from kieumau_cli.load.models import CriteriaSet, Status, Ward
from kieumau_cli.load.yaml import LoadFailed, load_bytes
from kieumau_cli.results.score import score, statuses_as_of
from kieumau_cli.text.format import format_percent, nfc, slugify
from kieumau_cli.text.labels import label

_ORIGINAL_INVALID = (
    "tệp không hợp lệ (như `kieumau check` báo ở trên); sửa tệp trước, không ghi gì "
    "(the file does not validate, see above; nothing written)"
)
_EDIT_INVALID = (
    "không ghi gì: tệp sau khi sửa sẽ không hợp lệ, xem các lỗi ở trên — dòng:cột tính trên nội "
    "dung sau khi sửa (nothing written: the edited file would not validate; positions refer to "
    "the edited content)"
)


# --- shared steps -----------------------------------------------------------------------------


def _refuse(
    context: Context, diagnostics: Sequence[Diagnostic], lang: str, message: str
) -> NoReturn:
    context.report(list(diagnostics), lang)
    raise InvalidDataError(message, list(diagnostics))


def _editable(context: Context) -> None:
    if context.repository.root.origin == "bundled":
        raise UsageError(
            "không sửa dữ liệu mẫu đi kèm chương trình; dùng --root DIR hoặc chạy trong thư mục "
            "dữ liệu (refusing to edit the bundled example data; use --root DIR)"
        )


def _open_ward(
    context: Context, ward_argument: str, lang: str
) -> tuple[Snapshot, Ward, CriteriaSet]:
    """The ward's file as read, its model and its set; refused if check finds an error."""
    _editable(context)
    path = context.repository.resolve_ward(ward_argument)
    try:
        snapshot = read_snapshot(path, context.repository.display(path))
    except LoadFailed as failed:
        _refuse(context, [failed.diagnostic], lang, _ORIGINAL_INVALID)
    verdict = diagnose(context.repository, path, snapshot.raw, context.today)
    if verdict.errors or verdict.ward is None or verdict.criteria_set is None:
        _refuse(context, verdict.diagnostics, lang, _ORIGINAL_INVALID)
    return snapshot, verdict.ward, verdict.criteria_set


def _checked(
    context: Context,
    snapshot: Snapshot,
    text: str,
    lang: str,
    extra: Sequence[Diagnostic] = (),
) -> tuple[bytes, Verdict]:
    """New content as bytes, refused unless check would accept it."""
    data = snapshot.encode(text)
    verdict = diagnose(context.repository, snapshot.path, data, context.today)
    diagnostics = list(verdict.diagnostics)
    seen = {(d.line, d.column, d.code) for d in diagnostics}
    diagnostics += [d for d in extra if (d.line, d.column, d.code) not in seen]
    if any(d.severity == "error" for d in diagnostics):
        _refuse(context, diagnostics, lang, _EDIT_INVALID)
    return data, verdict


def _notice_reformat(context: Context, tree: Tree, snapshot: Snapshot, lang: str) -> None:
    count = reformatted_lines(tree, snapshot.text)
    if count:
        context.err.write(label(lang, "edit.reformat", count=count) + "\n")


def _score_line(verdict: Verdict, lang: str) -> str:
    assert verdict.ward is not None and verdict.criteria_set is not None
    current = score(verdict.criteria_set, statuses_as_of(verdict.ward, verdict.criteria_set))
    return (
        f"{label(lang, 'col.score')}: {current.met}/{current.total} {label(lang, 'criteria_met')} "
        f"({format_percent(current.met, current.total, lang)})"
    )


def _status_label(value: str, lang: str) -> str:
    return label(lang, f"status.{value}") if value in set(Status) else value


def resolve_set_ref(context: Context, ref: str, lang: str) -> CriteriaSet:
    """'SET@VERSION', or 'SET' when it has one version, to a valid loaded set."""
    repository = context.repository
    known = sorted(repository.set_paths())
    versions = [k for k in known if k.split("@", 1)[0] == ref]
    if ref not in known and len(versions) == 1:
        ref = versions[0]
    loaded = repository.criteria_set(ref)
    if loaded is None:
        close = nearest(ref, known)
        guess = f"; có phải (did you mean) '{close}'?" if close else ""
        several = f" — {ref} có các phiên bản {', '.join(versions)}" if versions else ""
        raise UsageError(
            f"không tìm thấy bộ tiêu chí '{ref}' (criteria set not found){several}{guess}",
            hint="các bộ hiện có (available): " + ", ".join(known),
        )
    if loaded.model is None or not loaded.ok:
        _refuse(
            context, loaded.diagnostics, lang, "bộ tiêu chí không hợp lệ (invalid criteria set)"
        )
    return loaded.model


# --- init -------------------------------------------------------------------------------------


def cmd_init(
    context: Context,
    target: str,
    *,
    criteria: str,
    name: str,
    unit: str | None,
    province_name: str | None,
    kind: str | None,
    by: str | None,
    date: str | None,
    lang: str,
) -> int:
    _editable(context)
    province, slash, ward = target.partition("/")
    if not (slash and is_slug(province) and is_slug(ward)):
        guess = f"{slugify(province)}/{slugify(ward)}" if slash else f"thanh-hoa/{slugify(target)}"
        raise UsageError(
            f"'{target}' không phải TỈNH/PHƯỜNG dạng mã (expected PROVINCE/WARD slugs), "
            f"ví dụ '{guess}'"
        )
    repository = context.repository
    path = repository.root.wards_dir / province / f"{ward}.yaml"
    if path.exists() or path.with_suffix(".yml").exists():
        raise AlreadyExistsError(path)
    criteria_set = resolve_set_ref(context, criteria, lang)
    name = nfc(name.strip())
    new = NewWard(
        province=province,
        ward=ward,
        name=name,
        province_name=nfc(province_name.strip())
        if province_name
        else _province_name(context, province),
        unit=nfc(unit.strip()) if unit else default_unit(name),
        kind=kind or default_kind(name),
        criteria=criteria_set.ref,
        date=parse_date_input(date, context.today),
        by=nfc(by.strip()) if by else None,
    )
    tree = init_tree(new, criteria_set)
    snapshot = new_snapshot(path)
    data, verdict = _checked(context, snapshot, tree.dump(), lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, expected=None)
    display = repository.display(path)
    out = context.out
    out.write(
        label(
            lang,
            "edit.created",
            path=display,
            count=len(criteria_set.criteria),
            ref=criteria_set.ref,
        )
        + "\n"
    )
    out.write(_score_line(verdict, lang) + "\n")
    _slug_notices(context, new, lang)
    return EXIT_OK


def _slug_notices(context: Context, new: NewWard, lang: str) -> None:
    """Not errors, but worth a line: a slug unlike the name, or one shared with another province."""
    if slugify(new.name) != new.ward:
        context.err.write(
            label(lang, "edit.slug_differs", ward=new.ward, name=new.name, slug=slugify(new.name))
            + "\n"
        )
    key = f"{new.province}/{new.ward}"
    others = [k for k in context.repository.ward_keys() if k.endswith("/" + new.ward) and k != key]
    if others:
        context.err.write(
            label(lang, "edit.same_slug", ward=new.ward, others=", ".join(others)) + "\n"
        )


def _province_name(context: Context, province: str) -> str:
    """Taken from a ward already filed under the same province."""
    repository = context.repository
    for path in repository.ward_paths():
        if path.parent.name == province:
            loaded = repository.load_ward(path)
            if loaded.model is not None:
                return loaded.model.province_name
    raise UsageError(
        f"cần --province-name: chưa có đơn vị nào của '{province}' để lấy tên tỉnh "
        f"(--province-name is needed for a new province), ví dụ --province-name 'Tỉnh Thanh Hóa'"
    )


# --- set --------------------------------------------------------------------------------------


def cmd_set(
    context: Context,
    ward_argument: str,
    *,
    criteria: str,
    status: str | None,
    change_options: dict[str, str | None],
    evidence: Sequence[str],
    lang: str,
) -> int:
    snapshot, _, criteria_set = _open_ward(context, ward_argument, lang)
    path, repository = snapshot.path, context.repository
    ids = _criterion_ids(criteria, criteria_set)
    change = _change(context, status, change_options, evidence)
    if change.is_empty():
        raise UsageError(
            "không có gì để đổi: cho TRẠNG THÁI hoặc một tùy chọn như --note, --owner, --due "
            "(nothing to change: give a STATUS or an option)"
        )
    tree = load_tree(snapshot.text)
    _notice_reformat(context, tree, snapshot, lang)
    applied = apply_set(tree, criteria_set, ids, change)
    if not any(item.changed for item in applied):
        context.out.write(label(lang, "edit.nothing") + "\n")
        return EXIT_OK
    text = tree.dump()
    extra = _future_stamp(context, snapshot, text, change, applied)
    data, new_verdict = _checked(context, snapshot, text, lang, extra)
    write_atomic(path, data, expected=snapshot.raw)
    out = context.out
    out.write(label(lang, "edit.written", path=repository.display(path)) + "\n")
    for item in applied:
        if item.new_status is not None:
            old, new = _status_label(item.old_status, lang), _status_label(item.new_status, lang)
            out.write(f"  {item.criterion}: {old} → {new}\n")
        if item.fields:
            out.write(
                f"  {item.criterion}: {label(lang, 'edit.fields')} {', '.join(item.fields)}\n"
            )
    out.write(_score_line(new_verdict, lang) + "\n")
    return EXIT_OK


def _criterion_ids(argument: str, criteria_set: CriteriaSet) -> list[str]:
    """'C01,C02' → ids; 'c01' and 'C1' are read as 'C01' when that is the only such id.
    Unknown ids stay as typed, for check's rules to report (with the nearest id)."""
    loose: dict[str, list[str]] = {}
    for criterion in criteria_set.criteria:
        loose.setdefault(_loose(criterion.id), []).append(criterion.id)
    ids = [part.strip() for part in nfc(argument).split(",") if part.strip()]
    if not ids:
        raise UsageError("thiếu mã tiêu chí, ví dụ C01 hoặc C01,C02 (no criterion given)")
    return list(
        dict.fromkeys(
            found[0] if len(found := loose.get(_loose(part), [])) == 1 else part for part in ids
        )
    )


def _loose(criterion_id: str) -> str:
    return re.sub(r"\d+", lambda digits: str(int(digits.group())), criterion_id.casefold())


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


def _future_stamp(
    context: Context, snapshot: Snapshot, text: str, change: Change, applied: Sequence[Applied]
) -> list[Diagnostic]:
    """A future --date is refused even when no history entry carries it (check's
    `history-future` covers those): it would still be written as `updated`."""
    date = change.date
    if not isinstance(date, dt.date) or date <= context.today:
        return []
    if any(item.new_status is not None for item in applied):
        return []
    first = next(item for item in applied if item.changed)
    document = load_bytes(snapshot.encode(text), context.repository.display(snapshot.path))
    return [
        document.diagnostic(
            "history-future",
            ("status", first.criterion, "updated"),
            date=date.isoformat(),
            today=context.today.isoformat(),
        )
    ]


# --- migrate ----------------------------------------------------------------------------------


def cmd_migrate(
    context: Context,
    ward_argument: str,
    *,
    to: str,
    write: bool,
    date: str | None,
    by: str | None,
    lang: str,
) -> int:
    snapshot, ward, old = _open_ward(context, ward_argument, lang)
    path, repository = snapshot.path, context.repository
    target = resolve_set_ref(context, to, lang)
    if target.ref == old.ref:
        context.out.write(label(lang, "migrate.same", ref=old.ref) + "\n")
        return EXIT_OK
    plan = plan_migration(ward, old, supersedes_chain(repository, old.ref, target))
    tree = load_tree(snapshot.text)
    _notice_reformat(context, tree, snapshot, lang)
    left_behind = apply_migration(
        tree, plan, parse_date_input(date, context.today), nfc(by.strip()) if by else None
    )
    text = tree.dump()
    display = repository.display(path)
    context.out.write(unified_diff(snapshot.text, text, display))
    _migration_summary(context, plan, left_behind, lang)
    data, new_verdict = _checked(context, snapshot, text, lang)
    context.err.write(_score_line(new_verdict, lang) + "\n")
    if not write:
        context.err.write(label(lang, "edit.not_written") + "\n")
        return EXIT_OK
    write_atomic(path, data, expected=snapshot.raw)
    context.err.write(label(lang, "edit.written", path=display) + "\n")
    return EXIT_OK


def _migration_summary(context: Context, plan: Plan, left_behind: list[str], lang: str) -> None:
    err = context.err
    err.write(
        label(lang, "migrate.header", old=plan.old.ref, new=plan.new.ref, count=len(plan.rows))
        + "\n"
    )
    for row in plan.rows:
        if row.replaces == (row.criterion.id,):
            continue  # same id, same meaning: nothing to explain
        parts = ", ".join(
            f"{old_id} ({_status_label(status.value, lang)})"
            for old_id, status in zip(row.replaces, row.before, strict=True)
        )
        source = parts or label(lang, "migrate.new")
        err.write(f"  {row.criterion.id} ← {source} → {_status_label(row.status.value, lang)}\n")
    dropped = ", ".join(
        f"{old_id} ({_status_label(status.value, lang)})" for old_id, status in plan.dropped
    )
    err.write(f"{label(lang, 'migrate.dropped')}: {dropped or label(lang, 'migrate.none')}\n")
    if left_behind:
        err.write(f"{label(lang, 'migrate.readings')}: {', '.join(left_behind)}\n")
