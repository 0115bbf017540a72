"""What `set` reads from the command line (edit/ward_edits.py): status words in English or
Vietnamese, readings with a decimal comma."""

from __future__ import annotations

import pytest

from kieumau_cli.edit.ward_edits import parse_number, parse_status


@pytest.mark.parametrize(
    ("given", "expected"),
    [("met", "met"), ("NOT-MET", "not_met"), ("đạt", "met"), ("Chưa đạt", "not_met"),
     ("dang-thuc-hien", "in_progress"), ("khong-ap-dung", "not_applicable"), ("mett", "mett")],
)  # fmt: skip
def test_status_words(given: str, expected: str) -> None:
    assert parse_status(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [("92,5", 92.5), ("92.5", 92.5), ("100", 100), ("-7", -7), ("abc", "abc")],
)
def test_reading_numbers_accept_a_decimal_comma(given: str, expected: object) -> None:
    value = parse_number(given)
    assert value == expected and type(value) is type(expected)
