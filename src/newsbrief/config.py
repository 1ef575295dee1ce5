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

#: most lines a dateline is read over: three, or more while the bracket of reporters it opened
#: is still open (real page gsfzb, an 8-column measure: `本报讯（新` … `晓苏）8月5日` over five)
DATELINE_MAX_LINES = 6
#: most lines a dateline is read over when no bracket of reporters is open (DATELINE_MAX_LINES).
#: Unit: lines. Reason: the bound the rule was written with (not retuned since); past three lines
#: only a bracket of reporters still open has been seen to wrap (real page gsfzb)
DATELINE_PLAIN_MAX_LINES = 3

#: characters at a line's start that hold a dateline's source word (讯 电 报 社 网 闻 …) when the line
#: opens on one (byline.may_open_dateline, match_dateline's first look, asked of every line; byline_pass
#: also looks there for the 月 of a dateline opening mid-column). Unit: characters. Reason: a paper's
#: name runs up to about ten characters before its 报/讯 (`新甘肃·甘肃法治报讯`: 报 the 10th); a line
#: naming a source further on is a sentence about it
DATELINE_HEAD_CHARS = 16

#: characters of a long line that byline_pass._take_dateline searches for a source hint (SOURCE_HINT) before
#: asking may_open_dateline, which reads DATELINE_HEAD_CHARS: a cheaper first look that rules out most lines.
#: Unit: characters. Reason: records are the same with 14 and with 16 on every page here; 14 asks
#: may_open_dateline of fewer lines (a third fewer on the seed page)
DATELINE_SOURCE_LOOK_CHARS = 14

#: most characters of a headline's last line that may stand before a dateline on the line where it
#: starts (`城南水库扩建工程正式` / `开工本报讯（记者 王明）…`), or before a reporter line set beside
#: it on one baseline (byline_pass._split_title_tail_reporters, gen page x9782/p07, pdftotext -raw):
#: a headline wrapped by a word or two, a third of a 12-column measure; more is a line of text
TITLE_TAIL_MAX_CHARS = 4

#: a table's cells come out one to a line (real page lswb: a weather table, 城市 / 沈阳 / 今天 / 晴
#: / 17~4): a run of at least TABLE_MIN_CELLS lines, each at most TABLE_CELL_MAX_COLUMNS wide
#: with no sentence punctuation, is a table, furniture. Title and name stacks are far shorter.
TABLE_MIN_CELLS = 12
TABLE_CELL_MAX_COLUMNS = 6
#: lines over the cells taken with them as the table's title (at most twice a cell's width,
#: nothing of a sentence): `城市` / `沈阳` / `沈阳今日空气质量预报`
TABLE_NOTE_LINES = 3

#: a sentence set narrow around a picture: at least RUNAROUND_MIN_LINES lines of one width (within
#: RUNAROUND_WIDTH_SLACK columns), under half their column, none ending a sentence (real page
#: rmrb-20180129-07: four lines of four columns in a 16-column text)
RUNAROUND_MIN_LINES = 3
RUNAROUND_WIDTH_SLACK = 0.5

#: a line this many times its column's width (plus OVERFULL_MIN_EXTRA_COLUMNS)
#: is set across columns: a headline, not body (dev page a03: 24-column
#: headline over a 10-column body).
OVERFULL_RATIO = 1.3

#: columns a line must exceed its column by before it can count as over-full;
#: keeps narrow columns from flagging ordinary lines.
OVERFULL_MIN_EXTRA_COLUMNS = 3.0

#: full-line slacks (FULL_LINE_SLACK_*) by which the piece after a —— subtitle (or a body's piece, holding a
#: clause mark and wrapping on: gen page u9763/p02, 12 columns in 12) on an over-full
#: pdftotext -raw line may differ from its column's width and still be the next column's first
#: line run on beside it (lines._split_glued): two, as digits and Latin set narrower than the half
#: column they are counted as (gen page q9700/p12: `计划投资 2000 亿元的大连太平湾临港`, 16 columns
#: in an 18-column text).
GLUED_LINE_SLACKS = 2.0

#: fewest characters, each set apart by one space, of a headline letter-spaced to fill its box that
#: plain pdftotext prints on the baseline of the headline beside it (lines._set_aside: real page
#: zghysyb, `中 国 海 油 党 组 召 开`, 8). Four: a two- or three-character name spaced out
#: (`李 斌`, `胡 瑞 华`) is no headline.
LETTER_SPACED_MIN_CHARS = 4

#: fewest spaces between two Chinese characters that make a line letter-spaced
#: (justified by spacing out characters: `城 乡 统 筹 、权 责 清 晰`, segmentation-real
#: rmrb and gsfzb pages). Name lists space out two-character names
#: (`■ 姚雪青 钱 艳 宋 岩`: four gaps), so five.
LETTER_SPACED_MIN_GAPS = 5

#: and at least this many such gaps per Chinese character of the line: a
#: letter-spaced line has one after nearly every character; a line with a
#: phrase gap or two has far fewer.
LETTER_SPACED_MIN_SHARE = 0.5

#: most characters of a stray piece: a line of Chinese characters set apart by a
#: blank line inside a sentence (lines.py _mark_strays). Two: pdftotext prints the
#: second character of a two-character name printed down an article's side there
#: (real rmrb pages: 荣, 龙, 宾, 娃, one each). Two also lets a whole two-character
#: name through, which no page here has shown: an allowance, not a measurement.
STRAY_MAX_CHARS = 2

#: fewest one-character lines in a row, with no blank line among them, that are one
#: line of text set vertically: extractors print a vertical title or author one
#: character to a line (real pages rmrb: `协` / `同` / … / `命`, `陈` / `龙`; gsfzb:
#: `金` / `川` / …), and fewest ideographs among them (the rest may be punctuation set
#: vertically: `﹃`). Two: a vertical two-character name; no page here has shown two
#: one-character lines in a row inside horizontal text.
VERTICAL_MIN_CHARS = 2

#: fewest characters of a vertical run from which a name at its end (a surname and
#: one or two characters) is split off as its author: PyMuPDF's plain text prints a
#: vertical title and the author under it as one run (real rmrb pages:
#: `协同推进社会革命和自我革命祝灵君`, `不断铸就中华文化新辉煌杨义`). Eight: a name
#: and a title of at least five characters; a vertical run shorter than that is a
#: name or a short title, not both.
VERTICAL_TITLE_AND_NAME_MIN_CHARS = 8

#: most lines of a block read as a photo caption (lines.py _mark_captions). Two: the
#: captions zghysyb prints between its articles are one line each, while a photo story's
#: captions are its body and break into blocks of three lines and more (dev page b05:
#: `业生产线上，工人抓紧时间` / `生产、包装订单产品。 罗大` / `富摄（影像中国）`, read as a
#: caption at three). gsfzb's three-line caption is left in the flow.
CAPTION_MAX_LINES = 2

#: share of a page's text lines that end on a comma, a quotation mark or a bracket
#: from which the page counts as broken after punctuation, its pieces joined
#: (lines.py _join_broken_at_commas). `pdftotext -raw` on the real pages typeset a
#: phrase at a time: 0.34-0.46 of lines; every other extraction of every set: 0.12
#: at most (a column's lines end on a comma about one time in ten).
RAW_BROKEN_SHARE = 0.25

#: columns a punctuation mark takes in a justified line of Chinese text, which squeezes it to half
#: its width (标点挤压): two pieces of a printed line that plain pdftotext broke at a quotation mark
#: (lines.py _broken_at_quote; real page rmrb-20180112-07: `音乐，` / `“南海舶”` / `“西域舶”和日本“遣唐使”
#: 的船队络绎不`, 27 columns counted whole in a 23.5-column measure, 23.5 squeezed) fit their column only
#: so measured. A paragraph's last line and the next one's first, or a title's lines, fit it either way
#: only where they are short, and are kept apart by their stop (a sentence's end) or their blank line.
#: The same holds of quotation marks in a line of the body rich in quotes: counted whole it holds more
#: characters than its column and read as set across columns (gen page x9782/p05, PyMuPDF blocks:
#: `全是‘收割韭菜’行为”。`, 12 characters in an 8-column measure, had become a headline in the middle of its
#: article); a line is overfull only if it is so with its quotes at this width (Line.set_column).
SQUEEZED_MARK_WIDTH = 0.5

