"""UNSUPPORTED_CLAIM: a claim of completion or effect with no evidence behind it.

Three rules, all on text that reports results (O, P, K, task completion texts):

* *effect*: a claim of effect (取得较好成效, 明显提升, 一致好评…) in a paragraph that
  gives no figure, names no completed output (no 了/已/累计…) and no source; an
  unsourced perception rate (满意度达到99%) is no figure here but one more claim;
* *perception*: a satisfaction or perception rate (满意率95%以上) in a paragraph that
  names no survey or other source for it (调查, 问卷, 测评, 第三方…), unless the clause
  states a target (确保…);
* *task*: a task whose completion text is only a claim (已完成, 100%) while its target
  names rates or trends (满意率90%, 逐年下降) that none of its indicators reports.

One finding per paragraph (per task), quoting the claims.
"""
from __future__ import annotations

from nlp_pipeline.detect._textcommon import alignment_map, compact, has_figure, lexicon, positional_fill, short
from nlp_pipeline.detect.registry import Context, Rule, evidence, make_finding, phrases, register
from nlp_pipeline.model import Paragraph, Report, Task
from nlp_pipeline.text import patterns as P
from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.text.numbers import first_figure, has_digit
from nlp_pipeline.text.segment import plain_clauses



def _cues(ctx: Context) -> dict:
    return lexicon(ctx, "cues_claims.yaml") or {}


def _result_markers(ctx: Context) -> list[str]:
    # weak markers (全年, 同比) name a period or a comparison, not a completed output
    data = lexicon(ctx, "cues_goal_language.yaml") or {}
    weak = set(data.get("weak_result_markers") or [])
    return [m for m in data.get("result_markers") or [] if m not in weak]


def is_bare_completion(text: str, cues: dict) -> bool:
    c = compact(text)[0]
    return P.has(c, cues.get("bare_completion_patterns") or [])


def _clause_at(text: str, i: int) -> str:
    for a, b in plain_clauses(text):
        if a <= i < b:
            return text[a:b]
    return ""


def _blank(text: str, matches: list) -> str:
    """``text`` with the spans of ``matches`` blanked out."""
    for m in sorted(matches, key=lambda m: -m.start()):
        text = text[: m.start()] + "　" * (m.end() - m.start()) + text[m.end():]
    return text


def _vague_markers(ctx: Context) -> list[str]:
    return list((lexicon(ctx, "cues_goal_language.yaml") or {}).get("claim_weak_result_markers") or [])


def _paragraph_claims(p: Paragraph, cues: dict, markers: list[str],
                      vague: list[str] | tuple = ()) -> list[tuple[int, int, str, str]]:
    """Unsupported claims in one paragraph: ``(start, end, kind, text)``."""
    text = p.text
    sourced = any(s in text for s in cues.get("evidence_sources") or [])
    out = []
    effects = P.finditer(text, cues.get("effect_patterns") or [])
    # an unsourced perception rate (家长满意度达到99%) is itself a claim, not evidence
    perceptions = [] if sourced else P.finditer(text, cues.get("perception_figure_patterns") or [])
    if effects and not sourced and not has_figure(_blank(text, perceptions)):
        # an output named with a result marker outside the claim itself is evidence
        spans = [(m.start(), m.end()) for m in effects]
        plain = _blank(text, P.finditer(text, vague)) if vague else text
        # (a marker in the clause of a claim is part of the claim: 得到了…的充分肯定)
        claimed = [(a, b) for a, b in plain_clauses(text) if any(a <= s < b for s, _ in spans)]
        outside = any(not any(s <= m.start() < e for s, e in spans + claimed) for m in P.finditer(plain, markers))
        if not outside:
            for m in effects:
                out.append((m.start(), m.end(), "effect", m.group()))
            for m in perceptions:
                out.append((m.start(), m.end(), "perception", m.group()))
    if not sourced:
        for m in P.finditer(text, cues.get("perception_patterns") or []):
            clause = _clause_at(text, m.start())
            if any(t in clause for t in cues.get("target_markers") or []):
                continue
            out.append((m.start(), m.end(), "perception", m.group()))
    out.sort()
    merged: list[tuple[int, int, str, str]] = []
    for c in out:
        if merged and c[0] < merged[-1][1]:
            continue
        merged.append(c)
    return merged


