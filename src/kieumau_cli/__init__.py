"""kieumau: track ward police stations' progress toward "model station" recognition."""

__version__ = "0.1.0"