#: most characters of a note in brackets, brackets included (（作者单位：…）, （讲话全文见第二版）):
#: the longest on the real pages is 35 (rmrb: an author's two institutions); a bracket
#: that runs on past this is no note, or lost its closing bracket.
NOTE_MAX_CHARS = 42

#: longest campaign banner (学习贯彻…精神, lines.campaign_banner), in characters: the slogans run
#: 11-24 (认真学习宣传贯彻党的十九大精神 15, 深入学习贯彻习近平新时代中国特色社会主义思想 22); a longer
#: line that opens and closes so is a sentence of a body.
CAMPAIGN_BANNER_MAX_CHARS = 26

# --- segmentation: title blocks ---------------------------------------------

#: most lines a title block takes: kicker, a headline over two or three lines
#: and a subtitle over two. More than this is body text without punctuation.
TITLE_MAX_LINES = 6

#: most lines, after a gap under a sentence cut at its column's foot, that stand right over a byline and are
#: read as that byline's title, not the sentence's rest (units._titles_over_bylines): a headline over two
#: lines and its short rest (gen page x9782/p03, plain pdftotext: `脱贫不能“等靠要”，而要“加油` / `干”` / the
#: byline); a sentence's rest goes on in a paragraph, and a body's closing byline follows a sentence's end
TITLE_OVER_BYLINE_MAX_LINES = 3

#: how many times wider than the column before it a line after a gap must be to open a text set at
#: another measure, not go on from that column cut at its foot (units.py new_measure), and how much
#: wider one of a run's last two lines may be than the other for the run to be a column cut at its
#: foot (pieces._is_cut): real page
#: rmrb-20180112-07 (plain pdftotext) goes from a 17-column essay to a 25-column box (1.4); a
#: column's lines vary by a mark or two (1.1), a paragraph's first line is shorter by its indent.
MEASURE_CHANGE_RATIO = 1.3

#: most lines of a block that stops on a colon over a title block and reads as that title's lead-in
#: (units.py _announces_title): a teaser box's one sentence, `…出版的第20期《求是》` /
#: `杂志发表习近平总书记重要文章：` over the title it announces (real page zghysyb, PyMuPDF blocks:
#: two lines at a 13-column measure; three allow for a narrower box). A longer block is a body's
#: paragraph whose last sentence introduces a quotation or a list.
TITLE_LEAD_IN_MAX_LINES = 3

#: paragraphs opening after a sentence's end that fill their column, at least, and as a share of those that
#: fill it or stop short by an indent: a page printing its paragraphs unindented (gen pages, pdftotext -raw)
OPEN_FULL_MIN_LINES = 8
OPEN_FULL_MIN_SHARE = 0.8

#: most lines of a short run (ending without sentence punctuation) that can
#: still be a title or an in-body subhead (dev page a04: a three-line subhead).
SHORT_UNIT_MAX_LINES = 4

#: characters an unpunctuated line must have to be read as a title line where a lead's first line
#: could stand: under a headline set across columns (units._headline_line) or after a byline
#: that closes the body above (units._title_after_closing_byline). A shorter unpunctuated
#: line is as often a lead's opening words cut by a column break
HEADLINE_LINE_MIN_CHARS = 8

#: characters (prepositions and conjunctions) that need words after them: a line ending on one is left
#: open, as a lead's first line cut by its column is and no headline's last line is (units._left_open;
#: gen pages u9761/p09, plain pdftotext: `中國銀保監近日向` / `6家保險企業…`, `2004年3月20日至` / `5月7日，…`).
#: So does the copula 是, which needs its complement (gen page x9783/p11, pdftotext -raw: `区域协调发展是` /
#: `中国式现代化的内在` / `要求。`, another article's lead read as the last line of the title over it)
DANGLING_WORDS = "向至在对把被从自和与及或并而将于为以由给跟同让使是"

#: words that end on one of DANGLING_WORDS and yet end a phrase, as a headline's last line may
#: (units._left_open): nouns and verbs (`把准方向`, `欢乐祥和`, `大有作为`, `广泛参与`) and idioms
#: (`实事求是`, found by the session-25 review: `…贵在实事求是` had lost the headline its last line)
WHOLE_ON_DANGLING_WORDS = ("方向", "导向", "动向", "取向", "走向", "志向", "存在", "所在", "自在", "实在",
                           "祥和", "平和", "温和", "参与", "作为", "行为", "所为", "绝对", "相对", "共同",
                           "协同", "认同", "相同", "不同", "赞同", "实事求是", "比比皆是", "自以为是",
                           "各行其是", "莫衷一是")

#: columns a headline's next line under a line set across columns may fall short of the column
#: (units._headline_line): a lead's first line falls short by its indent, two columns, or
#: one and a half with a digit in it (dev-v2 d06: `中國銀保監近日向6家`, 9.5 of 11)
HEADLINE_LINE_MAX_SHORTFALL = 1.0

#: columns a line standing after a gap must fall short of its column to be split off the text it runs
#: into as a headline (units.split_run_in_headlines): a paragraph's line that its sentence goes on from
#: is justified to the column's full measure, a headline's line breaks where its phrase ends (gen pages
#: x9785/p09, x9781/p02, plain pdftotext: `夜访城市工人休息室`, 9 of 10; `这样的报道让职工感动`, 10 of 10.5).
#: Half a column, the estimate's own step; a paragraph opening after a gap with no indent fills the
#: column (`第十届滨江马拉松赛鸣枪起` / `跑，…`) and stays. 1.0 lost x9781/p02 (plain dev 317 of 646, 319 here)
SPLIT_HEADLINE_MIN_SHORTFALL = 0.5

#: a second title line this many times longer than the first is a subtitle,
#: not the second half of a wrapped headline (seed page line 402-403).
SUBTITLE_LENGTH_RATIO = 1.8

#: a title line holding a clause mark and this many times as wide as every line over it starts a
#: subtitle printed without a dash (assembly._deck_start): a deck in smaller type under a headline
#: (gen11 page v10805/p01: `拿起跨界“指挥棒”她跟学生“较着劲儿”` / `成长` / `年过五十的她…快乐前行，在比赛中拿下不俗的`,
#: 33 columns under 19: 1.74).
#: A headline wraps at its measure, so its later lines are no wider than its first.
DECK_WIDTH_RATIO = 1.3

#: one line after a subtitle, at most this share of the subtitle's width, is the
#: subtitle's wrapped rest (dev-v2 c03: `——优化区域经济布局，促进区域` / `协调发展`,
#: 0.25); a teaser title there is about as wide as a headline line (0.6 and up).
SUBTITLE_REST_MAX_SHARE = 0.5

#: fewest entries (a name on a line of its own, then the lines saying who they are) that make a
#: list of people: an interview's guests (gen pages, 解放日报: `【訪談嘉賓】` / `徐建剛` /
#: `中共上海市委黨史研究室主任、教授` / `洪民榮` / …). One name under a title is its author and
#: two may be co-authors printed apart; three names each with a post are a list inside the text.
ROSTER_MIN_ENTRIES = 3
#: most lines one entry's post wraps over in a roster (a column of 6-8 characters wraps
#: `教育部研究基地上海師範大學都市文化研究中心主任、教授` over four).
ROSTER_POST_MAX_LINES = 4
#: columns by which a post's line falls short of the post's line over it to be its last: a phrase
#: wrapped over lines fills each but the last, whatever the column's estimate, which a list's short
#: lines pull below the measure (gen page x9781/p10, pdftotext -raw: `教育部研究基地上海` /
#: `師範大學都市文化研` / `究中心主任、教授`, 9, 9 and 8 in a column taken as 8).
ROSTER_POST_LAST_SHORTFALL = 1.0

#: fewest lines of a deck under an author's bare name at the top of a page's text whose clause marks,
#: one for each line but the last, make it the lead's deck rather than a headline under a kicker
#: (units._author_over_lead): a headline of two lines may hold a comma (`走得再遠，` / `也不能忘記為什麼出發`);
#: one of three or more lines holding two commas or more is a sentence's clauses wrapped in a narrow column.
AUTHOR_DECK_MIN_LINES = 3

# --- segmentation: lexical cohesion (issue 9) ---------------------------------

