"""kieumau_cli.results: scores, ISO weeks, the status cache."""
