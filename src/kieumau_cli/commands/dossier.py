"""`kieumau dossier WARD -o DIR`: the recognition dossier (hồ sơ đề nghị kiểm tra, công
nhận) written into a folder: the self-assessment report, the submission and the evidence
index (.docx), the index again as CSV, and `MANIFEST.sha256` of everything written
(`sha256sum -c MANIFEST.sha256` verifies it)."""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from kieumau_cli.commands.context import Context
from kieumau_cli.commands.output import refuse_data_target
from kieumau_cli.edit.atomic import write_atomic
from kieumau_cli.errors import EXIT_OK, UsageError
from kieumau_cli.load.files import absolute
from kieumau_cli.results.dossier import Dossier, build_dossier
from kieumau_cli.text import t
from kieumau_cli.text.unsafe import BOM, neutralise_formula, visible

INDEX_CSV = "03-danh-muc-minh-chung.csv"
MANIFEST = "MANIFEST.sha256"


def run(context: Context, ward_argument: str, *, output: Path, year: int | None) -> int:
    from kieumau_cli.render.docx.dossier import render_all

    repository = context.repository
    _refuse_target(context, output)
    path = repository.resolve_ward(ward_argument)
    ward, criteria_set = context.usable(repository.open_ward(path))
    dossier = build_dossier(ward, criteria_set, context.today, year)
    files = render_all(dossier, context.lang)
    files[INDEX_CSV] = evidence_csv(dossier, context.lang).encode("utf-8")
    output.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        write_atomic(output / name, data, expected=None, overwrite=True)
    manifest = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in files.items()
    )
    write_atomic(output / MANIFEST, manifest.encode("ascii"), expected=None, overwrite=True)
    for name in (*files, MANIFEST):
        context.notice("doc.written", path=output / name)
    if dossier.without_evidence:
        context.notice("dossier.notice.without_evidence", ids=", ".join(dossier.without_evidence))
    return EXIT_OK


def _refuse_target(context: Context, output: Path) -> None:
    """Never into the data: not inside criteria/ or wards/, not the data root or a folder
    holding it, not a file."""
    refuse_data_target(context, output)
    target = Path(absolute(output))
    for data_root in context.repository.roots:
        root = Path(absolute(data_root.path))
        if root.is_relative_to(target):
            raise UsageError("error.dossier_holds_root", output=output, root=root)
    if output.exists() and not output.is_dir():
        raise UsageError("error.dossier_not_folder", output=output)
    if output.is_symlink():
        raise UsageError("error.dossier_symlink", output=output)


def evidence_csv(dossier: Dossier, lang: str) -> str:
    """The evidence index as RFC 4180 CSV after a UTF-8 BOM (for Excel); every text that
    starts like a formula is neutralised, every unsafe character shown."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([t(lang, key) for key in _CSV_COLUMNS])
    for row in dossier.evidence:
        e = row.evidence
        values = [row.criterion, e.title, e.ref or "", e.date.isoformat() if e.date else ""]
        values += [e.file or "", e.sha256 or ""]
        writer.writerow([neutralise_formula(visible(value)) for value in values])
    return buffer.getvalue()


_CSV_COLUMNS = (
    "col.id",
    "dossier.col.title",
    "dossier.col.number",
    "col.date",
    "dossier.col.file",
    "dossier.col.sha256",
)