#: two-character words so common in any Chinese text that two articles on different subjects share
#: them: the 300 commonest two-character words of jieba's dictionary (its frequencies come from
#: general Chinese text, the People's Daily among it) that are also among the 1,500 commonest of
#: wordfreq's Chinese list (web, subtitles, news), which drops the first list's corpus quirks (a
#: county, a river, 皇帝); those holding a grammatical character (cohesion._TOPIC_BREAK) are left
#: out, never being read. Sources: jieba 0.42.1 dict.txt (MIT licence) and wordfreq 3.1.1's Chinese
#: frequency list (data CC BY-SA 4.0); a list of common words is taken from them, no text.
#: `tools/common_words.py` rebuilds the list (`--check` compares it with this one). Used by
#: cohesion.topic_bigrams: two unrelated reports shared 7-11% of their bigrams through such words
#: (gen pages g303/p05, g303/p08, text-5011/p08, f9001/p02) and their headline read as a subhead.
#: Simplified forms only: their traditional forms were measured too, and made the subhead of dev
#: page b06 (`振奮，聆聽時代進步足音`, a feature's sections on different people) a headline.
COMMON_WORDS = frozenset("""
中国 我们 他们 自己 国家 发展 工作 什么 主要 问题 进行 地方 已经 全国 经济 公司 人民 社会 知道 起来 地区 如果 开始 技术 重要 美国 通过 研究 文化 企业 北京 历史 世界
时间 生产 情况 代表 决定 关系 领导 生活 时候 可能 出来 学生 同时 学院 会议 部分 活动 需要 怎么 管理 方面 市场 组织 工业 建设 形成 出现 许多 日本 城市 政治 人们 发现
记者 国际 规定 机关 虽然 根据 法律 影响 发生 包括 使用 中心 教育 要求 政府 因此 人口 建立 参加 产品 面积 各种 提出 我国 作用 必须 行政 编辑 职业 制度 你们 世纪 应该
主席 系统 组成 民族 基本 增长 自然 大学 如何 人员 计划 产生 时期 最后 表示 机构 当时 大家 特别 改革 东西 能力 革命 基础 得到 进入 运动 目前 过程 方法 举行 群众 单位
如此 孩子 资源 过去 条件 学校 提高 工程 环境 提供 方式 报告 或者 下来 军事 部门 分别 十分 上海 完成 最大 然后 农业 经过 专业 准备 增加 获得 旅游 觉得 理论 今天 非常
中央 比较 表现 价值 科技 完全 亿元 达到 内容 实行 思想 事情 实现 甚至 任务 选举 形式 原来 突然 变化 直接 战争 政策 资本 继续 年代 期间 任何 权力 执行 先生 解决 建筑
能够 结构 成立 英国 先进 结果 投资 后来 水平 保护 主任 负责 制定 艺术 利用 学习 合作 科学 看到 项目 公里
""".split())

#: characters of text read before and after a candidate boundary (stopping
#: at a title). The text after a subhead shares a median 14.5% of its topic bigrams
#: (cohesion.topic_bigrams) with the 1,200 characters before it (10th percentile
#: 5.0%); the start of another article a median 1.2% (90th percentile 4.1%):
#: measured on the 542 subheads and 92 article boundaries that reach the cohesion
#: feature on dev, dev-v2 and ten generated sets, each told by the gold article its
#: two sides belong to. Shorter windows separated the two less well (with all
#: bigrams counted, 400/400: 4.0% against 4.0%).
COHESION_BEFORE_CHARS = 1200
COHESION_AFTER_CHARS = 400

#: fewer characters than this on either side and cohesion is not measured: a
#: short side shares too few bigrams to tell anything.
COHESION_MIN_CHARS = 40

#: characters a cohesion window holds before a reporter line may end it as an article's edge
#: (text_window): a photo's two captions with their credits (`…完工装船。特约记者X摄`, about 60
#: characters) under a title printed after its body stand before the next piece's author in
#: PyMuPDF text, which has no blank lines to make them captions (real page zghysyb); a window
#: of the captions alone shares the title's body's words and made the title a subhead.
COHESION_EDGE_MIN_CHARS = 100

# --- segmentation: headline or subhead (issue 9) --------------------------------
# A short run between two stretches of text is scored from these features;
# a positive total makes it a headline between two articles, else a subhead.

#: cohesion (share of topic bigrams) at which the run is as likely a headline as a
#: subhead: between the 90th percentile across article boundaries (4.1%) and the
#: 10th across subheads (5.0%), measured as for COHESION_BEFORE_CHARS. Tuned on
#: the ten generated sets (4.25%, 4.5%, 4.75%, 5%: 395, 397, 396, 390 of 523
#: articles right, 391 before topic bigrams; 5% loses dev-v2 and real articles);
#: counting every bigram it was 6%: common words raise a boundary's share (median 3.0%).
COHESION_MIDPOINT = 0.045

#: cohesion (share of topic bigrams) worth one point of evidence: 2 points of cohesion.
#: An article boundary (median 1.2%) scores +1.7, a subhead (median 14.5%) -5.0;
#: 1.5 points lost real PAGE.txt and pdftotext articles, 2.5 a real pdftotext-raw one.
COHESION_SCALE = 0.02

#: most cohesion (share of the shorter stretch's topic bigrams found in the longer) between the last
#: BODY_APART_BEFORE_CHARS of a finished body and the first BODY_APART_AFTER_CHARS of the text after a
#: gap under it, with no title between, for the two to be read as two articles (assembly._body_apart):
#: plain pdftotext runs the blocks of two articles together where it lost or moved the headline between
#: them (gen3 page k10024/p05: `…未來會集中研究應否發牌規管。` / gap / `◆在国庆、中秋来临之际，…`). Over the
#: gaps of the 64 sets of session 33, under 1% were 17 of 47 between two articles and 1 of 1,276 inside
#: one; windows of 1,200 and 400 characters found 14 and none, but cost the seed page a third of its
#: speed, asked at each of its 41 gaps after a finished sentence (bench/bench_segment.py).
BODY_APART_MAX_COHESION = 0.01
#: characters of the body before the gap read for BODY_APART_MAX_COHESION: about two paragraphs
BODY_APART_BEFORE_CHARS = 400
#: characters of text after the gap read for BODY_APART_MAX_COHESION: a paragraph; under 1% of it is at
#: most one topic bigram shared
BODY_APART_AFTER_CHARS = 200
#: least characters of text either side of such a gap for its cohesion to be asked: under that a
#: body shares few words with anything (at 40, 8 gaps inside articles fell under 1%)
BODY_APART_MIN_CHARS = 100

#: widest line after a gap inside a title, as a share of the line before the gap, under which the gap
#: parts one headline wrapped at its measure, not a kicker from its headline (assembly._wrapped_apart): a
#: wrapped headline's rest is short (`劍指違` / `規投資`); a headline under a kicker is about as wide as it,
#: or wider, or narrower by less (a kicker set across columns over its headline, gen page x9781/p05: 19
#: and 12 columns; gen3 `上午，记者在奉贤看到市民生活如往昔` / `相信上海不久会恢复热闹`, 17 and 11). On the
#: 64 generated sets of session 33 (PyMuPDF blocks: 313 kickers read from gaps where gold has none), at 0.6
#: 172 titles' fields became gold's and none of the kickers gold has was lost (at 0.8: 230, and 4 lost)
KICKER_WRAP_RATIO = 0.6

#: most characters of a line after a gap that closes the quotation a title leaves open, for it to be the
#: title's rest (units._quote_rest): a headline's last word and its marks (`南！”`); a longer line
#: closing the quote is a lead's sentence quoting on
TITLE_QUOTE_REST_MAX_CHARS = 4

#: points for a space between two phrases in a run of at most three lines
#: (`依法依规解决群众合理诉求 推动实现“事心双解”`): headlines use it, body text does not;
#: subheads sometimes do (`大陣仗測量 留神秘藍線`), so it is not decisive alone.
HEADLINE_PHRASE_GAP = 1.0

#: points for a run over text that opens on a date (`1月7日晚上，…`), as a report's lead does: of 2,380
#: subheads between two stretches of text on the 64 development sets none stood over such a line, of 794
#: headlines 107 did (gen3 page k10021/p10, plain pdftotext: `夜访城市工人休息室` over its lead, a
#: report on workers after one on a county secretary in the fields, cohesion 6.6%: -1.05 points).
#: A label over a section that opens on a date (`骗局之4` / …) stays a subhead by SUBHEAD_LABEL.
HEADLINE_DATED_LEAD = 1.5

