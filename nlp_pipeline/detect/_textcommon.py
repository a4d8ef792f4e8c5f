"""Helpers shared by the text-side detectors (duplicates, restated goals, claims, names,
dates). Not a detector: it registers nothing.

Text comparison works on a *compact* form of a paragraph: CJK characters, letters and
digits only, so that punctuation and spacing differences (，/, ；/。) do not break a
match. Each compact string carries an index back into ``Paragraph.text`` so that a span
found there becomes evidence with offsets into ``Report.text``.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from itertools import islice
from difflib import SequenceMatcher

from nlp_pipeline.detect.registry import Context, evidence
from nlp_pipeline.model import Evidence, Paragraph, Report
from nlp_pipeline.text import patterns as P
from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.text.numbers import masked_figures, years
from nlp_pipeline.text.segment import without_spans

# Paragraph kinds that carry running text (indicator names and results are table cells:
# too short to be compared as prose).
PROSE_SECTIONS = ("G", "O", "K", "P", "Q", "I")


def lexicon(ctx: Context | None, name: str):
    """A yaml lexicon through the context (tests may pass none)."""
    lex = getattr(ctx, "lexicons", None) if ctx is not None else None
    if lex is not None and hasattr(lex, "yaml"):
        return lex.yaml(name)
    from nlp_pipeline.lexicons import load_yaml

    return load_yaml(name)


def _keep(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or ch.isascii() and ch.isalnum()
        or ch in "%％"
        or 0xFF10 <= o <= 0xFF19
    )


def compact(text: str) -> tuple[str, list[int]]:
    """``text`` without punctuation and spaces, in the canonical form of the cue lexicon
    (已经完成 read as 已完成: nlp_pipeline.text.annotate), and for each kept character its
    index in ``text``."""
    # the text detectors compact the same paragraphs over and over (90,000 calls over
    # 72 reports): remembered for the paragraphs of the last few reports
    got = _compact(text)
    return got[0], list(got[1])


@functools.lru_cache(maxsize=4096)
def _compact(text: str) -> tuple[str, tuple[int, ...]]:
    chars, idx = [], []
    for i, ch in enumerate(text):
        if _keep(ch):
            chars.append(ch)
            idx.append(i)
    canon, starts, _ = default_cues().canonical_map("".join(chars))
    return canon, tuple(idx[k] for k in starts)


def compact_span(idx: list[int], cs: int, ce: int) -> tuple[int, int]:
    """Paragraph-text span of compact positions ``[cs, ce)``."""
    if not idx or ce <= cs:
        return 0, 0
    return idx[cs], idx[ce - 1] + 1


def span_evidence(report: Report, para: Paragraph, idx: list[int], cs: int, ce: int) -> Evidence:
    i, j = compact_span(idx, cs, ce)
    return evidence(report, para, i, j)


def prose_paragraphs(report: Report) -> list[Paragraph]:
    """Paragraphs of running text: narrative sections plus task targets and outcomes."""
    out = [p for p in report.paragraphs() if p.section in PROSE_SECTIONS]
    for t in report.tasks:
        for p in (t.target, t.outcome):
            if p is not None:
                out.append(p)
    seen, uniq = set(), []
    for p in sorted(out, key=lambda p: p.start):
        if p.id not in seen:
            seen.add(p.id)
            uniq.append(p)
    return uniq


def mask_digits(s: str) -> str:
    """Numbers replaced by one placeholder so texts that differ only in a figure match."""
    return masked_figures(s)


def ratio(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)}


def dice(a: str, b: str) -> float:
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


# --- alignment access ------------------------------------------------------------------

_FALLBACK_MIN = 0.2  # bigram Dice below which a lexical fallback pairs nothing


def alignment_map(ctx: Context, name: str, sources: list[Paragraph], targets: list[Paragraph]) -> dict[str, str | None]:
    """source id -> target id from the named alignment; where the aligner produced none
    (stage missing or failed), the best lexical match above a floor."""
    al = (ctx.alignments or {}).get(name) if ctx.alignments else None
    if al is not None and al.pairs:
        return al.mapping()
    out: dict[str, str | None] = {}
    tcomp = [(t.id, compact(t.text)[0]) for t in targets]
    for s in sources:
        sc = compact(s.text)[0]
        best, best_id = 0.0, None
        for tid, tc in tcomp:
            d = dice(sc, tc)
            if d > best:
                best, best_id = d, tid
        out[s.id] = best_id if best >= _FALLBACK_MIN else None
    return out


def has_alignment(ctx: Context, name: str) -> bool:
    al = (ctx.alignments or {}).get(name) if ctx.alignments else None
    return al is not None and bool(al.pairs)


def short(text: str, n: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= n else text[:n] + "…"


def positional_fill(mapping: dict[str, str | None], sources: list[Paragraph], targets: list[Paragraph]) -> dict[str, str | None]:
    """Pair still-unpaired sources with the same-numbered target when that target is
    unpaired too: reports number outcomes in the order of their goals, and an outcome
    with no words of its own ("该项目标已完成") can only be placed by its position."""
    out = dict(mapping)
    used = {v for v in out.values() if v}
    for k, s in enumerate(sources):
        if out.get(s.id) or k >= len(targets):
            continue
        t = targets[k]
        if t.id not in used:
            out[s.id] = t.id
            used.add(t.id)
    return out


def report_org_year(report: Report) -> tuple[str | None, int | None]:
    """Organisation and evaluated year: the reader's, else from a title such as
    "某某县水务局2022年度部门整体支出绩效自评报告"."""
    org, year = report.organisation, report.year
    if org and year:
        return org, year
    for line in ([report.title] if report.title else []) + report.text.lstrip().splitlines()[:3]:
        m = P.match(line or "", P.named("title_org_year"))
        if m:
            return org or m.group("org"), year or int(m.group("year"))
    return org, year


def org_words(report: Report, ctx: Context | None = None) -> list[str]:
    """The words of the organisation's own name: its place names (某市, 某区 -> 某市's
    proper name) and what it works on (审计 in 某区审计局, 粮食 and 物资储备 in
    粮食和物资储备局). Every paragraph of a report may use them; they say nothing about
    what one paragraph is about."""
    org = report_org_year(report)[0] or ""
    if not org:
        return []
    from nlp_pipeline.detect.name_variant import _split_levels  # no cycle at import time

    names = lexicon(ctx, "detect_names.yaml") or {}
    levels = sorted(names.get("level_suffixes") or [], key=len, reverse=True)
    types = sorted(names.get("org_types") or [], key=len, reverse=True)
    out: list[str] = []
    for part, suf in _split_levels(P.strip(org, P.named("bracketed")), levels, list(names.get("not_levels") or [])):
        if suf:
            if len(part) >= 2 and suf != "人民政府":
                out.append(part)
            continue
        for t in types:
            if part.endswith(t) and len(part) > len(t):
                part = part[: -len(t)]
                break
        out += [w for w in P.split(part, P.named("name_joiners")) if len(w) >= 2]
    # the short forms the field goes by (文化和旅游局 -> 文旅)
    for field, shorts in (names.get("field_abbreviations") or {}).items():
        if field in org:
            out += list(shorts)
    return sorted(set(out), key=len, reverse=True)


def self_repeats(s: str, shingle: int, floor: int) -> list[tuple[int, int, int]]:
    """Passages repeated inside one string: ``(first_start, second_start, length)``."""
    pos: dict[str, list[int]] = defaultdict(list)
    for i in range(len(s) - shingle + 1):
        pos[s[i : i + shingle]].append(i)
    diag: dict[int, list[int]] = defaultdict(list)
    for ps in pos.values():
        ps = ps[:50]  # a shingle repeated more often is a table of like rows, not a copy
        for x in range(len(ps)):
            for y in range(x + 1, len(ps)):
                lag = ps[y] - ps[x]
                if lag >= floor:
                    diag[lag].append(ps[x])
    out = []
    for lag, starts in diag.items():
        starts.sort()
        run_start = prev = starts[0]
        for p in starts[1:] + [None]:  # type: ignore[list-item]
            if p is not None and p == prev + 1:
                prev = p
                continue
            length = prev - run_start + shingle
            if length >= floor:
                out.append((run_start, run_start + lag, min(length, lag)))
            if p is not None:
                run_start = prev = p
    # keep the longest of overlapping reports
    out.sort(key=lambda r: -r[2])
    kept: list[tuple[int, int, int]] = []
    for r in out:
        if not any(r[0] < k[0] + k[2] and k[0] < r[0] + r[2] for k in kept):
            kept.append(r)
    return kept


def has_figure(text: str) -> bool:
    """True when ``text`` carries a number other than a year."""
    return any(ch.isdigit() for ch in without_spans(text, [(y.start, y.end) for y in years(text)]))


# the scope and status words of a whole claim (全部, 均已, 完成, 到位): every claim has
# them, they name no work
CLAIM_SCOPE_CHARS = frozenset("全部面均已完成工到位了齐足额实现并")


def work_words(text: str) -> set[str]:
    """Two-character words of ``text`` that can name a piece of work: no digits, no stock
    quantity words, none made only of a claim's scope words."""
    stock = default_cues()
    return {g for g in bigrams(compact(text)[0])
            if not any(ch.isdigit() for ch in g) and not set(g) <= CLAIM_SCOPE_CHARS
            and not stock.has(g, "quantity_filler")}


