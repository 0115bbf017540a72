"""Entry point: `kieumau` and `python -m kieumau_cli`.

Importing a `_cli_*` module registers its commands on the shared app.
"""

from __future__ import annotations

import sys

from . import (
    _cli_core,  # noqa: F401 - registers status, list, check, criteria
    _cli_edit,  # noqa: F401 - registers init, set, migrate
    _cli_integration,  # noqa: F401 - registers schema
    _cli_site,  # noqa: F401 - registers site
)
from . import _cli_reports as _reports  # noqa: F401 - registers report, brief, summary
from ._cli_app import app

__all__ = ["app", "main"]


def main() -> None:
    # Vietnamese output must survive a Windows console or a C locale.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    app()
