"""HTML pages: one per report and an index of a batch sorted by score.

Templates are in templates/ and rendered by jinja2 with autoescape on. The only markup
made here is the highlighting of evidence in paragraph text, and every piece of report
text in it goes through markupsafe.escape first, so a report containing "<script>" shows
it as text. The pages carry no script at all, and a Content-Security-Policy that
forbids one.
"""
from __future__ import annotations

import math
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from nlp_pipeline.model import Analysis, Paragraph
from nlp_pipeline.report.metrics import unique_paragraphs

SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}

LABELS = {
    "zh": {
        "lang": "zh-CN",
        "report": "绩效自评报告筛查结果",
        "index_title": "批量筛查结果（按得分排序，风险最高在前）",
        "organisation": "单位",
        "year": "年度",
        "source": "文件",
        "reader": "读取方式",
        "score": "得分",
        "score_note": "0–100，越高风险越低",
        "part": "组成部分",
        "value": "数值",
        "points": "得分",
        "max": "满分",
        "parts": {
            "coverage_points": ("目标覆盖", "goal_coverage", 25),
            "evidence_points": ("证据密度", "evidence_density", 20),
            "originality_points": ("原创性（1 − 重复文字占比）", "duplicated_share", 15),
            "findings_points": ("问题扣分（严重度加权）", "severity_penalty", 40),
        },
        "alignment": "目标与完成情况对照",
        "alignments": {
            "outcomes_to_goals": ("年度目标", "目标完成情况"),
            "performance_to_goals": ("年度目标", "部门整体绩效"),
            "tasks_to_goals": ("年度目标", "主要任务"),
            "problems_to_improvements": ("存在问题", "改进措施"),
        },
        "align_score": "对齐分",
        "no_match": "（无对应内容）",
        "unmatched_sources": "未对应任何目标的内容",
        "findings": "发现的问题",
        "no_findings": "未发现问题。",
        "severity": {"high": "高", "medium": "中", "low": "低"},
        "evidence": "证据",
        "paragraph": "段落",
        "offsets": "位置",
        "quote": "原文",
        "values": "比较的数值",
        "text": "报告全文（证据已标出）",
        "numbers": "数字表",
        "mention_cols": ["段落", "原文", "类型", "数值", "单位", "基准值", "基准单位", "指标", "角色", "限定"],
        "budget": "预算",
        "budget_fields": {
            "adjusted_budget": "调整预算",
            "initial_budget": "年初预算",
            "actual_spending": "实际支出",
            "adjustment": "预算调整数",
            "general_public_budget": "其中：一般公共预算",
            "completion_rate": "预算完成率",
            "adjustment_rate": "预算调整率",
        },
        "missing": "缺少部分",
        "back": "返回列表",
        "rank": "排名",
        "id": "报告",
        "n_findings": "问题数",
        "errors": "无法读取的文件",
        "stage": "阶段",
        "reason": "原因",
        "none": "无",
        "metrics": "研究指标",
        "sections": {"G": "年度目标", "O": "目标完成情况", "T": "主要任务", "K": "重点项目", "P": "部门整体绩效", "Q": "存在问题", "I": "改进措施"},
    },
    "en": {
        "lang": "en",
        "report": "Performance self-evaluation report: screening result",
        "index_title": "Batch screening results (sorted by score, riskiest first)",
        "organisation": "Organisation",
        "year": "Year",
        "source": "File",
        "reader": "Reader",
        "score": "Score",
        "score_note": "0–100, higher is less risky",
        "part": "Part",
        "value": "Value",
        "points": "Points",
        "max": "Max",
        "parts": {
            "coverage_points": ("Goal coverage", "goal_coverage", 25),
            "evidence_points": ("Evidence density", "evidence_density", 20),
            "originality_points": ("Originality (1 − duplicated share)", "duplicated_share", 15),
            "findings_points": ("Findings (severity-weighted)", "severity_penalty", 40),
        },
        "alignment": "Goals and outcomes",
        "alignments": {
            "outcomes_to_goals": ("Goal", "Goal-completion narrative"),
            "performance_to_goals": ("Goal", "Overall performance"),
            "tasks_to_goals": ("Goal", "Main tasks"),
            "problems_to_improvements": ("Problem", "Improvement measure"),
        },
        "align_score": "alignment score",
        "no_match": "(nothing matches)",
        "unmatched_sources": "Reported on no goal",
        "findings": "Findings",
        "no_findings": "No findings.",
        "severity": {"high": "high", "medium": "medium", "low": "low"},
        "evidence": "Evidence",
        "paragraph": "Paragraph",
        "offsets": "Offsets",
        "quote": "Quote",
        "values": "Values compared",
        "text": "Report text (evidence highlighted)",
        "numbers": "Numbers",
        "mention_cols": ["Paragraph", "Text", "Kind", "Value", "Unit", "Base value", "Base unit", "Metric", "Role", "Qualifier"],
        "budget": "Budget",
        "budget_fields": {
            "adjusted_budget": "Adjusted budget",
            "initial_budget": "Initial budget",
            "actual_spending": "Actual spending",
            "adjustment": "Adjustment",
            "general_public_budget": "of which general public budget",
            "completion_rate": "Budget completion rate",
            "adjustment_rate": "Budget adjustment rate",
        },
        "missing": "Missing sections",
        "back": "Back to the list",
        "rank": "Rank",
        "id": "Report",
        "n_findings": "Findings",
        "errors": "Files that could not be read",
        "stage": "Stage",
        "reason": "Reason",
        "none": "none",
        "metrics": "Research measures",
        "sections": {"G": "Annual goals", "O": "Goal completion", "T": "Main tasks", "K": "Key projects", "P": "Overall performance", "Q": "Problems", "I": "Improvement measures"},
    },
}


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=True,  # every template, whatever its file name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = _num
    env.filters["value"] = _value
    return env


