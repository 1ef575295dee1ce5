"""Every heuristic threshold of newsbrief: name, unit, reason, in one place.

Widths are in *columns*: a CJK character or full-width punctuation mark is one
column, an ASCII character half a column, because that is how a newspaper
column is typeset and how wrapped lines line up.
"""

from __future__ import annotations

# --- segmentation: line geometry -------------------------------------------

#: wrapped lines looked at on each side of a line to estimate its column
#: width. A page mixes columns of 10 to 36 columns (seed page: 16-18 for news,
#: 22-23 and 31-35 for the feature, whose paragraphs are two or three lines);
#: four either side sees one column yet outvotes a three-line title block.
COLUMN_NEIGHBOURS = 4

#: lines shorter than this fraction of the page's median line width are left
#: out when estimating a column (dev page b01: a bare author name, 张志锋,
#: under a 10-column headline dragged its column estimate to 6).
COLUMN_MIN_FRACTION = 0.5

#: columns a wrapped body line may fall short of its column and still count as
#: full. Typesetters squeeze punctuation and half-width digits, so full lines of
#: one column differ by 1-2 columns (seed page lines 97-106).
FULL_LINE_SLACK_COLUMNS = 1.5

#: fraction of the column width allowed as slack on wide columns, where the
#: squeezing adds up (seed page lines 313-332, 35-37 columns).
FULL_LINE_SLACK_FRACTION = 0.1

#: columns of the indent that opens a printed paragraph. Extractors drop it,
#: so a paragraph's first line looks two columns short (seed page line 20).
PARAGRAPH_INDENT_COLUMNS = 2.0

#: a line this many times its column's width (plus OVERFULL_MIN_EXTRA_COLUMNS)
#: is set across columns: a headline, not body (dev page a03: 24-column
#: headline over a 10-column body).
OVERFULL_RATIO = 1.3

#: columns a line must exceed its column by before it can count as over-full;
#: keeps narrow columns from flagging ordinary lines.
OVERFULL_MIN_EXTRA_COLUMNS = 3.0

# --- segmentation: title blocks ---------------------------------------------

#: most lines a title block takes: kicker, a headline over two or three lines
#: and a subtitle over two. More than this is body text without punctuation.
TITLE_MAX_LINES = 6

#: most lines of a short run (ending without sentence punctuation) that can
#: still be a title or an in-body subhead (dev page a04: a three-line subhead).
SHORT_UNIT_MAX_LINES = 4

#: a second title line this many times longer than the first is a subtitle,
#: not the second half of a wrapped headline (seed page line 402-403).
SUBTITLE_LENGTH_RATIO = 1.8

#: longest bare name line (columns) taken as an author byline under a title
#: (dev page b01: 张志锋 under its headline).
BARE_NAME_MAX_COLUMNS = 4

# --- bylines ------------------------------------------------------------------

#: longest reporter list line (columns) when the line has no role word
#: (■ 姚雪青 钱 艳 宋 岩); longer lines are body text after a bullet.
NAME_LIST_MAX_COLUMNS = 16

#: most wire-title lines (新华社…电 题：…) read before the reporter line must
#: appear (dev page a07: five lines at a 9-column measure); past this the
#: title is taken to end at its first line.
WIRE_TITLE_MAX_LINES = 8

#: section names that stand alone on a line of the page header (dev page a08
#: prints its header one field a line: paper, date, 第8版, 要闻, 责任编辑).
SECTION_NAMES = frozenset("要闻 综合 评论 国际 国内 时评 经济 社会 文化 体育 财经 副刊 专版 地方 理论 民生 "
                          "视点 观察 时事 新闻 本地 城事 法治 科技 教育 健康 旅游 广告".split())

# --- sentences and chunks (issue 3) ---------------------------------------------

#: characters an open quote or 《 may run before sentence ends inside it count
#: again; extracted text often loses a closing quote.
QUOTE_MAX_CHARS = 300

