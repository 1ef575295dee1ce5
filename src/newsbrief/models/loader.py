"""The models a run uses, loaded on first use, on the runtime asked for, shared when one model does two tasks."""

from __future__ import annotations

from ..io.digest import folder_fingerprint
from . import registry
from .base import Generator
from ..options import Backend, StageOptions


class Models:
    """Loaded models by hub id or folder; the device is resolved once, on the first load."""

    def __init__(self, opts: StageOptions) -> None:
        self.opts = opts
        self._loaded: dict[str, Generator] = {}
        self.device: str | None = None

    def get(self, name: str, task: str) -> Generator:
        """The loaded model called name (a preset, hub id or folder) for a task; raises ModelError."""
        from .device import resolve_device, resolve_dtype

        spec = registry.resolve(name, task)
        if spec.model_id not in self._loaded:
            if self.device is None:
                from .threads import pin_torch

                pin_torch()  # the same way in both engines (threads.py)
                self.device = resolve_device(self.opts.device)
            ct2 = self.opts.backend == Backend.ctranslate2
            # CTranslate2 runs its own converted copy: the torch weights would only
            # add their size (fp32: 2 GB for a 0.5B model) to the peak memory
            gen = registry.load(spec, self.device, resolve_dtype(self.opts.dtype, self.device), self.opts.offline,
                                weights=not ct2)
            if spec.path is not None and hasattr(gen, "files"):
                # resume must redo an input when a local model's weights change (issue 10, finding 3)
                gen.files = folder_fingerprint(spec.path)
            if ct2:
                from .ct2 import on_ctranslate2

                gen = on_ctranslate2(gen, self.device, self.opts.compute_type, self.opts.max_batch_tokens)
            self._loaded[spec.model_id] = gen
        return self._loaded[spec.model_id]
