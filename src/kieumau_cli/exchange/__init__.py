"""Spreadsheets in and out: a ward's criteria table as a workbook officers fill in
(`export`), read back safely (`import`), and the province's stations × criteria workbook.

- `sheet`: the layout both directions share (columns, the hidden sheet that carries the
  ward, the set and the fingerprint, the values a row holds), and safe cell text;
- `export`: the ward's workbook; `province`: the province's workbook; `flat`: CSV;
- `read`: an edited workbook → its rows, with the cell each value came from;
- `plan`: sheet vs file vs what was exported → the changes `set` would make, or why not.

Nothing here writes a ward file: `commands.import_sheet` applies the plan through
`edit.session`, as `set` does.
"""
