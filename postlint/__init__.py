"""postlint: a linter for draft social-media posts."""

__version__ = "0.1.0"
