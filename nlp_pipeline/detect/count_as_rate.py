"""UNIT_MISMATCH (a count goal answered with a rate): a goal that sets a count (「全年查处违法
建设120起以上」) whose outcome reports only a rate for the same work (「违法建设查处率100%」)
and no count in the goal's measure word, so the count asked for is never given.

The outcome is the one the alignment ``outcomes_to_goals`` pairs with the goal. The rate
is for the same work when its name shares two characters in a row with the words before
the goal's count (查处, 违法建设); a count in the outcome with the goal's measure word (起)
answers the goal, whatever else it says.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import alignment_map, bigrams, compact
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register

CODE = "UNIT_MISMATCH"
MIN_SHARED = 2  # character pairs the rate's name must share with the goal's count

RULE = Rule(
    id="NUM.COUNT_AS_RATE", code=CODE, severity="medium", name="COUNT_AS_RATE",
    summary_zh="目标是数量，完成情况只报了同一工作的比率，没有给出数量",
    summary_en="A goal sets a count; its outcome reports only a rate for the same work and no count",
    example="目标：全年查处违法建设120起以上。完成情况：全年违法建设查处率100%。",
    params=(Param("min_shared", "MIN_SHARED", "character pairs the rate's name shares with the goal's count"),),
    confidence=0.75,
    explain_zh="目标数量{target}，完成情况只给出比率{rate}",
    explain_en="the goal counts {target}; the outcome gives only the rate {rate}",
    messages=("NUM.COUNT_AS_RATE.main",),
)


def _words(name: str) -> set[str]:
    # a paragraph's lead label (综合执法：) names its topic, shared by every figure in it
    name = name.replace("：", ":").rsplit(":", 1)[-1]
    return {g for g in bigrams(compact(name)[0]) if not any(ch.isdigit() for ch in g)}


def _name_words(n: M.Num) -> set[str]:
    return _words(n.para.text[max(0, n.i - 12):n.i])


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    goals, outcomes = report.paragraphs("G"), report.paragraphs("O")
    if not goals or not outcomes:
        return []
    mapping = alignment_map(ctx, "outcomes_to_goals", outcomes, goals)
    nums = M.enrich(report, ctx.mentions, M.config())
    by_para = M.by_paragraph(nums)
    findings = []
    for o in outcomes:
        gid = mapping.get(o.id)
        if not gid:
            continue
        counts = [n for n in by_para.get(gid, []) if n.m.kind == "COUNT" and n.m.unit and not n.unitless]
        onums = by_para.get(o.id, [])
        for t in counts:
            if any(n.m.kind == "COUNT" and n.m.unit == t.m.unit for n in onums):
                continue
            want = _name_words(t)
            rate = next((n for n in onums if n.m.kind == "PERCENT" and (n.metric or "").endswith("率")
                         and len(want & _words(n.metric or "")) >= MIN_SHARED), None)
            if rate is None:
                continue
            goal = report.paragraph(gid)
            ev = [M.para_evidence(report, goal, t.i, t.j), M.para_evidence(report, o, rate.i, rate.j)]
            ev[0].role, ev[1].role = "target", "actual"
            findings.append(make_finding(
                CODE, "medium", "NUM.COUNT_AS_RATE.main",
                {"goal": gid, "target": t.m.text, "outcome": o.id, "rate_name": rate.metric, "rate": rate.m.text},
                ev, {"target": t.m.text, "rate": f"{rate.metric}{rate.m.text}"},
            ))
            break
    return findings
