"""Choosing the device and precision a model runs with."""

from __future__ import annotations

from .base import DeviceError

DEVICES = "auto|cpu|cuda|cuda:N|mps"
DTYPES = ("auto", "float32", "float16", "bfloat16")


def resolve_device(name: str) -> str:
    """The torch device for --device; raises DeviceError when the one asked for is not there."""
    import torch

    name = name.strip().lower()
    if name == "auto":
        if torch.cuda.is_available():
            return "cuda"
        return "cpu"
    if name == "cpu":
        return "cpu"
    if name == "mps":
        if not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
            raise DeviceError("--device mps: this machine has no Apple MPS device (use --device cpu)")
        return "mps"
    if name == "cuda" or name.startswith("cuda:"):
        if not torch.cuda.is_available():
            raise DeviceError(f"--device {name}: no CUDA device is available here "
                              f"(torch {torch.__version__}, CUDA build: {torch.version.cuda or 'no'}); "
                              "use --device cpu, or install a CUDA build of torch")
        if ":" in name:
            idx = name.split(":", 1)[1]
            if not idx.isdigit() or int(idx) >= torch.cuda.device_count():
                raise DeviceError(f"--device {name}: there are {torch.cuda.device_count()} CUDA device(s)")
        return name
    raise DeviceError(f"--device {name}: expected one of {DEVICES}")


def resolve_dtype(name: str, device: str):
    """The torch dtype for --dtype on device: auto is bf16 on GPUs that have it, fp16 on others, fp32 on CPU."""
    import torch

    if name not in DTYPES:
        raise DeviceError(f"--dtype {name}: expected one of {', '.join(DTYPES)}")
    if name != "auto":
        return getattr(torch, name)
    if device.startswith("cuda"):
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device == "mps":
        return torch.float16
    return torch.float32
