"""The steps a run takes over one input's articles: Segment, then Summarize and Translate.

Each step is a small class that says, through `signature()`, every setting
that changes its output; the run's RunSignature is made of them (datatrove's
pipeline steps and simonw/llm's model classes are the references).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from .. import config
from ..io.jsonl import LONE_SURROGATE
from ..models.base import Generator, ModelError
from ..records import Article
from ..text.sentences import chunk_text

Progress = Callable[[int], None]


class Stage(ABC):
    """A model stage: fills some fields of every article and its part of meta."""

    #: the stage's name on the command line and in run.json
    name: str = ""
    #: where its signature goes in each record's meta
    meta_key: str = ""
    #: how its errors in a record begin (one of the prefixes it forgets before it runs again)
    error_prefix: str = ""

    @abstractmethod
    def signature(self) -> dict[str, Any]:
        """Every setting that changes this stage's output: method or model with revision, device, settings."""

    @abstractmethod
    def __call__(self, articles: list[Article], progress: Progress | None = None) -> None:
        """Run over the articles of one input (fragments are left alone), batched across them."""


def forget(a: Article, prefixes: tuple[str, ...]) -> None:
    """Drop an article's errors that start with one of prefixes: a stage's own, before it runs again.

    Session-23 review, finding 6: a record rerun through `summarize --summarizer lead`
    got a new abstract yet kept "summary: repetition loop after retry" and
    status "error".
    """
    a.errors = [e for e in a.errors if not e.startswith(prefixes)]


def judge(a: Article, flags: list[str], stage: str, on_degenerate: str) -> None:
    """Turn a degenerate output the retry did not fix into an error, unless only flags were asked; set status."""
    if flags and on_degenerate == "error":
        a.errors.extend(f"{stage}: {f} after retry" for f in dict.fromkeys(flags))
    # recomputed, not only raised: forget() may have dropped what made it "error" (session-23 review, finding 6)
    a.status = "error" if a.errors else "ok"


class Counter:
    """A memoised count of a text's input tokens as a job of one task for one model."""

    def __init__(self, gen: Generator, task: str, limit: int) -> None:
        """Raises ModelError when the model's prompt alone leaves no room for text within limit."""
        self.gen, self.task, self.limit = gen, task, limit
        self._cache: dict[str, int] = {}
        room = limit - gen.count_tokens(task, [""])[0]
        if room < config.MIN_CHUNK_TOKENS:
            raise ModelError(f"{gen.describe()['id']}: its input limit ({limit} tokens) leaves {room} for text "
                             f"after the prompt; at least {config.MIN_CHUNK_TOKENS} are needed")

    def __call__(self, text: str) -> int:
        if text not in self._cache:
            self._cache[text] = self.gen.count_tokens(self.task, [text])[0]
        return self._cache[text]

    def chunks(self, text: str) -> list[str]:
        """text cut into chunks within the limit, whole sentences where possible.

        A lone surrogate (a JSON input's \\udcXX, kept by io.jsonl) becomes
        U+FFFD first: tokenizers cannot encode it (session-23 review).
        """
        return chunk_text(LONE_SURROGATE.sub("\ufffd", text), self, self.limit)
