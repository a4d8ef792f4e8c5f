"""CLAIM_CONTRADICTED (overall): a claim that every goal or task of the year is done
(「已全部完成年初确定的6项年度绩效目标」, 「各项工作均圆满完成」, 「完全符合预期」) while the
report itself says some of the work is not finished (「2所因征地拆迁滞后，主体工程尚未完工」)
or shows an indicator below its target.

An overall claim is a completion phrase (concept ``done``) whose clause also puts an
overall scope word before the thing done (各项/所有/全部/年初确定的 … 目标/任务/指标/工作),
or a phrase that is overall by itself (concept ``overall_done``). A claim about one task
(阅读推广任务已全部完成) has no scope word before its object and is left to the rules for
that task. Counter-evidence is a statement of the outcome parts of the report (O, K, T,
P) holding an ``unfinished`` phrase or a result below 100% of its plan (为年度任务的82.0%),
an indicator whose result falls short of its target, or a goal's target its outcome
reports missed. Goals, problems and measures are not read: they plan or look ahead.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import short
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register, render_both
from nlp_pipeline.model import Evidence, Paragraph, Report
from nlp_pipeline.text import patterns as P
from nlp_pipeline.text.annotate import Cues, default_cues, statements
from nlp_pipeline.text.segment import split_clauses

CODE = "CLAIM_CONTRADICTED"
NAME = "OVERALL_CLAIM"
CLAIM_SECTIONS = ("P", "O")
COUNTER_SECTIONS = ("O", "K", "T", "P")
SCOPE_GAP = 12  # characters between the scope word and what is claimed done (各项…目标)
MAX_COUNTERS = 2  # pieces of counter-evidence quoted

RULE = Rule(
    id="NUM.OVERALL_CLAIM", code=CODE, severity="high", name=NAME,
    summary_zh="声称全部目标、任务已完成或完全符合预期，但报告自己写明有工作未完成或指标未达到目标",
    summary_en="Every goal or task claimed done while the report itself says some work is unfinished or an "
               "indicator falls short",
    example="我局已全部完成年初确定的6项年度绩效目标。……南园小学因征地滞后，主体工程尚未完工。",
    params=(
        Param("scope_gap", "SCOPE_GAP", "most characters between the scope word (各项) and the object (目标)"),
        Param("max_counters", "MAX_COUNTERS", "pieces of counter-evidence quoted with the claim"),
        Param("whole_lead_max", "WHOLE_LEAD_MAX", "most characters of subject before 年度绩效目标 in a claim of the whole"),
    ),
    confidence=0.75,
    explain_zh="声称「{claim}」；但报告写明：{counter}",
    explain_en="claimed 「{claim}」; but the report says: {counter}",
    messages=("NUM.OVERALL_CLAIM.main", "NUM.OVERALL_CLAIM.shortfall"),
)


def _overall_claims(cues: Cues, text: str) -> list[tuple[int, int]]:
    # a statement that admits a gap itself (除3个尚未完工外，其余各项目标均已完成) claims no whole
    admitted = [(a, b) for a, b in statements(text, cues)
                if cues.has(text[a:b], "not_done") or cues.has(text[a:b], "unfinished")]
    out = []
    for a, b in split_clauses(text):
        clause = text[a:b]
        if any(s <= a < e for s, e in admitted):
            continue
        if cues.has(clause, "overall_done"):
            out.append((a, b))
            continue
        if not cues.has(clause, "done"):
            continue
        objects = cues.find(clause, "overall_object")
        if any(0 <= o0 - s1 <= SCOPE_GAP for s0, s1 in cues.find(clause, "overall_scope") for o0, _ in objects):
            out.append((a, b))
            continue
        # 「我镇年度绩效目标全部完成」: the year's goals named whole, then claimed done
        # (「…项目年度任务已完成」 names one project's task: a subject of more than a few
        # characters before the object makes the claim that subject's)
        done = cues.find(clause, "done")
        if any(w0 - _lead(clause) <= WHOLE_LEAD_MAX and 0 <= d0 - w1 <= SCOPE_GAP
               for w0, w1 in cues.find(clause, "whole_year_object") for d0, _ in done):
            out.append((a, b))
    return out


WHOLE_LEAD_MAX = 4  # characters of subject before 年度绩效目标 in a claim of the whole (我镇, 本单位)


def _lead(clause: str) -> int:
    return len(clause) - len(clause.lstrip(" ，,。；;、：:"))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and text[b - 1] in " ，,。；;、：:":
        b -= 1
    while a < b and text[a] in " ，,。；;、：:":
        a += 1
    return a, b


def _below_plan(statement: str) -> bool:
    """The statement gives a result as a share of its plan below 100% (为年度任务的82.0%)."""
    return any(float(m.group("pct")) < 100 for m in P.finditer(statement, P.named("share_of_plan")))


def _unfinished(report: Report, cues: Cues, skip: tuple[str, int, int],
                on_time: bool = False) -> list[tuple[Evidence, str, str]]:
    """Statements of the outcome parts saying some work is unfinished or below its plan;
    for a claim of work done in time (按期完成), also those saying some ran late."""
    out = []
    for para in report.paragraphs():
        if para.section not in COUNTER_SECTIONS:
            continue
        for a, b in statements(para.text, cues):
            if para.id == skip[0] and a < skip[2] and b > skip[1]:
                continue
            if cues.has(para.text[a:b], "unfinished") or _below_plan(para.text[a:b]) \
                    or (on_time and cues.has(para.text[a:b], "delayed")):
                a, b = _trim(para.text, a, b)
                # quoted as written, in either language's message
                out.append((M.para_evidence(report, para, a, b), para.text[a:b], para.text[a:b]))
    return out


def _shortfalls(report: Report, ctx: Context) -> list[tuple[Evidence, str, str]]:
    nums = M.enrich(report, ctx.mentions, M.config())
    out = []
    cfg = M.config()
    # and a goal's target that its outcome reports missed (完成森林抚育2万亩 -> 1.64万亩)
    checks = M.indicator_checks(report, nums) + M.report_goal_gaps(ctx, nums, cfg)
    for c in checks:
        if c.worse and c.evidence:
            out.append((c.evidence[-1], *render_both("NUM.OVERALL_CLAIM.shortfall", {
                "name": c.name, "target": M.shown(c.target), "actual": M.shown(c.actual)})))
    return out


TOPIC_LEAD_MAX = 12  # characters of an item's lead title (1.城乡居民健康档案。…)
# …unless the claim names the whole year's goals itself (全年6项年度绩效目标全部完成)
WHOLE_YEAR_WORDS = ("全年", "年初", "年度绩效目标", "所有")


def _topic_item(text: str) -> bool:
    """The paragraph is an item led by its own topic's title (「城乡居民健康档案。全市…」,
    「老年人健康管理：…」): what it claims of 各项指标 it claims of that topic only."""
    lead = text.lstrip()
    cut = min((k for k in (lead.find(ch) for ch in "。：:") if k > 0), default=-1)
    return 0 < cut <= TOPIC_LEAD_MAX and not any(ch.isdigit() for ch in lead[:cut]) \
        and "，" not in lead[:cut] and "," not in lead[:cut]


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    claim: tuple[Paragraph, int, int] | None = None
    for para in report.paragraphs():
        if para.section in CLAIM_SECTIONS and para.kind != "goal":
            found = _overall_claims(cues, para.text)
            if found:
                claim = (para, *_trim(para.text, *found[0]))
                break
    if claim is None:
        return []
    para, s, e = claim
    on_time = cues.has(para.text[s:e], "on_time")
    unfinished = _unfinished(report, cues, (para.id, s, e), on_time)
    counters = unfinished + _shortfalls(report, ctx)
    claim_text = para.text[s:e]
    if _topic_item(para.text) and not any(ch.isdigit() for ch in claim_text) \
            and not any(w in claim_text for w in WHOLE_YEAR_WORDS):
        # 「1.城乡居民健康档案。…各项指标均达到年度目标」: the claim is the item's own
        counters = [c for c in counters if c[0].paragraph == para.id]
    counters = counters[:MAX_COUNTERS]
    if not counters or all(c[0].paragraph == para.id and not any(c is u for u in unfinished) for c in counters):
        # (良种覆盖率96.3%，年度目标均已完成: a shortfall against a target that the paragraph
        # itself claims done is INDICATOR_SHORTFALL's one finding)
        return []
    ev = [M.para_evidence(report, para, s, e)] + [c[0] for c in counters]
    quote = para.text[s:e]
    said = ["；".join(f"{c[0].paragraph}「{short(c[k], 40)}」" for c in counters) for k in (1, 2)]
    return [make_finding(
        CODE, "high", "NUM.OVERALL_CLAIM.main",
        {"paragraph": para.id, "claim": quote, "counters_zh": said[0], "counters_en": said[1]},
        ev,
        {"rule": NAME, "claim": quote, "counter": said[0]}, roles=["claim"] + ["counter"] * len(counters),
    )]
