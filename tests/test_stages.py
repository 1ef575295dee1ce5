"""The stage design of issue 12: chunks by architecture, degenerate abstracts, one signature, options, stderr."""

from __future__ import annotations

import errno
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.models.base import Generator, Job, Output
from newsbrief.options import StageOptions
from newsbrief.pipeline import Pipeline
from newsbrief.segment import segment_text
from newsbrief.stages import Stage
from newsbrief.stages.summarize import ModelSummarizer, Summarize
from newsbrief.text.sentences import complete_sentences

from .conftest import SEED, validate

runner = CliRunner()


def seed_articles():
    return [a for a in segment_text(SEED.read_text(encoding="utf-8"), str(SEED)) if a.kind == "article"]


# --- a cut abstract keeps its complete sentences --------------------------------------------------

@pytest.mark.parametrize("text, kept", [
    ("市政府召开常务会议。会议强调，要坚持", "市政府召开常务会议。"),
    ("他说：“要抓好落实。”随后", "他说：“要抓好落实。”"),
    ("增长7.5%。全年完成139.5亿元", "增长7.5%。"),
    ("会议要求！各部门要", "会议要求！"),
    ("没有一句话结束", ""),
    ("", ""),
    ("两句都完整。第二句也完整。", "两句都完整。第二句也完整。"),
])
def test_complete_sentences(text, kept):
    assert complete_sentences(text) == kept


@pytest.mark.parametrize("text, tokens, hit_cap, found", [
    ("市政府召开常务会议。", 8, False, []),
    ("", 160, True, ["empty output (160 tokens, none of them text)", "stopped at the length cap (160 tokens)"]),
    (" \n", 3, False, ["empty output (3 tokens, none of them text)"]),
    ("会议强调，要坚持", 12, True, ["stopped at the length cap (12 tokens)"]),
    ("党的建设" * 10, 40, False, ["repetition loop (repeated 4-gram share 0.89)"]),
])
def test_problems(text, tokens, hit_cap, found):
    from newsbrief.jobs import problems

    assert problems(Output(text, 10, tokens, hit_cap)) == found


# --- degenerate abstracts (issue 12: '' after 160 tokens passed as ok) --------------------------------

@pytest.fixture(scope="module")
def silent_qwen(tiny, tmp_path_factory):
    from .tiny_models import build_silent_qwen

    return build_silent_qwen(tmp_path_factory.mktemp("silent"), tiny["qwen"])


@pytest.mark.parametrize("mode", ["error", "flag"])
def test_regression_special_tokens_only_abstract_is_not_ok_and_silent(silent_qwen, mode):
    arts = seed_articles()[:3]
    opts = StageOptions(summarizer=str(silent_qwen), device="cpu", summary_max_new_tokens=12, on_degenerate=mode)
    Pipeline.build(("summarize",), opts).apply(arts)
    for a in arts:
        s = a.meta["summary"]
        assert a.summary_zh is None
        # the first pass writes <|endoftext|> to the cap; the retry's no-repeat rule ends it sooner, still empty
        assert s["retried"] and s["output_tokens"] > 0
        assert s["flags"] and all(f.startswith("empty output (") for f in s["flags"])
        if mode == "error":
            assert a.status == "error" and any("summary: empty output" in e for e in a.errors)
        else:
            assert a.status == "ok"


class CutGenerator(Generator):
    """A fake summariser (a real Generator subclass) whose every abstract runs to its cap mid-sentence."""

    architecture, runtime = "causal", "scripted"
    TEXT = "市政府召开常务会议，研究部署当前重点工作。会议强调，要坚持"

    def input_limit(self, task, output_tokens=None):
        return 4096

    def count_tokens(self, task, texts):
        return [len(t) + 10 for t in texts]

    def generate(self, jobs):
        return [Output(self.TEXT, len(j.text), j.max_new_tokens, hit_cap=True) for j in jobs]

    def describe(self):
        return {"id": "cut", "revision": "test", "architecture": self.architecture, "runtime": self.runtime}


@pytest.mark.parametrize("mode, status", [("error", "error"), ("flag", "ok")])
def test_an_abstract_cut_at_the_cap_is_retried_trimmed_and_recorded(mode, status):
    arts = seed_articles()[:2]
    opts = StageOptions(on_degenerate=mode)
    Summarize(ModelSummarizer(CutGenerator(), opts), mode)(arts)
    for a in arts:
        s = a.meta["summary"]
        assert a.summary_zh == "市政府召开常务会议，研究部署当前重点工作。"
        assert s["retried"] and s["trimmed_chars"] == len("会议强调，要坚持")
        assert s["flags"] == ["stopped at the length cap (160 tokens)"]
        assert a.status == status


