"""Pydantic models for criteria sets and ward status files.

These models are the single definition of both file formats: the loader
validates against them, `kieumau schema` exports them, and the JSON Schema
titles/descriptions come from the `Field(description=...)` texts (Vietnamese
first, English after " / ").
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from kieumau_cli.load.vocabulary import Comparator, Status, UnitKind, status_word, status_words
from kieumau_cli.text import Message

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
SET_REF_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*@[A-Za-z0-9][A-Za-z0-9._-]*$"


def _int_to_str(value: Any) -> Any:
    # YAML reads `version: 2021` as an int; a version is a label, not a number.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


class DetailError(ValueError):
    """A validator's complaint as a text-catalogue key (`diag.detail.*`), so that the
    diagnostic reads in the language of the output."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# What a number in these files may be: counts and readings are human-sized. A bound makes
# an absurd value (a pasted 1e300, a stray digit string) a positioned finding.
NUMBER_LIMIT = 1e15
COUNT_LIMIT = 100_000


def _strict_day(value: Any) -> Any:
    """A calendar day: a YAML date, or the same written as a 'yyyy-mm-dd' string (as
    JSON and editors see it). Never a number (Pydantic would read 86400 as a Unix
    timestamp), never a date with a time, never another spelling."""
    if isinstance(value, dt.datetime):
        raise DetailError("diag.detail.datetime")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return value  # Pydantic says which type it wanted
    if not isinstance(value, str):
        raise DetailError("diag.detail.number_date")
    if not _ISO_DAY.fullmatch(value):
        raise DetailError("diag.detail.date_format")
    year, month, day = (int(part) for part in value.split("-"))
    problem = day_problem(year, month, day)
    if problem is not None:
        raise DetailError(problem.key, **problem.params)
    return dt.date(year, month, day)


def day_problem(year: int, month: int, day: int) -> Message | None:
    """Why year-month-day is no day on the calendar, as the user should read it
    ("tháng 6 có 30 ngày"), or None when it is one."""
    if not 1 <= month <= 12:
        return Message("diag.detail.no_such_month", {"month": month})
    if not 1 <= year <= 9999:
        return Message("diag.detail.no_such_year", {"year": year})
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return Message("diag.detail.month_days", {"month": month, "days": days})
    return None


def _strict_number(value: Any) -> Any:
    """A number as written: an int or a float, never true/false or a quoted "100",
    finite (no .nan, .inf or 1e309) and of a human size."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DetailError("diag.type.number")
    if not math.isfinite(value):
        raise DetailError("diag.detail.not_finite")
    if abs(value) > NUMBER_LIMIT:
        raise DetailError("diag.detail.at_most", limit="10^15")
    return value


def _counting_from(minimum: int) -> Any:
    def strict_count(value: Any) -> Any:
        """A whole number as written (never true/false or a quoted "11"), from `minimum`
        to COUNT_LIMIT. 2.0 is 2, as JSON Schema's `integer` has it."""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise DetailError("diag.type.int")
        if value < minimum:
            raise DetailError("diag.detail.at_least", limit=minimum)
        if value > COUNT_LIMIT:
            raise DetailError("diag.detail.at_most", limit=COUNT_LIMIT)
        return value

    return strict_count


# The JSON Schema says what the loader accepts, so editors and CI agree with `check`.
def _status_word(value: object) -> object:
    """A status as the file writes it: the key ('met') or its Vietnamese word ('đạt',
    'đang thực hiện', NFD or NFC); anything else is left for the enum to refuse."""
    found = status_word(value)
    return found.value if found is not None else value


StatusValue = Annotated[
    Status,
    BeforeValidator(_status_word),
    WithJsonSchema({"enum": [s.value for s in Status] + list(status_words()), "type": "string"}),
]

