"""DATE_OUT_OF_PERIOD: a result dated after the year the report evaluates.

Only text that reports results is read (O, P, K, task completion texts and indicator
results): goals and measures may name later years. A year is skipped when it is part of
a range (2021-2023年), of a title in 《》, of a school year (学年), of a cut-off date
(截至2022年3月: reports are written the next year), or of a clause that states a plan;
a sentence that gives a shortfall's or a delay's cause (未达到…，主要原因是…于2024年1月纳统;
受汛期影响，于2024年3月完工) dates what is late with its reason, no result passed off as
the year's.
Low severity: the report is written after its year, so a later date is often a slip.

A date *before* the year is read only where it cannot be a baseline: a clause that
reports an end event (通过验收, 竣工, 建成, 投入使用…) dated before the year while the
same paragraph dates the start of that work (开工, 启动, 实施…) in the evaluated year or
later, an end before its own start. Baselines and running totals (截至, 自…以来,
上年同期, 较…) are skipped.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import report_org_year
from nlp_pipeline.detect.registry import Context, Rule, evidence, make_finding, register
from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.text.normalize import normalize
from nlp_pipeline.text.numbers import Year, years
from nlp_pipeline.text.segment import plain_clauses, split_sentences, titles, without_spans

_PLAN = ("计划", "将", "拟", "预计", "下一步", "明年", "力争", "确保", "争取", "截至", "截止", "目标", "预算", "部署")


def _full_sentence(text: str, a: int, b: int) -> str:
    """The sentence around ``a``..``b`` up to its full stops, across ；: a cause given before
    the semicolon (未完成，主要原因是…；2024年2月起已派驻…) belongs to what follows it."""
    start = max(text.rfind(ch, 0, a) for ch in "。！？!?\n") + 1
    ends = [k for k in (text.find(ch, b) for ch in "。！？!?\n") if k >= 0]
    return text[start: min(ends) if ends else len(text)]


def _clause(text: str, i: int, j: int) -> tuple[int, int]:
    for a, b in plain_clauses(text):
        if a <= i < b:
            return a, max(b, j)
    return i, j


_BASELINE = ("截至", "截止", "自", "以来", "上年", "去年", "同期", "较", "比", "累计", "原")


def _dated(y: Year) -> bool:
    """A year of this century written as one (2021年), no end of a range: the range's
    other end decides what it dates (2021-2023年 is a plan or a period)."""
    return y.suffix == "年" and y.role == "year" and y.year // 100 == 20


def _early(y: Year) -> bool:
    """A year of this century written as one or as the start of a range (2021年-2023年
    dates what starts in 2021), not the end of one."""
    return y.suffix == "年" and y.role != "to" and y.year // 100 == 20


def _end_before_start(text: str, year: int) -> list[tuple[int, int, int]]:
    """(start, end, year) of each clause dating an end event before the evaluated year
    while another clause of ``text`` dates a start event in or after it."""
    starts, ends = [], []
    for found in filter(_early, years(text)):
        y = found.year
        cs, ce = _clause(text, found.start, found.end)
        clause = text[cs:ce]
        after = text[found.end:ce]
        if any(w in clause for w in _BASELINE):
            continue
        if y >= year and default_cues().has(after, "event_start"):
            starts.append(found.start)
        elif y < year and default_cues().has(after, "event_end") and not default_cues().has(after, "preparatory_step"):
            ends.append((cs, ce, y))  # 2022年12月完成招标 ends a step before the work, not the work
    return [e for e in ends if starts] if starts else []


# more words that make a dated clause of last year a history, not a result
_HISTORY = ("起", "至今", "此前", "先后")
END_WITHIN = 12  # characters after a dated month in which its end event must be named


def _month_end(text: str, end: int) -> int | None:
    """The offset after 「年N月」 when the year's digits ending at ``end`` carry a month."""
    k = end
    if k < len(text) and text[k] == "年":
        k += 1
    d = k
    while k < len(text) and text[k].isdigit() and k - d < 2:
        k += 1
    return k + 1 if k > d and k < len(text) and text[k] == "月" else None


def _done_the_year_before(text: str, year: int) -> list[tuple[int, int, int]]:
    """A sentence of results that reports a piece of work finished in a month of the
    previous year (2022年12月完成第五批传承人认定工作, in a 2023 report) and dates nothing in
    the evaluated year: last year's result reported as this year's."""
    out = []
    for a, b in split_sentences(text):
        ys = [f for f in years(text[a:b]) if _dated(f)]
        out += _result_before_target(text, a, ys, year)
        if any(f.year >= year for f in ys):
            continue  # 2022年12月完成招标，2023年3月开工: last year's step of this year's work
        for f in ys:
            if f.year != year - 1 or f.role != "year":
                continue
            m_end = _month_end(text, a + f.end)
            if m_end is None:
                continue
            after = text[m_end:m_end + END_WITHIN]
            if not default_cues().has(after, "event_end") \
                    or default_cues().has(after, "preparatory_step"):
                continue
            out += _as_result(text, a, f)
    return out


def _as_result(text: str, a: int, f: Year) -> list[tuple[int, int, int]]:
    """The clause of year ``f`` (in the sentence at ``a``) as a dated result, [] where the
    clause is a baseline, a history or a plan."""
    cs, ce = _clause(text, a + f.start, a + f.end)
    if any(w in text[cs:ce] for w in _BASELINE + _HISTORY + _PLAN):
        return []
    return [(cs, ce, f.year)]


OUTPUT_WITHIN = 4  # characters after an opening year in which its output verb must stand


