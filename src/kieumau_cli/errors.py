"""The error hierarchy and the exit codes, in one place.

Every mistake a user can make is a `KieumauError`: a text-catalogue key
(`error.*`, see `text/catalogue/errors.py`) with its parameters, an optional hint
key (`hint.*`) and the exit code it ends the run with. It is rendered in the
language of the run (`--lang`) by `cli.guard`, the one place where errors become
messages and exit codes. Anything else that escapes is a bug, reported as such
with exit code 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kieumau_cli.text import t

EXIT_OK = 0
EXIT_FINDINGS = 1  # check found errors; a file a command needs does not validate; a lost race
EXIT_USAGE = 2  # bad arguments, options, environment values; no data root; not a git work tree
EXIT_INTERNAL = 3  # a bug in kieumau
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT (128 + 2)


class KieumauError(Exception):
    """A problem caused by the user's input or environment, with a message for them."""

    exit_code = EXIT_USAGE

    def __init__(self, key: str, /, *, hint: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.hint = hint
        self.params = params

    def message(self, lang: str) -> str:
        return t(lang, self.key, **self.params)

    def hint_text(self, lang: str) -> str | None:
        return t(lang, self.hint, **self.params) if self.hint else None

    def __str__(self) -> str:
        return self.message("vi")


class UsageError(KieumauError):
    """Bad command-line arguments (unknown ward, bad date, path-like slug…)."""


class DataRootError(KieumauError):
    """No usable criteria/ and wards/ folders."""


class WardNotFoundError(UsageError):
    pass


class AmbiguousWardError(UsageError):
    pass


class InvalidDataError(KieumauError):
    """A file needed for the command does not validate. `cli.guard` prints its
    diagnostics (as `check` would) before the message."""

    exit_code = EXIT_FINDINGS

    def __init__(
        self, key: str = "error.invalid_data", /, *, diagnostics: Sequence[Any] = (), **params: Any
    ) -> None:
        super().__init__(key, **params)
        self.diagnostics = list(diagnostics)  # check.diagnostics.Diagnostic


class ConcurrentEditError(KieumauError):
    """The file changed on disk between reading and writing it, or is locked by another run."""

    exit_code = EXIT_FINDINGS


class HistoryRewriteError(KieumauError):
    """An edit would have changed or dropped an existing history entry: a bug in
    kieumau, caught before anything is written."""

    exit_code = EXIT_INTERNAL


class WriteFailedError(KieumauError):
    """The operating system refused the write (disk full, permissions…)."""


class AlreadyExistsError(KieumauError):
    def __init__(self, name: str) -> None:
        super().__init__("error.already_exists", hint="hint.use_set", name=name)
