"""Appending life-cycle records to a ward file: an assessment (`assess`), a recognition
decision or its loss (`recognise`). Like history, both lists are append-only: nothing here
edits or removes an entry, and `WardEdit.checked` refuses a result that did.

Values that cannot be parsed (a date such as 2026-02-30, a verdict such as 'mett') are put
into the tree as given, so that the models report them exactly as `check` would.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kieumau_cli.edit.history import WARD_KEYS, DateInput
from kieumau_cli.edit.tree import Tree, field_order, mapping_like, sequence_at
from kieumau_cli.load.lifecycle_models import Assessment, DocumentRef, Lost, Recognised

ASSESSMENT_KEYS = field_order(Assessment)
RECOGNISED_KEYS = field_order(Recognised)
LOST_KEYS = field_order(Lost)
DOCUMENT_KEYS = field_order(DocumentRef)


@dataclass(frozen=True, slots=True)
class NewAssessment:
    kind: str
    date: DateInput
    by: str
    document: str | None
    verdicts: Mapping[str, str]
    note: str | None = None


def _document(tree: Tree, number: str | None, date: DateInput | None, issuer: str | None) -> Any:
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap()
    if number is not None:
        node["number"] = tree.text(number)
    if date is not None:
        node["date"] = date
    if issuer is not None:
        node["issuer"] = tree.text(issuer)
    node.fa.set_flow_style()
    return node


def append_assessment(tree: Tree, new: NewAssessment) -> int:
    """Append one assessment; returns its index."""
    from ruamel.yaml.comments import CommentedMap

    assessments = sequence_at(tree.data, "assessments", WARD_KEYS)
    fields: list[tuple[str, Any]] = [
        ("kind", new.kind),
        ("date", new.date),
        ("by", tree.text(new.by)),
    ]
    if new.document is not None:
        fields.append(("document", _document(tree, new.document, None, None)))
    if new.verdicts:
        verdicts = CommentedMap(sorted(new.verdicts.items()))
        fields.append(("verdicts", verdicts))
    if new.note:
        fields.append(("note", tree.text(new.note)))
    entry = mapping_like(None, fields)
    assessments.append(entry)
    return len(assessments) - 1


def append_recognised(
    tree: Tree,
    *,
    year: int,
    number: str,
    date: DateInput,
    issuer: str,
    note: str | None = None,
) -> int:
    """Append a recognition decision; the decision itself is its (official) source."""
    from ruamel.yaml.comments import CommentedMap

    entries = sequence_at(tree.data, "recognition", WARD_KEYS)
    source = CommentedMap([("kind", "official"), ("document", tree.text(number)), ("date", date)])
    source.fa.set_flow_style()
    fields: list[tuple[str, Any]] = [
        ("kind", "recognised"),
        ("year", year),
        ("decision", _document(tree, number, date, issuer)),
        ("source", source),
    ]
    if note:
        fields.append(("note", tree.text(note)))
    entries.append(mapping_like(None, fields))
    return len(entries) - 1


def append_lost(
    tree: Tree,
    *,
    date: DateInput,
    document: str,
    reason: str,
    issuer: str | None = None,
) -> int:
    """Append the loss of a recognition, sourced by the document that found it."""
    from ruamel.yaml.comments import CommentedMap

    entries = sequence_at(tree.data, "recognition", WARD_KEYS)
    source = CommentedMap([("kind", "official"), ("document", tree.text(document)), ("date", date)])
    source.fa.set_flow_style()
    fields: list[tuple[str, Any]] = [
        ("kind", "lost"),
        ("date", date),
        ("document", _document(tree, document, date, issuer)),
        ("reason", tree.text(reason)),
        ("source", source),
    ]
    entries.append(mapping_like(None, fields))
    return len(entries) - 1
