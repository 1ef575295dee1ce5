"""The model stages on tiny models built on the fly and loaded like real ones (issue 3)."""

from __future__ import annotations

import json
import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.jobs import run_jobs
from newsbrief.models.base import Generator, Job, Output
from newsbrief.models.loader import Models
from newsbrief.options import LongSummary, StageOptions
from newsbrief.pipeline import Pipeline
from newsbrief.stages.translate import Translate
from newsbrief.records import Article, to_dict
from newsbrief.segment import segment_text
from newsbrief.text.sentences import chunk_text

from .conftest import SEED, validate

runner = CliRunner()


@pytest.fixture(scope="session")
def loaded(tiny) -> dict[str, Generator]:
    opts = StageOptions(device="cpu")
    models = Models(opts)
    return {name: models.get(str(path), "summarize" if name == "t5" else "translate") for name, path in tiny.items()}


def seed_articles() -> list[Article]:
    return segment_text(SEED.read_text(encoding="utf-8"), str(SEED))


@pytest.mark.parametrize("name, architecture", [("marian", "seq2seq"), ("t5", "seq2seq"), ("qwen", "causal")])
def test_tiny_models_load_through_the_real_path(loaded, name, architecture):
    gen = loaded[name]
    assert gen.architecture == architecture and gen.runtime == "transformers"
    assert gen.describe()["revision"].startswith("local-")
    out = gen.generate([Job("translate", "市政府常务会议召开。", 8)])
    assert out[0].input_tokens > 0 and out[0].output_tokens <= 8


@pytest.mark.parametrize("name, task", [("marian", "translate"), ("t5", "summarize"), ("qwen", "translate"),
                                        ("qwen", "summarize")])
