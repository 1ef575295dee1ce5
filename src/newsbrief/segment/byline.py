"""Byline grammar: datelines (本报讯, 新华社…电) and reporter lines (■ 本报记者 …).

Written as a grammar, not a list of papers (../shared/conventions.md, "Bylines
and datelines"): [据][source][place][date](讯|电)[（roles names）].
"""

from __future__ import annotations

import re

from ..config import DATELINE_HEAD_CHARS, NAME_LIST_MAX_COLUMNS, RUN_NAMES_MIN
from ..text.normalize import display_width
from .lexicon import is_common_word

BULLETS = "■□●◆△▲"
_BULLETS_AND_SPACE = BULLETS + " "
_H = r"\u4e00-\u9fff"

# Agencies and sites by name; papers, sites and stations by their suffix (any
# XX日报/晚报/都市报, XX网, XX电视台): a grammar of the source, not a list of papers.
_ORG_CHAR = rf"(?:(?!本报|本報)[{_H}·])"  # an organisation's name never runs on past 本报 (seed page line 181)
_SOURCE = (rf"(?:本报|本報|新华社|新華社|中新社|(?:香港)?中通社|中评社|中評社|中央社|人民网|人民網|央视网|央視網|澎湃新闻"
           rf"|{_ORG_CHAR}{{2,10}}?(?:日报|日報|晚报|晚報|都市报|時報|时报|商报|商報|法制报|法治报|青年报|快报|快報)"
           rf"|{_ORG_CHAR}{{1,4}}(?:报|報)|{_ORG_CHAR}{{1,6}}?(?:网|網|电视台|電視台|广播电台|頻道|频道))")
#: a PDF's line may space the figures out (新华社北京 8 月 24 日电)
_DATE = r"(?:\d{1,2}\s?月\s?\d{1,2}\s?日)"
#: a place never names a source: `要闻简报` / `新华社青岛8月24日电` is a heading, then a dateline (dev-v2 e04)
_PLACE_CHAR = rf"(?:(?![社报報网網讯訊电電])[{_H}])"
#: the word that ends a dateline: 讯, 电, 快讯, 专讯 (明報專訊), 网讯 (文匯網訊)
#: (通讯 is a role: 通讯员; 电视, 电话 are words, not 电; so are 讯息, 讯号 and 资讯, not 讯: gen page
#: s10508/p10, PyMuPDF blocks, `進行監管報告和對外訊息`, a paragraph's rest after a gap, read as a dateline
#: `進行監管報` + `告和對外` + 訊). Every form holds 讯 訊 电 or 電, which match_dateline looks for first:
#: keep the two together
_KIND = (r"(?:快讯|快訊|专讯|專訊|网讯|網訊|(?<![通资])讯(?![息号])|(?<![通資资])訊(?![息號号])"
         r"|电(?![视視话話台])|電(?![视視话話台]))")
#: [据][source][place][date](讯|电)[ (roles names)] [题：...]
DATELINE = re.compile(
    rf"^(?:[{BULLETS}]\s*)?(?P<lead>据\s*)?(?P<source>{_SOURCE})\s*(?P<place>{_PLACE_CHAR}{{0,8}}?)\s*(?P<date>{_DATE})?\s*(?P<kind>{_KIND})"
    rf"(?:\s*[（(](?P<people>[^（()）]{{1,40}})[）)]"
    # or the reporter named after it, unbracketed, closing on 报道 (本报讯 辽沈晚报记者闫柳报道, real page lswb)
    rf"|\s*(?P<reported>(?:[{_H}·]{{0,12}}?(?:记者|記者)\s*[{_H}·]{{2,4}}?\s*(?:报道|報道))))?")
#: Hong Kong and Taiwan datelines in brackets: 【本報訊】 【明報專訊】 【環球時報綜合報道】
#: 【文匯網訊】(香港文匯報記者 顏晉傑 文森), and a whole dateline in parentheses:
#: （中央社記者戴雅真台北29日電） (星島日報報道).
BRACKET_DATELINE = re.compile(
    rf"^(?:[{BULLETS}]\s*)?(?:【[^【】\n]{{1,20}}?(?:讯|訊|报道|報道)】\s*(?:[（(](?P<people>[^（()）]{{1,40}})[）)])?"
    rf"|[（(](?P<inner>{_SOURCE}(?:报道|報道)|[^（()）\n]{{0,12}}?(?:记者|記者)[^（()）\n]{{1,24}}?(?:电|電))[）)])")
