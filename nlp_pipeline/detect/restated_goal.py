"""OUTCOME_RESTATES_GOAL: an outcome that repeats the goal it reports on, or that is
written in goal language instead of reporting a result.

Outcomes are the goal-completion narrative (O, paired with goals by the alignment
``outcomes_to_goals``), the overall-performance narrative (P, ``performance_to_goals``)
and each task's completion text (against the task's own target). Two rules:

* *copy*: the outcome and its goal are nearly the same text once figures are masked
  (a copy that changes 90% into 92% is still a copy), or the outcome has no figure and
  is mostly the goal's words; and what the outcome adds to the goal contains no result
  or claim wording; and the outcome does not report values in the goal's words (its
  changed figures lose every target qualifier and it has no goal cue: 储备900吨以上 ->
  储备960吨 is a result, 就业率90%以上 -> 92%以上 is not); a task's completion text
  that copies its target's plain figures is a result too when its indicators report
  those same values (开办培训班4个 beside the indicator 培训班数 4个);
* *goal language*: the outcome uses several goal cues (确保, 力争, 每年…) and no marker of
  a reported result (了, 已, 累计…); weak markers that goal language uses too (计划全年…)
  do not count then.

Outcomes restating the same goal are one finding, with the goal and each outcome as
evidence.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from nlp_pipeline.detect._textcommon import (
    alignment_map,
    compact,
    text_cut_short,
    lexicon,
    mask_digits,
    ratio,
    short,
)
from nlp_pipeline.detect.registry import Context, Param, Rule, evidence, make_finding, phrase, phrases, register
from nlp_pipeline.model import Paragraph
from nlp_pipeline.text.numbers import Figure, figures, has_digit
from nlp_pipeline.text.segment import plain_clauses, titles, without_spans
from nlp_pipeline.text import patterns as P

COPY_RATIO = 0.8  # masked-text similarity from which an outcome copies its goal
BARE_COVER = 0.6  # share of a figure-less, marker-less outcome taken from its goal
TASK_COPY_RATIO = 0.9  # a task's completion text is short: ask for more
MIN_CHARS = 12  # shorter outcomes ("已完成") are claims, not restatements
GOAL_CUES_MIN = 2



def _untitled(text: str) -> str:
    """``text`` without its titles and document numbers (《…》, 〔…〕): a title's words
    and figures are no goal language and no value."""
    return without_spans(text, titles(text))


def _cues(ctx: Context) -> dict:
    return lexicon(ctx, "cues_goal_language.yaml") or {}


def goal_language(text: str, cues: dict) -> tuple[list[str], list[str]]:
    """(goal cues found, result markers found) in ``text`` (titles in 《》 ignored)."""
    t = _untitled(text)
    goals = [m.group() for m in P.finditer(t, cues.get("goal_cues") or [])]
    results = [m.group() for m in P.finditer(t, cues.get("result_markers") or [])]
    return goals, results


def _added_text(outcome: str, goal: str) -> str:
    """Characters of ``outcome`` that the goal does not have (figures masked)."""
    sm = SequenceMatcher(None, outcome, goal, autojunk=False)
    out, pos = [], 0
    for blk in sm.get_matching_blocks():
        out.append(outcome[pos : blk.a])
        pos = blk.a + blk.size
    return "".join(out)


def _masked_numbers(text: str) -> tuple[str, dict[int, Figure]]:
    """``text`` with each figure (with its % sign) replaced by '#', and figure by
    position of its '#'."""
    out, nums, pos = [], {}, 0
    for f in figures(text):
        out.append(text[pos : f.start])
        nums[sum(len(x) for x in out)] = f
        out.append("#")
        pos = f.after + f.percent
    out.append(text[pos:])
    return "".join(out), nums


def _changed_figures(outcome: str, goal: str) -> list[tuple[str, Figure]]:
    """Figures that differ where the two texts otherwise read the same (a figure pairs
    with the one at the same place in a matching stretch of text): the goal's figure and
    the match of the outcome's."""
    a, na = _masked_numbers(goal)
    b, nb = _masked_numbers(outcome)
    out = []
    for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        if blk.size < 2:
            continue
        for k in range(blk.size):
            x, y = na.get(blk.a + k), nb.get(blk.b + k)
            if x is not None and y is not None and x.written != y.written:
                out.append((x.written, y))
    return out


def _changed_numbers(outcome: str, goal: str) -> list[tuple[str, str]]:
    return [(x, y.written) for x, y in _changed_figures(outcome, goal)]


def _date(text: str, f: Figure) -> bool:
    """A figure written as a date (2021年, 6月): no value reached."""
    return P.match(text, P.named("date_word_after"), f.after + f.percent) is not None


