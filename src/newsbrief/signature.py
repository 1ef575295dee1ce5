"""RunSignature: everything that shapes a run's output, said once.

It is made of the steps' own signatures (segmenter, summariser, translator:
method or model with revision, runtime, device, dtype, settings) and is used
three ways: its hash keys the completion markers that resume trusts, its
`meta()` goes into every record, and `as_dict()` into run.json. Before issue
12 these were built three times and could drift apart.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from . import __version__


@dataclass(frozen=True)
class RunSignature:
    """The signature of a run: its steps in order, each with its own signature."""

    stages: tuple[str, ...]
    #: meta key (segmenter, summarizer, translator) -> that step's signature
    steps: tuple[tuple[str, dict[str, Any]], ...]

    @classmethod
    def of(cls, steps: list) -> RunSignature:
        """The signature of steps that each have name, meta_key and signature()."""
        return cls(tuple(s.name for s in steps), tuple((s.meta_key, s.signature()) for s in steps))

    def as_dict(self) -> dict[str, Any]:
        """The whole signature as JSON-ready data (run.json's `signature`)."""
        return {"tool": {"name": "newsbrief", "version": __version__}, "stages": list(self.stages),
                **dict(self.steps)}

    def key(self) -> str:
        """A hash of the signature: equal exactly when every setting and model revision is."""
        text = json.dumps(self.as_dict(), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode()).hexdigest()

    def meta(self) -> dict[str, Any]:
        """What every record of the run carries in meta: the tool, and the signature of each model stage.

        The segmenter's signature is the tool version; records read back from
        JSONL keep the summariser or translator of the run that made them.
        """
        return {"tool": {"name": "newsbrief", "version": __version__},
                **{k: v for k, v in self.steps if k != "segmenter"}}
