"""kieumau_cli.render: official documents, Word output, SARIF and GitHub formats, templates."""
