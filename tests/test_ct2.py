"""The CTranslate2 backend against transformers on the tiny models (issue 5)."""

from __future__ import annotations

import pytest

from newsbrief.models.base import Job
from newsbrief.pipeline import Models, StageOptions
from newsbrief.segment import segment_text

from .conftest import SEED

pytest.importorskip("ctranslate2")


@pytest.fixture()
def ct2_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_CT2_CACHE", str(tmp_path / "ct2"))


def _jobs():
    arts = [a for a in segment_text(SEED.read_text(encoding="utf-8"), str(SEED)) if a.kind == "article"]
    return [Job("translate", p[:40], 12) for a in arts for p in a.paragraphs[:2]]


def test_ct2_float32_greedy_equals_transformers(tiny, ct2_cache):
    hf = Models(StageOptions(device="cpu")).get(str(tiny["marian"]), "translate")
    ct2 = Models(StageOptions(device="cpu", backend="ctranslate2", compute_type="float32")).get(
        str(tiny["marian"]), "translate")
    assert ct2.describe()["compute_type"] == "float32"
    # one greedy pass each (run_jobs would also retry the random model's loops)
    a, b = hf.generate(_jobs()), ct2.generate(_jobs())
    assert [o.text for o in a] == [o.text for o in b]
    assert [o.output_tokens for o in a] == [o.output_tokens for o in b]


def test_ct2_int8_is_applied_and_recorded(tiny, ct2_cache):
    gen = Models(StageOptions(device="cpu", backend="ctranslate2")).get(str(tiny["marian"]), "translate")
    d = gen.describe()
    assert d["backend"] == "ctranslate2" and d["compute_type_requested"] == "int8"
    assert d["compute_type"].startswith("int8")


def test_causal_models_stay_on_transformers(tiny, ct2_cache, capsys):
    gen = Models(StageOptions(device="cpu", backend="ctranslate2")).get(str(tiny["qwen"]), "summarize")
    assert gen.backend == "causal"
    assert "runs on transformers" in capsys.readouterr().err
