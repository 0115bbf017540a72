"""kieumau: track ward police stations' progress toward "model station" recognition."""

__version__ = "0.2.0"
