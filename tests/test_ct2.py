"""The CTranslate2 runtime against transformers on the tiny models (issues 5 and 12)."""

from __future__ import annotations

import pytest

from newsbrief.models.base import Job
from newsbrief.models.loader import Models
from newsbrief.options import StageOptions
from newsbrief.segment import segment_text

from .conftest import SEED

pytest.importorskip("ctranslate2")


@pytest.fixture()
def ct2_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_CT2_CACHE", str(tmp_path / "ct2"))


def _jobs(task: str = "translate", tokens: int = 12):
    arts = [a for a in segment_text(SEED.read_text(encoding="utf-8"), str(SEED)) if a.kind == "article"]
    return [Job(task, p[:40], tokens) for a in arts for p in a.paragraphs[:2]]


class _Converter:
    """Stands in for ctranslate2's TransformersConverter: its force=True empties an existing output folder first;
    `during(out)` runs mid-conversion (what another run does meanwhile)."""

    during = staticmethod(lambda out: None)

    def __init__(self, source):
        self.source = source

    def convert(self, out, quantization=None, force=False):
        import os
        import shutil

        if os.path.exists(out):
            if not force:
                raise RuntimeError(f"output directory {out} already exists")
            shutil.rmtree(out)
        os.makedirs(out)
        type(self).during(out)
        with open(os.path.join(out, "model.bin"), "w") as f:
            f.write(out)
        return out


def _finished_elsewhere(out):
    """Another run renames its finished copy into place while this one converts."""
    from pathlib import Path

    target = Path(out).parent / Path(out).name.split(".partial")[0]
    target.mkdir()
    (target / "model.bin").write_text("theirs")


@pytest.mark.parametrize("finished_elsewhere, in_flight", [(False, False), (True, False), (False, True)])
def test_regression_concurrent_ct2_conversions_do_not_collide(tmp_path, monkeypatch, finished_elsewhere, in_flight):
    """Session-23 review, finding 7: runs converting at once shared `<key>.partial`; force=True emptied another's."""
    import types

    from newsbrief.models import ct2

    monkeypatch.setenv("NEWSBRIEF_CT2_CACHE", str(tmp_path / "ct2"))
    monkeypatch.setattr("ctranslate2.converters.TransformersConverter", _Converter)
    monkeypatch.setattr(_Converter, "during", staticmethod(_finished_elsewhere if finished_elsewhere
                                                           else lambda out: None))
    hf = types.SimpleNamespace(model_id="tiny/marian", revision="abc", source=str(tmp_path))
    target = ct2.cache_dir() / ct2.hashlib.sha256(b"tiny/marian@abc:int8").hexdigest()[:16]
    busy = target.with_name(target.name + ".partial")  # another run's conversion in progress, old style
    if in_flight:
        busy.mkdir(parents=True)
        (busy / "model.bin").write_text("half")
    path = ct2.converted(hf, "int8")
    assert path == target and (path / "model.bin").exists()
    assert ((path / "model.bin").read_text() == "theirs") == finished_elsewhere
    if in_flight:
        assert (busy / "model.bin").read_text() == "half"  # left alone
    left = sorted(p.name for p in path.parent.iterdir() if p not in (path, busy))
    assert left == []  # this run's own folder never stays


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
    assert d["runtime"] == "ctranslate2" and d["architecture"] == "seq2seq"
    assert d["compute_type_requested"] == "int8" and d["compute_type"].startswith("int8")


@pytest.mark.parametrize("max_new_tokens", [20, 64, 65, 200])
def test_regression_ct2_seq2seq_output_cap_keeps_within_max_positions(tiny, ct2_cache, max_new_tokens):
    """Session-23 review, finding 13: a cap past the decoder's 64 positions failed "No position encodings ... >= 64"."""
    hf = Models(StageOptions(device="cpu")).get(str(tiny["marian"]), "translate")
    gen = Models(StageOptions(device="cpu", backend="ctranslate2", compute_type="float32")).get(
        str(tiny["marian"]), "translate")
    positions = gen.hf.max_positions()
    [job] = _jobs("translate", max_new_tokens)[:1]
    job.input_tokens = gen.count_tokens("translate", [job.text])[0]
    [out] = gen.generate([job])
    [ref] = hf.generate([job])  # the transformers path, capped the same way
    assert out.output_tokens <= min(max_new_tokens, positions)
    assert (out.output_tokens, out.hit_cap) == (ref.output_tokens, ref.hit_cap)


