"""`kieumau status WARD [options]` without importing Typer.

Typer costs more than the whole of `status` (it also builds Pydantic adapters
for every parameter on each run), so `cli.main` first offers the arguments to
`parse_status`. Only a plain, fully valid invocation is taken here: the
subcommand first (after at most one `--root DIR` naming a readable folder, which
Typer would accept as is), one ward that does not start with "-", and at most one
each of --format/-f, --lang and --as-of with a separate or `--opt=value` value.
Anything else (--help, --version, unknown or repeated options, invalid choices,
"--", a --root Typer would refuse…) returns None and goes through Typer, which
then parses and reports it as always. What runs afterwards is the same
`cmd_status` behind the same guard.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

_CHOICES: dict[str, tuple[str, ...] | None] = {
    "format": ("text", "json", "md"),
    "lang": ("vi", "en"),
    "as_of": None,  # any value; cmd_status validates it
}
_OPTIONS = {"--format": "format", "-f": "format", "--lang": "lang", "--as-of": "as_of"}


@dataclass(frozen=True, slots=True)
class StatusArgs:
    ward: str
    fmt: str = "text"
    as_of: str | None = None
    lang: str = "vi"
    root: str | None = None


def _accepted_root(value: str) -> bool:
    """What `--root` (a Path option with file_okay=False) takes without complaint and
    without a message: an existing, readable folder."""
    if not value or value.startswith("-"):
        return False
    try:
        mode = Path(value).stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(mode) and os.access(value, os.R_OK)


def parse_status(argv: list[str]) -> StatusArgs | None:
    """The arguments of a plain `status` invocation, or None to leave it to Typer."""
    root: str | None = None
    if argv and argv[0].partition("=")[0] == "--root":
        _, equals, root = argv[0].partition("=")
        argv = argv[1:]
        if not equals:
            if not argv:
                return None
            root, argv = argv[0], argv[1:]
        if not _accepted_root(root):
            return None
    if not argv or argv[0] != "status":
        return None
    ward: str | None = None
    values: dict[str, str] = {}
    rest = argv[1:]
    index = 0
    while index < len(rest):
        token = rest[index]
        index += 1
        if not token.startswith("-"):
            if ward is not None:
                return None
            ward = token
            continue
        name, equals, value = token.partition("=")
        key = _OPTIONS.get(name)
        if key is None or key in values or (equals and name == "-f"):
            return None
        if not equals:
            if index >= len(rest):
                return None
            value = rest[index]
            index += 1
        choices = _CHOICES[key]
        if value.startswith("-") or (choices is not None and value not in choices):
            return None
        values[key] = value
    if ward is None:
        return None
    return StatusArgs(
        ward, values.get("format", "text"), values.get("as_of"), values.get("lang", "vi"), root
    )


def _echo_err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def run_status(args: StatusArgs) -> int:
    """Exit code of `status`, exactly as the Typer command computes it."""
    from kieumau_cli.cli.guard import run_guarded
    from kieumau_cli.commands.core import Context, cmd_status

    return run_guarded(
        lambda: cmd_status(
            Context.create(Path(args.root) if args.root is not None else None),
            args.ward,
            args.fmt,
            args.as_of,
            args.lang,
        ),
        _echo_err,
    )
