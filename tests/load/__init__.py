"""kieumau_cli.load: the safe YAML loader, models and validation, the data root, the schema, git."""
