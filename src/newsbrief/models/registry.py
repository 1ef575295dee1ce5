"""From what the user typed (--summarizer X) to a loaded model: preset names, hub ids, local folders."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .base import Generator, ModelError
from .hf import SOURCE_FILE
from .presets import BUILTIN, PRESETS, pull_name


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
        problem = folder_problem(p)
        if problem:
            raise ModelError(f"model folder {name}: {problem}")
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
    if not (folder / "config.json").exists():
        return ModelSpec(name, model_id, None, revision)
    problem = folder_problem(folder)
    if problem:
        raise ModelError(f"model folder {folder} (for {name}): {problem}; "
                         f"run `newsbrief models pull {pull_name(model_id)}` again")
    return ModelSpec(name, model_id, folder, revision)


#: weight files transformers loads, by how they are named
WEIGHTS = ("*.safetensors", "pytorch_model*.bin")


def _safetensors_problem(f: Path) -> str | None:
    """What is wrong with a safetensors file's framing: its header, or a size the header does not account for."""
    size = f.stat().st_size
    with open(f, "rb") as fh:
        head = fh.read(8)
        n = int.from_bytes(head, "little") if len(head) == 8 else -1
        if n < 0 or n + 8 > size:
            return f"{f.name}: truncated or not a safetensors file ({size} bytes)"
        try:
            header = json.loads(fh.read(n))
            end = max((int(t["data_offsets"][1]) for k, t in header.items() if k != "__metadata__"), default=0)
        except (ValueError, KeyError, TypeError, IndexError):
            return f"{f.name}: unreadable safetensors header"
    if 8 + n + end != size:
        return f"{f.name}: truncated or corrupt (its header describes {8 + n + end} bytes, the file has {size})"
    return None


def folder_problem(folder: Path) -> str | None:
    """What makes a local model folder unusable (which file, what error), or None when it looks whole.

    Checked before loading, and by `models list`: cheap (config.json and the
    safetensors headers only) and precise where transformers' own errors are not.
    """
    config = folder / "config.json"
    if not config.exists():
        return "no config.json: not a Hugging Face model folder"
    try:
        if not isinstance(json.loads(config.read_text(encoding="utf-8")), dict):
            return "config.json is not a JSON object"
    except (OSError, ValueError) as e:
        return f"config.json is not valid JSON ({e})"
    source = folder / SOURCE_FILE
    # read for the revision on loading: a corrupt one was a raw traceback (session-23 review, finding 14)
    if source.exists():
        fix = "pull the model again, or delete that file (it only records the revision `models pull` fetched)"
        try:
            if not isinstance(json.loads(source.read_text(encoding="utf-8")), dict):
                return f"{SOURCE_FILE} is not a JSON object; {fix}"
        except (OSError, ValueError) as e:
            return f"{SOURCE_FILE} is not valid JSON ({e}); {fix}"
    weights = [f for pattern in WEIGHTS for f in folder.glob(pattern)]
    if not weights:
        return "no weights (model.safetensors or pytorch_model.bin)"
    for f in weights:
        if f.suffix == ".safetensors":
            problem = _safetensors_problem(f)
            if problem:
                return problem
    return None


def load(spec: ModelSpec, device: str, dtype, offline: bool, weights: bool = True) -> Generator:
    """The loaded model for a resolved spec (not for built-ins); weights=False: config and tokenizer only."""
    from .hf import load_generator

    return load_generator(spec.model_id, spec.path, device, dtype, spec.revision if spec.path is None else None,
                          offline, weights)
