"""kieumau_cli.edit: round-trip editing, atomic writes, migration rules."""
