"""Acceptance cases discovered from tests/examples/invalid/<case>/.

Each case holds the files that differ from tests/examples/valid and an
`expected.txt`: first line `exit: N`, then the exact `kieumau check` output.
Add a case by adding a folder; no code changes needed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import Invoke
from tests.support.data import INVALID_CASES, VALID_ROOT, copy_example

CASES = sorted(path.name for path in INVALID_CASES.iterdir() if path.is_dir())


def test_valid_example_is_clean(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(VALID_ROOT)
    result = invoke("check")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "2 tệp: 0 lỗi, 0 cảnh báo" in result.stderr


@pytest.mark.parametrize("case", CASES)
def test_invalid_case(
    case: str, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_example(tmp_path / case)
    case_dir = INVALID_CASES / case
    for source in case_dir.rglob("*.yaml"):
        target = root / source.relative_to(case_dir)
        target.write_bytes(source.read_bytes())
    first, *expected = (case_dir / "expected.txt").read_text(encoding="utf-8").splitlines()
    monkeypatch.chdir(root)
    result = invoke("check")
    assert f"exit: {result.exit_code}" == first
    assert result.stdout.splitlines() == expected
    assert expected, "a negative case must produce at least one diagnostic"
