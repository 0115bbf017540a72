"""Jinja2 rendering of `report`, `brief` and `summary` (Markdown and HTML).

Templates live in the top-level `templates/` folder (shipped in the wheel as
`kieumau_cli/_bundled/templates`). `--templates DIR` puts a user folder in front
of them file by file. Every template runs with `StrictUndefined`; HTML is
autoescaped. Labels come from `_i18n` through `t(...)`; dates and numbers go
through the `date`, `number` and `percent` filters so `--lang` switches both.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kieumau_cli.errors import UsageError
from kieumau_cli.load.models import Status
from kieumau_cli.render.charts import step_chart
from kieumau_cli.render.common import (
    COMPARATOR_SIGNS,
    md_cell,
    pick,
    progress_bar,
    provenance_text,
    status_label,
)
from kieumau_cli.resources import templates_dir
from kieumau_cli.results.weeks import format_week, iso_week
from kieumau_cli.text.format import format_date, format_number, format_percent
from kieumau_cli.text.labels import label

if TYPE_CHECKING:
    import datetime as dt

    import jinja2

_SAFE_URL = re.compile(r"https?://[^\s<>\"'`]+")
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "`*_[]"})


def md_text(value: object) -> str:
    """Text safe anywhere in GitHub-flavoured Markdown: table pipes, line breaks,
    emphasis characters and raw HTML (`<script>` shows as text)."""
    if value is None:
        return ""
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return md_cell(text).translate(_MD_SPECIAL)


def sentence(value: str) -> str:
    """The text with a full stop at the end unless it already has closing punctuation."""
    text = value.rstrip()
    return text if not text or text.endswith((".", "!", "?", "…", ":")) else text + "."


def safe_url(value: str | None) -> str:
    """The URL if it is a plain http(s) address, else '' (never a javascript: link)."""
    return value if value and _SAFE_URL.fullmatch(value) else ""


def _autoescape(name: str | None) -> bool:
    return bool(name) and str(name).endswith((".html.j2", ".html", ".svg.j2"))


def environment(lang: str, user_dir: Path | None = None) -> jinja2.Environment:
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders.append(jinja2.FileSystemLoader(templates_dir()))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def translate(key: str, **params: Any) -> str:
        try:
            return label(lang, key, **params)
        except KeyError as missing:
            raise jinja2.UndefinedError(f"unknown label {missing}") from None

    def date(value: dt.date | None, precision: str = "day") -> str:
        return format_date(value, lang, precision=precision)

    def percent(value: Any) -> str:
        return format_percent(value.met, value.total, lang)

    def signed(value: int) -> str:
        return f"+{value}" if value > 0 else str(value)

    env.filters.update(
        date=date,
        number=lambda value, decimals=None: format_number(value, lang, decimals=decimals),
        percent=percent,
        signed=signed,
        md=md_text,
        url=safe_url,
        status=lambda value: status_label(Status(value), lang),
        pick=lambda text: pick(text, lang),
        provenance=lambda value: provenance_text(value, lang),
        bar=lambda ratio, width=20: progress_bar(ratio, width),
        week=lambda day: format_week(*iso_week(day)),
        cmp=lambda comparator: COMPARATOR_SIGNS.get(comparator, comparator),
        sentence=sentence,
    )
    env.globals.update(
        t=translate,
        lang=lang,
        step_chart=step_chart,
        pct=lambda part, whole: format_percent(part, whole, lang),
    )
    return env


def render_document(
    kind: str, fmt: str, result: Any, lang: str, user_dir: Path | None = None
) -> str:
    """The document as text; a template problem becomes a UsageError naming file and line."""
    import jinja2

    name = f"{kind}.{fmt}.j2"
    try:
        template = environment(lang, user_dir).get_template(name)
        return template.render(r=result)
    except jinja2.TemplateSyntaxError as error:
        raise _template_error(error, error.filename or error.name or name, error.lineno) from None
    except jinja2.TemplateError as error:
        where, line = _template_frame(error, name)
        raise _template_error(error, where, line) from None


def _template_frame(error: BaseException, default: str) -> tuple[str, int | None]:
    """The innermost template file and line in the traceback (Jinja rewrites frames)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
    if not frames:
        return default, None
    return frames[-1].filename, frames[-1].lineno


def _template_error(error: Exception, where: str, line: int | None) -> UsageError:
    place = f"{where}:{line}" if line else where
    message = getattr(error, "message", None) or str(error)
    return UsageError(
        f"lỗi mẫu báo cáo (template error) {place}: {message}",
        hint="kiểm tra tệp mẫu trong --templates (check the template in --templates)",
    )
