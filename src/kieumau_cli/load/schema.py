"""`kieumau schema`: JSON Schema for the two file formats, from the Pydantic models.

The models stay the single definition: each model's docstring starts with a
bilingual title ("Vietnamese / English") and goes on with its description;
fields carry "Vietnamese / English" descriptions, and `FIELD_DOCS` gives one
to each field the models leave undescribed. The committed copies in
`schemas/` (which the shipped YAML files name in their
`# yaml-language-server: $schema=…` first line) are kept equal to this output
by a test.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from pydantic import BaseModel

from kieumau_cli.load.models import ID_PATTERN, CriteriaSet, Ward
from kieumau_cli.load.programme import Programme

KINDS: dict[str, type[BaseModel]] = {
    "criteria": CriteriaSet,
    "ward": Ward,
    "programme": Programme,
}

# Descriptions for fields whose model gives none, by "Model.field" or by field name.
FIELD_DOCS = {
    "Ward.province": "Mã tỉnh/thành (slug, trùng tên thư mục) / province slug (its folder name)",
    "Ward.ward": "Mã phường/xã (slug, trùng tên tệp) / ward slug (the file name)",
    "province_name": "Tên tỉnh/thành hiển thị / province display name",
    "Ward.kind": "Loại đơn vị: phuong, xa, dac_khu / unit kind",
    "former": "Tên cũ trước sáp nhập, đổi tên / former names (mergers, renaming)",
    "plan": "Kế hoạch xây dựng mô hình / the plan",
    "start": "Ngày bắt đầu (yyyy-mm-dd) / start date",
    "target": "Ngày dự kiến hoàn thành (yyyy-mm-dd) / target date",
    "provenance": "Nguồn gốc: official, press hoặc illustrative / provenance",
    "sources": "Các nguồn đã dẫn / sources cited",
    "reported": "Số liệu tổng đã công bố / published aggregates",
    "status": "Trạng thái từng tiêu chí, theo mã tiêu chí / status of each criterion, by id",
    "history": "Lịch sử đổi trạng thái, chỉ ghi thêm / status changes, append-only",
    "CriterionStatus.status": (
        "Trạng thái: met, not_met, in_progress, not_applicable, unknown / status"
    ),
    "owner": "Người (chức danh) phụ trách / owner",
    "due": "Hạn hoàn thành (yyyy-mm-dd) / due date",
    "updated": "Ngày cập nhật gần nhất (yyyy-mm-dd) / last updated",
    "note": "Ghi chú / note",
    "evidence": "Minh chứng / evidence",
    "readings": "Số đo chỉ số theo ngày / indicator readings",
    "title": "Tiêu đề / title",
    "date": "Ngày (yyyy-mm-dd) / date",
    "name": "Tên / name",
    "unit": "Đơn vị / unit",
    "FormerName.province": "Tỉnh/thành cũ / former province",
    "from": "Từ ngày (yyyy-mm-dd) / from (date)",
    "until": "Đến ngày (yyyy-mm-dd) / until (date)",
    "source": "Nguồn / source",
    "HistoryEntry.from": "Trạng thái trước / status before",
    "HistoryEntry.to": "Trạng thái sau / status after",
    "HistoryEntry.criterion": "Mã tiêu chí / criterion id",
    "by": "Người ghi / recorded by",
    "kind": "Loại nguồn: official, press, illustrative / kind of source",
    "PassRuleAll.kind": "Quy tắc đạt: all / pass rule kind",
    "PassRuleMinCount.kind": "Quy tắc đạt: min_count / pass rule kind",
    "PassRuleMinCount.min": "Số tiêu chí tối thiểu phải đạt / minimum criteria met",
    "url": "Đường dẫn / link",
    "number": "Số hiệu / number",
    "issuer": "Cơ quan ban hành / issuer",
    "value": "Giá trị đo / measured value",
    "met": "Số tiêu chí đạt / criteria met",
    "total": "Số tiêu chí áp dụng / applicable criteria",
    "id": "Mã / id",
    "version": "Phiên bản (trùng tên tệp) / version (the file name)",
    "legal_basis": "Căn cứ pháp lý / legal basis",
    "applies_to": "Áp dụng cho: phuong, xa, dac_khu / applies to",
    "effective": "Thời gian hiệu lực / period in force",
    "pass_rule": "Quy tắc đạt: all hoặc min_count / pass rule",
    "notes": "Ghi chú / notes",
    "groups": "Các nhóm tiêu chí / groups",
    "criteria": "Các tiêu chí / criteria",
    "group": "Mã nhóm / group id",
    "description": "Mô tả / description",
    "evidence_expected": "Minh chứng cần có / evidence expected",
    "indicator": "Chỉ số đo được / measurable indicator",
    "requires_reason_if_not_applicable": (
        "Bắt buộc ghi lý do khi không áp dụng / a reason is required when not applicable"
    ),
    "requires_evidence_if_met": "Bắt buộc có minh chứng khi đạt / evidence required when met",
    "comparator": "Phép so sánh với mục tiêu / comparator",
    "Indicator.target": "Mục tiêu / target value",
    "Recognised.kind": "recognised: được công nhận / recognised",
    "Lost.kind": "lost: không duy trì được / recognition lost",
    "Selected.document": "Văn bản chọn đơn vị / the selecting document",
    "Lost.document": "Văn bản kết luận / the document",
    "Programme.title": "Tên chương trình / programme title",
    "Programme.document": "Cơ quan ban hành văn bản tổng hợp / issuer of summaries",
}
DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELINE = "# yaml-language-server: $schema=../../schemas/{kind}.schema.json"


def json_schema(kind: str) -> dict[str, Any]:
    model = KINDS[kind]
    generated = model.model_json_schema(by_alias=True, mode="validation")
    definitions = generated.get("$defs", {})
    for name, definition in [(model.__name__, generated), *definitions.items()]:
        _title_from_docstring(definition)
        for field, prop in definition.get("properties", {}).items():
            if "description" not in prop:
                description = FIELD_DOCS.get(f"{name}.{field}") or FIELD_DOCS.get(field)
                if description:
                    prop["description"] = description
    if kind == "ward":
        # The keys of `status` are criterion ids, as the loader requires of them.
        generated["properties"]["status"]["propertyNames"] = {"pattern": ID_PATTERN}
        verdicts = generated["$defs"]["Assessment"]["properties"]["verdicts"]
        verdicts["propertyNames"] = {"pattern": ID_PATTERN}
    tidy = _tidy(generated)
    assert isinstance(tidy, dict)
    return {"$schema": DIALECT, **tidy}


def _title_from_docstring(definition: dict[str, Any]) -> None:
    """First paragraph of a model's docstring -> title; the rest -> description."""
    description = definition.get("description")
    if not isinstance(description, str):
        return
    title, _, rest = description.partition("\n\n")
    definition["title"] = " ".join(title.split())
    if rest.strip():
        definition["description"] = " ".join(rest.split())
    else:
        del definition["description"]


def _tidy(node: Any) -> Any:
    if isinstance(node, list):
        return [_tidy(item) for item in node]
    if not isinstance(node, dict):
        return node
    tidy: dict[str, Any] = {}
    for key, value in node.items():
        if key == "discriminator":
            # Pydantic's OpenAPI keyword: not JSON Schema (Ajv's strict mode refuses it);
            # the `kind` const of each member already tells them apart.
            continue
        if key == "properties":
            # Pydantic titles each property with its own key ("Province Name"), in
            # English only; the bilingual description says more.
            tidy[key] = {
                name: _tidy({k: v for k, v in prop.items() if k != "title"})
                for name, prop in value.items()
            }
        else:
            tidy[key] = _tidy(value)
    return tidy


def render_schema(kind: str, out: TextIO) -> None:
    json.dump(json_schema(kind), out, ensure_ascii=False, indent=2)
    out.write("\n")


def cmd_schema(kind: str, out: TextIO) -> int:
    render_schema(kind, out)
    return 0
