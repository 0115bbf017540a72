"""The field types and provenance every data file shares: strict days, numbers and
counts, ids, bilingual text, and where a fact comes from. The ward and criteria models
(`models.py`), the life-cycle blocks (`lifecycle_models.py`) and the programme file
(`programme.py`) are built from these, so one spelling of a date is accepted everywhere.

The model modules (this one, `models.py`, `lifecycle_models.py`, `signoff.py`) leave
annotations evaluated, without `from __future__ import annotations`: as strings,
Pydantic would compile each one again when it builds the models, which every cold
`status` waits for.
"""

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
)
from pydantic_core import PydanticCustomError

from kieumau_cli.load.vocabulary import Status, status_word, status_words
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
# The years a programme decision can name: recognition began in 2021.
YEAR_FIRST, YEAR_LAST = 2000, 2100


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
_STATUS_KEYS = frozenset(status.value for status in Status)


def _status_word(value: object) -> object:
    """A status as the file writes it: the key ('met') or its Vietnamese word ('đạt',
    'đang thực hiện', NFD or NFC); anything else is left for the enum to refuse."""
    if value in _STATUS_KEYS:  # the common case, decided without normalising
        return value
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


class StrictModel(BaseModel):
    # Unknown keys are errors (typos must not silently drop data); models are
    # immutable so a loaded file cannot be changed behind the loader's back.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(StrictModel):
    """Văn bản song ngữ / Bilingual text

    Tiếng Việt bắt buộc, tiếng Anh tùy chọn. / Vietnamese is required, English optional.
    """

    vi: NonEmpty = Field(description="Tiếng Việt / Vietnamese")
    en: NonEmpty | None = Field(default=None, description="Tiếng Anh / English")


# --- provenance -------------------------------------------------------------


class OfficialSource(StrictModel):
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


class PressSource(StrictModel):
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


class IllustrativeSource(StrictModel):
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


def _strict_year(value: Any) -> Any:
    """A year as written (2024), never a quoted "2024" or true."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DetailError("diag.type.int")
    return value


Year = Annotated[
    int,
    BeforeValidator(_strict_year),
    Field(ge=YEAR_FIRST, le=YEAR_LAST),
    WithJsonSchema({"type": "integer", "minimum": YEAR_FIRST, "maximum": YEAR_LAST}),
]
