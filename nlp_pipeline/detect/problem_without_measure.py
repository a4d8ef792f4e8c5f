"""PROBLEM_WITHOUT_MEASURE: problems (存在问题) that no improvement measure answers.

A problem is answered when some measure shares real wording with it: two content
bigrams (genre words such as 工作, 基层, 加强 not counted), whatever the alignment
``problems_to_improvements`` says, since a pairing with nothing in common is the aligner's
guess. Reports number problems and measures in parallel, so a problem the alignment
leaves unpaired is also answered by its same-numbered measure when that measure is
unpaired too and shares at least one content bigram. A vague measure (see
vague_measure.py) answers nothing: a problem whose only measure is 「进一步加强管理」 has
no measure. All unanswered problems make one finding.
"""
from __future__ import annotations

import re

from nlp_pipeline.detect._textcommon import (
    alignment_map,
    bigrams,
    compact,
    has_alignment,
    lexicon,
    positional_fill,
    short,
)
from nlp_pipeline.detect.registry import Context, evidence, make_finding, register
from nlp_pipeline.detect.vague_measure import residual

# bigrams every problem and measure may share without talking about the same thing
_GENERIC = {
    "工作", "加强", "进一", "一步", "问题", "开展", "提高", "存在", "需要", "继续", "推进", "完善",
    "有待", "基层", "服务", "能力", "水平", "部分", "不足", "建设", "管理", "人员", "机制", "相关",
    "进行", "负责", "落实", "提升", "不够", "较弱", "单位", "部门", "措施", "力度",
}
LEXICAL_MIN = 2  # shared content bigrams that tie a problem to any measure


def _content(text: str) -> set[str]:
    return {g for g in bigrams(compact(text)[0]) if not re.search(r"\d", g)} - _GENERIC


@register("PROBLEM_WITHOUT_MEASURE")
def detect(ctx: Context):
    report = ctx.report
    problems, measures = report.paragraphs("Q"), report.paragraphs("I")
    if not problems:
        return []
    name = "problems_to_improvements"
    if has_alignment(ctx, name):
        mapping = dict(ctx.alignments[name].mapping())
    else:
        mapping = alignment_map(ctx, name, problems, measures) if measures else {}
    twins = positional_fill(mapping, problems, measures)
    twins = {q: m for q, m in twins.items() if m and not mapping.get(q)}
    vague_cues = lexicon(ctx, "cues_vague.yaml") or {}
    n_measures = len(measures)
    measures = [m for m in measures if residual(m.text, vague_cues) is None]
    by_id = {m.id: m for m in measures}
    mwords = {m.id: _content(m.text) for m in measures}
    missing = []
    for q in problems:
        qw = _content(q.text)
        if any(len(qw & w) >= LEXICAL_MIN for w in mwords.values()):
            continue
        twin = by_id.get(twins.get(q.id) or "")
        if twin is not None and qw & mwords[twin.id]:
            continue
        missing.append(q)
    if not missing:
        return []
    ids = "、".join(q.id for q in missing)
    heads = "；".join(f"{q.id}「{short(q.text, 18)}」" for q in missing[:4])
    return [
        make_finding(
            "PROBLEM_WITHOUT_MEASURE",
            "medium",
            f"{len(missing)}个存在问题（{ids}）在改进措施中没有对应的措施：{heads}",
            f"{len(missing)} problem(s) ({', '.join(q.id for q in missing)}) have no improvement measure.",
            [evidence(report, q) for q in missing],
            {"problems": [q.id for q in missing], "measures": n_measures},
        )
    ]
