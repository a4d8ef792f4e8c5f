"""Matching headings and label cells against lexicons/sections.yaml."""
from __future__ import annotations

import functools
import re

from nlp_pipeline.lexicons import load_yaml
from nlp_pipeline.text.normalize import normalize

LEXICON = "sections.yaml"

# Heading numbers, outermost first; the index is the nesting depth.
_STYLES: list[tuple[str, str]] = [
    ("part", r"第[一二三四五六七八九十\d]+(?:部分|章)[、.．:：\s]*"),
    # 第一节 under 第一章: a sub-heading of the chapter
    ("jie", r"第[一二三四五六七八九十\d]+节[、.．:：\s]*"),
    # (capital numerals 壹、贰、叁、 head some reports' parts the same way)
    ("cn", r"(?:[一二三四五六七八九十]{1,3}|[壹贰叁肆伍陆柒捌玖拾]{1,2})\s*[、.．]\s*"),
    ("pcn", r"[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）][、.．]?\s*"),
    # "1 项目基本情况": a heading numbered with a space, its title alone on the line (a
    # report exported from a word processor's outline); never an item of running text
    ("nums", r"\d{1,2}[ \u3000]+(?=[\u4e00-\u9fff][^\d。，；,;：:]{1,19}$)"),
    # "1.2021年…" is item 1 about 2021; "1.5万元" is a number; "2.37.64万元…" is item 2 on
    # a figure with its own decimal point
    ("num", r"\d{1,2}\s*(?:[、]|[.．](?!\d)|[.．](?=(?:19|20)\d{2}年)|[.．](?=\d{1,6}[.．]\d+[万亿元%％个人次亩米公吨户件倍]))\s*"),
    # "3.1投入", "4.2 存在的问题": a decimal outline heading, its short title alone on the
    # line (a figure such as 1.5万元 is never one: its title would open on a unit)
    ("dec", r"\d{1,2}[.．]\d{1,2}(?!\d)[ \u3000]*(?=[\u4e00-\u9fff](?<![万亿元个人次亩米公吨户件])[^\d。，；,;]{0,19}$)"),
    # "2.1.1 全年门急诊…": an item of a three-level decimal outline (never a figure)
    ("dec3", r"\d{1,2}[.．]\d{1,2}[.．]\d{1,2}(?!\d)[ \u3000]*(?=[\u4e00-\u9fff（(“](?<![万亿元个人次亩米公吨户件倍]))"),
    # "4.1 全年医院支出…": an item of a decimal outline, a space after its number (1.5 万元
    # is a figure: its text would open on a unit)
    ("deci", r"\d{1,2}[.．]\d{1,2}(?![\d.．])[ \u3000]+(?=[\u4e00-\u9fff](?<![万亿元个人次亩米公吨户件倍])|(?:19|20)\d{2}\s*年)"),
    ("pnum", r"[（(]\s*\d{1,2}\s*[)）][、.．]?\s*"),
    ("circ", r"[①-⑳]\s*"),
    # a bullet (• 目标1：…, - 渔业安全方面…: slides, markdown): an item with no number
    # (▍▌: the bar an infographic's text version puts before each panel's title)
    ("bullet", r"(?:[•·▪◆●■◇►▲△★☆▶▷◎▍▌▎]|-(?=\s))\s*"),
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


@functools.lru_cache(maxsize=1 << 14)
def squeeze(text: str) -> str:
    """Label text for comparison: width-normalised, without spaces and clause marks.
    (Memoised: pure, and asked for the same lexicon words at every line.)"""
    return _CLEAN_RE.sub("", normalize(text))


@functools.lru_cache(maxsize=None)
def _section_synonyms() -> list[tuple[str, str]]:
    pairs = []
    for sid, entry in lexicon()["sections"].items():
        for syn in entry["synonyms"]:
            pairs.append((squeeze(syn), sid))
    return sorted(pairs, key=lambda p: -len(p[0]))


@functools.lru_cache(maxsize=1)
def _column_names() -> frozenset[str]:
    """The value columns' names of an indicator table (lexicons/table_columns.yaml)."""
    from .table_lexicon import table_lexicon

    cols = table_lexicon().columns
    return frozenset(squeeze(w) for name in ("target", "actual", "weight", "score") for w in getattr(cols, name))


def match_section(label: str, slack: int | None = None) -> tuple[str, str] | None:
    """(section id, synonym) when ``label`` reads as the label of a section.

    Memoised like the synonym lists it reads (the lexicon is read once a process): the
    narrative reader asks it of every line and of every cut of a line, and the same
    short labels come back in every report.

    The label must contain a synonym and be at most ``slack`` characters longer than it,
    carry no digit (a year aside) and no clause mark: 存在问题 and 存在的问题及原因 are
    labels; 存在问题整改率100% and 细化绩效目标，强化过程监控。 are not. Item numbers must
    be split off before.
    """
    if slack is None:
        slack = int(lexicon().get("label_slack", 10))
    return _match_section(label, slack)


@functools.lru_cache(maxsize=1 << 15)
def _match_section(label: str, slack: int) -> tuple[str, str] | None:
    s = squeeze(label)
    # a label is a noun phrase: no clause or sentence marks, no figures but a year
    body = _YEAR_RE.sub("", normalize(label).strip().rstrip("：:"))
    if not s or re.search(r"\d|%|[，,。；;！!？?]", body):
        return None
    if s.rstrip("：:") in _column_names():
        return None  # 自评得分, 分值: a column of a table, never a section's heading
    if body[:1] in "（([【":
        # item numbers are split off before: a bracket opening a cell is the template's
        # instruction （填写存在的问题）, no label
        return None
    hit = _contains(s, slack)
    if hit is None:
        return _match_decorated(s, slack)
    # 存在问题及改进措施, 绩效目标及完成情况: a heading joining the names of two
    # sections names neither
    parts = _joined_parts(s)
    if len(_joined_parts(hit[1])) >= 2:
        # the lexicon names the joined heading itself (偏离绩效目标的原因和下一步改进措施)
        return hit
    if len(parts) >= 2 and len(_part_sections(parts, slack) | {hit[0]}) > 1:
        return None
    return hit


def _joined_parts(s: str) -> list[str]:
    joiners = sorted((squeeze(w) or w for w in _decorations().get("joiners") or []), key=len, reverse=True)
    parts = [s]
    for j in joiners:
        parts = [q for p in parts for q in p.split(j)]
    return [p for p in parts if p]


def _part_candidates(parts: list[str], slack: int) -> list[tuple[str, str]]:
    """Sections the parts of a joined heading name, and the parts run together
    (绩效目标及完成情况 also reads as 绩效目标完成情况: an ellipsis naming a second one)."""
    whole = "".join(parts)
    cands = [_contains(p, slack) or _plain_match(p) for p in parts + [whole]]
    return [c for c in cands if c]


def _part_sections(parts: list[str], slack: int) -> set[str]:
    return {c[0] for c in _part_candidates(parts, slack)}


def _contains(s: str, slack: int) -> tuple[str, str] | None:
    """The longest synonym ``s`` contains (the earliest on a tie), within ``slack``."""
    if not s:
        return None
    best = None
    for m in _synonym_scan().finditer(s):
        syn = m.group(1)
        if best is None or len(syn) > len(best):
            best = syn
    if best is None or len(s) - len(best) > slack:
        # the longest synonym is the one nearest the label's length: none shorter fits
        return None
    return _synonym_section()[best], best


@functools.lru_cache(maxsize=None)
def _synonym_section() -> dict[str, str]:
    """Synonym -> section id; a synonym two sections share belongs to the first listed."""
    out: dict[str, str] = {}
    for syn, sid in _section_synonyms():
        out.setdefault(syn, sid)
    return out


@functools.lru_cache(maxsize=None)
def _synonym_scan() -> re.Pattern:
    """One pass over a label for every synonym: at each position the longest synonym
    starting there (alternatives are tried longest first). A loop of str.find over the
    whole list cost a third of the reading time."""
    words = [syn for syn in _synonym_section() if syn]
    return re.compile("(?=(" + "|".join(re.escape(w) for w in words) + "))")


# --- headings with decorations ---------------------------------------------------------


def _decorations() -> dict:
    return lexicon().get("heading_decorations") or {}


@functools.lru_cache(maxsize=8192)
def heading_core(label: str) -> str:
    """A heading without its decorations: years, 的, the prefixes and suffixes of
    ``heading_decorations`` (部门整体支出绩效分析 -> 绩效). Never strips to nothing.
    (Memoised like the synonym lists above: the lexicon is read once a process;
    match_outside asks for the core of every outside heading at every line.)"""
    s = _YEAR_RE.sub("", squeeze(label)).replace("的", "")
    dec = _decorations()
    prefixes = sorted((squeeze(w) for w in dec.get("prefixes") or []), key=len, reverse=True)
    suffixes = sorted((squeeze(w) for w in dec.get("suffixes") or []), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for w in prefixes:
            if w and s.startswith(w) and len(s) - len(w) >= 2:
                s, changed = s[len(w):], True
                break
        for w in suffixes:
            if w and s.endswith(w) and len(s) - len(w) >= 2:
                s, changed = s[: -len(w)], True
                break
    return s


@functools.lru_cache(maxsize=None)
def _core_synonyms() -> dict[str, tuple[str, str]]:
    """Core of each synonym -> (section id, synonym); cores two sections share are left out."""
    found: dict[str, set[str]] = {}
    first: dict[str, str] = {}
    for sid, entry in lexicon()["sections"].items():
        for syn in entry["synonyms"]:
            c = heading_core(syn)
            found.setdefault(c, set()).add(sid)
            first.setdefault(c, squeeze(syn))
    return {c: (next(iter(sids)), first[c]) for c, sids in found.items() if len(sids) == 1 and len(c) >= 2}


def _plain_match(s: str) -> tuple[str, str] | None:
    """A squeezed label with the same core as a synonym of one section."""
    return _core_synonyms().get(heading_core(s))


@functools.lru_cache(maxsize=4096)
def _match_decorated(s: str, slack: int) -> tuple[str, str] | None:
    """Fallback of :func:`match_section` for a squeezed label that contains no synonym:
    decorations removed, then a heading joining names (A及B) split at its joiners."""
    hit = _plain_match(s)
    if hit:
        return hit
    parts = _joined_parts(s)
    if len(parts) < 2:
        return None
    cands = _part_candidates(parts, slack)
    if len({c[0] for c in cands}) != 1:
        return None
    return cands[0]


@functools.lru_cache(maxsize=None)
def _outside_list() -> list[str]:
    return sorted((squeeze(w) for w in lexicon().get("outside_headings") or []), key=len, reverse=True)


def match_outside(label: str, slack: int | None = None) -> str | None:
    """The entry of ``outside_headings`` a heading names (部门基本情况, 绩效指标完成情况表),
    None when it names none. Same shape rules as :func:`match_section`."""
    if slack is None:
        slack = int(lexicon().get("label_slack", 10))
    s = squeeze(label)
    body = _YEAR_RE.sub("", normalize(label).strip().rstrip("：:"))
    if not s or re.search(r"\d|%|[，,。；;！!？?]", body):
        return None
    core = heading_core(s)
    for w in _outside_list():
        if (w in s and len(s) - len(w) <= slack) or heading_core(w) == core:
            return w
    return None


def is_basic_heading(label: str) -> bool:
    """A heading of the basic part: a profile or budget heading of lexicons/sections.yaml
    ``basic_headings`` (not a table's title: 绩效指标完成情况表)."""
    w = match_outside(label)
    return w is not None and w in {squeeze(x) for x in lexicon().get("basic_headings") or []} \
        and "表" not in squeeze(label)


def is_process_heading(label: str) -> bool:
    """A heading of how the evaluation was done (lexicons/sections.yaml ``process_headings``)."""
    w = match_outside(label)
    return w is not None and w in {squeeze(x) for x in lexicon().get("process_headings") or []}


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
