"""Hugging Face backends: sequence-to-sequence models and instruction-tuned causal LMs.

transformers 5 has no summarization/translation pipelines: both backends call
the tokenizer and generate() directly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import config
from ..log import libraries_hushed
from .base import Generator, Job, ModelError, Output
from .presets import pull_name

#: prompts for instruction-tuned models; {text} is the article or chunk.
PROMPTS = {
    "summarize": [
        ("system", "你是一名严谨的新闻编辑。"),
        ("user", "请用中文为下面这篇新闻写一段简洁、客观、忠实于原文的摘要，不超过120字。只输出摘要本身。\n\n{text}"),
    ],
    "translate": [
        ("system", "You are a professional translator of Chinese news into English."),
        ("user", "Translate the following Chinese text into faithful, fluent English. Translate everything, "
                 "add nothing, and output only the translation.\n\n{text}"),
    ],
}

SOURCE_FILE = ".newsbrief-source.json"  # written by `models pull`: repo id and commit


def _revision(path: Path | None, revision: str | None) -> str | None:
    """The revision a model was loaded at: the pulled commit, the hub snapshot, or a local fingerprint."""
    if path is None:
        return revision
    src = path / SOURCE_FILE
    if src.exists():
        return json.loads(src.read_text(encoding="utf-8")).get("revision")
    if path.parent.name == "snapshots":
        return path.name
    # by content, so new weights of the same size are a new revision (issue 10, finding 3)
    from ..io.digest import folder_fingerprint

    return "local-" + folder_fingerprint(path)[:12]


def _hub_error(model_id: str, err: Exception, offline: bool) -> ModelError:
    """A missing-model error that names the model and says how to get it."""
    how = (f"run `newsbrief models pull {pull_name(model_id)}` on a machine with network access, "
           "or pass the path of a local model folder")
    why = "offline mode is on and it is not in the local cache" if offline else \
        "it is not on disk and the Hugging Face Hub could not be reached"
    return ModelError(f"model {model_id!r} is not available: {why}. To get it, {how}. ({type(err).__name__})")


def _load_error(model_id: str, path: Path | None, err: Exception, offline: bool) -> ModelError:
    """A loading failure in words: what is wrong with a local folder, or how to get a hub model.

    A local folder's failure is never blamed on the hub (issue 10, finding 6:
    a garbage config.json was reported as "not on disk and the Hub could not be reached").
    """
    if path is not None:
        return ModelError(f"model folder {path}: cannot be loaded: {type(err).__name__}: {err}")
    if isinstance(err, OSError):
        return _hub_error(model_id, err, offline)
    return ModelError(f"model {model_id!r}: cannot be loaded: {type(err).__name__}: {err}")


class HFGenerator(Generator):
    """Shared loading and provenance for the Hugging Face backends."""

    auto_class = ""

    def __init__(self, model_id: str, path: Path | None, device: str, dtype, revision: str | None,
                 offline: bool, weights: bool = True) -> None:
        """weights=False loads the config and tokenizer only: another runtime runs the model (CTranslate2)."""
        import transformers
        from transformers import AutoConfig, AutoTokenizer, GenerationConfig

        self.model_id = model_id
        self.source = source = str(path) if path else model_id
        self.model = None
        try:
            with libraries_hushed():
                self.config = AutoConfig.from_pretrained(source, revision=revision)
                self.tokenizer = AutoTokenizer.from_pretrained(source, revision=revision)
                if weights:
                    cls = getattr(transformers, self.auto_class)
                    self.model = cls.from_pretrained(source, revision=revision, dtype=dtype).to(device).eval()
                    self.generation_config = self.model.generation_config
                else:
                    # what the model's own generation_config would be, as transformers builds it on loading
                    try:
                        self.generation_config = GenerationConfig.from_pretrained(source, revision=revision)
                    except OSError:
                        self.generation_config = GenerationConfig.from_model_config(self.config)
        except Exception as e:  # noqa: BLE001 - every loading failure is a ModelError, exit 2 (issue 10, finding 6)
            raise _load_error(model_id, path, e, offline) from None
        self.device, self.dtype = device, dtype
        self.revision = _revision(path, revision) or getattr(self.config, "_commit_hash", None)
        #: a content hash of a local model folder's files (set by the loader), else None
        self.files: str | None = None

    runtime = "transformers"

    def describe(self) -> dict[str, Any]:
        return {"id": self.model_id, "revision": self.revision, "architecture": self.architecture,
                "model_type": self.config.model_type, "runtime": self.runtime, "device": self.device,
                "dtype": str(self.dtype).replace("torch.", ""), "files": self.files}

    def max_positions(self) -> int:
        """Most positions (input and output) the model takes."""
        n = getattr(self.config, "max_position_embeddings", None) or getattr(self.config, "n_positions", None)
        m = self.tokenizer.model_max_length
        limits = [x for x in (n, m) if x and x < 1_000_000]
        return min(limits) if limits else 512

    def _run(self, enc, max_new_tokens: int, jobs: list[Job], extra: dict[str, Any]):
        import torch

        kwargs = jobs[0].settings.as_kwargs()
        # Marian configs force an end token at the length cap, which would hide
        # that an output was cut off: no silent truncation, so no forced end
        kwargs["forced_eos_token_id"] = None
        if jobs[0].settings.full_length:
            kwargs["min_new_tokens"] = max_new_tokens
        kwargs.update(extra)
        with torch.inference_mode(), libraries_hushed():
            return self.model.generate(**enc.to(self.device), max_new_tokens=max_new_tokens, **kwargs)


    def _outputs(self, jobs: list[Job], seqs, masks, start: int, eos_ids: set, cap: int) -> list[Output]:
        """Decoded outputs with token counts (sequences start their output at position start)."""
        return [own_output(self.tokenizer, j, seq.tolist()[start:], int(mask.sum()), eos_ids, cap)
                for j, seq, mask in zip(jobs, seqs, masks)]


def own_output(tok, job: Job, ids: list[int], input_tokens: int, eos_ids: set, cap: int) -> Output:
    """One job's output from the ids generated for it in a batch; it hit the cap if it ran there without an end.

    What follows the first end token is padding. Padding tokens before it are
    kept: a model that writes nothing but its pad token has written them
    (issue 12: 160 of them decode to '').
    """
    end = next((i for i, t in enumerate(ids) if t in eos_ids), None)
    if end is not None:
        ids = ids[:end + 1]
    # a batch runs to its longest job's cap; each output keeps to its own, so a
    # job's output is the same whatever batch it ran in
    if len(ids) > job.max_new_tokens and ids[job.max_new_tokens - 1] not in eos_ids:
        ids = ids[:job.max_new_tokens]
    ended = bool(ids) and ids[-1] in eos_ids
    n = len(ids) - (1 if ended else 0)
    return Output(tok.decode(ids, skip_special_tokens=True).strip(), input_tokens, n,
                  hit_cap=not ended and n >= min(job.max_new_tokens, cap), ids=ids)


class Seq2SeqGenerator(HFGenerator):
    """Encoder-decoder models: Marian/opus-mt, mT5/T5, BART, M2M100, NLLB."""

    architecture = "seq2seq"
    auto_class = "AutoModelForSeq2SeqLM"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.extra: dict[str, Any] = {}
        tok = self.tokenizer
        name = type(tok).__name__
        # multilingual models need their language codes (models.md: M2M100, NLLB)
        if "Nllb" in name:
            tok.src_lang = "zho_Hans"
            self.extra["forced_bos_token_id"] = tok.convert_tokens_to_ids("eng_Latn")
        elif "M2M100" in name:
            tok.src_lang = "zh"
            self.extra["forced_bos_token_id"] = tok.get_lang_id("en")
        params = (getattr(self.config, "task_specific_params", None) or {}).get("summarization") or {}
        self.prefix = params.get("prefix", "")

    def _input(self, task: str, text: str) -> str:
        return self.prefix + text if task == "summarize" else text

    def input_limit(self, task: str, output_tokens: int | None = None) -> int:
        return self.max_positions() - 2  # room for the special tokens the tokenizer adds

    def count_tokens(self, task: str, texts: list[str]) -> list[int]:
        enc = self.tokenizer([self._input(task, t) for t in texts], add_special_tokens=True)
        return [len(ids) for ids in enc["input_ids"]]

    def generate(self, jobs: list[Job]) -> list[Output]:
        tok = self.tokenizer
        enc = tok([self._input(j.task, j.text) for j in jobs], return_tensors="pt", padding=True)
        cap = min(max(j.max_new_tokens for j in jobs), self.max_positions())
        seqs = self._run(enc, cap, jobs, self.extra if jobs[0].task == "translate" else {})
        # the decoder's sequences open with its start token
        return self._outputs(jobs, seqs, enc["attention_mask"], 1, {tok.eos_token_id}, cap)


class CausalGenerator(HFGenerator):
    """Instruction-tuned decoder-only models (Qwen-style) prompted through their chat template."""

    architecture = "causal"
    auto_class = "AutoModelForCausalLM"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._heads: dict[str, list[int]] = {}
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        if not getattr(self.tokenizer, "chat_template", None):
            raise ModelError(f"model {self.model_id!r} is a causal LM without a chat template: "
                             "newsbrief needs an instruction-tuned model (e.g. Qwen/Qwen2.5-1.5B-Instruct)")
        eos = self.generation_config.eos_token_id
        #: the tokens that end an answer: the generation config's (Qwen lists two) and the tokenizer's
        self.eos_ids = set(eos if isinstance(eos, list) else [eos]) | {self.tokenizer.eos_token_id}

    def prompt(self, task: str, text: str) -> str:
        messages = [{"role": r, "content": c.format(text=text)} for r, c in PROMPTS[task]]
        # enable_thinking=False turns off Qwen3's reasoning preamble; other templates ignore it
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False,
                                                  enable_thinking=False)

    def input_limit(self, task: str, output_tokens: int | None = None) -> int:
        positions = min(self.max_positions(), config.CAUSAL_MAX_INPUT_TOKENS * 2)
        if task == "translate":
            budget = int(positions / (1 + config.TRANSLATION_OUTPUT_RATIO))
        else:  # the run's --summary-tokens, not the default (session-23 review, finding 13)
            budget = positions - (config.SUMMARY_MAX_NEW_TOKENS if output_tokens is None else output_tokens)
        return max(16, min(budget, config.CAUSAL_MAX_INPUT_TOKENS))

    def head_ids(self, task: str) -> list[int]:
        """The token ids of a task's prompt with no text: what every prompt costs around its text (tokenized once)."""
        if task not in self._heads:
            self._heads[task] = self.tokenizer(self.prompt(task, ""), add_special_tokens=False)["input_ids"]
        return self._heads[task]

    def count_tokens(self, task: str, texts: list[str]) -> list[int]:
        enc = self.tokenizer(texts, add_special_tokens=False)
        head = len(self.head_ids(task))
        return [head + len(ids) + 1 for ids in enc["input_ids"]]  # +1: a merge across the join

    def generate(self, jobs: list[Job]) -> list[Output]:
        tok = self.tokenizer
        enc = tok([self.prompt(j.task, j.text) for j in jobs], return_tensors="pt", padding=True,
                  padding_side="left", add_special_tokens=False)
        room = self.max_positions() - enc["input_ids"].shape[1]
        cap = max(1, min(max(j.max_new_tokens for j in jobs), room))
        seqs = self._run(enc, cap, jobs, {"pad_token_id": tok.pad_token_id})
        # the sequences repeat the prompt: the output starts after it
        return self._outputs(jobs, seqs, enc["attention_mask"], enc["input_ids"].shape[1], self.eos_ids, cap)


def load_generator(model_id: str, path: Path | None, device: str, dtype, revision: str | None,
                   offline: bool, weights: bool = True) -> HFGenerator:
    """A loaded transformers model of the right architecture for what its config says it is (see weights above)."""
    from transformers import AutoConfig

    try:
        with libraries_hushed():
            cfg = AutoConfig.from_pretrained(str(path) if path else model_id, revision=revision)
    except Exception as e:  # noqa: BLE001 - see _load_error
        raise _load_error(model_id, path, e, offline) from None
    cls = Seq2SeqGenerator if getattr(cfg, "is_encoder_decoder", False) else CausalGenerator
    return cls(model_id, path, device, dtype, revision, offline, weights)

