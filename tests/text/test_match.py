"""The one "did you mean" (text/match.py), used for keys, ids, sets, provinces and wards."""

from __future__ import annotations

import pytest

from kieumau_cli.text.match import close_matches, folded, loose, loosely_contains, nearest


@pytest.mark.parametrize(
    ("word", "expected"),
    [("C1", "C01"), ("c01", "C01"), ("C21", "C21"), ("C022", "C22"), ("xyz", None)],
)
def test_nearest_prefers_the_id_people_mean(word: str, expected: str | None) -> None:
    ids = [f"C{i:02d}" for i in range(1, 23)]
    assert nearest(word, ids) == expected


def test_nearest_reads_hyphens_as_underscores() -> None:
    assert nearest("not-met", ["met", "not_met", "in_progress"]) == "not_met"


def test_loose_spellings_are_the_same() -> None:
    assert loose("C01") == loose("c1") == loose("C001") == "c1"
    assert loose("not-met") == loose("NOT_MET")
    assert loose("C10") != loose("C1")


def test_close_matches_puts_the_loose_match_first() -> None:
    keys = ["thanh-hoa/phuong-dong-son", "thanh-hoa/phuong-tao-xuyen", "da-nang/phuong-dong-son"]
    assert close_matches("thanh-hoa/phuong-dong-sen", keys)[0] == "thanh-hoa/phuong-dong-son"
    assert close_matches("zzz", keys) == []


def test_folded_sets_case_accents_and_spacing_aside() -> None:
    assert folded("Tổ  Tiếp-dân") == folded("to tiep dan") == "to tiep dan"
    assert folded("Đội trưởng") == "doi truong"


def test_loosely_contains_matches_whole_words_in_order() -> None:
    assert loosely_contains("Đội trưởng Đội CSGT", "doi truong")
    assert loosely_contains("Trưởng Công an phường", "TRƯỞNG")
    assert not loosely_contains("Tổng hợp", "to")
    assert not loosely_contains("Đội trưởng", "truong doi")
    assert loosely_contains("Đội trưởng", "  ")
