"""Where a command's document goes (stdout, or a file replaced in one step) and the
options every document command shares (format, language, templates, git)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kieumau_cli import render
from kieumau_cli.commands.context import Context
from kieumau_cli.edit.atomic import write_atomic
from kieumau_cli.errors import UsageError
from kieumau_cli.load.files import absolute
from kieumau_cli.load.git_log import FileLog, file_log
from kieumau_cli.results.paperwork import Paperwork
from kieumau_cli.results.timeline import Timeline

if TYPE_CHECKING:
    from kieumau_cli.edit.session import WardEdit


@dataclass(frozen=True, slots=True)
class DocumentRequest:
    """How a document is wanted: format, where to, which templates, whether to read git."""

    fmt: str
    output: Path | None = None
    templates: Path | None = None
    use_git: bool = True
    paperwork: Paperwork = field(default_factory=Paperwork)  # signer, symbol, issuer, --appendix


def templates_folder(templates: Path | None) -> Path | None:
    if templates is not None and not templates.is_dir():
        raise UsageError("error.templates_not_folder", path=templates)
    return templates


def refuse_data_target(context: Context, output: Path) -> None:
    """A document never replaces data: no -o inside criteria/ or wards/, and no name a
    data file would have (`.yaml`, `.yml`)."""
    if output.suffix.lower() in (".yaml", ".yml"):
        raise UsageError("error.output_is_data", output=output)
    target = Path(absolute(output))
    for folder in context.repository.data_folders():
        if target.is_relative_to(absolute(folder)):
            raise UsageError("error.output_in_data", output=output, folder=folder)


def check_request(command: str, request: DocumentRequest, context: Context) -> None:
    """A binary document goes only to a file (-o), never to a terminal; templates
    apply only to templated formats; a document never replaces data."""
    if request.output is not None:
        refuse_data_target(context, request.output)
    spec = render.spec(command, request.fmt)
    if spec.binary and request.output is None:
        raise UsageError("error.binary_needs_file", hint="hint.binary_needs_file", fmt=request.fmt)
    if request.templates is not None and spec.kind != "template":
        raise UsageError("error.templates_not_for", fmt=request.fmt)
    templates_folder(request.templates)


def with_paperwork(context: Context, request: DocumentRequest, result: Any) -> Any:
    """The result with how it is to be issued, and the data commit (for the .docx
    properties and the technical appendix; never the body). A result that is not a
    document to issue (`due`'s agenda) has no paperwork and stays as it is."""
    if not any(field.name == "paperwork" for field in dataclasses.fields(result)):
        return result
    commit = data_commit(context.repository.root.path) if request.use_git else None
    return dataclasses.replace(
        result, paperwork=dataclasses.replace(request.paperwork, data_commit=commit)
    )


def data_commit(folder: Path) -> str | None:
    """The data folder's HEAD commit (12 characters), or None outside git."""
    from kieumau_cli.load.git import Git

    try:
        return Git(folder).resolve("HEAD")[:12]
    except UsageError:
        return None


def write_document(context: Context, command: str, request: DocumentRequest, result: Any) -> None:
    """Render the result and send it where the request says."""
    result = with_paperwork(context, request, result)
    output = render.render(command, request.fmt, result, context.lang, templates=request.templates)
    if request.output is None:
        assert isinstance(output, str), "binary formats need a file (see check_request)"
        context.out.write(output)
        return
    folder = request.output.parent if str(request.output.parent) else Path()
    if not folder.is_dir():
        raise UsageError("error.output_folder_missing", output=request.output, folder=folder)
    data = output if isinstance(output, bytes) else output.encode("utf-8")
    write_atomic(request.output, data, expected=None, overwrite=True)
    context.notice("doc.written", path=request.output)


def timeline(context: Context, ward_argument: str, use_git: bool) -> Timeline:
    """The ward the user named, valid, with the changes its git log reveals."""
    path = context.repository.resolve_ward(ward_argument)
    ward, criteria_set = context.usable(context.repository.open_ward(path))
    log = file_log(path) if use_git else FileLog("disabled")
    if log.skipped:
        context.notice("notice.git_skipped", count=len(log.skipped), commits=", ".join(log.skipped))
    return Timeline.build(ward, criteria_set, log, context.today)


def write_if_asked(context: Context, edit: WardEdit, data: bytes, write: bool) -> int:
    """The end of a dry-run edit (`migrate`, `assess`, `recognise`): the diff is shown,
    the checked result is written only with `--write`."""
    from kieumau_cli.errors import EXIT_OK

    if not write:
        context.notice("edit.not_written")
        return EXIT_OK
    edit.write(data)
    context.notice("edit.written", path=edit.display)
    return EXIT_OK
