"""What the editing commands (init, set, migrate) must and must not leave behind."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from kieumau_cli.edit import session
from tests.support.cli import Invoke


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write could leave behind. The lock beside each edited ward
    (`.NAME.lock`, empty) stays by design: unlinking a lock file races its next user."""
    return sorted(
        p.name for p in folder.iterdir() if p.name.startswith(".") and p.suffix != ".lock"
    )


def check_is_clean(invoke: Invoke, root: Path, path: Path) -> None:
    result = invoke("--root", str(root), "check", str(path))
    assert (result.exit_code, result.stdout) == (0, ""), result.stdout


def changed_lines(before: str, after: str) -> list[str]:
    """The removed (-) and added (+) lines from `before` to `after`."""
    return [
        line.rstrip("\n")
        for line in difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def someone_writes_during(monkeypatch: pytest.MonkeyPatch, path: Path) -> str:
    """Make another writer change `path` after the command read it, before it writes."""
    theirs = path.read_text(encoding="utf-8") + "# ghi chú của người khác\n"
    original = session.diagnose
    calls: list[int] = []

    def diagnose_while_someone_writes(*args: object, **kwargs: object) -> session.Verdict:
        calls.append(1)
        if len(calls) == 2:  # the first call checked the file as read; this one the edit
            path.write_text(theirs, encoding="utf-8")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session, "diagnose", diagnose_while_someone_writes)
    return theirs
