"""ARITHMETIC_MISMATCH: a rate, sum, share or product written in the report that its own
operands do not give.

Checked by rules, with the tolerance the written precision allows (96.11% is anything in
[96.105, 96.115]):
- budget completion rate = actual spending / adjusted budget; adjustment rate =
  adjustment / initial budget; |adjusted − initial| = adjustment;
- expressions written beside a figure: 93.6万元（312*3000元）, 7.7%（153/1980）, a/b=c%;
- a total followed by 其中 and two or more parts of the same unit;
- a share 'A占B的P%' when A and B are both written.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.model import Evidence
from nlp_pipeline.text.annotate import default_cues, statement_start
from nlp_pipeline.text.context import share_names
from nlp_pipeline.text.normalize import normalize
from nlp_pipeline.text.numbers import WrittenExpression, first_figure, written_expressions
from nlp_pipeline.text.safe_eval import safe_eval
from nlp_pipeline.text.segment import clause_end, without_spans
from nlp_pipeline.text import patterns as P

CODE = "ARITHMETIC_MISMATCH"

# the units an expression may carry and still be evaluated: with any other (亿元), or with
# two money units, the written operands cannot be trusted to share one scale
_EXPR_UNITS_OK = {"元", "万元", "%", "小时", "人次", "人", "个", "次", "吨", "平方米"}
_MONEY_UNITS = {"元", "万元", "亿元"}


PERCENT_WHOLE = 100.0  # percentages that add past this are no shares of one rate


def _decimals(s: str) -> int:
    return len(s.split(".", 1)[1]) if "." in s else 0


def _tol(s: str) -> float:
    return 0.5 * 10 ** (-_decimals(s)) * (1 + 1e-6) + 1e-9


def _eval_expr(expr: WrittenExpression) -> float | None:
    units = expr.units
    if units - _EXPR_UNITS_OK or len(units & _MONEY_UNITS) > 1:
        return None
    if not expr.arithmetic:
        return None
    return safe_eval(expr.bare)


def _matches(written: float, text: str, unit: str, computed: float, inside: frozenset = frozenset()) -> bool:
    tol = _tol(text)
    cands = [computed]
    if unit == "元" and "万元" in inside:
        cands.append(computed * 1e4)  # (1830000元（12,000万元×3.05%÷2）: the operands in 万元)
    if unit == "%":
        cands.append(computed * 100)
    if "万" in unit:
        cands.append(computed / 1e4)
    if "亿" in unit:
        cands.append(computed / 1e8)
    return any(abs(written - c) <= tol for c in cands)


def check_expressions(report, index) -> list:
    out = []
    for p in index.paras:
        for m in written_expressions(p.text):
            val_s = m.written.replace(",", "")
            unit = m.unit
            computed = _eval_expr(m)
            if computed is None:
                continue
            written = float(val_s)
            if _matches(written, val_s, unit, computed, frozenset(m.units)):
                continue
            # (an expression that multiplies by 100 itself, …×100%, is already in percent)
            hundred = any(op + "100" in m.bare for op in "*×xX")
            shown = computed * 100 if unit == "%" and "/" in m.expression and not hundred else computed
            out.append(
                make_finding(
                    CODE,
                    "medium",
                    "NUM.ARITH.expression",
                    {"expression": m.expression, "computed": M.fmt(round(shown, 4)), "unit": unit,
                     "written": m.written},
                    [M.para_evidence(report, p, m.start, m.end)],
                    {"expression": m.expression, "written": written, "computed": round(shown, 6)},
                    roles="claim",
                )
            )
    return out


def check_budget(report, index) -> list:
    b = report.budget
    out = []

    def ev(*vals) -> list[Evidence]:
        return [M.evidence_at(report, index, v.start, v.end) for v in vals if v is not None]

    unit = report.currency_unit or ""
    def mixed(*vals) -> bool:
        """Figures the reader took from different paragraphs of running text (the whole
        department's spending, the basic part's budget, the project part's rate): not one
        statement's, so no rate of theirs is checked."""
        paras = {(p.id if (p := index.locate(v.start, v.end)) is not None else None) for v in vals}
        return None not in paras and len(paras) > 1

    def rate(written, num, den, alt, message_id, signed=False):
        """A budget rate must be num / den (or the alternative base some forms use)."""
        if mixed(written, num, den):
            return
        want = abs(num.value) / den.value * 100
        tol = M.half_written(written) * (1 + 1e-6) + 1e-9
        got = abs(written.value) if signed else written.value
        if M.agrees(got, want, tol) or (alt is not None and abs(got - alt) <= tol):
            return
        # (a figure read with its unit, 3824.26万元, is not given the unit again)
        shown_unit = "" if any(v.text.rstrip().endswith(unit) for v in (num, den)) else unit
        out.append(make_finding(
            CODE, "high", message_id,
            {"numerator": num.text, "unit": shown_unit, "denominator": den.text, "computed": f"{want:.2f}",
             "written": written.text},
            ev(written, num, den),
            {"written": got, "computed": round(want, 4)},
            roles=("claim", "budget", "budget"),
        ))

    if b.completion_rate and b.actual_spending and b.adjusted_budget and b.adjusted_budget.value:
        # 预算执行率 is 全年执行数 ÷ 全年预算数 (the form's B/A); a rate over the initial budget
        # is the wrong base, not a second accepted one
        alt = None
        rate(b.completion_rate, b.actual_spending, b.adjusted_budget, alt, "NUM.ARITH.completion_rate")
    if b.adjustment_rate and b.adjustment and b.initial_budget and b.initial_budget.value:
        # the adjustment may be stated or only implied by adjusted − initial
        alt = (abs(b.adjusted_budget.value - b.initial_budget.value) / b.initial_budget.value * 100
               if b.adjusted_budget else None)
        rate(b.adjustment_rate, b.adjustment, b.initial_budget, alt, "NUM.ARITH.adjustment_rate", signed=True)
    if b.adjustment and b.adjusted_budget and b.initial_budget:
        diff = abs(b.adjusted_budget.value - b.initial_budget.value)
        tol = sum(_tol(_num_text(v.text)) for v in (b.adjustment, b.adjusted_budget, b.initial_budget))
        if abs(abs(b.adjustment.value) - diff) > tol:
            out.append(make_finding(
                CODE, "high", "NUM.ARITH.adjustment",
                {"adjusted": b.adjusted_budget.text, "initial": b.initial_budget.text,
                 "difference": M.fmt(round(diff, 2)), "unit": unit, "adjustment": b.adjustment.text},
                ev(b.adjustment, b.adjusted_budget, b.initial_budget),
                {"written": b.adjustment.value, "computed": round(diff, 4)},
                roles=("claim", "budget", "budget"),
            ))
    return out


def _num_text(s: str) -> str:
    f = first_figure(s or "")
    return f.plain if f is not None else "0"


def check_parts(report, nums: list[M.Num], cfg: dict) -> list:
    """A total, then 其中 and two or more parts of the same unit in the same sentence."""
    acfg = cfg.get("arithmetic", {})
    part_cues = acfg.get("part_cues") or ["其中"]
    out = []
    for items in _by_paragraph(nums):
        text = items[0].para.text
        ends: set[int] = set()  # 实际支出中 and 支出中 end at one place: one list
        for cue in part_cues:
            for at in P.occurrences(text, cue):
                if at + len(cue) in ends:
                    continue
                ends.add(at + len(cue))
                f = _check_part_list(report, items, text, at, cfg)
                if f is not None:
                    out.append(f)
    return out


def _check_part_list(report, items: list[M.Num], text: str, c: int, cfg: dict):
    """The finding for the 其中 at ``c`` in ``text`` when its parts do not add up."""
    acfg = cfg.get("arithmetic", {})
    stop_cues = sorted(acfg.get("part_stop_cues") or [], key=len, reverse=True)
    s, e = M.clause_bounds(text, c, c, M.SENTENCE_BREAK)
    s = statement_start(text, s)  # 「…共120万元。其中…」: the total is before the stop
    if text[c + 2:c + 3] in "：:":
        # 「其中：预算编制30万元；审计30万元；设计29.99万元。」: a list after a colon runs
        # over its semicolons to the full stop
        _, e = M.clause_bounds(text, c, c, LIST_BREAK)
    e = _past_brackets(text, c, e)
    total = _parts_total(items, s, c, e)
    if total is None:
        return None
    parts = _part_list(items, text, c, e, total, stop_cues, cfg)
    got = _parts_mismatch(text, s, c, e, total, parts, cfg)
    if got is None or _breaks_down_another(items, s, c, total, parts):
        return None
    return _parts_finding(report, total, parts, got)


def _breaks_down_another(items: list[M.Num], s: int, c: int, total: M.Num, parts: list[M.Num]) -> bool:
    """The parts add up to another figure of the sentence before 其中: they break that one
    down (受理428件，办结396件，其中刑事案件142件、民事案件286件: 142 + 286 = 428)."""
    got = sum(n.m.base_value for n in parts)
    for n in items:
        if n is total or not (s <= n.i and n.j <= c) or n.m.kind != total.m.kind \
                or (n.m.base_unit or "") != (total.m.base_unit or "") or n.m.base_value is None:
            continue
        if abs(got - n.m.base_value) <= _list_tolerance(parts + [n]):
            return True
    return False


def _open_brackets(s: str) -> bool:
    """``s`` opens a bracket it does not close."""
    return sum(s.count(o) for o in "（(") > sum(s.count(x) for x in "）)")


def _past_brackets(text: str, c: int, e: int) -> int:
    """Where a list from ``c`` ends when its items carry breakdowns in brackets: a break
    inside brackets ends nothing, and the items run over their ；to the full stop
    (中央资金776.84万元（一般公共预算323.97万元；彩票公益金452.87万元）；省级资金…)."""
    if not _open_brackets(text[c:e]):
        return e
    depth = 0
    for k in range(c, len(text)):
        ch = text[k]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in LIST_BREAK:
            return k
    return len(text)


def _parts_total(items: list[M.Num], s: int, c: int, e: int) -> M.Num | None:
    """The total a 其中 at ``c`` breaks down, in the sentence ``s``..``e``."""
    # the total is the last figure before 其中 that is not a change or a share
    # (交易总额86.45亿元，同比增长12.4%，其中…), of the kind of the first part
    # (实际支出10,972.38万元，预算执行率97.91%，其中基本支出…)
    before = [n for n in items if s <= n.i and n.j <= c and not (n.scopes & {"change", "share"})]
    first = next((n for n in items if c < n.i and n.j <= e), None)
    if first is not None and before and before[-1].m.kind != first.m.kind:
        same = [n for n in before if n.m.kind == first.m.kind
                and (n.m.base_unit or "") == (first.m.base_unit or "")]
        if len(same) > 1:
            # budget and spending before 其中基本支出…: the total is the one the parts' head
            # word names (支出), when one does
            head = (first.key or first.metric or "")[-2:]
            named = [n for n in same if len(head) == 2 and head in (n.key or n.metric or "")]
            same = named if len(named) == 1 else same
        if len(same) != 1:
            return None  # no figure, or two (spending and budget): which is the total?
        before = same
    if not before:
        return None
    total = before[-1]
    if total.m.kind not in ("MONEY", "PERCENT", "COUNT", "QUANTITY", "AREA") or total.m.base_value is None:
        return None
    return total


def _part_list(items: list[M.Num], text: str, c: int, e: int, total: M.Num,
               stop_cues: list[str], cfg: dict) -> list[M.Num]:
    """The parts listed after the 其中 at ``c``: figures of the total's kind and unit. A
    breakdown in brackets ends with them (总投资3374.3万元（其中建筑工程3292万元），二批…); a
    figure with a 其中 of its own after it opens another breakdown (…其他859.6万元 2023年支出
    2310.4万元，其中…: two sentences run together)."""
    if text[:c].rstrip()[-1:] in "（(":
        close = min((k for k in (text.find("）", c), text.find(")", c)) if k >= 0), default=-1)
        e = min(e, close) if close >= 0 else e
    parts, prev = [], c
    for n in items:
        if not (c < n.i and n.j <= e):
            continue
        gap = text[prev:n.i]
        if parts and _list_ends(gap, parts, items, text, c, stop_cues):
            break  # the list is over: a new clause states something else
        after = text[n.j:n.j + 6].lstrip("，,（( ")
        if parts and any(a == 0 for a, _ in default_cues().find(after, "breakdown")):
            break
        prev = n.j
        if n.m.kind == total.m.kind == "COUNT" and (n.m.base_unit or "") != (total.m.base_unit or "") \
                and not n.unitless and not P.has(gap, P.named("share_or_comparison")):
            return []  # 312台、986台、48架: a list in mixed measure words is summed by no unit
        if n.m.kind != total.m.kind or (n.m.base_unit or "") != (total.m.base_unit or ""):
            continue
        if P.has(gap, P.named("share_or_comparison")):
            continue  # a share's denominator or a comparison, not a part
        if _open_brackets(text[c:n.i]):
            continue  # 中央资金776.84万元（一般公共预算323.97万元；…）: a part's own breakdown
        if _per_unit(n, cfg):
            continue  # a unit price (每站3.2万元) is a factor, not a part
        parts.append(n)
    return parts


LIST_BREAK = set("。！？!?\n")  # what ends a list opened by 其中：, whose items ；separates


def _list_tolerance(nums: list[M.Num]) -> float:
    """The rounding a total and its parts allow together: half a unit of each figure's last
    digit, where a whole amount among decimal ones is exact (in 「89.97万元，其中30万元、
    30万元、29.29万元」 the 30s are exact: a writer giving 29.29 would give 30.02 as written)."""
    digits = max(M.decimals(n.m.text) for n in nums)
    tol = 0.0
    for n in nums:
        d = M.decimals(n.m.text)
        if digits and not d:
            continue  # a whole amount among decimal ones is exact
        factor = abs(n.m.base_value / n.m.value) if n.m.value else 1.0
        tol += 0.5 * 10 ** -d * factor
    return tol + 1e-9


def _parts_mismatch(text: str, s: int, c: int, e: int, total: M.Num, parts: list[M.Num],
                    cfg: dict) -> float | None:
    """The sum of ``parts`` when it is a slip against ``total``; None when the list is no
    closed breakdown or adds up (or falls short the way partial lists do)."""
    acfg = cfg.get("arithmetic", {})
    open_cues = acfg.get("open_list_cues") or []
    score_cues = cfg.get("score", {}).get("weight_cues") or ["分值"]
    if len(parts) < 2 or any(n.m.base_value >= total.m.base_value for n in parts):
        return None
    tail = text[parts[-1].j: min(e, parts[-1].j + 4)]
    span_text = text[c: parts[-1].j] + tail
    if any(w in span_text for w in open_cues):
        return None
    if any(w in text[s:e] for w in score_cues):
        return None  # weights and scores side by side are no part list
    if any(text[n.j:n.j + 2].lstrip("）)").startswith(SCORED_AFTER) for n in parts):
        return None  # 其中投入指标（20分）得19.4分、…: weights and scores in pairs (SCORE_PROSE reads them)
    if any((n.m.qualifier or "exact") != "exact" for n in parts + [total]):
        return None
    got = sum(n.m.base_value for n in parts)
    tol = _list_tolerance(parts + [total])
    if abs(got - total.m.base_value) <= tol:
        return None
    if total.m.kind == "PERCENT" and got > PERCENT_WHOLE:
        return None  # 满意度94.3%，其中两项单项满意度分别为93.1%和92.6%: rates of parts, not shares
    if _two_breakdowns(total, parts):
        return None
    if got < total.m.base_value and total.m.kind == "COUNT" and (
            len(parts) < 3 or got < total.m.base_value * float(acfg.get("count_min_cover", 0.95))):
        return None  # 共有职工120人，其中高级职称30人，中级职称50人: counts are often partial
    if got < total.m.base_value * _min_cover(acfg):
        return None  # 提取33.08亿元，其中租房提取4.12亿元…: a few parts named, not all
    return got


def _two_breakdowns(total: M.Num, parts: list[M.Num]) -> bool:
    """The total cut twice in a row, by source and then by use (2272万元，其中中央1753万元，
    省级519万元；用于直补609.22万元、项目138.78万元、切块1524万元): each run adds up on
    its own, so their sum is twice the total, no slip."""
    for k in range(2, len(parts) - 1):
        head, rest = parts[:k], parts[k:]
        if abs(sum(n.m.base_value for n in head) - total.m.base_value) <= _list_tolerance(head + [total]) \
                and abs(sum(n.m.base_value for n in rest) - total.m.base_value) <= _list_tolerance(rest + [total]):
            return True
    return False


def _parts_finding(report, total: M.Num, parts: list[M.Num], got: float):
    p = total.para
    sev = "high" if got > total.m.base_value else "medium"
    return make_finding(
        CODE, sev, "NUM.ARITH.sum", _sum_params(total, parts, got),
        [M.para_evidence(report, p, min(total.mi, total.i), parts[-1].j)],
        {"total": total.m.base_value, "sum": round(got, 6),
         "parts": [n.m.base_value for n in parts]},
        roles="total",
    )


def _sum_params(total: M.Num, parts: list[M.Num], got: float) -> dict:
    """The parameters of message NUM.ARITH.sum: the parts as an addition, their sum in the
    total's unit."""
    texts = [n.m.text for n in parts]
    return {"parts_zh": "+".join(texts), "parts_en": " + ".join(texts),
            "sum": M.fmt(round(got / _scale(total), 4)), "unit": total.m.unit or "", "total": total.m.text}


def _min_cover(acfg: dict) -> float:
    """Parts below their total are a slip only when they cover most of it; far below, the
    list names some parts and leaves the rest (其中…等 without the 等)."""
    return float(acfg.get("min_cover", 0.9))


def _list_ends(gap: str, parts: list[M.Num], items: list[M.Num], text: str, cue: int,
               stop_cues: list[str]) -> bool:
    """Whether a 其中 list ends before the number after ``gap``: the gap crosses a clause
    break and either the list so far was joined by 、 (其中A、B、C，已支出D: the list is the
    clause) or the new clause opens with a predicate (已, 实际, 累计 …) instead of a label."""
    k = max((gap.rfind(ch) for ch in M.CLAUSE_BREAK), default=-1)
    if k < 0:
        return False
    # the text between the figures: a comma inside one (1,236.48) separates nothing
    end = parts[-1].i
    inner = without_spans(text, [(n.i, n.j) for n in items if cue <= n.i and n.j <= end], "#")[cue:end]
    if "、" in inner and not any(ch in inner for ch in "，,"):
        return True
    head = gap[k + 1:].lstrip()
    return any(head.startswith(w) for w in stop_cues)


def check_sums_after(report, nums: list[M.Num], cfg: dict) -> list:
    """Parts first, then their total: "人员经费520万元、公用经费180万元，合计700万元"."""
    acfg = cfg.get("arithmetic", {})
    cues = sorted(acfg.get("sum_after_cues") or [], key=len, reverse=True)
    open_cues = acfg.get("open_list_cues") or []
    score_cues = cfg.get("score", {}).get("weight_cues") or ["分值"]
    out = []
    for items in _by_paragraph(nums):
        text = items[0].para.text
        for k, total in enumerate(items):
            if total.m.kind not in ("MONEY", "PERCENT", "COUNT", "QUANTITY", "AREA") or not total.m.base_value:
                continue
            if not any(total.before.rstrip().endswith(c) for c in cues):
                continue
            s, _ = M.clause_bounds(text, total.i, total.j, M.SENTENCE_BREAK)
            cs, _ = M.clause_bounds(text, total.i, total.j)
            parts = [n for n in items[:k] if n.i >= s and n.j <= cs and n.m.kind == total.m.kind
                     and _addable(n, total, acfg) and not _per_unit(n, cfg)]
            span = text[s:total.i]
            # 分别: two parallel lists (weights, then the scores of the same items)
            if len(parts) < 2 or any(w in span for w in open_cues + ["其中", "分别"] + score_cues):
                continue
            if any(text[n.j:n.j + 2].lstrip("）)").startswith(SCORED_AFTER) for n in parts):
                continue  # 产出指标50分得47.5分、…: weights and scores in pairs (SCORE_PROSE reads them)
            if total.m.kind == "COUNT" and any(
                    n.m.kind == "COUNT" and n.i >= parts[0].i and all(n is not p for p in parts) for n in items[:k]):
                continue  # a count in the list that cannot be added (冲锋舟12艘 to 件): no sum
            if any((n.m.qualifier or "exact") != "exact" for n in parts + [total]):
                continue
            if any(n.m.base_value >= total.m.base_value for n in parts):
                continue
            got = sum(n.m.base_value for n in parts)
            tol = sum(M.half_ulp(n.m) for n in parts + [total]) + 1e-9
            if abs(got - total.m.base_value) <= tol:
                continue
            if got < total.m.base_value and total.m.kind == "COUNT":
                continue
            if got < total.m.base_value * _min_cover(acfg):
                continue
            out.append(make_finding(
                CODE, "high" if got > total.m.base_value else "medium", "NUM.ARITH.sum", _sum_params(total, parts, got),
                [M.para_evidence(report, total.para, min(parts[0].mi, parts[0].i), total.j)],
                {"total": total.m.base_value, "sum": round(got, 6), "parts": [n.m.base_value for n in parts]},
                roles="total",
            ))
    return out


SCORED_AFTER = ("得",)  # a weight followed by its score: 50分得47.5分


def _addable(part: M.Num, total: M.Num, acfg: dict) -> bool:
    """The part is counted in the total's unit, or the total counts objects in a generic
    unit (件（套）) and the part counts objects in its own measure word (床, 顶)."""
    pu, tu = part.m.base_unit or "", total.m.base_unit or ""
    if pu == tu:
        return True
    return (total.m.kind == "COUNT" and tu in (acfg.get("generic_total_units") or [])
            and pu in (acfg.get("object_units") or []))


def _per_unit(n: M.Num, cfg: dict) -> bool:
    """A per-unit amount (每站3.2万元, 单价, 人均): a factor of a product, never a part of a sum."""
    pat = (cfg.get("arithmetic") or {}).get("per_unit_pattern")
    if not pat:
        return False
    return P.has(normalize(n.before).rstrip(), pat)


def _scale(n: M.Num) -> float:
    return (n.m.base_value / n.m.value) if n.m.value else 1.0


def check_shares(report, nums: list[M.Num], cfg: dict) -> list:
    """'A…占B的P%': P must be A/B when both amounts are written."""
    pat = cfg.get("arithmetic", {}).get("share_pattern") or "占"
    out = []
    for items in _by_paragraph(nums):
        for k, pct in enumerate(items):
            if pct.m.kind != "PERCENT" or pct.m.base_value is None:
                continue
            text = pct.para.text
            s, _ = M.clause_bounds(text, pct.i, pct.j, M.SENTENCE_BREAK)
            prior = [n for n in items[:k] if n.i >= s and n.m.kind != "PERCENT" and n.m.base_value]
            if len(prior) < 2:
                continue
            b = prior[-1]
            zhan = text.rfind("占", s, b.i)
            if zhan < 0 or not P.match(text, pat, zhan) or clause_end(text, b.j, pct.i) < pct.i:
                continue
            if any(n.m.kind == "PERCENT" and zhan < n.i < pct.i for n in items[:k]):
                continue  # that 占 has its own percent already (占合同金额638.42万元的95.94%)
            cands = [n for n in prior[:-1] if n.j <= zhan and n.m.kind == b.m.kind
                     and (n.m.base_unit or "") == (b.m.base_unit or "")]
            if not cands:
                continue
            want = _share_off(pct, cands[-1], b)
            if want is not None:
                out.append(_share_finding(report, pct, cands[-1], b, want))
    out += _part_shares(report, nums, cfg)
    out += _named_shares(report, nums, cfg)
    out += _worded_shares(report, nums, cfg)
    return out


def _written_once(nums: list[M.Num]) -> dict[tuple, M.Num]:
    """Each (metric, kind, unit) written with one value in the report: its figure."""
    seen: dict[tuple, list[M.Num]] = {}
    for n in nums:
        if n.m.base_value and n.key and not (n.scopes & {"change", "share", "per", "base"}) and not n.other_year \
                and (n.m.qualifier or "exact") == "exact":
            seen.setdefault((n.key, n.m.kind, n.m.base_unit or ""), []).append(n)
    return {k: ns[0] for k, ns in seen.items() if len({n.m.base_value for n in ns}) == 1}


def _worded_shares(report, nums: list[M.Num], cfg: dict) -> list:
    """'人员经费占实际支出的75.06%，项目支出占16.13%': a share written with names only, the
    whole left out where the clause before named it; both amounts written once elsewhere in
    the report (项目支出162.32万元, 全年实际支出1,148.62万元). P must be part / whole."""
    once = _written_once(nums)
    out = []
    for items in _by_paragraph(nums):
        whole_name = None
        for k, pct in enumerate(items):
            if pct.m.kind != "PERCENT" or pct.m.base_value is None or (pct.m.qualifier or "exact") != "exact":
                continue
            text = pct.para.text
            cs, _ = M.clause_bounds(text, pct.i, pct.j)
            names = share_names(text[cs:pct.i])
            if names is None:
                whole_name = None
                continue
            whole_name = names[1] or whole_name
            if not whole_name:
                continue
            part_key, whole_key = M.normalise_metric(names[0], cfg), M.normalise_metric(whole_name, cfg)
            found = [(a, b) for (ka, kind, unit), a in once.items() if ka == part_key and kind == "MONEY"
                     for b in [once.get((whole_key, kind, unit))] if b is not None]
            if len(found) != 1:
                continue
            a, b = found[0]
            if b.m.base_value < a.m.base_value:
                continue
            want = _share_off(pct, a, b)
            if want is None:
                continue
            f = _share_finding(report, pct, a, b, want)
            f.evidence = [M.para_evidence(report, pct.para, cs, pct.j), a.evidence(report), b.evidence(report)]
            out.append(f)
    return out


def _named_shares(report, nums: list[M.Num], cfg: dict) -> list:
    """'A万元，占项目支出的P%': the whole is named after 占 and its figure is written once
    elsewhere in the report (项目支出1,451.73万元)."""
    out = []
    once = _written_once(nums)
    for items, k, pct, a in _percent_after_figure(nums):
        text = pct.para.text
        m = P.fullmatch(text[a.j: pct.i], P.named("share_of_name"))
        if m is None or a.m.kind not in ("MONEY", "COUNT", "AREA", "QUANTITY") or not a.m.base_value:
            continue
        key = M.normalise_metric(m.group(1), cfg)
        if key == a.key:
            continue
        whole = once.get((key, a.m.kind, a.m.base_unit or ""))
        if whole is None:
            continue  # the whole is not written, or written with two values
        if whole.m.base_value < a.m.base_value:
            continue
        want = _share_off(pct, a, whole)
        if want is None:
            continue
        f = _share_finding(report, pct, a, whole, want)
        f.evidence = [M.para_evidence(report, pct.para, a.i, pct.j), whole.evidence(report)]
        out.append(f)
    return out


def _share_off(pct: M.Num, a: M.Num, b: M.Num) -> float | None:
    """a / b in percent when the written percent misses it beyond the rounding of all
    three figures; None when it agrees or a figure is not exact."""
    if any((n.m.qualifier or "exact") != "exact" for n in (a, b)) or not a.m.base_value or not b.m.base_value:
        return None
    want = a.m.base_value / b.m.base_value * 100
    tol = M.half_ulp(pct.m) + want * (M.half_ulp(a.m) / a.m.base_value + M.half_ulp(b.m) / b.m.base_value) + 1e-9
    return None if M.agrees(pct.m.base_value, want, tol) else want


def _percent_after_figure(nums: list[M.Num]):
    """Each percent with the figure written just before it, paragraph by paragraph."""
    for items in _by_paragraph(nums):
        for k, pct in enumerate(items):
            if pct.m.kind == "PERCENT" and pct.m.base_value is not None and k > 0:
                yield items, k, pct, items[k - 1]


def _share_finding(report, pct: M.Num, a: M.Num, b: M.Num, want: float):
    return make_finding(
        CODE, "medium", "NUM.ARITH.share",
        {"part": a.m.text, "whole": b.m.text, "computed": f"{want:.2f}", "written": pct.m.text},
        [M.para_evidence(report, pct.para, min(a.i, b.i), pct.j)],
        {"written": pct.m.base_value, "computed": round(want, 4)},
        roles="claim",
    )


def _part_shares(report, nums: list[M.Num], cfg: dict) -> list:
    """'共N户，其中A户，占总户数的P%' (or 占比P%): the whole is named, not written, after
    占; it is the total the 其中 list hangs on."""
    out = []
    for items, k, pct, a in _percent_after_figure(nums):
        text = pct.para.text
        # a 其中 list may run over semicolons (其中基本支出…，占62.52%；项目支出…，占37.48%)
        s, _ = M.clause_bounds(text, pct.i, pct.j, M.SENTENCE_BREAK - {"；", ";"})
        s = statement_start(text, s)
        gap = text[a.j: pct.i]
        zhan = gap.find("占")
        if a.i < s or zhan < 0 or not P.match(gap[zhan:], P.named("share_of_total")):
            continue
        cue = text.rfind("其中", s, a.i)
        if cue < 0 or "。" in text[cue: a.i]:
            continue
        whole = [n for n in items[:k - 1] if s <= n.i and n.j <= cue and n.m.kind == a.m.kind
                 and (n.m.base_unit or "") == (a.m.base_unit or "") and not (n.scopes & {"change", "share"})]
        if not whole or (a.m.base_value or 0) > (whole[-1].m.base_value or 0):
            continue
        want = _share_off(pct, a, whole[-1])
        if want is not None:
            out.append(_share_finding(report, pct, a, whole[-1], want))
    return out


def _by_paragraph(nums: list[M.Num]) -> list[list[M.Num]]:
    """Numbers grouped by paragraph, each group in text order."""
    groups: dict[str, list[M.Num]] = {}
    for n in nums:
        groups.setdefault(n.para.id, []).append(n)
    return [sorted(g, key=lambda n: n.i) for g in groups.values()]


def check_word_rates(report, nums: list[M.Num], cfg: dict) -> list:
    """A rate named in words after the two counts it is made of, in one sentence:
    "受理案件N件，审结M件，结案率P%" — P must be M/N. Each count must be named by its own
    verb (one numerator, one denominator, no other candidate), in one unit, both exact."""
    acfg = cfg.get("arithmetic", {})
    money_rates = acfg.get("money_rates") or {}
    rates = {**(acfg.get("word_rates") or {}), **money_rates}
    open_cues = acfg.get("word_rate_open_cues") or []
    out = []
    for items in _by_paragraph(nums):
        for k, pct in enumerate(items):
            if pct.m.kind != "PERCENT" or pct.m.base_value is None or (pct.m.qualifier or "exact") != "exact":
                continue
            if pct.scopes & {"change", "share", "per", "part"}:
                continue
            name = M.normalize(pct.metric)
            name = P.strip(name, P.named("rate_lead_verbs"))
            rate = next((r for r in sorted(rates, key=len, reverse=True) if name.endswith(r)), None)
            generic = rate is None
            if generic:
                rate, num_words, den_words = _generic_rate(name, acfg)
                if rate is None:
                    continue
            else:
                num_words, den_words = rates[rate]
            text = pct.para.text
            s, _ = M.clause_bounds(text, pct.i, pct.j, M.SENTENCE_BREAK)
            if any(w in text[s:pct.i] for w in open_cues):
                continue
            kinds = ("MONEY",) if rate in money_rates else ("COUNT", "QUANTITY", "AREA") if generic else ("COUNT",)
            kind = kinds[0]
            counts = [n for n in items[:k] if n.i >= s and n.m.kind in kinds and n.m.base_value
                      and n.m.unit and not (n.scopes & {"per", "change", "share", "part"})
                      and (not generic or (n.m.qualifier or "exact") == "exact")]

            def named(n, yes, no):
                own = M.normalize(n.metric)
                if generic:  # 计划为65岁以上老人体检12,000人: the plan word is the clause's
                    cs, _ = M.clause_bounds(text, n.i, n.j)
                    own = M.normalize(text[cs:n.i])
                return any(w in own for w in yes) and not any(w in own for w in no)

            nums_ = [n for n in counts if named(n, num_words, den_words)]
            dens = [n for n in counts if named(n, den_words, num_words)]
            if generic and (len(nums_) != 1 or len(dens) != 1) and len(counts) == 2 and len(name) >= 3:
                # 可收集量146.3万吨，综合利用量132.6万吨，综合利用率93.4%: two figures, the
                # one named by the rate's verb over the other
                verb = name[-3:-1]
                nums_ = [n for n in counts if verb in M.normalize(n.metric)]
                dens = [n for n in counts if verb not in M.normalize(n.metric)]
            if len(nums_) != 1 or len(dens) != 1:
                continue
            a, b = nums_[0], dens[0]
            if (a.m.base_unit or "") != (b.m.base_unit or "") or a.m.base_value > b.m.base_value:
                continue
            if any((n.m.qualifier or "exact") != "exact" for n in (a, b)):
                continue
            want = a.m.base_value / b.m.base_value * 100
            tol = M.half_ulp(pct.m) + want * (M.half_ulp(a.m) / a.m.base_value + M.half_ulp(b.m) / b.m.base_value) + 1e-9
            if M.agrees(pct.m.base_value, want, tol):
                continue
            first = min(a.i, b.i, a.mi, b.mi)
            out.append(make_finding(
                CODE, "medium", "NUM.ARITH.word_rate_money" if kind == "MONEY" else "NUM.ARITH.word_rate_count",
                {"rate": M.display_metric(pct.metric, cfg), "numerator": a.m.text, "denominator": b.m.text,
                 "computed": f"{want:.2f}", "written": pct.m.text},
                [M.para_evidence(report, pct.para, first, pct.j)],
                {"written": pct.m.base_value, "computed": round(want, 4)},
                roles="claim",
            ))
    return out


def _generic_rate(name: str, acfg: dict) -> tuple[str | None, list[str], list[str]]:
    """A rate of work done against work planned or due, named by its verb (签约率 -> 签约):
    its numerator must be named done and carry that verb, its denominator planned or due."""
    g = acfg.get("generic_rates") or {}
    if not name.endswith("率") and not any(name.endswith(w) for w in g.get("any_verb") or []):
        return None, [], []
    if any(w in name for w in g.get("not_rates") or []):
        return None, [], []
    plan, done = list(g.get("plan_words") or []), list(g.get("done_words") or [])
    if any(name.endswith(w) for w in g.get("any_verb") or []):
        return name, done, plan
    verb = name[-3:-1]
    if len(verb) < 2:
        return None, [], []
    return name, [w + verb for w in done] + ["已经" + verb], plan + ["应" + verb]


def _per_measure(before: str, acfg: dict) -> str:
    """The measure word of a price per counted thing just before an amount (按每块260元 ->
    块), or ''."""
    at = before.rfind("每")
    if at < 0 or len(before) - at - 2 > 4:
        return ""
    w = before[at + 1:at + 2]
    return w if w in (acfg.get("per_unit_measures") or []) else ""


def check_per_capita(report, nums: list[M.Num], cfg: dict) -> list:
    """An implied product in one sentence: N人 …人均X元 … 共计T元 — T must be N × X
    within the rounding of the three figures. The count must be the only one of the
    per-cue's unit (人 for 人均/每人, 户 for 户均/每户) before the per amount."""
    acfg = cfg.get("arithmetic", {})
    per_cues = acfg.get("per_capita_cues") or {}
    total_cues = acfg.get("product_total_cues") or []
    skip = acfg.get("per_capita_open_cues") or []
    out = []
    for items in _by_paragraph(nums):
        for k, x in enumerate(items):
            if x.m.kind != "MONEY" or not x.m.base_value or (x.m.qualifier or "exact") != "exact":
                continue
            text = x.para.text
            cue = next((c for c in sorted(per_cues, key=len, reverse=True)
                        if 0 <= x.before.rfind(c) and len(x.before) - x.before.rfind(c) - len(c) <= 4), None)
            unit_char = str(per_cues[cue]) if cue is not None else _per_measure(x.before, acfg)
            if not unit_char:
                continue
            s, e = M.clause_bounds(text, x.i, x.j, M.SENTENCE_BREAK)
            counts = [n for n in items[:k] if n.i >= s and n.m.kind == "COUNT" and n.m.base_value
                      and ((n.m.unit or "").endswith(unit_char) or (n.m.base_unit or "") == unit_char)]
            totals = [n for n in items[k + 1:] if n.j <= e and n.m.kind == "MONEY" and n.m.base_value
                      and any(c in n.before for c in total_cues)]
            if len(counts) != 1 or not totals:
                continue
            if any(w in text[s:e] for w in skip):
                continue  # 每人每月200元 over 12 months: a product of more than two figures
            n_, t = counts[0], totals[0]
            if any((v.m.qualifier or "exact") != "exact" for v in (n_, t)):
                continue
            if any(v.scopes & {"change", "share", "part"} for v in (n_, t)):
                continue
            want = n_.m.base_value * x.m.base_value
            tol = (x.m.base_value * M.half_ulp(n_.m) + n_.m.base_value * M.half_ulp(x.m)
                   + M.half_ulp(t.m)) * 1.0001 + 1e-6
            if abs(t.m.base_value - want) <= tol:
                continue
            after = [n for n in items[k + 1:] if n.j <= e and n.m.kind == "MONEY" and n.m.base_value and n is not t]
            if any(abs(n.m.base_value - want) <= tol + M.half_ulp(n.m) for n in after):
                continue  # 5家，每家30万元，计150万元，合计430万元: the product is written, the 合计 sums more
            out.append(make_finding(
                CODE, "medium", "NUM.ARITH.per_capita",
                {"count": n_.m.text, "per_head": x.m.text, "computed": M.fmt_money(want), "written": t.m.text},
                [M.para_evidence(report, x.para, min(n_.mi, n_.i), t.j)],
                {"written": t.m.base_value, "computed": round(want, 4)},
                roles="total",
            ))
    return out


RULE = Rule(
    id="NUM.ARITH", code=CODE, severity="medium",
    summary_zh="报告中写出的比率、合计、占比或乘积与其自身的运算数不符",
    summary_en="A rate, sum, share or product written in the report that its own operands do not give",
    example="项目资金合计2455.5万元，其中省级资金87.5万元、市级资金2350万元。",
    params=(
        Param("min_cover", "detect_numeric.yaml:arithmetic.min_cover",
              "parts below their total are a slip only when they cover at least this share of it"),
        Param("count_min_cover", "detect_numeric.yaml:arithmetic.count_min_cover",
              "the same for counts"),
    ),
    confidence=0.9,
    messages=("NUM.ARITH.expression", "NUM.ARITH.completion_rate", "NUM.ARITH.adjustment_rate",
              "NUM.ARITH.adjustment", "NUM.ARITH.sum", "NUM.ARITH.share", "NUM.ARITH.word_rate_money",
              "NUM.ARITH.word_rate_count", "NUM.ARITH.per_capita"),
)


@register(RULE)
def detect(ctx: Context):
    cfg = M.config()
    report = ctx.report
    index = M.ParagraphIndex(report)
    nums = M.enrich(report, ctx.mentions, cfg, index)
    findings = []
    findings += check_budget(report, index)
    findings += check_expressions(report, index)
    findings += check_parts(report, nums, cfg)
    findings += check_sums_after(report, nums, cfg)
    findings += check_shares(report, nums, cfg)
    findings += check_word_rates(report, nums, cfg)
    findings += check_per_capita(report, nums, cfg)
    return _one_per_written_figure(findings)


def _one_per_written_figure(findings: list) -> list:
    """One finding per written figure: the budget's 执行率 read from the budget lines and again
    as a rate written beside its amounts in prose is one wrong figure (the first kept)."""
    kept: list = []
    for f in findings:
        a = f.evidence[0] if f.evidence else None
        if a is not None and any(
                g.evidence and g.evidence[0].paragraph == a.paragraph
                and ((a.start <= g.evidence[0].start and g.evidence[0].end <= a.end)
                     or (g.evidence[0].start <= a.start and a.end <= g.evidence[0].end))
                for g in kept):
            continue
        kept.append(f)
    return kept
