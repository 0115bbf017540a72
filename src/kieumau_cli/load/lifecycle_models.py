"""The recognition life cycle in a ward file: selection, assessments, recognition.

All three blocks are optional and, like `history`, append-only (`check --base`). The
stage a station is at is derived from them (`results/lifecycle.py`), never typed.
"""

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from kieumau_cli.load.fields import (
    Day,
    DetailError,
    Ident,
    NonEmpty,
    Provenance,
    StatusValue,
    StrictModel,
    Year,
)

AssessmentKind = Literal["self", "inspection", "appraisal", "re_inspection"]
SHA256_PATTERN = r"^[0-9a-f]{64}$"


class DocumentRef(StrictModel):
    """Văn bản / Document

    Số hiệu, ngày, cơ quan ban hành; số hiệu có thể chưa biết (null) khi nguồn không nêu. / Number,
    date and issuer; the number may be unknown (null) when the source does not give it.
    """

    number: NonEmpty | None = Field(
        default=None,
        description="Số hiệu, ví dụ 2878/QĐ-BCA (null: nguồn không nêu) / number (null: unknown)",
    )
    date: Day | None = Field(default=None, description="Ngày ban hành / date issued")
    issuer: NonEmpty | None = Field(default=None, description="Cơ quan ban hành / issuer")


class Selected(StrictModel):
    """Được chọn xây dựng mô hình / Selection

    Ngày và văn bản chọn đơn vị làm điểm. / When and by which document the station was chosen.
    """

    date: Day = Field(description="Ngày được chọn / date selected")
    document: DocumentRef | None = None
    source: Provenance | None = None
    note: str | None = None


class Assessment(StrictModel):
    """Một lần đánh giá / One assessment

    Tự đánh giá (self), kiểm tra của tỉnh (inspection), thẩm định của Bộ (appraisal), phúc tra
    sau công nhận (re_inspection); `verdicts`: kết luận theo mã tiêu chí. / Self-assessment,
    provincial inspection, Ministry appraisal or re-inspection; `verdicts` by criterion id.
    """

    kind: AssessmentKind = Field(
        description="self, inspection, appraisal hoặc re_inspection / kind of assessment"
    )
    date: Day = Field(description="Ngày đánh giá / date")
    by: NonEmpty = Field(description="Cơ quan đánh giá / assessing body")
    document: DocumentRef | None = Field(
        default=None, description="Biên bản, kết luận / the record (biên bản)"
    )
    verdicts: dict[Ident, StatusValue] = Field(
        default_factory=dict,
        description="Kết luận theo mã tiêu chí (các tiêu chí đã đánh giá) / verdict per criterion",
    )
    note: str | None = None
    source: Provenance | None = None


class Recognised(StrictModel):
    """Quyết định công nhận / Recognition decision

    Năm công nhận (năm trong tên quyết định) và quyết định; số quyết định chỉ được để trống khi
    nguồn (báo chí) không nêu, và phải ghi lý do. / The year of the title and the decision; the
    number may be null only when the (press) source does not give it, with the reason.
    """

    kind: Literal["recognised"]
    year: Year | None = Field(
        description="Năm công nhận, ví dụ 2024 (null: nguồn không nêu, ghi `year_unknown`) / "
        "year recognised (null: not given by the source)"
    )
    year_unknown: NonEmpty | None = Field(
        default=None, description="Vì sao chưa biết năm công nhận / why the year is unknown"
    )
    decision: DocumentRef | None = Field(default=None, description="Quyết định / the decision")
    number_unknown: NonEmpty | None = Field(
        default=None,
        description="Vì sao chưa biết số quyết định / why the decision number is unknown",
    )
    source: Provenance | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _year_or_why_not(self) -> Self:
        if self.year is None and self.year_unknown is None:
            raise DetailError("diag.detail.year_unknown")
        return self


class Lost(StrictModel):
    """Không duy trì được / Recognition lost

    Phúc tra cho thấy đơn vị không còn đạt bộ tiêu chí. / A re-inspection found the station
    no longer meets the set.
    """

    kind: Literal["lost"]
    date: Day = Field(description="Ngày / date")
    document: DocumentRef | None = None
    reason: NonEmpty = Field(description="Lý do / reason")
    source: Provenance | None = None


RecognitionEntry = Annotated[Recognised | Lost, Field(discriminator="kind")]
