"""CLAIM_CONTRADICTED (funds): a claim that the money was wholly paid or wholly received
(已全部支付完毕, 无结余, 资金全部到位, 足额拨付) while the report's own figures say otherwise:
an amount spent or received below the amount planned in the same statement or paragraph
(支出4,912.36万元 of a 预算5,260.00万元), or a spending or arrival rate below 100%
(执行率71.3%).

Money wholly received is not money wholly spent: a claim of arrival (到位, 拨付, 下达) is
held only against received amounts and arrival rates, and a claim of payment (支付, 无结余)
only against spent amounts and spending rates. A gap within the rounding of the figures
as written is no gap. In a project's own form the project's budget rows (部门资金情况 / 项目资金)
count as the claim's figures when its paragraph gives none. Goals, problems and measures
are not read: a plan to pay in full or a problem about late payment is no claim.

Phrases are the concepts funds_spent_whole, funds_arrived_whole, budget_metric,
spent_metric, arrived_metric, spent_rate and arrived_rate of lexicons/cues.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, phrase, register
from nlp_pipeline.model import Evidence, Report
from nlp_pipeline.text.annotate import Cues, default_cues, statements
from nlp_pipeline.text.segment import split_clauses

CODE = "CLAIM_CONTRADICTED"
NAME = "FUNDS_CLAIM"

# sections where a claim reports what happened (goals plan, problems and measures look ahead)
CLAIM_SECTIONS = ("O", "P", "K", "T", "U", "B")
NEGATION_WINDOW = 3  # characters before a claim read for 未/没有 (未全部到位)
# a rate this close to 100 is 100 as written (99.996% shown as 100.00%)
RATE_TOLERANCE = 0.05
# a gap smaller than this share of the planned amount is rounding, not money left over
MIN_GAP_SHARE = 0.0005

PUNCT = " ，,。；;、：:！!？?"

KINDS = {
    "spent": ("funds_spent_whole", "spent_metric", "spent_rate"),
    "arrived": ("funds_arrived_whole", "arrived_metric", "arrived_rate"),
}
# the message of a claim of each kind (lexicons/messages.yaml)
KIND_MESSAGE = {"spent": "NUM.FUNDS_CLAIM.spent", "arrived": "NUM.FUNDS_CLAIM.arrived"}


@dataclass
class _Counter:
    text_zh: str
    text_en: str
    evidence: list[Evidence]


def _claims(cues: Cues, text: str, kind: str) -> list[tuple[int, int]]:
    out = []
    for s, e in cues.find(text, KINDS[kind][0]):
        before = text[max(0, s - NEGATION_WINDOW):s]
        if cues.has(before, "funds_claim_negated"):
            continue
        cs = max((text.rfind(ch, 0, s) for ch in "，,；;。：:"), default=-1) + 1
        if cues.has(text[cs:s], "claim_planned"):
            continue  # (将按标准足额发放…: the aim, not what was done)
        out.append((s, e))
    return out


def _in_basic_part(report: Report, cues: Cues, by_para: dict, kind: str, para) -> _Counter | None:
    """The report's basic part (section B: 项目资金情况, 支付率84.30%) speaks of the money
    the whole report is about: a rate or a gap written there answers a claim anywhere."""
    whole_unit = "项目" not in (report.title or "") or "整体" in (report.title or "")
    if para.section == "B" or (whole_unit and kind != "arrived"):
        # a department's basic part speaks of all its money, not of the fund a claim of
        # payment is about; money claimed wholly received (各级补助资金均已足额到位) is the
        # unit's own, and its basic part says what arrived
        return None
    for b in report.paragraphs("B"):
        got = _in_paragraph(report, cues, by_para.get(b.id, []), kind, 0, len(b.text))
        if got is not None:
            return got
    return None


def _is(cues: Cues, metric: str, concept: str) -> bool:
    # a paragraph's lead label (资金支付：…项目预算) names the topic, not this amount
    metric = (metric or "").replace("：", ":").rsplit(":", 1)[-1]
    return bool(metric) and cues.has(metric, concept)


def _planned(cues: Cues, label: str, kind: str) -> bool:
    """An amount that should have been paid or received: a budget (预算, 下达), an amount
    due (应到位资金), and for a claim of payment also the money that arrived (到位资金1,200
    of which 1,086.50 spent is not money wholly spent)."""
    if _is(cues, label, "planned_metric"):
        return True
    if _is(cues, label, "unpaid_metric"):
        return False
    if kind == "spent" and _is(cues, label, "arrived_metric") and not _is(cues, label, "spent_metric"):
        return True
    return _is(cues, label, "budget_metric") and not _is(cues, label, KINDS[kind][1])


def _left_over(cues: Cues, label: str, kind: str) -> bool:
    """An amount named as left unpaid (结余, 未支付) or not received (未到位): a claim of
    the whole is contradicted by any such amount; money carried in from last year (上年结转)
    is a source, not a remainder."""
    label = (label or "").replace("：", ":").rsplit(":", 1)[-1]
    if not _is(cues, label, "unpaid_metric") or cues.has(label, "carried_in"):
        return False
    return _is(cues, label, "arrived_metric") == (kind == "arrived")


def _gap_is_real(planned: float, got: float, planned_text: str, got_text: str, factor: float) -> bool:
    """``got`` below ``planned`` by more than the rounding of either as written."""
    step = max(10 ** -M.decimals(planned_text), 10 ** -M.decimals(got_text)) * factor
    gap = planned - got
    return gap > step / 2 and gap > MIN_GAP_SHARE * planned


def _unit_factor(n: M.Num) -> float:
    """Base units (元) per unit as written (万元 -> 10000)."""
    if n.m.value:
        return (n.m.base_value or 0) / n.m.value
    return 1.0


def _in_paragraph(report: Report, cues: Cues, nums: list[M.Num], kind: str, lo: int, hi: int) -> _Counter | None:
    _, metric_concept, rate_concept = KINDS[kind]
    inside = [n for n in nums if lo <= n.i < hi]
    for n in inside:
        label = n.metric or n.key
        if n.m.kind == "PERCENT" and _is(cues, label, rate_concept) and n.m.value is not None \
                and n.m.value < 100 - RATE_TOLERANCE and n.role != "target":
            return _Counter(**phrase("text", "NUM.FUNDS_CLAIM.counter_rate", {"label": label, "figure": n.m.text}),
                            evidence=[M.para_evidence(report, n.para, n.i, n.j)])
    money = [n for n in inside if n.m.kind == "MONEY" and n.m.base_value and n.role != "target"]
    for n in money:
        if _left_over(cues, n.metric or n.key, kind):
            return _Counter(**phrase("text", "NUM.FUNDS_CLAIM.counter_left", {"label": n.metric or n.key,
                                                                             "figure": n.m.text}),
                            evidence=[M.para_evidence(report, n.para, n.i, n.j)])
    planned = [n for n in money if _planned(cues, n.metric or n.key, kind)]
    got = [n for n in money if _is(cues, n.metric or n.key, metric_concept)
           and not _is(cues, n.metric or n.key, "planned_metric")
           and not _is(cues, n.metric or n.key, "unpaid_metric")]
    for g in got:
        # the amount planned for the same money (省级补助186.00 for 省级补助到位168.00), where
        # one is named so, rather than the whole budget beside it
        near = sorted(planned, key=lambda p: -M.similarity(g.key, p.key))
        if near and M.similarity(g.key, near[0].key) > 0:
            near = near[:1]
        for p in near:
            if _gap_is_real(p.m.base_value, g.m.base_value, p.m.text, g.m.text, _unit_factor(p)):
                text = phrase("text", "NUM.FUNDS_CLAIM.counter_gap", {"planned_label": p.metric or p.key, "planned": p.m.text,
                                                                      "got_label": g.metric or g.key, "got": g.m.text})
                return _Counter(**text, evidence=[M.para_evidence(report, g.para, g.i, g.j),
                                                  M.para_evidence(report, p.para, p.i, p.j)])
    return None


def _same_amount(report: Report, cues: Cues, by_para: dict, kind: str, para, st: tuple[int, int]) -> _Counter | None:
    """A statement elsewhere in the report about the same sum of money (乡村振兴衔接资金
    2179万元目前已全部拨付 … 项目资金共2179万元，…已完成拨付2113.63万元): the claim's own
    amount, written again as the planned amount of another statement, ties that statement's
    figures to the claim."""
    own = {n.m.base_value for n in by_para.get(para.id, [])
           if st[0] <= n.i < st[1] and n.m.kind == "MONEY" and n.m.base_value and n.role != "target"}
    if not own:
        return None
    for other in report.paragraphs():
        if other.id == para.id or other.section not in CLAIM_SECTIONS or other.kind in ("goal", "indicator"):
            continue
        nums = by_para.get(other.id, [])
        for a, b in statements(other.text, cues):
            if not any(a <= n.i < b and n.m.kind == "MONEY" and n.m.base_value in own
                       and _planned(cues, n.metric or n.key, kind) for n in nums):
                continue
            got = _in_paragraph(report, cues, nums, kind, a, b)
            if got is not None:
                return got
    return None


def _budget_rows(report: Report, kind: str, para) -> _Counter | None:
    """The budget figures the reader took for the report (only spending is recorded
    there): those written inside the claim's own paragraph, or in a project's own form
    any of them (the form is about that one project)."""
    b = report.budget
    if kind != "spent":
        return None

    def inside(v) -> bool:
        return para.start <= v.start < para.end

    def usable(v) -> bool:
        return v is not None and (inside(v) or report.form == "project_form")

    def ev(v) -> Evidence:
        if inside(v):
            return Evidence(section=para.section, paragraph=para.id, start=v.start, end=v.end,
                            quote=report.text[v.start:v.end])
        where = "TBL" if M.in_project_table(report, v.start) else "B"
        return Evidence(section=where, paragraph=where, start=v.start, end=v.end, quote=report.text[v.start:v.end])

    rate = b.completion_rate
    if usable(rate) and rate.value < 100 - RATE_TOLERANCE:
        return _Counter(**phrase("text", "NUM.FUNDS_CLAIM.counter_execution", {"rate": rate.text}), evidence=[ev(rate)])
    plan = b.adjusted_budget or b.initial_budget
    got = b.actual_spending
    if usable(plan) and usable(got) and _gap_is_real(plan.value, got.value, plan.text, got.text, 1.0):
        return _Counter(**phrase("text", "NUM.FUNDS_CLAIM.counter_budget", {"budget": plan.text, "spent": got.text}),
                        evidence=[ev(got), ev(plan)])
    return None


RULE = Rule(
    id="NUM.FUNDS_CLAIM", code=CODE, severity="high", name=NAME,
    summary_zh="声称资金已全部支付或全部到位，但报告自己的金额或比率表明并非如此",
    summary_en="Money claimed wholly paid or wholly received while the report's own amounts or rates say otherwise",
    example="项目全年预算850.00万元，实际支出812.36万元，项目资金已全部支付完毕，无结余资金。",
    params=(
        Param("rate_tolerance", "RATE_TOLERANCE", "percentage points below 100 still read as 100 (rounding)"),
        Param("min_gap_share", "MIN_GAP_SHARE", "smallest gap, as a share of the planned amount, counted as money left over"),
        Param("negation_window", "NEGATION_WINDOW", "characters before a claim read for 未/没有 (未全部到位)"),
    ),
    confidence=0.85,
    explain_zh="声称「{claim}」；报告中的数据：{counter}",
    explain_en="claimed 「{claim}」; the report's figures: {counter_en}",
    messages=("NUM.FUNDS_CLAIM.spent", "NUM.FUNDS_CLAIM.arrived", "NUM.FUNDS_CLAIM.counter_rate",
              "NUM.FUNDS_CLAIM.counter_gap", "NUM.FUNDS_CLAIM.counter_left", "NUM.FUNDS_CLAIM.counter_execution",
              "NUM.FUNDS_CLAIM.counter_budget"),
)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    nums = M.enrich(report, ctx.mentions, M.config())
    by_para = M.by_paragraph(nums)
    findings = []
    for para in report.paragraphs():
        # (a project's 绩效目标： item plans; an indicator's name, 补贴资金兑付完成时间, names
        # what is measured and claims nothing)
        if para.section not in CLAIM_SECTIONS or para.kind in ("goal", "indicator"):
            continue
        text = para.text
        for kind in KINDS:
            claims = _claims(cues, text, kind)
            if not claims:
                continue
            s, e = claims[0]
            # the statement holding the claim first, then the whole paragraph
            st = next(((a, b) for a, b in statements(text, cues) if a <= s < b), (0, len(text)))
            # an indicator row's answer (全部发放到户 for 补贴发放农户数) speaks of that
            # indicator only: the project's budget rows are no counter to it
            own = para.kind == "indicator_result"
            counter = (_in_paragraph(report, cues, by_para.get(para.id, []), kind, *st)
                       or _in_paragraph(report, cues, by_para.get(para.id, []), kind, 0, len(text))
                       or (None if own else _budget_rows(report, kind, para))
                       or (None if own else _in_basic_part(report, cues, by_para, kind, para))
                       or (None if own else _same_amount(report, cues, by_para, kind, para, st)))
            if counter is None:
                continue
            # the claim is quoted as its whole clause (项目资金已全部支付完毕)
            s, e = next(((a, b) for a, b in split_clauses(text) if a <= s < b), (s, e))
            while e > s and text[e - 1] in PUNCT:
                e -= 1
            claim = text[s:e]
            ev = [M.para_evidence(report, para, s, e)] + counter.evidence
            for x, role in zip(ev, ["claim"] + ["counter"] * len(counter.evidence)):
                x.role = role
            findings.append(make_finding(
                CODE, "high", KIND_MESSAGE[kind],
                {"paragraph": para.id, "claim": claim, "counter_zh": counter.text_zh, "counter_en": counter.text_en},
                ev,
                {"rule": NAME, "claim": claim, "kind": kind, "counter": counter.text_zh,
                 "counter_en": counter.text_en},
            ))
            break  # one finding per paragraph: the second kind restates the same defect
    return findings