CUT_TAIL = 12  # characters after a table's last row within which a text that ends there was cut
FULL_ROWS = 0.8  # share of the rows above with a cell the cut last row lacks


def table_cut_short(report: Report) -> bool:
    """The text ends inside the indicator table (a page copied in part, an excerpt): the
    table has no total row and at most ``CUT_TAIL`` characters follow its last row read.
    Its last row may be cut mid-cell and its sums miss the rows that were never copied."""
    if report.total_score is not None or report.total_weight is not None:
        return False
    inds = [i for t in report.tasks for i in t.indicators if i.name_paragraph is not None]
    ends = [p.end for i in inds for p in (i.name_paragraph, i.result_paragraph) if p is not None]
    if len(inds) < 2:
        return False
    # (from the end of the last row's line: its weight and score cells come after the result)
    eol = report.text.find("\n", max(ends))
    kept = (ch for ch in report.text[eol if eol >= 0 else len(report.text):] if not ch.isspace() and ch not in "|-")
    tail = "".join(islice(kept, CUT_TAIL + 1))  # a long text after the table need not be read whole
    if _ends_on_a_level(report.text[max(ends):]) or (eol >= 0 and _ends_in_a_row_name(report.text[eol:])):
        return True
    if len(tail) > CUT_TAIL:
        return False
    if tail and tail[-1] in "：:":
        return True  # 成本指标 | 指标1:  — the next row begun and cut after its label
    if tail and any(w.startswith(tail) for w in _level_words()):
        return True  # 效 / 效益指标: the next group's label begun and cut
    # …and its last row lacks the score the rows above it have (a score is the row's last
    # figure: a row with its score but a blank result was left blank, not cut)
    last, rest = inds[-1], inds[:-1]
    if last.score is None and sum(1 for i in rest if i.score is not None) >= FULL_ROWS * len(rest):
        return True
    # a target table has no score: its weight is the row's last figure
    return (not any(i.score is not None for i in inds) and last.weight is None
            and sum(1 for i in rest if i.weight is not None) >= FULL_ROWS * len(rest))


