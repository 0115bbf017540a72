"""How a document is to be issued, beyond what it says: who signs and how (KT./TL./Q.,
rank, name), its symbol, the issuer of a many-ward summary, and the technical details
that stay out of its body (the tool, the day, the data commit; shown only in the
`--appendix` and in the .docx properties)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kieumau_cli.load.vocabulary import SIGN_FORMS

SIGN_AS = SIGN_FORMS


@dataclass(frozen=True, slots=True)
class Signer:
    sign_as: str | None = None  # "KT", "TL", "Q"
    title: str | None = None  # the signer's own title ("Phó Trưởng Công an phường")
    rank: str | None = None  # "Trung tá"
    name: str | None = None

    @property
    def given(self) -> bool:
        return any((self.sign_as, self.title, self.rank, self.name))


@dataclass(frozen=True, slots=True)
class IssuingBody:
    """Who issues a summary of several wards: from `--issuer` (and its parent body and
    place), or a programme file's `document:` block; empty: a neutral header."""

    unit: str | None = None
    superior: str | None = None
    place: str | None = None
    signer_title: str | None = None


@dataclass(frozen=True, slots=True)
class Paperwork:
    appendix: bool = False
    data_commit: str | None = None
    signer: Signer = Signer()
    symbol: str | None = None  # "BC-CAT-PV05"
    issuer: IssuingBody = IssuingBody()

    def tool_line(self, version: str, generated: dt.date) -> str:
        """'kieumau 0.3.0; 2026-12-02; data 1a2b3c4d5e6f' (the .docx comments property)."""
        parts = [f"kieumau {version}", generated.isoformat()]
        if self.data_commit:
            parts.append(f"data {self.data_commit}")
        return "; ".join(parts)
