"""Entry point: `kieumau` and `python -m kieumau_cli`.

Importing a `_cli_*` module registers its commands on the shared app. `app`
is imported on first use so that a plain `kieumau status WARD` (see `_fast`)
never imports Typer.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

__all__ = ["app", "main"]  # noqa: F822 - `app` comes from __getattr__


def _app() -> typer.Typer:
    from . import (
        _cli_core,  # noqa: F401 - registers status, list, check, criteria
        _cli_edit,  # noqa: F401 - registers init, set, migrate
        _cli_integration,  # noqa: F401 - registers schema
        _cli_site,  # noqa: F401 - registers site
    )
    from . import _cli_reports as _reports  # noqa: F401 - registers report, brief, summary
    from ._cli_app import app

    return app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return _app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    # Vietnamese output must survive a Windows console or a C locale.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    from ._fast import parse_status, run_status

    argv = sys.argv[1:]
    args = parse_status(argv)
    if args is not None:
        sys.exit(run_status(args))
    if argv == ["--help"]:
        sys.exit(_help())
    _app()()


def _help() -> int:
    """Top-level help, replayed from `_help_cache` when the CLI code is unchanged."""
    import contextlib
    import io
    import os

    from ._help_cache import cached_help, store_help

    text = cached_help(os.environ)
    if text is None:
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            code = _app()(["--help"], prog_name="kieumau", standalone_mode=False)
        text = captured.getvalue()
        if code not in (None, 0):
            sys.stdout.write(text)
            return int(code)
        store_help(text, os.environ)
    sys.stdout.write(text)
    return 0
