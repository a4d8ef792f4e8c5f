"""Counts times prices per unit, and the totals written for them: shared by the rules that
check such products (unit_price.py for a total in the wrong money unit, product_total.py
for a total that is not the product).

In one statement, a price is an amount written after a per-unit word (每人, 每户, 人均,
单价 …, concept ``per_unit`` of lexicons/cues.yaml) or as 元/套; its count is the nearest
count in the statement; its total is the first later amount opened by a total word (共计,
合计 …, concept ``total_amount``), or else the first later amount. A price written as an
average (平均每批次…, concept ``average_price``) with no amount after it is the average of
the nearest amount before it that names the same spending (支出检验费用186.40万元，平均每批次
检验费用1,520元): the total divided by the count, written to its own last digit.
"""
from __future__ import annotations

from dataclasses import dataclass

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.text.annotate import Cues

PRICE_WINDOW = 10  # characters before a price (within its clause) read for its per-unit word
TOTAL_CUE_WINDOW = 4  # characters before a total read for its total word
# characters of a per-unit word that are not its measure (每人 -> 人, 人均 -> 人)
_NOT_MEASURE = set("每均单价标准")
MONTHS = 12
MEASURED = ("AREA", "QUANTITY")  # measures a price may be per (元/平方米, 每吨)
_TIME_UNITS = "月年天日次周"  # a count of person-months is written 1,572人月
_SAME = {"名": "人", "位": "人", "个": "个"}  # 85名 are counted 每人
_PERIOD_WORDS = "年"  # 人均每年: per person over the year the report covers


def _measure(chars: set[str]) -> set[str]:
    return {_SAME.get(c, c) for c in chars}


@dataclass
class Product:
    count: M.Num
    price: M.Num
    total: M.Num
    product: float  # count × price, in the price's base unit (元)
    cued: bool  # the total is opened by a strict total word (合计, 共计) and is the first amount after
    same_measure: bool  # the price is per the thing the count counts (每户 … 326户)
    matched: bool  # some later amount of the statement is the product (…计150万元，合计430万元)
    # a price per month against a count that is not of months, for a whole year's total
    # (420名，每人每月800元，全年发放…): the product over twelve months is read too
    yearly: float | None = None
    average: bool = False  # the price is the average of a total stated before it

    def tolerance(self) -> float:
        """How far the product may be from the total as written, in 元: the rounding of
        the total, or for an average the count times the rounding of the average."""
        if self.average:
            return _count_value(self.count) * M.half_ulp(self.price.m) + self.step() / 2
        return self.step() / 2

    def step(self) -> float:
        """A unit of the last digit of the total as written, in 元."""
        return 2 * M.half_ulp(self.total.m)


def _per_unit(n: M.Num, cues: Cues) -> str | None:
    """The per-unit words before price ``n`` (or its /套 after it), None when it is no price."""
    before = n.para.text[max(0, n.i - PRICE_WINDOW):n.i]
    cut = max(before.rfind(ch) for ch in "，,。；;：:")
    before = before[cut + 1:]
    words = "".join(before[s:e] for s, e in cues.find(before, "per_unit"))
    after = n.para.text[n.j:n.j + 4]
    if after.startswith("/"):
        words += after[1:2]
    return words or None


_MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3}


def _count_value(n: M.Num) -> float:
    """The count in its own measure word: 1.2万吨 is 12,000 (吨), priced 每吨."""
    unit = n.m.unit or ""
    return n.m.value * (_MULTIPLIERS.get(unit[0], 1.0) if len(unit) > 1 else 1.0)


def _per_count_unit(price: M.Num, count: M.Num) -> bool:
    """The price is per the count's own unit, named after 每 (每批次 … 1,260批次)."""
    before = price.para.text[max(0, price.i - PRICE_WINDOW):price.i]
    cut = max(before.rfind(ch) for ch in "，,。；;：:")
    before = before[cut + 1:]
    unit = count.m.unit or ""
    return bool(unit) and any(before.startswith("每" + unit, k) for k in range(len(before)))


def products(nums: list[M.Num], cues: Cues) -> list[Product]:
    out = []
    for para, _, _, inside in M.by_statement(nums):
        out += _in_statement(inside, cues, para.text)
    return out


