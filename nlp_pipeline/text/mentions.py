"""All numeric mentions of a report, with offsets into Report.text and paragraph ids.

Paragraph texts are scanned one by one and their offsets mapped back through
``Paragraph.span``. Three things need the structure of the report, not just its text:

* an indicator result with no metric phrase of its own ("100%", "350处") counts
  what the indicator's name says, so it takes the name as its metric;
* indicator funds and the budget table are money in the report's currency unit even
  when written as bare numbers; a funds cell belongs to its task (paragraph id of the
  task, metric 任务涉及资金), never to the indicator result beside it;
* the paragraph a number is in gives its default role (a goal states targets, an
  outcome states actuals) when no cue word decides.
"""
from __future__ import annotations

import dataclasses
import re

from nlp_pipeline.model import Budget, Indicator, Mention, Paragraph, Report, Task
from nlp_pipeline.text.lexicon import number_lexicon
from nlp_pipeline.text.numbers import _round, extract_numbers

_NUM_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_METRIC_KINDS_SKIP = {"DATE", "YEAR", "EXPR"}


def _default_role(p: Paragraph) -> str | None:
    ctx = number_lexicon().ctx
    kind_key = {
        "task": "task_target",
        "task_outcome": "task_outcome",
        "indicator": "indicator_name",
        "indicator_result": "indicator_result",
    }.get(p.kind)
    if kind_key:
        return ctx.get(kind_key)
    return (ctx.get("default_role_by_section") or {}).get(p.section)


def _paragraph_mentions(report: Report, p: Paragraph) -> list[Mention]:
    out = []
    default = _default_role(p)
    forced_target = default == "target"  # goals and targets state targets, whatever the verb
    for m in extract_numbers(p.text):
        a, b = p.span(m.start, m.end)
        m.text = report.text[a:b] if report.text[a:b] else m.text
        m.start, m.end = a, b
        m.paragraph = p.id
        if m.kind not in _METRIC_KINDS_SKIP:
            if m.role != "budget" and (forced_target or m.role is None):
                m.role = default
        out.append(m)
    return out


def _name_metric(name_p: Paragraph | None, name_mentions: list[Mention], name: str) -> str | None:
    for m in name_mentions:
        if m.metric:
            return m.metric
    text = name_p.text if name_p is not None else name
    return text.strip() or None


def _task_spans(task: Task) -> list[tuple[int, int]]:
    """Offsets of every text paragraph of a task (target, outcome, names, results)."""
    out = []
    for p in (task.target, task.outcome):
        if p is not None:
            out.append((p.start, p.end))
    for ind in task.indicators:
        for p in (ind.name_paragraph, ind.result_paragraph):
            if p is not None:
                out.append((p.start, p.end))
    return out


def _funds_mention(report: Report, ind: Indicator, task: Task) -> Mention | None:
    """The 任务涉及资金 cell of an indicator row, as money of the task.

    The cell is no part of the indicator's result: the mention carries the task's id
    (its target paragraph, the place the gold files use for a task) and the funds
    metric of the lexicon, not the indicator's name, so it never reads as a second
    value of what the indicator counts. Its offsets are those of the amount in the row
    after the indicator, outside every text cell of the task.
    """
    if ind.funds is None:
        return None
    unit = report.currency_unit or "元"
    info = number_lexicon().units.get(unit)
    factor = info.factor if info is not None else report.currency_factor
    anchor = ind.result_paragraph or ind.name_paragraph
    start = end = anchor.end if anchor is not None else 0
    text = ""
    if anchor is not None:
        line_end = report.text.find("\n", anchor.end)
        line_end = len(report.text) if line_end < 0 else line_end
        cells = _task_spans(task)
        for tok in _NUM_TOKEN.finditer(report.text, anchor.end, line_end):
            if any(a <= tok.start() < b for a, b in cells):
                continue  # a figure of another indicator's cell in the same row
            after = report.text[tok.end() : tok.end() + 1]
            if after and (after.isdigit() or after in "%％"):
                continue
            if abs(float(tok.group().replace(",", "")) - ind.funds) < 1e-9:
                start, end, text = tok.start(), tok.end(), tok.group()
                break
    if not text:
        # the amount is not written after the indicator (a row shifted by a stray cell):
        # a mention is a span of the text that quotes it, so there is none
        return None
    base = _round(ind.funds * factor)
    metric = str(number_lexicon().ctx.get("funds_metric") or "任务涉及资金")
    return Mention(
        text=text,
        start=start,
        end=end,
        kind="MONEY",
        value=ind.funds,
        unit=unit,
        base_value=base,
        base_unit="元",
        qualifier="exact",
        low=base,
        high=base,
        metric=metric,
        role="budget",
        paragraph=task.id,
    )


def _budget_mentions(report: Report) -> list[Mention]:
    labels = number_lexicon().ctx.get("budget_labels") or {}
    out = []
    for f in dataclasses.fields(Budget):
        bv = getattr(report.budget, f.name)
        if bv is None or f.name == "parts":
            continue  # the rows under the total are parts, read by the rule that sums them
        found = extract_numbers(bv.text, currency_unit=report.currency_unit)
        m = found[0] if found else None
        if m is None:
            unit = report.currency_unit or "元"
            base = _round(bv.value * report.currency_factor)
            m = Mention(bv.text, 0, len(bv.text), "MONEY", bv.value, unit, base, "元", low=base, high=base)
        if report.text[bv.start : bv.end] == bv.text:
            m.start, m.end = bv.start + m.start, bv.start + m.end
        else:
            m.start, m.end = bv.start, bv.end
        m.text = report.text[m.start : m.end] or bv.text
        m.metric = labels.get(f.name, f.name)
        m.role = "budget"
        m.paragraph = None
        out.append(m)
    return out


def extract_mentions(report: Report) -> list[Mention]:
    """Every numeric mention of ``report`` (paragraphs, indicators, funds, budget).

    Offsets are into ``report.text``; ``Mention.paragraph`` is the paragraph id (None for
    the budget table, which is no paragraph; a budget figure written in a paragraph's
    sentence is there twice: the budget's, and its paragraph's).
    """
    out: list[Mention] = []
    by_para: dict[str, list[Mention]] = {}
    for p in report.paragraphs():
        ms = _paragraph_mentions(report, p)
        by_para[p.id] = ms
        out.extend(ms)
    for task in report.tasks:
        for ind in task.indicators:
            name_p, res_p = ind.name_paragraph, ind.result_paragraph
            if res_p is not None:
                name_ms = by_para.get(name_p.id, []) if name_p is not None else []
                name_metric = _name_metric(name_p, name_ms, ind.name)
                name_text = name_p.text if name_p is not None else ind.name
                for m in by_para.get(res_p.id, []):
                    if m.kind in _METRIC_KINDS_SKIP:
                        continue
                    if not m.metric or m.metric in (name_text or ""):
                        m.metric = name_metric
            fm = _funds_mention(report, ind, task)
            if fm is not None:
                out.append(fm)
    # a budget figure written in a sentence is there twice, the budget's and its
    # paragraph's: the sentence keeps its own reading (its unit, its metric, the breakdown
    # after it), so a claim beside it (实际支付…，资金全部支付完毕) is read against it
    out.extend(_budget_mentions(report))
    out.sort(key=lambda m: (m.start, m.end))
    return out
