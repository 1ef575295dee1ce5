"""PDF pages (issue 8): layouts built with reportlab read back as articles; bad PDFs fail clearly."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.pdf import PdfError, segment_pdf
from newsbrief.pdf.layout import Line, build_lines
from newsbrief.pdf.reader import Char

from .conftest import validate
from reportlab.pdfbase import pdfmetrics

from .pdfpages import FONT, Page, save, wrap

runner = CliRunner()
BODY = 9.0

LEAD = ("本报讯（记者 张明 李华）近日，本市举行社区志愿服务交流活动，来自各街道的志愿者代表分享了一年来的工作经验。"
        "活动现场，大家围绕助老服务、环境整治和文明宣传等话题展开讨论，气氛热烈。")
MORE = ("组织者表示，今后将进一步完善志愿服务激励机制，让更多居民参与到社区治理中来。"
        "据统计，全市注册志愿者已超过十万人，服务时长累计达到数百万小时。一位参加活动的退休教师说，"
        "能为邻居做点事情，自己也感到很充实。下一步，各街道还将结合实际开展形式多样的志愿活动。")
SECOND = ("春季以来，农业部门组织技术人员深入田间地头，指导农户科学施肥、合理灌溉。今年全县粮食播种面积保持稳定，"
          "新建高标准农田两万亩。技术人员介绍，通过推广新品种和节水技术，每亩可增产一成左右。")


def _squash(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def _articles(records):
    return [r for r in records if r.kind == "article"]


def _columns(page: Page, x: float, y: float, width: float, ncols: int, text: str, gap: float = 14.0) -> float:
    """Text flowed into `ncols` columns of `width` points from (x, y); returns the bottom y."""
    per_line = int(width // BODY)
    lines = wrap(text, per_line)
    per_col = -(-len(lines) // ncols)
    bottom = y
    for k in range(ncols):
        bottom = max(bottom, page.column(x + k * (width + gap), y, BODY, lines[k * per_col:(k + 1) * per_col]))
    return bottom


def _segment(tmp_path, pages: list[Page], name: str = "page.pdf"):
    records, problems = segment_pdf(save(tmp_path / name, pages), str(tmp_path / name))
    assert not problems
    return records


def _one_article(tmp_path, page: Page, reporters: list[str], body: str) -> None:
    """The page reads as one article with these reporters and this body, its byline out of the text."""
    arts = _articles(_segment(tmp_path, [page]))
    assert len(arts) == 1 and arts[0].reporters == reporters
    assert _squash(arts[0].text) == _squash(body)


def test_headline_over_two_columns(tmp_path):
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _columns(p, 40, 100, 133, 2, LEAD + MORE)
    arts = _articles(_segment(tmp_path, [p]))
    assert len(arts) == 1
    a = arts[0]
    assert a.headline == "社区志愿服务交流活动举行"
    assert _squash(a.text) == _squash(LEAD + MORE)  # column by column, top to bottom
    assert a.byline == "本报讯（记者 张明 李华）"
    assert a.reporters == ["张明", "李华"]
    assert a.source.pdf_page == 1 and len(a.source.bbox) == 4


def test_title_drawn_after_its_body_reads_the_same(tmp_path):
    """The content stream's order does not matter: a title drawn after its body still heads it."""
    p = Page()
    _columns(p, 40, 100, 133, 2, LEAD + MORE)
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    a = _articles(_segment(tmp_path, [p]))[0]
    assert a.headline == "社区志愿服务交流活动举行"
    assert _squash(a.text) == _squash(LEAD + MORE)


def test_kicker_headline_subtitle_over_three_columns(tmp_path):
    p = Page()
    p.centred(40, 500, 50, 12, "春耕时节农事忙")
    p.centred(40, 500, 68, 24, "全县粮食播种面积保持稳定")
    p.centred(40, 500, 100, 12, "——技术人员深入田间指导生产")
    _columns(p, 40, 130, 140, 3, SECOND + MORE)
    a = _articles(_segment(tmp_path, [p]))[0]
    assert (a.kicker, a.headline, a.subtitle) == ("春耕时节农事忙", "全县粮食播种面积保持稳定",
                                                  "——技术人员深入田间指导生产")
    assert _squash(a.text) == _squash(SECOND + MORE)


