"""`kieumau schema criteria|ward|programme`: the JSON Schema of a file format, for editors
and CI."""

from __future__ import annotations

from typing import TextIO

from kieumau_cli.errors import EXIT_OK


def run(kind: str, out: TextIO) -> int:
    from kieumau_cli.load.schema import render_schema

    render_schema(kind, out)
    return EXIT_OK
