"""A fake translator that is a real Generator subclass: instant and deterministic, for tests of batch mechanics
(resume, signals) where the model is not the point and a tiny real model costs minutes on a busy machine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsbrief.models.base import Generator, Job, Output

FAKE_ID = "fake/echo"


class EchoTranslator(Generator):
    """Translates by tagging the text; one token per character; calls on_batch(jobs) before each batch."""

    architecture, runtime = "seq2seq", "fake"

    def __init__(self, on_batch: Callable[[list[Job]], None] | None = None) -> None:
        self.on_batch = on_batch

    def input_limit(self, task: str) -> int:
        return 512

    def count_tokens(self, task: str, texts: list[str]) -> list[int]:
        return [len(t) + 1 for t in texts]

    def generate(self, jobs: list[Job]) -> list[Output]:
        if self.on_batch:
            self.on_batch(jobs)
        outs = []
        for j in jobs:
            text = f"[en] {j.text}"[:j.max_new_tokens]
            outs.append(Output(text, j.input_tokens, len(text), hit_cap=False))
        return outs

    def describe(self) -> dict[str, Any]:
        return {"id": FAKE_ID, "revision": "1", "architecture": self.architecture, "runtime": self.runtime,
                "device": "cpu", "dtype": None}


def install(on_batch: Callable[[list[Job]], None] | None = None) -> None:
    """Make `--translator fake/echo` load an EchoTranslator (in this process)."""
    from newsbrief.models import registry

    registry.load = lambda spec, device, dtype, offline, **_: EchoTranslator(on_batch)
