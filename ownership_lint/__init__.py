"""ownership-lint: lint who-owns-what in a repository."""

__version__ = "0.1.0"
