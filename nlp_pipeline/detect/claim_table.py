"""CLAIM_CONTRADICTED (a whole claim against the indicator table): an outcome or
performance statement that claims the whole of a piece of work done (重大事故隐患均已完成整改
并销号, 实现全覆盖) while the report's own indicator row for that work gives a rate below
100% against a target of 100% (重大事故隐患整改率 100% | 92.86%).

The claim is a statement of O, P or K holding a ``whole_done`` phrase of lexicons/cues.yaml
(the clause around it names the work); the row is an indicator whose target is 100% and
whose result is a percentage below it by more than its rounding. They speak of the same
work when the indicator's name shares at least ``MIN_SHARED`` two-character words with the
claim's clause, one of them beside the claim phrase. One finding per claim.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import work_words
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text import extract_numbers
from nlp_pipeline.text.annotate import default_cues, statements
from nlp_pipeline.text.segment import plain_clauses

CODE = "CLAIM_CONTRADICTED"
MIN_SHARED = 2  # two-character words an indicator's name must share with the claim's clause
CLAIM_SECTIONS = ("O", "P", "K")
FULL = 100.0

RULE = Rule(
    id="TXT.CLAIM_TABLE", code=CODE, severity="high", name="CLAIM_TABLE",
    summary_zh="完成情况声称某项工作已全部完成，同一报告指标表中该项工作的完成比率却低于100%",
    summary_en="An outcome claims a piece of work wholly done while the report's own indicator row gives it below 100%",
    example="O1：重大事故隐患均已完成整改并销号。指标表：重大事故隐患整改率 | 100% | 92.86%",
    params=(Param("min_shared", "MIN_SHARED", "two-character words the indicator's name must share with the claim"),),
    confidence=0.8,
    explain_zh="「{claim}」与指标“{name}”（目标{target}，实际{actual}）说的是同一项工作（共同词语：{shared}）",
    explain_en="「{claim}」 and indicator \"{name}\" (target {target}, result {actual}) speak of the same work (shared words: {shared})",
    messages=("TXT.CLAIM_TABLE.main",),
)

_words = work_words


def _short_rows(report):
    """Indicator rows with a 100% target and a percentage result below it."""
    for task in report.tasks:
        for ind in task.indicators:
            if ind.name_paragraph is None or ind.result_paragraph is None or not ind.target or not ind.result:
                continue
            t = [m for m in extract_numbers(ind.target) if m.kind == "PERCENT"]
            a = [m for m in extract_numbers(ind.result) if m.kind == "PERCENT"]
            if len(t) != 1 or len(a) != 1 or t[0].value != FULL or t[0].qualifier not in ("exact", "lower"):
                continue
            if a[0].value is None or a[0].value >= FULL - M.half_ulp(a[0]):
                continue
            yield ind, t[0], a[0]


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    rows = list(_short_rows(report))
    if not rows:
        return []
    findings = []
    for p in report.paragraphs():
        if p.section not in CLAIM_SECTIONS or p.kind == "goal":
            continue
        for a, b in statements(p.text):
            text = p.text[a:b]
            spans = cues.find(text, "whole_done")
            if not spans or cues.has(text, "not_done"):
                continue
            cs, ce = next(((x, y) for x, y in plain_clauses(text) if x <= spans[0][0] < y), (0, len(text)))
            words = _words(text[cs:spans[0][0]])
            for ind, t, act in rows:
                shared = words & _words(ind.name_paragraph.text)
                if len(shared) < MIN_SHARED:
                    continue
                phrase = text[spans[0][0]:spans[0][1]]
                np_, rp = ind.name_paragraph, ind.result_paragraph
                findings.append(make_finding(
                    CODE, "high", "TXT.CLAIM_TABLE.main",
                    {"paragraph": p.id, "claim": phrase, "name": np_.text, "target": t.text, "actual": act.text},
                    [M.para_evidence(report, p, a + cs, a + ce), M.para_evidence(report, np_, 0, len(np_.text)),
                     M.para_evidence(report, rp, 0, len(rp.text))],
                    {"claim": text[cs:ce].strip(), "name": np_.text, "target": t.text, "actual": act.text,
                     "shared": "、".join(sorted(shared)[:4])},
                    roles=["claim", "counter", "counter"],
                ))
                break
            else:
                continue
            break
    return findings