#: points against a run that is one label line: 【执纪者说】, (三), 骗局之2. Such
#: labels mark sections inside an article (dev b07, dev-v2 c09); a headline
#: says something.
SUBHEAD_LABEL = 3.0

#: points against a run set solid between two paragraphs (no gap over it, none under it) on a page that
#: prints gaps where its blocks part (units.prints_gaps). A headline is set in its own type, in a block
#: of its own: on the generated development pages, of 796 such runs on PyMuPDF blocks pages none is a
#: headline, and 8 subheads had been read as headlines (evidence up to 1.98); on plain pdftotext
#: pages 8 subheads and 2 headlines. On 44 development sets: from 1, 6 articles more; from 2 or 3, 9
#: (11 right, 2 lost on a page whose headline-first vote turned).
SUBHEAD_SET_SOLID = 2.0

#: least share of a page's text lines that open after a blank line for the page to count as printing
#: gaps where its blocks part (units.prints_gaps). Unit: share of lines. pdftotext -raw and PyMuPDF's
#: plain text: 0-0.8% on every development and real page; plain pdftotext and PyMuPDF blocks: 3-23%.
PAGE_GAPS_MIN_SHARE = 0.02

#: fewest sentence ends and clause marks (。！？，、；) in the lines at the head of a title run, down to
#: one with a sentence's end inside it, that make them text cut at a column's foot (_text_over_title):
#: a headline holds one at most (`60万"12306账号"` / `外泄？中铁总辟谣`, gen page x9786/p08, PyMuPDF
#: blocks), a paragraph's lines several (gen page y9793/p03, plain pdftotext: `大家不要太担心了，股市快见
#: 底了！` / `一天跌 300 点顶多再跌 13 天！就到`, 3)
TEXT_OVER_TITLE_MIN_MARKS = 2

#: points for a run that opens a —— subtitle or is set across columns: decisive.
HEADLINE_STRONG = 10.0

#: points for a run of short blocks stacked one under another
#: (kicker, headline lines, subtitle, a name: real page rmrb-20180109-07,
#: `既提高就业数量` / `又提高就业质量` / `抓好就业这个最大民生工程` / `莫`). Subheads
#: inside an article stack three at most; a title block stacks more. As much as
#: an author line: it outweighs the cohesion of two articles on one subject.
HEADLINE_STACKED = 5.0
#: fewest stacked blocks that make a run a title block: four, since articles of
#: generated pages stack a label and two subheads (`骗局之1` / `老中医绝食49天` /
#: `老中医下战书：…`; three scored 9 articles fewer there). None of the blocks may
#: end on a comma: pdftotext -raw breaks a sentence into such blocks.
HEADLINE_STACKED_BLOCKS = 4

#: points for a run of phrase lines (no comma, no full stop) with a line wider than its column
#: by more than twice a full line's slack: set over two columns, a headline (real page zghysyb,
#: a headline after its body in an industry paper whose every article names the company, so
#: cohesion alone reads a subhead there). About as much as HEADLINE_STRONG, but added, not decisive: cohesion
#: above 26.5% (one report's text on both sides) still makes it a subhead, since column
#: estimates near a change of column width are rough. 6 and 10 scored the same on every set;
#: 11 keeps that breakpoint about where it was (26% before COHESION_MIDPOINT went from 6% to 4.5%).
HEADLINE_WIDE = 11.0

#: points for a run whose last line is bare names (`攥指成拳 生威发力` / `姚雪青 钱 艳 宋 岩`,
#: gen page h7001/p02): an author signs an article, never a subhead; outweighs the
#: cohesion of two articles on one subject (up to about -4 points when every bigram counted; less
#: since only topic bigrams do).
HEADLINE_AUTHOR = 5.0

#: how much more of a title's bigrams one neighbouring body must hold than the
#: other before the title goes with it against the page's reading order (a page
#: that mixes headline-first and headline-last). A title's own body holds a
#: median 50% of its bigrams, another article's body a median 0%.
TITLE_VOTE_MARGIN = 0.25

#: characters of the body on each side of a title compared with it (the
#: nearest ones). A headline's words recur early and often in its own body; a
#: window bounds the work on long pages (bench/bench_segment.py). 400, 800, 1,500
#: and unlimited scored 128 articles right on dev, dev-v2, g101, g202 and real alike.
TITLE_BODY_WINDOW_CHARS = 800

#: fewest characters of a teaser split off a title block (a kicker such as
#: 【新春走基层】 is shorter and names nothing in its body either).
TEASER_MIN_CHARS = 8

#: fewest Chinese bigrams a teaser must hold: it is told by words that occur in
#: neither body, so a piece with none (a Latin name and a character, `Manuel
#: Pinho：中`, the first line of a headline wrapped at its column, gen page
#: q9700/p04, pdftotext -raw) names nothing either way and stays in its title.
#: One: at 4 a headline's wrapped rest (`有“疗效”周一见`, 3) stayed in its title too
#: (gen page q9800/p09, +1), but so did a masthead's date over a real page's first
#: title (zghysyb, plain pdftotext), whose records changed.
TEASER_MIN_BIGRAMS = 1

#: fewest Chinese bigrams of a part printed apart (after a blank line) under a title that make
#: it a whole title of its own, a teaser, even of fewer than TEASER_MIN_CHARS characters or
#: under a line that reaches its column's edge: a block extractor prints a headline's wrapped
#: rest apart too, but that holds a few characters (`温度`, `和力量`, `么大`). Likewise a part
#: printed apart over a title printed before its body: a label kicker holds fewer (【新春走基层】, 4).
TEASER_WHOLE_MIN_BIGRAMS = 6

#: fewest Chinese bigrams of a part printed apart under a title printed after its body that
#: make it a title of its own when that body names it far less than the title (TEASER_TITLE_MARGIN,
#: _named_less_apart): a headline's wrapped rest printed apart holds one to three (`温度`, `和力量`,
#: `尴尬(表)`), a headline four or more (`坚持全国“一盘棋”`, 5; gen page u9766/p10)
TEASER_APART_MIN_BIGRAMS = 4

#: most of a teaser's bigrams that may occur in the bodies either side: a
#: teaser announces another page's article, so none (dev-v2 d06). Also the floor the rest of a title
#: must pass to name its body when a teaser is cut out of its middle (assembly._teaser_between). A whole
#: title naming no more than this of either body is a teaser whatever the title beside it names
#: (assembly._teaser_cut, _teaser_beside: gen pages, +2 articles on 2,463 text pages, none lost).
TEASER_MAX_COVERAGE = 0.0

#: least share of a bracketed label's bigrams that another article's body must hold for the label,
#: printed apart over a headline whose article holds none, to go over that article's title
#: (assembly._labels_home). Unit: share of bigrams. A series' name is its report's words (【香港民研】:
#: 香港民研 in the poll report, all three bigrams); one bigram in three (香港 alone) is any Hong Kong
#: report's.
LABEL_HOME_MIN_COVERAGE = 0.6

#: widest line, in columns, that is a briefs column's label printed over or after its items (要闻简报,
#: 简讯, 国内快讯): such a label names none of the unrelated items under it, so a title of its own
#: printed apart after it under a title printed after its body is told from it by this width, not by
#: the words it shares with the items (gen pages x9784/p02, x9786/p04, PyMuPDF blocks: `要闻简报` /
#: gap / `全民免費檢測最快兩周`, which had joined the label as one title). Labels of a known name
#: (lines.BRIEFS_NAME, 要闻简报) are set apart by assembly._briefs_names first; the width serves the others.
BRIEFS_LABEL_MAX_COLUMNS = 6

#: fewest items opened by a bullet (◆ ■ ● …) that make a body a briefs column (_briefs_label)
BRIEFS_MIN_ITEMS = 2

#: a whole title (a line and its —— subtitle) joined to another title with no subtitle
#: is a teaser when the other names the body at least this much more (share of
#: bigrams): gen pages' teasers share 0.05-0.10 with some body (发展, 我市), the
#: titles beside them 0.4-1.0 with their own.
TEASER_TITLE_MARGIN = 0.25

