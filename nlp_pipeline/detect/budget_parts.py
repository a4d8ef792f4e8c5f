"""ARITHMETIC_MISMATCH (budget rows): the rows of a form's 项目资金 block under its total
(其中：当年财政拨款 / 上年结转资金 / 其他资金) that do not add up to the total, column by
column (年初预算数, 全年预算数, 全年执行数). A form that splits its total twice, by source and by
kind (资金来源：（1）财政拨款 （2）其他资金 / 资金结构：（1）基本支出 （2）项目支出), has two lists,
each summed on its own: a row that opens a numbered list anew begins the second.

The rows of the official template are a partition of the total, so their sum must be it
within the rounding of the figures as written. A column is checked where at least
``MIN_ROWS`` rows were read and each of them gives a figure there (a dash or an empty cell
is nothing written, read as 0 only when another row of the column is written); a sum
above the total is a slip whatever else is missing. One finding per block, naming every
column that does not add up.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, phrase, phrases, register
from nlp_pipeline.ingest.labels import item_number
from nlp_pipeline.model import BudgetValue
from nlp_pipeline.text.normalize import normalize

CODE = "ARITHMETIC_MISMATCH"
MIN_ROWS = 2  # rows under the total a column needs before it is summed
# the columns summed, each with the message naming it
COLUMNS = {"initial_budget": "NUM.BUDGET_PARTS.initial_budget", "adjusted_budget": "NUM.BUDGET_PARTS.adjusted_budget",
           "actual_spending": "NUM.BUDGET_PARTS.actual_spending"}

RULE = Rule(
    id="NUM.BUDGET_PARTS", code=CODE, severity="high", name="BUDGET_PARTS",
    summary_zh="项目资金表中各来源行（当年财政拨款、上年结转等）之和与年度资金总额不符",
    summary_en="The source rows of a form's funds block (this year's appropriation, carry-over …) "
               "do not add up to its total",
    example="年度资金总额 全年执行数1,468.35；其中：中央补助982.60，省级补助337.75，县级配套158.00。",
    params=(Param("min_rows", "MIN_ROWS", "rows under the total a column needs before it is summed"),),
    confidence=0.85,
    explain_zh="{computation}",
    explain_en="{computation}",
    messages=("NUM.BUDGET_PARTS.main", "NUM.BUDGET_PARTS.column", "NUM.BUDGET_PARTS.initial_budget",
              "NUM.BUDGET_PARTS.adjusted_budget", "NUM.BUDGET_PARTS.actual_spending", "NUM.BUDGET_PARTS.rate"),
)


def _half(v: BudgetValue) -> float:
    t = M.normalize(v.text).replace(",", "").rstrip("%")
    return 0.5 * 10 ** -(len(t.split(".", 1)[1]) if "." in t else 0)


def _column(total: BudgetValue, cells: list[BudgetValue | None]) -> float | None:
    """The sum of a column's rows when it misses the total, else None."""
    written = [c for c in cells if c is not None]
    if len(cells) < MIN_ROWS or not written:
        return None
    got = sum(c.value for c in written)
    tol = _half(total) + sum(_half(c) for c in written) + 1e-9
    if abs(got - total.value) <= tol:
        return None
    if got < total.value and len(written) < len(cells):
        return None  # a row left blank may be what is missing
    return got


def _rates(report, index) -> list:
    """A row's 执行率 that its own 执行数 over its 预算数 does not give (项目支出 536.47 of
    577.50 is 92.90%, written 95.12%): (params, evidence)."""
    out = []
    for p in report.budget.parts:
        rate, spent = p.values.get("completion_rate"), p.values.get("actual_spending")
        base = p.values.get("adjusted_budget") or p.values.get("initial_budget")
        if rate is None or spent is None or base is None or not base.value:
            continue
        want = spent.value / base.value * 100
        if M.agrees(rate.value, want, M.half_written(rate) + 0.01):
            continue
        ev = [M.evidence_at(report, index, v.start, v.end) for v in (rate, spent, base)]
        for e, role in zip(ev, ("claim", "part", "total")):
            e.role = role
        out.append(({"row": p.label.replace("其中：", "").replace("其中:", ""), "spent": spent.text,
                     "base": base.text, "computed": f"{want:.2f}", "written": rate.text}, ev))
    return out


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    b = report.budget
    index = M.ParagraphIndex(report)
    findings = [make_finding(CODE, "high", "NUM.BUDGET_PARTS.rate", params, ev,
                             {"computed": params["computed"], "written": params["written"]})
                for params, ev in _rates(report, index)]
    bad, ev = [], []
    for col, column_id in COLUMNS.items():
        total = getattr(b, col)
        if total is None:
            continue
        for group in _groups(b.parts):
            _check_column(report, index, total, [p.values.get(col) for p in group], column_id, bad, ev)
    if not bad:
        return findings
    comp = phrases("computation", "NUM.BUDGET_PARTS.column", bad, sep=("；", "; "))
    return findings + [make_finding(CODE, "high", "NUM.BUDGET_PARTS.main", {**comp}, ev,
                                    {"columns": [x["column_zh"] for x in bad], "computation": comp["computation_zh"]})]


FIRST_NUMBERS = ("1", "一", "①", "⑴", "Ⅰ")  # the first item's number in each numbering style


def _first_item(label: str) -> bool:
    """The row opens a numbered list (（1）财政拨款; 资金结构：（1）基本支出), by the item numbers
    the reader knows (ingest/labels.py)."""
    core = normalize(label).replace("其中：", "").replace("其中:", "").strip()
    for sep in ("：", ":"):
        if sep in core:
            core = core.split(sep, 1)[1].strip()  # the list's own label (资金结构：) before its first item
    written = (item_number(core)[1] or "").strip("()（）.、．,， ")
    return written in FIRST_NUMBERS


def _groups(parts: list) -> list[list]:
    """The rows under the total, split where a second numbered list begins: a department
    form gives the same total twice, by source (（1）财政拨款 （2）其他资金) and by kind
    (（1）基本支出 （2）项目支出), each a partition of its own."""
    groups: list[list] = [[]]
    for p in parts:
        if groups[-1] and _first_item(p.label):
            groups.append([])
        groups[-1].append(p)
    return [g for g in groups if len(g) >= MIN_ROWS]


def _check_column(report, index, total: BudgetValue, cells: list, column_id: str, bad: list, ev: list) -> None:
    got = _column(total, cells)
    if got is not None:
        parts = [c for c in cells if c is not None]
        bad.append({**phrase("column", column_id), "parts": "+".join(c.text for c in parts),
                    "sum": M.fmt(round(got, 4)), "total": total.text})
        ev.append(M.evidence_at(report, index, total.start, total.end))
        ev[-1].role = "total"
        for c in parts:
            ev.append(M.evidence_at(report, index, c.start, c.end))
            ev[-1].role = "part"