_ENV: jinja2.Environment | None = None


def env() -> jinja2.Environment:
    global _ENV
    if _ENV is None:
        _ENV = _env()
    return _ENV


def _num(x, digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if isinstance(x, float):
        if x.is_integer() and abs(x) < 1e15:
            return f"{int(x):,}"
        return f"{x:,.{digits}f}"
    return str(x)


def _value(v) -> str:
    """A compared value for people: scalars as they are, lists and dicts as compact JSON
    (Chinese kept readable), not as Python reprs."""
    import json

    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False, default=str, separators=(", ", ": "))
    if isinstance(v, float):
        return _num(v, 4)
    return str(v)


def highlight(text: str, para: Paragraph, spans: list[tuple[int, int, str, str]]) -> Markup:
    """``para.text`` escaped, with the characters whose Report.text offset lies in a span
    wrapped in <mark>. ``spans`` are (start, end, severity, title), offsets into
    Report.text; where spans overlap the most severe one colours the mark."""
    hits = [s for s in spans if s[0] < para.end and s[1] > para.start]
    if not hits:
        return Markup(escape(para.text))
    keys: list[tuple[int, str] | None] = []
    for i in range(len(para.text)):
        o = para.orig(i)
        best = None
        for a, b, sev, title in hits:
            if a <= o < b:
                cand = (SEVERITY_RANK.get(sev, 3), sev, title)
                if best is None or cand[0] < best[0]:
                    best = cand
                elif cand[0] == best[0] and title not in best[2]:
                    best = (best[0], best[1], best[2] + "; " + title)
        keys.append(best)
    out = []
    i = 0
    while i < len(keys):
        j = i
        while j < len(keys) and keys[j] == keys[i]:
            j += 1
        chunk = escape(para.text[i:j])
        if keys[i] is None:
            out.append(str(chunk))
        else:
            _, sev, title = keys[i]
            out.append(f'<mark class="sev-{escape(sev)}" title="{escape(title)}">{chunk}</mark>')
        i = j
    return Markup("".join(out))


def _findings_context(analysis: Analysis, t: dict) -> list[dict]:
    out = []
    for f in analysis.ensure_ids().findings:
        out.append(
            {
                "no": f.id,
                "code": f.code,
                "severity": f.severity,
                "severity_label": t["severity"].get(f.severity, f.severity),
                "message": f.message if t["lang"] != "en" else (f.message_en or f.message),
                "evidence": f.evidence,
                "values": f.values,
            }
        )
    return out