# --- a stage run again replaces its own errors and what depended on its output (session-23 review, finding 6) ------

@pytest.mark.parametrize("errors, kept", [
    (["summary: repetition loop after retry"], []),
    (["summary: RuntimeError: out of memory", "translation of summary: RuntimeError: x"], []),
    (["translation: summary: repetition loop after retry"], []),
    (["translation of p0: RuntimeError: x", "summary: empty output after retry"],
     ["translation of p0: RuntimeError: x"]),  # another field's error stays
])
def test_rerun_clears_stale_summary_error(errors, kept):
    from newsbrief.stages.summarize import LeadSummarizer

    a = seed_articles()[0]
    a.summary_zh, a.summary_en, a.status, a.errors = "旧摘要", "old abstract", "error", list(errors)
    a.meta["translation"] = {"flags": ["summary: repetition loop", "p0: repetition loop"]}
    Summarize(LeadSummarizer(), "error")([a])
    assert a.summary_zh and a.summary_zh != "旧摘要"
    assert a.summary_en is None  # translated the old abstract
    assert a.meta["translation"]["flags"] == ["p0: repetition loop"]
    assert a.errors == kept and a.status == ("error" if kept else "ok")


@pytest.mark.parametrize("errors, kept", [
    (["translation of p0: RuntimeError: x"], []),
    (["translation: headline: repetition loop after retry"], []),
    (["summary: empty output after retry", "translation of p1: RuntimeError: x"],
     ["summary: empty output after retry"]),
])
def test_rerun_clears_stale_translation_error(errors, kept):
    from newsbrief.stages.translate import Translate

    from .fake_models import EchoTranslator

    a = seed_articles()[0]
    a.status, a.errors = "error", list(errors)
    Translate(EchoTranslator(), StageOptions(on_degenerate="error"))([a])
    assert a.headline_en == f"[en] {a.headline}"
    assert a.errors == kept and a.status == ("error" if kept else "ok")


