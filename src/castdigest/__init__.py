"""castdigest: turn podcast and video episodes into a weekly newsletter."""

__version__ = "0.1.0"
