"""Diagnostic codes, and diagnostics as data: what `check` finds, independent of how
it is shown.

Every code is listed once in `CODES` with its severity; its message and its fix
are `diag.CODE` and `diag.CODE.fix` in the text catalogue
(`text/catalogue/diagnostics.py`). The README's table of codes is checked against
`CODES` by a test, so the documentation cannot drift from the implementation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from kieumau_cli.text import has, t

Severity = Literal["error", "warning"]


CODES: dict[str, Severity] = {
    # --- the file's place in the data root (found without reading it) ---------------
    "symlink": "error",
    "not-a-file": "error",
    "duplicate-file": "error",
    "duplicate-ward-key": "error",
    "conflicting-set": "error",
    "stray-file": "warning",
    "stale-temp": "warning",
    # --- reading the file ---------------------------------------------------------
    "file-unreadable": "error",
    "file-too-large": "error",
    "encoding": "error",
    "conflict-marker": "error",
    "tab-indent": "error",
    "yaml-syntax": "error",
    "unsafe-tag": "error",
    "yaml-alias": "error",
    "duplicate-key": "error",
    "too-deep": "error",
    "control-character": "error",
    "bidi-control": "error",
    "number-too-large": "error",
    "outside-root": "error",
    "empty-document": "error",
    "not-a-mapping": "error",
    "unknown-key": "error",
    "missing-key": "error",
    "invalid-value": "error",
    "not-allowed": "error",
    "invalid-date": "error",
    "wrong-type": "error",
    "path-mismatch": "error",
    "duplicate-id": "error",
    "unknown-group": "error",
    "empty-group": "warning",
    "pass-rule-unreachable": "error",
    "unknown-set": "error",
    "unknown-supersedes": "error",
    "unknown-replaces": "error",
    "kind-mismatch": "error",
    "unknown-criterion": "error",
    "missing-criterion": "warning",
    "needs-reason": "error",
    "needs-evidence": "error",
    "history-order": "error",
    "history-future": "error",
    "history-unknown-criterion": "error",
    "history-noop": "warning",
    "history-chain": "warning",
    "history-mismatch": "error",
    "reported-mismatch": "error",
    "history-rewritten": "error",
    "history-deleted": "error",
    "history-inserted": "error",
    "history-file-deleted": "error",
    # --- who may record met (`check --base`) -------------------------------------------
    "unapproved-change": "error",
    # --- the recognition life cycle (check/lifecycle.py) -------------------------------
    "lifecycle-future": "error",
    "lifecycle-before-selected": "error",
    "verdict-unknown-criterion": "error",
    "recognition-no-decision": "error",
    "recognition-no-source": "error",
    "recognition-year-after-decision": "error",
    "maintenance-at-risk": "warning",
    "evidence-outside": "error",
    "evidence-missing": "error",
    "evidence-changed": "error",
    "evidence-unhashed": "warning",
    "lifecycle-rewritten": "error",
    "lifecycle-deleted": "error",
    "lifecycle-inserted": "error",
    # --- a weekly report's officer-written sections (notes/…/<week>.md) -------------
    "notes-section": "error",
    "notes-duplicate": "error",
    "notes-outside": "error",
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None  # the nearest valid spelling, shown as "did you mean"

    @property
    def severity(self) -> Severity:
        return CODES[self.code]

    def message(self, lang: str) -> str:
        """What is wrong, then "did you mean …" and how to fix it, in `lang`."""
        parts = [t(lang, f"diag.{self.code}", **self.params)]
        if self.suggestion is not None:
            parts.append(t(lang, "diag.did_you_mean", suggestion=self.suggestion))
        if has(f"diag.{self.code}.fix"):
            parts.append(t(lang, f"diag.{self.code}.fix", **self.params))
        return "; ".join(parts)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)
