"""The repository around the package: README, docs, packaging, pre-commit, bench, shipped data."""
