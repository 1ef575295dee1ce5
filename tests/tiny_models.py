"""Tiny random-weight models built on the fly, saved like real ones, for the model tests.

Each builder trains its tokenizer on the seed page (and a little English), makes
a config with a few small layers, and saves both with save_pretrained, so the
tool loads them through exactly the code path real models take.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch

from .conftest import SEED

ENGLISH = ("The city held a meeting on Tuesday to discuss investment, jobs and new industries. "
           "The mayor said that the government will improve the business environment. "
           "Reporters visited factories, schools and hospitals in the development zone. ") * 20


def _corpus(tmp: Path, english: bool = False) -> Path:
    lines = [ln for ln in SEED.read_text(encoding="utf-8").split("\n") if ln.strip()]
    if english:
        lines += ENGLISH.split(". ")
    path = tmp / ("corpus_en.txt" if english else "corpus.txt")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _spm(tmp: Path, name: str, vocab_size: int, english: bool = False, **extra) -> Path:
    import sentencepiece as spm

    prefix = tmp / name
    spm.SentencePieceTrainer.train(input=str(_corpus(tmp, english)), model_prefix=str(prefix),
                                   vocab_size=vocab_size, character_coverage=1.0, model_type="unigram",
                                   minloglevel=2, hard_vocab_limit=False, **extra)
    return prefix.with_suffix(".model")


def build_marian(root: Path, positions: int = 64) -> Path:
    """A Marian (opus-mt-style) zh→en model: SentencePiece source/target vocabularies and vocab.json.

    positions: its input limit; opus-mt has 512, the default keeps chunks (and tests) small.
    """
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out = root / ("tiny-marian" if positions == 64 else f"tiny-marian-{positions}")
    work = root / f"marian-work-{positions}"
    work.mkdir(parents=True, exist_ok=True)
    src = _spm(work, "source", 1000, english=True)
    tgt = _spm(work, "target", 1000, english=True)
    import sentencepiece as spm

    # laid out like opus-mt: </s> 0, <unk> 1, ..., <pad> last (CTranslate2's converter expects that)
    pieces = ["</s>", "<unk>"]
    for model in (src, tgt):
        sp = spm.SentencePieceProcessor(model_file=str(model))
        pieces += [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocab = {}
    for p in pieces + ["<pad>"]:
        if p != "<pad>" or p not in vocab:
            vocab.setdefault(p, len(vocab))
    vocab["<pad>"] = vocab.pop("<pad>")  # keep <pad> last
    vocab = {p: i for i, p in enumerate(vocab)}
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tok = MarianTokenizer(source_spm=str(src), target_spm=str(tgt), vocab=str(work / "vocab.json"))
    torch.manual_seed(0)
    cfg = MarianConfig(vocab_size=len(vocab), d_model=32, encoder_layers=2, decoder_layers=2,
                       encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64,
                       decoder_ffn_dim=64, max_position_embeddings=positions, pad_token_id=vocab["<pad>"],
                       eos_token_id=vocab["</s>"], decoder_start_token_id=vocab["<pad>"],
                       forced_eos_token_id=vocab["</s>"], share_encoder_decoder_embeddings=True)
    model = MarianMTModel(cfg).eval()
    model.generation_config.max_length = positions
    model.generation_config.num_beams = 1
    tok.model_max_length = positions
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


def build_t5(root: Path) -> Path:
    """A T5 (mT5-style) summariser with a SentencePiece vocabulary."""
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    out = root / "tiny-t5"
    work = root / "t5-work"
    work.mkdir(parents=True, exist_ok=True)
    model_file = _spm(work, "spiece", 1000, pad_id=0, eos_id=1, unk_id=2, bos_id=-1)
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(model_file))
    vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    tok = T5Tokenizer(vocab=vocab, extra_ids=0)
    tok.model_max_length = 96
    torch.manual_seed(0)
    cfg = T5Config(vocab_size=len(tok), d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2,
                   num_heads=2, pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id,
                   decoder_start_token_id=tok.pad_token_id, n_positions=96)
    model = T5ForConditionalGeneration(cfg).eval()
    model.generation_config.max_length = 48
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


CHAT_TEMPLATE = ("{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
                 "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")


def build_qwen(root: Path) -> Path:
    """A Qwen2-architecture causal LM with a byte-level BPE tokenizer and a chat template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    out = root / "tiny-qwen"
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=600, special_tokens=specials,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    text = SEED.read_text(encoding="utf-8") + ENGLISH
    bpe.train_from_iterator([text[i:i + 200] for i in range(0, len(text), 200)], trainer)
    tok = PreTrainedTokenizerFast(tokenizer_object=bpe, eos_token="<|im_end|>", pad_token="<|endoftext|>",
                                  chat_template=CHAT_TEMPLATE, model_max_length=1024)
    torch.manual_seed(0)
    cfg = Qwen2Config(vocab_size=len(tok), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                      num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=1024,
                      eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, tie_word_embeddings=True)
    model = Qwen2ForCausalLM(cfg).eval()
    model.generation_config.eos_token_id = tok.eos_token_id
    model.generation_config.pad_token_id = tok.pad_token_id
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


def build_silent_qwen(root: Path, qwen: Path) -> Path:
    """The tiny Qwen2 with its output layer zeroed: every logit ties, so greedy decoding writes token 0,
    <|endoftext|>, a special token, until the length cap (what issue 12 saw a random Qwen2 do)."""
    from transformers import AutoTokenizer, Qwen2ForCausalLM

    out = root / "silent-qwen"
    model = Qwen2ForCausalLM.from_pretrained(qwen).eval()
    with torch.no_grad():
        model.lm_head.weight.zero_()
    model.save_pretrained(out)
    AutoTokenizer.from_pretrained(qwen).save_pretrained(out)
    return out
