"""What `check` prints besides its findings.

Each key maps to its (Vietnamese, English) text; see `kieumau_cli.text`."""

MESSAGES: dict[str, tuple[str, str]] = {
    "check.summary": (
        "Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo.",
        "Checked {files} {files:file|files}: {errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}.",
    ),
}
