"""CLAIM_CONTRADICTED (an event said not to have happened): an outcome or verdict that says
an event did not happen in the year (全年未发生医疗纠纷和安全事故; 全年森林火灾零发生) while the
report counts that same event elsewhere (调解处理医疗纠纷2起; 全年发生一般森林火灾2起).

The claim is a clause of O, P or K holding a ``zero_event`` phrase (the events named after
it, split at 和/及/、/或) or a ``zero_event_after`` one (the event named before it), concepts
of lexicons/cues.yaml. The counter is a clause of any part but the goals and the measures
(they plan) that names the same event, at least ``MIN_EVENT`` characters of its name, and
counts it: a figure in an event unit (``event_unit``: 起, 次, 例 …) in that clause, not after a
word of change (``event_change``: 较上年减少2起 counts a fall) or of another year (``past_period``),
and with no negation of its own. A claim
about one grade of event (重大安全事故) is held only against a count of that grade
(``event_severity``): 发生一般事故1起 does not contradict 未发生重大事故.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.text.numbers import extract_numbers
from nlp_pipeline.text.segment import plain_clauses

CODE = "CLAIM_CONTRADICTED"
MIN_EVENT = 4  # characters of the event's name a counter must repeat (医疗纠纷, 森林火灾)
CLAIM_SECTIONS = ("O", "P", "K")
COUNTER_SKIP = ("G", "I")  # goals and measures plan: 确保不发生…, 杜绝…
COUNT_NEAR = 30  # characters between the event's name and its count in one clause
JOINERS = ("和", "及", "、", "或", "与", "以及")

RULE = Rule(
    id="TXT.ZERO_CLAIM", code=CODE, severity="high", name="ZERO_CLAIM",
    summary_zh="完成情况称某类事件全年未发生（零发生），报告别处却记有同一事件的次数",
    summary_en="An outcome says an event did not happen in the year while the report counts that same event elsewhere",
    example="P1：全年未发生医疗纠纷和安全事故。O4：全年调解处理医疗纠纷2起。",
    params=(Param("min_event", "MIN_EVENT", "characters of the event's name a counter must repeat"),
            Param("count_near", "COUNT_NEAR", "characters between the event's name and its count in one clause")),
    confidence=0.8,
    explain_zh="「{claim}」说未发生「{event}」，而「{counter}」记有{count}",
    explain_en="「{claim}」 says no 「{event}」 happened, while 「{counter}」 counts {count}",
    messages=("TXT.ZERO_CLAIM.main",),
)


def _strip_lead(s: str) -> str:
    """The event's name without the scope words before it (全年, 实现, 全院 …)."""
    lead = default_cues().lex.concepts["event_scope"].phrases
    changed = True
    while changed:
        changed = False
        for w in lead:
            if s.startswith(w):
                s, changed = s[len(w):], True
        if not changed and len(s) > 2 and s[0] == "全" and s[1] != "面":
            s, changed = s[2:], True  # 全院, 全校, 全乡: the scope, not the event
    return s


def _split_events(s: str) -> list[str]:
    parts = [s]
    for j in JOINERS:
        parts = [x for p in parts for x in p.split(j)]
    return [p.strip(" 等的") for p in parts if p.strip(" 等的")]


def _claimed_events(cues, clause: str) -> list[str]:
    """The events a clause says did not happen."""
    out = []
    for a, b in cues.find(clause, "zero_event"):
        out += _split_events(clause[b:].strip())
    for a, b in cues.find(clause, "zero_event_after"):
        head = clause[:a].rstrip("的")
        for v in ("发生", "的"):
            head = head[:-len(v)] if head.endswith(v) else head
        out += _split_events(_strip_lead(head))
    return [_strip_lead(e) for e in out if len(_strip_lead(e)) >= MIN_EVENT]


def _grade(cues, s: str) -> str | None:
    found = cues.find(s, "event_severity")
    return s[found[0][0]:found[0][1]] if found else None


def _core(cues, event: str) -> str:
    """The event's name without its grade (重大安全事故 -> 安全事故)."""
    for a, b in sorted(cues.find(event, "event_severity"), reverse=True):
        event = event[:a] + event[b:]
    return event


def _count(cues, clause: str, at: int) -> str | None:
    """The figure that counts the event named at ``at`` in ``clause``, if any: in a unit of
    ``event_unit``, not after a change (``event_change``) or another year (``past_period``)."""
    units = tuple(cues.lex.concepts["event_unit"].phrases)
    for m in extract_numbers(clause):
        unit = (m.unit or "").strip()
        if not unit.startswith(units) or m.value is None or m.value <= 0 or abs(m.start - at) > COUNT_NEAR:
            continue
        if cues.has(clause[max(0, m.start - 6):m.start], "event_change") or cues.has(clause[:m.start], "past_period"):
            continue
        return m.text
    return None


def _counters(report, cues):
    for q in report.paragraphs():
        if q.section in COUNTER_SKIP or q.kind == "goal":
            continue
        for a, b in plain_clauses(q.text):
            clause = q.text[a:b]
            if cues.has(clause, "zero_event") or cues.has(clause, "zero_event_after") or cues.has(clause, "not_done"):
                continue
            yield q, a, b, clause


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = default_cues()
    counters = list(_counters(report, cues))
    findings, seen = [], set()
    for p in report.paragraphs():
        if p.section not in CLAIM_SECTIONS or p.kind == "goal":
            continue
        for a, b in plain_clauses(p.text):
            clause = p.text[a:b]
            for event in _claimed_events(cues, clause):
                core, grade = _core(cues, event), _grade(cues, event)
                if len(core) < MIN_EVENT:
                    continue
                hit = None
                for q, qa, qb, qc in counters:
                    if q is p and qa == a:
                        continue
                    at = qc.find(core)
                    if at < 0:
                        continue
                    if grade is not None and _grade(cues, qc[max(0, at - 4):at]) != grade:
                        continue  # 一般事故 against 未发生重大事故: another grade
                    count = _count(cues, qc, at)
                    if count is not None:
                        hit = (q, qa, qb, qc, count)
                        break
                if hit is None or (p.id, a) in seen:
                    continue
                seen.add((p.id, a))
                q, qa, qb, qc, count = hit
                claim, counter = clause.strip(" ，,；;。"), qc.strip(" ，,；;。")
                findings.append(make_finding(
                    CODE, "high", "TXT.ZERO_CLAIM.main",
                    {"paragraph": p.id, "claim": claim, "other": q.id, "counter": counter},
                    [M.para_evidence(report, p, a, b), M.para_evidence(report, q, qa, qb)],
                    {"claim": claim, "event": core, "counter": counter, "count": count},
                    roles=["claim", "counter"],
                ))
    return findings
