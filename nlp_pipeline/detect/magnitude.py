"""IMPLAUSIBLE_MAGNITUDE: an amount or an area impossible for the report's scale, which
is usually a unit error (万 written once too often).

- money: above the whole budget (the largest of adjusted/initial budget and spending)
  times a factor from the lexicon: money spent or paid is held to the budget itself, money
  named as the unit's own (经费, 补助资金) to a hundred times it, amounts of unknown owner
  or not the unit's own (transactions, tax collected, value added) to a thousand times;
- length: above a generous ceiling for the organisation's level (万公里 for 公里);
- area: above the jurisdiction's area times a factor, the jurisdiction's area taken
  from the report when it states it ("辖区面积…", or "X公顷，占…总面积的P%"), else a
  generous ceiling for the organisation's level (street office, township, county …).
The message says which unit would make the figure plausible.
"""
from __future__ import annotations

import dataclasses

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, phrase, register, render
from nlp_pipeline.text.annotate import statement_start
from nlp_pipeline.text.numbers import figures
from nlp_pipeline.text import patterns as P

CODE = "IMPLAUSIBLE_MAGNITUDE"


def _labelled(v):
    """A budget figure the form or a label gave: one taken from the wording of a sentence
    may be a part's or another year's (到位资金 of one year of two), too weak to bar
    every other amount of the report."""
    return v if v is not None and v.source != "prose" else None


def budget_scale(report) -> float | None:
    """The whole budget in 元 (largest of the stated budget figures)."""
    b = report.budget
    vals = [v.value for v in map(_labelled, (b.adjusted_budget, b.initial_budget, b.actual_spending))
            if v is not None and v.value]
    if not vals:
        return None
    return max(vals) * (report.currency_factor or 1.0)


def jurisdiction_area(nums: list[M.Num], cfg: dict) -> tuple[float | None, str]:
    """Area of the jurisdiction in m2 when the report states it, and how it was found."""
    mc = cfg.get("magnitude", {})
    share = mc.get("area_share_pattern")
    cues = mc.get("area_total_cues") or []
    by_para: dict[str, list[M.Num]] = {}
    for n in nums:
        by_para.setdefault(n.para.id, []).append(n)
    for items in by_para.values():
        items.sort(key=lambda n: n.i)
        for k, n in enumerate(items):
            if n.m.kind != "AREA" or not n.m.base_value:
                continue
            text = n.para.text
            # "辖区面积3.2平方公里"
            if any(text[max(0, n.i - len(c) - 3): n.i].find(c) >= 0 for c in cues if c != "占地面积"):
                return n.m.base_value, f"{n.metric}{n.m.text}"
            # "182.66公顷，占…总面积的83.61%"
            nxt = next((o for o in items[k + 1:] if o.m.kind == "PERCENT"), None)
            if nxt is None or nxt.i - n.j > 24:
                continue
            between = text[n.j: nxt.i]
            if any(w in between for w in mc.get("area_subtype_words") or []):
                continue
            if share and P.has(between, share) and nxt.m.base_value and 0 < nxt.m.base_value <= 100:
                # shown in the Chinese message only (zh_only there)
                return n.m.base_value / (nxt.m.base_value / 100), render(
                    "NUM.MAGNITUDE.area_share", {"area": n.m.text, "share": nxt.m.text}, "zh")
    return None, ""


def stated_area(report, cfg: dict) -> tuple[float | None, str]:
    """The jurisdiction's area from a statement anywhere in the text (部门基本情况 lies
    outside the numbered sections): 辖区面积/国土面积 + a number + an area unit."""
    from nlp_pipeline.text.lexicon import number_lexicon

    units = {u: info.factor for u, info in number_lexicon().units.items() if info.kind == "AREA"}
    if not units:
        return None, ""
    cues = [c for c in cfg.get("magnitude", {}).get("area_total_cues") or [] if c != "占地面积"]
    if not cues:
        return None, ""
    rx = P.named("area_statement", cues=P.alternation(cues), units=P.alternation(units))
    m = P.search(M.normalize(report.text), rx)
    if not m:
        return None, ""
    return float(m.group(1).replace(",", "")) * units[m.group(2)], m.group(0)


