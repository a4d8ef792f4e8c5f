"""SCORE_MISMATCH (scoring rule): an indicator's score that does not follow from its target
and result under the official scoring rules, with no reason given.

项目支出绩效评价管理办法 (财预〔2020〕10号) and the forms that print its notes score a
quantitative indicator as weight × min(actual / target, 1) (for a ≤ target, weight ×
min(target / actual, 1)): a target met earns full marks, a target missed earns less, and
a deviation is explained in 偏差原因分析及改进措施. So two rows are defects unless the
form gives a reason: a met target scored below its weight, and a clearly missed target
(worse by more than ``missed_rel`` of the target) scored at full weight. Scores are read
from the indicator table the reader rebuilt; targets and results through the number
extractor; rounding within the last digit shown is no difference.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import OFFICIAL_SCORING_RULE, Context, Param, Rule, make_finding, register, roles_at

CODE = "SCORE_MISMATCH"
PARAMS = {"missed_rel": 0.05}


def _tol(text: str | None) -> float:
    if not text or "." not in text:
        return 0.5 if text else 0.0
    return 0.5 * 10 ** -len(text.split(".")[1])


RULE = Rule(
    id="FORM.SCORE_RULE", code=CODE, severity="medium", name="SCORE_RULE",
    summary_zh="指标得分不符合官方评分规则（达标未得满分、明显未达标却得满分），且未说明理由",
    summary_en="An indicator's score that does not follow from its target and result under the official scoring rule",
    example="指标：培训人数 | 指标值 ≥100人 | 实际完成值 120人 | 分值 10 | 得分 8 | 偏差原因 无",
    params=(Param("missed_rel", "PARAMS.missed_rel",
                  "a target missed by more than this share of it should not earn full marks"),),
    confidence=0.75,
    reference=OFFICIAL_SCORING_RULE,
    explain_zh="分值 {weight}，得分 {score}；目标 {target}，实际 {actual}；按评分规则应得 分值 × min(实际/目标, 1)",
    explain_en="weight {weight}, score {score}; target {target}, actual {actual}; the rule gives weight x min(actual/target, 1)",
    messages=("FORM.SCORE_RULE.met", "FORM.SCORE_RULE.missed", "FORM.SCORE_RULE.budget",
              "FORM.SCORE_RULE.budget_figures"),
)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cfg = M.config()
    nums = M.enrich(report, ctx.mentions, cfg)
    checks = {}
    for c in M.indicator_checks(report, nums, cfg):
        for e in c.evidence:
            checks.setdefault(e.paragraph, c)
    missed_rel = float(PARAMS["missed_rel"])
    findings = []
    for task in report.tasks:
        for ind in task.indicators:
            if ind.weight is None or ind.score is None or ind.name_paragraph is None:
                continue
            c = checks.get(ind.name_paragraph.id)
            if c is None or c.reason:
                continue
            full = abs(ind.score - ind.weight) <= _tol(ind.score_text)
            t, a = c.target.m.base_value, c.actual.m.base_value
            if t is None or a is None:
                continue
            gap = (t - a) if c.direction > 0 else (a - t)
            clearly_missed = c.worse and t and gap / abs(t) > missed_rel
            if not c.worse and not full and ind.score < ind.weight:
                mid, params = "FORM.SCORE_RULE.met", {"weight": M.fmt(ind.weight)}
            elif clearly_missed and full:
                ratio = (a / t) if c.direction > 0 else (t / a if a else 0)
                mid, params = "FORM.SCORE_RULE.missed", {
                    "ratio": f"{ratio:.0%}", "expected": M.fmt(round(ind.weight * min(ratio, 1), 2))}
            else:
                continue
            params.update(name=ind.name, target=M.shown(c.target), actual=M.shown(c.actual), score=M.fmt(ind.score))
            findings.append(make_finding(CODE, "medium", mid, params, list(c.evidence),
                                         {"rule": "SCORE_RULE", "weight": ind.weight, "score": ind.score,
                                          "target": t, "actual": a},
                                         roles=roles_at(c.evidence, target=c.target.m.start,
                                                        actual=c.actual.m.start)))
    return findings + _budget_score(report)


def _budget_score(report) -> list:
    """The budget row's score against weight × min(执行率, 100%) (分值10, 执行率95.07%, 得分10
    where the rule gives 9.51): the score may be rounded to the digits it shows. Where the
    form's own 全年执行数 ÷ 全年预算数 does not give its written 执行率 (100% written for
    80.45%), the score is held against the rate its figures give: a wrong rate scored at
    full marks is two defects, the rate and the points it earned."""
    b = report.budget
    if b.weight is None or b.score is None or b.completion_rate is None or not b.weight.value:
        return []
    written = b.completion_rate.value
    rate_tol = M.half_written(b.completion_rate)
    figures = _rate_from_figures(b)
    from_figures = figures is not None and not M.agrees(written, figures, max(rate_tol, 0.01))
    pct = figures if from_figures else written
    want = b.weight.value * min(pct, 100.0) / 100.0
    tol = _tol(b.score.text) + b.weight.value * (0.005 if from_figures else rate_tol) / 100.0 + 1e-9
    full_for_less = b.score.value >= b.weight.value and pct < 99.5
    if abs(b.score.value - want) <= tol and not full_for_less:
        return []  # full marks for a rate below 100% are no rounding (10 for 9.51)
    where = "TBL" if M.in_project_table(report, b.score.start) else "B"
    index = M.ParagraphIndex(report)
    shown = (b.score, b.completion_rate, b.weight) + ((b.actual_spending, b.adjusted_budget) if from_figures else ())
    ev = [M.evidence_at(report, index, v.start, v.end, where) for v in shown]
    params = {"weight": M.fmt(b.weight.value), "rate": b.completion_rate.text,
              "expected": M.fmt(round(want, 2)), "score": M.fmt(b.score.value)}
    mid = "FORM.SCORE_RULE.budget"
    if from_figures:
        mid = "FORM.SCORE_RULE.budget_figures"
        params.update(computed=f"{pct:.2f}%", spent=b.actual_spending.text, base=b.adjusted_budget.text)
    return [make_finding(CODE, "medium", mid, params, ev,
                         {"rule": "SCORE_RULE", "weight": b.weight.value, "score": b.score.value,
                          "rate": round(pct, 4), "written_rate": written},
                         roles=["claim"] + ["part"] * (len(ev) - 1))]


def _rate_from_figures(b) -> float | None:
    """全年执行数 ÷ 全年预算数 in percent, None where the form lacks either."""
    if b.actual_spending is None or b.adjusted_budget is None or not b.adjusted_budget.value:
        return None
    return abs(b.actual_spending.value) / b.adjusted_budget.value * 100