#: 央视网消息, 据XX日报报道, XX日报消息: a source with no dateline. 据XX日报报道 followed by a comma
#: is the lead's opening clause (据XX报道，…), which the article's text keeps: taken as a byline it
#: left the text opening on `，` (real pages keep `据…报道，` in the paragraph: gold of dev-v2 pages).
#: (match_dateline looks for 消息 报道 報道 first: keep the two together)
SOURCE_NEWS = re.compile(rf"^(?:据\s*{_SOURCE}(?:消息|报道|報道)(?=[：:\s]|$)|(?!据){_SOURCE}(?:消息|报道|報道)(?=[：:\s，,]|$))")

_ROLE = (r"(?:首席记者|见习记者|見習記者|全媒体记者|融媒体记者|特约记者|特派记者|记者|記者|通讯员|通訊員|通讯组|通訊組"
         r"|实习生|實習生|作者[：:︰]|读者|讀者|采写[：:︰]|採寫[：:︰])")
_ROLE_HINT = re.compile(r"记者|記者|通讯|通訊|实习生|實習生|作者|读者|讀者|采写|採寫")
#: a credit of the text opening a line (文/), apart from _ROLE_HINT: a pattern with an anchored branch is
#: tried at every position of a line, one of words only is searched for their first characters
_TEXT_CREDIT = re.compile(r"文\s*[/／·・]")
#: what stands before a name in a byline: a space or a role word (`本报记者 董怡虹`, `读者薛芳玲`)
BEFORE_NAME = re.compile(rf"\s|{_ROLE}")
#: a reporter line that ends on a name, with no list punctuation: not a sentence's list of reporters
#: (dev page a03: `追授新华社记者邵云` / `环、光明日报社记者` under a sentence ending on a colon)
NAMED_REPORTER = re.compile(rf"^[^、，,；;]*{_ROLE}\s*[{_H}·]{{2,4}}$")
#: a lead-in before the names: 文/ 文· 图文/ 采写： 记者︰
_LEAD_IN = re.compile(r"^(?:文|图文|圖文|文/图|文／图)\s*[/／·・︰：:]\s*|^(?:記者|记者|采写|採寫|作者|撰文)\s*[︰：:]\s*")
#: words that open a clause and never an organisation's name: a role token opening on one is a sentence's
#: words broken at a line's end (gen page u9763/p02, pdftotext -raw: `在与新文化记者谈及本` / `周的市场走势时，`)
_CLAUSE_OPENERS = frozenset("在与向对给被把")
#: words that open a predicate and never a name: the time or the adverb after a role that is a sentence's
#: subject (gen page y9795/p10, pdftotext -raw: `记者昨日走访` / `市场发现，…`, which had read as a reporter
#: line and cut an article under the subhead over it; `记者近日从…获悉`, `记者今天看到`)
_PREDICATE_OPENERS = frozenset("昨今近日当此随也还都已将又再就才正均亦")
#: words that take the reporter as their object: no organisation's name ends on one before the role; such a
#: line is a sentence about what someone told a reporter, cut by its column (gen page u9766/p05, plain pdftotext:
#: `资食品企业的负责人罗成鑫给记者算了一` / `笔账，…`, which had read as a reporter line and cut the article)
_TOLD_REPORTER = "给給向对對跟诉訴让讓请請替据據受"
#: a reporter token up to its role: [organisation]role, the organisation ending on no _TOLD_REPORTER word
_ROLE_HEAD = rf"^(?:(?![讯訊电電])[{_H}·・]){{0,14}}?(?<![{_TOLD_REPORTER}]){_ROLE}"
#: text opening on a role, its organisation before it (本报记者 …, 新华社记者 …, 记者 …)
ROLE_OPENING = re.compile(_ROLE_HEAD)
#: one token of a reporter line: [organisation]role[name] (本报记者, 新华社记者王立彬, 新甘肃·甘肃法治报记者, 作者：X)
_ROLE_TOKEN = re.compile(rf"{_ROLE_HEAD}(?P<glued>[{_H}·]{{0,4}})$")
#: the same token with more names glued on than one name holds: read by _role_and_run_names
_ROLE_RUN = re.compile(rf"{_ROLE_HEAD}(?P<run>[{_H}]{{5,9}})$")
#: an organisation standing as its own token before the roles: 新华网黑龙江频道 记者 X
_ORG_TOKEN = re.compile(rf"^{_SOURCE}$")
_TRAILER = re.compile(r"(?:报道|報道|文/图|文／图|摄|攝|文)$")
#: a picture credit printed after the names: 马俊峰/文 受访者供图 (dev-v2 e06)
_CREDIT = re.compile(r"\s*(?:受访者|受訪者|资料|資料|本人)(?:供图|供圖)$")
_CREDIT_ENDS = ("供图", "供圖")  # how every _CREDIT match ends
#: a role word inside a token: what separates groups of names (記者 张三 通讯员 李四)
_ROLE_RE = re.compile(_ROLE)
#: a line ending on a role, its people on the next line: `中共将乐县委通讯组` / `福建日报记者`
ENDS_ON_ROLE = re.compile(rf"{_ROLE}$")
#: what separates the words of a reporter line (is_reporter_line), and its names (reporters)
_ROLE_LINE_SEP = re.compile(r"[\s、/／]+")
_NAMES_SEP = re.compile(r"[\s、，,／/]+")
#: a token made of Chinese characters (and the · of transliterated names) only
_NAME_CHARS = re.compile(rf"[{_H}·]+")

