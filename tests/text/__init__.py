"""kieumau_cli.text: Vietnamese dates, numbers and slugs."""
