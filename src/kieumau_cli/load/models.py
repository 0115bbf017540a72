"""Pydantic models for criteria sets and ward status files.

These models are the single definition of both file formats: the loader
validates against them, `kieumau schema` exports them, and the JSON Schema
titles/descriptions come from the `Field(description=...)` texts (Vietnamese
first, English after " / ").
"""

import re
from typing import Annotated, Literal, Self

from pydantic import ConfigDict, Field, model_validator

from kieumau_cli.load.fields import (
    ID_PATTERN,
    SET_REF_PATTERN,
    SLUG_PATTERN,
    Day,
    DetailError,
    Ident,
    IllustrativeSource,
    NonEmpty,
    NonNegative,
    Number,
    OfficialSource,
    Positive,
    PressSource,
    Provenance,
    SetRef,
    Slug,
    Source,
    StatusValue,
    StrictModel,
    Text,
    Version,
    day_problem,
)
from kieumau_cli.load.lifecycle_models import (
    SHA256_PATTERN,
    Assessment,
    RecognitionEntry,
    Selected,
)
from kieumau_cli.load.signoff import Approver
from kieumau_cli.load.vocabulary import Comparator, UnitKind

__all__ = [
    "ID_PATTERN",
    "SET_REF_PATTERN",
    "SLUG_PATTERN",
    "DetailError",
    "IllustrativeSource",
    "OfficialSource",
    "PressSource",
    "Provenance",
    "Source",
    "Text",
    "day_problem",
]

# --- criteria sets ------------------------------------------------------------


class LegalBasis(StrictModel):
    """Căn cứ pháp lý / Legal basis"""

    number: NonEmpty = Field(description="Số hiệu / document number")
    date: Day | None = None
    title: str | None = None


class Effective(StrictModel):
    """Thời gian hiệu lực / Period in force"""

    start: Day | None = Field(default=None, alias="from")
    until: Day | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PassRuleAll(StrictModel):
    """Quy tắc đạt: tất cả / Pass rule: all

    Mọi tiêu chí áp dụng phải đạt. / Every applicable criterion must be met.
    """

    kind: Literal["all"]


class PassRuleMinCount(StrictModel):
    """Quy tắc đạt: tối thiểu / Pass rule: minimum count

    Đạt ít nhất `min` tiêu chí. / At least `min` criteria met.
    """

    kind: Literal["min_count"]
    min: Positive


PassRule = Annotated[PassRuleAll | PassRuleMinCount, Field(discriminator="kind")]


class Indicator(StrictModel):
    """Chỉ số đo được / Measurable indicator

    Tên, đơn vị, phép so sánh và mục tiêu. / Name, unit, comparator and target.
    """

    name: Text
    unit: str = Field(description="Đơn vị, ví dụ %, vụ, điểm / unit")
    comparator: Comparator
    target: Number
    note: str | None = None


class Group(StrictModel):
    """Nhóm tiêu chí / Criteria group"""

    id: Ident
    title: Text
    provenance: Provenance | None = None


class Criterion(StrictModel):
    """Tiêu chí / Criterion

    Một tiêu chí của bộ, thuộc một nhóm, kèm nguồn gốc. / One criterion of the set, in a
    group, with its provenance.
    """

    id: Ident
    group: Ident
    title: Text
    description: Text | None = None
    evidence_expected: list[NonEmpty] = Field(default_factory=list)
    indicator: Indicator | None = None
    replaces: list[Ident] = Field(
        default_factory=list, description="Mã tiêu chí của phiên bản trước / ids in `supersedes`"
    )
    requires_reason_if_not_applicable: bool = False
    requires_evidence_if_met: bool = False
    provenance: Provenance


AppliesTo = UnitKind


class CriteriaSet(StrictModel):
    """Bộ tiêu chí / Criteria set

    Bộ tiêu chí có phiên bản: `criteria/<mã>/<phiên-bản>.yaml`. / A versioned criteria set:
    `criteria/<id>/<version>.yaml`.
    """

    id: Slug
    version: Version
    title: Text
    issuer: NonEmpty
    legal_basis: LegalBasis | None = None
    applies_to: list[AppliesTo] = Field(min_length=1)
    effective: Effective | None = None
    supersedes: SetRef | None = Field(
        default=None, description="Phiên bản trước mà `replaces` trỏ tới / earlier set@version"
    )
    pass_rule: PassRule
    provenance: Provenance
    notes: list[str] = Field(default_factory=list)
    groups: list[Group] = Field(min_length=1)
    criteria: list[Criterion] = Field(min_length=1)

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    def criterion(self, criterion_id: str) -> Criterion | None:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        return None