def test_two_articles_side_by_side_and_a_teaser(tmp_path):
    p = Page()
    p.centred(40, 280, 60, 20, "社区志愿服务交流活动举行")
    _columns(p, 40, 95, 113, 2, LEAD)
    p.centred(310, 555, 60, 20, "全县粮食播种面积保持稳定")
    _columns(p, 310, 95, 113, 2, SECOND)
    p.text(40, 700, 18, "奋力书写高质量发展新篇章")  # a teaser: a title with no body
    records = _segment(tmp_path, [p])
    arts = {a.headline: _squash(a.text) for a in _articles(records)}
    assert arts == {"社区志愿服务交流活动举行": _squash(LEAD), "全县粮食播种面积保持稳定": _squash(SECOND)}
    teasers = [r for r in records if r.fragment_type == "teaser"]
    assert [t.headline for t in teasers] == ["奋力书写高质量发展新篇章"]


def test_caption_beside_picture_is_a_fragment(tmp_path):
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    p.image(40, 95, 320, 250)
    p.text(40, 254, 7.5, "活动现场，志愿者交流经验。本报记者 王强 摄")
    _columns(p, 40, 280, 133, 2, LEAD + MORE)
    records = _segment(tmp_path, [p])
    a = _articles(records)[0]
    assert "摄" not in a.text and _squash(a.text) == _squash(LEAD + MORE)
    assert [r.paragraphs for r in records if r.fragment_type == "caption"] == [
        ["活动现场，志愿者交流经验。本报记者 王强 摄"]]


def test_caption_of_several_lines_right_under_its_picture_is_a_fragment(tmp_path):
    # PDF_CAPTION_START_GAP_EM: real page gsfzb, a two-line caption under a photo ran past
    # the caption reach and joined the article beside it
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    p.image(40, 95, 320, 250)
    caption = ["活动现场，来自各街道的志愿者代表交流", "一年来的工作经验，分享助老服务和环境", "整治中的做法，大家围绕文明宣传等话题", "展开讨论，气氛热烈。"]
    p.column(40, 253, 7.5, caption)
    _columns(p, 40, 310, 133, 2, LEAD + MORE)
    records = _segment(tmp_path, [p])
    assert _squash(_articles(records)[0].text) == _squash(LEAD + MORE)
    assert [r.paragraphs for r in records if r.fragment_type == "caption"] == [caption]


@pytest.mark.parametrize("gap, ruled_last", [
    (0, False),  # one grid of touching cells
    (20, False),  # PDF_TABLE_ROW_GAP_EM: rows drawn in groups apart, over the same columns (lswb)
    (0, True),  # a last row closed by the column rules alone, no cell boxes (lswb: 葫芦岛)
])
def test_table_drawn_cell_by_cell_is_a_fragment_of_its_own(tmp_path, gap, ruled_last):
    # PDF_TABLE_*: real page lswb, a weather table of cell boxes beside an article; its
    # one-character cells stacked into vertical lines (晴晴晴) that ran into the article's lead
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _columns(p, 40, 100, 120, 2, LEAD + MORE)
    cells = [["城市", "今天", "明天"], ["沈阳", "晴", "阴"], ["大连", "晴", "雨"], ["鞍山", "晴", "晴"]]
    for r, row in enumerate(cells):
        y = 100 + r * 14 + (gap if r >= 2 else 0)
        for c, word in enumerate(row):
            x = 330 + c * 36
            if ruled_last and r == len(cells) - 1:
                p.rect(x, y, x, y + 14)  # a rule, not a box
            else:
                p.rect(x, y, x + 36, y + 14)
            p.text(x + 3, y + 3, 8, word)
    records = _segment(tmp_path, [p])
    assert _squash(_articles(records)[0].text) == _squash(LEAD + MORE)
    tables = [r for r in records if r.fragment_type == "table"]
    assert len(tables) == 1 and tables[0].paragraphs == [" ".join(row) for row in cells]


