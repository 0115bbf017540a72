"""`kieumau status WARD`: one station's score, its criteria by group, what is missing."""

from __future__ import annotations

import os

from kieumau_cli import render
from kieumau_cli.commands.context import Context, parse_date
from kieumau_cli.errors import EXIT_OK


def run(context: Context, ward_argument: str, fmt: str, as_of: str | None) -> int:
    from kieumau_cli.results.cache import StatusCache

    as_of_date = parse_date(as_of, "--as-of") if as_of else None
    repository = context.repository
    path = repository.resolve_ward(ward_argument)
    # --as-of rebuilds the state from the history: always computed, never cached; a ward
    # with a twin file is refused by validation, never served from the cache; nor is a
    # ward of joined roots (another root's copy of its set must be compared each time).
    cached = as_of_date is None and len(repository.roots) == 1 and not repository.ward_twins(path)
    cache = StatusCache.open(os.environ) if cached else None
    variant = None
    if cache is not None:
        variant = render.output_variant("status", fmt, context.lang, context.out)
    if cache is not None and variant is not None:
        # Printed today, in this format, from these very files: written again as it was.
        text = cache.lookup_text(path, repository.set_paths(), variant, context.today)
        if text is not None:
            context.out.write(text)
            return EXIT_OK
    from kieumau_cli.results.status import StatusData, StatusView

    data = cache.lookup(path, repository.set_paths()) if cache is not None else None
    if data is None:
        load = repository.open_ward(path)
        ward, criteria_set = context.usable(load)
        data = StatusData.build(ward, criteria_set, as_of_date)
        if cache is not None and load.file.raw is not None and load.set_file is not None:
            cache.store(path, load.file.raw, load.set_file, data)
    view = StatusView(data, as_of_date, context.today)
    if cache is None or variant is None:
        render.write("status", fmt, view, context)
        return EXIT_OK
    text = render.captured("status", fmt, view, context.lang, context.out)
    context.out.write(text)
    cache.store_text(path, variant, context.today, text)
    return EXIT_OK
