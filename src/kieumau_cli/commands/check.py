"""`kieumau check [PATH…]`: schema and cross-file rules; exit 1 when anything is wrong."""

from __future__ import annotations

from pathlib import Path

from kieumau_cli import render
from kieumau_cli.commands.context import Context
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK, UsageError


def run(
    context: Context,
    paths: list[Path],
    fmt: str,
    strict: bool,
    *,
    changed: bool = False,
    base: str | None = None,
) -> int:
    from kieumau_cli.check.run import run_check

    selection: list[Path] | None
    if changed or base is not None:  # git history: one repository at a time
        context.one_root("--changed" if changed else "--base")
    if changed:
        from kieumau_cli.check.history import changed_files

        if len(paths) > 1:
            raise UsageError("error.changed_takes_rev")
        selection = changed_files(context.repository, str(paths[0]) if paths else None)
    else:
        missing = [path for path in paths if not path.exists()]
        if missing:
            raise UsageError("error.no_such_path", path=missing[0])
        selection = paths or None
    history = None
    if base is not None:
        from kieumau_cli.check.history import history_base

        history = history_base(context.repository, base, report_deleted=not paths or changed)
    result = run_check(context.repository, selection, context.today, base=history)
    if fmt in ("sarif", "github"):
        result.cwd = context.repository.cwd
        result.source_root = _work_tree(context)
    render.write("check", fmt, result, context)
    if fmt in ("text", "github"):
        context.notice(
            "check.summary", files=result.files, errors=result.errors, warnings=result.warnings
        )
    failed = result.errors or (strict and result.warnings)
    return EXIT_FINDINGS if failed else EXIT_OK


def _work_tree(context: Context) -> Path:
    """The top of the git work tree holding the data, where code scanning and pull request
    annotations resolve paths; the working directory when the data is not in git."""
    from kieumau_cli.load.git import Git

    try:
        return Git(context.repository.root.path).top
    except UsageError:
        return context.repository.cwd
