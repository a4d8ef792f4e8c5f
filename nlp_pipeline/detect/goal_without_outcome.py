"""GOAL_WITHOUT_OUTCOME: annual goals on which the goal-completion narrative reports
nothing.

The goals left unmatched by the alignment ``outcomes_to_goals`` (O narrative; where a
report has no O section, ``performance_to_goals`` is used instead). A goal that a P
paragraph reports on with results (a figure together with the grammar of a result:
了, 已, 累计…) counts as reported; a P paragraph that only restates the goal does not, and neither does one that shares no
word of its topic with the goal (only a verb such as 落实 or 推进, or only a word of the
organisation's own name such as 排水 in 某市排水管理处, which every paragraph uses: the
alignment paired them for want of a better match).
A paragraph of the goals section that only states the money (a notice allocating
funds, an approved investment: every figure an amount, no word of aim) is owed nothing.
All such goals make one finding, each goal one piece of evidence.
"""
from __future__ import annotations

import functools

from nlp_pipeline.align.texts import lexical_text
from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import (alignment_map, bigrams, cut_in, has_alignment, has_figure, lexicon,
                                            org_words, short, trailing_fragment)
from nlp_pipeline.detect.registry import Context, Param, Rule, evidence, make_finding, register
from nlp_pipeline.text import patterns as P


def _unmatched(ctx: Context, name: str, sources, goals) -> list[str]:
    if has_alignment(ctx, name):
        al = ctx.alignments[name]
        matched = {p.target for p in al.pairs if p.target}
        listed = list(al.unmatched_targets or [])
        return [g.id for g in goals if g.id in listed or g.id not in matched]
    m = alignment_map(ctx, name, sources, goals)
    matched = {v for v in m.values() if v}
    return [g.id for g in goals if g.id not in matched]


def reports_result(text: str, markers: list[str]) -> bool:
    return has_figure(text) and P.has(text, markers)


def _topic_bigrams(text: str, generic: list[str]) -> frozenset[str]:
    return _topic_bigrams_of(text, tuple(generic))


@functools.lru_cache(maxsize=4096)  # every goal is tested against every paragraph that may name it
def _topic_bigrams_of(text: str, generic: tuple[str, ...]) -> frozenset[str]:
    t = lexical_text(text)
    for w in generic:
        t = t.replace(w, " ")
    return frozenset(g for g in bigrams(t) if P.fullmatch(g, P.named("cjk_pair")))


def shares_topic(a: str, b: str, generic: list[str], own: list[str] | tuple[str, ...] = (), at_least: int = 1) -> bool:
    """True when two texts share ``at_least`` two-character words beyond stock verbs and
    phrasing and beyond the words of the organisation's own name (``own``)."""
    own_grams = {g for w in own for g in bigrams(w)}
    return len((_topic_bigrams(a, generic) & _topic_bigrams(b, generic)) - own_grams) >= at_least


RULE = Rule(
    id="TXT.GOAL_GAP", code="GOAL_WITHOUT_OUTCOME", severity="medium",
    summary_zh="年度目标在目标完成情况中没有任何对应的结果",
    summary_en="Annual goals on which the goal-completion narrative reports nothing",
    example="目标：完成农村道路硬化20公里。（目标完成情况中未提及道路硬化）",
    confidence=0.7,
    explain_zh="对齐后该目标没有对应的完成情况段落，整体绩效中也没有报告其结果",
    explain_en="the alignment leaves the goal without an outcome, and no performance paragraph reports a result for it",
    messages=("TXT.GOAL_GAP.outcomes", "TXT.GOAL_GAP.performance"),
    params=(
        Param("figure_similarity", "FIGURE_SIMILARITY",
              "a goal's target and an outcome's figure of one measure whose metric names are this similar report one indicator"),
    ),
)

FIGURE_SIMILARITY = 0.95  # near-equal names: 个人住房贷款逾期率 is not 个人住房贷款率 (0.89)


def _figures_reported(ctx: Context, goals, said) -> set[str]:
    """Goals one of whose target figures an outcome reports for the same metric (新建谷坊
    ≥40座 / …新建谷坊36座…): one paragraph that reports several goals' indicators (产出指标
    完成情况分析。…) covers each of them, though the alignment paired it with one."""
    nums = M.enrich(ctx.report, ctx.mentions, M.config())
    by = M.by_paragraph(nums)
    reported = [a for p in said for a in by.get(p.id, []) if a.role != "target" and len(a.key) >= 2]
    return {g.id for g in goals for t in by.get(g.id, [])
            if len(t.key) >= 2 and not t.unitless
            and any(M.same_indicator(t, a, FIGURE_SIMILARITY) for a in reported)}


