"""PROBLEM_WITHOUT_MEASURE: problems (存在问题) that no improvement measure answers.

A problem is answered when some measure shares real wording with it: two content
bigrams (genre words such as 工作, 基层, 加强 not counted, nor bigrams found in most
problems and measures of the report, its own subject, nor those straddling it, nor the
office a measure names as its owner (由…负责, 由…督办);
abbreviations are read with their long forms from lexicons/cues_abbreviations.yaml, so
反诈 answers 电信网络诈骗), whatever the alignment
``problems_to_improvements`` says, since a pairing with nothing in common is the aligner's
guess. Reports number problems and measures in parallel, so a problem the alignment
leaves unpaired (or pairs with a vague measure) is also answered by its same-numbered
measure when that measure is unpaired too and shares at least one content bigram. A vague measure (see
vague_measure.py) answers nothing: a problem whose only measure is 「进一步加强管理」 has
no measure; but a vague measure that is the problem's own (aligned or same-numbered) and
names its topic (数据应用不足 -> 进一步加强数据化建设) answers it in vague words, and
VAGUE_MEASURE alone reports that. A measure that shares a single phrase with a problem (加工企业) answers it
only when no other problem shares at least twice as many bigrams with that measure.
When the lists are numbered in parallel (as many measures as problems, every other
problem answered in shared words by its same-numbered measure), the k-th concrete
measure answers the k-th problem in words of its own when both name one need of
lexicons/cues_abbreviations.yaml ``remedy_families`` (资金困难 -> 落实补助政策),
unless it shares wording with another problem (see ``_parallel_twin``); a report's only
problem is answered so by any measure naming its need (经费不足 -> 加大资金投入).
All unanswered problems make one finding.
"""
from __future__ import annotations

from nlp_pipeline.detect._textcommon import (
    alignment_map,
    cut_in,
    bigrams,
    compact,
    has_alignment,
    lexicon,
    org_words,
    positional_fill,
    short,
)
from nlp_pipeline.detect.registry import Context, Param, Rule, evidence, make_finding, register
from nlp_pipeline.detect._vague import residual
from nlp_pipeline.text.normalize import normalize
from nlp_pipeline.text.numbers import has_digit
from nlp_pipeline.text import patterns as P

# bigrams every problem and measure may share without talking about the same thing
_GENERIC = {
    "工作", "加强", "进一", "一步", "问题", "开展", "提高", "存在", "需要", "继续", "推进", "完善",
    "有待", "基层", "服务", "能力", "水平", "部分", "不足", "建设", "管理", "人员", "机制", "相关",
    "进行", "负责", "落实", "提升", "不够", "较弱", "单位", "部门", "措施", "力度",
}
LEAD_MAX = 12  # characters of a lead label before its colon (资金管理方面：)
LEXICAL_MIN = 2  # shared content bigrams that tie a problem to any measure


DF_SHARE = 0.6  # share of all problems and measures from which a bigram is the subject
DF_MIN_PARAS = 5


def _without(text: str, common: set[str]) -> set[str]:
    """Content bigrams of ``text`` less the report's subject bigrams and the bigrams that
    straddle one (计数 in 统计数据 when 统计 is the subject)."""
    if not common:
        return _content(text)
    c = compact(text)[0]
    grams = [c[i : i + 2] for i in range(len(c) - 1)]
    keep = set()
    for i, g in enumerate(grams):
        if g in common or (i > 0 and grams[i - 1] in common) or (i + 1 < len(grams) and grams[i + 1] in common):
            continue
        keep.add(g)
    return (keep - _GENERIC) - {g for g in keep if has_digit(g)}


def _expand(text: str, abbr: dict) -> str:
    """``text`` followed by the long forms of the abbreviations it uses (反诈 -> 电信网络诈骗)."""
    extra = [long for short, longs in abbr.items() if short in text for long in (longs or [])]
    return text + ("。" + "。".join(extra) if extra else "")


def _content(text: str) -> set[str]:
    return {g for g in bigrams(compact(text)[0]) if not has_digit(g)} - _GENERIC


# who carries a measure out (由县质量监管股负责, 由局办公室牵头): the name of an office
# is not what the measure does


def _action(text: str) -> str:
    return P.replace(text, P.named("owner_clause"), "，")


WEAK_SHARE = 2  # another problem sharing this many times more bigrams claims the measure


def _runs(grams: set[str], text: str) -> int:
    """Number of separate stretches of ``text`` that the shared bigrams ``grams`` cover."""
    c = compact(text)[0]
    hit = [c[i : i + 2] in grams for i in range(len(c) - 1)]
    return sum(1 for i, h in enumerate(hit) if h and (i == 0 or not hit[i - 1]))


