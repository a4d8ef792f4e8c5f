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

from nlp_pipeline.detect._textcommon import lexicon, org_words
from nlp_pipeline.detect._vague import residual
from nlp_pipeline.detect.registry import Context, Param, Rule, evidence, make_finding, register


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
    messages=("TXT.VAGUE.main",),
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
                "TXT.VAGUE.main",
                {"paragraph": p.id, "measure": quote},
                [evidence(report, p)],
                {"measure": quote, "content_words": rest},
            )
        )
    return findings
