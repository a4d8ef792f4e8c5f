"""INDICATOR_NO_FIGURE: a quantitative indicator answered without its figure.

An indicator whose target is a number (a count, an amount, a rate: ≥500人次, ≤2,100元/亩,
≥95%) is reported by the value reached. A result cell or a 实际完成值 that only says the
target was reached (「完成」, 「已完成」, 「达成预期指标」, 「达标」) cannot be checked
against the target, so the score given for it has nothing to rest on. Targets that are
dates or deadlines (2023年12月底前) and qualitative targets (有效提升, 明显改善) are not
quantitative and are not read; an empty result is UNFILLED_FORM, not this.

Three places are read: the rows of an indicator table the reader rebuilt (target column and
result column); sentences that name both fields (年度指标值≥90%，实际完成值：达成预期指标),
with the field cues of lexicons/detect_numeric.yaml (indicator.target_cues/actual_cues);
and a paragraph led by an indicator's kind (成本指标。…) that states a bound as the target
(控制在6,000元以内) and answers it with nothing but 已完成.
A result counts as figureless when it holds no number and a phrase of the concept
``figureless_result`` (lexicons/cues.yaml), and is at most ``MAX_RESULT`` characters.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.model import Evidence, Report
from nlp_pipeline.text import extract_numbers
from nlp_pipeline.text.annotate import Cues, default_cues
from nlp_pipeline.text.segment import split_clauses

CODE = "INDICATOR_NO_FIGURE"
MAX_RESULT = 12  # longest result text read as a bare "done" answer
QUANTITATIVE = ("COUNT", "QUANTITY", "AREA", "MONEY", "PERCENT", "DURATION")

RULE = Rule(
    id="FORM.NO_FIGURE", code=CODE, severity="medium",
    summary_zh="定量指标（数量、金额、比率）的实际完成值只写“完成”“达标”等，没有给出数值",
    summary_en="A quantitative indicator (count, amount, rate) answered with 'done' instead of its value",
    example="| 产出指标 | 数量指标 | 培训人次 | ≥500人次 | 完成 | 20 | 20 | |",
    params=(
        Param("max_result", "MAX_RESULT", "longest result text read as a bare 'done' answer"),
    ),
    confidence=0.85,
    explain_zh="目标值「{target}」是数值，实际完成值「{result}」没有数值",
    explain_en="the target 「{target}」 is a figure; the result 「{result}」 has none",
    messages=("FORM.NO_FIGURE.main",),
)


def _quantitative(text: str, currency_unit: str | None) -> str | None:
    """The figure of a numeric target, or None (dates and qualitative targets)."""
    nums = [m for m in extract_numbers(text, currency_unit=currency_unit) if m.kind in QUANTITATIVE]
    return nums[0].text if nums else None


DONE_PREFIX = "已"  # 已接收, 已补充, 已配备: a done verb alone, no figure
SHORT_DONE = 4  # longest such cell


def _figureless(text: str, cues: Cues) -> bool:
    t = M.normalize(text).strip(" 。.；;，,：:")
    if not t or len(t) > MAX_RESULT or any(ch.isdigit() for ch in t):
        return False
    if t.startswith(DONE_PREFIX) and len(t) <= SHORT_DONE and all("\u4e00" <= ch <= "\u9fff" for ch in t):
        return not cues.has(t, "not_done")
    return cues.has(t, "figureless_result") and not cues.has(t, "not_done")


def _finding(report: Report, name: str, target: str, result: str, ev: list[Evidence]):
    return make_finding(
        CODE, "medium", "FORM.NO_FIGURE.main", {"name": name, "target": target, "result": result},
        ev, {"indicator": name, "target": target, "result": result},
    )


BOUND_MARKS = "≥≤<>＞＜≧≦"


def _table_rows(report: Report, cues: Cues):
    for task in report.tasks:
        for ind in task.indicators:
            rp = ind.result_paragraph
            if not ind.target or rp is None:
                continue
            if not _figureless(rp.text, cues):
                continue
            # a bare number (2) in a target cell is often a misread column, not a target; a
            # bound (≥2,800) or a unit makes it one
            bound = M.normalize(ind.target).lstrip()[:1] in BOUND_MARKS
            if not any(m.kind in QUANTITATIVE and (m.unit or m.kind == "PERCENT" or bound)
                       for m in extract_numbers(ind.target)):
                continue
            name = ind.name_paragraph.text if ind.name_paragraph else ind.name
            ev = [M.para_evidence(report, p, 0, len(p.text)) for p in (ind.name_paragraph, rp) if p is not None]
            for x, role in zip(ev, ["context", "actual"][-len(ev):]):
                x.role = role
            yield _finding(report, name, ind.target.strip(), rp.text.strip(), ev)


def _full_sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for k, ch in enumerate(text):
        if ch in "。！？!?\n":
            if k > start:
                out.append((start, k + 1))
            start = k + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def _sentences(report: Report, cues: Cues, cfg: dict):
    tcues = sorted(M._words(cfg, "indicator", "target_cues"), key=len, reverse=True)
    acues = sorted(M._words(cfg, "indicator", "actual_cues"), key=len, reverse=True)
    for p in report.paragraphs():
        if p.section in ("G", "Q", "I") or p.id.startswith("TBL") or ".r" in p.id or ".k" in p.id:
            continue
        text = p.text
        # a form's fields are set apart by semicolons (年度指标值：…；实际完成值：…；): read
        # whole sentences, up to the 。
        for s, e in _full_sentences(text):
            sent = text[s:e]
            a_at = next(((sent.find(w), w) for w in acues if sent.find(w) >= 0), None)
            t_at = next(((sent.find(w), w) for w in tcues if 0 <= sent.find(w) < (a_at[0] if a_at else -1)), None)
            if a_at is None or t_at is None:
                continue
            target = sent[t_at[0] + len(t_at[1]):a_at[0]]
            fig = _quantitative(target, report.currency_unit)
            if fig is None:
                continue
            rs = a_at[0] + len(a_at[1])
            clause = next(((a, b) for a, b in split_clauses(sent[rs:].lstrip("：:为是 ")) if b > a), None)
            if clause is None:
                continue
            off = len(sent[rs:]) - len(sent[rs:].lstrip("：:为是 "))
            r0, r1 = s + rs + off + clause[0], s + rs + off + clause[1]
            result = text[r0:r1].rstrip("。；;，,")
            if not _figureless(result, cues):
                continue
            name = text[s:s + t_at[0]].strip("：:，, ") or "该指标"
            ev = [M.para_evidence(report, p, s, r1)]
            ev[0].role = "actual"
            yield _finding(report, name, target.strip("：:，,为 "), result, ev)


LEAD_MAX = 10  # characters of a paragraph's lead label (成本指标。/数量指标：)


def _labelled(report: Report, cues: Cues, nums: list[M.Num]):
    """A paragraph led by an indicator's kind (成本指标。…) that states one bound as its
    target (控制在6,000元以内) and answers it only with a completion phrase (已完成)."""
    by_para = M.by_paragraph(nums)
    for p in report.paragraphs():
        if p.section not in ("O", "K", "P", "T"):
            continue
        text = p.text
        lead = next((k for k, ch in enumerate(text[:LEAD_MAX + 1]) if ch in "。：:"), None)
        if lead is None or not cues.has(text[:lead], "indicator_kind"):
            continue
        # a time limit (30个工作日内兑付) is kept or not; its answer needs no figure
        figs = [n for n in by_para.get(p.id, []) if n.m.kind in QUANTITATIVE and n.m.kind != "DURATION"]
        if len(figs) != 1 or figs[0].m.qualifier not in ("lower", "upper"):
            continue
        t = figs[0]
        rest = text[t.j:]
        if not cues.has(rest, "done") or cues.has(rest, "not_done"):
            continue
        ev = M.para_evidence(report, p, 0, len(text))
        ev.role = "actual"
        yield _finding(report, text[:lead], t.m.text, rest.strip("，,。；; ")[:20], [ev])


@register(RULE)
def detect(ctx: Context):
    cues = default_cues()
    nums = M.enrich(ctx.report, ctx.mentions, M.config())
    found = list(_table_rows(ctx.report, cues)) + list(_sentences(ctx.report, cues, M.config()))
    seen = {e.paragraph for f in found for e in f.evidence}
    found += [f for f in _labelled(ctx.report, cues, nums) if f.evidence[0].paragraph not in seen]
    return found