def reports_values(outcome: str, goal: str, cues: dict, plain_ok: bool = False) -> bool:
    """A copy of its goal whose changed figures are plain values: the outcome changed
    at least one figure (a date does not count) or ``plain_ok`` says its unchanged figures
    are confirmed elsewhere, none of its figures carries a target qualifier (以上,
    不少于…) and it has no goal cue. 储备900吨以上 -> 储备960吨 reports what was done with
    the goal's own words; 就业率90%以上 -> 92%以上 still states a target."""
    changed = [y for _, y in _changed_figures(outcome, goal) if not _date(outcome, y)]
    # figures the goal does not have at all (支出保费18.62万元，参保18,620人 after the goal's
    # 参保率100%) are values reached as much as changed ones
    added = len(_figures(outcome)) > len(_figures(goal))
    if not changed and not added and not plain_ok:
        return False
    quals = cues.get("target_qualifiers") or []
    untitled = _untitled(outcome)
    for clause in (untitled[a:b] for a, b in plain_clauses(untitled, at_colon=True)):
        if any(c.isdecimal() for c in clause) and P.has(clause, quals):
            return False
    return not goal_language(outcome, cues)[0]


def _figures(text: str) -> list[str]:
    """The figures of ``text`` other than dates, as written less thousands commas."""
    t = _untitled(text).replace(",", "")
    return [f.text for f in figures(t) if not _date(t, f)]


def indicators_confirm(outcome: str, results: list[str]) -> bool:
    """Every figure of a task's completion text is also the value of one of its indicator
    results (开办培训班4个 beside 培训班数 4个): the text states the values reached."""
    figs = _figures(outcome)
    have = {f for r in results for f in _figures(r or "")}
    return bool(figs) and all(f in have for f in figs)


PLAN_SLACK = 0.1  # how far below the copy ratio a goal restated with plan words may read


LEAD_LABEL_MAX = 8  # characters of an item's title before its colon (满意度：…)


def _without_lead_label(text: str) -> str:
    """An outcome without the title it opens on (满意度：本年度要确保…): the title names the
    item's topic, no words the outcome adds to its goal."""
    head = text.lstrip()
    k = next((i for i, ch in enumerate(head[:LEAD_LABEL_MAX + 1]) if ch in "：:"), None)
    if k is None or k == 0 or any(ch.isdigit() for ch in head[:k]):
        return text
    return head[k + 1:]


def _assess(
    outcome: Paragraph, goal: Paragraph | None, cues: dict, copy_ratio: float, allow_bare: bool = True,
    confirmed: bool = False,
) -> dict | None:
    oc = compact(_without_lead_label(outcome.text))[0]
    if len(oc) < MIN_CHARS:
        return None
    result = None
    if goal is not None:
        gc = compact(goal.text)[0]
        om, gm = mask_digits(oc), mask_digits(gc)
        sim = ratio(om, gm)
        # an outcome with no figure and no result grammar that is mostly its goal's
        # words reports nothing either, even when it is shorter than the goal
        bare_copy = (
            allow_bare
            and sim < copy_ratio
            and not has_digit(oc)
            and 1 - len(_added_text(om, gm)) / len(om) >= BARE_COVER
        )
        # the goal's words with plan words added (按照年度计划，将…，力争…): a restatement a
        # little below the copy ratio all the same
        planned = sim >= copy_ratio - PLAN_SLACK and bool(goal_language(_added_text(om, gm), cues)[0])
        if sim >= copy_ratio or bare_copy or planned:
            added = _added_text(om, gm)
            claims = [c for c in cues.get("added_claim_markers") or [] if c in added]
            # result grammar the outcome has more often than its goal (率为98% where the
            # goal said 率98%)
            markers = [
                pat for pat in cues.get("result_markers") or []
                if len(P.finditer(outcome.text, pat)) > len(P.finditer(goal.text, pat))
            ]
            if not claims and not markers and not reports_values(outcome.text, goal.text, cues, confirmed):
                result = {"rule": "copy", "similarity": round(sim, 3), "bare": bare_copy,
                          "changed_numbers": _changed_numbers(outcome.text, goal.text)}
    goals_found, results_found = goal_language(outcome.text, cues)
    if len(set(goals_found)) >= GOAL_CUES_MIN:
        # 全年, 同比 sit in goal language too (计划全年…): with several different goal
        # cues they are no sign of a reported result (one cue twice may be a noun,
        # 年度计划的105%)
        weak = cues.get("weak_result_markers") or []
        results_found = [r for r in results_found if not P.fullmatch(r, weak)]
    if len(goals_found) >= GOAL_CUES_MIN and not results_found:
        if result is None:
            result = {"rule": "goal_language"}
        result["goal_cues"] = sorted(set(goals_found))
    return result


