"""End to end, one module per command: what a user types and what comes out."""
