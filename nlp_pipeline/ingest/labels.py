"""Matching headings and label cells against lexicons/sections.yaml."""
from __future__ import annotations

import functools
import re

from nlp_pipeline.lexicons import load_yaml
from nlp_pipeline.text.normalize import normalize

LEXICON = "sections.yaml"

# Heading numbers, outermost first; the index is the nesting depth.
_STYLES: list[tuple[str, str]] = [
    ("part", r"第[一二三四五六七八九十\d]+(?:部分|章|节)[、.．:：\s]*"),
    ("cn", r"[一二三四五六七八九十]{1,3}\s*[、.．]\s*"),
    ("pcn", r"[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）][、.．]?\s*"),
    # "1.2021年…" is item 1 about 2021; "1.5万元" is a number
    ("num", r"\d{1,2}\s*(?:[、]|[.．](?!\d)|[.．](?=(?:19|20)\d{2}年))\s*"),
    ("pnum", r"[（(]\s*\d{1,2}\s*[)）][、.．]?\s*"),
    ("circ", r"[①-⑳]\s*"),
]
STYLE_DEPTH = {name: k for k, (name, _) in enumerate(_STYLES)}
_NUMBER_RES = [(name, re.compile(pat)) for name, pat in _STYLES]
_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年度?")
_CLEAN_RE = re.compile(r"[\s\u3000：:。；;，,、]+")


def lexicon() -> dict:
    return load_yaml(LEXICON)


def item_number(text: str) -> tuple[str | None, str | None, int]:
    """(style, number as written, length incl. following spaces) of a leading item number.

    ``text`` should be width-normalised; the number is found at position 0 only.
    """
    for name, rx in _NUMBER_RES:
        m = rx.match(text)
        if m:
            written = m.group(0).rstrip(" \t\u3000")
            return name, written, m.end()
    return None, None, 0


def squeeze(text: str) -> str:
    """Label text for comparison: width-normalised, without spaces and clause marks."""
    return _CLEAN_RE.sub("", normalize(text))


@functools.lru_cache(maxsize=None)
def _section_synonyms() -> list[tuple[str, str]]:
    pairs = []
    for sid, entry in lexicon()["sections"].items():
        for syn in entry["synonyms"]:
            pairs.append((squeeze(syn), sid))
    return sorted(pairs, key=lambda p: -len(p[0]))


def match_section(label: str, slack: int | None = None) -> tuple[str, str] | None:
    """(section id, synonym) when ``label`` reads as the label of a section.

    The label must contain a synonym and be at most ``slack`` characters longer than it,
    carry no digit (a year aside) and no clause mark: 存在问题 and 存在的问题及原因 are
    labels; 存在问题整改率100% and 细化绩效目标，强化过程监控。 are not. Item numbers must
    be split off before.
    """
    if slack is None:
        slack = int(lexicon().get("label_slack", 10))
    s = squeeze(label)
    # a label is a noun phrase: no clause or sentence marks, no figures but a year
    body = _YEAR_RE.sub("", normalize(label).strip().rstrip("：:"))
    if not s or re.search(r"\d|%|[，,。；;！!？?]", body):
        return None
    best: tuple[int, int, str, str] | None = None
    for syn, sid in _section_synonyms():
        pos = s.find(syn)
        if pos < 0 or len(s) - len(syn) > slack:
            continue
        key = (-len(syn), pos)
        if best is None or key < best[:2]:
            best = (key[0], key[1], sid, syn)
    return (best[2], best[3]) if best else None


def section_title(sid: str) -> str:
    return lexicon()["sections"][sid]["title"]


@functools.lru_cache(maxsize=None)
def _column_synonyms() -> list[tuple[str, str]]:
    pairs = []
    for col, syns in lexicon()["task_columns"].items():
        for syn in syns:
            pairs.append((squeeze(syn), col))
    return sorted(pairs, key=lambda p: -len(p[0]))


def match_column(label: str) -> str | None:
    """Which task-table column a header cell names (task, target, outcome, ..., ignore)."""
    s = squeeze(label)
    if not s or len(s) > 16:
        return None
    for syn, col in _column_synonyms():
        if syn in s:
            return col
    return None


@functools.lru_cache(maxsize=None)
def _task_number_re() -> re.Pattern:
    return re.compile(lexicon()["task_number"])


def is_task_number(text: str) -> bool:
    return bool(_task_number_re().match(squeeze(text)))


def _label_list(key: str) -> list[str]:
    return [squeeze(x) for x in lexicon()["header"][key]]


def header_label(text: str) -> str | None:
    """'organisation' or 'year' when a cell is such a header label."""
    s = squeeze(text)
    if not s or len(s) > 14:
        return None
    for key in ("year", "organisation"):
        for lab in _label_list(key):
            if lab in s:
                return key
    return None


@functools.lru_cache(maxsize=None)
def currency_re() -> re.Pattern:
    return re.compile(lexicon()["header"]["currency"])


def currency_factor(unit: str | None) -> float:
    if unit is None:
        return 1.0
    return float(lexicon()["currency_factors"].get(unit, 1.0))


def title_cues() -> list[str]:
    return list(lexicon()["header"]["title_cues"])