_NAME_TOKEN = re.compile(rf"^[{_H}·]{{1,4}}$")
#: a name as printed in a reporter list without a role: 1-3 characters (two
#: single characters of a spaced name are joined later); four-character tokens
#: are words far more often than names (issue 9: `谈会召开` read as a name)
_LIST_NAME = re.compile(rf"^[{_H}·]{{1,3}}$")
_SENTENCE_PUNCT = re.compile(r"[，。；！？：:︰,;!?“”《》（）()【】]")


#: a dateline names its source within its first characters: one of these must be there
SOURCE_HINT = re.compile(r"[讯訊电電报報社网網闻聞]")


def may_open_dateline(text: str) -> bool:
    """Whether text may open on a dateline: a bracket first, or a source's word in its first DATELINE_HEAD_CHARS.

    match_dateline's own first looks, for a caller that rules out many lines at once with them.
    """
    return text.lstrip(_BULLETS_AND_SPACE)[:1] in "【（(" \
        or SOURCE_HINT.search(text, 0, DATELINE_HEAD_CHARS) is not None


def match_dateline(text: str) -> re.Match | None:
    """The dateline at the start of text (本报讯（记者 X）, 新华社北京2月27日电, 【本報訊】), or None."""
    # (may_open_dateline's two looks, written out: this sees every line)
    if text.lstrip(_BULLETS_AND_SPACE)[:1] in "【（(":
        return BRACKET_DATELINE.match(text)
    if not SOURCE_HINT.search(text, 0, DATELINE_HEAD_CHARS):
        return None
    # (the word each pattern needs looked for first, anywhere in the text: a line with a source's 报 or 社
    # in its head holds neither, most often, and a failed match of DATELINE tries every source and place)
    m = DATELINE.match(text) if "讯" in text or "电" in text or "訊" in text or "電" in text else None
    return m or (SOURCE_NEWS.match(text) if "消息" in text or "报道" in text or "報道" in text else None)


_LEAD_DATE = re.compile(rf"^{_DATE}")


def opens_on_date(text: str) -> bool:
    """Whether text opens with a date (11月23日，…), as a report's lead does."""
    return _LEAD_DATE.match(text) is not None


def dateline_date(byline: str | None, lead: str) -> str | None:
    """The date a dateline gives (新华社北京2月27日电: 2月27日), else the one its lead opens with (3月5日，…)."""
    m = match_dateline(byline or "")
    if m is None:
        return None
    date = m.groupdict().get("date")  # bracketed and source-only forms have no date group
    if not date:
        d = _LEAD_DATE.match(lead.strip())
        date = d.group(0) if d else None
    return date.replace(" ", "") if date else None


