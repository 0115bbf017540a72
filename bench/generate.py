"""Generate a synthetic national dataset for the benchmark.

    python bench/generate.py --stations 3321 --out bench/out/national

Writes `criteria/` (the shipped sets, copied), `schemas/` (the exported
schemas, copied) and `wards/<province>/<ward>.yaml`: by default 3,321 stations
over the 34 provinces and centrally-run cities in place since 1/7/2025, every
shipped criteria set in use, 1–3 evidence items per criterion, a history of
status changes (a few entries per criterion, more for small sets) and one
published aggregate, about 16 KB per file. The stations, names, owners, notes
and figures are SYNTHETIC (the provinces are real); every file says so in its
provenance. The output is deterministic for a given seed and is NFC text that
`kieumau check --strict` accepts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from kieumau_cli.text.format import slugify  # noqa: E402

# The 34 provincial-level units since 1/7/2025: 6 centrally-run cities, 28 provinces.
CITIES = ["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"]
PROVINCES = [
    "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh",
    "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]  # fmt: skip
PLACE_NAMES = [
    "An Phú", "Bình An", "Hòa Bình", "Tân Định", "Quang Trung", "Trần Hưng Đạo", "Lê Lợi",
    "Nguyễn Trãi", "Hoàng Văn Thụ", "Đông Sơn", "Tân Phong", "Phú Thịnh", "Thạnh Mỹ",
    "Hưng Phú", "Long Biên", "Thượng Lý", "Cẩm Phả", "Hồng Hà", "Bạch Đằng", "Đống Đa",
    "Thanh Xuân", "Cầu Giấy", "Tây Hồ", "Ngọc Hà", "Kim Liên", "Phương Liệt", "Yên Hòa",
    "Nghĩa Đô", "Tân Bình", "Phú Nhuận", "Gia Định", "Thủ Đức", "Bến Thành", "Sài Gòn",
    "Chợ Lớn", "An Khánh", "Bình Thạnh", "Tân Sơn Nhì", "Vĩnh Hội", "Khánh Hội", "Xóm Chiếu",
    "Hải Châu", "Thanh Khê", "Sơn Trà", "Ngũ Hành Sơn", "Cẩm Lệ", "Hòa Khánh", "Hòa Cường",
    "Ninh Kiều", "Cái Khế", "Bình Thủy", "Thới An Đông", "Vị Thanh", "Ngã Bảy", "Đức Xuân",
    "Sông Cầu", "Xuất Hóa", "Thắng Lợi", "Tào Xuyên", "Hàm Rồng", "Điện Biên", "Lam Sơn",
    "Quảng Hưng", "Trường Thi", "Bến Thủy", "Vinh Tân", "Hưng Dũng", "Thạch Linh", "Nam Hồng",
    "Bắc Sơn", "Yên Thế", "Đồng Quang", "Túc Duyên", "Phan Đình Phùng", "Tích Lương",
    "Mường Thanh", "Him Lam", "Tân Thanh", "Chiềng Lề", "Chiềng Sinh", "Vĩnh Trại", "Tam Thanh",
    "Hồng Gai", "Bãi Cháy", "Hà Khánh", "Cao Xanh", "Mạo Khê", "Quang Hanh", "Mông Dương",
    "Trà Cổ", "Ka Long", "Phú Sơn", "Lê Hồng Phong", "Trưng Vương", "Hoàng Diệu", "Ba Đình",
    "Hoàn Kiếm", "Cửa Nam", "Văn Miếu", "Láng", "Ô Chợ Dừa", "Giảng Võ", "Việt Hưng",
    "Phúc Lợi", "Bồ Đề", "Hoàng Liệt", "Định Công", "Tương Mai", "Vĩnh Tuy", "Lĩnh Nam",
    "Hà Đông", "Dương Nội", "Kiến Hưng", "Phú Lương", "Sơn Tây", "Tùng Thiện", "Chương Mỹ",
]  # fmt: skip
OWNERS = [
    "Trưởng Công an phường", "Phó Trưởng Công an phường phụ trách an ninh",
    "Phó Trưởng Công an phường phụ trách trật tự", "Tổ Cảnh sát khu vực",
    "Tổ Cảnh sát trật tự", "Tổ Tổng hợp", "Tổ An ninh", "Tổ Điều tra, xử lý ban đầu",
    "Tổ Tiếp dân và giải quyết thủ tục hành chính", "Tổ Phòng cháy, chữa cháy và cứu nạn",
    "Cán bộ phụ trách chuyển đổi số", "Bí thư Chi bộ Công an phường",
]  # fmt: skip
NOTES = [
    "Đã tổ chức hội nghị triển khai tại {n}/{n} tổ dân phố, có biên bản kèm theo.",
    "Đang hoàn thiện hồ sơ, dự kiến trình Ban chỉ đạo trong tuần tới.",
    "Giao ban tuần: đã rà soát {n} hộ, cập nhật dữ liệu dân cư đầy đủ, đúng hạn.",
    "Phối hợp với UBND phường và Mặt trận Tổ quốc tuyên truyền tại {n} khu dân cư.",
    "Kiến nghị Công an tỉnh bổ sung {n} máy tính và trang thiết bị cho bộ phận một cửa.",
    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến đạt {n}%, đúng hạn 100%.",
    "Số vụ phạm pháp hình sự giảm {n} vụ so với cùng kỳ năm trước.",
    "Đã xây dựng {n} mô hình tổ liên gia an toàn phòng cháy, chữa cháy.",
    "Hoàn thành kích hoạt định danh điện tử mức 2 cho {n}% công dân đủ điều kiện.",
    "Tồn tại: trụ sở làm việc còn chật hẹp; đã có văn bản đề nghị cấp trên.",
]
EVIDENCE = [
    "Kế hoạch số {n}/KH-CAP ngày {d} về triển khai tiêu chí",
    "Biên bản kiểm tra của Đoàn công tác Công an tỉnh ngày {d}",
    "Báo cáo kết quả thực hiện tháng {m}",
    "Quyết định số {n}/QĐ-UBND ngày {d} của UBND phường",
    "Sổ theo dõi tiếp nhận, giải quyết tin báo, tố giác tội phạm",
    "Ảnh chụp hiện trạng trụ sở và trang thiết bị, ngày {d}",
    "Danh sách tổ liên gia an toàn phòng cháy, chữa cháy",
]
TODAY = dt.date(2026, 6, 30)
START = dt.date(2025, 7, 1)
TARGET_BYTES = 16_000
DIRECTIONS = {
    "not_met": "in_progress",
    "in_progress": "met",
    "met": "in_progress",  # regressions happen: a met criterion can slip back
}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(_nfc(str(value)), ensure_ascii=False)  # a JSON string is valid YAML


def emit(value: Any, indent: int = 0) -> list[str]:
    """A small, fast block-style YAML writer for the generated data."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{key}:")
                lines += emit(item, indent + 2)
            else:
                lines.append(f"{pad}{key}: {_scalar(item) if item != [] else '[]'}")
    else:
        for item in value:
            if isinstance(item, dict) and all(
                not isinstance(v, dict | list) for v in item.values()
            ):
                inner = ", ".join(f"{k}: {_scalar(v)}" for k, v in item.items())
                lines.append(f"{pad}- {{{inner}}}")
            elif isinstance(item, dict):
                block = emit(item, indent + 2)
                lines.append(f"{pad}- {block[0].lstrip()}")
                lines += block[1:]
            else:
                lines.append(f"{pad}- {_scalar(item)}")
    return lines


