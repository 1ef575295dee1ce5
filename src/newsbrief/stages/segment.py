"""The first step: an input's text as articles (page text segmented, article JSONL read back)."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..io.read import PageText
from ..io.sources import Input, parse_input


class Segment:
    """Page text to articles and fragments; its output depends on the tool's version only (config.py is in it)."""

    name = "segment"
    meta_key = "segmenter"

    def signature(self) -> dict[str, Any]:
        """What changes segmentation: the segmenter's code and thresholds, i.e. the tool version."""
        return {"name": "newsbrief", "version": __version__}

    def __call__(self, page: PageText) -> Input:
        """The articles of one input's text."""
        return parse_input(page)
