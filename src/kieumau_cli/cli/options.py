"""Options declared once, without Typer: the Typer commands build their options from
these declarations, and the `status` fast path (`cli.fast`) parses by the same ones,
so the two cannot drift apart (a test compares them with Typer's own parameters)."""

from __future__ import annotations

from dataclasses import dataclass

from kieumau_cli.load.vocabulary import SIGN_FORMS
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
ROOTS = OptionSpec(("--roots",), "roots", "help.roots", metavar="FILE")
LANG = OptionSpec(("--lang",), "lang", "help.lang", choices=LANGS)


def format_option(command: str) -> OptionSpec:
    return OptionSpec(("--format", "-f"), "fmt", "help.format", choices=formats(command))


STATUS_AS_OF = OptionSpec(("--as-of",), "as_of", "help.status.as_of", metavar="DATE")
# Every option of `kieumau status`, in the order its --help lists them.
STATUS = (format_option("status"), STATUS_AS_OF, LANG, ROOT)

# How a document meant for signature is issued (report, brief, summary); see docs/docx.md.
FULL = OptionSpec(("--full",), "full", "help.brief.full")
APPENDIX = OptionSpec(("--appendix",), "appendix", "help.appendix")
SIGN_AS = OptionSpec(("--sign-as",), "sign_as", "help.sign_as", choices=SIGN_FORMS)
SIGNER_TITLE = OptionSpec(("--signer-title",), "signer_title", "help.signer_title", metavar="TEXT")
SIGNER_RANK = OptionSpec(("--signer-rank",), "signer_rank", "help.signer_rank", metavar="TEXT")
SIGNER_NAME = OptionSpec(("--signer-name",), "signer_name", "help.signer_name", metavar="TEXT")
SYMBOL = OptionSpec(("--symbol",), "symbol", "help.symbol", metavar="TEXT")
ISSUER = OptionSpec(("--issuer",), "issuer", "help.issuer", metavar="TEXT")
ISSUER_SUPERIOR = OptionSpec(
    ("--issuer-superior",), "issuer_superior", "help.issuer_superior", metavar="TEXT"
)
ISSUER_PLACE = OptionSpec(("--issuer-place",), "issuer_place", "help.issuer_place", metavar="TEXT")
