"""DATE_OUT_OF_PERIOD (interim): a year-end report that speaks of the year as still
running (「今年以来」, 「年初至今」, 「今年上半年」), words copied from a mid-year report.

A self-evaluation report (自评报告, 自评表) covers a whole year that has ended when it is
written: its results are 全年, never 今年以来. Only the parts that report results (O, P, K,
task completion texts) are read; the phrases are the concept ``interim_period`` of
lexicons/cues.yaml. A report whose title names a half year or a quarter (上半年, 季度) is
an interim report and is not read.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Rule, make_finding, register
from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.text.segment import split_sentences

CODE = "DATE_OUT_OF_PERIOD"
INTERIM_TITLES = ("上半年", "季度", "月份", "1-6月", "中期")

RULE = Rule(
    id="NUM.INTERIM", code=CODE, severity="low", name="INTERIM_PERIOD",
    summary_zh="年度自评报告中出现“今年以来”“年初至今”等年中表述，疑为照搬年中材料",
    summary_en="A year-end report that speaks of the year as still running (\"since the start of this year\"), words of a mid-year report",
    example="（2023年度自评报告）今年以来，累计发放临时救助金36.5万元。",
    confidence=0.7,
    explain_zh="年度报告的结果表述中出现年中用语「{phrase}」",
    explain_en="the mid-year phrase 「{phrase}」 in the results of a year-end report",
    messages=("NUM.INTERIM.main",),
)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    # the reader may not take a title from every layout: the first line names the report
    title = report.title or report.text.lstrip()[:80].split("\n", 1)[0]
    if any(w in title for w in INTERIM_TITLES):
        return []
    cues = default_cues()
    paras = [p for s in ("O", "P", "K") for p in report.paragraphs(s) if p.kind != "goal"]
    paras += [t.outcome for t in report.tasks if t.outcome is not None]
    findings = []
    for p in paras:
        spans = cues.find(p.text, "interim_period")
        if not spans:
            continue
        s0, _ = spans[0]
        a, b = next(((a, b) for a, b in split_sentences(p.text) if a <= s0 < b), spans[0])
        while b > a and p.text[b - 1] in "。；;，, ":
            b -= 1
        ev = M.para_evidence(report, p, a, b)
        ev.role = "claim"
        phrase = p.text[spans[0][0]:spans[0][1]]
        findings.append(make_finding(
            CODE, "low", "NUM.INTERIM.main",
            {"paragraph": p.id, "year": report.year or "", "phrase": phrase, "quote": M.normalize(ev.quote)[:60]},
            [ev], {"phrase": phrase, "report_year": report.year},
        ))
    return findings
