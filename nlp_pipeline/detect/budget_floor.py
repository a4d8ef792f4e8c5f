"""IMPLAUSIBLE_MAGNITUDE (a budget too small to be one): a project's or department's whole
budget below ``FLOOR_YUAN`` yuan (年初预算资金数100元，全年预算数100元，全年执行数33.78元).

No project of a budget, however small, is budgeted at a few hundred yuan: such a figure is
an amount in 万元 written with 元 (or with the unit dropped where the form's unit is 元). The
budget is the reader's (Report.budget: 年初预算 / 全年预算, from a form's cells or a funds
sentence), valued in yuan by the report's currency unit; a report whose unit the reader did
not find is not read. One finding per report.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register

CODE = "IMPLAUSIBLE_MAGNITUDE"
FLOOR_YUAN = 1000.0  # a whole budget below this many yuan is no budget of a project

RULE = Rule(
    id="NUM.BUDGET_FLOOR", code=CODE, severity="medium", name="BUDGET_FLOOR",
    summary_zh="项目或部门的全年预算不足千元，与任何项目的规模都不相符，疑为把万元写作元",
    summary_en="A whole budget of a project or department below a thousand yuan: an amount in 万元 written in 元",
    example="年初预算资金数100元，全年预算数100元，全年执行数33.78元，执行率为33.78%。",
    params=(Param("floor_yuan", "FLOOR_YUAN", "a whole budget below this many yuan is no budget of a project"),),
    confidence=0.7,
    explain_zh="预算 {text} 折合 {yuan} 元，低于 {floor} 元",
    explain_en="the budget {text} is {yuan} yuan, below {floor} yuan",
    messages=("NUM.BUDGET_FLOOR.main",),
)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    b = report.budget
    if not report.currency_unit:
        return []  # bare figures of an unknown unit (200.00 in a record whose unit was not read)
    factor = report.currency_factor or 1.0
    for v in (b.adjusted_budget, b.initial_budget):
        if v is None or v.value <= 0:
            continue
        yuan = v.value * factor
        if yuan >= FLOOR_YUAN:
            return []  # the whole budget is one figure: the first one read decides
        ev = [M.evidence_at(report, M.ParagraphIndex(report), v.start, v.end)]
        ev[0].role = "budget"
        return [make_finding(CODE, "medium", "NUM.BUDGET_FLOOR.main",
                             {"text": v.text, "unit": report.currency_unit, "floor": M.fmt(FLOOR_YUAN)},
                             ev, {"text": v.text, "yuan": M.fmt(round(yuan, 2)), "floor": M.fmt(FLOOR_YUAN)})]
    return []
