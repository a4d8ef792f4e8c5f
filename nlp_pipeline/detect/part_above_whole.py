"""IMPLAUSIBLE_MAGNITUDE (part above its whole): an amount, area or quantity given as a part
of a total that is larger than that whole (「项目总预算120万元，其中购置设备支出136万元」,
「建成高标准农田3.2万亩，其中高效节水灌溉面积4.6万亩」).

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
# measures a whole and its parts share (万亩 of farmland, 吨, 公里); a count in a generic
# measure word (个, 项) may count other things after 其中 (12个项目，其中5个乡镇)
MEASURES = ("MONEY", "AREA", "QUANTITY", "COUNT")
# (分 is a score: 效益指标25分 and an item's 27.5分 of a different total)
GENERIC_COUNT_UNITS = ("个", "项", "次", "件", "处", "批", "类", "种", "分")

RULE = Rule(
    id="NUM.PART_ABOVE_WHOLE", code=CODE, severity="high", name="PART_ABOVE_WHOLE",
    summary_zh="分项金额或数量大于其所属的预算或合计",
    summary_en="An amount or quantity given as part of a budget or total that is larger than the whole",
    example="项目总预算120万元，其中购置设备支出136万元。",
    confidence=0.85,
    explain_zh="分项{part}大于其所属的{whole}",
    explain_en="the part {part} is larger than its whole {whole}",
    messages=("NUM.PART_ABOVE_WHOLE.main",),
)


def _in_statement(items: list[M.Num], text: str, s: int, e: int, cues: Cues):
    money = [n for n in items if n.m.kind in MEASURES and n.m.base_value and n.m.qualifier == "exact"
             and not (n.m.kind == "COUNT" and (not n.m.unit or n.m.unit in GENERIC_COUNT_UNITS))]
    opens = [a for a, _ in cues.find(text[s:e], "breakdown")]
    if not opens or any(w in text[s:e] for w in OVER_WORDS):
        return
    cut = s + opens[0]
    # the whole is the amount the breakdown follows (…860万元，其中…); a change (同比增加
    # 189.25万元, 压减34.20万元) or a part of another breakdown is no whole
    wholes = [n for n in money if n.i < cut and not (n.scopes & {"change", "part", "per", "share"})]
    if not wholes:
        return
    whole = wholes[-1]
    parts = [n for n in money if n.i > cut and n.m.kind == whole.m.kind
             and (n.m.base_unit or "") == (whole.m.base_unit or "")]
    if any("change" in n.scopes for n in parts):
        return  # 其中…调减2.66万元, 造林补助2.42万元: a net figure, whose parts may exceed it
    for part in parts:
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
            names = {"part_name": _name(part, cues), "part": part.m.text,
                     "whole_name": _name(whole, cues), "whole": whole.m.text}
            findings.append(make_finding(
                CODE, "high", "NUM.PART_ABOVE_WHOLE.main", {"paragraph": pid, **names},
                ev, {"whole": names["whole_name"] + whole.m.text, "part": names["part_name"] + part.m.text},
            ))
    return findings
