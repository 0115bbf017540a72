"""Today's date: in Vietnam, whatever the clock of the machine says, unless pinned.

A station edits its file at 06:30 in Hà Nội; a CI runner on UTC still lives in the
previous day and would call that edit "in the future" (`history-future`). Vietnam has
kept UTC+7 without daylight saving since 1975, so a fixed offset needs no time-zone
database (which Windows would not have).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from kieumau_cli.errors import UsageError

VIETNAM = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")


def today(environ: Mapping[str, str] = os.environ, now: dt.datetime | None = None) -> dt.date:
    """`KIEUMAU_TODAY=yyyy-mm-dd` pins the date (tests, reproducible reports); anything
    else in it is a usage error, never a silent fallback. `now`: an aware instant to
    judge instead of the clock's (tests)."""
    pinned = environ.get("KIEUMAU_TODAY")
    if pinned:
        try:
            if len(pinned) != 10:
                raise ValueError(pinned)
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise UsageError("error.bad_today", value=pinned) from None
    return (now or dt.datetime.now(dt.UTC)).astimezone(VIETNAM).date()
