"""The programme file: `programme.yaml` in the data root (optional).

What the programme as a whole is measured against: the roadmap targets (≥ 30 % of ward
police units by 2025, 100 % by 2030), and the number of ward police units nationally and
per province where a source gives it. A count nobody sourced is left out (null), never
guessed: the roadmap then says the share is unknown.

Per province it may also name who approves (`approvers`: titles and the git e-mail
addresses they commit with) and who reviews (`reviewers`: CODEOWNERS owners such as
`@org/team`), and a top-level `document` block names the body issuing the programme's
summaries. Those are loaded and validated here for the commands that use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from kieumau_cli.check.diagnostics import Diagnostic
from kieumau_cli.load.fields import (
    Day,
    NonEmpty,
    NonNegative,
    Slug,
    Source,
    StrictModel,
    Text,
    Year,
)
from kieumau_cli.load.signoff import Approver
from kieumau_cli.load.vocabulary import UnitKind
from kieumau_cli.load.yaml import Document

PROGRAMME_FILE = "programme.yaml"
OWNER_PATTERN = r"^@[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$"
# A CODEOWNERS owner: `@user` or `@org/team` (an e-mail owner is left out on purpose: the
# file is public on most hosts).
CodeOwner = Annotated[str, Field(pattern=OWNER_PATTERN)]
Percent = Annotated[float, Field(ge=0, le=100)]


class Target(StrictModel):
    """Mục tiêu lộ trình / Roadmap target

    Đến năm `year`, ít nhất `share` % đơn vị loại `of` được công nhận. / By `year`, at least
    `share` % of the units of kind `of` are recognised.
    """

    year: Year = Field(description="Năm mục tiêu / target year")
    share: Percent = Field(description="Tỷ lệ tối thiểu, % / minimum share, in %")
    of: UnitKind = Field(
        default="phuong", description="Loại đơn vị (phuong: Công an phường) / kind of unit"
    )
    source: Source
    note: str | None = None


class UnitCount(StrictModel):
    """Số đơn vị / Number of units

    Số Công an phường (xã) tại một thời điểm, có nguồn. / How many ward (commune) police
    units there are at a date, sourced.
    """

    count: NonNegative = Field(description="Số đơn vị / number of units")
    of: UnitKind = Field(default="phuong", description="Loại đơn vị / kind of unit")
    as_of: Day = Field(description="Tính đến ngày / as of")
    source: Source
    note: str | None = None


class ProvinceProgramme(StrictModel):
    """Chương trình ở một tỉnh / The programme in one province"""

    units: UnitCount | None = Field(
        default=None, description="Số Công an phường của tỉnh (không ghi: chưa biết) / units"
    )
    approvers: list[Approver] = Field(
        default_factory=list, description="Người phê duyệt / who approves"
    )
    reviewers: list[CodeOwner] = Field(
        default_factory=list,
        description="Người rà soát theo CODEOWNERS, ví dụ @org/team / CODEOWNERS owners",
    )


class ProgrammeDocument(StrictModel):
    """Văn bản tổng hợp / Summary documents

    Cơ quan ban hành văn bản tổng hợp của chương trình. / The body issuing the programme's
    summaries.
    """

    issuer: NonEmpty | None = Field(default=None, description="Cơ quan ban hành / issuing body")
    parent: NonEmpty | None = Field(default=None, description="Cơ quan chủ quản / parent body")
    place: NonEmpty | None = Field(default=None, description="Địa danh / place name")


class Programme(StrictModel):
    """Tệp chương trình / Programme file

    `programme.yaml` ở thư mục dữ liệu: lộ trình và số đơn vị. / `programme.yaml` in the data
    root: the roadmap and the number of units.
    """

    title: Text
    kind: Literal["cap-kieu-mau"] = Field(
        default="cap-kieu-mau", description="Chương trình / which programme"
    )
    targets: list[Target] = Field(default_factory=list, description="Lộ trình / roadmap")
    national: UnitCount | None = Field(
        default=None, description="Số Công an phường cả nước / units nationally"
    )
    provinces: dict[Slug, ProvinceProgramme] = Field(
        default_factory=dict, description="Theo tỉnh (mã thư mục) / by province folder"
    )
    document: ProgrammeDocument | None = None
    reviewers: list[CodeOwner] = Field(
        default_factory=list,
        description=(
            "Người rà soát bộ tiêu chí và tệp chương trình (CODEOWNERS) / CODEOWNERS owners of "
            "criteria/ and programme.yaml"
        ),
    )
    sources: list[Source] = Field(default_factory=list)

    def target_years(self) -> list[int]:
        return sorted({target.year for target in self.targets})

    def units_of(self, province: str) -> UnitCount | None:
        entry = self.provinces.get(province)
        return entry.units if entry is not None else None


def programme_path(root: Path) -> Path:
    return root / PROGRAMME_FILE


def programme_rules(document: Document, programme: Programme) -> list[Diagnostic]:
    """A target year given twice (which share holds?) is an error at the second."""
    found = []
    seen: dict[tuple[int, str], int] = {}
    for index, target in enumerate(programme.targets):
        key = (target.year, target.of)
        if key in seen:
            line, _ = document.position(("targets", seen[key], "year"))
            found.append(
                document.diagnostic(
                    "duplicate-id", ("targets", index, "year"), id=target.year, first_line=line
                )
            )
        else:
            seen[key] = index
    return found