RULE = Rule(
    id="TXT.RESTATED", code="OUTCOME_RESTATES_GOAL", severity="medium",
    summary_zh="完成情况照抄其对应的年度目标，或用目标语言代替实际结果",
    summary_en="An outcome that repeats its goal, or is written in goal language instead of reporting a result",
    example="目标：全年开展安全生产检查不少于50次。完成情况：全年开展安全生产检查不少于50次。",
    params=(
        Param("copy_ratio", "COPY_RATIO", "masked-text similarity from which an outcome copies its goal"),
        Param("bare_cover", "BARE_COVER", "share of a figure-less, marker-less outcome taken from its goal"),
        Param("task_copy_ratio", "TASK_COPY_RATIO", "the same for a task's (short) completion text"),
        Param("min_chars", "MIN_CHARS", "shorter outcomes (已完成) are claims, not restatements"),
        Param("goal_cues_min", "GOAL_CUES_MIN", "goal-language cues that make an outcome read as a goal"),
    ),
    confidence=0.75,
    explain_zh="完成情况与目标在遮蔽数字后基本相同（或以目标语言表述），且未增加结果表述",
    explain_en="outcome and goal are alike once figures are masked (or the outcome is in goal language), and it adds no result",
    messages=("TXT.RESTATED.copy", "TXT.RESTATED.changed_numbers", "TXT.RESTATED.number_change",
              "TXT.RESTATED.no_figure", "TXT.RESTATED.near_copy", "TXT.RESTATED.goal_language"),
)


def _project_items(report, cues: dict) -> list[tuple[str, tuple[Paragraph, dict]]]:
    """A key project's part written as labelled items: its result items after its 绩效目标：
    item report on that goal; (goal id, (item, assessment)) of each that restates it."""
    out, own_goal = [], None
    for k in report.paragraphs("K"):
        if k.kind == "goal":
            own_goal = k
            continue
        res = _assess(k, own_goal, cues, COPY_RATIO) if own_goal is not None else None
        if res is not None:
            out.append((own_goal.id, (k, res)))
    return out


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = _cues(ctx)
    goals = {g.id: g for g in report.paragraphs("G")}
    glist = list(goals.values())
    hits: dict[str, list[tuple[Paragraph, dict]]] = {}

    for name, sec in (("outcomes_to_goals", "O"), ("performance_to_goals", "P")):
        outs = report.paragraphs(sec)
        if not outs:
            continue
        m = alignment_map(ctx, name, outs, glist) if glist else {}
        # the paragraph a text stops in mid-sentence says only its first words
        cut = max(report.paragraphs(), key=lambda p: p.end) if text_cut_short(report) else None
        for o in outs:
            if o is cut:
                continue
            g = goals.get(m.get(o.id) or "")
            res = _assess(o, g, cues, COPY_RATIO)
            if res is not None:
                # grouped by the goal reported on; an unaligned outcome stands alone
                hits.setdefault(g.id if g is not None else "~" + o.id, []).append((o, res))
    for gid, item in _project_items(report, cues):
        hits.setdefault(gid, []).append(item)
    for t in report.tasks:
        if t.target is None or t.outcome is None:
            continue
        # a task's own completion text is judged as a copy only: its target is right
        # beside it, and goal words there are the form's, not the writer's
        # a copy of a target of plain counts whose indicators report those very counts
        # (特教班4个 / 特教班开班数 4个) says the target was met, in the target's words
        confirmed = indicators_confirm(t.outcome.text, [ind.result for ind in t.indicators])
        res = _assess(t.outcome, t.target, cues, TASK_COPY_RATIO, allow_bare=False, confirmed=confirmed)
        if res is not None and res["rule"] == "copy":
            hits.setdefault(t.id, []).append((t.outcome, res))

    findings = []
    goals.update({k.id: k for k in report.paragraphs("K") if k.kind == "goal"})
    for gid, items in hits.items():
        goal = goals.get(gid)
        if goal is None and not gid.startswith("~"):
            task = next((t for t in report.tasks if t.id == gid), None)
            goal = task.target if task else None
        ev = ([evidence(report, goal)] if goal is not None else []) + [evidence(report, o) for o, _ in items]
        outcomes = [o.id for o, _ in items]
        copies = [(o, r) for o, r in items if r["rule"] == "copy"]
        if goal is not None and copies:
            changed = [c for _, r in copies for c in r.get("changed_numbers", [])]
            if changed:
                change = phrase("change", "TXT.RESTATED.changed_numbers", phrases(
                    "changes", "TXT.RESTATED.number_change", [{"old": a, "new": b} for a, b in changed[:3]]))
            elif all(r.get("bare") for _, r in copies):
                change = phrase("change", "TXT.RESTATED.no_figure")
            else:
                change = phrase("change", "TXT.RESTATED.near_copy")
            mid = "TXT.RESTATED.copy"
            params = {"outcomes": outcomes, "goal": goal.id, **change, "quote": short(goal.text, 26)}
        else:
            cues_found = sorted({c for _, r in items for c in r.get("goal_cues", [])})
            mid = "TXT.RESTATED.goal_language"
            params = {"outcomes": outcomes, "cues": cues_found, "quote": short(items[0][0].text, 26)}
        values = {
            "goal": goal.id if goal is not None else None,
            "outcomes": [o.id for o, _ in items],
            "details": {o.id: r for o, r in items},
        }
        findings.append(make_finding("OUTCOME_RESTATES_GOAL", "medium", mid, params, ev, values))
    return findings