def _opens_with_earlier_year(text: str, year: int) -> list[tuple[int, int, int]]:
    """A sentence of results that opens with an earlier year and its output (「2022年共完成
    河道清淤8.6公里」 in a 2023 report) and dates nothing in the evaluated year: another
    year's result reported as this year's (a text copied from an earlier report)."""
    out = []
    for a, b in split_sentences(text):
        lead = len(text[a:b]) - len(text[a:b].lstrip(" \u3000\t"))
        ys = [f for f in years(text[a:b]) if _dated(f)]
        if not ys or ys[0].start != lead or ys[0].year >= year or any(f.year >= year for f in ys):
            continue
        f = ys[0]
        after = text[a + f.end:a + f.end + 1 + OUTPUT_WITHIN].lstrip("年度")
        if not default_cues().has(after[:OUTPUT_WITHIN], "output_verb"):
            continue
        out += _as_result(text, a, f)
    return out


def _result_before_target(text: str, a: int, ys: list, year: int) -> list[tuple[int, int, int]]:
    """完工时间：目标值2023年11月底前，完成值2021年11月20日完工: a result dated before the
    evaluated year against a target dated in it, in one sentence of a target/result pair."""
    cues = default_cues()
    out = []
    targets = [f for f in ys if f.year >= year and cues.has(text[max(a, a + f.start - 6):a + f.start], "target_label")]
    if not targets:
        return out
    for f in ys:
        if f.year < year and f.start > targets[0].end and cues.has(text[max(a, a + f.start - 6):a + f.start], "result_label"):
            cs, ce = _clause(text, a + f.start, a + f.end)
            out.append((cs, ce, f.year))
    return out


def _row_before_target(text: str, target: str | None, year: int) -> list[tuple[int, int, int]]:
    """An indicator row whose target is dated in the evaluated year (2023年12月底前) and whose
    result is a date of an earlier year only (2022年12月20日): the year-before date is no
    result of this year's work (a date copied from last year's form)."""
    if not target or not any(f.year >= year for f in years(normalize(target)) if _dated(f)):
        return []
    ys = [f for f in years(text) if _dated(f)]
    if not ys or any(f.year >= year for f in ys):
        return []
    cs, ce = _clause(text, ys[0].start, ys[0].end)
    if any(w in text[cs:ce] for w in _BASELINE + _HISTORY + _PLAN):
        return []
    return [(cs, ce, ys[0].year)]


def _masked_titles(text: str) -> str:
    # a year inside a title or a document number (《2023年工作方案》, 〔2023〕5号) dates no
    # result; a year range in brackets (（2021-2023年）) is a range, which years() marks
    return without_spans(text, titles(text), "#")


RULE = Rule(
    id="NUM.DATE", code="DATE_OUT_OF_PERIOD", severity="low",
    summary_zh="报告结果的日期晚于所评价年度（或完工早于开工）",
    summary_en="A result dated after the year the report evaluates (or an end before its own start)",
    example="（2022年度报告）该项目已于2023年5月完成竣工验收。",
    confidence=0.6,
    explain_zh="结果表述中的年份 {years} 不在评价年度 {report_year} 内",
    explain_en="the years {years} in a statement of results lie outside the evaluated year {report_year}",
    messages=("NUM.DATE.later_year", "NUM.DATE.end_before_start", "NUM.DATE.year_before"),
)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    year = report_org_year(report)[1]
    if not year:
        return []
    paras = [p for s in ("O", "P", "K") for p in report.paragraphs(s) if p.kind != "goal"]
    row_targets: dict[str, str] = {}
    for t in report.tasks:
        if t.outcome is not None:
            paras.append(t.outcome)
        paras += [i.result_paragraph for i in t.indicators if i.result_paragraph is not None]
        row_targets.update({i.result_paragraph.id: i.target for i in t.indicators
                            if i.result_paragraph is not None and i.target})
    findings = []
    reasons = M.config().get("indicator", {}).get("reason_words") or []
    for p in paras:
        text = _masked_titles(normalize(p.text))  # same offsets, ASCII digits
        hits = []
        for found in filter(_dated, years(text)):
            y = found.year
            if y <= year or text[found.end:].lstrip().startswith("年学年"):
                continue
            cs, ce = _clause(p.text, found.start, found.end)
            clause = p.text[cs:ce]
            # the sentence, not only the clause: 「…因7月强降雨停工45天，于2024年2月完工」
            # discloses a delay in the clause before the date
            sent = next((p.text[a:b] for a, b in split_sentences(p.text) if a <= cs < b), clause)
            if any(w in clause for w in _PLAN) or default_cues().has(clause, "future_plan") \
                    or default_cues().has(sent, "delayed") or default_cues().has(clause, "carried_over") \
                    or any(w in _full_sentence(p.text, cs, ce) for w in reasons):
                continue  # (a late part disclosed with its date is the claim rules' evidence)
            hits.append((cs, ce, y, clause.strip()))
        for cs, ce, y in _end_before_start(text, year) or _done_the_year_before(text, year) \
                or _opens_with_earlier_year(text, year) or _row_before_target(text, row_targets.get(p.id), year):
            hits.append((cs, ce, y, p.text[cs:ce].strip()))
        if not hits:
            continue
        quotes = "、".join(f"「{h[3][:30]}」" for h in hits[:3])
        findings.append(
            make_finding(
                "DATE_OUT_OF_PERIOD",
                "low",
                "NUM.DATE.later_year" if hits[0][2] > year else (
                    "NUM.DATE.end_before_start" if _end_before_start(text, year) else "NUM.DATE.year_before"),
                {"paragraph": p.id, "report_year": year, "year": hits[0][2], "quotes": quotes},
                [evidence(report, p, cs, ce) for cs, ce, _, _ in hits],
                {"report_year": year, "years": sorted({h[2] for h in hits})},
            )
        )
    return findings
