"""CLAIM_CONTRADICTED (whole against its rate): an outcome claims a state reached in full
(「全面实现进场交易项目全流程电子化」, 「实现集中供养全覆盖」) while the report gives the rate of
that same state below 100% (「电子化率98.60%」).

A claim is a clause of the outcome parts (O, P, K) holding a phrase of the concept
``whole_state`` (lexicons/cues.yaml). The rate answers it when its metric ends in 率 and
the name before 率 (电子化, its last ``STEM_MAX`` characters at most and at least
``STEM_MIN``) is written in the claim's clause after the cue. Rates of goals, of other
years and bounds (以上) are not read; neither is a claim that states a rate itself (the
claim then says what it means by "full").
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import short
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.text.segment import split_clauses, split_sentences

CODE = "CLAIM_CONTRADICTED"
CLAIM_SECTIONS = ("O", "P", "K")
RATE_END = "率"
STEM_MIN = 2  # characters of the rate's name before 率 that must stand in the claim
STEM_MAX = 4

RULE = Rule(
    id="NUM.WHOLE_RATE", code=CODE, severity="high", name="WHOLE_RATE",
    summary_zh="声称某项工作已全面实现（全覆盖），但报告给出的该项比率低于100%",
    summary_en="A state claimed reached in full (全面实现, 全覆盖) while the report gives its rate below 100%",
    example="全面实现进场交易项目全流程电子化。……全年电子化交易项目1,268宗，电子化率98.60%。",
    params=(Param("stem_min", "STEM_MIN", "characters of the rate's name that must stand in the claim"),),
    confidence=0.75,
    explain_zh="「{claim}」声称全面实现，而{rate_name}为{rate}，未达100%",
    explain_en="「{claim}」 claims the whole, while {rate_name} is {rate}, below 100%",
    messages=("NUM.WHOLE_RATE.main",),
)


def _claims(report, cues) -> list[tuple]:
    out = []
    for para in report.paragraphs():
        if para.section not in CLAIM_SECTIONS or para.kind == "goal":
            continue
        text = para.text
        for a, b in split_clauses(text):
            hits = cues.find(text[a:b], "whole_state")
            if hits and "%" not in M.normalize(text[a:b]):
                out.append((para, a, b, a + hits[0][1]))
    return out


def _stem(n: M.Num) -> str | None:
    name = _rate_name(n)
    if not name.endswith(RATE_END):
        return None
    stem = name[:-len(RATE_END)][-STEM_MAX:]
    return stem if len(stem) >= STEM_MIN else None


def _same_sentence(text: str, a: int, i: int) -> bool:
    return any(s <= a < e and s <= i < e for s, e in split_sentences(text))


def _rate_name(n: M.Num) -> str:
    return M.normalize(n.metric or "").strip().rstrip(" ：:为是达到")


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    claims = _claims(report, cues)
    if not claims:
        return []
    rates = [n for n in M.enrich(report, ctx.mentions, M.config())
             if n.m.kind == "PERCENT" and n.m.base_value is not None and n.m.base_value < 100
             and (n.m.qualifier or "exact") == "exact" and n.role != "target" and not n.other_year
             and n.para.section in CLAIM_SECTIONS and n.para.kind != "goal"]
    findings = []
    for para, a, b, after in claims:
        said = para.text[after:b]
        for n in rates:
            stem = _stem(n)
            if stem is None or stem not in said or (n.para is para and _same_sentence(para.text, a, n.i)):
                continue  # (全面推行预约诊疗，预约诊疗率为63.5%: the rate told with the claim is its measure)
            claim = para.text[a:b].strip("，,。；; ")
            findings.append(make_finding(
                CODE, "high", "NUM.WHOLE_RATE.main",
                {"paragraph": para.id, "claim": short(claim, 40), "rate_name": _rate_name(n), "rate": n.m.text,
                 "where": n.para.id},
                [M.para_evidence(report, para, a, b), n.evidence(report)],
                {"claim": claim, "rate": n.m.base_value}, roles=["claim", "counter"],
            ))
            break
    return findings