def _reports_not_aims(text: str, cues: dict) -> bool:
    from nlp_pipeline.text.annotate import default_cues

    c = default_cues()
    canon = c.canonical(text)
    # a completion said in the past (已完成, 均已实现, 较好地完成了) or in part (基本完成): a result
    if any(canon[a:b].startswith(("已", "均已")) or canon[b:b + 1] == "了" for a, b in c.find(canon, "done")) or any(
            canon[a:b] in ("基本完成", "部分完成") for a, b in c.find(canon, "not_done")):
        return True
    # a result's label with its figure in the clause (实际补助人数9人): a result, under whatever heading
    if any(any(ch.isdigit() for ch in _clause_from(canon, b)) for _, b in c.find(canon, "result_label")):
        return True
    # an event on a day (2022年12月23日…下达…资金), with no word of aim: a report of what was done
    return not P.has(text, cues.get("goal_cues") or []) and P.has(text, P.named("full_date"))


_CLAUSE_ENDS = frozenset("，,。；;：:！？!?\n")


def _clause_from(text: str, at: int) -> str:
    """``text`` from ``at`` to the end of its clause."""
    end = next((k for k in range(at, len(text)) if text[k] in _CLAUSE_ENDS), len(text))
    return text[at:end]


FUNDS_FIGURE_KINDS = frozenset({"MONEY", "YEAR", "DATE"})  # the figures a statement of the funds holds


def _funds_statements(ctx: Context, goals, cues: dict) -> set[str]:
    """Goals-section paragraphs that only state the money: 《关于下达…的通知》下达我县…资金500万元;
    立项批复525.39万元，其中500万元为中央资金. Every figure an amount, a budget named, no
    word of aim: where the funds came from, no goal a result is owed for."""
    from nlp_pipeline.text.annotate import default_cues

    kinds: dict[str, set[str]] = {}
    for m in ctx.mentions:
        if m.paragraph:
            kinds.setdefault(m.paragraph, set()).add(m.kind)
    c = default_cues()
    return {g.id for g in goals
            if "MONEY" in kinds.get(g.id, set()) and kinds[g.id] <= FUNDS_FIGURE_KINDS
            and c.find(c.canonical(g.text), "budget_metric")
            and not P.has(g.text, cues.get("goal_cues") or [])}


def _item_no(number: str | None) -> str:
    return "".join(ch for ch in (number or "") if ch.isdigit())


def _numbered_twins(ctx: Context, goals, outcomes, generic: list[str], own) -> set[str]:
    """Goals that an outcome of the same item number reports on: in a side-by-side form
    (1.… | 1.… rows, as many of one as of the other) the number is the pairing; elsewhere
    an outcome the alignment left unpaired that shares a topic word with the goal."""
    mapping = alignment_map(ctx, "outcomes_to_goals", outcomes, goals)
    free = {_item_no(o.number): o for o in outcomes if not mapping.get(o.id) and _item_no(o.number)}
    # a form prints each 预期目标 item beside its 实际完成情况 item: with as many of one as of
    # the other, the same number is the pairing, whatever words the two share
    side_by_side = ctx.report.layout != "narrative" and len(goals) == len(outcomes)
    if side_by_side and not any(_item_no(x.number) for x in goals + outcomes):
        # 项目年度目标 | 年度目标完成情况 cells with no numbers: the row pairs them
        return {g.id for g in goals}
    if side_by_side:
        # the row pairs them even where the alignment gave that outcome to another goal
        numbered = {_item_no(o.number) for o in outcomes if _item_no(o.number)}
        return {g.id for g in goals if _item_no(g.number) in numbered}
    return {g.id for g in goals if _item_no(g.number) in free
            and shares_topic(free[_item_no(g.number)].text, g.text, generic, own)}


COVER_RUN = 7  # Chinese characters in a row a goal and an outcome that reports on it share


def _named_in(goal: str, outcomes, generic: list[str], own) -> bool:
    """An outcome names the goal's own work at length (建设粪污收集转运点, 粪污无害化处理率):
    a goal whose parts two outcomes report is covered though the alignment gave each
    outcome another goal. The organisation's own name is no work."""
    names = [w for w in own if len(w) >= COVER_RUN]
    runs, cur = [], []
    for ch in goal + " ":
        if "\u4e00" <= ch <= "\u9fff":
            cur.append(ch)
        elif cur:
            runs.append("".join(cur))
            cur = []
    pieces = {r[i:i + COVER_RUN] for r in runs for i in range(len(r) - COVER_RUN + 1)}
    pieces = {p for p in pieces if not any(p in w for w in names)}
    return any(p in o.text for o in outcomes for p in pieces)


ROW_SHARED = 2  # topic words an indicator row's name shares with the goal it reports on
UNNAMED_MIN = 4  # topic words a goal needs before "no outcome names any of them" is read


_LABEL_WORDS = ("年度", "总体", "目标", "绩效", "预期", "年初", "设定", "指标")
LABEL_REST = 3  # CJK characters a goal must keep beyond its field's label words