def test_boxed_article_inside_another_articles_columns(tmp_path):
    p = Page()
    p.centred(40, 555, 50, 24, "社区志愿服务交流活动举行")
    bottom = _columns(p, 40, 90, 160, 3, LEAD + MORE + LEAD)
    p.rect(36, bottom + 10, 380, bottom + 170)
    p.centred(40, 376, bottom + 20, 16, "全县粮食播种面积保持稳定")
    _columns(p, 46, bottom + 50, 150, 2, SECOND)
    arts = {a.headline: _squash(a.text) for a in _articles(_segment(tmp_path, [p]))}
    assert arts["全县粮食播种面积保持稳定"] == _squash(SECOND)
    assert arts["社区志愿服务交流活动举行"] == _squash(LEAD + MORE + LEAD)


def test_jump_marker_sets_continued_on(tmp_path):
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _columns(p, 40, 100, 133, 2, LEAD + MORE + "（下转第八版）")
    a = _articles(_segment(tmp_path, [p]))[0]
    assert a.continued_on == "8" and a.markers == ["（下转第八版）"]


def test_vertical_title_owns_the_text_beside_it(tmp_path):
    p = Page()
    p.vertical(40, 80, 20, "全县粮食播种面积稳定")
    _columns(p, 75, 80, 200, 1, SECOND)
    a = _articles(_segment(tmp_path, [p]))[0]
    assert a.headline == "全县粮食播种面积稳定"
    assert _squash(a.text) == _squash(SECOND)


def test_page_header_is_furniture_and_gives_the_page_number(tmp_path):
    p = Page()
    p.text(40, 12, 9, "示例日报 2024年5月6日 星期一 第3版 要闻 责任编辑：王静")
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _columns(p, 40, 100, 133, 2, LEAD)
    records = _segment(tmp_path, [p])
    assert [r.fragment_type for r in records if r.kind == "fragment"] == ["furniture"]
    assert {r.source.page for r in records} == {"3"}


def test_lead_set_in_display_type_under_the_headline_is_body_text(tmp_path):
    # assemble._is_sentence, PDF_LEAD_MIN_LINES (real page lswb-20210323-05: a 导语 set large under the
    # headline): display lines of running text are the article's first paragraph, not its subtitle
    p = Page()
    p.centred(40, 320, 40, 22, "社区志愿服务交流活动举行")
    intro = "今年以来，全市两万名志愿者走进社区。他们帮助老人买菜看病，陪伴孩子读书写字，让社区更有温度。"
    y = 75.0
    for ln in wrap(intro, 20):  # 13 points against the body's 9: display type
        p.text(40, y, 13, ln)
        y += 20
    _columns(p, 40, y + 10, 133, 2, LEAD + MORE)
    [art] = _articles(_segment(tmp_path, [p]))
    assert (art.headline, art.subtitle) == ("社区志愿服务交流活动举行", None)
    assert art.paragraphs[0] == intro


def _furniture_at_foot(tmp_path, y: float, line: str) -> None:
    """A page whose line at y is furniture: the article under the headline keeps its text, and only its text."""
    p = Page()
    p.text(40, 12, 9, "示例日报 2024年5月6日 星期一 第3版 要闻 责任编辑：王静")
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _columns(p, 40, 100, 133, 2, LEAD)
    p.text(40, y, 9, line)
    records = _segment(tmp_path, [p])
    assert ["".join(r.paragraphs) for r in records if r.kind == "article"] == [LEAD]
    assert [line] in [r.paragraphs for r in records if r.fragment_type == "furniture"]


def test_line_in_the_footer_band_is_furniture(tmp_path):
    # regions.is_page_furniture (mutation audit, session 38: nothing else catches it): a line at the page's
    # foot that is_furniture does not know by its words is furniture by its band (PDF_FOOTER_BAND, from
    # 816.7 pt of 842); read as text it went into the article's body
    _furniture_at_foot(tmp_path, 826, "示例日报社出版 全国百强报刊")


def test_staff_line_above_the_footer_band_is_not_spliced_into_an_article(tmp_path):
    # lines.STAFF_CREDITS (session 38's note): a staff line without colons just above the footer band was
    # read into the article's body, between column 1's last words and column 2's first
    # (`…活动本版编辑 王静 美术编辑 李明 校对 张华现场，…`)
    _furniture_at_foot(tmp_path, 815, "本版编辑 王静 美术编辑 李明 校对 张华")