# --- ward status ---------------------------------------------------------------

_SET_REF_RE = re.compile(SET_REF_PATTERN)


class FormerName(StrictModel):
    """Tên cũ / Former name

    Tên, đơn vị trước sáp nhập hay đổi tên. / Name and unit before a merger or renaming.
    """

    name: NonEmpty
    unit: str | None = None
    province: str | None = None
    start: Day | None = Field(default=None, alias="from")
    until: Day | None = None
    note: str | None = None
    source: Provenance | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Plan(StrictModel):
    """Kế hoạch / Plan

    Kế hoạch xây dựng mô hình (số hiệu, ngày, nơi ban hành). / The plan (number, date,
    issuer).
    """

    number: NonEmpty
    date: Day | None = None
    issuer: str | None = None
    source: Source | None = None


class Reported(StrictModel):
    """Số liệu đã công bố / Published aggregate

    Kết quả tổng đã công bố kèm nguồn, ví dụ 11/22 ngày 2026-02-11. / An aggregate published
    somewhere, e.g. 11/22 on 2026-02-11.
    """

    date: Day
    met: NonNegative
    total: Positive
    criteria: SetRef | None = Field(
        default=None,
        description="Bộ tiêu chí dùng để đếm, nếu khác bộ hiện tại (ghi bởi `migrate`) / "
        "set the aggregate was counted under, when not the ward's current set",
    )
    source: Source

    @model_validator(mode="after")
    def _met_within_total(self) -> Self:
        if self.met > self.total:
            raise DetailError("diag.detail.met_over_total", met=self.met, total=self.total)
        return self


class Evidence(StrictModel):
    """Minh chứng / Evidence"""

    title: NonEmpty
    ref: str | None = Field(
        default=None, description="Số văn bản, đường dẫn / document number or link"
    )
    date: Day | None = None
    file: NonEmpty | None = Field(
        default=None,
        description="Tệp minh chứng, đường dẫn tương đối từ thư mục dữ liệu / attached file, "
        "relative to the data root",
    )
    sha256: Annotated[str, Field(pattern=SHA256_PATTERN)] | None = Field(
        default=None,
        description="SHA-256 của tệp khi ghi nhận (phát hiện bản quét bị thay) / the file's "
        "SHA-256 when recorded",
    )


class Reading(StrictModel):
    """Số đo chỉ số / Indicator reading"""

    value: Number
    date: Day
    source: Source | None = None
    note: str | None = None


class CriterionStatus(StrictModel):
    """Trạng thái một tiêu chí / Status of one criterion

    Trạng thái, người phụ trách, hạn, minh chứng, số đo. / Status, owner, due date,
    evidence, readings.
    """

    status: StatusValue
    owner: str | None = None
    due: Day | None = None
    updated: Day | None = None
    note: str | None = None
    reason: str | None = Field(default=None, description="Lý do không áp dụng / why not applicable")
    evidence: list[Evidence] = Field(default_factory=list)
    readings: list[Reading] = Field(default_factory=list)