def _alignment_context(analysis: Analysis, t: dict) -> list[dict]:
    report = analysis.report
    text_of = {p.id: p.text for p in report.paragraphs()}
    out = []
    order = list(t["alignments"])
    names = sorted(analysis.alignments, key=lambda n: (order.index(n) if n in order else 99, n))
    for name in names:
        al = analysis.alignments[name]
        left_title, right_title = t["alignments"].get(name, (al.target_section, al.source_section))
        rows = []
        if al.target_section == "G":
            targets = [p.id for p in report.paragraphs(al.target_section)]
            for pid in targets:
                srcs = [p for p in al.pairs if p.target == pid]
                rows.append(
                    {
                        "left_id": pid,
                        "left": text_of.get(pid, ""),
                        "right": [
                            {"id": p.source, "text": text_of.get(p.source, ""), "score": p.score, "margin": p.margin}
                            for p in srcs
                        ],
                    }
                )
            loose = [p for p in al.pairs if p.target is None]
            if loose:
                rows.append(
                    {
                        "left_id": "",
                        "left": t["unmatched_sources"],
                        "right": [{"id": p.source, "text": text_of.get(p.source, ""), "score": p.score, "margin": p.margin} for p in loose],
                    }
                )
        else:
            # problems -> measures: one row per problem, its measure beside it
            for p in al.pairs:
                rows.append(
                    {
                        "left_id": p.source,
                        "left": text_of.get(p.source, ""),
                        "right": [{"id": p.target, "text": text_of.get(p.target, ""), "score": p.score, "margin": p.margin}]
                        if p.target
                        else [],
                    }
                )
        out.append({"name": name, "left_title": left_title, "right_title": right_title, "rows": rows})
    return out


def render_report(analysis: Analysis, lang: str = "zh", back_link: str | None = None) -> str:
    """The HTML page of one analysed report (a complete, self-contained document)."""
    from nlp_pipeline.report.score import explanation

    t = LABELS["en" if lang == "en" else "zh"]
    report = analysis.report
    spans = []
    for f in analysis.ensure_ids().findings:
        for e in f.evidence:
            spans.append((e.start, e.end, f.severity, f"{f.id} {f.code}"))
    sections = []
    paras = unique_paragraphs(report)
    by_sec: dict[str, list] = {}
    for p in paras:
        by_sec.setdefault(p.section, []).append(p)
    for sec, ps in by_sec.items():
        # the label as written in the report on a Chinese page; a translated one in English
        written = report.sections[sec].title if sec in report.sections else ""
        title = written if written and t["lang"] != "en" else t["sections"].get(sec, written or sec)
        sections.append(
            {"id": sec, "title": title, "paragraphs": [{"id": p.id, "html": highlight(report.text, p, spans)} for p in ps]}
        )
    budget = []
    for key, label in t["budget_fields"].items():
        v = getattr(report.budget, key, None)
        if v is not None:
            budget.append({"label": label, "text": v.text, "value": v.value})
    score = analysis.score
    parts = []
    if score is not None:
        for key, (label, basis, mx) in t["parts"].items():
            parts.append({"label": label, "basis": basis, "value": score.parts.get(basis), "points": score.parts.get(key), "max": mx})
    page = env().get_template("report.html.j2").render(
        t=t,
        report=report,
        rid=report.id,
        score=score,
        score_text=explanation(score, lang) if score is not None else "",
        parts=parts,
        metrics=analysis.metrics,
        findings=_findings_context(analysis, t),
        alignments=_alignment_context(analysis, t),
        sections=sections,
        mentions=analysis.mentions,
        budget=budget,
        back_link=back_link,
        risk=_risk_class(score.total if score else None),
    )
    return page


def _risk_class(total: float | None) -> str:
    if total is None or total != total:
        return "risk-unknown"
    return "risk-high" if total < 50 else "risk-medium" if total < 75 else "risk-low"


def render_index(reports, errors=None, lang: str = "zh", link_prefix: str = "reports/") -> str:
    """The batch index: one row per report, lowest score (riskiest) first."""
    t = LABELS["en" if lang == "en" else "zh"]
    rows = []
    if reports is not None and len(reports):
        df = reports.sort_values(["score", "id"], ascending=[True, True], na_position="first", kind="mergesort")
        for rank, rec in enumerate(df.to_dict("records"), 1):
            rec = {k: (None if _isna(v) else v) for k, v in rec.items()}
            rec["rank"] = rank
            rec["href"] = f"{link_prefix}{rec['id']}.html"
            rec["risk"] = _risk_class(rec.get("score"))
            rows.append(rec)
    errs = []
    if errors is not None and len(errors):
        for rec in errors.to_dict("records"):
            errs.append({k: ("" if _isna(v) else v) for k, v in rec.items()})
    return env().get_template("index.html.j2").render(t=t, rows=rows, errors=errs, lang=lang)


def _isna(v) -> bool:
    try:
        import pandas as pd

        return v is None or (not isinstance(v, (list, dict, str)) and bool(pd.isna(v)))
    except (TypeError, ValueError):
        return False
