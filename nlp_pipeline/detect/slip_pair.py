"""IMPLAUSIBLE_MAGNITUDE (a pair 10,000 apart): the same amount written twice in a report,
once a factor of 10,000 away from the other (「依法收缴罚没款864,000万元」 and 「罚没收入86.4万元」):
one of them has its unit wrong (元 for 万元 or 万元 for 元).

Two amounts are the same amount when their digits as written are the same once the
separators, the decimal point and trailing zeros are set aside, their values are
``10**SLIP_POWER`` apart, and the words naming them share content (two characters in a
row: 罚没). Amounts that are parts of one breakdown are not compared.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import bigrams, compact
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register

CODE = "IMPLAUSIBLE_MAGNITUDE"
SLIP_POWER = 4
MIN_DIGITS = 2  # significant digits an amount needs before its digits identify it

RULE = Rule(
    id="NUM.SLIP_PAIR", code=CODE, severity="high", name="SLIP_PAIR",
    summary_zh="同一金额在两处相差一万倍（单位写错）",
    summary_en="The same amount written in two places a factor of 10,000 apart (a unit slip)",
    example="依法收缴罚没款864,000万元……全年罚没收入86.4万元。",
    params=(Param("slip_power", "SLIP_POWER", "power of ten between the two writings"),),
    confidence=0.85,
    explain_zh="{first}与{second}数字相同、相差{factor}倍",
    explain_en="{first} and {second} have the same digits and are a factor of {factor} apart",
    messages=("NUM.SLIP_PAIR.main",),
)


def _digits(text: str) -> str:
    d = "".join(ch for ch in M.normalize(text) if ch.isdigit())
    return d.strip("0")


def _words(n: M.Num) -> set[str]:
    name = (n.metric or n.key or "").replace("：", ":").rsplit(":", 1)[-1]
    return {g for g in bigrams(compact(name)[0]) if not any(ch.isdigit() for ch in g)}


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    money = [n for n in M.enrich(report, ctx.mentions, M.config())
             if n.m.kind == "MONEY" and n.m.base_value and n.m.qualifier == "exact"
             and len(_digits(n.m.text)) >= MIN_DIGITS]
    factor = 10 ** SLIP_POWER
    pairs = []
    for i, a in enumerate(money):
        for b in money[i + 1:]:
            big, small = (a, b) if a.m.base_value > b.m.base_value else (b, a)
            if abs(big.m.base_value / small.m.base_value - factor) > factor * 1e-6:
                continue
            if _digits(a.m.text) != _digits(b.m.text) or not (_words(a) & _words(b)):
                continue
            pairs.append((a, b))
    # one slip written against several right copies (2089元 against three 2089萬元) is one
    # finding: the figure in most pairs is the odd one, its partners the evidence
    degree: dict[int, int] = {}
    for a, b in pairs:
        for n in (a, b):
            degree[n.m.start] = degree.get(n.m.start, 0) + 1
    groups: dict[int, list] = {}
    for a, b in pairs:
        hub, other = (a, b) if degree[a.m.start] >= degree[b.m.start] else (b, a)
        groups.setdefault(hub.m.start, [hub]).append(other)
    findings = []
    for hub, *others in groups.values():
        a, b = sorted((hub, others[0]), key=lambda n: n.m.start)
        ev = [M.para_evidence(report, n.para, n.i, n.j) for n in sorted([hub, *others], key=lambda n: n.m.start)]
        vals = {"first": f"{a.metric or ''}{a.m.text}（{a.para.id}）", "second": f"{b.metric or ''}{b.m.text}（{b.para.id}）",
                "factor": f"{factor:,}", "copies": len(others)}
        findings.append(make_finding(
            CODE, "high", "NUM.SLIP_PAIR.main",
            {"factor": vals["factor"],
             "first_metric": a.metric or "", "first": a.m.text, "first_paragraph": a.para.id,
             "second_metric": b.metric or "", "second": b.m.text, "second_paragraph": b.para.id},
            ev, vals,
        ))
    return findings