def _drop_credit(line: str) -> str:
    """A line with the picture credit at its end (受访者供图) removed."""
    # (its end looked at first: a search for _CREDIT, which opens on spaces, tries every position)
    return _CREDIT.sub("", line) if line.endswith(_CREDIT_ENDS) else line


def credit_broken(line: str, rest: str) -> bool:
    """Whether a picture credit at a byline's end (受访者供图) is broken between line and the rest on the next line."""
    whole = line + rest
    m = _CREDIT.search(whole) if whole.endswith(_CREDIT_ENDS) else None
    return m is not None and m.start() < len(line.rstrip())


def is_reporter_line(text: str) -> bool:
    """Whether a whole line is a reporter line (■ 本报记者 王培源, □ 王亚楠 张素华).

    Every token must be a role (with its organisation and perhaps a name glued
    on: 新华社记者王立彬) or a name; body lines that merely mention a reporter
    (`新华社记者杨成明、`) fail on punctuation or on a non-name token.
    """
    t = _drop_credit(text.strip())
    if not t or (t[0] not in BULLETS and not names_a_role(t)):
        return False
    if display_width(t) > 2 * NAME_LIST_MAX_COLUMNS:
        return False
    bullet = t[0] in BULLETS
    # a list of names may wrap after its separator: 新華社記者 施雨岑、/ 王思北、胡浩
    body = _TRAILER.sub("", t.lstrip(BULLETS).strip().rstrip("、")).strip()
    lead_in = _LEAD_IN.match(body)
    if lead_in:
        body = body[lead_in.end():]
    if not body or _SENTENCE_PUNCT.search(body):
        return False
    roles = 1 if lead_in else 0
    names = []
    for tok in _ROLE_LINE_SEP.split(body):
        if not tok:
            continue
        m = _ROLE_TOKEN.match(tok)
        if m and (tok[0] in _CLAUSE_OPENERS or m.group("glued")[:1] in _PREDICATE_OPENERS
                  or not _glued_name(m.group("glued"))):
            return False
        if m:
            roles += 1
        elif _NAME_TOKEN.match(tok):
            names.append(tok)
        elif _role_and_run_names(tok):
            roles += 1
        elif not _ORG_TOKEN.match(tok):
            return False
    if lead_in and lead_in.group(0).startswith(("记者", "記者")):
        # 記者︰張三 is a byline; 记者：首先欢迎… opens an interview question (dev-v2 e09)
        return bool(names) and all(_LIST_NAME.match(n) and starts_with_surname(n) for n in names)
    if roles:
        return True
    return bullet and display_width(body) <= NAME_LIST_MAX_COLUMNS and all(_LIST_NAME.match(n) for n in names)


def _glued_name(glued: str) -> bool:
    """Whether what follows a role with no space (新华社记者王立彬) may be its names; of four characters, two or a compound one.

    Four characters are two names of two (通讯员余建李明) or a name opening on a compound surname
    (欧阳…); else a name of three and the sentence going on, a reporter named in the text (gen3 page
    k10049/p05, pdftotext -raw: `工人日報記者鄧崎凡來` / `到這里，探訪…`, read as a byline in the middle of
    a report). A character that goes on from a reporter's name (来, 到, 说…: _AFTER_NAME) ends no name, though
    it may follow a surname character (`张晓华来` would split as 张晓 / 华来).
    """
    if len(glued) < 4 or glued.startswith(COMPOUND_SURNAMES):
        return True
    return glued[-1] not in _AFTER_NAME and len(split_run_names(glued)) >= 2


#: verbs and prepositions that a sentence naming a reporter goes on with right after the name
_AFTER_NAME = frozenset("来到在说向对从跟随等和与來說對從隨與")