def _taken(qid: str, mid: str, qwords: dict, mwords: dict, mtext: str) -> bool:
    """The problem shares only one phrase with the measure (加工企业 in 精深加工企业少 and
    木材加工企业检疫), while another problem shares with it at least ``WEAK_SHARE`` times
    as many bigrams: the measure answers that other problem, not this one."""
    shared = qwords[qid] & mwords[mid]
    if _runs(shared, mtext) > 1:
        return False
    return any(len(w & mwords[mid]) >= WEAK_SHARE * len(shared) for k, w in qwords.items() if k != qid)


PARALLEL_MIN = 3  # problems (and as many measures) from which numbering in parallel is trusted


def _related(a: str, b: str, families: list) -> bool:
    """``a`` and ``b`` name the same need (资金困难 and 落实补助政策): both use a word of
    one family of lexicons/cues_abbreviations.yaml ``remedy_families``."""
    return any(any(w in a for w in fam) and any(w in b for w in fam) for fam in families)


def _parallel_twin(k: int, problems, measures, mapping: dict, qwords: dict, mwords: dict,
                   families: list) -> bool:
    """The k-th problem is answered by the k-th measure in words of its own (资金困难,
    施工滞后 -> 落实补助政策, 督促竣工验收) when the two lists are numbered in
    parallel: as many measures as problems (at least ``PARALLEL_MIN``), every other
    problem answered in shared words by its same-numbered measure, the k-th measure
    concrete (not vague), naming the need of the problem (a remedy family, see
    ``_related``), paired with no other problem by the aligner and sharing
    ``LEXICAL_MIN`` bigrams with no other problem."""
    if len(problems) != len(measures) or len(problems) < PARALLEL_MIN:
        return False
    twin = measures[k]
    if twin.id not in mwords or mapping.get(problems[k].id) not in (None, twin.id):
        return False
    if not _related(problems[k].text, _action(twin.text), families):
        return False
    if any(v == twin.id for q, v in mapping.items() if q != problems[k].id):
        return False
    for j, p in enumerate(problems):
        if j == k:
            continue
        mine = mwords.get(measures[j].id)
        if mine is None or len(qwords[p.id] & mine) < LEXICAL_MIN:
            return False
        if len(qwords[p.id] & mwords[twin.id]) >= LEXICAL_MIN:
            return False
    return True


def _vague_answer(qid: str, mid: str | None, vague: set[str], measures: dict, qwords: dict,
                  abbr: dict, own: list[str]) -> bool:
    """The problem's own measure (paired by the aligner, or its same-numbered one) is
    vague but names the problem's topic (数据应用不足 -> 进一步加强数据化建设): the
    problem is answered, in vague words, and the defect is VAGUE_MEASURE's alone. A
    vague measure that shares nothing with the problem (进一步加强管理) answers nothing,
    nor one that shares only the unit's own name (做好民政工作 in a 民政局's report), nor
    one that another problem shares at least ``WEAK_SHARE`` times as much with."""
    if not mid or mid not in vague or mid not in measures:
        return False
    text = _expand(_action(measures[mid].text), abbr)
    for w in own:
        text = text.replace(w, "，")
    words = _content(text)
    shared = qwords[qid] & words
    if not shared:
        return False
    return not any(len(w & words) >= WEAK_SHARE * len(shared) for k, w in qwords.items() if k != qid)


RULE = Rule(
    id="TXT.PROBLEM_GAP", code="PROBLEM_WITHOUT_MEASURE", severity="medium",
    summary_zh="存在问题没有任何改进措施回应",
    summary_en="Problems (存在问题) that no improvement measure answers",
    example="问题：基层财务人员业务能力不足。（改进措施只谈项目进度）",
    params=(
        Param("lexical_min", "LEXICAL_MIN", "shared content bigrams that tie a problem to any measure"),
        Param("df_share", "DF_SHARE", "share of all problems and measures from which a bigram is the subject"),
        Param("df_min_paras", "DF_MIN_PARAS", "paragraphs needed before that share is applied"),
        Param("weak_share", "WEAK_SHARE", "another problem sharing this many times more bigrams claims the measure"),
        Param("parallel_min", "PARALLEL_MIN", "problems (and as many measures) from which numbering in parallel is trusted"),
    ),
    confidence=0.7,
    explain_zh="没有改进措施与该问题共享实质词语（内容二元组），同序号措施也不回应它",
    explain_en="no measure shares real wording (content bigrams) with the problem, nor does its same-numbered measure",
    messages=("TXT.PROBLEM_GAP.main",),
)