def _date(rng: random.Random, start: dt.date = START, end: dt.date = TODAY) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days))


def _fill(rng: random.Random, template: str) -> str:
    day = _date(rng)
    return template.format(n=rng.randint(2, 120), d=day.strftime("%d/%m/%Y"), m=day.month)


def _statuses_as_of(
    history: list[dict[str, Any]], current: dict[str, str], ids: list[str], day: dt.date
) -> dict[str, str]:
    result = {}
    for criterion in ids:
        entries = [entry for entry in history if entry["criterion"] == criterion]
        reached = [entry for entry in entries if entry["date"] <= day]
        if reached:
            result[criterion] = reached[-1]["to"]
        elif entries:
            result[criterion] = entries[0]["from"]
        else:
            result[criterion] = current[criterion]
    return result


def ward_document(
    rng: random.Random,
    *,
    province: tuple[str, str, str],
    name: str,
    slug: str,
    kind: str,
    criteria_set: dict[str, Any],
    entries: int,
) -> dict[str, Any]:
    province_slug, province_name, _ = province
    ref = f"{criteria_set['id']}@{criteria_set['version']}"
    ids = [criterion["id"] for criterion in criteria_set["criteria"]]
    by_id = {criterion["id"]: criterion for criterion in criteria_set["criteria"]}
    label = "phường" if kind == "phuong" else "xã"
    # History first: each criterion walks not_met -> in_progress -> met (-> in_progress ...).
    tokens = [rng.choice(ids) for _ in range(entries)]
    dates = sorted(_date(rng) for _ in tokens)
    state = dict.fromkeys(ids, "not_met")
    history = []
    for criterion, day in zip(tokens, dates, strict=True):
        before = state[criterion]
        after = DIRECTIONS[before]
        state[criterion] = after
        entry: dict[str, Any] = {"date": day, "criterion": criterion, "from": before, "to": after}
        if rng.random() < 0.3:
            entry["note"] = _fill(rng, rng.choice(NOTES))
        if rng.random() < 0.5:
            entry["by"] = rng.choice(OWNERS)
        history.append(entry)
    status: dict[str, Any] = {}
    for criterion in ids:
        updates = [entry["date"] for entry in history if entry["criterion"] == criterion]
        item: dict[str, Any] = {"status": state[criterion], "owner": rng.choice(OWNERS)}
        item["due"] = _date(rng, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        if updates:
            item["updated"] = max(updates)
        item["note"] = _fill(rng, rng.choice(NOTES))
        if state[criterion] != "not_met" or rng.random() < 0.3:
            item["evidence"] = [
                {"title": _fill(rng, rng.choice(EVIDENCE)), "ref": f"{rng.randint(1, 999)}/BC-CAP"}
                for _ in range(rng.randint(1, 3))
            ]
        if by_id[criterion].get("indicator"):
            item["readings"] = [{"value": round(rng.uniform(60, 100), 1), "date": _date(rng)}]
        status[criterion] = item
    reported_on = _date(rng, dt.date(2026, 1, 1), dt.date(2026, 6, 1))
    then = _statuses_as_of(history, state, ids, reported_on)
    synthetic = {
        "kind": "illustrative",
        "note": "Dữ liệu tổng hợp để đo hiệu năng, không phải số liệu thật "
        "(synthetic benchmark data, not real figures).",
    }
    return {
        "province": province_slug,
        "ward": slug,
        "name": f"{label.capitalize()} {name}",
        "province_name": province_name,
        "unit": f"Công an {label} {name}",
        "kind": kind,
        "criteria": ref,
        "plan": {
            "number": f"{rng.randint(100, 999)}/KH-CAT-PV01",
            "date": dt.date(2025, rng.randint(7, 12), rng.randint(1, 28)),
            "issuer": f"Giám đốc Công an {province_name[0].lower()}{province_name[1:]}",
        },
        "start": START,
        "target": dt.date(2026, 12, 31),
        "provenance": synthetic,
        "reported": [
            {
                "date": reported_on,
                "met": sum(1 for value in then.values() if value == "met"),
                "total": len(ids),
                "source": {
                    "kind": "press",
                    "title": f"Xây dựng Công an {label} {name} kiểu mẫu (bài tổng hợp, minh họa)",
                    "date": reported_on,
                    "outlet": f"Báo {province[2]}",
                },
            }
        ],
        "status": status,
        "history": history,
    }


def _ward_text(seed: int, *, entries: int, modeline: str, **station: Any) -> str:
    document = ward_document(random.Random(seed), entries=entries, **station)
    header = (
        f"{modeline}# {document['unit']}, {document['province_name']}: DỮ LIỆU TỔNG HỢP "
        "để đo hiệu năng (synthetic benchmark data).\n"
    )
    return header + "\n".join(emit(document)) + "\n"


def provinces() -> list[tuple[str, str, str]]:
    """(slug, display name, short name) of the 34 units, in a stable order."""
    found = [(slugify(name), f"Thành phố {name}", name) for name in CITIES]
    found += [(slugify(name), f"Tỉnh {name}", name) for name in PROVINCES]
    return sorted(found)


def generate(out: Path, stations: int, seed: int = 2025) -> list[Path]:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(REPO / "criteria", out / "criteria")
    shutil.copytree(REPO / "schemas", out / "schemas")
    sets = {
        f"{path.parent.name}@{path.stem}": yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        for path in sorted((out / "criteria").glob("*/*.yaml"))
    }
    units = provinces()
    weights = [rng.uniform(0.5, 1.5) for _ in units]
    counts = [max(1, int(stations * w / sum(weights))) for w in weights]
    counts[0] += stations - sum(counts)
    written: list[Path] = []
    modeline = "# yaml-language-server: $schema=../../schemas/ward.schema.json\n"
    for province, count in zip(units, counts, strict=True):
        used: set[str] = set()
        for index in range(count):
            kind = "xa" if rng.random() < 0.15 else "phuong"
            if kind == "xa":
                ref = rng.choice(["xa-dien-hinh-bvantq@2021", "an-toan-antt-xa-phuong@2021"])
            elif province[0] == "thanh-hoa":
                ref = "thanh-hoa-antt-cds@2026"
            else:
                ref = rng.choices(
                    ["cap-kieu-mau@2023", "cap-kieu-mau@2021", "an-toan-antt-xa-phuong@2021"],
                    weights=[60, 25, 15],
                )[0]
            if index < len(sets) and province == units[0]:
                ref = sorted(sets)[index]  # every shipped set is in use, whatever the size
                kind = (
                    "xa" if "xa" in sets[ref]["applies_to"] and ref.startswith("xa-") else "phuong"
                )
            name = rng.choice(PLACE_NAMES)
            slug = slugify(f"{kind} {name}")
            suffix = 2
            while slug in used:
                name = f"{rng.choice(PLACE_NAMES)} {suffix}"
                slug = slugify(f"{kind} {name}")
                suffix += 1
            used.add(slug)
            # Size the history so that the file is about TARGET_BYTES: write it once
            # with a guess, then again with the number of entries that fits.
            ward_seed, target = rng.randrange(2**32), rng.gauss(TARGET_BYTES, 1200)
            station = {"province": province, "name": name, "slug": slug, "kind": kind}
            station |= {"criteria_set": sets[ref], "modeline": modeline}
            guess = 5 * len(sets[ref]["criteria"])
            text = _ward_text(ward_seed, entries=guess, **station)
            size = len(text.encode())
            base = len(_ward_text(ward_seed, entries=0, **station).encode())
            per_entry = max(40.0, (size - base) / guess)
            entries = guess
            for _ in range(3):  # the evidence grows with the history too: refine
                entries = max(len(sets[ref]["criteria"]), round((target - base) / per_entry))
                text = _ward_text(ward_seed, entries=entries, **station)
                per_entry = max(40.0, (len(text.encode()) - base) / entries)
            path = out / "wards" / province[0] / f"{slug}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=3321)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "national")
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args()
    files = generate(args.out, args.stations, args.seed)
    size = sum(path.stat().st_size for path in files)
    print(
        f"{len(files)} ward files, {size / len(files) / 1024:.1f} KB each on average -> {args.out}"
    )


if __name__ == "__main__":
    main()