Day = Annotated[
    dt.date, BeforeValidator(_strict_day), WithJsonSchema({"type": "string", "format": "date"})
]
Number = Annotated[
    float,
    BeforeValidator(_strict_number),
    WithJsonSchema({"type": "number", "minimum": -NUMBER_LIMIT, "maximum": NUMBER_LIMIT}),
]
NonNegative = Annotated[
    int,
    BeforeValidator(_counting_from(0)),
    WithJsonSchema({"type": "integer", "minimum": 0, "maximum": COUNT_LIMIT}),
]
Positive = Annotated[
    int,
    BeforeValidator(_counting_from(1)),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": COUNT_LIMIT}),
]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
# The exported JSON Schema says what the loader accepts: a label, or a whole number.
_ID_SCHEMA = WithJsonSchema(
    {"anyOf": [{"type": "string", "pattern": ID_PATTERN}, {"type": "integer", "minimum": 0}]}
)
Ident = Annotated[str, BeforeValidator(_int_to_str), Field(pattern=ID_PATTERN), _ID_SCHEMA]
Version = Annotated[str, BeforeValidator(_int_to_str), Field(pattern=ID_PATTERN), _ID_SCHEMA]
SetRef = Annotated[str, Field(pattern=SET_REF_PATTERN)]
NonEmpty = Annotated[str, Field(min_length=1)]


