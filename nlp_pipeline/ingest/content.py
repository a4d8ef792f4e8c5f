"""Paragraphs classified by what they say, for a report whose headings name no section.

Such a report is still analysed rather than refused: each paragraph is given the section
its cue words (lexicons/section_cues.yaml) point to, or the unclassified section when no
section leads clearly.
"""
from __future__ import annotations

import functools

from pydantic import ValidationError

from nlp_pipeline.errors import LexiconError
from nlp_pipeline.lexicon_schemas import SectionCues as _Cues
from nlp_pipeline.lexicons import lexicon_path, load_yaml
from nlp_pipeline.model import Section

from .draft import UNCLASSIFIED, SectionCollector
from .grid import Row
from .items import cell_blocks, split_number
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


def classify(text: str) -> str:
    """The section id a paragraph's words point to, or ``U``."""
    lex = _lexicon()
    head = text.lstrip()
    if head.startswith(tuple(lex.preamble_openings)) and any(m in text for m in lex.preamble_marks):
        return UNCLASSIFIED
    if any(w in head[:40] for w in lex.background):
        return UNCLASSIFIED
    scores = {sid: sum(w for cue, w in cues.items() if cue in text) for sid, cues in lex.cues.items()}
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top > 0 and top - second >= lex.margin else UNCLASSIFIED


def classify_paragraphs(text: str, rows: list[Row]) -> dict[str, Section]:
    collector = SectionCollector()
    for row in rows:
        for c in row:
            for b in cell_blocks(text, c.start, c.end):
                it = split_number(b)
                t = it.text.chars
                if len(t) < 8 or (len(t) <= 25 and not any(c in t for c in "，。；,;")) or is_furniture(t):
                    continue  # a title, a heading, a date, a signature, a file name: no paragraph
                sid = classify(it.text.chars)
                collector.open(sid, "未分类" if sid == UNCLASSIFIED else section_title(sid))
                collector.add(it, force_new=True)
    return collector.build(text)
