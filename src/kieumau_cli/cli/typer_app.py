"""The Typer application: global options, option builders, and the bridge to `guard`
(the one place where errors become exit codes). Commands are declared in
`cli.reading`, `cli.editing`, `cli.documents` and `cli.site`; each only parses
arguments and calls `commands.<name>.run`, which returns the exit code.

Heavy modules (pydantic, yaml, rich) are imported inside the commands so that
`kieumau --help` costs little more than importing Typer.
"""

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TypeAlias

import typer

from kieumau_cli import __version__
from kieumau_cli.cli.options import LANG, ROOT, ROOTS, OptionSpec
from kieumau_cli.text import LANGS, both

if TYPE_CHECKING:
    from kieumau_cli.commands.context import Context

app = typer.Typer(
    name="kieumau",
    help=both("help.app"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def option(spec: OptionSpec, **extra: Any) -> Any:
    """A Typer option from its declaration (names, help text, metavar)."""
    choices = " | ".join(spec.choices) if spec.choices else ""
    return typer.Option(
        *spec.names, help=both(spec.help, choices=choices), metavar=spec.metavar, **extra
    )


def choices_of(spec: OptionSpec) -> Any:
    """The `Literal[...]` type Typer turns into a choice, from the declaration's choices."""
    assert spec.choices is not None
    return Literal[spec.choices]


def helped(key: str, *names: str, **extra: Any) -> Any:
    """A Typer option whose help text is catalogue `key`."""
    return typer.Option(*names, help=both(key), **extra)


class _State:
    roots: list[Path] | None = None  # --root and --roots before the command


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kieumau {__version__}")
        raise typer.Exit()


# Repeatable; each value a data folder or a file listing data folders (load.files.find_roots).
RootOption = Annotated[list[Path] | None, option(ROOT)]
RootsOption = Annotated[list[Path] | None, option(ROOTS, dir_okay=False)]
if TYPE_CHECKING:
    LangOption: TypeAlias = str
else:
    LangOption = Annotated[choices_of(LANG), option(LANG)]


@app.callback()
def _global(
    root: RootOption = None,
    roots: RootsOption = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=both("help.version")),
    ] = False,
) -> None:
    _State.roots = [*(root or ()), *(roots or ())] or None


def guard(run: Callable[[], int], lang: str) -> NoReturn:
    """Run a command; map user errors and bugs to messages (in `lang`) and exit codes."""
    from kieumau_cli.cli.guard import run_guarded

    raise typer.Exit(run_guarded(run, lambda message: typer.echo(message, err=True), lang))


def context(
    root: list[Path] | None,
    lang: str,
    paths: list[Path] | None = None,
    roots: list[Path] | None = None,
) -> "Context":
    """The run's context; roots given after the command win over those before it."""
    from kieumau_cli.commands.context import Context

    given = [*(root or ()), *(roots or ())] or _State.roots
    return Context.create(given, lang, paths=paths or ())


__all__ = [
    "LANGS",
    "LangOption",
    "RootOption",
    "RootsOption",
    "app",
    "context",
    "guard",
    "helped",
    "option",
]
