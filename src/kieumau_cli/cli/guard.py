"""The one place where a command's outcome becomes a message and an exit code.

Kept free of Typer, so that the fast path of `cli.main` (see `fast`) reports
errors exactly as the Typer commands do.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from kieumau_cli.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    InvalidDataError,
    KieumauError,
)
from kieumau_cli.text import t
from kieumau_cli.text.unsafe import visible


def run_guarded(run: Callable[[], int], echo: Callable[[str], None], lang: str) -> int:
    """Run a command; user errors and bugs become a message in `lang` and an exit code.
    A message may quote an argument, a file name or an exception: unsafe characters in
    it are shown as escapes, never sent to the terminal."""

    def echo_err(message: str) -> None:
        echo(visible(message))

    try:
        return run()
    except KieumauError as error:
        if isinstance(error, InvalidDataError):
            _report(error, echo_err, lang)
        echo_err(f"kieumau: {error.message(lang)}")
        hint = error.hint_text(lang)
        if hint:
            echo_err(f"  {hint}")
        return error.exit_code
    except BrokenPipeError:  # `kieumau list | head`: the reader left, nothing is wrong
        return EXIT_OK
    except KeyboardInterrupt:
        echo_err(f"kieumau: {t(lang, 'error.interrupted')}")
        return EXIT_INTERRUPTED
    except OSError as error:  # the system refused: a full disk, a vanished mount, a quota
        if os.environ.get("KIEUMAU_DEBUG"):
            raise
        echo_err(f"kieumau: {system_error_text(error, lang)}")
        return EXIT_USAGE
    except Exception as error:  # a bug: say so plainly, never a bare traceback
        if os.environ.get("KIEUMAU_DEBUG"):
            raise
        detail = str(error).splitlines()[0][:200] if str(error) else ""
        echo_err("kieumau: " + t(lang, "error.internal", kind=type(error).__name__, detail=detail))
        return EXIT_INTERNAL


def system_error_text(error: OSError, lang: str) -> str:
    """An operating-system failure in words: what the system said, and on which file
    when it names one. Files a command reads are reported by the loaders themselves;
    what reaches here is a write (stdout to a full disk, a page of the site) or a
    read the system broke off."""
    reason = error.strerror or str(error) or type(error).__name__
    name, where = error.filename, ""
    if isinstance(name, str | bytes):  # a name not in UTF-8 shows its bytes as \xNN
        where = " " + os.fsencode(name).decode("utf-8", "backslashreplace")
    return t(lang, "error.system", where=where, reason=reason)


def _report(error: InvalidDataError, echo_err: Callable[[str], None], lang: str) -> None:
    """The findings behind the error, as `check` prints them, each once."""
    from kieumau_cli.render.diagnostics import format_line

    seen = set()
    for diagnostic in sorted(error.diagnostics, key=lambda d: d.sort_key()):
        if diagnostic.sort_key() not in seen:
            seen.add(diagnostic.sort_key())
            echo_err(format_line(diagnostic, lang))
