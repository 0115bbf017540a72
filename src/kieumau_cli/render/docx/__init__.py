"""`--format docx`: the brief, the report and the summary as Word documents laid out the
way Vietnamese state documents must be (Nghị định 30/2020/NĐ-CP, Phụ lục I).

- `primitives`: page, fonts, runs, rules and tables (python-docx and a little OOXML);
- `writer`: one document top to bottom (header block, body, recipients and signature);
- `brief`, `report`, `summary`: what each document says, from its result object.

python-docx is imported only when a .docx is asked for.
"""

from __future__ import annotations

from typing import Any


def render_brief(result: Any, lang: str) -> bytes:
    from kieumau_cli.render.docx import brief

    return brief.render(result, lang)


def render_report(result: Any, lang: str) -> bytes:
    from kieumau_cli.render.docx import report

    return report.render(result, lang)


def render_summary(result: Any, lang: str) -> bytes:
    from kieumau_cli.render.docx import summary

    return summary.render(result, lang)
