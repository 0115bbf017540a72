"""`kieumau criteria`: the sets available, or one set grouped, with provenance."""

from __future__ import annotations

from typing import TextIO

from kieumau_cli.load.models import CriteriaSet
from kieumau_cli.render.common import (
    assembled,
    console,
    legal_basis_text,
    pick,
    provenance_text,
    styled,
    target_text,
    write_json,
)
from kieumau_cli.text import t


def _pass_rule(criteria_set: CriteriaSet, lang: str) -> str:
    rule = criteria_set.pass_rule
    if rule.kind == "min_count":
        return t(lang, "pass_rule.min_count", min=rule.min)
    return t(lang, "pass_rule.all")


def render_text(result: list[CriteriaSet] | CriteriaSet, lang: str, out: TextIO) -> None:
    from rich.table import Table

    con = console(out, lang)
    if isinstance(result, list):
        table = Table()
        for key in ("col.set", "col.criterion", "source"):
            table.add_column(t(lang, key))
        for criteria_set in result:
            table.add_row(
                criteria_set.ref,
                assembled(
                    f"{pick(criteria_set.title, lang)}\n",
                    (
                        f"{len(criteria_set.criteria)} {t(lang, 'criteria')}, "
                        f"{len(criteria_set.groups)} {t(lang, 'groups')} · "
                        f"{criteria_set.issuer}",
                        "dim",
                    ),
                ),
                provenance_text(criteria_set.provenance, lang),
            )
        con.print(table)
        return
    criteria_set = result
    con.print(styled(f"{criteria_set.ref} — {pick(criteria_set.title, lang)}", style="bold"))
    con.print(f"{t(lang, 'issuer')}: {criteria_set.issuer}")
    if criteria_set.legal_basis is not None:
        con.print(f"{t(lang, 'legal_basis')}: {legal_basis_text(criteria_set.legal_basis, lang)}")
    applies_to = ", ".join(t(lang, f"kind.{kind}") for kind in criteria_set.applies_to)
    con.print(f"{t(lang, 'applies_to')}: {applies_to} · {_pass_rule(criteria_set, lang)}")
    con.print(f"{t(lang, 'source')}: {provenance_text(criteria_set.provenance, lang)}")
    # The set's `notes` are research notes for whoever maintains the file: they stay
    # there (and in --format json), not in what an officer reads.
    for group in criteria_set.groups:
        con.print()
        con.print(styled(f"{group.id}. {pick(group.title, lang)}", style="bold"))
        for criterion in (c for c in criteria_set.criteria if c.group == group.id):
            con.print(assembled(f"  {criterion.id}  ", (pick(criterion.title, lang), "bold")))
            con.print(
                styled(
                    f"      {t(lang, 'source')}: {provenance_text(criterion.provenance, lang)}",
                    style="dim",
                )
            )
            if criterion.indicator is not None:
                indicator = criterion.indicator
                con.print(
                    f"      {t(lang, 'indicator')}: {pick(indicator.name, lang)}: "
                    f"{target_text(indicator, lang)}"
                )
            if criterion.evidence_expected:
                expected = "; ".join(criterion.evidence_expected)
                con.print(f"      {t(lang, 'evidence_expected')}: {expected}")
            if criterion.replaces:
                con.print(f"      {t(lang, 'replaces')}: {', '.join(criterion.replaces)}")


def render_json(result: list[CriteriaSet] | CriteriaSet, lang: str, out: TextIO) -> None:
    if isinstance(result, list):
        write_json(
            [
                {
                    "ref": s.ref,
                    "id": s.id,
                    "version": s.version,
                    "title": s.title.vi,
                    "criteria": len(s.criteria),
                    "groups": len(s.groups),
                    "provenance": s.provenance.kind,
                }
                for s in result
            ],
            out,
        )
        return
    write_json(result.model_dump(mode="json", by_alias=True, exclude_none=True), out)
