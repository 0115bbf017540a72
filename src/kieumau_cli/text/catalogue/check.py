"""What `check` prints besides its findings.

Each key maps to its (Vietnamese, English) text; see `kieumau_cli.text`."""

MESSAGES: dict[str, tuple[str, str]] = {
    "check.summary": (
        "Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo.",
        "Checked {files} files: {errors} errors, {warnings} warnings.",
    ),
}