def _label_only(text: str) -> bool:
    """A "goal" that is the form's field label or a fragment of it (年度总体, 年度 总体 目标
    86.19%): nothing is aimed at, so no outcome is owed."""
    rest = text
    for w in _LABEL_WORDS:
        rest = rest.replace(w, "")
    return sum(1 for ch in rest if "\u4e00" <= ch <= "\u9fff") < LABEL_REST


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    goals = report.paragraphs("G")
    outcomes, perf = report.paragraphs("O"), report.paragraphs("P")
    if report.form == "target_table":
        return []  # a target table (绩效目标申报表) has no outcomes by design
    if not goals or not (outcomes or perf) or cut_in(report, ("O", "P", "K", "G")):
        # (a text cut inside its outcomes reported what it did after the cut; one cut inside
        # its goals lost what followed them)
        return []
    cues = lexicon(ctx, "cues_goal_language.yaml") or {}
    markers = list(cues.get("result_markers") or [])
    generic = list(cues.get("generic_action_words") or [])
    gtext = {g.id: g.text for g in goals}
    own = org_words(report, ctx)
    if outcomes:
        missing = _unmatched(ctx, "outcomes_to_goals", outcomes, goals)
        if perf:
            pmap = alignment_map(ctx, "performance_to_goals", perf, goals)
            ptext = {p.id: p.text for p in perf}
            reported = {g for pid, g in pmap.items() if g and reports_result(ptext[pid], markers)
                        and shares_topic(ptext[pid], gtext[g], generic, own)}
            missing = [g for g in missing if g not in reported]
        twins = _numbered_twins(ctx, goals, outcomes, generic, own)
        shown = _figures_reported(ctx, goals, outcomes + perf)
        missing = [g for g in missing if g not in twins and g not in shown
                   and not _named_in(gtext[g], outcomes, generic, own)]
        # a goal whose topic no outcome or performance paragraph names at all is owed one,
        # whatever outcome the alignment gave it (殡葬改革 paired with 高龄津贴)
        said = outcomes + perf + report.paragraphs("K") + [
            p for t in report.tasks for i in t.indicators for p in (i.name_paragraph,) if p is not None]
        missing += [g.id for g in goals if g.id not in missing and len(_topic_bigrams(g.text, generic)) >= UNNAMED_MIN
                    and not any(shares_topic(p.text, g.text, generic, own) for p in said)]
        missing = [g.id for g in goals if g.id in missing]
        message_id = "TXT.GOAL_GAP.outcomes"
    else:
        missing = _unmatched(ctx, "performance_to_goals", perf, goals)
        message_id = "TXT.GOAL_GAP.performance"
    rows = [i.name_paragraph for t in report.tasks for i in t.indicators
            if i.name_paragraph is not None and i.result_paragraph is not None and i.result_paragraph.text.strip()]
    if outcomes:
        # a table printed inside the outcome section (表1 主要业务指标完成情况 under 三、) is
        # part of that account
        lo, hi = min(p.start for p in outcomes), max(p.end for p in outcomes)
        rows = [n for n in rows if lo <= n.start <= hi]
    if rows:
        # a report with no outcome narrative gives its results in its indicator table: a row
        # of the goal's topic with its result filled in reports on the goal (where the
        # narrative exists, the goal is owed its account there, or in a table inside it)
        missing = [g for g in missing
                   if not any(shares_topic(n.text, gtext[g], generic, own, ROW_SHARED) for n in rows)]
    # a paragraph of the goals section that reports instead of aiming (年初绩效目标基本完成;
    # 2022年12月23日…下达…资金1300万元，下拨至…) is no goal a result is owed for
    setting = cues.get("goal_setting_words") or []
    funds_only = _funds_statements(ctx, goals, cues)
    cut = trailing_fragment(report)  # (a goal the page cut off is no goal stated)
    missing = [g for g in missing if not _reports_not_aims(gtext[g], cues) and not _label_only(gtext[g])
               and not any(w in gtext[g] for w in setting) and g not in funds_only and g != cut]
    if len(goals) == 1 and outcomes and any(reports_result(p.text, markers) for p in outcomes):
        # one goal (a form's 年度总体目标 cell) and an outcome that reports a result: the
        # outcome is the goal's account, whatever words it uses
        missing = []
    if not missing:
        return []
    gp = [g for g in goals if g.id in missing]
    heads = "；".join(f"{g.id}「{short(g.text, 16)}」" for g in gp[:4])
    return [
        make_finding(
            "GOAL_WITHOUT_OUTCOME",
            "medium",
            message_id,
            {"count": len(gp), "goals": [g.id for g in gp], "heads": heads},
            [evidence(report, g) for g in gp],
            {"goals": [g.id for g in gp], "section": "O" if outcomes else "P"},
        )
    ]