#: most of its bigrams a whole teaser title (a line and its —— subtitle) may share with a body beside it
#: (assembly._teaser_cut). A teaser announces another page's article: on the generated development
#: pages teasers share up to 0.25-0.3 with some body (a bar of 0.25 loses two of them); a headline's
#: second line and its subtitle printed apart under the first share 0.41 with their own (gen page w9962/p07,
#: PyMuPDF blocks: `为现代化巴彦淖尔建设` / gap / `凝聚强大智慧和力量` / gap / `——热烈祝贺…`), and had been
#: cut off as a teaser. The bar stands between the two.
WHOLE_TEASER_MAX_COVERAGE = 0.35

#: share of its bigrams by which a title whose last line ends on ？ or ！ must name its body more than a part
#: printed apart under it names that body or the next, for the part to be another title (assembly._closed_headline).
#: A headline closed by a question or an exclamation has ended, so the part is no rest of it; a common word
#: or two in the part may still stand in a long body (gen page y9793/p10, PyMuPDF blocks: `谁来为无序拆房“埋单”？` /
#: gap / `这座城让人总想留下来`, 0.33 against 0.22). Zero: named less at all.
STOPPED_TITLE_MARGIN = 0.0

#: most of its bigrams that a part under a title printed after its body may share with the title's body, for the
#: part to be a whole title of its own (assembly._whole_other_title: at the page's foot, apart or set solid, or of
#: two lines or more printed apart anywhere): a teaser or a headline whose
#: body did not fit shares common words only (gen page w9961/p04, PyMuPDF blocks: `重大突破我们在记录
#: 春耕备耕正当时`, 0.20); a headline's wrapped rest, centred apart, names its body as the headline does
#: (n9400/p12: `同組訓練40多名警員或要檢疫`, 0.40). Share, 0–1.
FOOT_TITLE_MAX_COVERAGE = 0.2

#: how many times as wide as the title line over it a line set solid under a title at the page's foot must be
#: to be no wrapped rest of it (assembly._named_less_apart): a headline's wrapped lines differ by a character or
#: two (gen page p9500/p06, PyMuPDF blocks: 10, 11, 12 columns), another title under a short one is far wider
#: (x9785/p01, pdftotext -raw: `减成本 增服务`, 7 columns, then a headline of 26). Ratio of display widths.
FOOT_WIDER_RATIO = 1.5

#: least share of a title's bigrams an untitled body must hold to take that title from far
#: away on the page (_give_far_titles): plain pdftotext prints a column's headline after
#: other columns' text (real page gsfzb, pdftotext: `忘记投保交强险 自掏腰包赔损失` 120
#: lines after its report, whose text holds 11 of its 12 bigrams). A title's own body holds
#: a median 50%, another article's a median 0%. 0.5 to 0.8 score the same on every set. Also the
#: share an in-body subhead must name another body by to go over its title (_far_headline_lines).
FAR_TITLE_MIN_COVERAGE = 0.6

#: least share of a title's bigrams a far untitled body must hold to take it when no other body on the
#: page, its own included, holds any of them (assembly._give_far_titles): a headline's words recur in its
#: report, another report's at most in a common word, and a figurative headline names its report by
#: less than FAR_TITLE_MIN_COVERAGE (gen pages y9796/p05, y9792/p02, plain pdftotext: `增收致富门路宽`,
#: `赵顶良深入基层三年间`, printed over another report's title at the page's head, 0.50 and 0.56 of
#: their bigrams in their far reports, none in any other). 0.3 and 0.4 score the same on dev, 0.5 loses one.
FAR_TITLE_SOLE_COVERAGE = 0.4

#: least length (characters) of an in-body subhead that may be another report's headline line,
#: read apart by pdftotext (assembly._far_headline_lines; real page gsfzb-20240809-08, 13): a shorter
#: piece (`“党的`, `坚持`, real pages PyMuPDF blocks) has too few bigrams not to be found by chance.
FAR_HEADLINE_LINE_MIN_CHARS = 8

#: how much larger a share of a title's bigrams that far body must hold than the body the
#: title stands with, for the title to leave it: a title that names its own body stays
#: (real page zghysyb, pdftotext read headline-first: a headline holds 24% of the unrelated
#: text after it and 88% of its report 50 lines on). 0.3 to 0.7 score the same on every set.
FAR_TITLE_MARGIN = 0.5

#: least length (characters) of an essay's headline for a title holding it and more words to be
#: read as one of that essay's section heads (assembly._restated_headlines): theory pages head
#: each section with the headline restated (real pages rmrb-20180109-07 `充分认识全面建成多层次
#: 社会保障体系的重大意义` under `全面建成多层次社会保障体系`, 13 characters; rmrb-20180112-07,
#: 8); a headline of a few characters is a phrase any other title may hold.
RESTATED_HEADLINE_MIN_CHARS = 6

#: least cohesion (share of the shorter stretch's topic bigrams found in the longer) between a
#: piece that may go on from a sentence cut off elsewhere and the article it is moved after
#: (_rethread): a floor under which a share is noise (two short sentences share 0-3% with any
#: body). 0.02 to 0.1 move the same pieces.
RETHREAD_MIN_COHESION = 0.05

#: times the runner-up's cohesion (any other article's, or the rest of the piece's own draft)
#: the chosen article's must reach: the right article shares 3.4-11 times more with the piece
#: (gen pages h7001/p02 15% against 4.3%, g101/p07 23% against 6.5%, pdf-1001/p08 10% against
#: 2.6%, h7002/p02 26% against 2.5%); where articles on one subject share alike, 1.0-1.4 times
#: (real page rmrb-20180122-07, plain: four economics essays, 12% each; gsfzb, plain: two
#: reports on grassroots policing, 23% and 16%), nothing moves on the whole bodies (the text before
#: each cut then decides, RETHREAD_NEAR_CHARS, with the same ratio). 2 to 3 move the same pieces;
#: 3.5 loses h7001/p02.
RETHREAD_MIN_RATIO = 3.0

#: characters of text before each cut, and of the piece's own draft, that _rethread's second look
#: (assembly._nearest_cut) judges a piece against, as pieces.put_back_pieces judges its runs' ends and
#: starts: about a paragraph of a narrow column, the lines whose sentence the piece goes on; equal lengths leave a long body no edge over a short one
#: (real page gsfzb-20240809-08, plain: 150 gives the two cut pieces 3.3 and 3.9 times the runner-up,
#: 300 only 2.8 and 2.0).
RETHREAD_NEAR_CHARS = 150

#: least lines of a run (a block after a gap that opens a sentence, up to the next such block) that
#: _runs_home may move to another article: a line or two is a subhead or a caption as often as a
#: column. 2 to 5 move the same runs on the development sets.
RUN_HOME_MIN_LINES = 3
#: least cohesion (share of the shorter stretch's topic bigrams found in the longer) of a run with
#: the lead of the article _runs_home moves it to: under it a share is noise (RETHREAD_MIN_COHESION).
#: 0.02 and 0.05 move the same runs; 0.1 loses one development article.
RUN_HOME_MIN_COHESION = 0.05
#: how many times the run's cohesion with the rest of its own draft its cohesion with that lead must
#: be (gen pages x9781/p12, c9813/p08, plain pdftotext: 0.11-0.18 against 0.009-0.016). Two stretches of
#: one article share 0.1-0.5; a story's paragraphs apart from its lead as little as 0.02 (gen page
#: s9951/p05, 2012年底，刘格格… against its own report, 0.024, the next report's lead 0.071), which
#: the ratio alone does not catch: RUN_HOME_MIN_OWN_BIGRAMS. 1.5 and 2 score the same on the development
#: sets; 3 and 4 lose two there and five on the re-extracted cross-check pages (measured on every page,
#: before assemble asked it only of pages read out of order).
RUN_HOME_MIN_RATIO = 2.0
#: cohesion of a run with the rest of its own draft from which it stays, whatever another lead shares:
#: two stretches of one article share 0.1-0.5, and a roundup's section shares its subject with a report
#: of its own beside it (real page zghysyb-20241016-01, pdftotext: a section on a gas field, 0.12 with its
#: roundup, 0.26 with the field's report). The runs moved on the development sets share 0-0.07.
RUN_HOME_MAX_OWN_COHESION = 0.1
#: least topic bigrams (topic_bigrams) the rest of a run's own draft must hold for its cohesion with the
#: run to count against it: a lead of a line or two shares nothing with the rest of its article (gen
#: page f9973/p02, PyMuPDF blocks: a dialogue's first question, 5 topic bigrams, then its answers). 20 and
#: 50 score the same.
RUN_HOME_MIN_OWN_BIGRAMS = 20

