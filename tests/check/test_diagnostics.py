"""Diagnostic codes (check/diagnostics.py): every code renders in Vietnamese and English with
its parameters filled, and "did you mean" suggests the id people mean."""

from __future__ import annotations

import string
from typing import Any

import pytest

from kieumau_cli.check.diagnostics import CODES, Diagnostic

# The codes that are warnings (check --strict makes them fail); every other code is an error.
WARNINGS = {"empty-group", "history-chain", "history-noop", "missing-criterion"}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _params_for(code: str) -> dict[str, Any]:
    spec = CODES[code]
    names: set[str] = set()
    for template in (spec.vi, spec.en, spec.fix_vi, spec.fix_en):
        names |= _placeholders(template)
    return {name: f"<{name}>" for name in sorted(names)}


@pytest.mark.parametrize("code", sorted(CODES))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_code_renders(code: str, lang: str) -> None:
    params = _params_for(code)
    diagnostic = Diagnostic("w.yaml", 3, 7, code, params, suggestion="goi-y")
    message = diagnostic.message(lang)
    assert message.strip()
    spec = CODES[code]
    used = _placeholders(spec.vi if lang == "vi" else spec.en)
    used |= _placeholders(spec.fix_vi if lang == "vi" else spec.fix_en)
    for name in used:
        # every placeholder of this language is filled (possibly through !r)
        assert params[name] in message
    assert "{" not in message and "}" not in message
    hint = "did you mean 'goi-y'?" if lang == "en" else "có phải ý bạn là 'goi-y'?"
    assert hint in message
    assert diagnostic.severity == ("warning" if code in WARNINGS else "error")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_two_languages(code: str) -> None:
    spec = CODES[code]
    assert spec.vi.strip() and spec.en.strip()
    assert spec.vi != spec.en
    assert bool(spec.fix_vi) == bool(spec.fix_en)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("C1", "C01"), ("c01", "C01"), ("C21", "C21"), ("C022", "C22"), ("xyz", None)],
)
def test_nearest_prefers_the_id_people_mean(word: str, expected: str | None) -> None:
    from kieumau_cli.check.diagnostics import nearest

    ids = [f"C{i:02d}" for i in range(1, 23)]
    assert nearest(word, ids) == expected


def test_nearest_reads_hyphens_as_underscores() -> None:
    from kieumau_cli.check.diagnostics import nearest

    assert nearest("not-met", ["met", "not_met", "in_progress"]) == "not_met"
