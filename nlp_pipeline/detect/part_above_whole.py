"""IMPLAUSIBLE_MAGNITUDE (part above its whole): an amount given as a part of a budget or
total that is larger than that whole (「项目总预算120万元，其中购置设备支出136万元」).

In one statement, the whole is the last amount before a breakdown word (其中, 分别为:
concept ``breakdown`` of lexicons/cues.yaml), a part any amount after it. A part above
its whole by more than the rounding of both as written cannot be: one of them is in the
wrong unit or wrong. A part of another kind (a percentage, a count) is not compared; an
amount that the statement marks as over the plan (超支, 超出) is the report's own point.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Rule, make_finding, register
from nlp_pipeline.text.annotate import Cues, default_cues

CODE = "IMPLAUSIBLE_MAGNITUDE"
OVER_WORDS = ("超支", "超出", "超过预算", "追加")

RULE = Rule(
    id="NUM.PART_ABOVE_WHOLE", code=CODE, severity="high", name="PART_ABOVE_WHOLE",
    summary_zh="分项金额大于其所属的预算或合计金额",
    summary_en="An amount given as part of a budget or total that is larger than the whole",
    example="项目总预算120万元，其中购置设备支出136万元。",
    confidence=0.85,
    explain_zh="分项{part}大于其所属的{whole}",
    explain_en="the part {part} is larger than its whole {whole}",
)


def _in_statement(items: list[M.Num], text: str, s: int, e: int, cues: Cues):
    money = [n for n in items if n.m.kind == "MONEY" and n.m.base_value and n.m.qualifier == "exact"]
    opens = [a for a, _ in cues.find(text[s:e], "breakdown")]
    if not opens or any(w in text[s:e] for w in OVER_WORDS):
        return
    cut = s + opens[0]
    # the whole is the amount the breakdown follows (…860万元，其中…)
    wholes = [n for n in money if n.i < cut]
    if not wholes:
        return
    whole = wholes[-1]
    for part in (n for n in money if n.i > cut):
        if part.m.base_value > whole.m.base_value + M.half_ulp(part.m) + M.half_ulp(whole.m):
            yield whole, part
            return


def _name(n: M.Num, cues: Cues) -> str:
    name = n.metric or n.key or ""
    for a, b in cues.find(name, "breakdown")[:1]:
        if a == 0:
            name = name[b:]
    return name


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    findings = []
    for para, s, e, inside in M.by_statement(M.enrich(report, ctx.mentions, M.config()), skip=("G",)):
        pid = para.id
        for whole, part in _in_statement(inside, para.text, s, e, cues):
            ev = [M.para_evidence(report, para, n.i, n.j) for n in (whole, part)]
            ev[0].role, ev[1].role = "total", "part"
            w = f"{_name(whole, cues)}{whole.m.text}"
            p = f"{_name(part, cues)}{part.m.text}"
            findings.append(make_finding(
                CODE, "high",
                f"{pid}中分项「{p}」大于其所属的「{w}」，分项不可能超过整体，疑为金额或单位错误",
                f"{pid}: the part {part.m.text} is larger than its whole {whole.m.text}",
                ev, {"whole": w, "part": p},
            ))
    return findings
