"""`kieumau schema`: what it prints is the committed schemas/*.schema.json."""

from __future__ import annotations

import pytest

from kieumau_cli.load.schema import KINDS
from tests.support.cli import Invoke
from tests.support.data import committed_schema


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_is_what_the_command_prints(kind: str, invoke: Invoke) -> None:
    result = invoke("schema", kind)
    assert result.exit_code == 0
    assert result.stdout == committed_schema(kind).read_text(encoding="utf-8"), (
        f"regenerate it: kieumau schema {kind} > schemas/{kind}.schema.json"
    )
