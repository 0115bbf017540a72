"""Validate a parsed document against the models and one file's own rules.

Pydantic reports errors as data paths; each is turned into a Diagnostic at
the exact line and column of the offending key or value, with the nearest
valid key or value suggested where one is close.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.load.models import CriteriaSet, DetailError, Ward
from kieumau_cli.load.vocabulary import Status, status_words
from kieumau_cli.load.yaml import Document, day_first
from kieumau_cli.text import Message
from kieumau_cli.text.match import nearest

M = TypeVar("M", bound=BaseModel)

_DATE_ERRORS = {
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
    "date_type",
}
_VALUE_ERRORS = {
    "literal_error",
    "enum",
    "string_pattern_mismatch",
    "union_tag_invalid",
    "greater_than_equal",
    "less_than_equal",
    "greater_than",
    "less_than",
    "string_too_short",
    "too_short",
    "value_error",
}


def validate(document: Document, model: type[M]) -> tuple[M | None, list[Diagnostic]]:
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        return None, [_to_diagnostic(document, model, error) for error in exc.errors()]


def _to_diagnostic(document: Document, model: type[BaseModel], error: Any) -> Diagnostic:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind: str = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        valid = _field_names_at(model, loc[:-1])
        return document.diagnostic(
            "unknown-key", loc, at_key=True, key=key, suggestion=nearest(key, valid)
        )
    if kind == "missing":
        return document.diagnostic("missing-key", loc[:-1], at_key=True, key=str(loc[-1]))
    field = _describe(loc)
    value = _short(error.get("input"))
    detail = _detail(error)
    if "[key]" in loc:
        loc = loc[: loc.index("[key]")]
        return document.diagnostic(
            "invalid-value",
            loc,
            at_key=True,
            field=_describe(loc),
            value=str(loc[-1]),
            detail=detail,
        )
    if kind in _DATE_ERRORS or detail.key in _DATE_DETAILS:
        return document.diagnostic(
            "invalid-date", loc, value=value, dmy=day_first(value), detail=detail
        )
    if kind in {"literal_error", "enum"}:
        expected = _expected_values(error)
        listed = ", ".join(expected)
        if set(expected) == {s.value for s in Status}:  # a status: the Vietnamese words too
            listed += "; " + ", ".join(status_words())
        return document.diagnostic(
            "not-allowed",
            loc,
            field=field,
            value=value,
            expected=listed,
            suggestion=nearest(str(value), expected),
        )
    if kind in _VALUE_ERRORS and not detail.key.startswith("diag.type."):
        return document.diagnostic("invalid-value", loc, field=field, value=value, detail=detail)
    return document.diagnostic("wrong-type", loc, field=field, value=value, detail=detail)


_DATE_DETAILS = {
    "diag.detail.number_date",
    "diag.detail.datetime",
    "diag.detail.date_format",
    "diag.detail.no_such_month",
    "diag.detail.no_such_year",
    "diag.detail.month_days",
}
_LIMITS = {
    "greater_than_equal": ("diag.detail.at_least", "ge"),
    "less_than_equal": ("diag.detail.at_most", "le"),
    "greater_than": ("diag.detail.above", "gt"),
    "less_than": ("diag.detail.below", "lt"),
    "too_short": ("diag.detail.items", "min_length"),
}
_TYPES = {
    "int_type": "int",
    "int_parsing": "int",
    "int_from_float": "int",
    "float_type": "number",
    "float_parsing": "number",
    "string_type": "str",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "list_type": "list",
    "date_type": "date",
}


def _detail(error: Any) -> Message:
    """What Pydantic found wrong, as a catalogue text (never its English message)."""
    kind: str = error["type"]
    ctx = error.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, DetailError):
        return Message(cause.key, cause.params)
    if kind in _LIMITS:
        key, name = _LIMITS[kind]
        return Message(key, {"limit": ctx.get(name, "?")})
    if kind == "string_pattern_mismatch":
        return Message("diag.detail.pattern", {"pattern": ctx.get("pattern", "?")})
    if kind == "string_too_short":
        return Message("diag.detail.empty")
    if kind in _DATE_ERRORS:
        return Message("diag.detail.date_format")
    if kind in _TYPES:
        return Message(f"diag.type.{_TYPES[kind]}")
    return Message("diag.detail.other", {"type": kind})


class _Elided:
    """A whole mapping or list in a message: shown as `{…}` or `[…]`, one line long."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


