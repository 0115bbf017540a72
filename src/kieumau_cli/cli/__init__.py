"""Entry point: `kieumau` and `python -m kieumau_cli`.

Importing a `cli.*` module registers its commands on the shared app. `app`
is imported on first use so that a plain `kieumau status WARD` (see `fast`)
never imports Typer.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

__all__ = ["app", "main"]


# Each module registers its commands on the app, in the order `kieumau --help` lists them.
FAMILIES = ("reading", "editing", "lifecycle", "documents", "planning", "exchange", "site")


def _app() -> typer.Typer:
    import importlib

    for family in FAMILIES:
        importlib.import_module(f"kieumau_cli.cli.{family}")
    from kieumau_cli.cli.typer_app import app

    return app


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        return _app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    # A national run holds ~100,000 live objects per 100 wards (parsed files, models):
    # with the default thresholds the cyclic collector rescans them all again and again
    # and `list` of 3,321 wards took 2.3x the bare parse; data files make no cycles, so
    # collecting rarely costs no memory (bench/run.py: 1.2x).
    gc.set_threshold(50_000, 20, 100)
    # Vietnamese output must survive a Windows console or a C locale.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    argv = sys.argv[1:]
    if "status" in argv:  # `--help` and the other commands never pay for the fast path
        from kieumau_cli.cli.fast import parse_status, run_status

        args = parse_status(argv)
        if args is not None:
            # One ward and its set: nothing worth a collection pass (one landing in
            # the middle of a cold run's imports costs it ~20 ms).
            gc.disable()
            sys.exit(run_status(args))
    from kieumau_cli.cli.overview import lists_commands, run_overview

    if lists_commands(argv):
        run_overview(_app())
    _app()()
