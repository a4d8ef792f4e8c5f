"""INDICATOR_SHORTFALL: an indicator's result falls short of its target — the right way
round for negative indicators (发生率, 投诉率, 不超过 …, where smaller is better) — while
the report claims it complete (已完成, 达到预期 …).

Targets and results come from a task table with a target column, or from sentences that
name both fields (年度指标值不少于50场，实际完成值42场), or a rate and its target rate in one
sentence (管理率61.80%（年度目标≥65%），该项指标如期达标). A count planned and a smaller count
done in running text (全年计划抽检1,200批次，实际完成1,050批次，任务圆满完成) are a claim about the
work, not a form's indicator: plan_actual_claim.py reports them as CLAIM_CONTRADICTED.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Rule, make_finding, phrase, register, roles_at

CODE = "INDICATOR_SHORTFALL"


RULE = Rule(
    id="NUM.SHORTFALL", code=CODE, severity="high",
    summary_zh="指标实际完成值劣于目标值，却表述为已完成",
    summary_en="An indicator's result falls short of its target while the report claims it complete",
    example="年度指标值不少于50场，实际完成值42场，已完成。",
    confidence=0.85,
    explain_zh="目标值 {target}，实际值 {actual}（基本单位）；方向 {direction}（1 越大越好，-1 越小越好）：实际劣于目标，却表述为已完成",
    explain_en="target {target}, actual {actual} (base units); direction {direction} (1: larger is better, -1: smaller): the result is worse than the target, yet reported complete",
    messages=("NUM.SHORTFALL.below", "NUM.SHORTFALL.above", "NUM.SHORTFALL.no_reason"),
)


def _goal_gaps(ctx: Context, nums: list[M.Num], cfg: dict) -> list[M.IndicatorCheck]:
    """A goal's floor target (检验报告按时出具率100%) missed by the figure its aligned
    outcome reports, where the outcome says the target was reached (98.4%，达到年度目标), or,
    for a rate, that the work was done (良种覆盖率96.3%…圆满完成任务 against 98%以上): a rate
    short of its target rate is an indicator's shortfall, whatever the claim calls it."""
    return [c for c in M.report_goal_gaps(ctx, nums, cfg)
            if c.target_claim or (c.claim and c.target.m.kind == "PERCENT")]


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    nums = M.enrich(ctx.report, ctx.mentions, cfg)
    findings = []
    checks = M.indicator_checks(ctx.report, nums, cfg)
    seen = {(round(c.target.m.base_value or 0, 6), round(c.actual.m.base_value or 0, 6)) for c in checks}
    gaps = [g for g in _goal_gaps(ctx, nums, cfg)
            if (round(g.target.m.base_value or 0, 6), round(g.actual.m.base_value or 0, 6)) not in seen]
    for c in checks + gaps:
        if not (c.worse and c.claim):
            continue
        if not (c.form or c.target_claim or c.target.m.kind == "PERCENT" and (
                c in gaps or c.target.para.section not in ("G", "Q", "I"))):
            # (a rate short of its target rate in running text, 61.80%（年度目标≥65%），
            # 如期达标, is an indicator's shortfall, not a plan's)
            continue
        findings.append(make_finding(
            CODE, "high", "NUM.SHORTFALL.below" if c.direction > 0 else "NUM.SHORTFALL.above",
            {"name": c.name, "actual": M.shown(c.actual), "target": M.shown(c.target),
             **phrase("why", None if c.reason else "NUM.SHORTFALL.no_reason")},
            c.evidence,
            {"target": c.target.m.base_value, "actual": c.actual.m.base_value, "unit": c.actual.m.base_unit,
             "direction": c.direction, "reason_given": c.reason},
            roles=roles_at(c.evidence, target=c.target.m.start, actual=c.actual.m.start),
        ))
    return findings