class HistoryEntry(StrictModel):
    """Mục lịch sử / History entry

    Một lần đổi trạng thái (từ → sang); lịch sử chỉ được ghi thêm. / One status change
    (from → to); history is append-only.
    """

    date: Day
    criterion: Ident
    from_: StatusValue = Field(alias="from")
    to: StatusValue
    note: str | None = None
    by: str | None = None
    migrated_from: SetRef | None = Field(
        default=None,
        description="Bộ tiêu chí cũ, trên các mục do `migrate` ghi; các mục trước đó thuộc bộ cũ / "
        "set the ward moved from, on entries written by `migrate`",
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class DocumentInfo(StrictModel):
    """Thông tin văn bản / Document details

    Cho báo cáo .docx theo Nghị định 30/2020/NĐ-CP; khóa nào không ghi thì suy ra từ tệp đơn vị.
    / For the .docx documents (Decree 30/2020/NĐ-CP); a key left out is derived from the ward.
    """

    superior: NonEmpty | None = Field(
        default=None,
        description="Cơ quan chủ quản, ví dụ Công an tỉnh Thanh Hóa (mặc định: Công an + tên "
        "tỉnh) / superior body (default: from the province name)",
    )
    place: NonEmpty | None = Field(
        default=None,
        description="Địa danh trên dòng ngày tháng, ví dụ Đông Sơn (mặc định: tên phường bỏ "
        "chữ Phường/Xã) / place name on the date line (default: the ward name without its kind)",
    )
    symbol: NonEmpty | None = Field(
        default=None,
        description="Ký hiệu sau số văn bản, ví dụ BC-CAP / document symbol after the number",
    )
    signer_title: NonEmpty | None = Field(
        default=None,
        description="Chức vụ người ký, ví dụ Trưởng Công an phường / signer's title",
    )
    signer_name: NonEmpty | None = Field(
        default=None,
        description="Họ tên người ký (không ghi: để trống chỗ ký) / signer's name "
        "(left out: a placeholder)",
    )
    recipients: list[NonEmpty] | None = Field(
        default=None,
        description="Nơi nhận, mỗi dòng một nơi, dòng cuối thường là Lưu: VT / recipients, one "
        "per line (default: the superior body, then Lưu: VT)",
    )


class Ward(StrictModel):
    """Tệp trạng thái đơn vị / Ward status file

    Trạng thái một phường (xã): `wards/<tỉnh>/<phường>.yaml`. / A ward (or commune) status
    file: `wards/<province>/<ward>.yaml`.
    """

    province: Slug
    ward: Slug
    name: NonEmpty = Field(description="Tên hiển thị, ví dụ Phường Đông Sơn / display name")
    name_source_year: int | None = Field(
        default=None,
        ge=1900,
        le=9999,
        description="Năm của nguồn cho tên này, khi tên sau sắp xếp đơn vị hành chính 1/7/2025 "
        "chưa được xác minh (in kèm tên: 'tên theo nguồn năm …, chưa xác minh') / year of the "
        "source giving this name, when the name after the 1/7/2025 reorganisation is unverified",
    )
    province_name: NonEmpty
    unit: NonEmpty = Field(description="Tên đơn vị công an / police unit name")
    kind: AppliesTo = "phuong"
    former: list[FormerName] = Field(default_factory=list)
    criteria: SetRef = Field(
        description="Bộ tiêu chí áp dụng, dạng set@version / criteria set, as set@version"
    )
    plan: Plan | None = None
    start: Day | None = None
    start_precision: Literal["day", "month", "year"] = Field(
        default="day",
        description="Độ chính xác của `start` (nguồn chỉ nêu tháng hoặc năm: in 'tháng 6/2021', "
        "'năm 2023', không bịa ngày) / how precise `start` is (printed as the month or year "
        "only, never an invented day)",
    )
    target: Day | None = None
    document: DocumentInfo | None = Field(
        default=None,
        description="Thông tin văn bản cho báo cáo .docx (tùy chọn) / details for .docx "
        "documents (optional)",
    )
    approvers: list[Approver] = Field(
        default_factory=list,
        description="Người được ghi `met` (trống: ai cũng được); `check --base` kiểm tra / who "
        "may record `met` (empty: anyone); enforced by `check --base`",
    )
    provenance: Provenance
    sources: list[Source] = Field(default_factory=list)
    reported: list[Reported] = Field(default_factory=list)
    status: dict[Ident, CriterionStatus] = Field(default_factory=dict)
    history: list[HistoryEntry] = Field(default_factory=list)
    selected: Selected | None = Field(
        default=None, description="Được chọn xây dựng mô hình / selection"
    )
    assessments: list[Assessment] = Field(
        default_factory=list,
        description="Các lần đánh giá, chỉ ghi thêm / assessments, append-only",
    )
    recognition: list[RecognitionEntry] = Field(
        default_factory=list,
        description="Công nhận và mất công nhận, chỉ ghi thêm / recognition decisions and "
        "losses, append-only",
    )

    @property
    def key(self) -> str:
        return f"{self.province}/{self.ward}"

    @property
    def set_id(self) -> str:
        return self.criteria.split("@", 1)[0]

    @property
    def set_version(self) -> str:
        return self.criteria.split("@", 1)[1]