def test_ct2_causal_float32_greedy_equals_transformers(tiny, ct2_cache):
    """A chat-prompted Qwen2 summariser on ctranslate2.Generator: the same tokens as transformers, batched."""
    hf = Models(StageOptions(device="cpu")).get(str(tiny["qwen"]), "summarize")
    ct2 = Models(StageOptions(device="cpu", backend="ctranslate2", compute_type="float32")).get(
        str(tiny["qwen"]), "summarize")
    assert ct2.describe()["architecture"] == "causal" and ct2.describe()["compute_type"] == "float32"
    jobs = _jobs("summarize", 16)
    a, b = hf.generate(jobs), ct2.generate(jobs)
    assert [o.text for o in a] == [o.text for o in b]
    assert [(o.input_tokens, o.output_tokens, o.hit_cap) for o in a] == \
        [(o.input_tokens, o.output_tokens, o.hit_cap) for o in b]


def test_ct2_causal_int8_summarises_through_the_stage(tiny, ct2_cache):
    from newsbrief.pipeline import Pipeline

    arts = [a for a in segment_text(SEED.read_text(encoding="utf-8"), str(SEED)) if a.kind == "article"][:2]
    opts = StageOptions(summarizer=str(tiny["qwen"]), device="cpu", backend="ctranslate2",
                        summary_max_new_tokens=8, on_degenerate="flag")
    Pipeline.build(("summarize",), opts).apply(arts)
    m = arts[0].meta
    assert m["summarizer"]["runtime"] == "ctranslate2" and m["summarizer"]["compute_type"].startswith("int8")
    assert m["summary"]["output_tokens"] > 0


@pytest.mark.parametrize("lengths, new_tokens, budget, workers, groups", [
    ([100, 90, 10], 16, 10_000, 1, [[0, 1], [2]]),        # like lengths together, the short prompt apart
    ([100, 90, 10], 160, 10_000, 1, [[0, 1, 2]]),         # long outputs: 90 steps of spread beat a 2nd batch
    ([100, 99, 98, 97], 16, 10_000, 2, [[0, 1], [2, 3]]),  # one batch split so that both workers run
    ([5], 16, 10_000, 2, [[0]]),
    ([100, 100, 100], 16, 200, 1, [[0, 1], [2]]),         # no batch past the budget (size x longest)
    ([10, 200, 12, 180], 160, 10_000, 1, [[1, 3], [2, 0]]),  # longest first, whatever the order given
    # the seed page's 7 prompts in issue 12's bench: 5 batches of one (spread 32 tokens) became 3
    ([561, 293, 308, 283, 644, 422, 263], 160, 2048, 2, [[2, 1, 3, 6], [4, 0], [5]]),
])
def test_schedule(lengths, new_tokens, budget, workers, groups):
    from newsbrief.models.ct2 import schedule

    assert schedule(lengths, new_tokens, budget, workers) == groups


def test_ctranslate2_never_loads_the_torch_weights(tiny, ct2_cache, monkeypatch):
    """Its converted copy is what runs: the fp32 torch weights only added their size to the peak (issue 12)."""
    import transformers

    def refuse(*args, **kwargs):
        raise AssertionError("torch weights loaded")

    hf = Models(StageOptions(device="cpu")).get(str(tiny["qwen"]), "summarize")
    Models(StageOptions(device="cpu", backend="ctranslate2")).get(str(tiny["qwen"]), "summarize")  # converts
    monkeypatch.setattr(transformers.AutoModelForCausalLM, "from_pretrained", refuse)
    ct2 = Models(StageOptions(device="cpu", backend="ctranslate2")).get(str(tiny["qwen"]), "summarize")
    assert ct2.hf.model is None
    assert ct2.eos_ids == hf.eos_ids  # the end tokens still come from the model's generation config