def test_rerun_through_summarize_cli_clears_stale_summary_error(tmp_path):
    a = seed_articles()[0]
    a.summary_en, a.status, a.errors = "old abstract", "error", ["summary: repetition loop after retry"]
    from newsbrief.records import to_dict

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(to_dict(a), ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["summarize", str(src), "--summarizer", "lead", "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rec = json.loads(out.read_text(encoding="utf-8"))
    validate(rec)
    assert rec["status"] == "ok" and rec["errors"] == [] and rec["summary_zh"] and rec["summary_en"] is None


# --- chunks depend on the architecture, never on the runtime ------------------------------------------

def test_regression_ctranslate2_opus_mt_gets_sentence_level_chunks(tmp_path, monkeypatch):
    """Issue 12: under CTranslate2 an opus-mt-sized model got ~510-token chunks instead of 160."""
    pytest.importorskip("ctranslate2")
    from newsbrief.models.loader import Models
    from newsbrief.stages.translate import chunker

    from .tiny_models import build_marian

    monkeypatch.setenv("NEWSBRIEF_CT2_CACHE", str(tmp_path / "ct2"))
    marian = build_marian(tmp_path, positions=512)  # opus-mt's input limit
    cutters = {b: chunker(Models(StageOptions(device="cpu", backend=b)).get(str(marian), "translate"))
               for b in ("transformers", "ctranslate2")}
    assert {b: c.limit for b, c in cutters.items()} == {"transformers": 160, "ctranslate2": 160}
    paragraphs = [p for a in seed_articles() for p in a.paragraphs]
    chunks = {b: [c.chunks(p) for p in paragraphs] for b, c in cutters.items()}
    assert chunks["transformers"] == chunks["ctranslate2"]
    assert sum(len(c) > 1 for c in chunks["transformers"]) >= 3  # long paragraphs were cut


# --- one signature for the key, the records and run.json ----------------------------------------------

def test_one_signature_keys_resume_and_fills_meta_and_run_json(tiny, tmp_path):
    out = tmp_path / "out"
    args = ["run", str(SEED), "--summarizer", "lead", "--translator", str(tiny["marian"]), "--device", "cpu",
            "--on-degenerate", "flag", "-q", "-o", f"{out}/"]
    assert runner.invoke(app, args).exit_code == 0
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    sig = run["signature"]
    assert sig["stages"] == ["segment", "summarize", "translate"]
    assert sig["summarizer"]["id"] == "lead" and sig["translator"]["runtime"] == "transformers"
    rec = json.loads((out / f"{SEED.stem}.jsonl").read_text(encoding="utf-8").split("\n")[0])
    validate(rec)
    assert rec["meta"]["summarizer"] == sig["summarizer"] and rec["meta"]["translator"] == sig["translator"]
    opts = StageOptions(summarizer="lead", translator=str(tiny["marian"]), device="cpu", on_degenerate="flag")
    key = Pipeline.build(("summarize", "translate"), opts).signature.key()
    marker = json.loads((out / ".newsbrief" / f"{SEED.stem}.jsonl.done").read_text(encoding="utf-8"))
    import hashlib

    assert marker["key"] == hashlib.sha256((hashlib.sha256(SEED.read_bytes()).hexdigest() + key).encode()).hexdigest()


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of newsbrief's source that the code hashes read instead of the real one."""
    import shutil

    from newsbrief import signature

    copy = tmp_path / "newsbrief"
    shutil.copytree(signature.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(signature, "PACKAGE", copy)
    signature.code_hash.cache_clear()
    yield copy
    signature.code_hash.cache_clear()


@pytest.mark.parametrize("path, old, new", [
    ("config.py", "COLUMN_NEIGHBOURS = 4", "COLUMN_NEIGHBOURS = 5"),  # a segmentation threshold
    ("pdf/layout.py", '"""', '"""A changed docstring. '),  # the PDF layout that feeds the records
    ("segment/units.py", '"""', '"""A changed docstring. '),
    ("stitch.py", '"""', '"""A changed docstring. '),  # how jumps are joined
    ("models/hf.py", "你是一名严谨的新闻编辑。", "你是一名新闻编辑。"),  # a prompt
    ("text/quality.py", '"""', '"""A changed docstring. '),
])
def test_regression_code_change_without_version_bump_changes_resume_key(package_copy, path, old, new):
    from newsbrief import signature
    from newsbrief.stages.segment import Segment

    def key() -> str:
        signature.code_hash.cache_clear()
        return signature.RunSignature.of([Segment()]).key()

    before = key()
    assert key() == before  # deterministic
    f = package_copy / path
    assert old in f.read_text(encoding="utf-8")
    f.write_text(f.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert key() != before


def test_one_input_is_one_function_call():
    from newsbrief.io.sources import read_input

    src = Pipeline.build(("summarize",), StageOptions()).process(read_input(str(SEED)))
    arts = [a for a in src.articles if a.kind == "article"]
    assert src.error is None and len(arts) == 7
    assert all(a.summary_zh and a.meta["summarizer"]["id"] == "lead" and a.meta["tool"]["version"] for a in arts)


def test_summarizer_none_skips_the_stage():
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", "none", "--translator", "none"])
    assert res.exit_code == 0
    recs = [json.loads(x) for x in res.stdout.split("\n") if x]
    assert all(r["summary_zh"] is None and "summary" not in r["meta"] for r in recs)
    assert all("summarizer" not in r["meta"] and r["meta"]["tool"]["version"] for r in recs)


# --- the CLI: options checked before any work, help printed as written ---------------------------------

@pytest.mark.parametrize("args, message", [
    (["--device", "tpu"], "--device tpu: expected auto, cpu, cuda, cuda:N or mps"),
    (["--dtype", "float8"], "'float8' is not one of 'auto', 'float32', 'float16', 'bfloat16'"),
    (["--device", "cuda:9"], "--device cuda:9: "),
    (["--compute-type", "int3"], "'int3' is not one of"),
    (["--on-degenerate", "ignore"], "'ignore' is not one of 'error', 'flag'"),
])
def test_bad_options_exit_2_even_when_no_model_loads(args, message):
    res = runner.invoke(app, ["run", str(SEED), "--summarizer", "lead", "--translator", "none", *args])
    assert res.exit_code == 2, res.output
    assert message in res.stderr
    assert res.stdout == ""  # no work was done


def test_help_lists_choices_and_keeps_square_brackets():
    res = runner.invoke(app, ["run", "--help"], terminal_width=200)
    assert res.exit_code == 0
    text = " ".join(res.stdout.split())
    assert "pip install 'newsbrief[ct2]'" in text
    assert "[default: the preset's]" in text
    assert "<transformers|ctranslate2>" in text and "<error|flag>" in text and "<cpu|gpu|offline-baseline>" in text


# --- stderr: only what a user can act on ---------------------------------------------------------------

def test_quiet_run_with_local_models_prints_nothing_on_stderr(tiny, tmp_path):
    args = [sys.executable, "-m", "newsbrief", "run", str(SEED), "--summarizer", str(tiny["qwen"]),
            "--translator", str(tiny["marian"]), "--device", "cpu", "--summary-tokens", "8",
            "--on-degenerate", "flag", "-o", str(tmp_path / "out.jsonl")]
    quiet = subprocess.run([*args, "--quiet"], capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0 and quiet.stderr == ""
    normal = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert normal.returncode == 0
    assert normal.stderr == "newsbrief: device: cpu\n"  # no loading bars, no library warnings


# --- one article's failure stays in that article (rule 4) ------------------------------------------

class StrictEcho(Generator):
    """Echoes like fake_models.EchoTranslator, but counts tokens on UTF-8 bytes, as real tokenizers do."""

    architecture, runtime = "seq2seq", "fake"

    def input_limit(self, task: str) -> int:
        return 512

    def count_tokens(self, task: str, texts: list[str]) -> list[int]:
        return [len(t.encode("utf-8")) + 1 for t in texts]  # UnicodeEncodeError on a lone surrogate

    def generate(self, jobs: list[Job]) -> list[Output]:
        return [Output(f"[en] {j.text}", j.input_tokens, 1, hit_cap=False) for j in jobs]

    def describe(self) -> dict:
        return {"id": "test/strict-echo", "revision": "1", "architecture": "seq2seq", "runtime": "fake",
                "device": "cpu", "dtype": None}


def test_regression_lone_surrogate_in_a_record_no_longer_kills_translate():
    from newsbrief.stages.translate import Translate

    good, odd = seed_articles()[:2]
    odd.paragraphs = [odd.paragraphs[0] + "\udcff"]  # what io.jsonl reads back from a \udcff escape
    Pipeline([Translate(StrictEcho(), StageOptions())]).apply([good, odd])
    assert good.status == odd.status == "ok"
    assert odd.paragraphs_en[0].endswith("\ufffd")


class Fussy(Stage):
    """A stage that raises on any batch holding the article whose headline is `bad`."""

    name, meta_key, error_prefix = "summarize", "summarizer", "summary: "

    def __init__(self, bad: str) -> None:
        self.bad = bad

    def signature(self) -> dict:
        return {"id": "test/fussy"}

    def __call__(self, articles, progress=None):
        if any(a.headline == self.bad for a in articles):
            raise RuntimeError("cannot take this one")
        for a in articles:
            a.summary_zh = "done"


def test_a_stage_raising_on_one_article_fails_that_article_only():
    arts = seed_articles()
    Pipeline([Fussy(arts[1].headline)]).apply(arts)
    assert [a.status for a in arts] == ["ok", "error"] + ["ok"] * (len(arts) - 2)
    assert arts[1].errors == ["summary: internal error (RuntimeError: cannot take this one); please report it "
                              "with this article"]
    assert all(a.summary_zh == "done" for i, a in enumerate(arts) if i != 1)
    assert all(a.meta["tool"]["version"] for a in arts)


class DiskFull(Fussy):
    """A stage whose scratch files no longer fit on the disk, the error raised as it is or wrapped by a library."""

    def __call__(self, articles, progress=None):
        full = OSError(errno.ENOSPC, "No space left on device")
        if self.bad != "wrapped":
            raise full
        try:
            raise full
        except OSError as e:
            raise RuntimeError("could not save the converted model") from e


@pytest.mark.parametrize("how", ["bare", "wrapped"])
def test_regression_a_full_disk_inside_a_stage_stops_the_run_instead_of_failing_every_article(how):
    from newsbrief.errors import EXIT_WRITE_FAILED, OutputError, exit_code

    arts = seed_articles()
    with pytest.raises(OutputError, match="summary: cannot write: No space left on device \\(free some space") as e:
        Pipeline([DiskFull(how)]).apply(arts)
    assert exit_code(e.value) == EXIT_WRITE_FAILED
    assert all(a.status == "ok" and not a.errors for a in arts)


def test_a_rerun_clears_the_internal_error_a_stage_raised_before():
    from newsbrief.stages.summarize import LeadSummarizer

    arts = seed_articles()
    Pipeline([Fussy(arts[1].headline)]).apply(arts)
    assert arts[1].status == "error"
    Pipeline([Summarize(LeadSummarizer(), "error")]).apply(arts)
    assert arts[1].status == "ok" and arts[1].errors == [] and arts[1].summary_zh
