"""The bilingual reader: a run's records as one self-contained HTML page (`newsbrief report`)."""

from .render import render

__all__ = ["render"]
