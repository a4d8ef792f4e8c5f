"""ARITHMETIC_MISMATCH (rates): a spending or arrival rate written beside the amounts it
comes from, that those amounts do not give (「项目预算4,380万元，已支付4,212.6万元，未支付
167.4万元，资金支付率95%」: 4,212.6 ÷ 4,380 = 96.18%).

In one statement (or a paragraph holding one rate and its amounts), a rate of money spent
or received (concepts ``spent_rate``/``arrived_rate`` of lexicons/cues.yaml) is checked
against the amount spent or received (``spent_metric``/``arrived_metric``; ``unpaid_metric``
names what is left) over each base the statement gives: a planned amount
(``budget_metric``), or what was spent plus what is left. A rate any base gives, within
the rounding of the rate as written (and truncation), is right; a statement with no base
or no amount is not read. The budget rows of a form (预算执行率 against 全年执行数 ÷
全年预算数) are the budget check's (arithmetic.py), not this.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, phrase, register
from nlp_pipeline.text.annotate import Cues, default_cues

CODE = "ARITHMETIC_MISMATCH"
MIN_GAP = 0.1  # percentage points a rate must be off beyond its rounding (0.05 shown as 0.1)
SLIP_FACTORS = (1e4, 1e-4, 1e3, 1e-3)  # 万元 for 元 and the like
KINDS = (("spent_rate", "spent_metric"), ("arrived_rate", "arrived_metric"))

RULE = Rule(
    id="NUM.RATE_FIGURES", code=CODE, severity="high", name="RATE_FIGURES",
    summary_zh="支付率、执行率、到位率与同一处给出的金额算出的比率不符",
    summary_en="A payment, execution or arrival rate that the amounts given beside it do not give",
    example="项目预算4,380万元，已支付4,212.6万元，未支付167.4万元，资金支付率95%。",
    params=(Param("min_gap", "MIN_GAP", "percentage points beyond the rounding a rate must be off"),),
    confidence=0.85,
    explain_zh="{computation}",
    explain_en="{computation}",
    messages=("NUM.RATE_FIGURES.main", "NUM.RATE_FIGURES.computation"),
)


def _label(n: M.Num) -> str:
    # a paragraph's lead label (资金支付：…项目预算) names the topic, not this amount
    return (n.metric or n.key or "").replace("：", ":").rsplit(":", 1)[-1]


def _named(cues: Cues, label: str, concept: str, other: str) -> bool:
    """The amount's label names ``concept`` and not ``other``, or names both with
    ``concept`` last, next to the figure (项目支出调整预算331.20万元 is a budget: 项目支出 is
    whose budget)."""
    mine, theirs = cues.find(label, concept), cues.find(label, other)
    if not mine:
        return False
    return not theirs or max(b for _, b in mine) > max(b for _, b in theirs)


def _fits(rate: M.Num, value: float) -> bool:
    half = 0.5 * 10 ** -M.decimals(rate.m.text)
    stated = rate.m.value or 0.0
    # rounded or cut off at the digits shown
    return abs(value - stated) <= half + 1e-9 or 0 <= value - stated < 2 * half + 1e-9 or abs(value - stated) < MIN_GAP


def _slip(rate: M.Num, value: float) -> bool:
    stated = rate.m.value or 0.0
    return stated > 0 and any(abs(value / stated - f) <= 0.02 * f for f in SLIP_FACTORS)


def _check(nums: list[M.Num], cues: Cues):
    # a rounded amount (约1.18亿元) gives no rate to check
    money = [n for n in nums if n.m.kind == "MONEY" and n.m.base_value and n.role != "target"
             and n.m.qualifier == "exact"]
    unpaid = [n for n in money if cues.has(_label(n), "unpaid_metric")]
    for rate_concept, metric_concept in KINDS:
        rates = [n for n in nums if n.m.kind == "PERCENT" and cues.has(_label(n), rate_concept)
                 and n.role != "target" and n.m.qualifier == "exact"]
        got = [n for n in money if n not in unpaid and _named(cues, _label(n), metric_concept, "budget_metric")]
        plans = [n for n in money if n not in unpaid and _named(cues, _label(n), "budget_metric", metric_concept)]
        if len(rates) != 1 or len(got) != 1 or not (plans or unpaid):
            continue
        rate, g = rates[0], got[0]
        bases = [(p.m.base_value, [p], f"{g.m.text} ÷ {p.m.text}") for p in plans]
        bases += [(g.m.base_value + u.m.base_value, [u], f"{g.m.text} ÷ ({g.m.text} + {u.m.text})") for u in unpaid]
        values = [(100 * g.m.base_value / b, ns, how) for b, ns, how in bases if b > 0]
        if not values or any(_fits(rate, v) for v, _, _ in values):
            continue
        # a rate over another whole the statement names (部门收入1,862.45万元，其中财政拨款
        # 1,706.25万元…支出1,803.60万元，执行率96.84%) is the report's own right rate
        if any(_fits(rate, 100 * g.m.base_value / n.m.base_value) for n in money
               if n is not g and n not in unpaid and n.m.base_value > 0):
            continue
        if any(_slip(rate, v) for v, _, _ in values):
            continue  # an amount in the wrong unit (1,265,700万元): the magnitude check's
        v, ns, how = values[0]
        yield rate, g, ns, v, how


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    nums = M.enrich(report, ctx.mentions, M.config())
    by_stmt: dict[str, list[list[M.Num]]] = {}
    for para, _, _, inside in M.by_statement(nums, skip=("G", "Q", "I")):
        by_stmt.setdefault(para.id, []).append(inside)
    findings = []
    for pid, items in M.by_paragraph(nums, skip=("G", "Q", "I")).items():
        para = items[0].para
        hits = [h for g in by_stmt.get(pid, []) for h in _check(g, cues)] or list(_check(items, cues))
        for rate, g, ns, v, how in hits[:1]:
            ev = [M.para_evidence(report, para, n.i, n.j) for n in [rate, g] + ns]
            for x, role in zip(ev, ["claim", "part"] + ["total"] * len(ns)):
                x.role = role
            comp = phrase("computation", "NUM.RATE_FIGURES.computation",
                          {"how": how, "computed": f"{v:.2f}", "stated": rate.m.text})
            findings.append(make_finding(
                CODE, "high", "NUM.RATE_FIGURES.main", {"rate": _label(rate), **comp},
                ev, {"stated": rate.m.value, "computed": round(v, 2), "computation": comp["computation_zh"]},
            ))
    return findings
