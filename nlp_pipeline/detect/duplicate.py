"""DUPLICATE_PARAGRAPH: the same or nearly the same text in two or more places.

Three shapes are reported:

* a *paste*: one paragraph that, after its own text, carries two or more other paragraphs
  again (one finding naming the pasted paragraphs and the pasted spans);
* a *repeated text*: a passage found in two or more paragraphs; every paragraph holding
  it is one piece of evidence of the same finding (a list reused as goal, task, result,
  problem and measure is one finding with five places);
* a passage repeated inside one paragraph.

Comparison is on text without punctuation; a run that is mostly a title cited in 《》, in
paragraphs not alike whole, is no copy (two goals that act 按照《…通知》要求 cite one notice). Matching blocks shorter than ``MIN_BLOCK`` are
ignored, blocks separated by small gaps are merged (so one inserted or deleted word does
not split a copy), and a repeated span must reach ``FLOOR`` characters and, unless it is
long in itself, half of the shorter paragraph: a shared stock phrase is not a copy. Two
short paragraphs (``WHOLE_MIN`` characters or more) are a copy below ``FLOOR`` only when
they are the same text almost whole (``WHOLE_SHARE`` of the longer one), and neither is
a task's completion text (the same stock 已按计划完成… under several tasks). Two items of
one section are a copy too when the shorter is restated in the longer with a word moved
or added (登记窗口人员不足… / 窗口登记人员不足…，有待提高): one run covers ``RESTATE_SHARE``
of the shorter and half of the longer, and shared character pairs cover
``RESTATE_COVER`` of the shorter.

An outcome that repeats the goal it reports on is OUTCOME_RESTATES_GOAL, and so is a task
target that repeats its goal; such pairs are left out here, which keeps one pair of
paragraphs under one code. Two outcome narratives (O, P, K) copying each other are a
duplicate even when they report on the same goal, since OUTCOME_RESTATES_GOAL never
compares two outcomes, unless the text they share is their goal's own (both restate it).
"""
from __future__ import annotations

from collections import defaultdict
from difflib import SequenceMatcher

from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.detect._textcommon import (
    alignment_map,
    compact,
    lexicon,
    prose_paragraphs,
    short,
    span_evidence,
)
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.model import Paragraph, Report

SHINGLE = 8  # characters per shingle used to find candidate pairs
MIN_BLOCK = 6  # shortest matching block kept
MAX_GAP = 10  # largest gap (each side) bridged when merging blocks into one span
FLOOR = 30  # shortest repeated span, in characters without punctuation
LONG = 100  # a span this long is a copy whatever the paragraphs' lengths
SHARE = 0.5  # otherwise it must cover this share of the shorter paragraph
PASTE_COVER = 0.8  # a pasted paragraph is present at least this completely
PASTE_MIN = 15  # a whole paragraph pasted with others counts from this length
WHOLE_MIN = 15  # below FLOOR, two paragraphs this long that are equal almost whole
WHOLE_SHARE = 0.85  # (this share of the longer one) are a copy
RESTATE_SHARE = 0.7  # items of one section: a run this share of the shorter ...
RESTATE_COVER = 0.9  # ... whose characters shared pairs cover this much are a copy
PROFILE_MIN = 50  # characters a paragraph of the basic part pasted whole elsewhere needs to be a copy
PARALLEL_ITEMS = 2  # items of one section written again in order, numbered anew, from this many


def _boilerplate(ctx: Context) -> list[str]:
    data = lexicon(ctx, "detect_boilerplate.yaml") or {}
    out = [compact(p)[0] for p in data.get("phrases") or []]
    return sorted({p for p in out if len(p) >= 3}, key=len, reverse=True)


def _masked(s: str, phrases: list[str], counter: list[int]) -> str:
    """``s`` with stock phrases replaced by characters that match nothing."""
    chars = list(s)
    for ph in phrases:
        start = s.find(ph)
        while start >= 0:
            for k in range(start, start + len(ph)):
                counter[0] += 1
                chars[k] = chr(0xF0000 + counter[0] % 0xFFFD)
            start = s.find(ph, start + len(ph))
    return "".join(chars)


