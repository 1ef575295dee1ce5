"""What every model backend offers the pipeline: count tokens, generate, describe itself."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any


class ModelError(Exception):
    """A model that cannot be used (missing, unreachable, wrong kind), with what to do about it."""


class DeviceError(ModelError):
    """A device that was asked for and is not there (--device cuda on a machine without CUDA)."""


@dataclass
class Settings:
    """Generation settings shared by every backend; recorded in each record's meta."""

    num_beams: int = 1
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0
    #: generate to the length cap, never stopping early (benchmarks: equal work on every side)
    full_length: bool = False

    def as_kwargs(self) -> dict[str, Any]:
        """generate() keyword arguments for these settings (greedy when num_beams is 1)."""
        kw: dict[str, Any] = {"do_sample": False, "num_beams": self.num_beams}
        if self.no_repeat_ngram_size:
            kw["no_repeat_ngram_size"] = self.no_repeat_ngram_size
        if self.repetition_penalty != 1.0:
            kw["repetition_penalty"] = self.repetition_penalty
        return kw


@dataclass
class Output:
    """One generated text with its token counts and whether it stopped at the length cap."""

    text: str
    input_tokens: int
    output_tokens: int
    hit_cap: bool
    #: the generated token ids (end token included): benchmarks compare runtimes token for token
    ids: list[int] = field(default_factory=list, repr=False)


@dataclass
class Job:
    """One generation request: a task ('summarize' or 'translate'), its input and its length cap."""

    task: str
    text: str
    max_new_tokens: int
    input_tokens: int = 0
    settings: Settings = field(default_factory=Settings)


class Generator(ABC):
    """A loaded text-generation model.

    Two facts describe it and must not be mixed up (issue 12: chunk sizes keyed
    on the runtime gave opus-mt 510-token chunks under CTranslate2):
    `architecture`, what the model is, decides how its input is cut;
    `runtime`, what runs it, decides nothing about the text.
    """

    #: what the model is: seq2seq (encoder-decoder) | causal (decoder-only, chat-prompted)
    architecture: str = ""
    #: what runs it: transformers | ctranslate2
    runtime: str = ""

    @abstractmethod
    def input_limit(self, task: str, output_tokens: int | None = None) -> int:
        """Most input tokens (prompt included) one job of this task may have.

        output_tokens: the most a summary may have (the run's --summary-tokens),
        which a causal model's positions must hold besides its input; None: the
        default, config.SUMMARY_MAX_NEW_TOKENS.
        """

    @abstractmethod
    def count_tokens(self, task: str, texts: list[str]) -> list[int]:
        """Input tokens each text takes as a job of this task, prompt included."""

    def call_tokens(self, max_batch_tokens: int) -> int:
        """Padded input tokens one generate() call may take when one batch may take max_batch_tokens."""
        return max_batch_tokens

    @abstractmethod
    def generate(self, jobs: list[Job]) -> list[Output]:
        """Outputs for a batch of jobs of one task and one setting, in order."""

    @abstractmethod
    def describe(self) -> dict[str, Any]:
        """Provenance: model id, revision, architecture, runtime, device, dtype."""
