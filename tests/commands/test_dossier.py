"""`kieumau dossier WARD -o DIR` end to end: the three Word documents opened and their
structure asserted, the CSV (BOM, neutralised formulas), the manifest, the refusals."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from tests.support.cli import invoke_on
from tests.support.data import MOTTO, NATIONAL_TITLE, copy_shipped, edit

FILES = [
    "01-bao-cao-tu-danh-gia.docx",
    "02-to-trinh-de-nghi-kiem-tra-cong-nhan.docx",
    "03-danh-muc-minh-chung.docx",
    "03-danh-muc-minh-chung.csv",
]
WARD = "thanh-hoa/phuong-dong-son"


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    root = copy_shipped(tmp_path / "data", WARD)
    edit(
        root / "wards" / f"{WARD}.yaml",
        '      - title: "Bảng phân công người phụ trách 22 tiêu chí"',
        '      - title: "=HYPERLINK(\\"http://x\\")"\n'
        '      - title: "Bảng phân công người phụ trách 22 tiêu chí"',
    )
    result = invoke_on(root, "dossier", WARD, "-o", str(tmp_path / "out"), "--year", "2026")
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def _texts(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_the_folder_holds_the_documents_and_a_manifest(dossier: Path) -> None:
    assert sorted(p.name for p in dossier.iterdir()) == sorted([*FILES, "MANIFEST.sha256"])
    lines = (dossier / "MANIFEST.sha256").read_text(encoding="ascii").splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == FILES
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((dossier / name).read_bytes()).hexdigest() == digest
    if shutil.which("sha256sum"):
        done = subprocess.run(
            ["sha256sum", "-c", "MANIFEST.sha256"], cwd=dossier, capture_output=True, check=False
        )
        assert done.returncode == 0, done.stdout


def test_the_self_assessment_report(dossier: Path) -> None:
    document = Document(str(dossier / FILES[0]))
    header = document.tables[0]
    assert header.cell(0, 1).text.splitlines() == [NATIONAL_TITLE, MOTTO]
    assert "CÔNG AN PHƯỜNG ĐÔNG SƠN" in header.cell(0, 0).text
    assert header.cell(1, 0).text == "Số: …/BC-CAP"
    texts = _texts(dossier / FILES[0])
    assert "BÁO CÁO" in texts
    assert "Kết quả tự đánh giá xây dựng mô hình Công an phường kiểu mẫu năm 2026" in texts
    assert "- Kết quả: 11/22 tiêu chí đạt (50%)." in texts
    assert "- Giai đoạn: đang xây dựng." in texts
    criteria = document.tables[1]
    header_row = [cell.text for cell in criteria.rows[0].cells]
    assert header_row == ["Mã", "Tiêu chí", "Tự đánh giá", "Minh chứng"]
    ids = [row.cells[0].text for row in criteria.rows[1:] if row.cells[0].text.startswith("C")]
    assert ids == [f"C{i:02d}" for i in range(1, 23)]  # one row per criterion, in order
    c01 = next(row for row in criteria.rows if row.cells[0].text == "C01")
    assert c01.cells[2].text == "Đạt"
    assert "03-NQ/ĐU" in c01.cells[3].text


def test_the_submission(dossier: Path) -> None:
    document = Document(str(dossier / FILES[1]))
    assert document.tables[0].cell(1, 0).text == "Số: …/TTr-CAP"
    texts = _texts(dossier / FILES[1])
    assert "TỜ TRÌNH" in texts
    assert "Về việc đề nghị kiểm tra, công nhận Công an phường kiểu mẫu năm 2026" in texts
    assert "Kính gửi: Công an tỉnh Thanh Hóa" in texts
    # 11/22: the submission says it is not yet a request
    assert any("chưa đạt đủ tiêu chí" in text for text in texts)
    signer = document.tables[-1].cell(0, 1).text
    assert "TRƯỞNG CÔNG AN PHƯỜNG" in signer


def test_the_evidence_index_and_its_csv(dossier: Path) -> None:
    document = Document(str(dossier / FILES[2]))
    assert "DANH MỤC" in _texts(dossier / FILES[2])
    table = document.tables[1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Mã", "Tên văn bản, tài liệu", "Số, ký hiệu", "Ngày", "Tệp đính kèm"]
    raw = (dossier / FILES[3]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    records = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert records[0][:3] == ["Mã", "Tên văn bản, tài liệu", "Số, ký hiệu"]
    assert len(records) - 1 == len(rows) - 1  # the same evidence in both
    titles = [record[1] for record in records[1:]]
    assert '\'=HYPERLINK("http://x")' in titles  # shown, never run


def test_refusals(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data", WARD)
    for target in (root / "wards" / "out", root, tmp_path):
        result = invoke_on(root, "dossier", WARD, "-o", str(target))
        assert result.exit_code == 2, target
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert invoke_on(root, "dossier", WARD, "-o", str(tmp_path / "file")).exit_code == 2
    assert sorted(p.name for p in root.iterdir()) == ["criteria", "wards"]


def test_an_attached_file_is_listed_with_its_digest_and_english_works(tmp_path: Path) -> None:
    root = copy_shipped(tmp_path / "data", WARD)
    scan = root / "minh-chung" / "nq-03.pdf"
    scan.parent.mkdir()
    scan.write_bytes(b"%PDF scan")
    digest = hashlib.sha256(b"%PDF scan").hexdigest()
    edit(
        root / "wards" / f"{WARD}.yaml",
        '        ref: "03-NQ/ĐU"\n',
        f'        ref: "03-NQ/ĐU"\n        file: minh-chung/nq-03.pdf\n        sha256: {digest}\n',
    )
    assert invoke_on(root, "check").exit_code == 0
    out = tmp_path / "out"
    result = invoke_on(root, "dossier", WARD, "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    report = Document(str(out / FILES[0]))
    c01 = next(row for row in report.tables[1].rows if row.cells[0].text == "C01")
    assert "file: minh-chung/nq-03.pdf" in c01.cells[3].text
    assert "SUBMISSION" in _texts(out / FILES[1])
    records = list(csv.reader(io.StringIO((out / FILES[3]).read_text(encoding="utf-8-sig"))))
    attached = [r for r in records if r[4] == "minh-chung/nq-03.pdf"]
    assert [r[5] for r in attached] == [digest]