def _in_statement(items: list[M.Num], cues: Cues, text: str) -> list[Product]:
    money = [n for n in items if n.m.kind == "MONEY" and n.m.base_value]
    counts = [n for n in items if n.m.kind == "COUNT" and n.m.value and n.m.unit]
    measures = [n for n in items if n.m.kind in MEASURED and n.m.value and n.m.unit]
    out = []
    for price in money:
        unit_words = _per_unit(price, cues)
        if unit_words is None or price.m.qualifier in BOUND_QUALIFIERS:
            continue
        # an area or a weight is a count only for a price per that measure (元/平方米)
        fits = counts + [n for n in measures if set(unit_words) & set(n.m.unit) - _NOT_MEASURE]
        if not fits:
            continue
        count = min(fits, key=lambda c: abs(c.i - price.i))
        later = [n for n in money if n is not price and n.i > max(price.i, count.i)]
        counted = set(count.m.unit) | ({text[count.j]} if text[count.j:count.j + 1] in _TIME_UNITS else set())
        if not later:
            avg = _averaged_total(price, money, cues, text)
            # (人均每年6,350元 over 1,862名: the year is the report's period, not a measure)
            per = _measure(set(unit_words) - _NOT_MEASURE - set(_PERIOD_WORDS))
            if avg is not None and (_per_count_unit(price, count) or (per and per <= _measure(counted))):
                product = _count_value(count) * price.m.base_value
                matched = abs(avg.m.base_value - product) <= max(1.0, 1e-3 * product)
                out.append(Product(count, price, avg, product, True, True, matched, average=True))
            continue
        cued = [n for n in later if cues.has(text[max(0, n.i - TOTAL_CUE_WINDOW):n.i], "total_amount")]
        total = (cued or later)[0]
        strict = later[0] is total and cues.has(text[max(0, total.i - TOTAL_CUE_WINDOW):total.i], "strict_total")
        measure = set(unit_words) - _NOT_MEASURE
        product = _count_value(count) * price.m.base_value
        yearly = product * MONTHS if "月" in unit_words and "月" not in counted else None
        matched = any(abs(n.m.base_value - v) <= max(1.0, 1e-3 * v)
                      for n in later for v in (product, yearly) if v is not None)
        same = (bool(measure) and _measure(measure) <= _measure(counted)) or _per_count_unit(price, count)
        out.append(Product(count, price, total, product, strict, same, matched, yearly))
    return out


# a price written as a bound (目标值≤40万元/个, 不超过800元/人) is the target the real price
# is held to, not the price the total was paid at
BOUND_QUALIFIERS = ("upper", "lower")
SHARED_WORD = 2  # characters a price's words and its total's must share (检验费用)


def _averaged_total(price: M.Num, money: list[M.Num], cues: Cues, text: str) -> M.Num | None:
    """The total an average price divides: the nearest amount before it in its statement
    whose words share a word with the price's own (支出检验费用 … 每批次检验费用), so an
    average of something else (人均增收 after 总投资) is never read as its share."""
    before = text[max(0, price.i - PRICE_WINDOW):price.i]
    cut = max(before.rfind(ch) for ch in "，,。；;：:")
    lead = before[cut + 1:]
    spans = cues.find(lead, "average_price")
    if not spans:
        return None
    own = lead[spans[0][1]:].lstrip("每")
    earlier = [n for n in money if n is not price and n.j <= price.i - len(lead)]
    if not earlier:
        return None
    total = earlier[-1]
    start = max(text.rfind(ch, 0, total.i) for ch in "，,。；;：:") + 1
    words = text[start:total.i]
    grams = {g for g in (own[k:k + SHARED_WORD] for k in range(len(own) - SHARED_WORD + 1))
             if all("\u4e00" <= c <= "\u9fff" for c in g)}
    if grams and not any(g in words for g in grams):
        return None  # (人均每年6,350元 names nothing of its own: the total before it is its)
    return total


def fmt_yuan(v: float) -> str:
    """An amount in 元 as a reader writes it (34000 -> 3.4万元, 650 -> 650元)."""
    if v >= 10000:
        return f"{v / 10000:,.4f}".rstrip("0").rstrip(".") + "万元"
    return f"{v:,.2f}".rstrip("0").rstrip(".") + "元"
