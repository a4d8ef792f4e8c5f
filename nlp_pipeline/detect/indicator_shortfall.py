"""INDICATOR_SHORTFALL: an indicator's result falls short of its target — the right way
round for negative indicators (发生率, 投诉率, 不超过 …, where smaller is better) — while
the report claims it complete (已完成, 达到预期 …).

Targets and results come from a task table with a target column, or from sentences that
name both fields (年度指标值不少于50场，实际完成值42场). A plan and a result in running
text (全年计划抽检1,200批次，实际完成1,050批次，任务圆满完成) are a claim about the work, not a
form's indicator: plan_actual_claim.py reports them as CLAIM_CONTRADICTED.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Rule, make_finding, register, roles_at

CODE = "INDICATOR_SHORTFALL"


RULE = Rule(
    id="NUM.SHORTFALL", code=CODE, severity="high",
    summary_zh="指标实际完成值劣于目标值，却表述为已完成",
    summary_en="An indicator's result falls short of its target while the report claims it complete",
    example="年度指标值不少于50场，实际完成值42场，已完成。",
    confidence=0.85,
    explain_zh="目标值 {target}，实际值 {actual}（基本单位）；方向 {direction}（1 越大越好，-1 越小越好）：实际劣于目标，却表述为已完成",
    explain_en="target {target}, actual {actual} (base units); direction {direction} (1: larger is better, -1: smaller): the result is worse than the target, yet reported complete",
)


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    nums = M.enrich(ctx.report, ctx.mentions, cfg)
    findings = []
    for c in M.indicator_checks(ctx.report, nums, cfg):
        if not (c.worse and c.claim) or not (c.form or c.target_claim):
            continue
        way_zh = "低于" if c.direction > 0 else "高于"
        way_en = "below" if c.direction > 0 else "above"
        kind_zh = "" if c.direction > 0 else "（反向指标，越低越好）"
        why_zh = "" if c.reason else "，且未说明偏差原因"
        why_en = "" if c.reason else ", and no cause is given"
        findings.append(make_finding(
            CODE, "high",
            f"指标“{c.name}”实际完成值{M.shown(c.actual)}{way_zh}目标值{M.shown(c.target)}{kind_zh}，却表述为已完成{why_zh}",
            f"Indicator '{c.name}': result {M.shown(c.actual)} is {way_en} the target {M.shown(c.target)}"
            f"{'' if c.direction > 0 else ' (a negative indicator)'}, yet it is reported as complete{why_en}",
            c.evidence,
            {"target": c.target.m.base_value, "actual": c.actual.m.base_value, "unit": c.actual.m.base_unit,
             "direction": c.direction, "reason_given": c.reason},
            roles=roles_at(c.evidence, target=c.target.m.start, actual=c.actual.m.start),
        ))
    return findings
