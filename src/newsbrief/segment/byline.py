"""Byline grammar: datelines (本报讯, 新华社…电) and reporter lines (■ 本报记者 …).

Written as a grammar, not a list of papers (../shared/conventions.md, "Bylines
and datelines"): [据][source][place][date](讯|电)[（roles names）].
"""

from __future__ import annotations

import re

from ..config import NAME_LIST_MAX_COLUMNS
from ..text.normalize import display_width

BULLETS = "■□●◆△▲"
_H = r"\u4e00-\u9fff"

# Agencies and sites by name; papers by their suffix (any XX日报/晚报/都市报).
_SOURCE = (rf"(?:本报|本報|新华社|新華社|中新社|(?:香港)?中通社|中评社|中評社|人民网|人民網|央视网|央視網|澎湃新闻"
           rf"|[{_H}]{{2,8}}?(?:日报|日報|晚报|晚報|都市报|時報|时报|商报|法制报|青年报))")
_DATE = r"(?:\d{1,2}月\d{1,2}日)"
#: [据][source][place][date](讯|电)[ (roles names)] [题：...]
DATELINE = re.compile(
    rf"^(?P<lead>据\s*)?(?P<source>{_SOURCE})\s*(?P<place>[{_H}]{{0,8}}?)\s*(?P<date>{_DATE})?\s*(?P<kind>讯|訊|电|電)"
    rf"(?:\s*[（(](?P<people>[^（()）]{{1,40}})[）)])?")
#: 央视网消息, 据XX日报报道, XX日报消息: a source with no dateline.
SOURCE_NEWS = re.compile(rf"^(?:据\s*)?{_SOURCE}(?:消息|报道|報道)(?=[：:\s，,]|$)")

_ROLE = r"(?:首席记者|见习记者|全媒体记者|特约记者|记者|記者|通讯员|通訊員|通讯组|实习生|實習生|作者[：:])"
_ROLE_HINT = re.compile(r"记者|記者|通讯|通訊|实习生|實習生|作者")
#: one token of a reporter line: [organisation]role[name] (本报记者, 新华社记者王立彬, 作者：X)
_ROLE_TOKEN = re.compile(rf"^[{_H}·]{{0,12}}?{_ROLE}[{_H}·]{{0,4}}$")  # 新甘肃·甘肃法治报记者 (issue 8)
_TRAILER = re.compile(r"(?:报道|報道|文/图|文／图|摄|攝|文)$")

_NAME_TOKEN = re.compile(rf"^[{_H}·]{{1,4}}$")
_ORG_HINT = re.compile(r"(?:社|报|報|台|网|網|委|组|組|部|局|中心|站)$")
_SENTENCE_PUNCT = re.compile(r"[，。；！？：:,;!?“”《》（）()]")


#: a dateline names its source within its first characters: one of these must be there
SOURCE_HINT = re.compile(r"[讯訊电電报報社网網闻聞]")


def match_dateline(text: str) -> re.Match | None:
    """The dateline at the start of text (本报讯（记者 X）, 新华社北京2月27日电), or None."""
    if not SOURCE_HINT.search(text, 0, 14):
        return None
    return DATELINE.match(text) or SOURCE_NEWS.match(text)


def is_reporter_line(text: str) -> bool:
    """Whether a whole line is a reporter line (■ 本报记者 王培源, □ 王亚楠 张素华).

    Every token must be a role (with its organisation and perhaps a name glued
    on: 新华社记者王立彬) or a name; body lines that merely mention a reporter
    (`新华社记者杨成明、`) fail on punctuation or on a non-name token.
    """
    t = text.strip()
    if not t or (t[0] not in BULLETS and not _ROLE_HINT.search(t)):
        return False
    if display_width(t) > 2 * NAME_LIST_MAX_COLUMNS:
        return False
    bullet = t[0] in BULLETS
    # a list of names may wrap after its separator: 新華社記者 施雨岑、/ 王思北、胡浩
    body = _TRAILER.sub("", t.lstrip(BULLETS).strip().rstrip("、")).strip()
    if not body or _SENTENCE_PUNCT.search(re.sub(r"^作者[：:]", "", body)):
        return False
    roles = 0
    for tok in re.split(r"[\s、]+", body):
        if not tok:
            continue
        m = _ROLE_TOKEN.match(tok)
        if m:
            roles += 1
        elif not _NAME_TOKEN.match(tok):
            return False
    if roles:
        return True
    return bullet and display_width(body) <= NAME_LIST_MAX_COLUMNS


def is_bare_names(text: str, max_columns: float) -> bool:
    """Whether a short line is only a name or names (an author under a title: 张志锋)."""
    t = text.strip()
    if not t or display_width(t) > max_columns:
        return False
    return all(_NAME_TOKEN.match(tok) and len(tok) >= 2 for tok in t.split())


def reporters(byline: str) -> list[str]:
    """Reporter names in a byline, roles and organisations removed.

    A two-character name printed with a space inside to line up with
    three-character names (李 纵, 赵 兵) is one name (conventions.md).
    """
    if not byline:
        return []
    parts: list[str] = []
    for line in byline.split("\n"):
        m = DATELINE.match(line.strip())
        if m:
            parts.append(m.group("people") or "")
            continue
        if SOURCE_NEWS.match(line.strip()):
            continue
        if line.strip().startswith("题") or line.strip().startswith("題"):
            continue
        parts.append(line)
    tokens: list[str] = []
    for part in parts:
        part = part.strip().lstrip(BULLETS)
        for tok in re.split(r"[\s、，,／/]+", part):
            tok = tok.strip()
            if not tok:
                continue
            roles = list(re.finditer(_ROLE, tok))
            if roles:
                tok = tok[roles[-1].end():]
                if not tok:
                    tokens.append("|")  # a role word separates name groups
                    continue
            if _TRAILER.fullmatch(tok):  # 报道, 摄, 文/图 standing alone
                continue
            tok = _TRAILER.sub("", tok) if len(tok) > 2 else tok
            if not tok or not _NAME_TOKEN.match(tok) or _ORG_HINT.search(tok) and len(tok) > 3:
                tokens.append("|")
                continue
            tokens.append(tok)
    names: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "|":
            i += 1
            continue
        if len(tok) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1 and tokens[i + 1] != "|":
            names.append(tok + tokens[i + 1])
            i += 2
            continue
        if len(tok) >= 2:
            names.append(tok)
        i += 1
    return names
