"""The Jinja2 environment of every templated output: `status --format md`, `report`,
`brief` and `summary` in Markdown and HTML, and the static site.

Templates live in the package (`kieumau_cli/templates/`). `--templates DIR` puts a
user folder in front of them file by file; a user template may extend the shipped
one it replaces (`{% extends "default:brief.md.j2" %}`). Every template runs with
`StrictUndefined`; HTML is autoescaped. Texts come from the text catalogue through
`t(...)`; dates and numbers go through the `date`, `number` and `percent` filters so
`--lang` switches both.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kieumau_cli.errors import UsageError
from kieumau_cli.load.vocabulary import Status
from kieumau_cli.render.charts import step_chart
from kieumau_cli.render.common import (
    COMPARATOR_SIGNS,
    criteria_names,
    criterion_name,
    criterion_number,
    group_name,
    md_cell,
    note_heading,
    pick,
    press_citation,
    progress_bar,
    provenance_text,
    reading_text,
    score_line,
    status_label,
    target_text,
    unit_name,
)
from kieumau_cli.render.lifecycle import stage_phrase, verdict_key, verified_phrase
from kieumau_cli.resources import templates_dir
from kieumau_cli.results.weeks import format_week, iso_week
from kieumau_cli.text import t
from kieumau_cli.text.format import format_date, format_number, format_percent
from kieumau_cli.text.places import lower_first, place_text, province_phrase, unit_phrase
from kieumau_cli.text.unsafe import has_unsafe, visible

if TYPE_CHECKING:
    import datetime as dt

    import jinja2

    from kieumau_cli.results.due import Task

_SAFE_URL = re.compile(r"https?://[^\s<>\"'`]+")
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "`*_[]~"})


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


def _shown(value: object) -> object:
    """Every `{{ value }}` of every template: unsafe characters (from git, file names,
    a user's template data) become visible escapes, which HTML, XML and Markdown all
    accept. Markup stays markup: the escapes hold no `<` or `&`. Safe text (nearly
    all, and every macro's output is checked again by its caller) passes as it is."""
    if not isinstance(value, str) or not has_unsafe(value):
        return value
    import markupsafe

    if isinstance(value, markupsafe.Markup):
        return markupsafe.Markup(visible(str(value)))
    return visible(value)


def _autoescape(name: str | None) -> bool:
    return bool(name) and str(name).endswith((".html.j2", ".html", ".svg.j2"))


def environment(lang: str, user_dir: Path | None = None) -> jinja2.Environment:
    """The shipped templates, with `user_dir` in front of them file by file. A user
    template can extend the one it replaces as `{% extends "default:report.md.j2" %}`.
    User templates are code-like input: with `user_dir`, everything renders in Jinja's
    sandbox, where a template cannot reach Python internals."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    shipped = jinja2.FileSystemLoader(templates_dir())
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(user_dir))
    loaders += [shipped, jinja2.PrefixLoader({"default": shipped}, delimiter=":")]
    kind = SandboxedEnvironment if user_dir is not None else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=_autoescape,
        finalize=_shown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def translate(key: str, **params: Any) -> str:
        try:
            return t(lang, key, **params)
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
        criterion=lambda criterion_id: criterion_name(criterion_id, lang),
        number_of=criterion_number,
        criteria=lambda ids: criteria_names(list(ids), lang),
        group=lambda group_id: group_name(group_id, lang),
        target=lambda indicator: target_text(indicator, lang),
        reading=lambda value, indicator: reading_text(value, indicator, lang),
        unit_phrase=unit_phrase,
        # 'tỉnh Thanh Hóa' mid-phrase in Vietnamese; English keeps the name as it is.
        unit_phrase_province=lambda name: province_phrase(name) if lang == "vi" else name,
        press=lambda source: press_citation(source, lang),
        named=lambda unit: unit_name(unit, lang),
        lower_first=lower_first,
        clause=lambda text: str(text).rstrip().rstrip("."),
        holiday=lambda one: one.name_vi if lang == "vi" else one.name_en,
    )
    env.globals.update(
        t=translate,
        lang=lang,
        step_chart=step_chart,
        pct=lambda part, whole: format_percent(part, whole, lang),
        score_line=lambda score: score_line(score, lang),
        deadline=lambda task: _deadline(task, lang),
        off=lambda task: _day_off(task, lang),
        stage_phrase=lambda summary: stage_phrase(summary, lang),
        verdict=lambda score, summary: translate(verdict_key(score.qualifies, summary)),
        verified_phrase=lambda summary: verified_phrase(summary, lang),
        roadmap_share=lambda area, year: _roadmap("share_text")(area, year, lang),
        roadmap_counts=lambda area: _roadmap("area_line")(area, lang),
        delta_text=lambda brief, kind: delta_text(brief, kind, lang),
        note_heading=lambda section: note_heading(section, lang),
        place=lambda ward: place_text(unit_name(ward, lang), ward.province_name, lang),
    )
    return env


# `due`'s words for a task, shared with its terminal table (imported on use: only
# `due.md.j2` needs them).
def _deadline(task: Task, lang: str) -> str:
    from kieumau_cli.render.due import deadline_text

    return deadline_text(task, lang)


def _day_off(task: Task, lang: str) -> str | None:
    from kieumau_cli.render.due import day_off_text

    return day_off_text(task, lang)


def _roadmap(name: str) -> Any:
    # Imported on use: a cached `status` renders templates without the models.
    from kieumau_cli.render import roadmap

    return getattr(roadmap, name)


def delta_text(brief: Any, kind: str, lang: str) -> str:
    """'tăng 2 tiêu chí so với tuần trước' (never '+2')."""
    date = format_date(brief.baseline, lang)
    if not brief.delta:
        return t(lang, f"brief.same.{kind}", date=date)
    way = "up" if brief.delta > 0 else "down"
    return t(lang, f"brief.delta.{way}.{kind}", count=abs(brief.delta), date=date)


def render_template(name: str, result: Any, lang: str, user_dir: Path | None = None) -> str:
    """The document as text; a template problem becomes a UsageError naming file and line."""
    import jinja2

    try:
        return environment(lang, user_dir).get_template(name).render(r=result)
    except jinja2.TemplateError as error:
        raise template_error(error, name) from None


def template_error(error: Exception, name: str) -> UsageError:
    """A Jinja error as the user should read it: the innermost template file and line."""
    import jinja2

    if isinstance(error, jinja2.TemplateSyntaxError):
        where, line = error.filename or error.name or name, error.lineno or None
    else:  # Jinja rewrites tracebacks so that template frames carry file and line
        frames = [
            f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")
        ]
        where, line = (frames[-1].filename, frames[-1].lineno) if frames else (name, None)
    place = f"{where}:{line}" if line else where
    message = getattr(error, "message", None) or str(error)
    return UsageError("error.template", hint="hint.template", place=place, message=message)
