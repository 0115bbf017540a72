"""Today's date, overridable so that tests and reproducible builds agree."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """`KIEUMAU_TODAY=yyyy-mm-dd` pins the date (tests, reproducible reports)."""
    pinned = os.environ.get("KIEUMAU_TODAY")
    if pinned:
        return dt.date.fromisoformat(pinned)
    return dt.date.today()
