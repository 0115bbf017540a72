"""`kieumau criteria [SET@VERSION]`: the sets available, or one set grouped, with provenance."""

from __future__ import annotations

from kieumau_cli import render
from kieumau_cli.commands.context import Context
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK


def run(context: Context, ref: str | None, fmt: str) -> int:
    repository = context.repository
    if ref is None:
        loaded_sets = repository.all_sets()
        broken = [loaded for loaded in loaded_sets if loaded.model is None]
        for loaded in broken:
            context.report(loaded.diagnostics)
        valid = [loaded.model for loaded in loaded_sets if loaded.model is not None]
        render.write("criteria", fmt, valid, context)
        return EXIT_FINDINGS if broken else EXIT_OK
    one = repository.criteria_set(repository.resolve_set_ref(ref))
    if one is None or one.model is None:
        raise context.invalid(one.diagnostics if one else [])
    render.write("criteria", fmt, one.model, context)
    return EXIT_OK