def _goal_of(ctx: Context, report: Report) -> dict[str, str]:
    """Paragraph id -> id of the goal it reports on (a goal maps to itself)."""
    goals = report.paragraphs("G")
    out: dict[str, str] = {g.id: g.id for g in goals}
    if not goals:
        return out
    for name, sec in (("outcomes_to_goals", "O"), ("performance_to_goals", "P")):
        m = alignment_map(ctx, name, report.paragraphs(sec), goals)
        out.update({k: v for k, v in m.items() if v})
    targets = [t.target for t in report.tasks if t.target is not None]
    m = alignment_map(ctx, "tasks_to_goals", targets, goals)
    for t in report.tasks:
        g = m.get(t.id)
        if g:
            out[t.id] = g
    return out


def _reports(p: Paragraph) -> bool:
    """An outcome text: O, P and K narratives and a task's completion text (not a key
    project's 绩效目标： item)."""
    return p.section in ("O", "P", "K") and p.kind != "goal"


GOAL_OPENING = 24  # characters at a paragraph's start within which a goal statement opens it


def _family(a: Paragraph, b: Paragraph, goal_of: dict[str, str]) -> bool:
    """True for pairs whose overlap is expected or belongs to OUTCOME_RESTATES_GOAL."""
    ta, tb = a.id.split(".")[0], b.id.split(".")[0]
    if a.section == "T" and b.section == "T" and ta == tb:
        return True
    if "B" in (a.section, b.section) and not ({a.section, b.section} & {"O", "P", "K"}):
        return True  # the basic part against itself, its goals or its problems: a profile restated
    if a.section == b.section == "K" and (a.kind == "goal") != (b.kind == "goal"):
        return True  # a project's 绩效目标： item and its result item: a restatement, not a copy
    if any(default_cues().find(p.text[:GOAL_OPENING], "goal_statement") for p in (a, b)):
        return True  # 本项目总体绩效目标为治理…1429.39hm / 基本完成治理…1429.39hm: a target and its result
    if _reports(a) and _reports(b):
        # two outcomes on one goal should each report it in their own words: a copy
        # between them is a duplicate, not a restated goal
        return False
    ga, gb = goal_of.get(ta), goal_of.get(tb)
    return ga is not None and ga == gb


def _profile_pair(a: Paragraph, b: Paragraph, ma: str, mb: str) -> bool:
    """A paragraph of the basic part and one of another part, both long enough to be pasted."""
    return "B" in (a.section, b.section) and a.section != b.section and min(len(ma), len(mb)) >= PROFILE_MIN


def _whole_profile_copy(ma: str, mb: str, runs: list) -> bool:
    """A long paragraph of the basic part written again whole as a goal, a result or a
    problem (the year's work plan under 部门概况 and again as the 绩效目标): restating a
    profile in other words is expected, pasting all of it is a copy. ``runs`` are the pair's
    matching runs (none for a pair that is no profile pair)."""
    # the shorter whole (the longer may carry its heading glued on: 年度工作计划…情况以人为本…)
    return any(r[4] >= PROFILE_MIN and r[4] >= WHOLE_SHARE * min(len(ma), len(mb))
               and r[4] >= SHARE * max(len(ma), len(mb)) for r in runs)


NAME_LIST_ITEMS = 3  # names a list needs before repeating it is naming, not copying
NAME_LIST_SHARE = 0.7  # share of the repeated text such a list makes


def _name_list(span: str) -> bool:
    """The repeated text is mostly one enumeration of names (广东甲学院(筹)、广东乙学院(筹)、…)
    with no figure: fields that each name the same objects repeat them by design."""
    if any(ch.isdigit() for ch in span) or span.count("、") < NAME_LIST_ITEMS - 1:
        return False
    first, last = span.find("、"), span.rfind("、")
    # the list runs from the item before the first 、 to the item after the last one
    s = max(span.rfind(ch, 0, first) for ch in "，,；;。：:") + 1
    ends = [k for k in (span.find(ch, last) for ch in "，,；;。") if k >= 0]
    e = min(ends) if ends else len(span)
    return (e - s) >= NAME_LIST_SHARE * len(span)


GOAL_SHARE = 0.5  # share of a span found in the goal that makes it the goal's text


def _in_goal(span: str, goal: str) -> bool:
    if not span:
        return False
    got = sum(b.size for b in SequenceMatcher(None, span, goal, autojunk=False).get_matching_blocks() if b.size >= MIN_BLOCK)
    return got >= GOAL_SHARE * len(span)