def test_batched_greedy_equals_unbatched(loaded, name, task):
    gen = loaded[name]
    paras = [p for a in seed_articles() if a.kind == "article" for p in a.paragraphs][:12]
    texts = [chunk_text(p, lambda t: gen.count_tokens(task, [t])[0], gen.input_limit(task) // 2)[0] for p in paras]
    batched = run_jobs(gen, [Job(task, t, 12) for t in texts], max_batch_tokens=100_000)
    single = run_jobs(gen, [Job(task, t, 12) for t in texts], max_batch_tokens=1)
    assert [r.output.text for r in batched] == [r.output.text for r in single]


def test_chunks_fit_the_model_and_lose_no_sentence(loaded):
    gen = loaded["marian"]
    limit = 40
    count = lambda t: gen.count_tokens("translate", [t])[0]  # noqa: E731
    for a in seed_articles():
        for p in a.paragraphs:
            chunks = chunk_text(p, count, limit)
            assert "".join(chunks) == p
            assert all(count(c) <= limit for c in chunks)


@pytest.fixture(scope="module")
def translated(tiny) -> list[Article]:
    arts = seed_articles()
    opts = StageOptions(summarizer=str(tiny["t5"]), translator=str(tiny["marian"]), device="cpu",
                        summary_max_new_tokens=12, on_degenerate="flag")
    Pipeline.build(("summarize", "translate"), opts).apply(arts)
    return arts


def test_every_paragraph_gets_its_translation(translated):
    for a in translated:
        if a.kind != "article":
            assert a.paragraphs_en is None
            continue
        assert len(a.paragraphs_en) == len(a.paragraphs)
        assert a.headline_en if a.headline else a.headline_en is None
        assert (a.kicker_en is None) == (a.kicker is None)
        # a random model's abstract runs to the cap: trimmed to its complete sentences, or none and flagged
        assert (a.summary_en is None) == (a.summary_zh is None)
        assert a.summary_zh or a.meta["summary"]["flags"]


def test_long_articles_go_through_map_reduce(translated):
    summary = translated[4].meta["summary"]  # the long feature: far past the tiny T5's 94 tokens
    assert summary["strategy"] == "map-reduce" and summary["chunks"] > 1 and summary["rounds"] >= 2


def test_records_carry_provenance_and_match_the_schema(translated):
    for a in translated:
        d = to_dict(a)
        validate(d)
        if a.kind == "article":
            m = d["meta"]
            assert m["tool"]["version"]
            assert m["translator"]["architecture"] == "seq2seq" and m["translator"]["runtime"] == "transformers"
            assert m["translator"]["device"] == "cpu"
            assert m["translator"]["dtype"] == "float32" and m["translator"]["revision"]
            assert m["summarizer"]["settings"] == {"do_sample": False, "num_beams": 1}
            assert m["translation"]["chunks"] >= len(a.paragraphs)
            assert d["text_en"] == "\n".join(d["paragraphs_en"])


def test_lead_truncate_is_recorded(tiny):
    arts = [a for a in seed_articles() if a.kind == "article"][4:5]
    opts = StageOptions(summarizer=str(tiny["t5"]), device="cpu", summary_max_new_tokens=8,
                        long_summary="lead-truncate", on_degenerate="flag")
    Pipeline.build(("summarize",), opts).apply(arts)
    assert arts[0].meta["summary"]["strategy"] == "lead-truncate"


@pytest.mark.parametrize("flag", [str(x) for x in LongSummary])
def test_regression_summary_strategy_is_named_as_its_long_summary_flag(flag):
    """Session-23 review, finding 16: `--long-summary lead-truncate` was recorded as strategy "lead-truncation"."""
    from .conftest import SCHEMA

    assert flag in SCHEMA["properties"]["meta"]["properties"]["summary"]["properties"]["strategy"]["enum"]


def test_records_that_say_lead_truncation_still_read():
    """Outputs written before that rename keep working as inputs (`translate old.jsonl`)."""
    import io

    from newsbrief.io.jsonl import read_records

    rec = {"id": "a", "kind": "article", "source": {"path": "p.txt"}, "paragraphs": ["x"],
           "meta": {"summary": {"strategy": "lead-truncation", "chunks": 1, "seconds": 0.1}}}
    [a] = read_records(io.StringIO(json.dumps(rec) + "\n"))
    assert a.meta["summary"]["strategy"] == "lead-truncation"


def test_lead_summary_needs_no_model():
    arts = seed_articles()
    opts = StageOptions(summarizer="lead", translator="none")
    Pipeline.build(("summarize",), opts).apply(arts)
    assert arts[1].summary_zh.startswith("2月27日上午，市委副书记、市长张百顺到市信访局公开接待群众来访。")
    assert arts[1].meta["summary"]["strategy"] == "lead"


@pytest.mark.parametrize("summary_tokens, positions, limit", [
    (160, 2048, 2048 - 160),
    (512, 2048, 2048 - 512),
    (64, 2048, 2048 - 64),
    (400, 32768, 4096),  # CAUSAL_MAX_INPUT_TOKENS is the most either way
])
def test_regression_causal_summary_input_limit_follows_summary_tokens(summary_tokens, positions, limit):
    """Session-23 review, finding 13: the causal input limit left room for config's 160 tokens, not --summary-tokens."""
    from newsbrief.models.hf import CausalGenerator
    from newsbrief.stages.summarize import ModelSummarizer

    class Positions(CausalGenerator):
        def __init__(self):  # no model: only the limits are asked for
            pass

        def max_positions(self):
            return positions

        def count_tokens(self, task, texts):
            return [10 + len(t) for t in texts]

    summarizer = ModelSummarizer(Positions(), StageOptions(summary_max_new_tokens=summary_tokens))
    assert summarizer.limit == limit


class ScriptedGenerator(Generator):
    """A fake model (a real Generator subclass) whose behaviour a test scripts."""

    architecture, runtime = "seq2seq", "scripted"

    def __init__(self, fail_on: str = "", max_batch: int = 10**6, loop_until_retry: bool = False) -> None:
        self.fail_on, self.max_batch, self.loop_until_retry = fail_on, max_batch, loop_until_retry
        self.calls: list[int] = []

    def input_limit(self, task: str) -> int:
        return 64

    def count_tokens(self, task: str, texts: list[str]) -> list[int]:
        return [len(t) for t in texts]

    def generate(self, jobs: list[Job]) -> list[Output]:
        self.calls.append(len(jobs))
        if len(jobs) > self.max_batch:
            raise MemoryError("CUDA out of memory (simulated)")
        if any(self.fail_on and self.fail_on in j.text for j in jobs):
            raise RuntimeError("the model broke on this input")
        outs = []
        for j in jobs:
            text = "loop " * 30 if self.loop_until_retry and not j.settings.no_repeat_ngram_size else f"EN[{j.text}]"
            outs.append(Output(text, len(j.text), 5, False))
        return outs

    def describe(self):
        return {"id": "scripted", "revision": "test", "architecture": self.architecture, "runtime": self.runtime,
                "device": "cpu", "dtype": "float32"}


def test_out_of_memory_halves_the_batch_and_goes_on():
    gen = ScriptedGenerator(max_batch=2)
    results = run_jobs(gen, [Job("translate", f"句子{i}。", 10) for i in range(8)], max_batch_tokens=10_000)
    assert [r.output.text for r in results] == [f"EN[句子{i}。]" for i in range(8)]
    assert max(n for n in gen.calls if n <= 2) == 2


def test_a_failing_article_becomes_an_error_record_and_the_rest_go_on():
    arts = [a for a in seed_articles() if a.kind == "article"]
    gen = ScriptedGenerator(fail_on="曾晓黎")
    Translate(gen, StageOptions())(arts)
    bad = [a for a in arts if a.status == "error"]
    assert {a.id for a in bad} == {a.id for a in arts if "曾晓黎" in a.text or "曾晓黎" in (a.headline or "")}
    assert all("the model broke on this input" in e for a in bad for e in a.errors)
    good = [a for a in arts if a.status == "ok"]
    assert good and all(p.startswith("EN[") for a in good for p in a.paragraphs_en)


def test_a_repetition_loop_is_retried_once_and_recorded():
    gen = ScriptedGenerator(loop_until_retry=True)
    [r] = run_jobs(gen, [Job("translate", "会议强调。", 10)], max_batch_tokens=100)
    assert r.retried and not r.flags and r.output.text == "EN[会议强调。]"


def test_a_loop_the_retry_does_not_fix_is_an_error_unless_flag():
    class Stuck(ScriptedGenerator):
        def generate(self, jobs):
            return [Output("党" * 40, 5, 40, False) for _ in jobs]

    for mode, status in (("error", "error"), ("flag", "ok")):
        arts = [a for a in seed_articles() if a.kind == "article"][:1]
        Translate(Stuck(), StageOptions(on_degenerate=mode))(arts)
        assert arts[0].status == status
        assert arts[0].meta["translation"]["flags"]


# --- the CLI ---------------------------------------------------------------------------------------


def _records(out: str) -> list[dict]:
    return [json.loads(x) for x in out.split("\n") if x.strip()]


def test_run_end_to_end_on_tiny_models(tiny, tmp_path):
    out = tmp_path / "run.jsonl"
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", str(tiny["qwen"]), "--translator", str(tiny["marian"]),
                              "--device", "cpu", "--summary-tokens", "8", "--on-degenerate", "flag", "-o", str(out)])
    assert res.exit_code == 0, res.output
    recs = _records(out.read_text(encoding="utf-8"))
    arts = [r for r in recs if r["kind"] == "article"]
    assert len(arts) == 7
    for r in recs:
        validate(r)
    assert all(len(r["paragraphs_en"]) == len(r["paragraphs"]) for r in arts)
    assert arts[0]["meta"]["summarizer"]["architecture"] == "causal"
    assert "device: cpu" in res.stderr


