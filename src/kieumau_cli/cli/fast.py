"""`kieumau status WARD [options]` without importing Typer.

Typer costs more than the whole of `status` (it also builds Pydantic adapters for
every parameter on each run), so `cli.main` first offers the arguments to
`parse_status`. The options are those `cli.options.STATUS` declares — the same
declarations the Typer command is built from. Only a plain, fully valid
invocation is taken here: `status` (after at most one `--root DIR` naming a
readable folder), one ward that does not start with "-", and each declared option
at most once, with a separate or `--opt=value` value within its choices. Anything
else (--help, --version, unknown or repeated options, invalid choices, "--", a
--root Typer would refuse…) returns None and goes through Typer, which parses and
reports it as always. What runs afterwards is the same `commands.status.run`
behind the same guard.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from kieumau_cli.cli.options import ROOT, STATUS, OptionSpec

_BY_NAME: dict[str, OptionSpec] = {name: spec for spec in STATUS for name in spec.names}


@dataclass(frozen=True, slots=True)
class StatusArgs:
    """A parsed `status` invocation: the ward, and one field per `STATUS` option `dest`."""

    ward: str
    fmt: str = "text"
    as_of: str | None = None
    lang: str = "vi"
    root: str | None = None


def _accepted_root(value: str) -> bool:
    """A `--root` the fast path takes: an existing, readable folder (a file listing
    roots, or several roots, go through Typer and `load.files.find_roots`)."""
    if not value or value.startswith("-"):
        return False
    try:
        mode = Path(value).stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(mode) and os.access(value, os.R_OK)


def parse_status(argv: list[str]) -> StatusArgs | None:
    """The arguments of a plain `status` invocation, or None to leave it to Typer."""
    values: dict[str, str] = {}
    if argv and argv[0].partition("=")[0] == ROOT.names[0]:  # the global --root, before
        _, equals, root = argv[0].partition("=")
        argv = argv[1:]
        if not equals:
            if not argv:
                return None
            root, argv = argv[0], argv[1:]
        values["global_root"] = root
    if not argv or argv[0] != "status":
        return None
    ward: str | None = None
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
        spec = _BY_NAME.get(name)
        if spec is None or spec.dest in values or (equals and not name.startswith("--")):
            return None
        if not equals:
            if index >= len(rest):
                return None
            value = rest[index]
            index += 1
        if value.startswith("-") or (spec.choices is not None and value not in spec.choices):
            return None
        values[spec.dest] = value
    if ward is None:
        return None
    roots = [values.pop(name) for name in ("root", "global_root") if name in values]
    if not all(_accepted_root(root) for root in roots):
        return None
    # As in Typer: --root after `status` wins over one before it.
    return replace(StatusArgs(ward), **values, root=roots[0] if roots else None)


def _echo_err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def run_status(args: StatusArgs) -> int:
    """Exit code of `status`, exactly as the Typer command computes it."""
    from kieumau_cli.cli.guard import run_guarded
    from kieumau_cli.commands import status
    from kieumau_cli.commands.context import Context

    root = Path(args.root) if args.root is not None else None
    return run_guarded(
        lambda: status.run(Context.create(root, args.lang), args.ward, args.fmt, args.as_of),
        _echo_err,
        args.lang,
    )
