"""SCORE_MISMATCH (in prose): a total score written in the text with its parts after it
(「自评得分95.12分。其中：预算执行9.62分、产出指标48.5分、效益指标26分、满意度指标9分」)
where the parts do not add up to the total, or a part scores above the full marks written
beside it (「产出指标52分（满分50分）」).

In one statement, the total is a score (分) named as a total (concept ``score_total`` of
lexicons/cues.yaml); the parts are the scores after a breakdown word (其中, 分别为); a score
named as full marks (``score_weight``: 满分, 分值) belongs to the part before it. The sum
may differ from the total by the rounding of the figures as written. The official rules
for scoring a self-evaluation form are quoted in docs/rules.md (FORM.SCORE_SUM).
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Rule, make_finding, phrase, phrases, register
from nlp_pipeline.text.annotate import Cues, default_cues

CODE = "SCORE_MISMATCH"
NAME = "SCORE_PROSE"
MIN_PARTS = 2

RULE = Rule(
    id="FORM.SCORE_PROSE", code=CODE, severity="high", name=NAME,
    summary_zh="正文中的自评总分与其后列出的各部分得分之和不符，或某部分得分超过其满分",
    summary_en="A total score in the text that its listed parts do not add up to, or a part above its full marks",
    example="自评得分95.12分。其中：预算执行9.62分、产出指标48.5分、效益指标26分、满意度指标9分。",
    confidence=0.9,
    explain_zh="{computation}",
    explain_en="{computation}",
    messages=("FORM.SCORE_PROSE.main", "FORM.SCORE_PROSE.over_full", "FORM.SCORE_PROSE.sum"),
)


def _is_score(n: M.Num) -> bool:
    return n.m.kind == "COUNT" and n.m.unit == "分" and n.m.value is not None


SCALE_LOOKAHEAD = 3  # characters after a score read for the words of a grading scale
INCLUSIVE_MARK = 3  # characters of a bracketed 含 a scale may put between the bound and its words


def _scale_bound(n: M.Num, text: str, cues: Cues) -> bool:
    """A score that bounds a grade (90分及以上为优, 80分以下): the report's scale, no part."""
    after = text[n.j:n.j + SCALE_LOOKAHEAD + INCLUSIVE_MARK]
    # (90分（含）以上为优: the bracketed 含 says the bound belongs to the grade)
    for mark in ("（含）", "(含)"):
        after = after.removeprefix(mark)
    return any(a == 0 for a, _ in cues.find(after[:SCALE_LOOKAHEAD], "score_scale"))


def _parts(items: list[M.Num], text: str, cues: Cues):
    """(total, [(part, full marks or None)]) of a statement, or None."""
    scores = [n for n in items if _is_score(n) and not _scale_bound(n, text, cues)]
    totals = [n for n in scores if cues.has(n.metric or n.key or "", "score_total")]
    if not totals:
        return None
    total = totals[0]
    opens = [a for a, _ in cues.find(text, "breakdown") if a > total.j]
    if not opens:
        return None
    parts: list[list] = []
    for n in (n for n in scores if n.i > opens[0]):
        label = text[max(0, n.i - 3):n.i]
        if cues.has(label, "score_weight") or cues.has(n.metric or "", "score_weight"):
            if parts and parts[-1][1] is None:
                parts[-1][1] = n
            continue
        parts.append([n, None])
    return (total, parts) if len(parts) >= MIN_PARTS else None


SCORED_WORDS = ("得", "得了", "得分", "得分为", "自评得")  # 产出指标50分得48分: the score after its weight


def _weight_before(prev: M.Num, n: M.Num, text: str) -> bool:
    """``prev`` is the weight of the score ``n`` (产出指标50分得48分): itself no score (得9.57分)
    and in the same item (no clause break between them: 预算执行指标得9.57分，产出指标得47分
    are two scores)."""
    if text[max(0, prev.i - 3):prev.i].endswith(SCORED_WORDS):
        return False
    between = text[prev.j:n.i]
    if not any(ch in "，,；;。" for ch in between):
        return True
    # 产出指标分值50分，得分48分: a comma before the score's own words only
    rest = "".join(ch for ch in between if ch not in "，,；;。 ")
    for w in sorted(SCORED_WORDS + ("自评",), key=len, reverse=True):
        rest = rest.replace(w, "")
    return len(rest) <= 1


