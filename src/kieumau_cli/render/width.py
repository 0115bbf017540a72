"""The width terminal tables are laid out for, and what else Rich reads from the
environment; apart from `render.common` so that `render.output_variant` needs no Rich."""

from __future__ import annotations

MIN_WIDTH, MAX_WIDTH, DEFAULT_WIDTH = 20, 1000, 120

# What Rich reads from the environment besides COLUMNS (colours, terminal and notebook
# detection), and the width: a text output rendered once is the same for the same values.
RICH_ENVIRON = (
    "COLUMNS",
    "TERM",
    "COLORTERM",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "DATABRICKS_RUNTIME_VERSION",
)


def columns(raw: str) -> int | None:
    """The width COLUMNS asks for, when it is a sensible number."""
    if raw.strip().isdigit() and MIN_WIDTH <= int(raw) <= MAX_WIDTH:
        return int(raw)
    return None
