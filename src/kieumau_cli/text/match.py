"""Guessing what the user meant: the one "did you mean" for keys, ids, sets and wards.

A loose match (case, leading zeros, '-' for '_': 'c1' and 'C01', 'not-met' and
'not_met') wins outright; otherwise the closest spelling (for 'C1' that would be a
coin toss between C01 and C21).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def loose(text: str) -> str:
    """'C1', 'c01' -> 'c1'; 'not-met' -> 'not_met': spellings people mean as the same."""
    return re.sub(r"(?<!\d)0+(?=\d)", "", text.casefold().replace("-", "_"))


def loose_match(word: str, candidates: Iterable[str]) -> str | None:
    """The one candidate that matches `word` loosely, or None (none, or several)."""
    found = [candidate for candidate in candidates if loose(candidate) == loose(word)]
    return found[0] if len(found) == 1 else None


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate the user most likely meant, or None."""
    import difflib

    options = list(candidates)
    exact = loose_match(word, options)
    if exact is not None:
        return exact
    match = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return match[0] if match else None


def close_matches(word: str, candidates: Iterable[str], limit: int = 5) -> list[str]:
    """Up to `limit` candidates close to `word`, the likeliest first."""
    import difflib

    options = list(candidates)
    found = [candidate for candidate in options if loose(candidate) == loose(word)]
    for match in difflib.get_close_matches(word, options, n=limit, cutoff=0.6):
        if match not in found:
            found.append(match)
    return found[:limit]


def folded(text: str) -> str:
    """'Tổ  Tiếp-dân' -> 'to tiep dan': what two spellings of one name share once case,
    accents (đ included), punctuation and spacing are set aside."""
    from kieumau_cli.text.format import slugify

    return slugify(text).replace("-", " ")


def loosely_contains(text: str, wanted: str) -> bool:
    """Whether the words of `wanted` appear, in order and whole, in `text`, case,
    accents and spacing aside ('doi truong' in 'Đội trưởng Đội CSGT', but 'to' not in
    'Tổng hợp'); a `wanted` without letters or digits matches everything."""
    words = folded(wanted)
    return not words or f" {words} " in f" {folded(text)} "
