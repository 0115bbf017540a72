"""The error hierarchy. Every mistake a user can make is a `KieumauError`;
the CLI maps it to an exit code in one place (`cli.run`). Anything else that
escapes is a bug and is reported as such."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class KieumauError(Exception):
    """A problem caused by the user's input or environment, with a message for them."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(KieumauError):
    """Bad command-line arguments (unknown ward, bad date, path-like slug…)."""


class DataRootError(KieumauError):
    """No usable criteria/ and wards/ folders."""


class WardNotFoundError(UsageError):
    pass


class AmbiguousWardError(UsageError):
    pass


class InvalidDataError(KieumauError):
    """A file needed for the command does not validate; diagnostics say why."""

    exit_code = EXIT_FINDINGS

    def __init__(self, message: str, diagnostics: list[object]) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics


class ConcurrentEditError(KieumauError):
    """The file changed on disk between reading and writing it."""

    exit_code = EXIT_FINDINGS


class WriteFailedError(KieumauError):
    """The operating system refused the write (disk full, permissions…)."""


class AlreadyExistsError(KieumauError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"đã có tệp {path.name}; không ghi đè (file already exists; not overwritten)",
            hint="dùng 'kieumau set' để sửa đơn vị đã có (use 'kieumau set' to edit it)",
        )