def _pairs(items: list[M.Num], text: str, cues: Cues):
    """(total, [(score, weight)]) of a statement that writes each part as its weight and
    its score (产出指标50分得48分，效益指标30分得27.5分，…自评总分94.89分), or None."""
    scores = [n for n in items if _is_score(n) and not _scale_bound(n, text, cues)]
    parts, used = [], set()

    def weight_label(n: M.Num) -> bool:
        return cues.has(text[max(0, n.i - 3):n.i], "score_weight")

    for k, n in enumerate(scores):
        if id(n) in used:
            continue
        nxt = scores[k + 1] if k + 1 < len(scores) else None
        if nxt is not None and text[n.j:n.j + 2].lstrip()[:1] in "（(" and weight_label(nxt):
            # 产出指标得分46分（分值50分）: the weight in brackets after the score
            parts.append([n, nxt])
            used.update({id(n), id(nxt)})
        elif k and text[max(0, n.i - 3):n.i].endswith(SCORED_WORDS) and id(scores[k - 1]) not in used \
                and _weight_before(scores[k - 1], n, text):
            # 产出指标50分得48分; 过程（权重20分）得21.5分
            parts.append([n, scores[k - 1]])
            used.update({id(n), id(scores[k - 1])})
    totals = [n for n in scores if id(n) not in used and cues.has(n.metric or n.key or "", "score_total")]
    if len(parts) < MIN_PARTS or not totals:
        return None
    return totals[-1], parts


def _name(n: M.Num, cues: Cues) -> str:
    name = n.metric or n.key or ""
    for a, b in cues.find(name, "breakdown")[:1]:
        if a == 0:
            name = name[b:]
    return name.lstrip("：:，, ")


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    findings, done = [], set()
    for para, s, e, inside in M.by_statement(M.enrich(report, ctx.mentions, M.config()), skip=("G", "Q", "I")):
        pid = para.id
        if pid in done:
            continue  # one finding per paragraph
        # items written as weight and score (投入指标（20分）得19.4分) are read as pairs first:
        # read as a breakdown, every weight would count as a part
        got = _pairs(inside, para.text, cues) or _parts(inside, para.text, cues)
        if got is None:
            continue
        total, parts = got
        over = [(p, w) for p, w in parts if w is not None and p.m.value > w.m.value + 1e-9]
        tot = sum(p.m.value for p, _ in parts)
        step = 0.5 * 10 ** -max(M.decimals(total.m.text), *(M.decimals(p.m.text) for p, _ in parts))
        names = "+".join(p.m.text for p, _ in parts)
        if over:
            # the English message quotes these in Chinese too (see messages.yaml)
            comp = phrases("computation", "FORM.SCORE_PROSE.over_full",
                           [{"name": _name(p, cues), "score": p.m.text, "full": w.m.text} for p, w in over],
                           sep=("；", "；"))
            ev = [M.para_evidence(report, para, n.i, n.j) for p, w in over for n in (p, w)]
            for x, role in zip(ev, ["part", "target"] * len(over)):
                x.role = role
        elif abs(tot - total.m.value) > step * (len(parts) + 1):
            comp = phrase("computation", "FORM.SCORE_PROSE.sum",
                          {"parts": names, "sum": M.fmt(round(tot, 4)), "total": total.m.text})
            ev = [M.para_evidence(report, para, total.i, total.j)] + [
                M.para_evidence(report, para, p.i, p.j) for p, _ in parts]
            for x, role in zip(ev, ["total"] + ["part"] * len(parts)):
                x.role = role
        else:
            continue
        findings.append(make_finding(
            CODE, "high", "FORM.SCORE_PROSE.main", {"paragraph": pid, **comp},
            ev, {"rule": NAME, "computation": comp["computation_zh"]},
        ))
        done.add(pid)
    return findings
