"""kieumau_cli.check: diagnostic codes, the acceptance cases, output formats, git-history rules."""