#: most columns by which a headline's last phrase, with the line under it taken as its wrapped rest,
#: may run past its first phrase (units.balances): a rest evens the phrases out, where a lead's first line
#: joined on runs far past (gen3 page k10044/p08, pdftotext -raw: `銀保監向6險企發監管函 劍指違規投資` /
#: `中國銀保監近日向6`, 6 + 8.5 columns against 10.5). The rests on the 64 gen3 sets run past by up to 2.5
#: (`路虎中国黄金5年终结 部分` / `车型价格出现“崩盘”`, 2 + 10 against 9.5); 2.0 lost four of them.
PHRASE_OVERSHOOT_COLUMNS = 3.0

#: least cohesion (share of the piece's topic bigrams) of a draft of text alone (no title, byline or jump)
#: with the titled article _orphans_home joins it to. On the 64 gen3 sets such pieces share 0.15-0.56 with
#: their own article (17 of 18 at or over 0.15 have it as the best), articles whose title the extractor
#: lost at most 0.13 with any.
ORPHAN_MIN_COHESION = 0.15
#: how many times every other titled article's cohesion with the piece its home's must be: the one piece
#: on the 64 sets over ORPHAN_MIN_COHESION whose best was not its own article stood 1.9 times over.
ORPHAN_MIN_RATIO = 2.0

#: least frequency (jieba's dictionary counts) of a word that lexicon.cuts_word looks for across a
#: line break: rarer entries are mostly names and set phrases that a chance join forms. On generated
#: development pages (plain pdftotext) a break inside a body cuts a word of frequency 5 or more 44% of
#: the time, a line's end joined to another article's line 5%; counting every entry, 48% and 8%.
LEXICON_MIN_FREQ = 5

#: longest word (characters) looked for across a break: jieba's longer entries are names and set
#: phrases, and each character more adds lookups to every join asked about.
LEXICON_MAX_CHARS = 4

#: fewest times jieba's dictionary must have seen a two-character word not tagged a proper noun for a lone bare
#: "name" of those characters to be that word instead (lexicon.is_common_word, byline.is_bare_names). Unit: the
#: dictionary's frequency count. Reason: a headline's wrapped tail opening on a surname read as its author
#: (gen page x9785/p10, PyMuPDF blocks: `…在比赛中拿下不俗的` / `成绩`, 6217; dev-v2 e06 `成长` 5432; 管理 27191,
#: 温度 3953). Words people are named are common too (session-27 review: 武艺 1019, 黄金 3086, 高原 3264, 夏天 3821),
#: so the bar stands over the first and under the tails found; a name that is such a word, alone under a
#: title, is still read as the title's tail
WORD_NOT_NAME_MIN_FREQ = 3000

#: least cohesion between the text before a cut sentence and a column piece whose start finishes the
#: cut's word, for the piece to be put back after the cut (pieces.put_back_pieces). On generated
#: development pages (plain pdftotext), where the text after the cut's gap shares no word with it:
#: from 0.03, 30 pieces put back right and 1 wrong; from 0, 30 right and 13 wrong; from 0.05, 29 and 1.
PIECE_MIN_COHESION = 0.03

#: least cohesion between a column piece put back after its cut and the run printed under it (a heading
#: over prose) for that run to go back with it as the piece's article's next section
#: (pieces._section_after). Unit: share of the shorter stretch's topic bigrams (cohesion). Why: the run
#: under a piece is the rest of its column, and left where it was it follows the other article's last
#: line, often its jump (`（下转第13版）`), and its heading read as a headline (gen page c9816/p06, plain
#: pdftotext: `回归商业本质的理性价格` under the piece `然而然的选择。…`, a new article). Text across a
#: subhead shares a median 14.5% of its topic bigrams, across an article boundary 1.2% (COHESION_BEFORE_CHARS);
#: 0.05 and 0.1 score the same on the development sets (+2, −1) and the plain cross-check pages (+2), 0.2 +0.
SECTION_MIN_COHESION = 0.1

#: most characters of a title that is taken off its body when the body holds none of its bigrams
#: (assembly._tiny_titles). Unit: characters, spaces left out. Why: the rest of a name wrapped out of a
#: byline (`小苑`) or an author's name (`黄宇`) printed over a column read as its headline; on the 44
#: generated development sets every article title of four characters or fewer is such a piece or a label
#: (10) but a briefs column's name (32, kept). Two, not four: a headline of three characters may name its
#: report by figure, not by its words (`得与失`, the particle rule's test); 2 and 4 give the same +2
#: development articles.
TINY_TITLE_MAX_CHARS = 2

#: least cohesion between the text before a cut sentence and a column piece that finishes no word of it,
#: for the piece to be put back on its words alone (pieces._piece_by_words). Asked only of a piece of two
#: lines or more that holds a sentence's end, set after a run that ends one and sharing no topic bigram
#: with it. Unit: share of the shorter stretch's topic bigrams (cohesion). Why: a break between two words
#: (`…加强京津冀` / `地区联防联控…`), a term the dictionary lacks (安宁 / 疗护) or a traditional word (接 / 觸)
#: leaves no word across the break, and the piece had opened a body under another report. On generated
#: development pages (plain pdftotext) the rule puts 12 pieces back right (0.10-0.36) and one wrong (0.19);
#: development sets +2 articles at 0.07, 0.1 and 0.2, +1 at 0.15 (measured before _ends_prose, which
#: changed no development article). Lowered to 0.05 when 64 fresh generated sets (seeds 10021-10084) were
#: scored with it: +1 there at 0.03, 0.05 and 0.07, +1 on the development sets and +1 on their plain pdftotext
#: re-extraction at 0.05, nothing lost.
PIECE_WORDS_MIN_COHESION = 0.05
#: times the runner-up's cohesion the piece's must reach (pieces._piece_by_words). Unit: ratio. Why: a
#: piece found by words alone must stand out from every other run that could go on there; 2 to 3 give the
#: same development articles.
PIECE_WORDS_MIN_RATIO = 2.5

#: weight of the titles' summed votes against the page's edges (a title first,
#: a title last: one point each) when deciding the page's reading order. One
#: clear vote (a title holding half its bigrams in one body) counts as much
#: as half an edge; a page of several titles is decided by them.
TITLE_VOTE_WEIGHT = 1.0

# --- bylines ------------------------------------------------------------------

#: longest reporter list line (columns) when the line has no role word
#: (■ 姚雪青 钱 艳 宋 岩); longer lines are body text after a bullet.
NAME_LIST_MAX_COLUMNS = 16

#: fewest names read out of a run glued onto a role word (通讯员魏嘉熠张慧莹, byline._role_and_run_names):
#: one name is what _ROLE_TOKEN already takes; a longer run that splits into one is a word, not names.
RUN_NAMES_MIN = 2

#: most wire-title lines (新华社…电 题：…) read before the reporter line must
#: appear (dev page a07: five lines at a 9-column measure); past this the
#: title is taken to end at its first line.
WIRE_TITLE_MAX_LINES = 8

#: section names that stand alone on a line of the page header (dev page a08
#: prints its header one field a line: paper, date, 第8版, 要闻, 责任编辑).
SECTION_NAMES = frozenset("要闻 综合 评论 国际 国内 时评 经济 社会 文化 体育 财经 副刊 专版 地方 理论 民生 "
                          "视点 观察 时事 新闻 本地 城事 法治 科技 教育 健康 旅游 广告".split())

#: lines, at most, of a bulleted byline wrapped inside its words in a narrow column (byline_pass,
#: _wrapped_bulleted_byline). Unit: lines. Reason: a source, a role, a name and a credit
#: (`■ 顶端新闻·河南商报记者马俊峰/文受访者供图`, 23 characters) fill three lines of a 9-column
#: measure (gen page r9735/p09); four lines would reach into the lead under a short byline
BULLET_BYLINE_MAX_LINES = 3

#: width under which a line under a reporter line may carry on its names whatever its column
#: (byline_pass._name_tail). Unit: fraction of the column's width. Reason: a name or two wrapped from a
#: byline leave most of their line empty (`■ 本报记者 赵` / `兵`); a line of text fills its column
NAME_TAIL_MAX_FRACTION = 0.75

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

