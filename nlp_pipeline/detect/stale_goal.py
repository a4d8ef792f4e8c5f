"""DATE_OUT_OF_PERIOD (stale target): a goal or an indicator's target of the evaluated year
dated before that year (a 2024 report's goal 「2023年底前完成…主体施工」, a 2022 form's
时效指标 target 「2021年12月底前」): the target was copied from last year's form.

Goals (G), task targets and the target column of indicator tables are read. A year (or a
year and month) counts when a deadline word follows it (年底前, 前完成, 完工 …: concept
``deadline`` of lexicons/cues.yaml); a year named as a baseline (较2023年, 在2023年基础上)
has none. The evaluated year is the report's (its title or header).
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect._textcommon import report_org_year
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.model import Evidence
from nlp_pipeline.text import extract_numbers
from nlp_pipeline.text.annotate import Cues, default_cues

CODE = "DATE_OUT_OF_PERIOD"
DEADLINE_WINDOW = 6  # characters after a date read for its deadline word

RULE = Rule(
    id="NUM.STALE_TARGET", code=CODE, severity="low", name="STALE_TARGET",
    summary_zh="本年度的目标或指标值写着上一年的时限，疑为照抄上年表格",
    summary_en="A goal or indicator target of the evaluated year with a deadline in an earlier year (copied from last year's form)",
    example="（2024年度报告）年度目标：2023年底前完成古城传统民居保护修缮工程主体施工。",
    params=(Param("deadline_window", "DEADLINE_WINDOW", "characters after a date read for its deadline word"),),
    confidence=0.75,
    explain_zh="目标「{target}」的时限早于评价年度{report_year}年",
    explain_en="the target 「{target}」 has a deadline before the evaluated year {report_year}",
    messages=("NUM.STALE_TARGET.indicator", "NUM.STALE_TARGET.goal"),
)


def _stale(text: str, dates: list[tuple[str, int, int]], year: int, cues: Cues) -> list[tuple[int, int, int]]:
    """Deadlines before ``year`` among ``dates`` (text, start, end) of ``text``."""
    out = []
    for mtext, start, end in dates:
        digits = "".join(ch for ch in M.normalize(mtext) if ch.isdigit())[:4]
        if len(digits) < 4 or int(digits) >= year or int(digits) < 1990:
            continue
        after = text[end:end + DEADLINE_WINDOW]
        if cues.has(after, "deadline") and not cues.has(text[max(0, start - 2):start], "comparison_before"):
            out.append((start, end + len(after.split("，")[0]), int(digits)))
    return out


def _dates_of(text: str) -> list[tuple[str, int, int]]:
    return [(m.text, m.start, m.end) for m in extract_numbers(text) if m.kind in ("YEAR", "DATE")]


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    year = report_org_year(report)[1]
    if not year:
        return []
    cues = default_cues()
    findings = []
    targets = list(report.paragraphs("G")) + [t.target for t in report.tasks if t.target is not None]
    by_para = M.by_paragraph(M.enrich(report, ctx.mentions, M.config()))
    for p in targets:
        dates = [(n.m.text, n.i, n.j) for n in by_para.get(p.id, []) if n.m.kind in ("YEAR", "DATE")]
        hits = _stale(p.text, dates, year, cues)
        if hits:
            s, e, y = hits[0]
            ev = M.para_evidence(report, p, s, min(e, len(p.text)))
            ev.role = "target"
            findings.append(_finding(p.id, ev, y, year, p.text))
    for t in report.tasks:
        for ind in t.indicators:
            if not ind.target or ind.name_paragraph is None:
                continue
            hits = _stale(ind.target, _dates_of(ind.target), year, cues)
            if hits:
                rp = ind.result_paragraph or ind.name_paragraph
                ev = Evidence(section=rp.section, paragraph=rp.id, start=rp.start, end=rp.end,
                              quote=report.text[rp.start:rp.end], role="target")
                findings.append(_finding(ind.name_paragraph.id, ev, hits[0][2], year, ind.target,
                                         name=ind.name))
    return findings


def _finding(pid: str, ev: Evidence, y: int, year: int, target: str, name: str = ""):
    return make_finding(
        CODE, "low", "NUM.STALE_TARGET.indicator" if name else "NUM.STALE_TARGET.goal",
        {"paragraph": pid, "report_year": year, **({"name": name} if name else {}), "target": target.strip()[:40],
         "year": y},
        [ev], {"target": target.strip()[:40], "report_year": year, "year": y},
    )
