"""Getting models onto disk (`models pull`) and saying which are there (`models list`)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .base import ModelError
from .hf import SOURCE_FILE
from .presets import pull_name
from .registry import folder_problem, local_folder

#: files a model needs to run; weights in safetensors where the repository has them
_NEEDED = ["*.json", "*.model", "*.spm", "*.txt", "*.jinja", "*.tiktoken", "tokenizer*", "*.py"]


def folder_size(path: Path) -> int:
    """Bytes under a folder."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def pull(model_id: str, revision: str | None) -> tuple[Path, str]:
    """Download a hub model into models/ at a pinned revision; returns its folder and the commit."""
    try:
        from huggingface_hub import HfApi, snapshot_download
    except ImportError:
        raise ModelError("models pull needs huggingface-hub: pip install 'newsbrief[models]'") from None
    try:
        info = HfApi().model_info(model_id, revision=revision)
        files = [s.rfilename for s in info.siblings or []]
        weights = ["*.safetensors"] if any(f.endswith(".safetensors") for f in files) else ["*.bin"]
        dest = local_folder(model_id)
        tmp = dest.with_name(dest.name + ".partial")
        snapshot_download(model_id, revision=info.sha, local_dir=tmp, allow_patterns=_NEEDED + weights)
    except Exception as e:  # noqa: BLE001 - the hub client raises many kinds; all mean the same to a user
        raise ModelError(f"could not download {model_id!r}: {type(e).__name__}: {e}. Check the network (or a "
                         "proxy / HF_ENDPOINT mirror); on a machine without one, copy a model folder and pass its path") from None
    (tmp / SOURCE_FILE).write_text(json.dumps({"id": model_id, "revision": info.sha}), encoding="utf-8")
    if dest.exists():
        shutil.rmtree(dest)
    tmp.rename(dest)  # a model folder is either complete or absent
    return dest, info.sha


def local_status(model_id: str) -> str:
    """Where a model is on this machine: models/ folder with its size, the HF cache, or 'not downloaded'."""
    folder = local_folder(model_id)
    if (folder / "config.json").exists():
        problem = folder_problem(folder)
        if problem:  # a corrupt folder is not "present" (issue 10, finding 6)
            return f"{folder}: BROKEN: {problem} (run `newsbrief models pull {pull_name(model_id)}` again)"
        return f"{folder} ({folder_size(folder) / 2**20:.0f} MB)"
    try:
        from huggingface_hub import scan_cache_dir

        for repo in scan_cache_dir().repos:
            if repo.repo_id == model_id:
                return f"HF cache ({repo.size_on_disk / 2**20:.0f} MB)"
    except Exception:  # noqa: BLE001 - no cache or no huggingface_hub: nothing cached
        pass
    return "not downloaded"