def level_ceiling(report, cfg: dict, what: str = "area", unit: str = "m2") -> float:
    """A generous ceiling for an area (m2) or a length (m) at the organisation's level."""
    mc = cfg.get("magnitude", {})
    name = " ".join(x for x in (report.organisation, report.title) if x)
    for lv in mc.get(f"{what}_ceiling_by_level") or []:
        if any(c in name for c in lv.get("cues", [])):
            return float(lv[unit])
    return float(mc.get(f"{what}_ceiling_default", 1e13))


def fmt_length(m: float) -> str:
    return f"{M.fmt(round(m / 1000, 2))}公里"


def _context(report, index: M.ParagraphIndex, n: M.Num, own: bool = False) -> str:
    """What an amount is about: its clause and metric, and for a table result cell the
    indicator's name and the task's target (建筑业总产值 | 325.6亿元). A part of a total
    (其中工程建设类52.31亿元) is about what its total is about: its sentence counts too.
    ``own``: only the amount's own words (its metric), for naming its owner."""
    parts = [n.metric, n.label] if own else [n.clause, n.metric, n.label]
    if "part" in n.scopes and not own:
        s, _ = M.clause_bounds(n.para.text, n.i, n.i, M.SENTENCE_BREAK)
        parts.append(n.para.text[statement_start(n.para.text, s): n.i])
    name = index.indicator_name.get(n.para.id)
    if name is not None:
        parts.append(name.text)
        for t in report.tasks:
            if t.target is not None and M.place(t.target.id) == M.place(n.para.id):
                parts.append(t.target.text)
    return "".join(x for x in parts if x)


def _spent(n: M.Num, words: list[str]) -> bool:
    """The amount is named as spent or paid in its own clause (支出2,450万元, 支付工程款…)."""
    return any(w in n.before or w in n.metric for w in words if w)


def _rescaled(value: float, limit: float, cfg: dict) -> float | None:
    for f in cfg.get("magnitude", {}).get("rescale") or [1e-4, 1e-8]:
        if f < 1 and value * f <= limit:
            return f
    return None


def _task_funds(report, scale: float, cfg: dict) -> list:
    """A task's funds (the form's 任务涉及资金 column, in the report's currency unit) are
    part of the department's budget: above it, the cell has a unit or decimal error."""
    mc = cfg.get("magnitude", {})
    factor = report.currency_factor or 1.0
    index = M.ParagraphIndex(report)
    out = []
    for t in report.tasks:
        for ind in t.indicators:
            if ind.funds is None or ind.result_paragraph is None:
                continue
            yuan = ind.funds * factor
            if yuan <= scale * float(mc.get("task_funds_factor", 1.1)):
                continue
            # the funds cell lies on the indicator's row, after its result
            le = report.text.find("\n", ind.result_paragraph.end)
            le = len(report.text) if le < 0 else le
            cell = None
            for f in figures(report.text[ind.result_paragraph.end: le]):
                if abs(f.value - ind.funds) < 1e-6:
                    cell = (ind.result_paragraph.end + f.start, ind.result_paragraph.end + f.end)
            if cell is None:
                continue
            ev = M.evidence_at(report, index, *cell, section="T")
            ev = dataclasses.replace(ev, section="T", paragraph=t.id) if ev.paragraph == "T" else ev
            written = report.text[cell[0]:cell[1]] + (report.currency_unit or "")
            out.append(_money_finding("NUM.MAGNITUDE.money_task", {"task": t.id, "amount": written},
                                      yuan, scale, ev, cfg))
    return out


