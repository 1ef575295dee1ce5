"""Lexical cohesion: whether two stretches of page text share the vocabulary of one article.

Two stretches of one article repeat its names and terms (港鐵, 沉降, 石屎躉);
two articles side by side share little beyond function words. Counting the
Chinese character bigrams two stretches share tells a subhead (high cohesion
across it) from a headline between two articles (low), and tells which body
a headline belongs to (its words recur in its own body). Issue 9: these
decisions made from widths and punctuation alone merged neighbouring articles
and gave titles to the wrong body on pages never seen in development.

Cohesion counts only bigrams that can tell what a stretch is about
(topic_bigrams): two unrelated reports still share the grammar of written
Chinese (的是, 一个) and the commonest words of news (发展, 工作, 全国, 记者),
enough to read the headline between them as a subhead (gen pages g303/p05,
g303/p08, text-5011/p08, f9001/p02: 7-11% of bigrams shared, all of that kind).
"""

from __future__ import annotations

import re

_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

#: what breaks a chain of topic words: any character that is not Han, and the grammatical
#: characters among the commonest of written Chinese (particles 的 了 着 之, the copula 是,
#: prepositions and conjunctions 在 和 与 而 以 将 把 被 于 并 及 为 对 从, pronouns 这 那 其,
#: adverbs 也 就 都, the numeral 一, 不, 有, 个, 等): any two stretches of prose share the
#: bigrams they form (的是, 是一, 了一, 一个, 这些), whatever their subjects.
_TOPIC_BREAK = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[的了是在和也就这那都着与而之以将把被于并及其为对从等个一不有]+")

#: two-character words so common in any Chinese text that two articles on different subjects share
#: them: the 300 commonest two-character words of jieba's dictionary (its frequencies come from
#: general Chinese text, the People's Daily among it) that are also among the 1,000 commonest of
#: wordfreq's Chinese list (web, subtitles, news), which drops the first list's corpus quirks (a
#: county, a river, 皇帝); those holding a _TOPIC_BREAK character are left out, never being read.
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


def bigrams(text: str) -> set[str]:
    """The set of Chinese character bigrams of text (other characters break the chain)."""
    return {run[i:i + 2] for run in _HAN.split(text) for i in range(len(run) - 1)}


def _chained(text: str) -> set[str]:
    """The bigrams of text that hold no _TOPIC_BREAK character."""
    return {run[i:i + 2] for run in _TOPIC_BREAK.split(text) for i in range(len(run) - 1)}


def topic_bigrams(text: str) -> set[str]:
    """The bigrams of text that can tell what it is about: none with a grammatical character, none a common word."""
    return _chained(text) - COMMON_WORDS


def _found(grams: set[str], text: str) -> int:
    """How many of the bigrams occur in text (a substring search each: no set of the long text is built)."""
    return sum(map(text.__contains__, grams))


def cohesion(a: str, b: str) -> float:
    """Share of the shorter stretch's topic bigrams that occur in the longer one (0 when either has none)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    grams = topic_bigrams(short)
    if not grams or not long:
        return 0.0
    # two stretches of hundreds of characters: one set intersection beats a substring search per bigram;
    # the long one's plain bigrams will do, the short one's topic bigrams choosing what is counted
    return len(grams & bigrams(long)) / len(grams)


def coverage(title: str, body: str) -> float:
    """Share of a title's bigrams that occur in a body: how much the body talks about what the title names.

    Every bigram counts here, common words too: a title is a few words, and counting only its
    topic bigrams lost dev-v2 and real articles to titles given to the wrong body.
    """
    grams = bigrams(title)
    if not grams:
        return 0.0
    return _found(grams, body) / len(grams)
