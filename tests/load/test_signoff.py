"""The `approvers` of a ward file: loose name matching, e-mails, positioned errors."""

from __future__ import annotations

from pathlib import Path

from kieumau_cli.load.signoff import Approver, approvers_in
from tests.support.cli import Invoke
from tests.support.data import EXAMPLE_WARD, edit


def test_an_approver_is_named_loosely_and_known_by_any_case_of_an_address() -> None:
    chief = Approver(name="Trưởng Công an phường", emails=["Truong@Example.invalid"])
    assert chief.speaks_for("trưởng công an phường Lê Văn B")
    assert chief.speaks_for("TRUONG CONG AN PHUONG")
    assert not chief.speaks_for("Phó Trưởng Công an")
    assert not chief.speaks_for(None) and not chief.speaks_for("  ")
    assert chief.accepts("truong@example.INVALID ")
    assert not chief.accepts("khac@example.invalid")


def test_approvers_in_raw_data() -> None:
    assert approvers_in({"approvers": [{"name": "Đội trưởng"}]}) == (Approver(name="Đội trưởng"),)
    assert approvers_in({}) is None
    assert approvers_in({"approvers": []}) is None
    assert approvers_in({"approvers": [{"nam": "x"}]}) is None  # `check` reports it itself
    assert approvers_in(["not", "a", "mapping"]) is None


def test_a_bad_approver_is_a_positioned_finding(invoke: Invoke, example_root: Path) -> None:
    edit(
        example_root / EXAMPLE_WARD,
        "provenance:",
        "approvers:\n  - name: Trưởng\n    emails: [khong-phai-email]\nprovenance:",
    )
    result = invoke("--root", str(example_root), "check")
    assert result.exit_code == 1
    assert (
        "phuong-mau.yaml:15:14: error[invalid-value]: 'approvers.0.emails.0': giá trị "
        "'khong-phai-email' không hợp lệ"
    ) in result.stdout
