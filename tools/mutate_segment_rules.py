"""Switch each named segmentation rule off in turn and see whether a segmentation test fails (issue 9).

    python tools/mutate_segment_rules.py [--root DIR] [--only ID,ID...] [--list] [--out results.tsv]

Each mutation is the least invasive way to switch one rule off: a predicate returns
False, a pass returns its input unchanged, a branch's condition becomes False, or a
threshold in config.py takes a value that disables it. The mutated file is written,
the segmentation tests run (-x; the 15-second shuffled-seed property test only when
the others all pass), and the file is restored from the text read before the change
(in a git worktree `git diff --quiet -- src` is checked after every mutation).

Results: one tab-separated line per mutation: id, how, caught (yes/no/error), first failing test.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
from pathlib import Path

SEG = "src/newsbrief/segment/"
CFG = "src/newsbrief/config.py"
TESTS = ["tests/test_segment_rules.py", "tests/test_segment_seed.py", "tests/test_byline_grammar.py",
         "tests/test_segment_properties.py"]
SLOW = "tests/test_segment_properties.py::test_shuffled_seed_lines_never_raise_never_lose"


def F(mid, module, func, stmt):
    """Insert stmt as the first statement of function func (after its docstring)."""
    return (mid, SEG + module, "func", (func, stmt), f"{func}: {stmt}")


def S(mid, module, *pairs, how=None):
    """Replace each old text (which must occur exactly once) with its new text."""
    path = CFG if module == "config" else SEG + module
    return (mid, path, "sub", pairs, how or " ; ".join(f"{o.strip()!r} -> {n.strip()!r}" for o, n in pairs))


def C(name, value):
    """Set a config threshold (appended at the end of config.py, so every import sees it)."""
    return (f"config.{name}", CFG, "config", (name, value), f"{name} = {value}")


def off(prefix):
    """A condition switched off: `prefix` becomes `False and prefix`-style (first word kept in place)."""
    head = re.match(r"^(\s*(?:if|elif|return)?\s*\(?)", prefix).group(1)
    return prefix, head + "False and " + prefix[len(head):]


MUTATIONS = [
    # --- lines.py -----------------------------------------------------------------------------
    F("lines.is_note", "lines.py", "is_note", "return False"),
    F("lines.opens_bracket", "lines.py", "opens_bracket", "return False"),
    F("lines.unclosed_bracket", "lines.py", "unclosed_bracket", "return False"),
    S("lines.is_terminal.note", "lines.py",
      ("(_TERMINAL.search(text[-_TERMINAL_TAIL:]) or _NOTE.match(text))", "_TERMINAL.search(text[-_TERMINAL_TAIL:])")),
    S("lines.is_terminal.tail_byline", "lines.py",
      ("    return split_tail_byline(text)[1] is not None\n", "    return False\n")),
    F("lines.is_furniture", "lines.py", "is_furniture", "return False"),
    S("lines.is_furniture.FURNITURE", "lines.py", ("(first in _FURNITURE_FIRST and FURNITURE.match(text))", "False")),
    S("lines.is_furniture.HEADER_FIELD", "lines.py",
      ('((first.isdigit() or text[-1] in "报報") and _HEADER_FIELD.match(text))', "False")),
    S("lines.is_furniture.CONTACT", "lines.py", ('(("：" in text or ":" in text) and _CONTACT.match(text))', "False")),
    S("lines.is_furniture.ANYWHERE", "lines.py",
      ('if ("号" in text or "CN" in text or "主管" in text or "主办" in text) and FURNITURE_ANYWHERE.search(text):',
       "if False:")),
    S("lines.is_furniture.dated_header", "lines.py",
      ("return bool(dated and _DATE_FULL.search(text) and _PAGE_NO.search(text) and not JUMP.search(text))",
       "return False")),
    S("lines.is_furniture.dated_header_not_jump", "lines.py",
      (" and _PAGE_NO.search(text) and not JUMP.search(text))", " and _PAGE_NO.search(text))")),
    F("lines._split_jumps", "lines.py", "_split_jumps", "return [Line(no, text, width, indent, blank)]"),
    S("lines._split_jumps.bare", "lines.py", off('    if bare and (bare.group("dir")')),
    F("lines._join_vertical", "lines.py", "_join_vertical", "return lines"),
    F("lines._trailing_name", "lines.py", "_trailing_name", "return None"),
    S("lines._join_vertical.name_byline", "lines.py", ('                out[-1].kind = "byline"', "                pass")),
    F("lines._join_broken_at_commas", "lines.py", "_join_broken_at_commas", "return lines, []"),
    F("lines._note_goes_on", "lines.py", "_note_goes_on", "return False"),
    S("lines.read_lines.joined_not_overfull", "lines.py", ("        ln.overfull = False\n", "        pass\n")),
    F("lines._place_outside", "lines.py", "_place_outside", "return"),
    F("lines._contact_value", "lines.py", "_contact_value", "return False"),
    F("lines._mark_header_fields", "lines.py", "_mark_header_fields", "return"),
    S("lines._mark_header_fields.SECTION_NAMES", "lines.py",
      ("if ln.text in config.SECTION_NAMES or _BARE_PAGE_NO", "if False or _BARE_PAGE_NO")),
    S("lines._mark_header_fields.BARE_PAGE_NO", "lines.py",
      ("or _BARE_PAGE_NO.match(ln.text) or _NUMBERED", "or False or _NUMBERED")),
    S("lines._mark_header_fields.NUMBERED_SECTION", "lines.py",
      ("or _NUMBERED_SECTION.match(ln.text) \\", "or False \\")),
    S("lines._mark_header_fields.label", "lines.py", ("or numbered and _HEADER_LABEL.match(ln.text)", "or False")),
    F("lines._mark_tables", "lines.py", "_mark_tables", "return"),
    S("lines._mark_tables.title", "lines.py", ("                lo -= 1\n", "                break\n")),
    F("lines._mark_runaround", "lines.py", "_mark_runaround", "return"),
    F("lines._mark_strays", "lines.py", "_mark_strays", "return"),
    F("lines._mark_captions", "lines.py", "_mark_captions", "return"),
    # --- byline.py ----------------------------------------------------------------------------
    S("byline.match_dateline.BRACKET", "byline.py", ("        return BRACKET_DATELINE.match(text)", "        return None")),
    S("byline.match_dateline.SOURCE_NEWS", "byline.py",
      ("return DATELINE.match(text) or SOURCE_NEWS.match(text)", "return DATELINE.match(text)")),
    S("byline.DATELINE.reported", "byline.py", ('rf"|\\s*(?P<reported>(?:', 'rf"|\\s*(?P<reported>(?!)(?:')),
    S("byline._PLACE_CHAR.no_source", "byline.py",
      ('_PLACE_CHAR = rf"(?:(?![社报報网網讯訊电電])[{_H}])"', '_PLACE_CHAR = rf"(?:[{_H}])"')),
    S("byline._ORG_CHAR.no_benbao", "byline.py",
      ('_ORG_CHAR = rf"(?:(?!本报|本報)[{_H}·])"', '_ORG_CHAR = rf"(?:[{_H}·])"')),
    S("byline.dateline_date.lead_date", "byline.py", ("        d = _LEAD_DATE.match(lead.strip())", "        d = None")),
    F("byline._drop_credit", "byline.py", "_drop_credit", "return line"),
    F("byline.is_reporter_line", "byline.py", "is_reporter_line", "return False"),
    S("byline.is_reporter_line.jizhe_colon", "byline.py",
      ('    if lead_in and lead_in.group(0).startswith(("记者", "記者")):', "    if False:")),
    S("byline.is_reporter_line.bullet_names", "byline.py",
      ("    return bullet and display_width(body) <= NAME_LIST_MAX_COLUMNS", "    return False and bullet and display_width(body) <= NAME_LIST_MAX_COLUMNS")),
    S("byline.names_a_role.text_credit", "byline.py",
      ("_ROLE_HINT.search(text) or _TEXT_CREDIT.match(text)", "_ROLE_HINT.search(text)")),
    F("byline.is_bare_names", "byline.py", "is_bare_names", "return False"),
    S("byline.is_bare_names.surname", "byline.py",
      ("\n                               and starts_with_surname(n) for n in names)", " for n in names)")),
    S("byline.is_bare_names.spaced_singles", "byline.py",
      ("        if len(tok) == 1:  # 钱 艳", "        if False:  # 钱 艳")),
    F("byline.is_author_line", "byline.py", "is_author_line", "return False"),
    S("byline.is_author_line.two_or_three", "byline.py",
      ("(len(tokens) >= 2 or len(tokens[0]) == 3)", "True")),
    F("byline.broken_role", "byline.py", "broken_role", "return False"),
    F("byline.starts_with_surname", "byline.py", "starts_with_surname", "return True"),
    F("byline.split_run_names", "byline.py", "split_run_names", "return [run]"),
    S("byline.reporters.spaced_singles", "byline.py",
      ('                names.extend(split_run_names("".join(tokens[i:j])))', "                names.extend(tokens[i:j])")),
    S("byline._name_tokens.run_split", "byline.py",
      ("        return split_run_names(tok, allow_rest=placed)", "        return [tok]")),
    F("byline.split_tail_byline", "byline.py", "split_tail_byline", "return paragraph, None"),
    S("byline.split_tail_byline.paren", "byline.py", ("    m = _TAIL_PAREN.search(paragraph)", "    m = None")),
    S("byline.split_tail_byline.line", "byline.py", ("        m = _TAIL_LINE.search(paragraph)", "        m = None")),
    # --- byline_pass.py -----------------------------------------------------------------------
    F("byline_pass._mark_rosters", "byline_pass.py", "_mark_rosters", "return"),
    S("byline_pass._mark_rosters.label", "byline_pass.py",
      ('start = i - 1 if i and lines[i - 1].kind == "text" and SECTION_LABEL.match(lines[i - 1].text) else i',
       "start = i")),
    S("byline_pass._mark_rosters.two_surnames", "byline_pass.py",
      ("if entries < config.ROSTER_MIN_ENTRIES or surnamed < 2:", "if entries < config.ROSTER_MIN_ENTRIES:")),
    S("byline_pass._roster_post.wrapped_post", "byline_pass.py",
      ("        if MID_SENTENCE.search(ln.text):\n            continue\n", "")),
    F("byline_pass._split_run_in_bylines", "byline_pass.py", "_split_run_in_bylines", "return lines"),
    F("byline_pass._bullet_inside_a_line", "byline_pass.py", "_bullet_inside_a_line", "return False"),
    S("byline_pass.mark_bylines.author_under_short_line", "byline_pass.py",
      off('        if prev is not None and prev.kind == "text" and not prev.terminal and not prev.full and')),
    F("byline_pass.parallel_phrase", "byline_pass.py", "parallel_phrase", "return False"),
    S("byline_pass.mark_bylines.under_title", "byline_pass.py",
      ("        under_title = ((", "        under_title = False and ((")),
    S("byline_pass.mark_bylines.mid_paragraph", "byline_pass.py",
      ("        mid_paragraph = (not under_title", "        mid_paragraph = False and (not under_title")),
    S("byline_pass.mark_bylines.mid_paragraph.colon", "byline_pass.py",
      ('(not prev.terminal or prev.text[-1] in "：:")', "not prev.terminal")),
    S("byline_pass.mark_bylines.mid_paragraph.spaced_names", "byline_pass.py",
      ('                         and " " not in ln.text\n', "                         and True\n")),
    S("byline_pass.mark_bylines.mid_paragraph.text_credit", "byline_pass.py",
      ("                         and not _CREDIT.match(ln.text))", "                         and True)")),
    S("byline_pass.mark_bylines.broken", "byline_pass.py",
      ("        broken = (not mid_paragraph", "        broken = False and (not mid_paragraph")),
    S("byline_pass.mark_bylines.broken.broken_role", "byline_pass.py",
      ("(not is_reporter_line(ln.text) or broken_role(ln.text, nxt.text))", "not is_reporter_line(ln.text)")),
    S("byline_pass.mark_bylines.broken.not_opens_byline", "byline_pass.py",
      (" and not opens_byline(nxt.text)", "")),
    S("byline_pass.mark_bylines.broken.not_source", "byline_pass.py",
      ("                  and not is_source(nxt.text.split()[0]))", "                  and True)")),
    S("byline_pass.mark_bylines.names_subject", "byline_pass.py",
      ("        names_subject = (not under_title", "        names_subject = False and (not under_title")),
    S("byline_pass.mark_bylines.names_subject.indented", "byline_pass.py",
      ("(ln.full or ln.indent and ln.full_as_first())", "ln.full")),
    S("byline_pass.mark_bylines.names_subject.names_apart", "byline_pass.py",
      (' and not (" " in nxt.text and _names_after_role(ln, nxt))', "")),
    F("byline_pass._byline_begun", "byline_pass.py", "_byline_begun", "return False"),
    F("byline_pass._bulleted_item", "byline_pass.py", "_bulleted_item", "return False"),
    F("byline_pass._names_after_role", "byline_pass.py", "_names_after_role", "return False"),
    F("byline_pass.opens_byline", "byline_pass.py", "opens_byline", "return False"),
    F("byline_pass._name_tail", "byline_pass.py", "_name_tail", "return 0"),
    S("byline_pass._name_tail.editor_note", "byline_pass.py",
      ("           and not EDITOR_NOTE.match(lines[i + n].text)):", "           and True):")),
    F("byline_pass._take_dateline", "byline_pass.py", "_take_dateline", "return None"),
    S("byline_pass.mark_bylines.strong_dateline_mid_paragraph", "byline_pass.py",
      ("        taken = _take_dateline(lines, i, mid_paragraph)",
       "        taken = None if mid_paragraph else _take_dateline(lines, i, mid_paragraph)")),
    S("byline_pass._take_dateline.strong_only", "byline_pass.py",
      ("    if not m or strong_only and not (", "    if not m or False and not (")),
    F("byline_pass._names_reporters", "byline_pass.py", "_names_reporters", "return False"),
    S("byline_pass._take_dateline.gap_dateline", "byline_pass.py",
      ('        if ln.kind != "text" or ln.blank_before and match_dateline(ln.text):', '        if ln.kind != "text":')),
    S("byline_pass._take_dateline.source_first", "byline_pass.py",
      ("    if len(lines[i].text) >= 14 and not SOURCE_HINT.search(lines[i].text, 0, 14):",
       "    if False:")),
    F("byline_pass._is_wire_title", "byline_pass.py", "_is_wire_title", "return False"),
    S("byline_pass._take_dateline.lead_runs_on", "byline_pass.py",
      ("runs_on=not is_terminal(rest))", "runs_on=False)")),
    # --- units.py -----------------------------------------------------------------------------
    F("units._name_cut", "units.py", "_name_cut", "return False"),
    S("units._continues.runs_on", "units.py", ("    if prev.runs_on:\n", "    if False:\n")),
    S("units._continues.open_note", "units.py",
      ("    if prev_first and not nxt.blank_before and opens_bracket(prev.text):", "    if False:")),
    S("units._continues.byline_names_rest", "units.py",
      off("    if prev.terminal and prev.text[-1] not in ENDING_MARKS")),
    S("units._continues.gap_short_line", "units.py",
      off("    if nxt.blank_before and not nxt.full and not nxt.terminal")),
    S("units._continues.phrased_after_gap", "units.py", off("    if nxt.blank_before and _PHRASED_HEADLINE.match(nxt.text)")),
    S("units._continues.bullet", "units.py", ("    if nxt.text[0] in BULLETS:", "    if False:")),
    S("units._continues.phrased_first", "units.py",
      ("    if prev_first and _PHRASED_HEADLINE.match(prev.text):", "    if False:")),
    S("units._continues.lone_between_gaps", "units.py",
      off("    if prev_first and prev.blank_before and nxt.blank_before")),
    S("units._continues.kicker_wider", "units.py", off("    if nxt.blank_before and prev_first and nxt.width >")),
    S("units._continues.set_wide", "units.py", off("    if prev.width > prev.column + 2 * prev.slack")),
    S("units._continues.overfull_change", "units.py", ("    if prev.overfull != nxt.overfull:", "    if False:")),
    S("units._continues.overfull_headline_line", "units.py",
      ("return prev.overfull and (not nxt.full or _headline_line(prev, nxt))", "return prev.overfull and not nxt.full")),
    F("units._headline_line", "units.py", "_headline_line", "return False"),
    F("units._title_after_closing_byline", "units.py", "_title_after_closing_byline", "return False"),
    S("units._text_unit_kind.exclaimed", "units.py",
      ("    if last.terminal and not (len(lines) == 1 and _EXCLAIMED_TITLE.match(last.text)):",
       "    if last.terminal:")),
    S("units._text_unit_kind.whole_note", "units.py",
      ("    if len(lines) <= config.SHORT_UNIT_MAX_LINES and whole_note(lines):", "    if False:")),
    S("units._text_unit_kind.sentence_in_full_line", "units.py",
      ('    if len(lines) == 1 and last.full and "。" in last.text[:-1] and HAN_END.search(last.text):', "    if False:")),
    S("units._text_unit_kind.set_wide_short", "units.py",
      ("or any(ln.overfull or _set_wide(ln) for ln in lines))", "or False)")),
    S("units.read_units.closing_quote", "units.py",
      ("        if cur and ln.text[0] in _CLOSING_QUOTES and _CLOSING_ONLY.match(ln.text):", "        if False:")),
    S("units.read_units.whole_note_flush", "units.py", ('cur[-1].text[-1] in "）)" and whole_note(cur)', "False")),
    S("units.read_units.headline_line_flush", "units.py",
      ("or len(cur) >= 2 and cur[-2].overfull and not cur[-1].overfull and _headline_line(cur[-2], cur[-1])", "or False")),
    S("units.read_units.roster_subhead", "units.py", ('            elif ln.kind == "roster":', "            elif False:")),
    S("units.correct_kinds.asked_title", "units.py", off('        if (units[k - 1].kind == "short" and _ASKED_TITLE')),
    S("units.correct_kinds.speaker_colon", "units.py", off('        if (u.lines[0].text.endswith(("：", ":"))')),
    S("units.correct_kinds.before_bullet", "units.py",
      off('        if (u.kind == "open" and len(u.lines) <= config.TITLE_MAX_LINES and')),
    S("units.correct_kinds.page_top_over_byline", "units.py",
      off('        if (u.kind == "open" and len(u.lines) <= config.TITLE_MAX_LINES // 2')),
    S("units.correct_kinds.full_line_after_body", "units.py",
      off('        if (u.kind == "short" and len(u.lines) == 1 and u.lines[0].full')),
    S("units.correct_kinds.after_closing_byline", "units.py",
      off('        if (units[k].kind in ("open", "short") and len(units[k].lines) <= 3')),
    F("units._quote_runs_on", "units.py", "_quote_runs_on", "return False"),
    S("units.correct_kinds.dash_subtitle", "units.py",
      ('        if u.kind == "open" and 2 <= len(u.lines) <= 3 and u.lines[-1].text.startswith(DASH):', "        if False:")),
    S("units.correct_kinds.photo_credit", "units.py",
      ('        if u.kind == "short" and len(u.lines) == 1 and _PHOTO_CREDIT.match(u.lines[0].text):', "        if False:")),
    S("units.correct_kinds.before_jump", "units.py",
      ('        if units[k].kind == "short" and units[k + 1].kind == "jump_down":', "        if False:")),
    S("units.correct_kinds.open_over_wide_short", "units.py",
      off('        if (units[k].kind == "open" and len(units[k].lines) <= 3 and units[k + 1].kind == "short"')),
    S("units.classify.tail_byline", "units.py",
      ('        tail_byline = i >= 2 and units[i - 2].kind in ("body", "subhead")', "        tail_byline = False")),
    S("units.classify.at_edge", "units.py", ("        at_edge = (nxt is None", "        at_edge = False and (nxt is None")),
    S("units.classify.looks", "units.py",
      ("        looks = any(ln.text.startswith(DASH) or ln.overfull for ln in lines) or (",
       "        looks = False and (any(ln.text.startswith(DASH) or ln.overfull for ln in lines) or ("),
      ("            len(lines) <= 3 and any(_TITLE_SPACE.search(ln.text) for ln in lines))\n        after_byline",
       "            len(lines) <= 3 and any(_TITLE_SPACE.search(ln.text) for ln in lines)))\n        after_byline")),
    S("units.classify.after_byline", "units.py", ("        after_byline = (prev", "        after_byline = False and (prev")),
    S("units.classify.evidence", "units.py", ("            if evidence is not None:", "            if False:")),
    F("units._is_lead_in", "units.py", "_is_lead_in", "return False"),
    S("units.classify.bare_name_byline", "units.py",
      ('            if b is not None and (nxt is None or nxt.kind != "byline"):', "            if False:")),
    S("units.classify.section_label", "units.py",
      ("            elif len(lines) > 1 and SECTION_LABEL.match(lines[-1].text):", "            elif False:")),
    S("units.classify.clauses_line", "units.py",
      ('            elif len(lines) > 1 and lines[-1].text.count("，") >= 2 and not lines[-1].terminal:', "            elif False:")),
    S("units._headline_evidence.stacked_no_comma", "units.py",
      (" and not any(MID_SENTENCE.search(ln.text) for ln in lines):", ":")),
    F("units._wider_than_column", "units.py", "_wider_than_column", "return False"),
    F("units._set_wide.no_clause", "units.py", "_set_wide", "return past_edge(ln)"),
    S("units.past_edge.not_joined", "units.py",
      ("    return ln.width > ln.column + 2 * ln.slack and not ln.last", "    return ln.width > ln.column + 2 * ln.slack")),
    S("units._window.byline_edge", "units.py",
      ('or (u.kind == "byline" and n >= config.COHESION_EDGE_MIN_CHARS', 'or (False and u.kind == "byline" and n >= config.COHESION_EDGE_MIN_CHARS')),
    S("units._window.dateline_no_edge", "units.py",
      ("\n                                                and not any(match_dateline(ln.text) for ln in u.lines))", ")")),
    S("units._window.skip_outside", "units.py",
      ('        if u.kind in ("jump_up", "jump_down", "stray", "caption"):', "        if False:")),
    # --- assembly.py --------------------------------------------------------------------------
    F("assembly._second_titles", "assembly.py", "_second_titles", "return []"),
    F("assembly._blank_blocks", "assembly.py", "_blank_blocks", "return [list(lines)] if lines else []"),
    S("assembly._blank_blocks.sub_rest", "assembly.py", ("        sub_rest = has_sub and", "        sub_rest = False and has_sub and")),
    F("assembly._subtitle_rest", "assembly.py", "_subtitle_rest", "return False"),
    S("assembly._second_titles.pointer", "assembly.py",
      ("if ln.text.startswith(DASH) or _POINTER.match(ln.text)]", "if ln.text.startswith(DASH)]")),
    S("assembly.title_fields.kicker_by_gap", "assembly.py", ("    if len(parts) >= 2:", "    if False:")),
    F("assembly._split_title_runs", "assembly.py", "_split_title_runs", "return units"),
    S("assembly._title_votes", "assembly.py",
      ("        votes[k] = coverage(title, after) - coverage(title, before)", "        votes[k] = 0.0")),
    S("assembly.assemble.vote_beats_page_order", "assembly.py",
      ("            first = vote > 0 if abs(vote) >= config.TITLE_VOTE_MARGIN else page_first",
       "            first = page_first")),
    F("assembly._split_teaser", "assembly.py", "_split_teaser", "return block, []"),
    S("assembly._split_teaser.whole_teaser", "assembly.py", ("    if best[1]:\n        return best\n", "    return best\n")),
    F("assembly._wraps", "assembly.py", "_wraps", "return False"),
    F("assembly._title_beside_body", "assembly.py", "_title_beside_body", "return blocks"),
    F("assembly._decide_headline_first", "assembly.py", "_decide_headline_first", "return True"),
    S("assembly._decide_headline_first.two_sided_votes", "assembly.py",
      ("both = sum(v for k, v in votes.items() if all(bodies[k]))", "both = sum(v for k, v in votes.items())")),
    F("assembly._closes_article", "assembly.py", "_closes_article", "return False"),
    F("assembly._dateline_after_reporter", "assembly.py", "_dateline_after_reporter", "return 0"),
    F("assembly._two_titles_cut", "assembly.py", "_two_titles_cut", "return 0"),
    F("assembly._signs_off", "assembly.py", "_signs_off", "return False"),
    F("assembly._lead_under", "assembly.py", "_lead_under", "return []"),
    S("assembly._lead_under.caption_stop", "assembly.py",
      ("CREDITED_PHOTO.search(u.lines[-1].text) or \\", "False or \\")),
    F("assembly._author_follows", "assembly.py", "_author_follows", "return False"),
    F("assembly._introduces", "assembly.py", "_introduces", "return False"),
    F("assembly._teaser_inside_sentence", "assembly.py", "_teaser_inside_sentence", "return False"),
    F("assembly._give_far_titles", "assembly.py", "_give_far_titles", "return out"),
    S("assembly.assemble.bare_name_after_title", "assembly.py",
      off("            if last_titled is not None and not last_titled.byline and all(")),
    S("assembly.assemble.credit_between_captions", "assembly.py",
      off("            if (cur is not None and cur.has_body and CREDITED_PHOTO.search(u.lines[-1].text)")),
    S("assembly.assemble.jump_closes_headline_first", "assembly.py",
      ("            if page_first:\n                close()", "            if False:\n                close()")),
    S("assembly.byline_text.reporter_own_line", "assembly.py",
      ("        elif is_reporter_line(ln.text) and opens_byline(ln.text) or match_dateline(ln.text):", "        elif False:")),
    S("assembly.byline_text.whole_name_wrap", "assembly.py",
      ("        elif _WHOLE_NAME_END.search(out) and is_bare_names(ln.text, config.BARE_NAME_MAX_COLUMNS):",
       "        elif False:")),
    S("assembly.body_paragraphs.indent", "assembly.py", ("        if cur and ln.indent:\n", "        if False:\n")),
    S("assembly.body_paragraphs.full_terminal_goes_on", "assembly.py",
      ("            if not ln.full or nxt is None or nxt.indent or nxt.blank_before:", "            if True:")),
    # --- cohesion.py, segmenter.py --------------------------------------------------------------
    S("cohesion.topic_bigrams.grammar_break", "cohesion.py",
      ("    return _chained(text) - config.COMMON_WORDS", "    return bigrams(text) - config.COMMON_WORDS")),
    S("cohesion.share_found.early_stop", "cohesion.py", ("    if least <= 0.0:", "    if True:")),
    F("segmenter._page_from_furniture", "segmenter.py", "_page_from_furniture", "return None"),
    S("segmenter._draft_to_article.tail_byline", "segmenter.py", ("    if byline is None and paragraphs:", "    if False:")),
    # --- guards inside passes, added in a second round -----------------------------------------
    S("lines._mark_strays.beside_a_gap", "lines.py",
      ('if (ln.kind == "text" and (ln.blank_before or nxt.blank_before)', 'if (ln.kind == "text" and True')),
    S("lines._mark_captions.whole_block", "lines.py",
      ("        if (lines[start].blank_before and len(block)", "        if (len(block)")),
    S("lines._trailing_name.word_of_the_page", "lines.py",
      ("\n             and run[-k - 1:-k + 1] not in page]", "]")),
    S("byline._KIND.tongxun", "byline.py", ("|(?<!通)讯|(?<!通)訊|", "|讯|訊|")),
    S("byline._KIND.dianshi", "byline.py", ("|电(?![视視话話台])|電(?![视視话話台]))", "|电|電)")),
    # --- config.py thresholds (segmentation sections and bylines) -------------------------------
    C("COLUMN_NEIGHBOURS", "10**6"),
    C("COLUMN_MIN_FRACTION", "0.0"),
    C("FULL_LINE_SLACK_COLUMNS", "0.0"),
    C("FULL_LINE_SLACK_FRACTION", "0.0"),
    C("PARAGRAPH_INDENT_COLUMNS", "0.0"),
    C("DATELINE_MAX_LINES", "3"),
    C("TABLE_MIN_CELLS", "10**6"),
    C("TABLE_CELL_MAX_COLUMNS", "0"),
    C("TABLE_NOTE_LINES", "0"),
    C("RUNAROUND_MIN_LINES", "10**6"),
    C("RUNAROUND_WIDTH_SLACK", "0.0"),
    C("OVERFULL_RATIO", "1e9"),
    C("OVERFULL_MIN_EXTRA_COLUMNS", "0.0"),
    C("LETTER_SPACED_MIN_GAPS", "10**6"),
    C("LETTER_SPACED_MIN_SHARE", "0.0"),
    C("STRAY_MAX_CHARS", "0"),
    C("VERTICAL_MIN_CHARS", "10**6"),
    C("VERTICAL_TITLE_AND_NAME_MIN_CHARS", "10**6"),
    C("CAPTION_MAX_LINES", "0"),
    C("RAW_BROKEN_SHARE", "2.0"),
    C("NOTE_MAX_CHARS", "1000"),
    C("TITLE_MAX_LINES", "10**6"),
    C("SHORT_UNIT_MAX_LINES", "10**6"),
    C("HEADLINE_LINE_MIN_CHARS", "0"),
    C("HEADLINE_LINE_MAX_SHORTFALL", "1e6"),
    C("SUBTITLE_LENGTH_RATIO", "1e9"),
    C("SUBTITLE_REST_MAX_SHARE", "0.0"),
    C("BARE_NAME_MAX_COLUMNS", "1e6"),
    C("ROSTER_MIN_ENTRIES", "10**6"),
    C("ROSTER_POST_MAX_LINES", "1"),
    C("COMMON_WORDS", "frozenset()"),
    C("COHESION_BEFORE_CHARS", "10**6"),
    C("COHESION_AFTER_CHARS", "10**6"),
    C("COHESION_MIN_CHARS", "0"),
    C("COHESION_EDGE_MIN_CHARS", "0"),
    C("COHESION_MIDPOINT", "0.0"),
    C("COHESION_SCALE", "1e9"),
    C("HEADLINE_PHRASE_GAP", "0.0"),
    C("SUBHEAD_LABEL", "0.0"),
    C("HEADLINE_STRONG", "0.0"),
    C("HEADLINE_STACKED", "0.0"),
    C("HEADLINE_STACKED_BLOCKS", "10**6"),
    C("HEADLINE_WIDE", "0.0"),
    C("HEADLINE_AUTHOR", "0.0"),
    C("TITLE_VOTE_MARGIN", "10.0"),
    C("TITLE_BODY_WINDOW_CHARS", "10**6"),
    C("TEASER_MIN_CHARS", "0"),
    C("TEASER_MAX_COVERAGE", "1.0"),
    C("TEASER_TITLE_MARGIN", "10.0"),
    C("FAR_TITLE_MIN_COVERAGE", "0.0"),
    C("FAR_TITLE_MARGIN", "0.0"),
    C("TITLE_VOTE_WEIGHT", "0.0"),
    C("NAME_LIST_MAX_COLUMNS", "10**6"),
    C("WIRE_TITLE_MAX_LINES", "0"),
    C("SECTION_NAMES", "frozenset()"),
]


def mutate(text: str, kind: str, spec) -> str:
    """The file's text with the mutation applied; ValueError if the spec does not fit the file."""
    if kind == "config":
        name, value = spec
        if not re.search(rf"^{name}\s*=", text, re.M):
            raise ValueError(f"no {name} in config.py")
        return text + f"\n{name} = {value}  # mutation\n"
    if kind == "sub":
        for old, new in spec:
            n = text.count(old)
            if n != 1:
                raise ValueError(f"{old!r} found {n} times")
            text = text.replace(old, new)
        return text
    func, stmt = spec
    tree = ast.parse(text)
    found = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == func]
    if len(found) != 1:
        raise ValueError(f"function {func} found {len(found)} times")
    body = found[0].body
    first = body[0]
    doc = isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant) \
        and isinstance(first.value.value, str)
    lines = text.split("\n")
    at = first.end_lineno if doc else first.lineno - 1  # 0-based index to insert before
    col = (body[1] if doc and len(body) > 1 else first).col_offset
    lines.insert(at, " " * col + stmt + "  # mutation")
    return "\n".join(lines)


