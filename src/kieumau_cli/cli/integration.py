"""Commands for editors and CI: `schema`."""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from kieumau_cli.cli.typer_app import app, guard


class SchemaKind(StrEnum):
    criteria = "criteria"
    ward = "ward"


@app.command()
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(help="criteria (bộ tiêu chí / criteria set) | ward (đơn vị / ward file)"),
    ],
) -> None:
    """In JSON Schema của tệp bộ tiêu chí hoặc tệp đơn vị, cho trình soạn thảo. / JSON Schema."""
    from kieumau_cli.load.schema import cmd_schema

    guard(lambda: cmd_schema(kind.value, sys.stdout))
