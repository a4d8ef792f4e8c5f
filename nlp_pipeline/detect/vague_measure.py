"""VAGUE_MEASURE: an improvement measure that names no action, target, owner or date.

A measure is vague when it is short, carries no figure, date or owner, and either what
remains once generic verbs, adverbs, nouns and slogans (继续, 加强, 工作, 服务, 开创…新局面)
and the words of the organisation's own name (its place, its field) are removed is only a
bare domain word (「继续加强民生服务；」 leaves 民生), or every verb in it is a generic one
(「加强队伍建设，提升队伍素质」: 加强, 建设, 提升; part-of-speech by jieba), or every clause
opens with a generic verb and names no concrete action (「进一步优化空间布局，不断改善读者
阅读环境」; a clause pointing back at the problem, 针对…问题, is skipped). The first test
also holds for the longer closing slogans (up to ``max_chars_generic``), the second only
for short measures (``max_chars``), the third up to ``max_chars_clauses``. Lists in
lexicons/cues_vague.yaml.
"""
from __future__ import annotations

import re

from nlp_pipeline.detect._textcommon import compact, lexicon, org_words
from nlp_pipeline.detect.registry import Context, Param, Rule, evidence, make_finding, register
from nlp_pipeline.text.segment import split_clauses


def _verbs(text: str) -> list[str]:
    # jieba.posseg's verbs without its 100 MB tagger (same words; see text/pos.py)
    from nlp_pipeline.text.pos import verbs

    return verbs(text)


def _generic_clauses(c: str, cues: dict) -> bool:
    """Every clause of compact measure ``c`` opens with a generic verb (after lead words)."""
    lead = sorted(cues.get("lead_words") or [], key=len, reverse=True)
    verbs = tuple(cues.get("generic_verbs") or [])
    refs = tuple(cues.get("reference_openers") or [])
    ref_words = cues.get("reference_words") or []
    seen = 0
    for a, b in split_clauses(c):
        cl = c[a:b].strip("，,。；;、：: ")
        if not cl:
            continue
        if cl.startswith(refs) and any(w in cl for w in ref_words):
            continue
        changed = True
        while changed:
            changed = False
            for w in lead:
                if cl.startswith(w):
                    cl, changed = cl[len(w):], True
        if not cl.startswith(verbs):
            return False
        seen += 1
    return seen > 0


def residual(text: str, cues: dict, own_words: list[str] | tuple[str, ...] = ()) -> str | None:
    """What a measure says beyond generic words, or None when it is concrete.

    ``own_words`` are the words of the organisation's name (its place, its field: 审计
    in 某区审计局): a measure that names only them names nothing."""
    c = text.strip()
    if not compact(c)[0]:
        return None
    clauses_ok = len(compact(c)[0]) <= int(cues.get("max_chars_clauses", 0)) and _generic_clauses(c, cues)
    c = compact(text)[0]
    short_max = int(cues.get("max_chars", 25))
    longest = max(short_max, int(cues.get("max_chars_generic", short_max)))
    if not c or len(c) > (max(longest, len(c)) if clauses_ok else longest) or re.search(r"\d", c):
        return None
    if any(w in c for w in (cues.get("date_words") or []) + (cues.get("owner_words") or [])):
        return None
    generic = cues.get("generic_words") or []
    max_residual = int(cues.get("max_residual", 4))
    rest = c
    for w in sorted(generic, key=len, reverse=True):
        rest = rest.replace(w, "")
    if clauses_ok and not any(a in c for a in cues.get("action_words") or []):
        return rest
    if len(c) > longest:
        return None
    if len(c) <= short_max and len(rest) <= max_residual:
        return rest
    # the organisation's own name is no content (审计 in an audit office's measure),
    # but a concrete action outside it (培训, 检查…) is
    own = sorted(own_words, key=len, reverse=True)
    plain = c
    for w in own:
        plain = plain.replace(w, "")
    concrete = any(a in plain for a in cues.get("action_words") or [])
    if not concrete:
        left = rest
        for w in own:
            left = left.replace(w, "")
        if len(left) <= max_residual:
            return left
    if len(c) > short_max:
        return None
    # every verb generic and no concrete action named (培训, 检查, 招聘…)
    if not concrete and all(v in generic for v in _verbs(c)):
        return rest
    return None


RULE = Rule(
    id="TXT.VAGUE", code="VAGUE_MEASURE", severity="low",
    summary_zh="改进措施空泛，没有具体行动、目标、责任人或时限",
    summary_en="An improvement measure that names no action, target, owner or date",
    example="继续加强民生服务。",
    params=(
        Param("max_chars", "cues_vague.yaml:max_chars", "longest measure the generic-verb test reads"),
        Param("max_chars_generic", "cues_vague.yaml:max_chars_generic", "longest closing slogan the bare-word test reads"),
    ),
    confidence=0.6,
    explain_zh="去掉泛化动词、副词、口号和单位名称后只剩空泛词语，且无数字、日期或责任主体",
    explain_en="once generic verbs, slogans and the unit's own name are removed nothing concrete is left, and there is no figure, date or owner",
)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = lexicon(ctx, "cues_vague.yaml") or {}
    own = org_words(report, ctx)
    findings = []
    for p in report.paragraphs("I"):
        rest = residual(p.text, cues, own)
        if rest is None:
            continue
        quote = p.text.strip()
        findings.append(
            make_finding(
                "VAGUE_MEASURE",
                "low",
                f"{p.id}措施「{quote}」只有笼统表述，没有具体行动、目标、责任人或时限。",
                f"{p.id} \"{quote}\" names no concrete action, target, owner or date.",
                [evidence(report, p)],
                {"measure": quote, "content_words": rest},
            )
        )
    return findings