def _ends_on_a_level(after: str) -> bool:
    """What follows the last row read is only the labels of groups with no rows (生态效益指标 |
    可持续影响指标 | ……), the row's own figures, and a group's label at the very end, whole or
    begun (…10 10 可持续影响, …… 满意): the excerpt stops where the next group starts."""
    kept = (ch for ch in after if not ch.isspace() and ch not in "|-—.．…%％" and not ch.isdigit())
    rest = "".join(islice(kept, CUT_LEVEL_TAIL + 1))  # more than the tail answers no
    if not rest or len(rest) > CUT_LEVEL_TAIL:
        return False
    rest, ended = _after_levels(rest)
    if rest:
        # the text's last characters begin a group's label (满意 of 满意度指标)
        return any(x.startswith(rest) for x in _level_words())
    return ended


def _after_levels(rest: str) -> tuple[str, bool]:
    """``rest`` without the group labels it opens with, and whether it opened with any."""
    levels = sorted(_level_words(), key=len, reverse=True)
    ended = False
    while rest:
        w = next((w for w in levels if rest.startswith(w)), None)
        if w is None:
            break
        rest, ended = rest[len(w):], True
    return rest, ended


CUT_LEVEL_TAIL = 40  # characters of group labels after the last row that a cut excerpt may end on
CUT_NAME_TAIL = 80  # characters of a row's name after a group label that a cut excerpt may end on