#: how much dearer a CTranslate2 decoding step gets per extra prompt in a
#: batch, as a fraction of a batch of one (ctranslate2 int8, one thread per
#: worker, Qwen2.5-0.5B's size on the 2-core machine: a step of 4 prompts costs
#: about 1.4 of one). It prices the batches schedule() weighs: one batch of
#: prompts of unlike length pays a decoding step for every prompt token past
#: the shortest, separate batches pay the per-step cost again (issue 12).
CT2_BATCH_STEP_GROWTH = 0.15

#: batches' worth of prompts (in the --max-batch-tokens budget) one call to
#: the CTranslate2 causal generator takes, so that like-length prompts can be
#: grouped and every worker kept busy; it regroups them into batches within the
#: budget. The seed page's 7 abstracts (prompts of 263-644 tokens) fit in one
#: call at the default budget; at 1 they ran as two calls, the second leaving a
#: worker idle (bench/bench_summarize.py, issue 12).
CT2_CAUSAL_CALL_BATCHES = 4

# --- input ----------------------------------------------------------------------

#: largest page file read, in bytes. A newspaper page is 5-50 KB of text; a
#: file far larger is almost certainly not a page (a log, a database dump).
MAX_PAGE_BYTES = 20 * 1024 * 1024

#: NUL bytes above this share of a file's bytes make it binary or BOM-less UTF-16 (ASCII
#: in UTF-16 is half NULs); fewer are strays in extracted text, dropped with a warning.
STRAY_NUL_MAX_FRACTION = 0.01

#: fraction of control characters (other than tab/newline/CR) above which a
#: decoded file is called binary rather than text.
BINARY_CONTROL_FRACTION = 0.01

#: seconds between checks for a signal while waiting on a FIFO, a pipe or stdin:
#: how late SIGTERM may stop such a read at worst (issue 10, finding 5).
SIGNAL_POLL_SECONDS = 0.5

# --- PDF pages (issue 8) ---------------------------------------------------------------
# Lengths are in PDF points or in *em* (multiples of the font size of the text
# concerned), so that the rules hold for any page size and type size.

#: largest PDF read, in bytes: a day's e-paper is 1-40 MB; far more is not a newspaper.
MAX_PDF_BYTES = 500 * 1024 * 1024

#: share of a page's characters with no Unicode mapping (private-use code points,
#: U+FFFD, pdfium's map errors) above which the page's text is garbage: fonts embedded
#: without a ToUnicode table. Real pages have none; 5% leaves room for the odd symbol.
PDF_UNMAPPED_MAX_FRACTION = 0.05

#: a drawn path no thicker than this (points) is a rule (a line), not a box.
PDF_RULE_MAX_THICKNESS = 2.5

#: characters on one line have vertical centres within this fraction of their size
#: (baseline jitter of mixed CJK/Latin fonts is under 0.2 em).
PDF_SAME_LINE_EM = 0.35

#: characters of one line differ in size by at most this ratio (a digit run set in
#: another font is slightly smaller; a title next to body text is 1.3x or more).
PDF_SAME_LINE_SIZE_RATIO = 1.2

#: a horizontal gap this many em wider than the line's typical letter gap ends a line
#: segment: column gutters are 1-2 em, justified letter spacing under 0.5 em
#: (real page gsfzb: 1.1 em gutters; letter-spaced headlines zghysyb: 0.6 em gaps).
PDF_SPLIT_GAP_EM = 0.8

#: sizes are compared after rounding to this step (points): type sizes are set in
#: quarter or half points; pdfium's computed sizes jitter below that.
PDF_SIZE_STEP = 0.25

#: a line this many times the body size is display type (title, kicker, subtitle,
#: subhead); generated pages set subheads at body+1pt (1.11x at 9pt).
PDF_DISPLAY_MIN_RATIO = 1.08

#: display lines this many times the body size, or wider than a body column, head an
#: article; smaller one-column display lines inside a body are subheads. Kickers and
#: subtitles join a headline block whatever their size.
PDF_TITLE_MIN_RATIO = 1.3

#: lines smaller than this fraction of the body size are small print: captions,
#: credits, notices (real pages: captions 0.8-0.9x body).
PDF_SMALL_MAX_RATIO = 0.93

#: lines of one title block are at most this many em (of the larger line) apart.
PDF_TITLE_LINE_GAP_EM = 1.2

#: lines of one body block are at most this many em apart vertically (line spacing
#: is 1.2-1.6 em; a blank line or a picture between is more).
PDF_BLOCK_LINE_GAP_EM = 1.0

#: a line may start this many em above the foot of the block's last line and still join the block: glyph
#: boxes carry the font's ascent and descent, so the boxes of tightly led lines overlap.
PDF_BLOCK_LINE_OVERLAP_EM = 0.3

#: lines of one body block start within this many em of each other (an indented
#: paragraph start is 2 em in; 2.5 em covers it, not the next column).
PDF_BLOCK_X_SLACK_EM = 2.5

#: the page header and footer bands, as fractions of the page height: text wholly
#: inside them is furniture when it is not display type (page 版头 and 页脚).
PDF_HEADER_BAND = 0.06
PDF_FOOTER_BAND = 0.97

#: a rule under a title closer than this (em of the title) is the title's underline or
#: closes its lead, not a separator between the title and the text below (real page lswb:
#: a rule one headline em under the title, between its lead and its columns).
PDF_UNDERLINE_MAX_EM = 1.5

#: a rule separates a title from a block when it covers at least this share of the
#: block's width and of the title's span (column rules are narrower than the articles
#: they divide; a rule framing a lead inside an article covers part of its span).
PDF_RULE_MIN_COVER = 0.5

#: a caption sits within this many em (body size) of its picture.
PDF_CAPTION_MAX_GAP_EM = 2.0

#: a caption of more lines than fit within PDF_CAPTION_MAX_GAP_EM starts this close under its
#: picture (em of body type): real page gsfzb's two-line caption 0.6 em under its photo; the lead
#: of zghysyb's 锦州 article, 2.3 em or more under a photo with its own caption between, is no caption.
PDF_CAPTION_START_GAP_EM = 1.0

#: most lines of a caption block; longer text next to a picture is body.
PDF_CAPTION_MAX_LINES = 5

#: a table cell box is at most this many em of body type tall: a row of one or two lines
#: (real page lswb: a weather table of 60 cell boxes 9 pt tall, 1.2 em).
PDF_TABLE_CELL_MAX_EM = 3.0
#: cell boxes this close (em of body type) touch: lswb's cells share their edges (0 pt
#: apart); the slack absorbs a stroke's width and rounding, far below a column gutter (1 em+).
PDF_TABLE_CELL_GAP_EM = 0.2
#: touching cell boxes make a table from this many on: a boxed article or a teaser box is one
#: box, a picture with its caption frame two; lswb's smallest group of rows holds 12.
PDF_TABLE_MIN_CELLS = 6
#: groups of cells over the same columns at most this many em apart are rows of one table
#: (lswb: each city's two rows drawn as a group, 2.3 em under the city before)
PDF_TABLE_ROW_GAP_EM = 3.0

#: a glyph of a vertical line may start this many em above the foot of the glyph over it: glyphs set solid
#: in a vertical title have boxes that overlap a little.
PDF_VERTICAL_OVERLAP_EM = 0.2

#: a vertical title owns body text at most this many em (its size) beside it.
PDF_VERTICAL_REACH_EM = 3.0

#: a body block is owned by a title whose x-range overlaps at least this share of the
#: block's width (a headline centred over three columns covers each of them).
PDF_TITLE_MIN_OVERLAP = 0.3

#: parts of one title line set apart by spaces (汪东进致辞 周心怀出席并讲话) are at most
#: this many em apart; side-by-side headlines of two articles are further.
PDF_TITLE_ROW_GAP_EM = 2.5

#: a gap of this many em between two characters of a line is read as a space (name
#: lists spaced out to line up, 胡鞍钢 张 新; names in a byline 0.5 em apart on the real page
#: zghysyb, 记者徐昕联 通讯员 田明 宋宗泽; justified body text stays under 0.2 em).
PDF_SPACE_GAP_EM = 0.4

#: a gap this many em wider than its line's median letter spacing is a space too: names
#: 0.3 em apart in a byline otherwise set solid (generated pages: 本报记者 李 纵 周小苑); a
#: justified line widens all its gaps alike, so none stands out.
PDF_SPACE_OVER_TYPICAL_EM = 0.25

