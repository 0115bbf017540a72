"""`check --base REV`: only an approver may mark a criterion met (`unapproved-change`).

A ward file may list `approvers` (`load.signoff.Approver`), and the programme file
may list them per province. A *claim* is something a change adds that only an
approver may add: a history entry setting `met`, an assessment with a `met` verdict
(`by`: the assessing body), a recognition decision (`by`: its issuer). A claim is
unapproved when its `by` names no approver, or when the approvers it names list
e-mail addresses and the commit that added it was authored by none of them.
Approvers are read at REV, not from the change itself: a pull request cannot approve
itself by adding its author to the list. No approvers, no rule.

`unapproved_claims` is the rule alone (pure); `check.history` finds the claims of a
changed ward file and who committed them (one `git log` and one `git cat-file
--batch` per file, and only when an approver has e-mail addresses).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.load.signoff import Approver
from kieumau_cli.load.yaml import Document
from kieumau_cli.text import Message

Reason = Literal["not-approver", "author-not-approver"]


@dataclass(frozen=True, slots=True)
class Claim:
    """Something a change adds that sets `met`, where it is in the file, and who wrote it."""

    location: tuple[str | int, ...]  # in the ward file, e.g. ("history", 7)
    summary: str  # '2026-03-01 C05: in_progress → met'
    by: str | None
    author: str | None = None  # e-mail of the commit that added it; None while uncommitted
    commit: str | None = None


@dataclass(frozen=True, slots=True)
class Unapproved:
    claim: Claim
    reason: Reason


def _approves(approver: Approver, claim: Claim) -> bool:
    """An approver named by the claim approves it unless their addresses are known and
    the claim's (committed) author is not among them."""
    return not approver.emails or claim.author is None or approver.accepts(claim.author)


def unapproved_claims(claims: Sequence[Claim], approvers: Sequence[Approver]) -> list[Unapproved]:
    """The claims no approver speaks for; none at all when nobody is listed."""
    if not approvers:
        return []
    found = []
    for claim in claims:
        named = [approver for approver in approvers if approver.speaks_for(claim.by)]
        if not named:
            found.append(Unapproved(claim, "not-approver"))
        elif not any(_approves(approver, claim) for approver in named):
            found.append(Unapproved(claim, "author-not-approver"))
    return found


def needs_authors(approvers: Sequence[Approver]) -> bool:
    return any(approver.emails for approver in approvers)


def claim_diagnostic(document: Document, found: Unapproved, rev: str) -> Diagnostic:
    """`unapproved-change` at the claim's place in the file."""
    claim = found.claim
    if found.reason == "not-approver":
        why = Message("diag.detail.not_approver", {"by": claim.by or "—", "rev": rev})
    else:
        why = Message(
            "diag.detail.author_not_approver",
            {"by": claim.by, "email": claim.author, "commit": (claim.commit or "")[:7]},
        )
    last = claim.location[-1]
    number = last + 1 if isinstance(last, int) else 0
    section = str(claim.location[0])
    return document.diagnostic(
        "unapproved-change",
        claim.location,
        number=number,
        entry=claim.summary,
        why=why,
        what=Message(f"diag.detail.claim.{section}"),
        claims=Message(f"diag.detail.claim.{section}.verb"),
    )
