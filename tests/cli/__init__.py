"""kieumau_cli.cli: the Typer app, the status fast path, hostile input at the command line."""
