"""`kieumau init PROVINCE/WARD`: a new ward file, every criterion `not_met`, never overwriting."""

from __future__ import annotations

from kieumau_cli.commands.context import Context
from kieumau_cli.edit import session
from kieumau_cli.edit.ward_edits import (
    NewWard,
    default_kind,
    default_unit,
    init_tree,
    is_slug,
    parse_date_input,
)
from kieumau_cli.errors import EXIT_OK, AlreadyExistsError, UsageError
from kieumau_cli.render.common import result_line
from kieumau_cli.text.format import nfc, slugify


def run(
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
) -> int:
    repository = context.repository
    session.refuse_bundled(repository)
    province, slash, ward = target.partition("/")
    if not (slash and is_slug(province) and is_slug(ward)):
        guess = f"{slugify(province)}/{slugify(ward)}" if slash else f"thanh-hoa/{slugify(target)}"
        raise UsageError("error.init_target", target=target, guess=guess)
    # A new ward goes to the root that keeps its province (the first root if none does).
    home = next((r for r in repository.roots if (r.wards_dir / province).is_dir()), repository.root)
    path = home.wards_dir / province / f"{ward}.yaml"
    if path.exists() or path.with_suffix(".yml").exists():
        raise AlreadyExistsError(path.name)
    criteria_set = context.criteria_set(criteria)
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
    edit = session.create(repository, path, context.today)
    data, verdict = edit.checked(init_tree(new, criteria_set).dump())
    edit.write(data)
    count, ref = len(criteria_set.criteria), criteria_set.ref
    context.out.write(context.t("edit.created", path=edit.display, count=count, ref=ref) + "\n")
    context.out.write(result_line(verdict.score(), context.lang) + "\n")
    _slug_notices(context, new)
    return EXIT_OK


def _slug_notices(context: Context, new: NewWard) -> None:
    """Not errors, but worth a line: a slug unlike the name, or one shared with another province."""
    if slugify(new.name) != new.ward:
        context.notice("edit.slug_differs", ward=new.ward, name=new.name, slug=slugify(new.name))
    key = f"{new.province}/{new.ward}"
    others = [k for k in context.repository.ward_keys() if k.endswith("/" + new.ward) and k != key]
    if others:
        context.notice("edit.same_slug", ward=new.ward, others=", ".join(others))


def _province_name(context: Context, province: str) -> str:
    """Taken from a ward already filed under the same province."""
    repository = context.repository
    for path in repository.ward_paths():
        if path.parent.name == province:
            loaded = repository.load_ward(path)
            if loaded.model is not None:
                return loaded.model.province_name
    raise UsageError("error.init_province_name", province=province)
