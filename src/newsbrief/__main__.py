"""`python -m newsbrief`."""

from .cli import run

run()
