"""newsbrief: Chinese newspaper pages to per-article abstracts and English translations."""

__version__ = "0.1.0"