class _Model(BaseModel):
    # Unknown keys are errors (typos must not silently drop data); models are
    # immutable so a loaded file cannot be changed behind the loader's back.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """Văn bản song ngữ / Bilingual text

    Tiếng Việt bắt buộc, tiếng Anh tùy chọn. / Vietnamese is required, English optional.
    """

    vi: NonEmpty = Field(description="Tiếng Việt / Vietnamese")
    en: NonEmpty | None = Field(default=None, description="Tiếng Anh / English")


# --- provenance -------------------------------------------------------------


class OfficialSource(_Model):
    """Nguồn: văn bản / Source: legal document

    Văn bản pháp lý: số hiệu, ngày, điều/khoản. / A legal document: number, date, clause.
    """

    kind: Literal["official"]
    document: NonEmpty = Field(
        description="Số hiệu văn bản / document number, e.g. 124/2021/TT-BCA"
    )
    date: Day = Field(description="Ngày ban hành / date issued")
    clause: str | None = Field(default=None, description="Điều, khoản / article, clause")
    title: str | None = None
    url: str | None = None
    note: str | None = None


class PressSource(_Model):
    """Nguồn: báo chí / Source: press

    Bài báo, dẫn theo tiêu đề và ngày (không sao chép nội dung). / A news article, cited by
    title and date (never copied).
    """

    kind: Literal["press"]
    title_from: Literal["headline", "url", "none"] = Field(
        default="headline",
        description="Tiêu đề lấy từ: headline (tiêu đề bài), url (dựng lại từ đường dẫn, luôn "
        "được ghi rõ khi in), none (bài không có tiêu đề: bỏ `title`, không tự đặt) / where the "
        "title comes from: the headline, rebuilt from the URL (always marked when printed), or "
        "none (an untitled article: leave `title` out, never invent one)",
    )
    title: NonEmpty | None = Field(
        default=None,
        validate_default=True,
        description="Tiêu đề bài báo (bỏ trống chỉ khi title_from: none) / article title (left "
        "out only with title_from: none)",
    )
    date: Day = Field(description="Ngày đăng / publication date")
    date_precision: Literal["day", "month", "year"] = Field(
        default="day",
        description="Độ chính xác của ngày (bài không ghi ngày) / how precise `date` is",
    )
    outlet: str | None = Field(default=None, description="Cơ quan báo chí / outlet")
    url: str | None = None
    note: str | None = None

    @field_validator("title")
    @classmethod
    def _title_unless_untitled(cls, value: str | None, info: ValidationInfo) -> str | None:
        """A title is required, except for an article declared untitled (title_from: none)."""
        untitled = info.data.get("title_from") == "none"
        if value is None and not untitled:
            raise PydanticCustomError("missing", "Field required")
        if value is not None and untitled:
            raise ValueError("title_from: none has no title")
        return value


Source = Annotated[OfficialSource | PressSource, Field(discriminator="kind")]


class IllustrativeSource(_Model):
    """Nguồn: minh họa / Source: illustrative

    Nội dung chưa tìm được nguồn: chỉ mang tính minh họa, không bao giờ là chính thức. / Text
    we could not source: shown as illustrative, never as official.
    """

    kind: Literal["illustrative"]
    note: NonEmpty = Field(description="Vì sao không có nguồn / why no source")
    based_on: list[Source] = Field(
        default_factory=list, description="Nguồn gợi ý (nếu có) / sources it is loosely based on"
    )


Provenance = Annotated[
    OfficialSource | PressSource | IllustrativeSource, Field(discriminator="kind")
]


# --- criteria sets ------------------------------------------------------------


class LegalBasis(_Model):
    """Căn cứ pháp lý / Legal basis"""

    number: NonEmpty = Field(description="Số hiệu / document number")
    date: Day | None = None
    title: str | None = None


class Effective(_Model):
    """Thời gian hiệu lực / Period in force"""

    start: Day | None = Field(default=None, alias="from")
    until: Day | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class PassRuleAll(_Model):
    """Quy tắc đạt: tất cả / Pass rule: all

    Mọi tiêu chí áp dụng phải đạt. / Every applicable criterion must be met.
    """

    kind: Literal["all"]


class PassRuleMinCount(_Model):
    """Quy tắc đạt: tối thiểu / Pass rule: minimum count

    Đạt ít nhất `min` tiêu chí. / At least `min` criteria met.
    """

    kind: Literal["min_count"]
    min: Positive


PassRule = Annotated[PassRuleAll | PassRuleMinCount, Field(discriminator="kind")]


class Indicator(_Model):
    """Chỉ số đo được / Measurable indicator

    Tên, đơn vị, phép so sánh và mục tiêu. / Name, unit, comparator and target.
    """

    name: Text
    unit: str = Field(description="Đơn vị, ví dụ %, vụ, điểm / unit")
    comparator: Comparator
    target: Number
    note: str | None = None


class Group(_Model):
    """Nhóm tiêu chí / Criteria group"""

    id: Ident
    title: Text
    provenance: Provenance | None = None


class Criterion(_Model):
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


class CriteriaSet(_Model):
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


class FormerName(_Model):
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


class Plan(_Model):
    """Kế hoạch / Plan

    Kế hoạch xây dựng mô hình (số hiệu, ngày, nơi ban hành). / The plan (number, date,
    issuer).
    """

    number: NonEmpty
    date: Day | None = None
    issuer: str | None = None
    source: Source | None = None


class Reported(_Model):
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
    def _met_within_total(self) -> Reported:
        if self.met > self.total:
            raise DetailError("diag.detail.met_over_total", met=self.met, total=self.total)
        return self


class Evidence(_Model):
    """Minh chứng / Evidence"""

    title: NonEmpty
    ref: str | None = Field(
        default=None, description="Số văn bản, đường dẫn / document number or link"
    )
    date: Day | None = None


class Reading(_Model):
    """Số đo chỉ số / Indicator reading"""

    value: Number
    date: Day
    source: Source | None = None
    note: str | None = None


class CriterionStatus(_Model):
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


class HistoryEntry(_Model):
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


class DocumentInfo(_Model):
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


class Ward(_Model):
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
    provenance: Provenance
    sources: list[Source] = Field(default_factory=list)
    reported: list[Reported] = Field(default_factory=list)
    status: dict[Ident, CriterionStatus] = Field(default_factory=dict)
    history: list[HistoryEntry] = Field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.province}/{self.ward}"

    @property
    def set_id(self) -> str:
        return self.criteria.split("@", 1)[0]

    @property
    def set_version(self) -> str:
        return self.criteria.split("@", 1)[1]