def test_nothing_lost_every_character_is_in_a_record(tmp_path):
    p = Page()
    p.text(40, 12, 9, "示例日报 2024年5月6日 星期一 第3版")
    p.centred(40, 280, 60, 20, "社区志愿服务交流活动举行")
    _columns(p, 40, 95, 113, 2, LEAD + MORE)
    p.centred(310, 555, 60, 20, "全县粮食播种面积保持稳定")
    p.image(310, 95, 555, 200)
    p.text(310, 204, 7.5, "田间一景。本报记者 王强 摄")
    _columns(p, 310, 230, 113, 2, SECOND)
    p.text(40, 700, 18, "奋力书写高质量发展新篇章")
    p.text(300, 780, 6, "广告热线：12345678")
    records = _segment(tmp_path, [p])
    printed = "".join(op[4] for op in p.ops if op[0] == "text")
    kept = "".join(_squash(x) for r in records
                   for x in [r.kicker, r.headline, r.subtitle, r.byline, *r.paragraphs, *r.markers])
    from collections import Counter
    missing = Counter(_squash(printed)) - Counter(kept)
    assert not missing, missing


def test_several_pages_each_with_its_page_number(tmp_path):
    pages = []
    for title in ("社区志愿服务交流活动举行", "全县粮食播种面积保持稳定"):
        p = Page()
        p.centred(40, 320, 60, 22, title)
        _columns(p, 40, 100, 133, 2, LEAD)
        pages.append(p)
    records = _segment(tmp_path, pages, "two.pdf")
    assert [(a.source.pdf_page, a.source.page, a.headline) for a in _articles(records)] == [
        (1, "1", "社区志愿服务交流活动举行"), (2, "2", "全县粮食播种面积保持稳定")]


# --- the CLI and bad PDFs ------------------------------------------------------------------------------------

def _good_pdf(path) -> str:
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _columns(p, 40, 100, 133, 2, LEAD)
    return save(path, [p])