#: a title heads the body columns that start within this many body em below it
#: (a subtitle, or a byline line and a blank line, can stand between: dev page a04).
PDF_SPAN_REACH_EM = 8.0

#: columns of one article are at most this many body em apart (gutters are 1-2 em, plus a
#: ragged short last line: generated page c02, 25pt at 8pt body).
PDF_SPAN_GUTTER_EM = 4.0

#: title lines at least this share of the largest size in their group are the headline;
#: smaller lines above are the kicker, below the subtitle (kickers and subtitles are set
#: at 0.4-0.7 of the headline on the real and generated pages).
PDF_HEADLINE_SIZE_SHARE = 0.85

#: a line starting this many em right of its block's left edge opens a paragraph (the
#: indent is 2 em), and a line ending this far short of the right edge after sentence
#: punctuation closes one.
PDF_INDENT_MIN_EM = 1.5

#: most lines of a reporter line standing as a block of its own (a long name list wraps
#: once in a narrow column: ■ 本报记者 徐锦庚 肖 / 家鑫 李洪兴).
PDF_BYLINE_MAX_LINES = 3

#: a line of at most this many characters right after a byline may be the end of its last
#: name, wrapped (■ 本报记者 赵 / 兵); a longer one is the body's first line.
NAME_TAIL_MAX_CHARS = 2

#: a byline standing alone heads the column that starts at most this many body em below
#: it (a reporter line, a blank line, then the text: 1.5-2 em on generated pages).
PDF_BYLINE_GAP_EM = 2.5

#: characters consecutive in the content stream stay on one line across a gap of up to
#: this many em (spaced-out names, 赵 兵; a gutter between frames is never consecutive).
PDF_STREAM_GAP_MAX_EM = 2.5

#: most lines of a block in the header or footer band that is furniture; a longer one is
#: a column of text run to the page edge (generated pages run bodies off the page).
PDF_FURNITURE_MAX_LINES = 2

#: characters not consecutive in the content stream and this many em apart belong to two
#: text frames and so to two lines, however close (letter gaps within a frame are smaller;
#: a comma hung past a column's edge leaves 0.27 em to the next column: gen page h7001/p05).
PDF_FRAME_GAP_EM = 0.2

#: a subhead is at most this many body columns wide (it is set within one column).
PDF_SUBHEAD_MAX_COLUMNS = 1.1

#: a one-column display group at most this share of the size of the title heading its
#: columns is a subhead inside that article, not a title (real pages rmrb: 12.9pt section
#: heads under 44-52pt essay titles; generated pages: titles 17-23pt, never below 0.7x).
PDF_SUBHEAD_MAX_SHARE = 0.5

#: display lines of running text (sentence punctuation) in a title group, at least this
#: many, are a lead paragraph set large (导语: real page lswb), not part of the title.
PDF_LEAD_MIN_LINES = 2

#: a block no title heads goes to the nearest title only when it has this many lines
#: (a column begun beside its title); shorter ones (table cells, stray labels) stay fragments.
PDF_ORPHAN_MIN_LINES = 3

#: a kicker or subtitle line has its centre within this share of the wider line's width
#: of its headline's centre (or shares its left edge); pagegen and the real pages centre them.
PDF_TITLE_CENTRE_SLACK = 0.1

#: a block this many times wider than the article's typical column is set across the
#: columns (a lead 导语: real page lswb) and is read before the columns it stands over.
PDF_WIDE_BLOCK_RATIO = 1.6

#: characters at most this many indices apart in pdfium's text stream are consecutive, one
#: frame's stretch of a line: what stands between is whitespace the reader skips (a space, or
#: the two-index line break pdfium puts at a line's end); a bigger jump is another text frame.
PDF_STREAM_INDEX_GAP = 3

#: a row is passed, and no longer offered to the runs that follow (sorted by centre), once they
#: centre more than this many em (of the larger size) below it. A run joins a row only within
#: PDF_SAME_LINE_EM at sizes within PDF_SAME_LINE_SIZE_RATIO (0.42 em at most), so any value
#: above that gives the same rows; this one keeps the rows looked at few.
PDF_ROW_PASSED_EM = 2

#: a body or small-print line joins a block whose last line differs from it in size by at most
#: this share of its size: a block is set in one size, up to the jitter of pdfium's computed
#: sizes; display lines (a title's kicker, headline and subtitle) join across sizes.
PDF_BLOCK_SIZE_SLACK = 0.1

#: a block stays open for lines that start at most this many em (of the line) below its last
#: line. Lines join a block only within PDF_BLOCK_LINE_GAP_EM or PDF_TITLE_LINE_GAP_EM, so this
#: closes the blocks no line of a like size can reach, which keeps the search short.
PDF_BLOCK_CLOSE_EM = 3

#: a block is in a column (in reading order) when its centre is over the column and its left
#: edge within this share of the column's width of the column's left edge: blocks of a column
#: start at its left edge or an indent in; a block starting past the middle of a wider one is
#: a column of its own beside it.
PDF_COLUMN_LEFT_SHARE = 0.6

#: a box at least this share of the page's width frames the whole page (its border), not an
#: article or a title, and cuts nothing off.
PDF_PAGE_FRAME_SHARE = 0.95

#: the body font is the commonest among characters within this many points of the body size:
#: more than the rounding of sizes to PDF_SIZE_STEP (0.125 pt either way), well under the 1 pt
#: by which subheads are set larger (see PDF_DISPLAY_MIN_RATIO).
PDF_BODY_FONT_SIZE_SLACK_PT = 0.3

#: a caption lies under or over its picture for more than this share of its own width
#: (captions are set within the picture's width; a column beside the picture overlaps it little).
PDF_CAPTION_MIN_OVERLAP = 0.5

#: a block no title heads goes to the nearest title only among titles whose height, widened by
#: this many em of the title's size either way, overlaps the block's: a column begun beside its
#: title (PDF_ORPHAN_MIN_LINES) starts level with it, not far above or below.
PDF_ORPHAN_TITLE_REACH_EM = 3

# --- evaluation (newsbrief eval) ---------------------------------------------

#: character F1 at or above which a predicted article body matches its gold
#: (after whitespace, jump markers and the leading byline are dropped). The
#: definition of ../shared/tools/segscore.py, kept so both report one number;
#: 0.98 forgives a stray caption line in a 1,000-character article, not a lost paragraph.
EVAL_BODY_F1_OK = 0.98

#: character F1 at or above which kicker+headline+subtitle read as the printed
#: title (segscore.py's definition): a missed punctuation mark or space-split
#: headline still counts, a missing kicker or subtitle line does not.
EVAL_TITLE_F1_OK = 0.9

# --- --engine ray (issue 11) -------------------------------------------------------

#: logical CPUs of a Ray cluster the worker pool leaves free for Ray's own small
#: tasks (Ray Data's bookkeeping). Issue 11: a pool that took every CPU
#: deadlocked a pipeline on 2 cores (hung silently for over 10 minutes). A local
#: Ray is started with this many logical CPUs beyond the machine's, so that
#: its workers still get every core for their models.
RAY_SPARE_CPUS = 1

#: times a unit of work is tried again when the worker doing it dies (killed,
#: out of memory, its node lost); Ray restarts the worker. A unit that kills
#: this many workers more fails with a message instead of taking the cluster
#: down worker by worker: two retries let a unit survive its worker being killed
#: for a reason outside it (a node lost, a neighbour's memory), while a unit that
#: itself kills workers costs three restarts, each a model load, before it is reported.
RAY_TASK_RETRIES = 2

#: seconds without any unit of work finishing (workers starting and loading
#: their models included) after which a Ray run stops with a message. One page
#: with the cpu preset takes up to about 10 minutes on one slow core
#: (bench_memory: 502 s on 2 cores); an hour means a stuck cluster. Ray Data's
#: own default is 30 minutes.
RAY_NO_PROGRESS_TIMEOUT_S = 3600

#: seconds between two looks of the reaper (reaper.py) at the local Ray's
#: processes; Ray starts its agents and workers seconds apart.
REAPER_POLL_S = 0.5

#: seconds a leftover Ray process gets to end on SIGTERM before SIGKILL: the
#: processes reaped are idle (their driver is gone), with nothing to flush but
#: logs; one still there after that is taken to be stuck.
REAPER_GRACE_S = 2.0
