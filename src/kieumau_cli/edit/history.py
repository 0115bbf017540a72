"""Appending to a ward's history: the one place any command (`init`, `set`, `migrate`)
adds an entry. History is append-only (`check --base` enforces it), so nothing here
ever edits or removes an entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kieumau_cli.edit.tree import Tree, field_order, mapping_like, sequence_at
from kieumau_cli.load.models import Ward

WARD_KEYS = field_order(Ward)
DateInput = dt.date | str  # a str is a date that did not parse: the models will say why


def append_history(
    tree: Tree,
    date: DateInput,
    criterion: str,
    old: str,
    new: str,
    *,
    note: str | None = None,
    by: str | None = None,
    migrated_from: str | None = None,
    flow: bool | None = None,
) -> int:
    """Append one entry to the ward's history — the only way any command adds one — and
    return its index. `flow`: one line per entry; None writes it as the last entry is."""
    history = sequence_at(tree.data, "history", WARD_KEYS)
    fields: list[tuple[str, Any]] = [
        ("date", date),
        ("criterion", criterion),
        ("from", str(old)),
        ("to", str(new)),
    ]
    fields += [(key, tree.text(value)) for key, value in (("note", note), ("by", by)) if value]
    if migrated_from:
        fields.append(("migrated_from", migrated_from))
    entry = mapping_like(history[-1] if history else None, fields)
    if flow is True:
        entry.fa.set_flow_style()
    elif flow is False:
        entry.fa.set_block_style()
    history.append(entry)
    return len(history) - 1