#: source tokens per translation chunk for sentence-level MT models (Marian,
#: M2M100, NLLB). They were trained on sentences and drop sentences from long
#: inputs (transformers#3638, fairseq#2241), so a chunk holds a few sentences.
SEQ2SEQ_TRANSLATION_CHUNK_TOKENS = 160

#: source tokens per translation chunk for instruction LMs: a paragraph at a time.
CAUSAL_TRANSLATION_CHUNK_TOKENS = 1024

#: most input tokens given to an instruction LM in one prompt, whatever its
#: context: memory grows with it and 3,000-character articles fit well within.
CAUSAL_MAX_INPUT_TOKENS = 4096

#: fewest tokens of text a chunk must be able to hold besides the prompt; less
#: and an article would be cut into meaningless shreds.
MIN_CHUNK_TOKENS = 16

#: output tokens allowed per input token when translating zh→en: English takes
#: about 1.5x the tokens of the Chinese; the headroom catches the rest.
TRANSLATION_OUTPUT_RATIO = 3.0

#: output tokens allowed for short inputs (a headline of four tokens still
#: needs room for its translation).
TRANSLATION_MIN_NEW_TOKENS = 24

#: output tokens of an abstract: 100-150 Chinese characters, a news 摘要's length.
SUMMARY_MAX_NEW_TOKENS = 160

#: map-reduce rounds before the joined partial summaries are cut to fit: a
#: 3,000-character article needs two with a 512-token summariser.
SUMMARY_MAX_ROUNDS = 3

#: leading sentences the extractive summariser keeps, up to SUMMARY_LEAD_CHARS.
SUMMARY_LEAD_SENTENCES = 2
SUMMARY_LEAD_CHARS = 150

# --- degenerate output -------------------------------------------------------------

#: n of the n-grams counted for repetition (characters for Chinese, words for English).
REPEAT_NGRAM = 4

#: share of repeated n-grams above which an output is a repetition loop; fluent
#: news prose stays far below 0.3.
REPEAT_MAX_RATIO = 0.5

#: outputs shorter than this many n-grams are never called loops.
REPEAT_MIN_NGRAMS = 8

#: generation settings of the one retry after a loop or a length-capped output.
RETRY_NO_REPEAT_NGRAM_SIZE = 4
RETRY_REPETITION_PENALTY = 1.2

# --- batching -------------------------------------------------------------------------

#: default budget of a generation batch, in padded input tokens (batch size x
#: longest input). 2,048 keeps a 2-core laptop responsive; raise it on a GPU.
MAX_BATCH_TOKENS = 2048

#: CTranslate2 translators run side by side on a CPU, each on its share of the
#: cores: two single-threaded ones beat one two-threaded one by 17% on the
#: 2-core machine (bench/bench_translate.py), small matrices scaling badly.
CT2_CPU_WORKERS = 2

#: most difference in prompt length (tokens) between the prompts of one
#: CTranslate2 causal batch. ctranslate2.Generator reads a batch's prompts at
#: once only up to the shortest; the rest it steps through one token per
#: decoding step, each as dear as a generated token, so a spread of 32 costs at
#: most a fifth of a 160-token abstract. Wider batches are split (issue 12).
CT2_PROMPT_SPREAD_TOKENS = 32

# --- input ----------------------------------------------------------------------

#: largest page file read, in bytes. A newspaper page is 5-50 KB of text; a
#: file far larger is almost certainly not a page (a log, a database dump).
MAX_PAGE_BYTES = 20 * 1024 * 1024

#: fraction of control characters (other than tab/newline/CR) above which a
#: decoded file is called binary rather than text.
BINARY_CONTROL_FRACTION = 0.01

#: seconds between checks for a signal while waiting on a FIFO, a pipe or stdin:
#: how late SIGTERM may stop such a read at worst (issue 10, finding 5).
SIGNAL_POLL_SECONDS = 0.5
