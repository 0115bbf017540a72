"""`kieumau codeowners [--check FILE]`: print the CODEOWNERS file the programme file
implies, or (`--check`) say whether FILE still matches it, for CI."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from kieumau_cli.commands.context import Context
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from kieumau_cli.load.files import LoadFailedFile, read_data_file


def _prefix(context: Context) -> PurePosixPath:
    """The data root as the repository names it; the root itself outside git."""
    from kieumau_cli.load.git import Git

    try:
        git = Git(context.repository.root.path)
        return git.relative(context.repository.root.path)
    except UsageError:
        return PurePosixPath(".")


def run(context: Context, check: Path | None = None) -> int:
    """Exit 1 when the programme file is invalid or (`check`) FILE differs."""
    from kieumau_cli.render.codeowners import codeowners_text

    context.one_root("codeowners")  # one CODEOWNERS file per repository
    repository = context.repository
    loaded = repository.programme_file()
    if loaded is None:
        raise UsageError("error.codeowners_no_programme", root=repository.root.path)
    if not loaded.ok or loaded.model is None:
        raise context.invalid(loaded.diagnostics)
    text = codeowners_text(loaded.model, _prefix(context), repository.provinces(), context.lang)
    if check is None:
        context.out.write(text)
        return EXIT_OK
    try:
        current = read_data_file(check).decode("utf-8", "replace").replace("\r\n", "\n")
    except (OSError, LoadFailedFile):
        raise UsageError("error.codeowners_unreadable", path=check) from None
    if current == text:
        return EXIT_OK
    context.notice("codeowners.stale", path=check)
    return EXIT_FINDINGS
