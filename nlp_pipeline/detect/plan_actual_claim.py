"""CLAIM_CONTRADICTED (plan and result): running text that gives a plan and a smaller
result for the same measure and still claims the work done (「全年计划抽检1,200批次，实际完成
食品安全监督抽检1,050批次，…年度抽检任务圆满完成」).

The plan and the result are those the indicator reading finds in sentences that are not a
form's fields (计划…实际…, _metrics.indicator_checks with ``form`` false); the claim is a
completion phrase after the result in the same paragraph (concept ``done`` of
lexicons/cues.yaml, none of ``not_done``). A shortfall in a form's fields or table rows
claimed complete, or a rate short of its target rate, is INDICATOR_SHORTFALL
(indicator_shortfall.py).
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Rule, make_finding, register

CODE = "CLAIM_CONTRADICTED"

RULE = Rule(
    id="NUM.PLAN_ACTUAL", code=CODE, severity="high", name="PLAN_ACTUAL_CLAIM",
    summary_zh="正文写明计划数与较少的实际完成数，却仍称任务已完成",
    summary_en="Running text gives a plan and a smaller result for it, yet claims the work done",
    example="全年计划抽检1,200批次，实际完成抽检1,050批次，年度抽检任务圆满完成。",
    confidence=0.85,
    explain_zh="计划{target}，实际{actual}，实际少于计划，却称已完成",
    explain_en="planned {target}, done {actual}: less than planned, yet claimed done",
    messages=("NUM.PLAN_ACTUAL.main",),
)


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    nums = M.enrich(ctx.report, ctx.mentions, cfg)
    findings = []
    for c in M.indicator_checks(ctx.report, nums, cfg):
        if c.form or c.target_claim or not (c.worse and c.claim) or c.target.para.section in ("G", "Q", "I"):
            continue
        if c.target.m.kind == "PERCENT":
            continue  # a rate short of its target rate is an indicator's shortfall (indicator_shortfall.py)
        t, a = c.target.m.text, c.actual.m.text
        findings.append(make_finding(
            CODE, "high", "NUM.PLAN_ACTUAL.main", {"paragraph": c.actual.para.id, "target": t, "actual": a},
            c.evidence, {"rule": "PLAN_ACTUAL_CLAIM", "target": t, "actual": a}, roles="claim",
        ))
    return findings
