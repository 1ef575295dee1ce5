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

# --- input ----------------------------------------------------------------------

#: largest page file read, in bytes. A newspaper page is 5-50 KB of text; a
#: file far larger is almost certainly not a page (a log, a database dump).
MAX_PAGE_BYTES = 20 * 1024 * 1024

#: fraction of control characters (other than tab/newline/CR) above which a
#: decoded file is called binary rather than text.
BINARY_CONTROL_FRACTION = 0.01