def test_run_with_no_models_at_all():
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", "lead", "--translator", "none"])
    assert res.exit_code == 0, res.output
    arts = [r for r in _records(res.stdout) if r["kind"] == "article"]
    assert all(r["summary_zh"] for r in arts) and all(r["paragraphs_en"] is None for r in arts)


def test_segment_then_translate_through_a_pipe(tiny):
    seg = runner.invoke(app, ["segment", str(SEED)])
    res = runner.invoke(app, ["translate", "-", "--translator", str(tiny["marian"]), "--device", "cpu",
                              "--on-degenerate", "flag"], input=seg.stdout)
    assert res.exit_code == 0, res.output
    arts = [r for r in _records(res.stdout) if r["kind"] == "article"]
    assert len(arts) == 7 and all(r["headline_en"] for r in arts if r["headline"])


def test_missing_model_offline_names_it_and_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_MODELS", str(tmp_path))
    res = runner.invoke(app, ["translate", str(SEED), "--translator", "opus-mt-zh-en", "--offline", "--device", "cpu"])
    assert res.exit_code == 2
    assert "Helsinki-NLP/opus-mt-zh-en" in res.stderr and "newsbrief models pull" in res.stderr
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("existed", [False, True], ids=["new-folder", "existing-folder"])
@pytest.mark.parametrize("output", ["out/day/", "out/day/all.jsonl"])
def test_regression_a_model_that_cannot_load_leaves_no_output_folder_behind(tmp_path, monkeypatch, output, existed):
    """Session-23 review: a mistyped model left `-o DIR/` holding only `.newsbrief/lock`."""
    monkeypatch.setenv("NEWSBRIEF_MODELS", str(tmp_path / "models"))
    monkeypatch.chdir(tmp_path)
    if existed:
        (tmp_path / "out" / "day").mkdir(parents=True)
    res = runner.invoke(app, ["translate", str(SEED), "--translator", "opus-mt-zh-en", "--offline", "--device", "cpu",
                              "-o", output])
    assert res.exit_code == 2 and "newsbrief models pull" in res.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == (["day", "out"] if existed else [])


