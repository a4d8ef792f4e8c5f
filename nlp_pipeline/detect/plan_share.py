"""ARITHMETIC_MISMATCH (share of the plan): a result written with its share of the plan
(「修缮建筑面积5,460平方米，为计划面积的111.0%」) where the plan is the target of the goal the
outcome reports on (5,400平方米): 5,460 ÷ 5,400 = 101.1%, not 111.0%.

In a statement of an outcome, a percentage after 为/完成/达到 + 计划/目标 … 的 (pattern
``share_of_plan_named`` of lexicons/patterns.yaml) is checked against the figure just
before it over the one target of the aligned goal in the same measure and unit. A share
the figures give within the rounding of the three as written is right; a goal with no such
target, or with two, is not read.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import alignment_map
from nlp_pipeline.detect.registry import Context, Rule, make_finding, register
from nlp_pipeline.text import patterns as P

CODE = "ARITHMETIC_MISMATCH"

RULE = Rule(
    id="NUM.PLAN_SHARE", code=CODE, severity="medium", name="PLAN_SHARE",
    summary_zh="完成数占计划的比例与目标中的计划数算出的比例不符",
    summary_en="A result's share of its plan that the goal's planned figure does not give",
    example="目标：修缮建筑面积5,400平方米。完成：修缮建筑面积5,460平方米，为计划面积的111.0%。",
    confidence=0.8,
    explain_zh="{actual} ÷ {target} = {computed}%，报告写作{written}",
    explain_en="{actual} / {target} = {computed}%, the report writes {written}",
    messages=("NUM.PLAN_SHARE.main",),
)


def _target(goal_nums: list[M.Num], a: M.Num) -> M.Num | None:
    same = [t for t in goal_nums if t.m.kind == a.m.kind and (t.m.base_unit or "") == (a.m.base_unit or "")
            and t.m.base_value and not (t.scopes & {"part", "change", "share"})]
    return same[0] if len(same) == 1 else None


def _fits(a: M.Num, t: M.Num, pct: M.Num) -> bool:
    """``pct`` is ``a`` over ``t`` within the rounding of the three as written."""
    want = a.m.base_value / t.m.base_value * 100
    tol = M.half_ulp(pct.m) + want * (M.half_ulp(a.m) / a.m.base_value + M.half_ulp(t.m) / t.m.base_value)
    return abs(want - pct.m.base_value) <= tol + 1e-9


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    goals, outcomes = report.paragraphs("G"), report.paragraphs("O")
    if not goals or not outcomes:
        return []
    mapping = alignment_map(ctx, "outcomes_to_goals", outcomes, goals)
    by_para = M.by_paragraph(M.enrich(report, ctx.mentions, M.config()))
    findings = []
    for o in outcomes:
        gid = mapping.get(o.id)
        items = sorted(by_para.get(o.id, []), key=lambda n: n.i)
        for m in P.finditer(o.text, P.named("share_of_plan_named")):
            before = [n for n in items if n.j <= m.start() and n.m.kind != "PERCENT"]
            pct = next((n for n in items if n.i >= m.start("pct") and n.m.kind == "PERCENT"), None)
            if not gid or not before or pct is None or pct.m.base_value is None:
                continue
            # the figure the share is of: the last before it that is no part of a breakdown
            # (新增耕地1,286.4亩，其中旱地842.6亩、水田443.8亩，完成年度目标的107.2%)
            whole = [n for n in before if "part" not in n.scopes]
            a = (whole or before)[-1]
            t = _target(by_para.get(gid, []), a)
            if t is None or not a.m.base_value:
                continue
            if any(_fits(n, t, pct) for n in before if n.m.base_value
                   and n.m.kind == a.m.kind and (n.m.base_unit or "") == (a.m.base_unit or "")):
                continue
            want = a.m.base_value / t.m.base_value * 100
            vals = {"actual": a.m.text, "target": t.m.text, "computed": f"{want:.1f}", "written": pct.m.text}
            findings.append(make_finding(
                CODE, "medium", "NUM.PLAN_SHARE.main", {"paragraph": o.id, **vals},
                [M.para_evidence(report, o, a.i, pct.j), M.para_evidence(report, t.para, t.i, t.j)],
                vals, roles=["claim", "target"],
            ))
    return findings
