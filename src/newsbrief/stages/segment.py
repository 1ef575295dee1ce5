"""The first step: an input's text as articles (page text segmented, article JSONL read back)."""

from __future__ import annotations

import dataclasses
from typing import Any

from .. import __version__
from ..signature import SEGMENTER_CODE, code_hash
from ..io.read import PageText, ReadOptions
from ..io.sources import Input, parse_input
from ..segment import lexicon


class Segment:
    """Page text to articles and fragments, or article JSONL read back, as the read options say."""

    name = "segment"
    meta_key = "segmenter"

    def __init__(self, read: ReadOptions | None = None) -> None:
        self.read = read or ReadOptions()

    def signature(self) -> dict[str, Any]:
        """What changes its output: code and thresholds (version, code hash), the dictionary, the read options."""
        return {"name": "newsbrief", "version": __version__, "code": code_hash(SEGMENTER_CODE),
                "lexicon": lexicon.source(), "input": dataclasses.asdict(self.read)}

    def __call__(self, page: PageText) -> Input:
        """The articles of one input's text."""
        return parse_input(page, self.read.input_format)