@pytest.mark.parametrize("typed, pull", [
    ("opus-mt-zh-en", "`newsbrief models pull opus-mt-zh-en`"),
    ("Helsinki-NLP/opus-mt-zh-en", "`newsbrief models pull opus-mt-zh-en`"),  # its preset pins the revision
    ("Qwen/Qwen2.5-0.5B-Instruct", "`newsbrief models pull qwen2.5-0.5b`"),
    ("someorg/some-model", "`newsbrief models pull someorg/some-model`"),  # no preset: the id
])
@pytest.mark.parametrize("broken_folder", [False, True], ids=["missing", "broken-folder"])
def test_regression_missing_model_message_names_the_preset_that_pins_its_revision(tmp_path, monkeypatch, typed, pull,
                                                                                broken_folder):
    """Session-23 review, finding 11: the message said `models pull Helsinki-NLP/opus-mt-zh-en`, which skips the pin."""
    monkeypatch.setenv("NEWSBRIEF_MODELS", str(tmp_path))
    if broken_folder:
        folder = tmp_path / typed.replace("/", "__") if "/" in typed else tmp_path / "Helsinki-NLP__opus-mt-zh-en"
        folder.mkdir()
        (folder / "config.json").write_text("{garbage", encoding="utf-8")
    res = runner.invoke(app, ["translate", str(SEED), "--translator", typed, "--offline", "--device", "cpu"])
    assert res.exit_code == 2
    assert pull in res.stderr and "Traceback" not in res.stderr


def test_cuda_asked_for_where_there_is_none_is_an_error(tiny):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", "lead", "--translator", str(tiny["marian"]),
                              "--device", "cuda"])
    assert res.exit_code == 2 and "no CUDA device is available" in res.stderr


@pytest.mark.parametrize("args, message", [
    (["--translator", "lead"], "'lead' is a summariser"),
    (["--translator", "nonsense"], "unknown model 'nonsense'"),
    (["--translator", "mt5-xlsum"], "does not translate"),
])
def test_bad_model_names(args, message):
    res = runner.invoke(app, ["translate", str(SEED), *args, "--device", "cpu"])
    assert res.exit_code == 2 and message in res.stderr


def test_models_list_shows_presets_and_licences():
    res = runner.invoke(app, ["models", "list"])
    assert res.exit_code == 0
    assert "opus-mt-zh-en" in res.stdout and "CC-BY-4.0" in res.stdout and "NON-COMMERCIAL" in res.stdout


def test_models_pull_without_a_hub_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSBRIEF_MODELS", str(tmp_path))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # no test touches the network: fail as an unreachable hub does
    res = runner.invoke(app, ["models", "pull", "opus-mt-zh-en"])
    assert res.exit_code == 2
    assert "could not download 'Helsinki-NLP/opus-mt-zh-en'" in res.stderr
    assert not any(tmp_path.iterdir())  # nothing half-downloaded left behind