def _money_finding(message_id: str, params: dict, yuan: float, scale: float, ev, cfg: dict):
    f = _rescaled(yuan, scale, cfg)
    hint = (phrase("hint", "NUM.MAGNITUDE.money_hint", {"rescaled": M.fmt_money(yuan * f)}) if f
            else phrase("hint", None))
    return make_finding(
        CODE, "high", message_id,
        {**params, "yuan": M.fmt_money(yuan), "budget": M.fmt_money(scale), **hint},
        [ev],
        {"amount_yuan": yuan, "budget_yuan": scale, "plausible_factor": f},
    )


RULE = Rule(
    id="NUM.MAGNITUDE", code=CODE, severity="high",
    summary_zh="金额、面积或长度超出报告规模所能容许的范围（常为单位错误）",
    summary_en="An amount, area or length impossible for the report's scale (usually a unit error)",
    example="年初预算300万元……购置设备支出50000万元。",
    params=(
        Param("money_factor", "detect_numeric.yaml:magnitude.money_factor", type=float, doc=
              "money named as the unit's own may reach the whole budget times this"),
        Param("unknown_money_factor", "detect_numeric.yaml:magnitude.unknown_money_factor", type=float, doc=
              "money of unknown owner may reach the whole budget times this"),
        Param("non_spending_factor", "detect_numeric.yaml:magnitude.non_spending_factor", type=float, doc=
              "amounts not the unit's own (transactions, tax) may reach the budget times this"),
        Param("spending_factor", "detect_numeric.yaml:magnitude.spending_factor",
              "money spent or paid is held to the budget times this"),
        Param("disburse_factor", "detect_numeric.yaml:magnitude.disburse_factor", type=float, doc=
              "money disbursed is held to the budget times this"),
        Param("stated_budget_min_spent", "detect_numeric.yaml:magnitude.stated_budget_min_spent", type=float, doc=
              "a budget stated in the prose is the scale when the spending is at least this share of it"),
        Param("area_factor", "detect_numeric.yaml:magnitude.area_factor",
              "an area may reach the jurisdiction's area times this"),
        Param("area_factor_repeat", "detect_numeric.yaml:magnitude.area_factor_repeat", type=float, doc=
              "an area counted repeatedly (times) may reach the jurisdiction's area times this"),
    ),
    confidence=0.8,
    explain_zh="数值超过报告规模的可信上限；乘以 {plausible_factor} 后才合理（多为单位错误）",
    explain_en="the figure is above the plausible ceiling for the report's scale; times {plausible_factor} it would be plausible (usually a unit error)",
    messages=("NUM.MAGNITUDE.money_amount", "NUM.MAGNITUDE.money_task", "NUM.MAGNITUDE.money_hint",
              "NUM.MAGNITUDE.area_jurisdiction", "NUM.MAGNITUDE.area_level", "NUM.MAGNITUDE.length",
              "NUM.MAGNITUDE.plausible_hint", "NUM.MAGNITUDE.area_share", "NUM.MAGNITUDE.people"),
)


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    report = ctx.report
    nums = [n for n in M.enrich(report, ctx.mentions, cfg) if n.m.base_value]
    findings = []

    scale = budget_scale(report)
    if scale:
        scale = max([scale] + _unit_totals(nums, cfg) + _stated_budgets(report, nums, cfg))
        findings += _money_findings(report, nums, scale, cfg)

    if scale:
        findings += _task_funds(report, scale, cfg)

    findings += _area_findings(report, nums, cfg)
    findings += _length_findings(report, nums, cfg)
    findings += _people_findings(report, nums, cfg)
    return findings


def _unit_totals(nums: list[M.Num], cfg: dict) -> list[float]:
    """The unit's whole income or spending as its basic part states them (收入合计5.86亿元,
    本年支出5,796.18万元), in 元: a hospital or a school spends far more than the budget its
    government funds, and what it spends in all is no unit slip."""
    words = cfg.get("magnitude", {}).get("unit_total_words") or []
    out = []
    for n in nums:
        if n.m.kind != "MONEY" or n.para.section != "B":
            continue
        s, _ = M.clause_bounds(n.para.text, n.i, n.i, M.SENTENCE_BREAK)
        if any(w in n.para.text[s:n.i] for w in words):
            out.append(n.m.base_value)
    return out