def _role_and_run_names(token: str) -> bool:
    """Whether a token is a role with two or three names glued on (通讯员魏嘉熠张慧莹).

    A byline set letter-spaced to fill its line (`员 魏 嘉 熠 张 慧 莹）`, real page gsfzb-20240809-08,
    plain pdftotext) loses, with the letter spaces, the space between its names; each name still
    opens on a surname and holds two or three characters.
    """
    m = _ROLE_RUN.match(token)
    if m is None:
        return False
    names = split_run_names(m.group("run"))
    return len(names) >= RUN_NAMES_MIN and all(2 <= len(n) <= 3 for n in names)


def is_source(token: str) -> bool:
    """Whether a word is a whole source's name: 本报, 新华社, 城南日报, 新华网黑龙江频道."""
    return bool(_ORG_TOKEN.match(token))


def names_a_role(text: str) -> bool:
    """Whether a line names a role (记者, 通讯员, 作者 …) or credits the text (文/)."""
    # (the credit's 文 looked at before its pattern is matched: nearly every line opens on another character)
    return bool(_ROLE_HINT.search(text) or text[:1] == "文" and _TEXT_CREDIT.match(text))


def is_bare_names(text: str) -> bool:
    """Whether a short line is only a name or names (an author under a title: 张志锋)."""
    t = text.strip()
    if not t or display_width(t) > NAME_LIST_MAX_COLUMNS:
        return False
    names: list[str] = []
    singles: list[str] = []
    for tok in t.split() + [""]:
        if len(tok) == 1:  # 钱 艳: a two-character name spaced out to line up with longer ones
            singles.append(tok)
            continue
        if singles:
            names.extend(split_run_names("".join(singles)) if len(singles) > 1 else singles)
            singles = []
        if tok:
            names.append(tok)
    # a name starts with a surname: the tail of a wrapped headline (`協調發展`, `檢疫`) does not (issue 9)
    # (a name is at most four characters, _NAME_TOKEN; the line's width is bounded by NAME_LIST_MAX_COLUMNS)
    # (nor a lone common word that opens on a surname's character: `成绩` under `…拿下不俗的`, gen page
    # x9785/p10; in a list, the other names vouch for it, `王小明 江山`, session-27 review)
    return bool(names) and all(_NAME_TOKEN.match(n) and len(n) >= 2 and starts_with_surname(n) for n in names) \
        and not (len(names) == 1 and is_common_word(names[0]))


def is_author_line(text: str) -> bool:
    """Whether a line under a title is its author's bare names: two names, or one of three characters.

    李洪兴, 胡鞍钢 张 新, 李 斌 (a two-character name spaced out is two tokens) sign articles;
    a lone two-character word that opens with a surname is as often a title's wrapped tail
    (`成绩`, `安全`, `管理`: gen pages, dev-v2 e06 and e09).
    """
    tokens = text.split()
    return bool(tokens) and (len(tokens) >= 2 or len(tokens[0]) == 3) and is_bare_names(text)


#: what a number goes on in: its higher digits' words and the units it counts (21 / 万亿元, 3 / 年)
_NUMBER_GOES_ON = "十百千万亿元年月日岁歲倍%％"


def number_rest(upper: str, text: str) -> bool:
    """Whether text opens on the rest of a number that the line over it ends on: a word cut, not a name.

    A title wrapped inside its number (gen page x9786/p02, pdftotext -raw: `A股市值三周蒸发21` / `万亿元`)
    leaves a short line that opens on a surname (万) and read as an author's name under the title.
    """
    return upper[-1].isdigit() and text[0] in _NUMBER_GOES_ON


def broken_role(line: str, nxt: str) -> bool:
    """Whether a role word is broken at the end of a line: `本报记者 吴铎思 本报通` / `讯员 薛晓秋 摄`."""
    a, b = line.split(), nxt.split()
    return bool(a and b) and not _ROLE_TOKEN.match(a[-1]) and bool(_ROLE_TOKEN.match(a[-1] + b[0]))


def starts_with_surname(name: str) -> bool:
    """Whether a name opens with a common surname (SURNAMES, COMPOUND_SURNAMES)."""
    return name[:1] in _SURNAME_RANK or name[:2] in COMPOUND_SURNAMES


def surname_rank(name: str) -> int:
    """How common the surname a name opens with is: 0 for the commonest (and compound ones)."""
    return 0 if name[:2] in COMPOUND_SURNAMES else _SURNAME_RANK.get(name[:1], len(SURNAMES))


