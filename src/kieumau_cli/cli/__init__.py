"""Entry point: `kieumau` and `python -m kieumau_cli` run `program`; `main` is the
same run, ending with SystemExit, for callers inside a Python process (tests).

Importing a `cli.*` module registers its commands on the shared app. `app`
is imported on first use so that a plain `kieumau status WARD` (see `fast`)
never imports Typer.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import types
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import typer

__all__ = ["app", "main", "program"]


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


def program() -> NoReturn:
    """The `kieumau` process: `main`, then the standard streams flushed and the process
    ended without the interpreter's teardown.

    Tearing down the modules and objects of a run (Pydantic's validators, a national
    set's models) cost a cold `status` a fifth of its time. Nothing is left for it
    to do by then: every file a command writes is closed, and every lock released, in
    the `with` block that wrote it, and `check`'s worker pool is joined before it
    returns. Only the exit status and buffered output remain, and both are kept."""
    _without_pydantic_plugins()
    try:
        main()
        code: object = 0
    except SystemExit as exited:
        code = exited.code
    os._exit(_flushed(code))


def _without_pydantic_plugins() -> None:
    """Pydantic looks for plugins (the `pydantic` entry-point group) when it builds its
    first validator: that imports importlib.metadata and reads the metadata of every
    installed distribution, and a plugin found there (an observability hook such as
    logfire's) would be imported and run inside kieumau's validation. A program that
    only validates its own files needs neither; this is PYDANTIC_DISABLE_PLUGINS=__all__
    without the import. Only the process entry does it: kieumau imported as a library
    leaves the host application's plugins alone."""
    name = "pydantic.plugin._loader"  # the one module pydantic asks for its plugins
    if name not in sys.modules:
        loader = types.ModuleType(name)
        loader.get_plugins = tuple  # type: ignore[attr-defined]  # no plugins: ()
        sys.modules[name] = loader


def _flushed(code: object) -> int:
    """The exit status of SystemExit(code), as Python computes it, once the buffered
    output is out: a reader that left (`kieumau list | head`) is no failure; a write
    the system refuses (stdout on a full disk) is reported, and is exit 2 whatever
    the command's status was, since its output is lost."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code & 0xFF
    else:
        _say(f"{code}")
        status = 1
    try:
        if sys.stdout is not None:  # None under pythonw
            sys.stdout.flush()
    except BrokenPipeError:
        pass
    except OSError as error:
        from kieumau_cli.cli.guard import system_error_text
        from kieumau_cli.errors import EXIT_USAGE
        from kieumau_cli.text.unsafe import visible

        # The message has no --lang to follow any more: Vietnamese, the default.
        _say(f"kieumau: {visible(system_error_text(error, 'vi'))}")
        status = EXIT_USAGE  # whatever the command found, its output is lost
    with contextlib.suppress(OSError, AttributeError):  # no stderr left to flush
        sys.stderr.flush()
    return status


def _say(line: str) -> None:
    with contextlib.suppress(OSError, AttributeError):  # no stderr left to say it on
        sys.stderr.write(line + "\n")


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
