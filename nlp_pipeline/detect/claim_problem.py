"""CLAIM_CONTRADICTED (a whole claim against the problems): an outcome or performance
statement that claims the whole of a piece of work done (已全部整改到位, 实现应补尽补, 全部纳入
补贴范围) while the problems section says part of that same work was not (仍有23户至年底尚未
整改销号, 37名符合条件的对象未能纳入当年补贴).

The claim is a statement of O, P or K holding a ``whole_done`` phrase of lexicons/cues.yaml,
or a ``whole_subject`` quantifier with a ``done_verb`` after it in one clause (全部改造户于年底前
顺利通过竣工验收; 项目11个…均按期交付使用). The counter is a clause of the problems (Q) holding a
``shortfall_admitted`` phrase (or a ``carried_over`` one: 延至次年1月才完工), or a clause of
another outcome paragraph that says the work is not done, runs late or is left for later
(``not_done``, ``delayed``, ``carried_over``: 提灌站因手续办理滞后，预计次年4月建成; 剩余批次
苗种调整至次年春季放流). They speak of the same work when the counter's sentence shares at least ``MIN_SHARED`` two-character
words with the claim's clause besides stock words (全年, 年底 …); a claim clause that names no
work of its own (实现应纳尽纳) is read with the clause before it. One finding per claim.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import lexicon, work_words
from nlp_pipeline.text.numbers import has_digit
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.annotate import default_cues, statements
from nlp_pipeline.text.segment import plain_clauses

CODE = "CLAIM_CONTRADICTED"
MIN_SHARED = 2  # two-character words a problem clause must share with the claim
SUBJECTLESS = 2  # characters before the claim phrase (均, 已, 并) that name no work
CLAIM_SECTIONS = ("O", "P", "K")

RULE = Rule(
    id="TXT.CLAIM_PROBLEM", code=CODE, severity="high", name="CLAIM_PROBLEM",
    summary_zh="完成情况声称某项工作已全部完成（应补尽补、全部整改到位），存在问题却写明同一工作仍有未完成",
    summary_en="An outcome claims a piece of work wholly done while the problems say part of the same work was not",
    example="O2：问题户厕已全部整改到位。Q1：仍有23户至年底尚未整改销号。",
    params=(Param("min_shared", "MIN_SHARED", "two-character words a problem clause must share with the claim"),
            Param("subjectless", "SUBJECTLESS",
                  "characters a claim clause may hold before its claim and still be read with the clause before")),
    confidence=0.8,
    explain_zh="「{claim}」与存在问题中的「{counter}」说的是同一项工作（共同词语：{shared}）",
    explain_en="「{claim}」 and the problem 「{counter}」 speak of the same work (shared words: {shared})",
    messages=("TXT.CLAIM_PROBLEM.main",),
)


_words = work_words


def _admitted(cues, clause: str) -> bool:
    return any(cues.has(clause, c) for c in ("shortfall_admitted", "carried_over"))


def _whole_span(cues, text: str, clauses) -> tuple[int, int] | None:
    spans = cues.find(text, "whole_done")
    if spans:
        return spans[0]
    for x, y in clauses:
        q = cues.find(text[x:y], "whole_subject")
        d = [s for s in cues.find(text[x:y], "done_verb") if q and s[0] >= q[0][1]]
        if q and d:
            return x + q[0][0], x + d[0][1]
    return None


def _claims(report, implied_words: dict):
    cues = default_cues()
    for p in report.paragraphs():
        if p.section not in CLAIM_SECTIONS or p.kind == "goal":
            continue
        for a, b in statements(p.text):
            text = p.text[a:b]
            clauses = plain_clauses(text)
            span = _whole_span(cues, text, clauses)
            if span is None or cues.has(text, "shortfall_admitted") or cues.has(text, "not_done"):
                continue
            # what is claimed done: the clause around the claim, not the rest of the sentence
            # (新增服务站6个，8所敬老院全部完成消防改造: the 敬老院 work)
            k = next((i for i, (x, y) in enumerate(clauses) if x <= span[0] < y), None)
            cs, ce = clauses[k] if k is not None else (0, len(text))
            phrase = text[span[0]:span[1]]
            if k and span[0] - cs <= SUBJECTLESS:
                # 将1,036名优抚对象纳入发放范围，实现应纳尽纳; 补贴共计48.6万元，已如数拨付: the
                # claim's clause opens on the claim, its work is named in the clause before
                cs = clauses[k - 1][0]
            implied = {w for key, ws in implied_words.items() if key in phrase for w in ws}
            yield p, a, b, _words(text[cs:ce]) | implied, phrase


TOPIC_LEAD_MAX = 12  # characters of the topic an outcome item opens on (增殖放流方面，)


def _topic_lead(text: str) -> str:
    """The topic an outcome item opens on, 增殖放流方面， or 增殖放流：, else ''."""
    for mark in ("方面，", "方面,", "：", ":"):
        k = text.find(mark)
        if 0 < k <= TOPIC_LEAD_MAX:
            return text[:k]
    return ""


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    # a clause admitting the shortfall or the work put off (延至2024年1月才完工), read with the
    # words of its whole sentence (the work is often named a clause before: 理化实验室改造工程
    # 因…流标，截至年底仍未完工验收)
    problems = [(q, a, b, _words(q.text[sa:sb])) for q in report.paragraphs("Q") for sa, sb in statements(q.text)
                for a, b in plain_clauses(q.text) if sa <= a < sb and _admitted(cues, q.text[a:b])]
    # the outcome parts say what was not finished too (a 重点项目's 资金使用 item)
    # (read with the topic the paragraph opens on too: 增殖放流方面，…。受台风影响，剩余批次
    # 苗种调整至次年)
    problems += [(q, a, b, _words(q.text[sa:sb]) | _words(_topic_lead(q.text)))
                 for q in report.paragraphs() if q.section in CLAIM_SECTIONS
                 for sa, sb in statements(q.text) for a, b in plain_clauses(q.text)
                 if sa <= a < sb and (cues.has(q.text[a:b], "not_done") or cues.has(q.text[a:b], "delayed")
                                      or cues.has(q.text[a:b], "carried_over"))]
    implied = (lexicon(ctx, "cues_claims.yaml") or {}).get("claim_implied_words") or {}
    best: dict[tuple, tuple] = {}  # counter clause -> its best claim
    for p, a, b, words, phrase in _claims(report, implied):
        # money received or paid in full (资金全部到位) is contradicted by a problem admitting
        # money unpaid, not by an outcome saying the work itself is still under way
        funds = cues.has(phrase, "funds_arrived_whole") or cues.has(phrase, "funds_spent_whole")
        cands = []
        for q, qa, qb, qwords in problems:
            if q is p or (funds and q.section != "Q"):
                continue
            shared = words & qwords
            if len(shared) >= MIN_SHARED:
                # the clause that counts what is left (尚有37户…未能发放), before the sentence's
                # lead (补贴发放环节仍有薄弱点) that only names the field
                cands.append((len(shared), has_digit(q.text[qa:qb]), len(words & _words(q.text[qa:qb])),
                              q, qa, qb, shared))
        if not cands:
            continue
        n, _, own, q, qa, qb, shared = max(cands, key=lambda c: c[:3])
        # one counter answers one claim: the overall part's (P: 各类补贴均已足额发放) before an
        # outcome's, then the one sharing most words
        rank = (p.section == "P", n, own)
        key = (q.id, next((sa for sa, sb in statements(q.text) if sa <= qa < sb), qa))
        if key not in best or rank > best[key][0]:
            best[key] = (rank, p, a, b, phrase, q, qa, qb, shared)
    findings = []
    for _, p, a, b, phrase, q, qa, qb, shared in best.values():
        claim, counter = p.text[a:b].strip(), q.text[qa:qb].strip(" ，,；;。")
        joined = "、".join(sorted(shared)[:4])
        findings.append(make_finding(
            CODE, "high", "TXT.CLAIM_PROBLEM.main",
            {"paragraph": p.id, "claim": phrase, "problem": q.id, "counter": counter},
            [M.para_evidence(report, p, a, b), M.para_evidence(report, q, qa, qb)],
            {"claim": claim, "counter": counter, "shared": joined},
            roles=["claim", "counter"],
        ))
    return findings