#: common Chinese surnames, most frequent first (simplified, then traditional
#: forms): what a name run together with others starts with. The order breaks
#: ties: 田明宋宗泽姜山 is 田明 宋宗泽 姜山 because 宋 is commoner than 宗.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常"
            "温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍"
            "涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景"
            "党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝闻"
            # rarer ones that sign articles but seldom open a word, so a headline's wrapped tail (谈会召开,
            # dev-v2 e04) does not pass for a name (real page rmrb-20180122-07: 习亚哲 under an essay title)
            "习冀郁胥栗鄢谌奚粟冼蔺仝郜阚禹漆扈晁芮阙邸辜裘亓邰逯亢嵇昝匡鞠"
            "張劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆賀顧龔萬錢嚴湯溫齊喬龐顏聶魯歐蘭紀單駱藍鮑華饒陽"
            "車項蘆婁竇費衛閔鄔欒鞏")
_SURNAME_RANK = {c: k for k, c in enumerate(SURNAMES)}
COMPOUND_SURNAMES = ("欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "令狐", "慕容",
                     "夏侯", "端木", "公孙", "公孫", "尉迟", "尉遲")


def split_run_names(run: str, allow_rest: bool = False) -> list[str]:
    """Names printed together without spaces, split where each starts with a surname (余建李明 -> 余建, 李明).

    A name is a surname and one or two characters. Of the splits that cover
    the run, the one whose surnames are commonest wins. allow_rest: the run may
    end in something that is not a name (the place of （中央社記者戴雅真台北29日電）).
    A run that cannot be split is returned whole.
    """
    n = len(run)
    if n <= 3:
        return [run]
    # best[i]: (cost, names) for run[i:]; cost counts uncovered characters heavily, then surname rarity
    best: list[tuple[float, list[str]] | None] = [None] * (n + 1)
    best[n] = (0.0, [])
    for i in range(n - 1, -1, -1):
        options = []
        if allow_rest and n - i <= 4:
            options.append((100.0 * (n - i), []))
        for sur in ((run[i:i + 2],) if run[i:i + 2] in COMPOUND_SURNAMES else ()) + (run[i],):
            rank = 0 if len(sur) == 2 else _SURNAME_RANK.get(sur)
            if rank is None:
                continue
            for given in (1, 2):
                j = i + len(sur) + given
                if j <= n and best[j] is not None:
                    options.append((best[j][0] + 1 + rank / len(SURNAMES), [run[i:j]] + best[j][1]))
        if options:
            best[i] = min(options, key=lambda o: o[0])
    if best[0] is None or not best[0][1]:
        return [run]
    return best[0][1]


_PLACE_DATE_TAIL = re.compile(r"(?:\d{1,2}\s?月\s?)?\d{1,2}\s?日\s*(?:电|電|报道|報道)$|(?:电|電|报道|報道)$")


