"""Named models with their reasons, sizes and licences (see ../shared/notes/models.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    """A model newsbrief knows by name."""

    name: str
    model_id: str
    tasks: tuple[str, ...]
    licence: str
    commercial: bool
    size: str
    why: str
    revision: str | None = None  # a pinned commit where one is known; else what `models pull` resolves


PRESETS: dict[str, Preset] = {p.name: p for p in [
    Preset("opus-mt-zh-en", "Helsinki-NLP/opus-mt-zh-en", ("translate",), "CC-BY-4.0 (attribution)", True,
           "78M params, 300 MB",
           "fast on a CPU; WMT newstest2019 zh-en BLEU 21.6 / COMET 0.229",
           revision="98a08dbf2411a96f654798ae17b172a686660c6c"),
    Preset("m2m100-1.2b", "facebook/m2m100_1.2B", ("translate",), "MIT", True, "1.2B params, 4.8 GB",
           "GPU quality MT: newstest2019 zh-en BLEU 27.2 / COMET 0.343, beats opus-mt-zh-en"),
    Preset("qwen2.5-0.5b", "Qwen/Qwen2.5-0.5B-Instruct", ("summarize", "translate"), "Apache-2.0", True,
           "0.5B params, 1 GB", "smallest commercially usable abstractive summariser; runs on a laptop CPU"),
    Preset("qwen2.5-1.5b", "Qwen/Qwen2.5-1.5B-Instruct", ("summarize", "translate"), "Apache-2.0", True,
           "1.5B params, 3.1 GB", "better abstracts; a whole article fits its 32K context"),
    Preset("qwen2.5-7b", "Qwen/Qwen2.5-7B-Instruct", ("summarize", "translate"), "Apache-2.0", True,
           "7.6B params, 15 GB", "GPU quality abstracts"),
    Preset("mt5-xlsum", "csebuetnlp/mT5_multilingual_XLSum", ("summarize",), "CC BY-NC-SA 4.0", False,
           "580M params, 2.3 GB",
           "NON-COMMERCIAL ONLY; the one seq2seq summariser with a published Chinese score (XL-Sum R-1 39.4)"),
]}

#: built-in methods that need no model
BUILTIN = {"lead": "extractive: the article's leading sentences (no model, the baseline)",
           "none": "skip this stage"}

#: model pairs for --preset: (summarizer, translator)
PROFILES = {
    "cpu": ("qwen2.5-0.5b", "opus-mt-zh-en"),
    "gpu": ("qwen2.5-7b", "m2m100-1.2b"),
    "offline-baseline": ("lead", "none"),
}


def pull_name(model_id: str) -> str:
    """What to pass to `models pull` for a model: its preset's name where it has one, which pulls the pinned
    revision (session-23 review, finding 11: a hub id pulls whatever is newest), else the id."""
    return next((p.name for p in PRESETS.values() if p.model_id == model_id), model_id)
