"""Budget figures: label cells of the form, or label phrases in running text."""
from __future__ import annotations

import functools
import re

from nlp_pipeline.model import Budget, BudgetValue
from nlp_pipeline.text.normalize import normalize

from .labels import currency_factor, lexicon, squeeze

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# (a unit the layout wrapped, 386.12万 / 元, is still one unit)
_UNIT = r"%|亿\s*元|万\s*元|千\s*元|元"
_VALUE_RE = re.compile(rf"({NUMBER})\s*({_UNIT})?")
RATE_FIELDS = ("completion_rate", "adjustment_rate")


@functools.lru_cache(maxsize=None)
def _labels() -> list[tuple[str, str]]:
    """(squeezed label, field), longest first, so 预算调整率 never reads as 预算调整."""
    cfg = lexicon()["budget"]
    groups = [cfg["amounts"], cfg["rates"], cfg.get("cell_only", {})]
    pairs = [(squeeze(lab), f) for g in groups for f, labs in g.items() for lab in labs]
    return sorted(pairs, key=lambda p: -len(p[0]))


def parse_number(s: str) -> float | None:
    m = re.fullmatch(NUMBER, normalize(s).strip())
    return float(m.group(0).replace(",", "")) if m else None


def label_field(cell: str) -> str | None:
    """The budget field a short label cell names (部门调整预算收入 -> adjusted_budget)."""
    s = squeeze(cell)
    if not s or re.search(r"\d", s):
        return None
    for lab, f in _labels():
        # a short label (执行率) must be nearly the whole cell
        if lab in s and len(s) - len(lab) <= (6 if len(lab) >= 4 else 2):
            return f
    return None


def _convert(value: float, unit: str | None, report_unit: str | None) -> float:
    if unit in (None, "%") or report_unit is None or unit == report_unit:
        return value
    return value * currency_factor(unit) / currency_factor(report_unit)


def _unit(written: str | None) -> str | None:
    return re.sub(r"\s", "", written) if written else written


def value_in(text: str, start: int, end: int, field: str, report_unit: str | None) -> BudgetValue | None:
    """The budget value written in ``text[start:end]`` (a value cell), if it is one."""
    norm = normalize(text[start:end])
    m = _VALUE_RE.search(norm)
    if not m or norm[: m.start()].strip() or norm[m.end():].strip():
        return None
    unit = _unit(m.group(2))
    ok = unit in ("%", None) if field in RATE_FIELDS else unit != "%"
    if not ok:
        return None
    raw = float(m.group(1).replace(",", ""))
    # a rate is written with its %, an amount without its unit ("11,419.55")
    stop = m.end(2) if unit == "%" else m.end(1)
    s, e = start + m.start(1), start + stop
    return BudgetValue(value=_convert(raw, unit, report_unit), text=text[s:e], start=s, end=e)


@functools.lru_cache(maxsize=None)
def _text_re() -> re.Pattern:
    gap = lexicon()["budget"]["gap"]
    labs = "|".join(re.escape(normalize(lab)) for lab in sorted({l for l, _ in _raw_labels()}, key=len, reverse=True))
    # 「年初批复预算8个项目985万元」: a count before the amount is passed over, and a number
    # followed by a counting word is no amount
    count = rf"(?:{NUMBER}\s*[{_COUNTERS}][^\d\n。；;，,、%率]{{0,6}}?)?"
    return re.compile(rf"({labs}){gap}{count}({NUMBER})(?!\s*[{_COUNTERS}])\s*({_UNIT})?")


_COUNTERS = "个项次人名家所条户批笔类期"
# 「预算执行率未达到90%的需说明原因」: a threshold the text sets, not the figure
_THRESHOLD_RE = re.compile(r"未|不足|不到|低于|高于|超过|以上|以下")


@functools.lru_cache(maxsize=None)
def _raw_labels() -> list[tuple[str, str]]:
    cfg = lexicon()["budget"]
    return [(lab, f) for group in ("amounts", "rates") for f, labs in cfg[group].items() for lab in labs]


def budget_from_text(text: str, report_unit: str | None, budget: Budget | None = None,
                     start: int = 0, end: int | None = None) -> Budget:
    """Fill the fields of ``budget`` still empty from label phrases in ``text[start:end]``.

    The first phrase of each field wins: budget figures open a report; later mentions of
    the same words are usually about a project.
    """
    budget = budget or Budget()
    norm = normalize(text)
    field_of = {normalize(lab): f for lab, f in _raw_labels()}
    end = len(text) if end is None else end
    for m in _text_re().finditer(norm, start, end):
        field = field_of[m.group(1)]
        if getattr(budget, field) is not None:
            continue
        value = _phrase_value(text, norm, m, field, report_unit)
        if value is not None:
            setattr(budget, field, value)
    return budget