BUDGET_WORD_REACH = 12  # characters before an amount within which a budget word names it (经费预算10441万元)


def _stated_budgets(report, nums: list[M.Num], cfg: dict) -> list[float]:
    """Budgets the prose states (投入…经费预算10441万元), in 元, where the form gave no
    budget but its spending: a budget the spending is a fair share of is the scale, not
    an amount above it."""
    b = report.budget
    plan, spent_v = _labelled(b.adjusted_budget) or _labelled(b.initial_budget), _labelled(b.actual_spending)
    if plan is not None or spent_v is None:
        return []
    mc = cfg.get("magnitude", {})
    words = mc.get("stated_budget_words") or []
    spent = spent_v.value * (report.currency_factor or 1.0)
    floor = float(mc.get("stated_budget_min_spent", 0.3))
    return [n.m.base_value for n in nums
            if n.m.kind == "MONEY" and any(w in n.before[-BUDGET_WORD_REACH:] or w in n.metric for w in words)
            and spent <= n.m.base_value and spent >= floor * n.m.base_value]


def _people_findings(report, nums: list[M.Num], cfg: dict) -> list:
    """A count of people (人, 名; never 人次, which counts visits) above the population the
    report states for its own jurisdiction: more beneficiaries than inhabitants."""
    mc = cfg.get("magnitude", {})
    words = mc.get("population_words") or []
    people = [n for n in nums if n.m.kind == "COUNT" and n.m.base_unit == "人" and (n.m.qualifier or "exact") == "exact"]
    # the population may be given roughly (约48.6万人) or before its word (约108万服务人口)
    stated = [n for n in nums if n.m.kind == "COUNT" and (n.m.qualifier or "exact") in ("exact", "approximate")
              and n.interval is not None]
    pops = [n for n in stated if (n.m.base_unit == "人" and any(
        w in (n.before or "")[-8:] or w in (n.metric or "") for w in words))
        or (not n.m.base_unit and n.para.text.startswith(tuple(words), n.j))]
    if not pops:
        return []
    pop = max(pops, key=lambda n: n.interval[1])
    limit = pop.interval[1] * float(mc.get("people_factor", 1.05))
    out = []
    for n in people:
        if any(n is q for q in pops) or n.m.base_value <= limit or n.para.section in ("G", "I"):
            continue
        out.append(make_finding(
            CODE, "high", "NUM.MAGNITUDE.people", {"figure": n.m.text, "population": pop.m.text},
            [M.para_evidence(report, n.para, n.i, n.j), M.para_evidence(report, pop.para, pop.i, pop.j)],
            {"people": n.m.base_value, "population": pop.m.base_value},
        ))
        break
    return out


def _money_findings(report, nums: list[M.Num], scale: float, cfg: dict) -> list:
    mc = cfg.get("magnitude", {})
    index = M.ParagraphIndex(report)
    findings = []
    for n in nums:
        if n.m.kind != "MONEY" or not any(ch in "元万亿" for ch in M.normalize(n.m.text)):
            continue  # a bare table number read as money proves nothing
        context = _context(report, index, n)
        if any(w in context for w in mc.get("aggregate_words") or []):
            continue  # the jurisdiction's output or revenue has no bar in the unit's budget
        factor = _money_factor(report, index, n, context, mc)
        if n.m.base_value <= scale * factor + M.half_ulp(n.m):
            continue
        findings.append(_money_finding("NUM.MAGNITUDE.money_amount", {"amount": n.m.text}, n.m.base_value, scale,
                                       n.evidence(report), cfg))
    return findings


