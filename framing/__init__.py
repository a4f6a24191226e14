"""framing: show how different news outlets frame the same story."""

__version__ = "0.1.0"