def run_tests(root: Path, env: dict, tests: list[str], extra: list[str]) -> tuple[int, str]:
    cmd = [sys.executable, "-m", "pytest", *tests, "-x", "-q", "-p", "no:warnings", "-p", "no:cacheprovider", "-rfE", *extra]
    try:
        p = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        return 1, "TIMEOUT"
    return p.returncode, p.stdout + p.stderr


def first_failure(out: str) -> str:
    m = re.search(r"^(?:FAILED|ERROR) (\S+)", out, re.M)
    if m:
        return m.group(1).split("::", 1)[-1]
    return "TIMEOUT" if out == "TIMEOUT" else out.strip().splitlines()[-1][:120] if out.strip() else "?"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=str(Path(__file__).resolve().parent.parent))
    ap.add_argument("--only", default="")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--out", default="")
    ap.add_argument("--fast", action="store_true", help="skip the 15-second property test")
    args = ap.parse_args()
    root = Path(args.root)
    only = {x for x in args.only.split(",") if x}
    chosen = [m for m in MUTATIONS if not only or m[0] in only or any(m[0].startswith(o + ".") for o in only)]
    if args.list:
        for mid, path, kind, spec, how in chosen:
            print(f"{mid}\t{how}")
        return 0
    env = dict(os.environ, PYTHONPATH=str(root / "src"))
    git = (root / ".git").exists()
    out = open(args.out, "a", encoding="utf-8") if args.out else None
    for mid, path, kind, spec, how in chosen:
        f = root / path
        original = f.read_text(encoding="utf-8")
        try:
            f.write_text(mutate(original, kind, spec), encoding="utf-8")
            rc, log = run_tests(root, env, TESTS, ["--deselect", SLOW])
            if rc == 0 and not args.fast:
                rc, log = run_tests(root, env, [SLOW], [])
            if rc == 0:
                result, test = "no", ""
            elif rc in (1,):
                result, test = "yes", first_failure(log)
            else:
                result, test = "error", first_failure(log)
        except ValueError as e:
            result, test = "badspec", str(e)
        finally:
            f.write_text(original, encoding="utf-8")
        if git:
            subprocess.run(["git", "checkout", "--", "src"], cwd=root, check=True)
        line = f"{mid}\t{how}\t{result}\t{test}"
        print(line, flush=True)
        if out:
            out.write(line + "\n")
            out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