def _runs(a: str, b: str) -> list[tuple[int, int, int, int, int]]:
    """Merged matching spans ``(a_start, a_end, b_start, b_end, matched_chars)``."""
    blocks = [
        blk
        for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
        if blk.size >= MIN_BLOCK
    ]
    runs: list[list[int]] = []
    for blk in blocks:
        if runs:
            r = runs[-1]
            if 0 <= blk.a - r[1] <= MAX_GAP and 0 <= blk.b - r[3] <= MAX_GAP:
                r[1], r[3] = blk.a + blk.size, blk.b + blk.size
                r[4] += blk.size
                continue
        runs.append([blk.a, blk.a + blk.size, blk.b, blk.b + blk.size, blk.size])
    return [tuple(r) for r in runs]  # type: ignore[misc]


PARALLEL_MIN = 1  # figures of a span that differ between two places before they are two statements


def _parallel(x: str, y: str) -> bool:
    """Two matching passages that each write a figure the other does not, in the same frame
    (2022年12月23日…下达…1300万元 / 2023年8月1日…下达…437万元): the template of a report
    repeated for another batch, not a copied passage (a copy keeps its figures, in any
    unit: 1,285,600元 is 128.56万元)."""
    fx, fy = _amounts(x), _amounts(y)
    return sum(1 for f in fx if f not in fy) >= PARALLEL_MIN and sum(1 for f in fy if f not in fx) >= PARALLEL_MIN


def _amounts(s: str) -> list[float]:
    """The figures of ``s`` by value in their base unit (85万元 and 850,000元 are one)."""
    from nlp_pipeline.text import extract_numbers

    return [round(m.base_value, 6) for m in extract_numbers(s) if m.base_value is not None]


TITLE_SHARE = 0.5  # share of a run inside cited titles that makes it a citation, not a copy


def _significant(matched: int, la: int, lb: int, whole: bool = True) -> bool:
    if matched < FLOOR:
        # a short paragraph is a copy when the other one is the same text, give or take
        # a word (客流量小 / 客流量偏小): the pair is equal almost whole
        return whole and matched >= WHOLE_MIN and matched >= WHOLE_SHARE * max(la, lb)
    return matched >= LONG or matched >= SHARE * min(la, lb)


def _bigram_cover(a: str, b: str) -> float:
    """Share of the characters of ``a`` inside a character pair that ``b`` also holds."""
    if len(a) < 2:
        return 0.0
    pairs = {b[i : i + 2] for i in range(len(b) - 1)}
    hit = [False] * len(a)
    for i in range(len(a) - 1):
        if a[i : i + 2] in pairs:
            hit[i] = hit[i + 1] = True
    return sum(hit) / len(a)


def _restated(matched: int, a: str, b: str) -> bool:
    """Two items of one section, the shorter restated in the longer with a word moved or
    a clause added."""
    short_, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return (matched >= WHOLE_MIN and matched >= RESTATE_SHARE * len(short_)
            and matched >= 0.5 * len(long_) and _bigram_cover(short_, long_) >= RESTATE_COVER)


