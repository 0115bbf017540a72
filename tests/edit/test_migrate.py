"""The migration rule: how the statuses of the criteria a new one replaces combine."""

from __future__ import annotations

import pytest

from kieumau_cli.edit.migrate import combine
from kieumau_cli.load.vocabulary import Status

M, N, P, A, U = (
    Status.MET,
    Status.NOT_MET,
    Status.IN_PROGRESS,
    Status.NOT_APPLICABLE,
    Status.UNKNOWN,
)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((), N),  # a new criterion starts not met
        ((M,), M), ((M, M), M), ((M, A), M),  # not applicable parts are left out
        ((A, A), A),
        ((M, P), P), ((M, N), N), ((P, N), N),  # the least done part decides
        ((M, U), U),  # an unassessed part keeps it from being met...
        ((P, U), P), ((N, U), N),  # ...but does not hide what is known
        ((U,), U),
    ],
)  # fmt: skip
def test_combine(parts: tuple[Status, ...], expected: Status) -> None:
    assert combine(parts) is expected