NONE_CLAUSE_MIN = 3  # characters of a closing clause that says no problem (暂无问题, not 无)


def _says_none(text: str) -> bool:
    """The item states there is no problem: 无 (暂无, 未发现…) opens it, or opens what
    follows its lead label (资金管理方面：无。) and ends there."""
    from nlp_pipeline.text.annotate import default_cues

    cues = default_cues()
    t = normalize(text).strip()
    lead = max(t.find("："), t.find(":"))
    body = t[lead + 1:].strip() if 0 <= lead <= LEAD_MAX else t
    for s, e in cues.find(body, "no_problem"):
        if s == 0 and (e == len(body) or body[e] in "。；;，,.！"):
            return True
        # …项目运转正常，暂无问题。: a clause of its own that ends the item, saying none
        if s > 0 and body[s - 1] in "，,；;。" and e - s >= NONE_CLAUSE_MIN \
                and body[e:].strip(" 。.；;！") == "":
            return True
    return False


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    problems, measures = report.paragraphs("Q"), report.paragraphs("I")
    if not problems or cut_in(report, ("Q", "I")):
        # a text cut inside its problems or measures: the measures after the cut were never copied
        return []
    name = "problems_to_improvements"
    if has_alignment(ctx, name):
        mapping = dict(ctx.alignments[name].mapping())
    else:
        mapping = alignment_map(ctx, name, problems, measures) if measures else {}
    vague_cues = lexicon(ctx, "cues_vague.yaml") or {}
    abbr_lex = lexicon(ctx, "cues_abbreviations.yaml") or {}
    abbr = abbr_lex.get("expansions") or {}
    families = abbr_lex.get("remedy_families") or []
    n_measures = len(measures)
    own = org_words(report, ctx)
    vague = {m.id for m in measures if residual(m.text, vague_cues, own) is not None}
    # a problem paired with a vague measure is paired with nothing: its same-numbered
    # measure may still answer it
    paired_vague = {q: m for q, m in mapping.items() if m in vague}
    mapping = {q: (m if m not in vague else None) for q, m in mapping.items()}
    twins = positional_fill(mapping, problems, measures)
    twins = {q: m for q, m in twins.items() if m and not mapping.get(q)}
    all_measures = measures
    all_by_id = {m.id: m for m in all_measures}
    measures = [m for m in measures if m.id not in vague]
    by_id = {m.id: m for m in measures}
    mwords = {m.id: _content(_expand(_action(m.text), abbr)) for m in measures}
    # a bigram in most problems and measures is the report's own subject (统计 in a
    # statistics bureau's report): sharing it ties nothing
    allw = [_content(x.text) for x in problems + report.paragraphs("I")]
    common: set[str] = set()
    if len(allw) >= DF_MIN_PARAS:
        counts: dict[str, int] = {}
        for ws in allw:
            for g in ws:
                counts[g] = counts.get(g, 0) + 1
        common = {g for g, n in counts.items() if n >= DF_SHARE * len(allw)}
    qwords = {q.id: _without(_expand(q.text, abbr), common) for q in problems}
    missing = []
    for k, q in enumerate(problems):
        if _says_none(q.text):
            continue  # 资金管理方面：无。… answers itself: no problem, no measure owed
        qw = qwords[q.id]
        if any(len(qw & w) >= LEXICAL_MIN and not _taken(q.id, mid, qwords, mwords, by_id[mid].text)
               for mid, w in mwords.items()):
            continue
        twin = by_id.get(twins.get(q.id) or "")
        if twin is not None and qw & mwords[twin.id]:
            continue
        if _parallel_twin(k, problems, all_measures, mapping, qwords, mwords, families):
            continue
        if len(problems) == 1 and any(_related(q.text, _action(m.text), families) for m in all_measures):
            # the one problem (经费不足) and a measure naming its need (加大资金的投入力度): answered,
            # in vague words if the measure is vague (VAGUE_MEASURE's alone then)
            continue
        if _vague_answer(q.id, paired_vague.get(q.id) or twins.get(q.id), vague, all_by_id, qwords, abbr, own):
            continue
        missing.append(q)
    if not missing:
        return []
    heads = "；".join(f"{q.id}「{short(q.text, 18)}」" for q in missing[:4])
    return [
        make_finding(
            "PROBLEM_WITHOUT_MEASURE",
            "medium",
            "TXT.PROBLEM_GAP.main",
            {"count": len(missing), "problems": [q.id for q in missing], "heads": heads},
            [evidence(report, q) for q in missing],
            {"problems": [q.id for q in missing], "measures": n_measures},
        )
    ]
