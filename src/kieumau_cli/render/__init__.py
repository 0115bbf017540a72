"""Reporters, registered by command and format name.

Each entry names `module:function`; the module is imported only when that
format is asked for, so `--format json` never pays for Rich.
"""

from __future__ import annotations

import importlib
from typing import Any, TextIO

_REGISTRY: dict[str, dict[str, str]] = {
    "status": {
        "text": "status:render_text",
        "json": "status:render_json",
        "md": "status:render_md",
    },
    "list": {
        "text": "listing:render_text",
        "json": "listing:render_json",
        "csv": "listing:render_csv",
    },
    "check": {
        "text": "diagnostics:render_text",
        "json": "diagnostics:render_json",
        "github": "github:render_github",
        "sarif": "sarif:render_sarif",
    },
    "criteria": {"text": "criteria:render_text", "json": "criteria:render_json"},
}


def formats(command: str) -> list[str]:
    return list(_REGISTRY[command])


def render(command: str, fmt: str, result: Any, lang: str, out: TextIO) -> None:
    module_name, function_name = _REGISTRY[command][fmt].split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    getattr(module, function_name)(result, lang, out)
