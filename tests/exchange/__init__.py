"""The spreadsheet exchange (`kieumau_cli.exchange`): layout, writing, reading, planning."""