class _UF:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _merge_intervals(iv: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(iv):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [tuple(x) for x in out]  # type: ignore[misc]


RULE = Rule(
    id="TXT.DUPLICATE", code="DUPLICATE_PARAGRAPH", severity="medium",
    summary_zh="同一段文字在报告中重复出现（整段粘贴、多处重复或段内重复）",
    summary_en="The same or nearly the same text in two or more places of the report",
    example="O1：完成老旧小区改造12个，惠及居民3000户，群众居住环境明显改善。 …… P2：完成老旧小区改造12个，惠及居民3000户，群众居住环境明显改善。",
    params=(
        Param("floor", "FLOOR", "shortest repeated span, in characters without punctuation"),
        Param("long", "LONG", "a span this long is a copy whatever the paragraphs' lengths"),
        Param("share", "SHARE", "otherwise the span must cover this share of the shorter paragraph"),
        Param("min_block", "MIN_BLOCK", "shortest matching block kept"),
        Param("max_gap", "MAX_GAP", "largest gap (each side) bridged when merging blocks into one span"),
        Param("paste_cover", "PASTE_COVER", "a pasted paragraph is present at least this completely"),
        Param("paste_min", "PASTE_MIN", "a whole paragraph pasted with others counts from this length"),
        Param("whole_min", "WHOLE_MIN", "below floor, two paragraphs this long that are equal almost whole are a copy"),
        Param("whole_share", "WHOLE_SHARE", "... equal in this share of the longer one"),
        Param("restate_share", "RESTATE_SHARE", "items of one section: a run this share of the shorter item ..."),
        Param("restate_cover", "RESTATE_COVER", "... whose characters shared pairs cover this much is a copy"),
        Param("goal_share", "GOAL_SHARE", "share of a span found in the goal that makes it the goal's text"),
        Param("profile_min", "PROFILE_MIN",
              "characters a paragraph of the basic part pasted whole as a goal, result or problem needs to be a copy"),
        Param("parallel_items", "PARALLEL_ITEMS",
              "a run of this many items of one section written again in the same order and numbered anew is a parallel statement"),
    ),
    confidence=0.9,
    explain_zh="重复片段（去标点后）足够长，且覆盖较短段落的相当部分；各处见证据",
    explain_en="a repeated span long enough to be a copy (see the evidence for each place)",
    messages=("TXT.DUPLICATE.pasted", "TXT.DUPLICATE.repeated"),
)


def _in_titles(text: str, comp: tuple[str, list[int]]) -> set[int]:
    """Compact positions of ``text`` inside titles cited in 《》."""
    spans, open_at = [], None
    for k, ch in enumerate(text):
        if ch == "《":
            open_at = k
        elif ch == "》" and open_at is not None:
            spans.append((open_at, k))
            open_at = None
    return {i for i, orig in enumerate(comp[1]) if any(a <= orig <= b for a, b in spans)}


def _cited(run: tuple, titled: set[int], la: int, lb: int) -> bool:
    """The run is a cited title and little else, in paragraphs that say more than it: two
    goals that act 按照《关于印发…的通知》要求 cite one notice and copy nothing."""
    a0, a1, matched = run[0], run[1], run[4]
    inside = sum(1 for i in range(a0, a1) if i in titled)
    return inside >= TITLE_SHARE * (a1 - a0) and matched < WHOLE_SHARE * max(la, lb)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    # (the basic part too: its profile pasted into the outcomes is a copy; two of its own
    # paragraphs alike are left alone, see _family)
    paras = sorted([p for p in prose_paragraphs(report) + report.paragraphs("B") if p.text.strip()],
                   key=lambda p: p.start)
    if len(paras) < 1:
        return []
    phrases = _boilerplate(ctx)
    counter = [0]
    comp = [compact(p.text) for p in paras]
    masked = [_masked(c[0], phrases, counter) for c in comp]
    goal_of = _goal_of(ctx, report)
    findings = []

    shared = _candidate_pairs(masked)
    edges, paste_edges = _edges(paras, masked, shared, goal_of, comp, report.form == "target_table")

    # pastes: a paragraph carrying two or more whole other paragraphs after its own text
    pasted_in: dict[int, list[tuple[int, int]]] = {}
    for x in range(len(paras)):
        pieces = _paste_pieces(x, masked, edges + paste_edges)
        if len(pieces) < 2:
            continue
        pasted_in[x] = [(pc[0], pc[1]) for pc in pieces]
        findings.append(_paste_finding(report, paras, comp, masked, x, pieces))

    # repeated texts: cluster spans that are copies of one another
    for members in _repeat_groups(edges, pasted_in):
        f = _repeat_finding(report, paras, comp, members)
        if f is not None:
            findings.append(f)

    # a passage repeated inside one paragraph is REPEATED_TEXT (repeated_text.py)
    return findings


def _candidate_pairs(masked: list[str]) -> dict[tuple[int, int], int]:
    """Candidate pairs: paragraphs sharing a few shingles, with how many they share."""
    index: dict[str, set[int]] = defaultdict(set)
    for k, s in enumerate(masked):
        for i in range(len(s) - SHINGLE + 1):
            index[s[i : i + SHINGLE]].add(k)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ks in index.values():
        if 1 < len(ks) <= 12:
            ks_sorted = sorted(ks)
            for x in range(len(ks_sorted)):
                for y in range(x + 1, len(ks_sorted)):
                    shared[(ks_sorted[x], ks_sorted[y])] += 1
    return shared


def _text_of(p: Paragraph, comp: tuple[str, list[int]], a: int, b: int) -> str:
    """The paragraph's own text under compact span ``a``..``b`` (punctuation and all)."""
    idx = comp[1]
    return p.text[idx[a]: idx[b - 1] + 1] if b > a else ""


def _edges(paras: list[Paragraph], masked: list[str], shared: dict[tuple[int, int], int],
           goal_of: dict[str, str], comp: list[tuple[str, list[int]]], target_table: bool = False) -> tuple[list, list]:
    """Edges (a, b, a_start, a_end, b_start, b_end, matched): copies, and runs too short
    to be a copy alone that may be a whole paragraph pasted among others."""
    edges, paste_edges = [], []
    by_id = {p.id: k for k, p in enumerate(paras)}
    parallel = _parallel_lists(paras, shared)
    titled = [_in_titles(p.text, c) for p, c in zip(paras, comp)]
    for (a, b), n in shared.items():
        if n < 3 or (a, b) in parallel:
            continue
        runs = None
        if _family(paras[a], paras[b], goal_of):
            runs = _runs(masked[a], masked[b]) if _profile_pair(paras[a], paras[b], masked[a], masked[b]) else []
            if not _whole_profile_copy(masked[a], masked[b], runs):
                continue
        # a stock completion text (已按计划完成…) under every task is no copied paragraph
        short_copies = "task_outcome" not in (paras[a].kind, paras[b].kind)
        gk = by_id.get(goal_of.get(paras[a].id) or "~")
        if gk is None or goal_of.get(paras[a].id) != goal_of.get(paras[b].id):
            gk = None
        for r in runs if runs is not None else _runs(masked[a], masked[b]):
            if gk is not None and _in_goal(masked[a][r[0] : r[1]], masked[gk]):
                continue  # both outcomes restate their goal: OUTCOME_RESTATES_GOAL
            if _parallel(_text_of(paras[a], comp[a], r[0], r[1]), _text_of(paras[b], comp[b], r[2], r[3])):
                continue  # one sentence pattern with other dates and amounts: two statements
            if _cited(r, titled[a], len(masked[a]), len(masked[b])):
                continue
            if target_table and _name_list(_text_of(paras[a], comp[a], r[0], r[1])):
                continue  # a target table's fields each name the objects funded (甲学院、乙学院、…)
            if _significant(r[4], len(masked[a]), len(masked[b]), short_copies):
                edges.append((a, b, *r))
            elif (short_copies and paras[a].section == paras[b].section != "T"
                  and _restated(r[4], masked[a], masked[b])):
                edges.append((a, b, *r))
            elif r[4] >= PASTE_MIN:
                # too short to be a copy alone; a whole paragraph pasted among others is
                paste_edges.append((a, b, *r))
    return edges, paste_edges


def _parallel_lists(paras: list[Paragraph], shared: dict[tuple[int, int], int]) -> set[tuple[int, int]]:
    """Pairs inside one list written twice: the same goals stated for the central and for
    the provincial funds (（一）中央资金… 1.… 2.… 3.… / （二）省级资金… 1.… 2.… 3.…). A run
    of consecutive items of one section alike in order, the numbering begun again, is
    one statement per fund or project, not a copy; one item written twice in one list
    (goal 5 = goal 1) stays a duplicate."""
    alike = {pair for pair, n in shared.items() if n >= 3 and paras[pair[0]].section == paras[pair[1]].section}
    out: set[tuple[int, int]] = set()
    for a, b in alike:
        if (a - 1, b - 1) in alike:
            continue  # not the start of a run
        run = []
        while (a + len(run), b + len(run)) in alike and a + len(run) < b:
            run.append((a + len(run), b + len(run)))
        renumbered = sum(1 for x, y in run if paras[x].number and paras[x].number == paras[y].number)
        if len(run) >= PARALLEL_ITEMS and renumbered >= PARALLEL_ITEMS:
            members = {k for pair in run for k in pair}
            # the two statements share their wording across items too (the fund's uses
            # named again in its first goal): no copy within them either
            out.update(pair for pair in alike if set(pair) <= members)
    return out


def _paste_pieces(x: int, masked: list[str], edges: list) -> list[list]:
    """The stretches [start, end, guests] of paragraph ``x`` that carry other paragraphs
    whole after its own text."""
    carried = []
    for e in edges:
        for host, guest, hs, he, gs, ge in ((e[0], e[1], e[2], e[3], e[4], e[5]), (e[1], e[0], e[4], e[5], e[2], e[3])):
            if host != x:
                continue
            if (ge - gs) >= PASTE_COVER * len(masked[guest]) and (he - hs) < 0.9 * len(masked[host]) and hs > 0:
                carried.append((guest, hs, he))
    # one pasted piece per stretch of the host; two pieces or more make a paste
    pieces: list[list] = []
    for guest, hs, he in sorted(carried, key=lambda c: c[1]):
        for pc in pieces:
            if min(he, pc[1]) - max(hs, pc[0]) >= 0.5 * min(he - hs, pc[1] - pc[0]):
                pc[0], pc[1] = min(pc[0], hs), max(pc[1], he)
                pc[2].append(guest)
                break
        else:
            pieces.append([hs, he, [guest]])
    return pieces


def _paste_finding(report: Report, paras: list[Paragraph], comp: list, masked: list[str], x: int,
                   pieces: list[list]):
    def pick(cands: list[int]) -> int:
        # the paragraph of the host's own section is the likelier source of a paste
        return min(cands, key=lambda g: (paras[g].section != paras[x].section, -len(masked[g]), paras[g].start))

    guests = {pick(pc[2]) for pc in pieces}
    spans = [(pc[0], pc[1]) for pc in pieces]
    host = paras[x]
    ev = [span_evidence(report, host, comp[x][1], s, e) for s, e in spans]
    names = sorted(guests, key=lambda g: paras[g].start)
    ev += [span_evidence(report, paras[g], comp[g][1], 0, len(comp[g][0])) for g in names]
    return make_finding(
        "DUPLICATE_PARAGRAPH",
        "medium",
        "TXT.DUPLICATE.pasted",
        {"paragraph": host.id, "pasted": [paras[g].id for g in names], "count": len(names),
         "chars": sum(e - s for s, e in spans)},
        ev,
        {"paragraph": host.id, "pasted": [paras[g].id for g in names],
         "pasted_chars": sum(e - s for s, e in spans)},
    )


def _repeat_groups(edges: list, pasted_in: dict[int, list[tuple[int, int]]]) -> list[list]:
    """Clusters of spans (paragraph, start, end) that are copies of one another; spans
    inside a paste are left to the paste's finding."""
    def inside_paste(k: int, s: int, e: int) -> bool:
        return any(min(e, pe) - max(s, ps) >= 0.5 * (e - s) for ps, pe in pasted_in.get(k, []))

    uf = _UF()
    nodes: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, b, as_, ae, bs, be, _m in edges:
        if inside_paste(a, as_, ae) or inside_paste(b, bs, be):
            continue
        na, nb = (a, as_, ae), (b, bs, be)
        uf.union(na, nb)
        nodes[a].append((as_, ae))
        nodes[b].append((bs, be))
    for k, ivs in nodes.items():
        ivs = sorted(set(ivs))
        for i in range(len(ivs)):
            for j in range(i + 1, len(ivs)):
                (s1, e1), (s2, e2) = ivs[i], ivs[j]
                ov = min(e1, e2) - max(s1, s2)
                if ov >= 0.5 * min(e1 - s1, e2 - s2):
                    uf.union((k, s1, e1), (k, s2, e2))
    groups: dict = defaultdict(list)
    for k, ivs in nodes.items():
        for s, e in set(ivs):
            groups[uf.find((k, s, e))].append((k, s, e))
    return list(groups.values())


def _repeat_finding(report: Report, paras: list[Paragraph], comp: list, members: list):
    """The finding for one cluster of copies, if it spans two paragraphs or more."""
    by_para: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for k, s, e in members:
        by_para[k].append((s, e))
    if len(by_para) < 2:
        return None
    order = sorted(by_para, key=lambda k: paras[k].start)
    ev = []
    for k in order:
        for s, e in _merge_intervals(by_para[k]):
            ev.append(span_evidence(report, paras[k], comp[k][1], s, e))
    ids = [paras[k].id for k in order]
    quote = short(ev[0].quote, 30)
    longest = max(e.end - e.start for e in ev)
    return make_finding(
        "DUPLICATE_PARAGRAPH",
        "medium" if len(ids) >= 3 or longest >= LONG else "low",
        "TXT.DUPLICATE.repeated", {"count": len(ids), "places": ids, "quote": quote},
        ev,
        {"places": ids, "chars": longest},
    )
