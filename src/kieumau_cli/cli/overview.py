"""`kieumau` and `kieumau --help`: the list of commands, without building them.

To print one line per command, Typer would first build every command in full: each
one's parameters, from its signature and annotations, inspected twice (for the
command and for its callback), about a third of the run. The list needs only each
command's name and help, so for these two invocations the commands are built
without parameters or callbacks; everything else about the help (the usage line,
the global options, the layout) is Typer's and Click's own. A test holds the output
to that of the fully built app.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any

import typer
import typer.core
import typer.main

if TYPE_CHECKING:
    from typer import _click


def _listed_command(
    command_info: typer.models.CommandInfo,
    *,
    pretty_exceptions_short: bool,
    rich_markup_mode: Any,
) -> typer.core.TyperCommand:
    """A command as the command list shows it: what Typer's own builder gives it,
    parameters and callback aside (never run: --help exits before any command)."""
    del pretty_exceptions_short  # only the callback uses it
    assert command_info.callback is not None
    name = command_info.name or typer.main.get_command_name(command_info.callback.__name__)
    given = command_info.help
    use_help = inspect.getdoc(command_info.callback) if given is None else inspect.cleandoc(given)
    cls = command_info.cls or typer.core.TyperCommand
    command: typer.core.TyperCommand = cls(
        name=name,
        context_settings=command_info.context_settings,
        callback=None,
        params=[],
        help=use_help,
        epilog=command_info.epilog,
        short_help=command_info.short_help,
        options_metavar=command_info.options_metavar,
        add_help_option=command_info.add_help_option,
        no_args_is_help=command_info.no_args_is_help,
        hidden=command_info.hidden,
        deprecated=command_info.deprecated,
        rich_markup_mode=rich_markup_mode,
        rich_help_panel=command_info.rich_help_panel,
    )
    return command


def lists_commands(argv: list[str]) -> bool:
    """The invocations that print the command list and nothing else."""
    return argv in ([], ["--help"])


def overview_command(app: typer.Typer) -> _click.Command:
    """The Click group of `app` with its commands built for the list only."""
    built = typer.main.get_command_from_info
    typer.main.get_command_from_info = _listed_command
    try:
        return typer.main.get_command(app)
    finally:
        typer.main.get_command_from_info = built


def run_overview(app: typer.Typer) -> None:
    """Run `app` for the command list (exits as Typer does)."""
    overview_command(app)()