def _metric_name(clause: str, cues: dict) -> str:
    """The words of a target clause that name what is measured."""
    first = first_figure(clause)  # the name ends where its figure begins
    cut = first.start if first is not None else len(clause)
    trends = default_cues().find(clause[:cut], "trend")
    if trends and cues.get("effect_metric_patterns"):
        cut = min(cut, trends[0][0])
    name = compact(clause[:cut])[0]
    for w in sorted(cues.get("metric_stopwords") or [], key=len, reverse=True):
        name = name.replace(w, "")
    for w in cues.get("target_markers") or []:
        name = name.replace(w, "")
    return name


def _reported(name: str, haystack: str) -> bool:
    if len(name) < 2:
        return True  # nothing left to look for: give the report the benefit of the doubt
    grams = {name[i : i + 2] for i in range(len(name) - 1)}
    found = sum(1 for g in grams if g in haystack)
    return found / len(grams) >= 0.5


def unreported_targets(task: Task, cues: dict) -> list[tuple[int, int, str]]:
    """Rates and trends named in the task's target that no indicator reports:
    ``(start, end, clause)`` in the target's text."""
    if task.target is None:
        return []
    hay = "".join(
        compact(x)[0]
        for ind in task.indicators
        for x in (ind.name, ind.result, ind.target or "")
    )
    # a rate target (轮训率100%) is reported by an indicator that names the rate's core
    # activity (参加轮训人数) and gives a percentage, whatever the indicator is called
    pct_names = [compact(ind.name)[0] for ind in task.indicators if "%" in (ind.result or "")]
    return [
        c for c in unreported_in(task.target, hay, cues)
        if not _rate_core_reported(_metric_name(c[2], cues), pct_names)
    ]


def _rate_core_reported(name: str, pct_names: list[str]) -> bool:
    # the last rate word of the name, wherever it stands (再犯罪率控制在 -> 犯罪)
    m = P.search(name, P.named("last_rate_word"))
    return bool(m) and any(m.group(1) in n for n in pct_names)


def _is_rate_target(clause: str, cues: dict) -> bool:
    """True when a rate word of ``clause`` (率, 度, 感) is measured by the figure after it:
    a percentage, a score or a bare number (满意度90分, 覆盖率达到100%). A figure in a
    count unit (300人, 200户) is an output, and the 度 before it is part of a word
    (重度残疾人, 年度), not a rate."""
    units = cues.get("rate_figure_units") or ["%"]
    for w in P.finditer(clause, P.named("rate_word")):
        n = first_figure(clause, w.end())
        if n is None:
            continue
        after = clause[n.end:].lstrip()
        if not after or not P.match(after, P.named("cjk_char")) or any(after.startswith(u) for u in units):
            return True
    return False


def unreported_in(target: Paragraph, hay: str, cues: dict) -> list[tuple[int, int, str]]:
    """Rates and trends named in ``target`` that ``hay`` (compact text) does not name."""
    out = []
    text = target.text
    for a, b in plain_clauses(text):
        clause = text[a:b]
        is_metric = P.has(clause, cues.get("effect_metric_patterns") or [])
        trend = default_cues().has(clause, "trend")
        if not is_metric or not (has_digit(clause) or trend):
            continue
        if not trend and not _is_rate_target(clause, cues):
            continue  # a count (服务300人), whatever word with 度 names its people
        name = _metric_name(clause, cues)
        if not _reported(name, hay):
            lead = len(clause) - len(clause.lstrip())
            out.append((a + lead, b, clause.strip()))
    return out