def reporters(byline: str) -> list[str]:
    """Reporter names in a byline, roles and organisations removed.

    A two-character name printed with a space inside to line up with
    three-character names (李 纵, 赵 兵) is one name (conventions.md); names
    run together (记者李晖通讯员余建李明) are split at role words and surnames.
    """
    if not byline:
        return []
    parts: list[tuple[str, bool]] = []  # (text, may end in a place)
    joined: list[str] = []
    for line in byline.split("\n"):  # a bracket left open runs on to the next line: 【文匯網訊】(香 / 港文匯報記者 …)
        if joined and joined[-1].count("(") + joined[-1].count("（") > joined[-1].count(")") + joined[-1].count("）"):
            joined[-1] += line.strip()
        else:
            joined.append(line)
    for line in joined:
        line = _drop_credit(line.strip())
        m = match_dateline(line)
        if m and m.re is BRACKET_DATELINE:
            inner = m.group("inner")
            if inner:  # （中央社記者戴雅真台北29日電）: roles, names, then place and date
                parts.append((_PLACE_DATE_TAIL.sub("", inner), True))
            else:
                parts.append((m.group("people") or "", False))
            continue
        if m and m.re is DATELINE:
            # 本报讯 辽沈晚报记者闫柳报道: the reporters may follow the dateline on its line
            parts.append((m.group("people") or m.group("reported") or line[m.end():], False))
            continue
        if m or line.startswith(("题", "題")):
            continue
        if line[:1] in "（(" and line[-1:] in "）)":  # （记者 胡晓蓉） closing the text
            line = line[1:-1]
        lead_in = _LEAD_IN.match(line.lstrip(BULLETS).strip())
        parts.append((line.lstrip(BULLETS).strip()[lead_in.end():] if lead_in else line, False))
    tokens: list[str] = []
    for part, placed in parts:
        part = part.strip().lstrip(BULLETS)
        for tok in _NAMES_SEP.split(part):
            tok = tok.strip()
            if not tok:
                continue
            pieces = _ROLE_RE.split(tok)
            if len(pieces) > 1:  # a role word separates name groups; what precedes the first is its organisation
                for piece in pieces[1:]:
                    tokens.append("|")
                    tokens.extend(_name_tokens(piece, placed))
                continue
            tokens.extend(_name_tokens(tok, placed))
    names: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "|":
            i += 1
            continue
        if len(tok) == 1:
            # single characters in a row are names spaced out to line up (李 纵, 魏 世 东, 钱 艳 宋 岩)
            j = i
            while j < len(tokens) and len(tokens[j]) == 1 and tokens[j] != "|":
                j += 1
            if j - i >= 2:
                names.extend(split_run_names("".join(tokens[i:j])))
            i = max(j, i + 1)
            continue
        if len(tok) >= 2:
            names.append(tok)
        i += 1
    return names


def _name_tokens(tok: str, placed: bool) -> list[str]:
    """The names in one token of a byline ('|' where it is no name): trailers dropped, run-together names split."""
    if not tok or _TRAILER.fullmatch(tok):  # 报道, 摄, 文/图 standing alone
        return []
    tok = _TRAILER.sub("", tok) if len(tok) > 2 else tok
    if not tok or _ORG_TOKEN.match(tok) and len(tok) > 3:
        return ["|"]
    if not _NAME_CHARS.fullmatch(tok):
        return ["|"]
    if len(tok) > 4 or placed or (len(tok) == 4 and tok[:2] not in COMPOUND_SURNAMES):
        return split_run_names(tok, allow_rest=placed)
    return [tok]


#: a byline closing the last paragraph: （记者 胡晓蓉） or 本报记者 董怡虹 陈炅玮 after the final sentence
#: (the sentence's last mark is matched, not looked behind at: a pattern that opens on a class is
#: searched for it, one that opens on a lookbehind tried at every position)
_TAIL_PAREN = re.compile(rf"[。！？!?”」』]\s*(?P<byline>[（(][^（()）]{{0,12}}?{_ROLE}[^（()）]{{1,30}}[）)])$")
_TAIL_LINE = re.compile(rf"[。！？!?”」』]\s*(?P<byline>[{BULLETS}]?\s*[{_H}·]{{0,12}}?{_ROLE}[^。！？!?，,；;]{{1,30}})$")


_TAIL_MAX_CHARS = 50  # a closing byline is at most bracket + 12 + role + 30 + bracket characters long


def may_close_on_byline(text: str) -> bool:
    """Whether text holds the last character of a role word (记者 作者 读者 通讯员 实习生), as a closing byline does.

    split_tail_byline's first look, also asked by callers before they call it: most lines hold none.
    """
    return "者" in text or "员" in text or "員" in text or "生" in text


def split_tail_byline(paragraph: str) -> tuple[str, str | None]:
    """A last paragraph and the byline printed at its end, if any (…。（记者 胡晓蓉）, …。本报记者 董怡虹 陈炅玮)."""
    if not may_close_on_byline(paragraph[-_TAIL_MAX_CHARS:]):
        return paragraph, None
    m = _TAIL_PAREN.search(paragraph)
    if m is None:
        m = _TAIL_LINE.search(paragraph)
        if m is None or not is_reporter_line(m.group("byline")):
            return paragraph, None
    head = paragraph[:m.start() + 1].rstrip()  # (up to the sentence's mark)
    if not head:
        return paragraph, None
    return head, m.group("byline").strip()
