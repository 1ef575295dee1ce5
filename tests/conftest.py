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
