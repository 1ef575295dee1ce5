"""From what the user typed (--summarizer X) to a loaded model: preset names, hub ids, local folders."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .base import Generator, ModelError
from .presets import BUILTIN, PRESETS


def models_dir() -> Path:
    """Where `models pull` puts models and where they are looked for first: $NEWSBRIEF_MODELS or ./models."""
    return Path(os.environ.get("NEWSBRIEF_MODELS", "models"))


@dataclass
class ModelSpec:
    """A model as resolved from a name: its hub id, a local folder if there is one, a revision."""

    name: str
    model_id: str
    path: Path | None
    revision: str | None

    @property
    def builtin(self) -> bool:
        return self.name in BUILTIN


def local_folder(model_id: str) -> Path:
    """The folder under models_dir() a hub model is pulled into."""
    return models_dir() / model_id.replace("/", "__")


def resolve(name: str, task: str) -> ModelSpec:
    """Resolve a model name for a task; raises ModelError for a preset of the wrong task."""
    if name in BUILTIN:
        if name == "lead" and task != "summarize":
            raise ModelError("'lead' is a summariser; a translator must be a model or 'none'")
        return ModelSpec(name, name, None, None)
    p = Path(name).expanduser()
    if p.is_dir():
        if not (p / "config.json").exists():
            raise ModelError(f"{name}: a folder without config.json is not a Hugging Face model folder")
        return ModelSpec(name, str(p), p, None)
    if name in PRESETS:
        preset = PRESETS[name]
        if task not in preset.tasks:
            raise ModelError(f"preset {name!r} does not {task} (it does: {', '.join(preset.tasks)})")
        model_id, revision = preset.model_id, preset.revision
    elif "/" in name:
        model_id, revision = name, None
    else:
        known = ", ".join(sorted(PRESETS) + sorted(BUILTIN))
        raise ModelError(f"unknown model {name!r}: give a preset ({known}), a Hugging Face id (org/name) "
                         "or a local model folder")
    folder = local_folder(model_id)
    return ModelSpec(name, model_id, folder if (folder / "config.json").exists() else None, revision)


def load(spec: ModelSpec, device: str, dtype, offline: bool) -> Generator:
    """The loaded model for a resolved spec (not for built-ins)."""
    from .hf import load_generator

    return load_generator(spec.model_id, spec.path, device, dtype, spec.revision if spec.path is None else None,
                          offline)