def _ends_in_a_row_name(after: str) -> bool:
    """After the last row read come a group's label and the name of its first row, begun and
    never finished: no figure, no stop at the end (社会效益指标 | 岗; 社会效益 指标 促进…满足
    广大人民群众接受素质教育、): the excerpt stops inside the next row."""
    text = after.rstrip()
    if not text or text[-1] in _CLOSERS or any(ch.isdigit() for ch in text):
        return False
    rest, ended = _after_levels("".join(ch for ch in text if not ch.isspace() and ch not in "|-—"))
    return ended and 0 < len(rest) <= CUT_NAME_TAIL
CUT_LINE = 15  # characters of a last line that ends with no stop: a sentence cut, not a field line
PUNCTUATED = 0.7  # share of a report's prose paragraphs ending with a stop: the author ends sentences
_CLOSERS = frozenset("。！？；.!?;)）」”』》】]…>|")  # > ends markup (</p>), | a table row
_OPENERS = {"（": "）", "(": ")", "《": "》", "「": "」"}


def _ends_open(s: str) -> bool:
    return any(s.count(a) > s.count(b) for a, b in _OPENERS.items())


def text_cut_short(report: Report) -> bool:
    """The text stops mid-sentence (an excerpt, a page copied in part): its last line opens
    a bracket it never closes (二、部门(单位), or ends with no stop, being long or holding a
    comma (a sentence begun), in a report whose prose paragraphs end with one. Field lines
    (填报日期：2024年3月), table rows and the unpunctuated lists some reports are written in
    end a report as written."""
    lines = [ln.strip() for ln in report.text.strip().splitlines() if ln.strip()]
    if not lines:
        return False
    last = lines[-1]
    if _ends_open(last):
        return True
    short = len(last) <= CUT_LINE and not any(ch in last for ch in "，,")  # (a comma: a sentence begun)
    if short or last[-1] in _CLOSERS or last[-1] in "：:" or last[-1].isdigit():
        return False
    if (last[-1] in "日月" and last[-2:-1].isdigit()) or last.count("：") + last.count(":") >= 2:
        return False  # 填报人：… 填报日期：2025年3月14日
    paras = [p.text.strip() for p in report.paragraphs() if p.section in PROSE_SECTIONS and p.text.strip()]
    if len(paras) < 3:
        return False
    stopped = sum(1 for t in paras[:-1] if t[-1] in _CLOSERS or t[-1] in "：:")  # (…存在以下问题：)
    return stopped >= PUNCTUATED * (len(paras) - 1)


def trailing_fragment(report: Report) -> str | None:
    """The id of the report's last prose paragraph where it ends the text with no stop
    (质量指标 / 农村危房改造补: a page cut mid-word): a piece, not a statement."""
    paras = [p for p in report.paragraphs() if p.section in PROSE_SECTIONS and p.text.strip()]
    if not paras:
        return None
    last = max(paras, key=lambda p: p.end)
    if report.text[last.end:].strip() or last.text.strip()[-1] in _CLOSERS or last.text.strip()[-1] in "：:":
        return None
    return last.id


def cut_in(report: Report, sections: tuple[str, ...]) -> bool:
    """The text stops mid-sentence inside one of ``sections`` (its last paragraph is
    there): what those sections said after the cut was never copied."""
    if not text_cut_short(report):
        return False
    paras = [p for p in report.paragraphs() if p.section in PROSE_SECTIONS]
    return bool(paras) and max(paras, key=lambda p: p.end).section in sections


@functools.lru_cache(maxsize=1)
def _level_words() -> tuple[str, ...]:
    """The 一级/二级指标 words of lexicons/table_columns.yaml."""
    from nlp_pipeline.ingest.table_lexicon import table_lexicon

    lex = table_lexicon()
    return tuple(lex.level1) + tuple(lex.level2)
