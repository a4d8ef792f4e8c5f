"""Paragraphs classified by what they say, for a report whose headings name no section.

Such a report is still analysed rather than refused: each paragraph is given the section
its cue words (lexicons/section_cues.yaml) point to, or the unclassified section when no
section leads clearly.
"""
from __future__ import annotations

import functools
import re

from pydantic import ValidationError

from nlp_pipeline.errors import LexiconError
from nlp_pipeline.lexicon_schemas import SectionCues as _Cues
from nlp_pipeline.lexicons import lexicon_path, load_yaml
from nlp_pipeline.model import Section

from .draft import UNCLASSIFIED, SectionCollector
from .grid import Row
from .items import Item, cell_blocks, split_number
from .labels import section_title
from .table import is_furniture

NAME = "section_cues.yaml"


@functools.lru_cache(maxsize=None)
def _lexicon() -> _Cues:
    try:
        lex = _Cues.model_validate(load_yaml(NAME))
    except ValidationError as exc:
        raise LexiconError(str(lexicon_path(NAME)), str(exc)) from None
    return lex


def _preamble(head: str, lex: _Cues) -> bool:
    return (head.startswith(tuple(lex.preamble_openings)) and any(m in head for m in lex.preamble_marks)) \
        or any(m in head for m in lex.report_marks)


def classify(text: str) -> str:
    """The section id a paragraph's words point to, or ``U``."""
    lex = _lexicon()
    head = text.lstrip()
    if _preamble(head, lex):
        return UNCLASSIFIED
    if any(w in head[:40] for w in lex.background):
        return UNCLASSIFIED
    best, top, second = _ranked(text, lex)
    return best if top > 0 and top - second >= lex.margin else UNCLASSIFIED


def _ranked(text: str, lex: _Cues, extra: dict[str, dict[str, float]] | None = None) -> tuple[str, float, float]:
    """The section whose cues (and ``extra`` cues) ``text`` holds most, its weight and the
    runner-up's."""
    scores = {sid: sum(w for cue, w in cues.items() if cue in text) for sid, cues in lex.cues.items()}
    for sid, cues in (extra or {}).items():
        scores[sid] = scores.get(sid, 0.0) + sum(w for cue, w in cues.items() if cue in text)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    return ranked[0][0], ranked[0][1], ranked[1][1]


# items counted in words rather than numbered (一是…二是…, 第一，…): a list all the same
_WORD_ITEM_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,2}是|第[一二三四五六七八九十]{1,2}[，,、])")
LEAD_ENDS = ("：", ":")


def is_list_item(it: Item) -> bool:
    return it.number is not None or bool(_WORD_ITEM_RE.match(it.text.chars))


def lead_section(text: str) -> str:
    """The section a lead line opens for the list after it (「确定了四项年度绩效目标：」,
    「从完成情况看：」, 「下一步我们将重点抓好以下工作：」), or ``U``. A lead is a spoken
    heading: short, so one cue that no other section shares decides it."""
    lex = _lexicon()
    if _preamble(text.lstrip(), lex):
        return UNCLASSIFIED  # 根据《…》要求，现将…报告如下：/ 一、…: the report's own opening
    # a lead after a greeting (谢谢你的提问。从自评情况看，…：) is its last sentence
    best, top, second = _ranked(last_sentence(text), lex)
    return best if top > 0 and top > second else UNCLASSIFIED


HEADING_MAX = 16  # characters a spoken heading has at most


def heading_section(label: str) -> str:
    """The section a heading the section lexicon does not know speaks of (再说年初定下的
    目标 -> G, 目标完成得怎么样 -> O, 自评打了多少分 -> P, 几个问题必须正视 -> Q), or ``U``:
    short, no figure, and one section's cues (with the heading cues) leading."""
    lex = _lexicon()
    s = label.strip(" ：:")
    if not s or len(s) > HEADING_MAX or re.search(r"\d", s) or s.startswith(tuple(lex.heading_skip)):
        return UNCLASSIFIED
    best, top, second = _ranked(s, lex, lex.heading_cues)
    return best if top > 0 and top > second else UNCLASSIFIED


def last_sentence(text: str) -> str:
    """The last sentence of a lead line, without its colon."""
    return re.split(r"[。！？]", text.strip(" ：:"))[-1].strip()


def classify_paragraphs(text: str, rows: list[Row]) -> dict[str, Section]:
    collector = SectionCollector()
    items = [split_number(b) for row in rows for c in row for b in cell_blocks(text, c.start, c.end)]
    lead = UNCLASSIFIED
    for k, it in enumerate(items):
        t = it.text.chars
        if t.rstrip().endswith(LEAD_ENDS) and k + 1 < len(items) and is_list_item(items[k + 1]):
            lead = lead_section(t)
            if lead != UNCLASSIFIED:
                continue  # the lead line is the list's heading, no paragraph of it
        elif not is_list_item(it):
            lead = UNCLASSIFIED
        if len(t) < 8 or (len(t) <= 25 and not any(c in t for c in "，。；,;")) or is_furniture(t):
            continue  # a title, a heading, a date, a signature, a file name: no paragraph
        sid = lead if lead != UNCLASSIFIED else classify(t)
        collector.open(sid, "未分类" if sid == UNCLASSIFIED else section_title(sid))
        collector.add(it, force_new=True)
    return collector.build(text)
