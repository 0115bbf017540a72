"""kieumau_cli.site: the static website, without and with a browser."""