def _narratives(report: Report) -> list[Paragraph]:
    out = [p for s in ("O", "P", "K") for p in report.paragraphs(s) if p.kind != "goal"]
    out += [t.outcome for t in report.tasks if t.outcome is not None]
    return out


RULE = Rule(
    id="TXT.UNSUPPORTED", code="UNSUPPORTED_CLAIM", severity="low",
    summary_zh="成效或完成表述没有数字、产出或来源支撑",
    summary_en="A claim of completion or effect with no figure, output or source behind it",
    example="各项工作取得较好成效，群众满意度明显提升。",
    confidence=0.6,
    explain_zh="段落含成效或完成表述，但没有数字、已完成的产出或数据来源",
    explain_en="the paragraph claims an effect or completion but gives no figure, completed output or source",
    messages=("TXT.UNSUPPORTED.perception", "TXT.UNSUPPORTED.no_support", "TXT.UNSUPPORTED.claim",
              "TXT.UNSUPPORTED.bare_outcome", "TXT.UNSUPPORTED.bare_task"),
)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    cues = _cues(ctx)
    markers = _result_markers(ctx)
    vague = _vague_markers(ctx)
    findings = []
    for p in _narratives(report):
        claims = _paragraph_claims(p, cues, markers, vague)
        if not claims:
            continue
        kinds = {c[2] for c in claims}
        findings.append(
            make_finding(
                "UNSUPPORTED_CLAIM",
                "medium",
                "TXT.UNSUPPORTED.perception" if kinds == {"perception"} else "TXT.UNSUPPORTED.no_support",
                {"paragraph": p.id,
                 **phrases("claims", "TXT.UNSUPPORTED.claim", [{"claim": c[3]} for c in claims[:3]])},
                [evidence(report, p, s, e) for s, e, _, _ in claims],
                {"claims": [c[3] for c in claims], "kinds": sorted(kinds)},
            )
        )
    goals = {g.id: g for g in report.paragraphs("G")}
    for name, sec in (("outcomes_to_goals", "O"), ("performance_to_goals", "P")):
        outs = [o for o in report.paragraphs(sec) if is_bare_completion(o.text, cues)]
        if not outs or not goals:
            continue
        m = positional_fill(
            alignment_map(ctx, name, report.paragraphs(sec), list(goals.values())),
            report.paragraphs(sec), list(goals.values()),
        )
        for o in outs:
            g = goals.get(m.get(o.id) or "")
            missing = unreported_in(g, "", cues) if g is not None else []
            if not missing:
                continue
            names = "；".join(short(c, 20) for _, _, c in missing[:4])
            claim = o.text.strip()
            findings.append(
                make_finding(
                    "UNSUPPORTED_CLAIM",
                    "medium",
                    "TXT.UNSUPPORTED.bare_outcome",
                    {"paragraph": o.id, "claim": claim, "goal": g.id, "count": len(missing), "names": names},
                    [evidence(report, o)] + [evidence(report, g, s, e) for s, e, _ in missing],
                    {"claim": claim, "goal": g.id, "unreported_targets": [c for _, _, c in missing]},
                )
            )
    for t in report.tasks:
        if t.outcome is None or t.target is None or not is_bare_completion(t.outcome.text, cues):
            continue
        missing = unreported_targets(t, cues)
        if not missing:
            continue
        names = "；".join(short(c, 20) for _, _, c in missing[:4])
        claim = t.outcome.text.strip()
        findings.append(
            make_finding(
                "UNSUPPORTED_CLAIM",
                "medium",
                "TXT.UNSUPPORTED.bare_task",
                {"task": t.id, "claim": claim, "count": len(missing), "names": names},
                [evidence(report, t.outcome)] + [evidence(report, t.target, s, e) for s, e, _ in missing],
                {"claim": claim, "unreported_targets": [c for _, _, c in missing]},
            )
        )
    return findings
