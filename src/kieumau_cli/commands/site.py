"""`kieumau site -o DIR`: every station of the data root (or of one province) as a static
website — no server, no database, readable from a file:// path or under a sub-path.
The pipeline is `site.collect` → `site.pages` (the plan) → `site.output` (render, swap).

Determinism: every list is sorted and the only date printed is the data's own
(`site_date`), unless `--stamp` asks for today's date and the build time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import templates_folder
from kieumau_cli.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from kieumau_cli.site.model import SiteRequest
from kieumau_cli.text.format import format_number
from kieumau_cli.text.unsafe import has_unsafe

_BASE_URL = re.compile(r"https?://[^\s<>\"'`#?]+")


def run(context: Context, request: SiteRequest) -> int:
    from kieumau_cli.site.output import build, check_output

    wanted = dataclasses.replace(
        request,
        base_url=checked_base_url(request.base_url),
        templates=templates_folder(request.templates),
    )
    old = check_output(wanted.output, [r.path for r in context.repository.roots], Path.cwd())
    stamp = _stamp_time() if wanted.stamp else None
    places = context.repository.ward_findings(wanted.province)
    try:
        done = build(
            context.repository, wanted, context.today, context.lang, stamp=stamp, old_state=old
        )
    except OSError as error:
        raise UsageError(
            "error.site_write", output=wanted.output, reason=error.strerror or str(error)
        ) from None
    context.report(places)
    context.report(done.diagnostics)
    if done.skipped:
        shown = done.skipped[:10] + (["…"] if len(done.skipped) > 10 else [])
        context.notice("notice.git_skipped", count=len(done.skipped), commits=", ".join(shown))
    seconds = format_number(done.seconds, context.lang, decimals=1)
    context.notice("site.written", pages=done.pages, path=wanted.output, seconds=seconds)
    failed = bool(done.broken) or any(d.severity == "error" for d in places)
    return EXIT_FINDINGS if failed else EXIT_OK


def checked_base_url(value: str | None) -> str | None:
    """A plain http(s) address ending in '/' (pages are appended to it), or a usage error."""
    if value is None:
        return None
    # No control or bidirectional character either: the address is written into every
    # feed and calendar as it is (an ESC in it would reach whoever prints the file).
    if not _BASE_URL.fullmatch(value) or has_unsafe(value):
        raise UsageError("error.base_url", value=value)
    return value if value.endswith("/") else value + "/"


def _stamp_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds), in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError("error.bad_epoch", value=epoch) from None
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