def _money_factor(report, index: M.ParagraphIndex, n: M.Num, context: str, mc: dict) -> float:
    """How many times the budget the amount ``n`` may reach."""
    non_spending = mc.get("non_spending_words") or []
    spending = mc.get("spending_words") or []
    # money named as the unit's own (经费, 补助资金, 服务费) is held to its budget;
    # money of unknown owner (成交金额, 担保金额 of a trading centre) only to a far bar
    own = any(w in _context(report, index, n, own=True) for w in mc.get("own_money_words") or [])
    factor = float(mc.get("money_factor", 100) if own else mc.get("unknown_money_factor", 1000))
    # whose money it is may be said earlier in the sentence (异地就医直接结算…，结算金额…)
    s, _ = M.clause_bounds(n.para.text, n.i, n.i, M.SENTENCE_BREAK)
    volume_unit = any(w in (report.organisation or "") for w in mc.get("volume_units") or [])
    if volume_unit or any(w in context or w in n.para.text[s:n.i] for w in non_spending):
        factor = float(mc.get("non_spending_factor", 1000))
    elif _spent(n, spending) and not (n.scopes & {"cumulative", "change", "share"}):
        # money the unit itself spent or paid cannot exceed all it had to spend
        factor = min(factor, float(mc.get("spending_factor", 1.1)))
    elif _spent(n, mc.get("disburse_words") or []) and not (n.scopes & {"cumulative", "change", "share"}):
        # funds it handed out (发放补助资金) pass through its budget too; a little
        # room for funds passed on from other levels
        factor = min(factor, float(mc.get("disburse_factor", 3)))
    return factor


def _area_findings(report, nums: list[M.Num], cfg: dict) -> list:
    mc = cfg.get("magnitude", {})
    area, how = jurisdiction_area(nums, cfg)
    if not area:
        area, how = stated_area(report, cfg)
    repeat = mc.get("repeat_words") or []
    if area:
        ceiling = area * float(mc.get("area_factor", 1.5))
        ref = ("NUM.MAGNITUDE.area_jurisdiction", {"reference": M.fmt_area(area), "how": how})
    else:
        ceiling = level_ceiling(report, cfg)
        ref = ("NUM.MAGNITUDE.area_level", {"reference": M.fmt_area(ceiling)})
    findings = []
    for n in nums:
        if n.m.kind != "AREA":
            continue
        limit = ceiling
        if area and any(w in n.clause for w in repeat):
            limit = area * float(mc.get("area_factor_repeat", 100))
        if n.m.base_value <= limit:
            continue
        f = _rescaled(n.m.base_value, area or ceiling, cfg)
        hint = (phrase("hint", "NUM.MAGNITUDE.plausible_hint", {"rescaled": M.fmt_area(n.m.base_value * f)}) if f
                else phrase("hint", None))
        findings.append(make_finding(
            CODE, "high", ref[0], {"figure": n.m.text, "area": M.fmt_area(n.m.base_value), **ref[1], **hint},
            [n.evidence(report)],
            {"area_m2": n.m.base_value, "reference_m2": area or ceiling, "plausible_factor": f},
        ))
    return findings


def _length_findings(report, nums: list[M.Num], cfg: dict) -> list:
    length_ceiling = level_ceiling(report, cfg, "length", "m")
    findings = []
    for n in nums:
        if n.m.kind != "QUANTITY" or n.m.base_unit != "m" or n.m.base_value <= length_ceiling:
            continue
        f = _rescaled(n.m.base_value, length_ceiling / 10, cfg)
        hint = (phrase("hint", "NUM.MAGNITUDE.plausible_hint", {"rescaled": fmt_length(n.m.base_value * f)}) if f
                else phrase("hint", None))
        findings.append(make_finding(
            CODE, "high", "NUM.MAGNITUDE.length",
            {"figure": n.m.text, "length": fmt_length(n.m.base_value), "ceiling": fmt_length(length_ceiling), **hint},
            [n.evidence(report)],
            {"length_m": n.m.base_value, "ceiling_m": length_ceiling, "plausible_factor": f},
        ))
    return findings