def _zero_pages(path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    doc.save(str(path))
    doc.close()
    return str(path)


def _image_only(path) -> str:
    p = Page()
    p.image(40, 40, 555, 800)
    return save(path, [p])


def _encrypted(path) -> str:
    from reportlab.lib.pdfencrypt import StandardEncryption

    p = Page()
    p.text(40, 60, 20, "社区志愿服务交流活动举行")
    return save(path, [p], encrypt=StandardEncryption("secret", canPrint=0))


def _truncated(path) -> str:
    data = (path.parent / "whole.pdf").read_bytes() if (path.parent / "whole.pdf").exists() else \
        open(_good_pdf(path.parent / "whole.pdf"), "rb").read()
    path.write_bytes(data[: len(data) // 3])
    return str(path)


def _not_pdf(path) -> str:
    path.write_text("这不是PDF文件", encoding="utf-8")
    return str(path)


def _private_use(path) -> str:
    """A page whose text comes out as private-use code points: what fonts without a Unicode map give."""
    p = Page()
    p.text(40, 60, 20, "".join(chr(0xE000 + i) for i in range(40)))
    p.text(40, 100, 9, "".join(chr(0xE100 + i) for i in range(200)))
    return save(path, [p])


@pytest.mark.parametrize("make, name, message", [
    (_not_pdf, "fake.pdf", "is named .pdf but is not a PDF"),
    (_truncated, "cut.pdf", "not a readable PDF (truncated or corrupt)"),
    (_encrypted, "locked.pdf", "encrypted PDF"),
    (_zero_pages, "empty.pdf", "PDF with no pages"),
    (_image_only, "scan.pdf", "page 1 has no text layer; run OCR first, e.g. ocrmypdf"),
    (_private_use, "glyphs.pdf", "no Unicode mapping"),
])
def test_bad_pdf_named_with_message_and_others_go_on(tmp_path, make, name, message):
    bad = make(tmp_path / name)
    good = _good_pdf(tmp_path / "good.pdf")
    res = runner.invoke(app, ["segment", bad, good])
    assert res.exit_code == 1
    assert name in res.stderr and message in res.stderr, res.stderr
    recs = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert [r["headline"] for r in recs if r["kind"] == "article"] == ["社区志愿服务交流活动举行"]


def test_pdf_is_known_by_its_bytes_not_its_name(tmp_path):
    """Regression: a PDF named .txt was read as page text (hostile test)."""
    data = open(_good_pdf(tmp_path / "x.pdf"), "rb").read()
    (tmp_path / "page.txt").write_bytes(data)
    res = runner.invoke(app, ["segment", str(tmp_path / "page.txt")])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert [r["headline"] for r in recs if r["kind"] == "article"] == ["社区志愿服务交流活动举行"]
    for r in recs:
        validate(r)


def test_regression_a_pdf_read_as_jsonl_is_an_error_not_zero_records(tmp_path):
    data = open(_good_pdf(tmp_path / "x.pdf"), "rb").read()
    (tmp_path / "page.jsonl").write_bytes(data)
    res = runner.invoke(app, ["segment", "--input-format", "jsonl", str(tmp_path / "x.pdf")])
    assert res.exit_code == 1 and "x.pdf: is a PDF, not article JSONL: leave out --input-format jsonl" in res.stderr
    res = runner.invoke(app, ["segment", str(tmp_path / "page.jsonl")])  # auto: the bytes say PDF, not the name
    assert res.exit_code == 0, res.output
    assert "社区志愿服务交流活动举行" in res.stdout


def test_folder_mixing_pdf_and_txt(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    _good_pdf(d / "p1.pdf")
    (d / "p2.txt").write_text("全县粮食播种面积保持稳定\n\n" + SECOND + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["segment", str(d), "-o", str(out) + "/"])
    assert res.exit_code == 0, res.output
    names = sorted(f.name for f in out.iterdir() if f.suffix == ".jsonl")
    assert names == ["p1.jsonl", "p2.jsonl"]
    pdf_recs = [json.loads(line) for line in (out / "p1.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(r["source"]["pdf_page"] == 1 and r["source"]["bbox"] for r in pdf_recs)
    for r in pdf_recs:
        validate(r)


def _spaced_line(page: Page, x: float, y: float, parts: list[str], gap_em: float) -> None:
    """One line drawn as pieces `gap_em` em apart, with no space character (how pagegen spaces names)."""
    for part in parts:
        page.text(x, y, BODY, part)
        x += pdfmetrics.stringWidth(part, FONT, BODY) + gap_em * BODY


@pytest.mark.parametrize("chars, gaps_em, text", [
    ("本报记者李纵周小苑", (0, 0, 0, 0.3, 0, 0.3, 0, 0), "本报记者 李纵 周小苑"),  # names 0.3 em apart, set solid
    ("本报记者李纵周小苑", (0.3,) * 8, "本报记者李纵周小苑"),  # a justified line spreads every gap alike
    ("本报记者李纵周小苑", (0.1, 0.1, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1), "本报记 者李纵周小苑"),  # wide in itself
    ("姚雪青钱艳宋岩", (0, 0, 0.3, 0.3, 0.3, 0.3), "姚雪青 钱 艳 宋 岩"),  # most gaps are spaces
    ("台北29日電", (0, 0, 0, 0.3, 0), "台北29日電"),
    # justified: the bracket squeezed, every gap between ideographs widened alike (real page gsfzb)
    ("讯（新甘肃法治报", (-0.3, 0, 0.3, 0.3, 0.3, 0.3, 0.3), "讯（新甘肃法治报"),  # a figure's box is its own width: no space
])
def test_spaces_from_gaps(chars, gaps_em, text):
    boxes, x = [], 0.0
    for ch, gap in zip(chars, (0.0,) + gaps_em):
        x += gap * BODY
        boxes.append(Char(ch, x, 0.0, x + BODY, BODY, BODY, "f"))
        x += BODY
    assert Line(boxes).text == text


def test_regression_line_beside_a_higher_column_is_not_torn():
    # gen page h7001/p03: 王建宏 张文攀 sat 3 pt below the next column's line; its glyph boxes
    # jitter by 0.2 pt, so 王 and 攀 fell just outside that row and became lines of their own
    def char(ch, x, yc, index):
        return Char(ch, x, yc - 4.5, x + 9.0, yc + 4.5, 9.0, "f", index=index)
    left = [char(ch, 100 + 9 * k, 917.4, k) for k, ch in enumerate("修路占了一点菜园")]
    right = [char(ch, 300 + 9 * k, yc, 100 + k) for k, (ch, yc) in
             enumerate(zip("王建宏张文攀", (920.6, 920.5, 920.4, 920.5, 920.45, 920.6)))]
    assert sorted(ln.text for ln in build_lines(left + right)) == ["修路占了一点菜园", "王建宏张文攀"]


def test_regression_comma_hung_into_the_gutter_does_not_join_two_columns():
    # gen page h7001/p05: a line's closing comma hangs past its column's edge, 0.27 em short of
    # the next column's line on the same baseline; the two were read as one line
    def char(ch, x, index):
        return Char(ch, x, 100.0, x + 8.5, 108.5, 8.5, "f", index=index)
    left = [char(ch, 600 + 8.5 * k, 10 + k) for k, ch in enumerate("宗病例，")]
    right = [char(ch, 636.3 + 8.5 * k, 200 + k) for k, ch in enumerate("起換衣服")]
    assert sorted(ln.text for ln in build_lines(left + right)) == ["宗病例，", "起換衣服"]


def test_reporter_line_opening_a_column_leaves_the_body(tmp_path):
    # the byline sits on the first line of the body's block, its names 0.3 em apart with no space
    # character between them (generated pages: ■ 本报记者 徐锦庚 肖家鑫 / 特意保留的…)
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _spaced_line(p, 40, 100, ["■本报记者", "徐锦庚", "肖家鑫"], 0.3)
    _columns(p, 40, 100 + 1.5 * BODY, 133, 2, MORE)
    _one_article(tmp_path, p, ["徐锦庚", "肖家鑫"], MORE)


def test_wire_title_with_a_wrapped_dateline_leaves_the_body(tmp_path):
    # 新华社北京8月24日电 题：… / 新华社记者 X over narrow lines: the dateline itself wraps (gen pages)
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    y = p.column(40, 100, BODY, ["新华社北京8月2", "4日电 题：社区志愿", "服务交流活动举行", "新华社记者 王立彬"])
    _columns(p, 40, y, 133, 1, MORE)
    arts = _articles(_segment(tmp_path, [p]))
    assert len(arts) == 1
    assert arts[0].reporters == ["王立彬"] and arts[0].dateline == "8月24日"
    assert _squash(arts[0].text) == _squash(MORE)


def test_reporter_line_closing_the_body_leaves_it(tmp_path):
    # 记者 刘涛 printed on a line of its own after the last paragraph (generated pages): the byline,
    # out of the body as a byline heading it is
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    y = _columns(p, 40, 100, 133, 1, MORE)
    p.text(40, y, BODY, "记者 刘涛")
    arts = _articles(_segment(tmp_path, [p]))
    assert len(arts) == 1 and arts[0].byline == "记者 刘涛" and arts[0].reporters == ["刘涛"]
    assert _squash(arts[0].text) == _squash(MORE)


def test_byline_over_a_column_left_of_its_title_takes_the_column_along(tmp_path):
    # gen page h7001/p02: a headline centred over the right columns of its article, the left column
    # headed by a byline and a blank line: on its own that column starts a line lower than its
    # neighbours, below the two-line headline of the article on its left, and went to that one
    p = Page()
    p.text(30, 72, 21, "脱贫不能等")
    p.text(30, 99, 21, "靠要加油干")
    p.column(30, 136, BODY, wrap(LEAD, 11))
    p.centred(260, 475, 72, 23, "攥指成拳生威发力")
    p.text(150, 111, BODY, "■ 本报记者 王五")
    lines = wrap(SECOND + MORE, 11)
    p.column(145, 111 + 3 * BODY, BODY, lines[:12])
    p.column(260, 111, BODY, lines[12:27])
    p.column(375, 111, BODY, lines[27:])
    arts = _articles(_segment(tmp_path, [p]))
    right = next(a for a in arts if a.headline == "攥指成拳生威发力")
    assert right.reporters == ["王五"] and _squash(right.text) == _squash(SECOND + MORE)


def test_column_between_two_titles_goes_left_when_the_right_article_starts_after_it(tmp_path):
    # dev-v2 page e02: a column under no headline, between an article's three columns and the
    # headline of the next; the next article's first column opens with its byline, so the
    # column in between is the left article's, though the right headline is nearer to it
    p = Page()
    p.centred(30, 160, 60, 22, "社区志愿服务")
    text = wrap(LEAD + MORE + LEAD, 9)
    third = -(-len(text) // 3)
    for k, x in enumerate((30, 125, 220)):
        p.column(x, 100, BODY, text[k * third:(k + 1) * third])
    p.centred(310, 500, 60, 22, "全县播种面积稳定")
    right = wrap(SECOND, 9)
    p.column(315, 100, BODY, ["■ 本报记者 王五"] + right[:len(right) // 2])
    p.column(410, 100, BODY, right[len(right) // 2:])
    arts = {a.headline: a for a in _articles(_segment(tmp_path, [p]))}
    assert _squash(arts["社区志愿服务"].text) == _squash(LEAD + MORE + LEAD)
    assert _squash(arts["全县播种面积稳定"].text) == _squash(SECOND)


def test_first_column_beside_its_title_headed_by_the_byline_is_the_articles(tmp_path):
    # real page gsfzb: 岷县检察… centred over three columns, its first column (headed by
    # 新甘肃·甘肃法治报通讯员 庞俊宝) starting level with it on the left; the article above,
    # whose headline spans the page, had taken that column
    p = Page()
    p.centred(30, 430, 40, 22, "社区志愿服务交流活动举行")
    _columns(p, 30, 75, 120, 3, LEAD)
    p.centred(160, 430, 300, 20, "全县播种面积稳定")
    right = wrap(SECOND + MORE, 13)
    p.column(30, 302, BODY, ["■ 本报记者 王五"] + right[:12])
    p.column(160, 335, BODY, right[12:24])
    p.column(290, 335, BODY, right[24:])
    arts = {a.headline: a for a in _articles(_segment(tmp_path, [p]))}
    assert _squash(arts["全县播种面积稳定"].text) == _squash(SECOND + MORE)
    assert arts["全县播种面积稳定"].reporters == ["王五"]
    assert _squash(arts["社区志愿服务交流活动举行"].text) == _squash(LEAD)


def test_name_wrapped_back_to_the_column_edge_stays_in_the_byline(tmp_path):
    # dev page a03: ■ 本报记者 赵 set in from the column's edge, its last character 兵 wrapped back
    # to the edge: two blocks, and 兵 went to the body
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    p.text(57, 100, BODY, "■本报记者 赵")
    p.text(40, 100 + 1.5 * BODY, BODY, "兵")
    _columns(p, 40, 100 + 4 * BODY, 133, 2, MORE)
    _one_article(tmp_path, p, ["赵兵"], MORE)


def test_full_width_byline_with_a_trailer_heads_the_column(tmp_path):
    # gen page pdf-1001/p09: a reporter line as wide as the column, running straight into the
    # body; its trailer (/文) says it is no sentence naming a reporter
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    p.column(40, 100, BODY, ["顶端新闻·河南商报记者马俊峰/文"] + wrap(MORE, 16))
    _one_article(tmp_path, p, ["马俊峰"], MORE)


def test_byline_wrapped_at_the_foot_is_read_whole(tmp_path):
    # gen page pdf-1001/p12: 本报记者 吴铎思 本 / 报通讯员 薛晓秋 摄 closing the body; the second
    # line alone reads as a byline too, and was taken without the first
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    p.column(40, 100, BODY, wrap(MORE, 14) + ["本报记者 吴铎思 本", "报通讯员 薛晓秋 摄"])
    _one_article(tmp_path, p, ["吴铎思", "薛晓秋"], MORE)


def test_column_running_beside_a_title_goes_on_with_its_own_article(tmp_path):
    # gen page g303/p06: a column of the article on the left runs down beside the next article's
    # headline; after a subhead, its rest starts right under that headline and went to it
    p = Page()
    p.centred(40, 215, 60, 22, "社区志愿服务交流")
    text = wrap(LEAD + MORE + SECOND, 8)
    p.column(40, 100, BODY, text[:14])
    y = p.column(135, 100, BODY, text[14:30])  # down to y 316, beside the headline on its right
    p.text(135, y + 2, BODY * 1.15, "志愿服务")
    p.column(135, y + 1.5 * BODY + 6, BODY, text[30:])
    p.centred(235, 555, 250, 22, "农业技术人员深入田间")
    _columns(p, 235, 290, 150, 2, SECOND + SECOND)
    arts = _articles(_segment(tmp_path, [p]))
    left = next(a for a in arts if a.headline == "社区志愿服务交流")
    assert _squash(left.text).endswith(_squash("".join(text[30:])))


@pytest.mark.parametrize("tail, names", [("本报记者 董怡虹 陈炅玮", ["董怡虹", "陈炅玮"]), ("（记者 胡晓蓉）", ["胡晓蓉"])])
def test_byline_closing_the_last_paragraph_leaves_it(tmp_path, tail, names):
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _columns(p, 40, 100, 133, 2, SECOND + tail)  # the byline runs on from the last sentence's line
    _one_article(tmp_path, p, names, SECOND)


def test_article_running_past_the_page_foot_keeps_its_title(tmp_path):
    # generated pages set their last article's title in the footer band and its body past the edge:
    # the title was taken for page furniture and the body given to the article above
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _columns(p, 40, 100, 133, 2, LEAD + MORE)
    p.centred(40, 320, 820, 22, "农业技术人员深入田间")
    _columns(p, 40, 850, 133, 2, SECOND)
    arts = _articles(_segment(tmp_path, [p]))
    assert [a.headline for a in arts] == ["社区志愿服务交流活动举行", "农业技术人员深入田间"]
    assert _squash(arts[1].text) == _squash(SECOND)


def test_segment_pdf_raises_for_a_scan(tmp_path):
    with pytest.raises(PdfError, match="no text layer"):
        segment_pdf(_image_only(tmp_path / "scan.pdf"), "scan.pdf")


def test_regression_dateline_without_a_date_group_does_not_crash_the_page(tmp_path):
    # match_dateline also returns source-only forms (央视网消息), whose match has no `date` group: the PDF
    # assembler asked for it and every page with such an article failed (found merging issue 9's grammar)
    p = Page()
    p.centred(40, 320, 60, 22, "社区志愿服务交流活动举行")
    _columns(p, 40, 100, 133, 2, "央视网消息 " + MORE)
    arts = _articles(_segment(tmp_path, [p]))
    assert len(arts) == 1 and arts[0].byline == "央视网消息" and arts[0].dateline is None


@pytest.mark.parametrize("name, module", [
    ("PDF_COLUMN_LEFT_SHARE", "assemble"),
    ("PDF_PAGE_FRAME_SHARE", "assemble"),
    ("PDF_BODY_FONT_SIZE_SLACK_PT", "assemble"),
    ("PDF_STREAM_INDEX_GAP", "layout"),
    ("PDF_ROW_PASSED_EM", "layout"),
    ("PDF_BLOCK_SIZE_SLACK", "layout"),
    ("PDF_BLOCK_CLOSE_EM", "layout"),
    ("PDF_CAPTION_MIN_OVERLAP", "regions"),
    ("PDF_ORPHAN_TITLE_REACH_EM", "regions"),
])
def test_regression_pdf_thresholds_are_named_in_config(name, module):
    """Session-23 review, finding 12: these were bare numbers in the PDF code (0.6 twice, 0.95, 0.3 pt, 3, 2x ...)."""
    import importlib
    import inspect

    from newsbrief import config

    assert isinstance(getattr(config, name), (int, float))
    lines = inspect.getsource(config).splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith(f"{name} = "))
    assert lines[at - 1].startswith("#: ")  # said with its unit and reason
    assert f"config.{name}" in inspect.getsource(importlib.import_module(f"newsbrief.pdf.{module}"))
