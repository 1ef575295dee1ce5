"""RunSignature: everything that shapes a run's output, said once.

It is made of the steps' own signatures (segmenter, summariser, translator:
method or model with revision, runtime, device, dtype, settings) and is used
three ways: its hash keys the completion markers that resume trusts, its
`meta()` goes into every record, and `as_dict()` into run.json. Before issue
12 these were built three times and could drift apart.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__

#: the package's source folder, whose files the code hashes read
PACKAGE = Path(__file__).resolve().parent

#: the code that shapes segmented records: the segmenter, the PDF layout that feeds it, how page text is
#: read and normalised, how jumps are stitched, the records and their JSONL, and every threshold (session-23 review,
#: finding 3: `__version__` is never bumped, so a rerun after a rule or threshold changed resumed the old records)
SEGMENTER_CODE = ("segment/*.py", "pdf/*.py", "text/normalize.py", "io/read.py", "io/sources.py", "stitch.py",
                  "records.py", "io/jsonl.py", "config.py")
#: the code that shapes the model stages' fields and has no version of its own: prompts, input limits and
#: output caps, chunking, the degenerate-output checks, the thresholds (session-23 review, finding 3)
TOOL_CODE = ("models/*.py", "jobs.py", "text/*.py", "stages/*.py", "config.py")


@functools.cache
def code_hash(patterns: tuple[str, ...]) -> str:
    """A short hash of the package files that patterns match: relative path and bytes, in sorted path order.

    Line ends are made one so a checkout with CRLF gives the same hash on every machine.
    """
    files = sorted({p.relative_to(PACKAGE).as_posix() for pat in patterns for p in PACKAGE.glob(pat)})
    h = hashlib.sha256()
    for rel in files:
        h.update(rel.encode() + b"\0" + (PACKAGE / rel).read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return h.hexdigest()[:16]


def tool() -> dict[str, Any]:
    """The tool's signature: name, version, and a hash of the code that shapes records without a version."""
    return {"name": "newsbrief", "version": __version__, "code": code_hash(TOOL_CODE)}


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
        return {"tool": tool(), "stages": list(self.stages),
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
