"""The areas of the text catalogue (see `kieumau_cli.text`)."""

from kieumau_cli.text.catalogue import (
    check,
    diagnostics,
    documents,
    editing,
    errors,
    exchange,
    help,
    labels,
    lifecycle,
    planning,
    site,
)

AREAS = (
    labels.MESSAGES,
    check.MESSAGES,
    diagnostics.MESSAGES,
    errors.MESSAGES,
    editing.MESSAGES,
    documents.MESSAGES,
    site.MESSAGES,
    exchange.MESSAGES,
    planning.MESSAGES,
    help.MESSAGES,
    lifecycle.MESSAGES,
)
