"""The one text catalogue: every label, message, diagnostic and help text, in
Vietnamese (the default of every output) and English.

The texts live in `text/catalogue/*.py`, one module per area, each a mapping
`key -> (Vietnamese, English)`; a test holds both languages to the same keys and
the same placeholders. Look a text up with `t(lang, key, **params)`.

Placeholders are `str.format` fields. English plurals are written in the field
itself: `{count:file|files}` prints "file" when `count` is 1 and "files"
otherwise (next to a plain `{count}` that prints the number). Vietnamese has no
plural forms, so its texts use only plain fields.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from kieumau_cli.text.format import format_date

LANGS: Final = ("vi", "en")
_INDEX: Final = {"vi": 0, "en": 1}


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> Any:
        if "|" in format_spec:
            one, _, other = format_spec.partition("|")
            return one if value == 1 else other
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


@cache
def messages() -> dict[str, tuple[str, str]]:
    """Every key of every area; a key defined twice is a bug caught at first use."""
    from kieumau_cli.text.catalogue import AREAS

    merged: dict[str, tuple[str, str]] = {}
    for area in AREAS:
        for key, texts in area.items():
            if key in merged:
                raise RuntimeError(f"text key {key!r} is defined twice")
            merged[key] = texts
    return merged


@dataclass(frozen=True, slots=True)
class Message:
    """A text to be written in whatever language the output is in: as a parameter of
    another text (a diagnostic's detail), it is rendered in that text's language."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return t(lang, self.key, **self.params)


def t(lang: str, key: str, /, **params: Any) -> str:
    """The text of `key` in `lang` ("vi" or "en"), its placeholders filled from `params`
    (a `Message` parameter is rendered in `lang` too)."""
    text = messages()[key][_INDEX[lang]]
    if not params:
        return text
    shown = {key: _shown(value, lang) for key, value in params.items()}
    if "|" not in text:  # no plural field: the C formatter says the same, faster
        return text.format(**shown)
    return _FORMATTER.format(text, **shown)


def _shown(value: Any, lang: str) -> Any:
    """A parameter as the text shows it: a Message in the text's language, a date as that
    language writes dates (dd/mm/yyyy in Vietnamese)."""
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return value


def raw(lang: str, key: str, /) -> str:
    """The text of `key` with its placeholders unfilled (SARIF describes rules this way)."""
    return messages()[key][_INDEX[lang]]


def has(key: str) -> bool:
    return key in messages()


def placeholders(text: str) -> set[str]:
    """The field names a text uses (for the catalogue's own consistency test)."""
    return {field for _, field, _, _ in _FORMATTER.parse(text) if field}


def both(key: str, /, **params: Any) -> str:
    """'Vietnamese / English', for the few texts shown before a language is chosen
    (the command-line help)."""
    vi, en = t("vi", key, **params), t("en", key, **params)
    return vi if vi == en else f"{vi} / {en}"
