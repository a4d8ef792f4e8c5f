"""UNIT_MISMATCH (count × price): a total that is the product of a count and a price per
unit, written in the wrong money unit (「为85名老人每人发放慰问金400元，共计3.4元」: 85 × 400元
= 34,000元 = 3.4万元).

In one statement, a price is an amount written after a per-unit word (每人, 每户, 人均,
单价 …, concept ``per_unit``) or as 元/套; its count is the nearest count in the statement;
its total is the amount after a total word (共计, 合计, 总价 …, concept ``total_amount``), or
else the last other amount of the statement. The total is a unit slip when it is the
product times or divided by ``10**SLIP_POWER`` (万元 written as 元, or 元 as 万元) within
the rounding of the total as written. A total that differs otherwise is not read here:
the count may be a part of what the price is paid for.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.annotate import Cues, default_cues, statements

CODE = "UNIT_MISMATCH"
SLIP_POWER = 4  # 万元 vs 元
PRICE_WINDOW = 10  # characters before a price (within its clause) read for its per-unit word

RULE = Rule(
    id="NUM.UNIT_PRICE", code=CODE, severity="high", name="UNIT_PRICE",
    summary_zh="数量×单价的合计金额单位错误（如应为3.4万元，写作3.4元）",
    summary_en="The total of a count times a unit price written in the wrong money unit (3.4元 for 3.4万元)",
    example="为85名困难老人每人发放慰问金400元，共计3.4元。",
    params=(
        Param("slip_power", "SLIP_POWER", "power of ten between the units that slip (4: 万元 and 元)"),
        Param("price_window", "PRICE_WINDOW", "characters before an amount read for a per-unit word"),
    ),
    confidence=0.9,
    explain_zh="{count} × {price} = {product}，而合计写作{total}，相差{factor}倍",
    explain_en="{count} × {price} = {product}, but the total is written {total}: a factor of {factor}",
)


def _decimals(text: str) -> int:
    t = M.normalize(text).replace(",", "")
    digits = "".join(ch for ch in t if ch.isdigit() or ch == ".")
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def _is_price(n: M.Num, cues: Cues) -> bool:
    before = n.para.text[max(0, n.i - PRICE_WINDOW):n.i]
    cut = max(before.rfind(ch) for ch in "，,。；;：:")
    before = before[cut + 1:]
    after = n.para.text[n.j:n.j + 2]
    return cues.has(before, "per_unit") or after.startswith("/")


def _fmt(v: float) -> str:
    if v >= 10000:
        return f"{v / 10000:,.4f}".rstrip("0").rstrip(".") + "万元"
    return f"{v:,.2f}".rstrip("0").rstrip(".") + "元"


def _check(report, cues: Cues, items: list[M.Num], text: str):
    money = [n for n in items if n.m.kind == "MONEY" and n.m.base_value]
    counts = [n for n in items if n.m.kind == "COUNT" and n.m.value and n.m.unit]
    for price in (n for n in money if _is_price(n, cues)):
        if not counts:
            return
        count = min(counts, key=lambda c: abs(c.i - price.i))
        others = [n for n in money if n is not price and n.i > max(price.i, count.i)]
        if not others:
            continue
        cued = [n for n in others if cues.has(text[max(0, n.i - 4):n.i], "total_amount")]
        total = (cued or others)[0]
        product = count.m.value * price.m.base_value
        factor_t = total.m.base_value / total.m.value if total.m.value else 1.0
        step = 10 ** -_decimals(total.m.text) * factor_t
        for k in (SLIP_POWER, -SLIP_POWER):
            scaled = total.m.base_value * 10 ** k
            if abs(scaled - product) <= step * 10 ** k / 2 + 1e-9 and abs(total.m.base_value - product) > step:
                yield count, price, total, product, 10 ** abs(k)
                break


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    nums = M.enrich(report, ctx.mentions, M.config())
    by_para: dict[str, list[M.Num]] = {}
    for n in nums:
        by_para.setdefault(n.para.id, []).append(n)
    findings = []
    for pid, items in by_para.items():
        para = items[0].para
        if para.section in ("G",):
            continue
        for s, e in statements(para.text, cues):
            inside = sorted((n for n in items if s <= n.i < e), key=lambda n: n.i)
            for count, price, total, product, factor in _check(report, cues, inside, para.text):
                ev = [M.para_evidence(report, para, n.i, n.j) for n in (count, price, total)]
                for x, role in zip(ev, ("part", "part", "total")):
                    x.role = role
                vals = {"count": count.m.text, "price": price.m.text, "product": _fmt(product),
                        "total": total.m.text, "factor": f"{factor:,}"}
                findings.append(make_finding(
                    CODE, "high",
                    f"{pid}中{count.m.text}×{price.m.text}={_fmt(product)}，合计却写作{total.m.text}，"
                    f"相差{factor:,}倍，疑为金额单位错误",
                    f"{pid}: {count.m.text} × {price.m.text} = {_fmt(product)}, but the total is written "
                    f"{total.m.text} (a factor of {factor:,}): a money unit slip",
                    ev, vals,
                ))
    return findings