def _short(value: Any) -> Any:
    """Keep messages one line long even when the offending value is a whole mapping."""
    if isinstance(value, dict):
        return _Elided("{…}")
    if isinstance(value, list):
        return _Elided("[…]")
    if isinstance(value, str) and len(value) > 60:
        return value[:57] + "..."
    return value


def _expected_values(error: Any) -> list[str]:
    ctx = error.get("ctx") or {}
    expected = str(ctx.get("expected", ""))
    return [
        part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '")
    ]


def _describe(loc: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(document)"


def _field_names_at(model: type[BaseModel], loc: Iterable[str | int]) -> list[str]:
    """Valid keys of the mapping at `loc`, following the model's annotations."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def _step(annotation: Any, part: str | int) -> Any:
    annotation = _unwrap(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return typing.get_args(annotation)[0] if isinstance(part, int) else None
    if origin is dict:
        return typing.get_args(annotation)[1]
    if origin in (typing.Union, types.UnionType):
        # Discriminated union: pydantic's path names the chosen member by its tag.
        for candidate in typing.get_args(annotation):
            member = _unwrap(candidate)
            if isinstance(member, type) and issubclass(member, BaseModel):
                kind = member.model_fields.get("kind")
                if kind is not None and part in typing.get_args(kind.annotation):
                    return member
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            if part in (name, info.alias):
                return info.annotation
    return None


# --- one file's own rules ------------------------------------------------------


def _path_rules(document: Document, pairs: Iterable[tuple[str, str, str]]) -> list[Diagnostic]:
    """`path-mismatch` for each (field, value, what the file's path requires) that differ."""
    return [
        document.diagnostic("path-mismatch", (name,), field=name, value=value, expected=expected)
        for name, value, expected in pairs
        if value != expected
    ]


def _first_duplicates(
    document: Document, items: Iterable[str], section: str
) -> tuple[dict[str, int], list[Diagnostic]]:
    """The index of each id's first use in `section`, and `duplicate-id` for each repeat."""
    first: dict[str, int] = {}
    found = []
    for index, item in enumerate(items):
        if item in first:
            line, _ = document.position((section, first[item], "id"))
            found.append(
                document.diagnostic(
                    "duplicate-id", (section, index, "id"), id=item, first_line=line
                )
            )
        else:
            first[item] = index
    return first, found


def criteria_set_rules(
    document: Document, criteria_set: CriteriaSet, rel: PurePosixPath
) -> list[Diagnostic]:
    """`rel` is the path below `criteria/`, e.g. cap-kieu-mau/2021.yaml."""
    found = _path_rules(
        document,
        [("id", criteria_set.id, rel.parent.name), ("version", criteria_set.version, rel.stem)],
    )
    group_ids, repeats = _first_duplicates(document, (g.id for g in criteria_set.groups), "groups")
    found += repeats
    _, repeats = _first_duplicates(document, (c.id for c in criteria_set.criteria), "criteria")
    found += repeats
    used_groups: set[str] = set()
    for index, criterion in enumerate(criteria_set.criteria):
        if criterion.group not in group_ids:
            found.append(
                document.diagnostic(
                    "unknown-group",
                    ("criteria", index, "group"),
                    group=criterion.group,
                    suggestion=nearest(criterion.group, list(group_ids)),
                )
            )
        used_groups.add(criterion.group)
    for index, group in enumerate(criteria_set.groups):
        if group.id not in used_groups:
            found.append(
                document.diagnostic("empty-group", ("groups", index, "id"), group=group.id)
            )
    rule = criteria_set.pass_rule
    if rule.kind == "min_count" and rule.min > len(criteria_set.criteria):
        found.append(
            document.diagnostic(
                "pass-rule-unreachable",
                ("pass_rule", "min"),
                min=rule.min,
                count=len(criteria_set.criteria),
            )
        )
    return found


def ward_rules(document: Document, ward: Ward, rel: PurePosixPath) -> list[Diagnostic]:
    """`rel` is the path below `wards/`, e.g. thanh-hoa/phuong-dong-son.yaml."""
    return _path_rules(
        document, [("province", ward.province, rel.parent.name), ("ward", ward.ward, rel.stem)]
    )
