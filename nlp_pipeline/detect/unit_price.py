"""UNIT_MISMATCH (count × price): a total that is the product of a count and a price per
unit, written in the wrong money unit (「为85名老人每人发放慰问金400元，共计3.4元」: 85 × 400元
= 34,000元 = 3.4万元).

Counts, prices and totals are found as _products.py says. The total is a unit slip when it is the
product times or divided by ``10**SLIP_POWER`` (万元 written as 元, or 元 as 万元) within
the rounding of the total as written. A total that differs otherwise is product_total.py's.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._products import fmt_yuan, products
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, phrase, register
from nlp_pipeline.text.annotate import Cues, default_cues

CODE = "UNIT_MISMATCH"
SLIP_POWER = 4  # 万元 vs 元

RULE = Rule(
    id="NUM.UNIT_PRICE", code=CODE, severity="high", name="UNIT_PRICE",
    summary_zh="数量×单价的合计金额单位错误（如应为3.4万元，写作3.4元）",
    summary_en="The total of a count times a unit price written in the wrong money unit (3.4元 for 3.4万元)",
    example="为85名困难老人每人发放慰问金400元，共计3.4元。",
    params=(
        Param("slip_power", "SLIP_POWER", "power of ten between the units that slip (4: 万元 and 元)"),
    ),
    confidence=0.9,
    explain_zh="{count} × {price} = {product}，而合计写作{total}，相差{factor}倍",
    explain_en="{count} × {price} = {product}, but the total is written {total}: a factor of {factor}",
    messages=("NUM.UNIT_PRICE.main", "NUM.UNIT_PRICE.monthly"),
)


def _slips(nums: list[M.Num], cues: Cues):
    for p in products(nums, cues):
        if p.matched:
            continue
        found = next(((v, 10 ** abs(k)) for v in (p.product, p.yearly) if v is not None
                      for k in (SLIP_POWER, -SLIP_POWER)
                      if abs(p.total.m.base_value * 10 ** k - v) <= p.step() * 10 ** k / 2 + 1e-9), None)
        if found is not None:
            yield p, found[0], found[1]


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    nums = M.enrich(report, ctx.mentions, M.config())
    findings = []
    for p, product, factor in _slips([n for n in nums if n.para.section != "G"], default_cues()):
        pid = p.count.para.id
        ev = [M.para_evidence(report, n.para, n.i, n.j) for n in (p.count, p.price, p.total)]
        for x, role in zip(ev, ("part", "part", "total")):
            x.role = role
        price = {"price": p.price.m.text}
        if product != p.product:  # a monthly price: the product is over the year
            price = phrase("price", "NUM.UNIT_PRICE.monthly", price)
        vals = {"count": p.count.m.text, "price": price.get("price_zh", p.price.m.text), "product": fmt_yuan(product),
                "total": p.total.m.text, "factor": f"{factor:,}"}
        findings.append(make_finding(
            CODE, "high", "NUM.UNIT_PRICE.main",
            {"paragraph": pid, "count": vals["count"], "product": vals["product"], "total": vals["total"],
             "factor": vals["factor"], **price},
            ev, vals,
        ))
    return findings
