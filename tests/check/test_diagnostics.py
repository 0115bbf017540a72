"""Diagnostic codes (check/diagnostics.py): every code renders in Vietnamese and English with
its parameters filled; each text comes from the catalogue (`diag.CODE`, `diag.CODE.fix`)."""

from __future__ import annotations

from typing import Any

import pytest

from kieumau_cli.check.diagnostics import CODES, Diagnostic
from kieumau_cli.text import has, placeholders, raw

# The codes that are warnings (check --strict makes them fail); every other code is an error.
WARNINGS = {
    "empty-group",
    "evidence-unhashed",
    "history-chain",
    "history-noop",
    "maintenance-at-risk",
    "missing-criterion",
    "stale-temp",
    "stray-file",
}


def _templates(code: str, lang: str) -> list[str]:
    keys = [f"diag.{code}", f"diag.{code}.fix"]
    return [raw(lang, key) for key in keys if has(key)]


def _params_for(code: str) -> dict[str, Any]:
    names: set[str] = set()
    for lang in ("vi", "en"):
        for template in _templates(code, lang):
            names |= placeholders(template)
    return {name: f"<{name}>" for name in sorted(names)}


@pytest.mark.parametrize("code", sorted(CODES))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_code_renders(code: str, lang: str) -> None:
    params = _params_for(code)
    diagnostic = Diagnostic("w.yaml", 3, 7, code, params, suggestion="goi-y")
    message = diagnostic.message(lang)
    assert message.strip()
    used: set[str] = set()
    for template in _templates(code, lang):
        used |= placeholders(template)
    for name in used:
        # every placeholder of this language is filled (possibly through !r)
        assert params[name] in message
    assert "{" not in message and "}" not in message
    hint = "did you mean 'goi-y'?" if lang == "en" else "có phải ý bạn là 'goi-y'?"
    assert hint in message
    assert diagnostic.severity == ("warning" if code in WARNINGS else "error")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_two_languages(code: str) -> None:
    vi, en = raw("vi", f"diag.{code}"), raw("en", f"diag.{code}")
    assert vi.strip() and en.strip()
    assert vi != en


def test_every_text_of_a_code_has_a_code() -> None:
    """No orphan texts: a `diag.*` key names a code (or is the shared "did you mean")."""
    from kieumau_cli.text import messages

    named = {key.split(".")[1] for key in messages() if key.startswith("diag.")}
    # Besides the codes: "did you mean", and the details and types a message may quote.
    assert named - {"did_you_mean", "detail", "type"} == set(CODES)
