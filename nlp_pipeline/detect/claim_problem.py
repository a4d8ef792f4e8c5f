"""CLAIM_CONTRADICTED (a whole claim against the problems): an outcome or performance
statement that claims the whole of a piece of work done (已全部整改到位, 实现应补尽补, 全部纳入
补贴范围) while the problems section says part of that same work was not (仍有23户至年底尚未
整改销号, 37名符合条件的对象未能纳入当年补贴).

The claim is a statement of O, P or K holding a ``whole_done`` phrase of lexicons/cues.yaml;
the counter a clause of the problems (Q) holding a ``shortfall_admitted`` phrase. They speak
of the same work when the clause shares at least ``MIN_SHARED`` two-character words with the
claim's statement besides the claim phrase and stock words (全年, 年底 …), one of them the
work's own verb or object next to the claim (整改, 纳入, 发放). One finding per claim.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import lexicon, work_words
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.annotate import default_cues, statements
from nlp_pipeline.text.segment import plain_clauses

CODE = "CLAIM_CONTRADICTED"
MIN_SHARED = 2  # two-character words a problem clause must share with the claim
CLAIM_SECTIONS = ("O", "P", "K")

RULE = Rule(
    id="TXT.CLAIM_PROBLEM", code=CODE, severity="high", name="CLAIM_PROBLEM",
    summary_zh="完成情况声称某项工作已全部完成（应补尽补、全部整改到位），存在问题却写明同一工作仍有未完成",
    summary_en="An outcome claims a piece of work wholly done while the problems say part of the same work was not",
    example="O2：问题户厕已全部整改到位。Q1：仍有23户至年底尚未整改销号。",
    params=(Param("min_shared", "MIN_SHARED", "two-character words a problem clause must share with the claim"),),
    confidence=0.8,
    explain_zh="「{claim}」与存在问题中的「{counter}」说的是同一项工作（共同词语：{shared}）",
    explain_en="「{claim}」 and the problem 「{counter}」 speak of the same work (shared words: {shared})",
    messages=("TXT.CLAIM_PROBLEM.main",),
)


_words = work_words


def _claims(report, implied_words: dict):
    cues = default_cues()
    for p in report.paragraphs():
        if p.section not in CLAIM_SECTIONS:
            continue
        for a, b in statements(p.text):
            text = p.text[a:b]
            spans = cues.find(text, "whole_done")
            if not spans or cues.has(text, "shortfall_admitted") or cues.has(text, "not_done"):
                continue
            # what is claimed done: the clause around the claim, not the rest of the sentence
            # (新增服务站6个，8所敬老院全部完成消防改造: the 敬老院 work)
            cs, ce = next(((x, y) for x, y in plain_clauses(text) if x <= spans[0][0] < y), (0, len(text)))
            phrase = text[spans[0][0]:spans[0][1]]
            implied = {w for k, ws in implied_words.items() if k in phrase for w in ws}
            yield p, a, b, _words(text[cs:ce]) | implied, phrase


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    # a clause admitting the shortfall, read with the words of its whole sentence (the work
    # is often named a clause before: 理化实验室改造工程因…流标，截至年底仍未完工验收)
    problems = [(q, a, b, _words(q.text[sa:sb])) for q in report.paragraphs("Q") for sa, sb in statements(q.text)
                for a, b in plain_clauses(q.text) if sa <= a < sb and cues.has(q.text[a:b], "shortfall_admitted")]
    findings = []
    implied = (lexicon(ctx, "cues_claims.yaml") or {}).get("claim_implied_words") or {}
    for p, a, b, words, phrase in _claims(report, implied):
        for q, qa, qb, qwords in problems:
            shared = words & qwords
            if len(shared) < MIN_SHARED:
                continue
            claim, counter = p.text[a:b].strip(), q.text[qa:qb].strip(" ，,；;。")
            joined = "、".join(sorted(shared)[:4])
            findings.append(make_finding(
                CODE, "high", "TXT.CLAIM_PROBLEM.main",
                {"paragraph": p.id, "claim": phrase, "problem": q.id, "counter": counter},
                [M.para_evidence(report, p, a, b), M.para_evidence(report, q, qa, qb)],
                {"claim": claim, "counter": counter, "shared": joined},
                roles=["claim", "counter"],
            ))
            break
    return findings
