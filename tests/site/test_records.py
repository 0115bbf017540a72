"""A province record is only believed when it is what a build wrote, and reading one
never costs more memory than a record can hold."""

from __future__ import annotations

import tracemalloc
import zlib

from kieumau_cli.site.records import MAX_RECORD_BYTES, decode


def test_a_record_that_inflates_past_the_limit_is_refused_without_inflating_it() -> None:
    bomb = zlib.compress(b"[" + b" " * (16 * MAX_RECORD_BYTES) + b"]", 9)
    tracemalloc.start()
    try:
        assert decode(bomb) is None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_RECORD_BYTES  # bounded by the limit, never the 16x it unpacks to


def test_what_is_not_a_record_is_none() -> None:
    for data in (b"", b"not zlib", zlib.compress(b"{}"), zlib.compress(b'{"version": 99}')):
        assert decode(data) is None
