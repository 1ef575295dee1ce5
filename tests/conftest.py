"""Shared fixtures: the seed page, the record schema, and an offline test session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# No test may touch the network: the Hugging Face hub is unreachable here anyway.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_eedb6a7ca95d22b6.txt"
SCHEMA = json.loads((ROOT / "src" / "newsbrief" / "schema" / "record.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def validate(record: dict) -> None:
    """Fail the test if record does not match the documented schema."""
    import jsonschema

    jsonschema.validate(record, SCHEMA)


@pytest.fixture(scope="session")
def tiny(tmp_path_factory) -> dict[str, Path]:
    """Tiny Marian, T5 and Qwen2 models built once per test session (see tiny_models.py)."""
    from .tiny_models import build_marian, build_qwen, build_t5

    root = tmp_path_factory.mktemp("models")
    return {"marian": build_marian(root), "t5": build_t5(root), "qwen": build_qwen(root)}
