"""DEVIATION_UNEXPLAINED: a result that deviates from its target with no cause given,
where the evaluation form asks for 偏差原因 (财预〔2020〕10号). A deviation is a result
worse than the target, or one off an exact target by more than the lexicon's relative
tolerance; a cause is any reason word (原因, 由于, 受…影响, 导致 …) after the result,
an empty 偏差原因 field not counting. An overshoot counts only on a form's target/result
fields (年度指标值 / 实际完成值, a target column), not in narrative (计划15次，实际18次).
A shortfall claimed complete is INDICATOR_SHORTFALL's finding alone (its message says when
no cause is given): one defect, one finding.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register

CODE = "DEVIATION_UNEXPLAINED"


RULE = Rule(
    id="NUM.DEVIATION", code=CODE, severity="medium",
    summary_zh="实际完成值偏离目标值，但未说明偏差原因",
    summary_en="A result that deviates from its target with no cause given",
    example="年度指标值100%，实际完成值85%。",
    params=(Param("deviation_rel", "detect_numeric.yaml:indicator.deviation_rel",
                  "relative distance from an exact target that counts as a deviation"),),
    confidence=0.7,
    explain_zh="实际值与目标值相差超过允许偏差，且未见原因说明（原因、由于、受……影响等）",
    explain_en="the result is off its target beyond the tolerance and no cause (原因, 由于, 受…影响) is given",
    messages=("NUM.DEVIATION.main",),
)


# a change or a plan's completion may pass 100%; a share of a whole (满意度, 覆盖率) cannot
_MAY_PASS_100 = ("增长", "增幅", "提高", "提升", "完成率", "执行率", "增速")


def _digits(text: str) -> str:
    return "".join(ch for ch in M.normalize(text) if ch.isdigit())


def _impossible_target(c: M.IndicatorCheck) -> bool:
    """A reading slip, not a target a result could miss: a share's target above 100%
    (满意度 290%: 2 points glued to 90%), or a target whose digits are the result's with a
    weight glued in front (415万元 against 15万元, 335 against 35, cells run together)."""
    t, a = c.target.m, c.actual.m
    if (t.kind == "PERCENT" and (t.value or 0) > 100 and any(ch in c.name for ch in "率度")
            and not any(w in c.name for w in _MAY_PASS_100)):
        return True
    if a.unit == "分" and t.unit != "分":
        return True  # a score read as the result (目标值6 / 30分): the columns shifted
    td, ad = _digits(t.text), _digits(a.text)
    return len(td) > len(ad) >= 1 and td.endswith(ad)


def _goal_gaps(ctx: Context, nums: list[M.Num], cfg: dict) -> list[M.IndicatorCheck]:
    """A goal's floor target missed in its aligned outcome, where the outcome claims nothing
    (the claim rules report that) and no cause is given in it or in the problems."""
    # an outcome that claims anything anywhere is the claim rules' to judge
    quiet = {o.id for o in ctx.report.paragraphs("O") if not M._claimed(o.text, cfg)}
    return [c for c in M.report_goal_gaps(ctx, nums, cfg) if c.evidence[-1].paragraph in quiet and not c.reason]


def _explained_where_reported(report, c: M.IndicatorCheck, cfg: dict) -> bool:
    """The result is written again in the narrative (接待游客271.6万人次) with its cause in
    the same sentence (…，主要因持续沙尘天气…): the deviation is explained there."""
    from nlp_pipeline.text.annotate import statements

    shown = M.normalize(c.actual.m.text).strip()
    if len(shown) < 2:
        return False
    for p in (p for s in ("O", "P", "K") for p in report.paragraphs(s)):
        text = M.normalize(p.text)
        sts = statements(text)
        for k, (a, b) in enumerate(sts):
            if shown not in text[a:b]:
                continue
            # the cause in the same sentence or the next (…实际完成值：4部。未完成的2部因…)
            b2 = sts[k + 1][1] if k + 1 < len(sts) else b
            if M._reasoned(text[a:b2], cfg):
                return True
    return False


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    rel = float(cfg.get("indicator", {}).get("deviation_rel", 0.1))
    nums = M.enrich(ctx.report, ctx.mentions, cfg)
    # one deviation may be written in several places (the task row and a 偏差原因 table):
    # it is explained when any of them gives a cause, and reported once with all places
    groups: dict[tuple, list[M.IndicatorCheck]] = {}
    for c in M.indicator_checks(ctx.report, nums, cfg):
        if not c.deviation(rel) or _impossible_target(c) or (not c.asks_reason and not c.off_by(rel)):
            continue
        key = (round(c.target.m.base_value or 0, 6), round(c.actual.m.base_value or 0, 6), c.actual.m.base_unit)
        groups.setdefault(key, []).append(c)
    findings = []
    # a goal's gap written again as a task's indicator row (50场 / 42场 in both) is one
    # deviation: the row's claim or cause decides it, as for any other place that writes it
    claimed = {(round(c.target.m.base_value or 0, 6), round(c.actual.m.base_value or 0, 6))
               for c in M.indicator_checks(ctx.report, nums, cfg) if c.worse and c.claim}
    seen = {id(c.actual.m) for cs in groups.values() for c in cs}
    for c in _goal_gaps(ctx, nums, cfg):
        key = (round(c.target.m.base_value or 0, 6), round(c.actual.m.base_value or 0, 6), c.actual.m.base_unit)
        if id(c.actual.m) not in seen and key[:2] not in claimed:
            groups.setdefault(key, []).append(c)
    for checks in groups.values():
        if any(c.reason for c in checks) or _explained_where_reported(ctx.report, checks[0], cfg):
            continue
        if any(c.worse and c.claim for c in checks):
            continue  # a shortfall claimed complete: INDICATOR_SHORTFALL reports it, and says so
        c = checks[0]
        evidence = [e for x in checks for e in x.evidence]
        findings.append(make_finding(
            CODE, "medium" if c.worse else "low", "NUM.DEVIATION.main",
            {"name": c.name, "target": M.shown(c.target), "actual": M.shown(c.actual)},
            evidence,
            {"target": c.target.m.base_value, "actual": c.actual.m.base_value, "unit": c.actual.m.base_unit},
        ))
    return findings
