"""Who may mark a criterion met: the `approvers` of a ward file (its own module so
that `models.py` stays small, and so that the sign-off rule of `check` and, later,
the programme file's per-province approvers share one type).

An approver is named as the history's `by` names people — a title ("Trưởng Công an
phường") or a name — optionally with the git e-mail addresses whose commits speak
for them. Matching is loose: the approver's words, whole and in order, in `by`, case
and accents aside ('Trưởng Công an phường' approves `by: trưởng công an phường Lê
Văn B`).
"""

import functools
from typing import Annotated, Any

from pydantic import Field, TypeAdapter, ValidationError

from kieumau_cli.load.fields import StrictModel
from kieumau_cli.text.match import loosely_contains

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+$"
Email = Annotated[str, Field(pattern=EMAIL_PATTERN)]


class Approver(StrictModel):
    """Người được xác nhận đạt / Approver

    Chức vụ hoặc họ tên được ghi `met`, kèm địa chỉ e-mail git (tùy chọn) của họ. / A title
    or name that may record `met`, with the git e-mail addresses that speak for them
    (optional).
    """

    name: str = Field(min_length=1, description="Chức vụ hoặc họ tên / title or name")
    emails: list[Email] = Field(
        default_factory=list,
        description="Địa chỉ e-mail tác giả commit của người này / their git author e-mails",
    )

    def speaks_for(self, by: str | None) -> bool:
        """Whether a history entry's `by` names this approver."""
        return by is not None and bool(by.strip()) and loosely_contains(by, self.name)

    def accepts(self, email: str) -> bool:
        """Whether a commit by `email` speaks for this approver (e-mails ignore case)."""
        wanted = email.strip().casefold()
        return any(known.casefold() == wanted for known in self.emails)


@functools.cache  # built on first use: importing the models must not pay for it
def _approvers() -> TypeAdapter[list[Approver]]:
    return TypeAdapter(list[Approver])


def approvers_in(data: Any) -> tuple[Approver, ...] | None:
    """The `approvers` of a ward file's raw data; None when it lists none, or lists
    them so that they do not validate (`check` reports that file on its own)."""
    raw = data.get("approvers") if isinstance(data, dict) else None
    if not raw:
        return None
    try:
        return tuple(_approvers().validate_python(raw))
    except ValidationError:
        return None
