"""ARITHMETIC_MISMATCH (count × price): a total written for a count times a price per unit
that is not their product (「全年发放岗位补贴1,572人月，每人每月800元，合计发放1,275,600元」:
1,572 × 800 = 1,257,600元).

Only a product stated whole is read: the price is per the very thing the count counts
(每人每月 … 人月, 每户 … 户, 元/套 … 套), and the total is opened by a total word (合计,
共计 …) in the same statement, so the total cannot be for more than the count. A total
off by a power of ten is a unit slip (unit_price.py), not this. Counts, prices and totals
are found as _products.py says; the total may differ from the product by the rounding of
the total as written and by ``REL_TOLERANCE`` of it.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._products import fmt_yuan, products
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.annotate import default_cues

CODE = "ARITHMETIC_MISMATCH"
REL_TOLERANCE = 0.001  # share of the total a product may differ by (a price rounded to 元)
SLIP_RATIOS = (1e4, 1e-4, 1e3, 1e-3)  # unit slips, reported as UNIT_MISMATCH instead

RULE = Rule(
    id="NUM.PRODUCT", code=CODE, severity="high", name="PRODUCT_TOTAL",
    summary_zh="数量×单价与写明的合计金额不符",
    summary_en="A count times its price per unit is not the total written for it",
    example="全年发放岗位补贴1,572人月，每人每月800元，合计发放1,275,600元。",
    params=(
        Param("rel_tolerance", "REL_TOLERANCE", "share of the total the product may differ by"),
    ),
    confidence=0.85,
    explain_zh="{count} × {price} = {product}，而合计写作{total}",
    explain_en="{count} × {price} = {product}, but the total is written {total}",
    messages=("NUM.PRODUCT.main",),
)


def _mismatch(p) -> bool:
    t = p.total.m.base_value
    for v in (p.product, p.yearly):
        if v is None:
            continue
        if abs(t - v) <= max(p.tolerance(), REL_TOLERANCE * t) + 1e-9:
            return False
        ratio = t / v if v else 0
        if any(abs(ratio - r) <= r * 0.01 for r in SLIP_RATIOS):
            return False
    return True


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    nums = [n for n in M.enrich(report, ctx.mentions, M.config()) if n.para.section != "G"]
    findings = []
    for p in products(nums, default_cues()):
        if not (p.cued and p.same_measure and not p.matched and _mismatch(p)):
            continue
        pid = p.count.para.id
        ev = [M.para_evidence(report, n.para, n.i, n.j) for n in (p.count, p.price, p.total)]
        for x, role in zip(ev, ("part", "part", "total")):
            x.role = role
        vals = {"count": p.count.m.text, "price": p.price.m.text, "product": fmt_yuan(p.product),
                "total": p.total.m.text}
        findings.append(make_finding(
            CODE, "high", "NUM.PRODUCT.main", {"paragraph": pid, **vals},
            ev, vals,
        ))
    return findings