def _phrase_value(text: str, norm: str, m: re.Match, field: str, report_unit: str | None,
                  source: str = "label", unit_needed: bool = False) -> BudgetValue | None:
    """The figure of a label or cue match (label, figure, unit groups 1–3): none where the
    words set a threshold (执行率未达到90%的) or the unit does not fit the field (a rate
    needs its %, an amount none; ``unit_needed``: an amount must name its unit)."""
    if _THRESHOLD_RE.search(norm[m.end(1):m.start(2)]) or re.match(r"\s*(?:%\s*)?(?:的|以上|以下)", norm[m.end(2):]):
        return None
    unit = _unit(m.group(3))
    if field in RATE_FIELDS:
        if unit != "%":
            return None
        s, e = m.start(2), m.end(3)
    else:
        if unit == "%" or (unit_needed and unit is None):
            return None
        s, e = m.start(2), m.end(2)
    raw = float(m.group(2).replace(",", ""))
    return BudgetValue(value=_convert(raw, unit, report_unit), text=text[s:e], start=s, end=e, source=source)


def first_amount_unit(text: str) -> str | None:
    """The money unit of the first budget phrase, for reports without a 单位 line."""
    norm = normalize(text)
    for rx in (_text_re(), _prose_re()[0]):
        for m in rx.finditer(norm):
            if m.group(3) and m.group(3) != "%":
                return _unit(m.group(3))
    return None


@functools.lru_cache(maxsize=None)
def _prose_re() -> tuple[re.Pattern, dict[str, str]]:
    cfg = lexicon()["budget"]["prose"]
    field_of = {normalize(c): f for f, cues in cfg["cues"].items() for c in cues}
    cues = "|".join(re.escape(c) for c in sorted(field_of, key=len, reverse=True))
    # (a year in the gap is no figure: 下达2023年…资金318万元)
    return re.compile(rf"({cues}){cfg['gap']}({NUMBER})(?![\d.,]|\s*年)\s*({_UNIT})?"), field_of


# a clause ends at these; a sentence at the next
_CLAUSE_BREAK = "，,、：:"
_SENTENCE_RE = re.compile(r"[^。；;!！?？\n]+")
# 未支付 / 尚未拨付 / 不到位: what was not spent or not received
_NEGATED = "未不无"


def budget_from_prose(text: str, report_unit: str | None, budget: Budget) -> Budget:
    """Fill the fields no label phrase gave from the wording of a funds sentence
    (「下达…衔接资金100万元」「已拨付工程款700万元」「执行率为97%」).

    Only running-text sentences that name funds and set no target are read (a table line,
    a 目标 or 不低于 sentence is not an account of the year's money), and never a 其中
    clause: a part's figure is not the project's. The first sentence of each field wins,
    as for labels.
    """
    cfg = lexicon()["budget"]["prose"]
    rx, field_of = _prose_re()
    norm = normalize(text)
    funds = [normalize(w) for w in cfg["funds_words"]]
    targets = [normalize(w) for w in cfg["target_words"]]
    part = normalize(cfg["part_opener"])
    for sent in _SENTENCE_RE.finditer(norm):
        s_text = sent.group(0)
        if "|" in s_text or "\t" in s_text or not any(w in s_text for w in funds) \
                or any(w in s_text for w in targets):
            continue
        for m in rx.finditer(norm, sent.start(), sent.end()):
            field = field_of[m.group(1)]
            if getattr(budget, field) is not None:
                continue
            clause_start = max((norm.rfind(c, sent.start(), m.start(1)) for c in _CLAUSE_BREAK), default=-1)
            clause = norm[max(clause_start + 1, sent.start()): m.start(1)].strip()
            if clause.startswith(part) or (m.start(1) > 0 and norm[m.start(1) - 1] in _NEGATED):
                continue
            # (running text writes an amount with its unit)
            value = _phrase_value(text, norm, m, field, report_unit, source="prose", unit_needed=True)
            if value is not None:
                setattr(budget, field, value)
    _drop_unfit(budget, float(cfg["spent_over_budget"]))
    return budget


def _drop_unfit(budget: Budget, over: float) -> None:
    """A figure read from wording that cannot be the project's: a budget the spending is
    well above, or a spending well above the budget. The one read from prose goes."""
    spent = budget.actual_spending
    for field in ("adjusted_budget", "initial_budget"):
        plan = getattr(budget, field)
        if spent is None or plan is None or spent.value <= plan.value * over:
            continue
        if plan.source == "prose":
            setattr(budget, field, None)
        elif spent.source == "prose":
            budget.actual_spending = spent = None
