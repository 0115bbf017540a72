"""Options declared once, without Typer: the Typer commands build their options from
these declarations, and the `status` fast path (`cli.fast`) parses by the same ones,
so the two cannot drift apart (a test compares them with Typer's own parameters)."""

from __future__ import annotations

from dataclasses import dataclass

from kieumau_cli.render import formats
from kieumau_cli.text import LANGS


@dataclass(frozen=True, slots=True)
class OptionSpec:
    names: tuple[str, ...]
    dest: str
    help: str  # a text-catalogue key
    choices: tuple[str, ...] | None = None
    metavar: str | None = None


ROOT = OptionSpec(("--root",), "root", "help.root", metavar="DIR")
LANG = OptionSpec(("--lang",), "lang", "help.lang", choices=LANGS)


def format_option(command: str) -> OptionSpec:
    return OptionSpec(("--format", "-f"), "fmt", "help.format", choices=formats(command))


STATUS_AS_OF = OptionSpec(("--as-of",), "as_of", "help.status.as_of", metavar="DATE")
# Every option of `kieumau status`, in the order its --help lists them.
STATUS = (format_option("status"), STATUS_AS_OF, LANG, ROOT)
