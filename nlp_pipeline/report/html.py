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
            "originality_points": ("重复文字（按重复文字占比扣分）", "duplicated_share", 15),
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
        "why": "依据",
        "rule": "规则",
        "severity": {"high": "高", "medium": "中", "low": "低"},
        "evidence": "证据",
        "paragraph": "段落",
        "offsets": "位置",
        "quote": "原文",
        "values": "比较的数值",
        "text": "报告全文（证据已标出）",
        "numbers": "数字表",
        "mention_cols": ["段落", "原文", "类型", "数值", "单位", "折算值", "指标", "角色", "限定"],
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
        "details": "得分构成与研究指标",
        "in_context": "原文上下文",
        "filters": "筛选",
        "score_range": "得分范围",
        "score_min": "最低得分",
        "score_max": "最高得分",
        "findings_min": "问题数不少于",
        "code_filter": "问题类型",
        "all_codes": "全部类型",
        "shown": "显示 {n} / {total} 份报告",
        "sort_hint": "点击列标题排序",
        "main_codes": "问题类型",
        "n_high": "高风险问题数",
        "n_medium": "中风险问题数",
        "n_low": "低风险问题数",
        "fold_hint": "（点击展开）",
        "answered_elsewhere": "（未一一配对；措施中有措辞回应）",
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
            "originality_points": ("Duplicated text (points lost by its share)", "duplicated_share", 15),
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
        "why": "Why",
        "rule": "rule",
        "severity": {"high": "high", "medium": "medium", "low": "low"},
        "evidence": "Evidence",
        "paragraph": "Paragraph",
        "offsets": "Offsets",
        "quote": "Quote",
        "values": "Values compared",
        "text": "Report text (evidence highlighted)",
        "numbers": "Numbers",
        "mention_cols": ["Paragraph", "Text", "Kind", "Value", "Unit", "In base unit", "Metric", "Role", "Qualifier"],
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
        "details": "Score parts and research measures",
        "in_context": "In context",
        "filters": "Filter",
        "score_range": "Score range",
        "score_min": "Lowest score",
        "score_max": "Highest score",
        "findings_min": "At least this many findings",
        "code_filter": "Kind of finding",
        "all_codes": "all kinds",
        "shown": "showing {n} of {total} reports",
        "sort_hint": "click a column heading to sort",
        "main_codes": "Kinds of finding",
        "n_high": "High-severity findings",
        "n_medium": "Medium-severity findings",
        "n_low": "Low-severity findings",
        "fold_hint": "(click to open)",
        "answered_elsewhere": "(not paired one to one; a measure answers it in its wording)",
        "sections": {"G": "Annual goals", "O": "Goal completion", "T": "Main tasks", "K": "Key projects", "P": "Overall performance", "Q": "Problems", "I": "Improvement measures"},
    },
}


# What readers see instead of the internal names of codes, kinds and units.
CODE_LABELS = {
    "zh": {
        "DUPLICATE_PARAGRAPH": "段落重复", "OUTCOME_RESTATES_GOAL": "完成情况照抄目标",
        "UNSUPPORTED_CLAIM": "结论缺少数据支撑", "CLAIM_CONTRADICTED": "结论与数据矛盾",
        "NUMBER_CONFLICT": "同一指标数值不一致", "ARITHMETIC_MISMATCH": "数字加总不符",
        "IMPLAUSIBLE_MAGNITUDE": "数量级不合理", "RATE_OVER_100": "比率超过100%",
        "UNIT_MISMATCH": "单位不一致", "GOAL_WITHOUT_OUTCOME": "目标无完成情况",
        "PROBLEM_WITHOUT_MEASURE": "问题无改进措施", "VAGUE_MEASURE": "措施空泛",
        "NAME_VARIANT": "名称写法不一", "DATE_OUT_OF_PERIOD": "日期超出报告年度",
        "INDICATOR_SHORTFALL": "指标未达目标", "DEVIATION_UNEXPLAINED": "偏差未说明原因",
        "SCORE_MISMATCH": "评分不符",
    },
    "en": {
        "DUPLICATE_PARAGRAPH": "Duplicated paragraph", "OUTCOME_RESTATES_GOAL": "Outcome restates the goal",
        "UNSUPPORTED_CLAIM": "Claim without evidence", "CLAIM_CONTRADICTED": "Claim contradicted by figures",
        "NUMBER_CONFLICT": "One metric, two values", "ARITHMETIC_MISMATCH": "Figures do not add up",
        "IMPLAUSIBLE_MAGNITUDE": "Implausible magnitude", "RATE_OVER_100": "Rate over 100%",
        "UNIT_MISMATCH": "Unit mismatch", "GOAL_WITHOUT_OUTCOME": "Goal without outcome",
        "PROBLEM_WITHOUT_MEASURE": "Problem without measure", "VAGUE_MEASURE": "Vague measure",
        "NAME_VARIANT": "Name written differently", "DATE_OUT_OF_PERIOD": "Date outside the report year",
        "INDICATOR_SHORTFALL": "Indicator short of target", "DEVIATION_UNEXPLAINED": "Deviation unexplained",
        "SCORE_MISMATCH": "Score mismatch",
    },
}
KIND_LABELS = {
    "zh": {"MONEY": "金额", "PERCENT": "百分比", "COUNT": "数量", "QUANTITY": "计量", "AREA": "面积",
           "DATE": "日期", "YEAR": "年份", "DURATION": "时长", "RANGE": "范围", "EXPR": "算式"},
    "en": {"MONEY": "amount", "PERCENT": "percentage", "COUNT": "count", "QUANTITY": "quantity", "AREA": "area",
           "DATE": "date", "YEAR": "year", "DURATION": "duration", "RANGE": "range", "EXPR": "expression"},
}
QUALIFIER_LABELS = {
    "zh": {"exact": "", "approximate": "约", "lower": "以上（下限）", "upper": "以下（上限）", "near": "接近"},
    "en": {"exact": "", "approximate": "about", "lower": "at least", "upper": "at most", "near": "nearly"},
}
# what a piece of evidence is to its finding (model.Evidence.role); context is not shown
EVIDENCE_ROLE_LABELS = {
    "zh": {"claim": "声称", "counter": "反证", "total": "合计", "part": "分项", "target": "目标",
           "actual": "实际", "budget": "预算"},
    "en": {"claim": "claim", "counter": "counter-evidence", "total": "total", "part": "part",
           "target": "target", "actual": "actual", "budget": "budget"},
}

ROLE_LABELS = {
    "zh": {"target": "目标值", "actual": "实际值", "budget": "预算"},
    "en": {"target": "target", "actual": "actual", "budget": "budget"},
}
BASE_UNIT_LABELS = {
    "zh": {"m2": "平方米", "m3": "立方米", "m": "米", "t": "吨", "kg": "千克", "people": "人", "households": "户",
           "1": "", "day": "天", "days": "天", "year": "年", "month": "月", "kwh": "千瓦时"},
    "en": {"m2": "m²", "m3": "m³", "people": "people", "households": "households", "1": ""},
}
# the research measures: label and how the value reads (share, count or ratio)
METRIC_LABELS = {
    "zh": {"goal_coverage": ("有完成情况的目标占比", "share"), "goal_coverage_any": ("有任何回应的目标占比", "share"),
           "specificity": ("含数据的完成情况语句占比", "share"), "vague_share": ("空泛措辞语句占比", "share"),
           "duplicated_share": ("重复文字占比", "share"), "numbers_per_1k_chars": ("每千字数字个数", "ratio"),
           "n_chars": ("字数", "count"), "n_paragraphs": ("段落数", "count"), "n_goals": ("年度目标数", "count"),
           "n_outcome_sentences": ("完成情况语句数", "count"), "n_numbers": ("数字个数", "count")},
    "en": {"goal_coverage": ("Goals with an outcome", "share"), "goal_coverage_any": ("Goals with any answer", "share"),
           "specificity": ("Outcome sentences with a figure", "share"), "vague_share": ("Vague sentences", "share"),
           "duplicated_share": ("Duplicated text", "share"), "numbers_per_1k_chars": ("Numbers per 1,000 characters", "ratio"),
           "n_chars": ("Characters", "count"), "n_paragraphs": ("Paragraphs", "count"), "n_goals": ("Annual goals", "count"),
           "n_outcome_sentences": ("Outcome sentences", "count"), "n_numbers": ("Numbers", "count")},
}
CONTEXT_CHARS = 60  # characters of the paragraph shown on each side of a quoted span


def code_label(code: str, lang: str = "zh") -> str:
    return CODE_LABELS["en" if lang == "en" else "zh"].get(code, code)


def _count(x) -> str:
    """A count as a whole number with thousands separators (never 2.0 or 11,904.00)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{int(round(float(x))):,}"


def _share(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{float(x) * 100:.1f}%"


def _mention_value(m) -> str:
    """A mention's value as written for people: years and dates without separators."""
    if m.value is None:
        return "—"
    if m.kind in ("YEAR", "DATE"):
        return str(int(m.value)) if float(m.value).is_integer() else str(m.value)
    if m.kind == "EXPR" and m.expression:
        return f"{m.expression} = {_trim(m.value)}"
    return _trim(m.value)


def _trim(x) -> str:
    """Up to four decimals, none that are trailing zeros (3.32, not 3.3200)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    return f"{float(x):,.4f}".rstrip("0").rstrip(".")


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
    Report.text; where spans overlap the most severe one colours the mark and the title
    names them all."""
    hits = [s for s in spans if s[0] < para.end and s[1] > para.start]
    if not hits:
        return Markup(escape(para.text))
    keys: list[tuple[int, str, str] | None] = []
    for i in range(len(para.text)):
        o = para.orig(i)
        # every finding on this character is named (most severe first, so a finding under
        # a more severe one is still found in place); the most severe colours the mark
        here = sorted({(SEVERITY_RANK.get(sev, 3), sev, title) for a, b, sev, title in hits if a <= o < b},
                      key=lambda x: x[0])
        keys.append((here[0][0], here[0][1], "; ".join(dict.fromkeys(x[2] for x in here))) if here else None)
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


def _in_context(report, para: Paragraph | None, e) -> Markup:
    """The evidence span marked inside its paragraph, with up to CONTEXT_CHARS characters
    on each side: the reader sees the quote where it stands without scrolling."""
    if para is not None:
        idx = [i for i in range(len(para.text)) if e.start <= para.orig(i) < e.end]
        if idx:
            i0, i1 = idx[0], idx[-1] + 1
            a, b = max(0, i0 - CONTEXT_CHARS), min(len(para.text), i1 + CONTEXT_CHARS)
            return Markup(
                ("…" if a > 0 else "") + str(escape(para.text[a:i0]))
                + f'<mark class="ev-mark">{escape(para.text[i0:i1])}</mark>'
                + str(escape(para.text[i1:b])) + ("…" if b < len(para.text) else "")
            )
    return Markup(f'<mark class="ev-mark">{escape(e.quote)}</mark>')


def _findings_context(analysis: Analysis, t: dict) -> list[dict]:
    lang = "en" if t["lang"] == "en" else "zh"
    report = analysis.report
    paras = {p.id: p for p in report.paragraphs()}
    out = []
    for f in analysis.ensure_ids().findings:
        evidence = []
        for e in f.evidence:
            evidence.append({
                "paragraph": e.paragraph, "start": e.start, "end": e.end,
                "section": t["sections"].get(e.section, e.section),
                "context": _in_context(report, paras.get(e.paragraph), e),
                "role": EVIDENCE_ROLE_LABELS[lang].get(e.role, ""),
            })  # fmt: skip
        message = f.message if lang != "en" else (f.message_en or f.message)
        why = f.explanation if lang != "en" else (f.explanation_en or f.explanation)
        out.append(
            {
                "no": f.id,
                "code": f.code,
                "code_label": code_label(f.code, lang),
                "severity": f.severity,
                "severity_label": t["severity"].get(f.severity, f.severity),
                "message": message,
                "rule_id": f.rule_id,
                # the computation, unless the message already says it in the same words
                "why": why if why and why not in message else "",
                "evidence": evidence,
            }
        )
    return out


def _mention_rows(analysis: Analysis, lang: str) -> list[dict]:
    kinds, quals = KIND_LABELS[lang], QUALIFIER_LABELS[lang]
    roles, units = ROLE_LABELS[lang], BASE_UNIT_LABELS[lang]
    rows = []
    for m in analysis.mentions:
        base = ""
        if m.base_value is not None and m.kind not in ("YEAR", "DATE"):
            base = f"{_trim(m.base_value)} {units.get(m.base_unit, m.base_unit)}".strip()
        rows.append({
            "paragraph": m.paragraph, "text": m.text, "kind": kinds.get(m.kind, m.kind),
            "value": _mention_value(m), "unit": m.unit or "", "base": base, "metric": m.metric or "",
            "role": roles.get(m.role or "", m.role or ""), "qualifier": quals.get(m.qualifier, m.qualifier),
        })  # fmt: skip
    return rows


def _metric_rows(metrics: dict, lang: str) -> list[dict]:
    labels = METRIC_LABELS[lang]
    rows = []
    for key, value in metrics.items():
        label, how = labels.get(key, (key, "ratio"))
        text = _share(value) if how == "share" else _count(value) if how == "count" else _num(value, 2)
        rows.append({"label": label, "value": text})
    return rows


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
                        "answered": p.target is None and p.source not in al.unmatched_sources,
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
    lang = "en" if lang == "en" else "zh"
    report = analysis.report
    spans = []
    for f in analysis.ensure_ids().findings:
        for e in f.evidence:
            spans.append((e.start, e.end, f.severity, f"{f.id} {code_label(f.code, lang)} ({f.code})"))
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
            v = score.parts.get(basis)
            shown = _count(v) if basis == "severity_penalty" else _share(v)
            parts.append({"label": label, "value": shown, "points": score.parts.get(key), "max": mx})
    page = env().get_template("report.html.j2").render(
        t=t,
        report=report,
        rid=report.id,
        score=score,
        score_text=explanation(score, lang) if score is not None else "",
        parts=parts,
        metrics=_metric_rows(analysis.metrics or {}, lang),
        findings=_findings_context(analysis, t),
        counts={sev: sum(f.severity == sev for f in analysis.findings) for sev in ("high", "medium", "low")},
        alignments=_alignment_context(analysis, t),
        sections=sections,
        mentions=_mention_rows(analysis, lang),
        budget=budget,
        back_link=back_link,
        risk=_risk_class(score.total if score else None),
    )
    return page


def _risk_class(total: float | None) -> str:
    if total is None or total != total:
        return "risk-unknown"
    return "risk-high" if total < 50 else "risk-medium" if total < 75 else "risk-low"


# Sorting and filtering of the index: the page's only script, allowed by its hash in the
# Content-Security-Policy (no other script can run, whatever a report contains). Without
# it the table still reads, riskiest first, and the filters stay hidden.
INDEX_SCRIPT = """(function () {
  var table = document.getElementById("reports"), body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var shown = document.getElementById("shown"), template = shown.getAttribute("data-template");
  function num(v) { var x = parseFloat(v); return isNaN(x) ? null : x; }
  function val(id) { return document.getElementById(id).value; }
  function apply() {
    var lo = num(val("score-min")), hi = num(val("score-max")), fmin = num(val("findings-min")), code = val("code-filter"), n = 0;
    rows.forEach(function (r) {
      var s = num(r.getAttribute("data-score")), f = num(r.getAttribute("data-findings")) || 0;
      var codes = (r.getAttribute("data-codes") || "").split(" ");
      var ok = (lo === null || (s !== null && s >= lo)) && (hi === null || (s !== null && s <= hi)) &&
               (fmin === null || f >= fmin) && (!code || codes.indexOf(code) >= 0);
      r.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = template.replace("{n}", n).replace("{total}", rows.length);
  }
  function sortBy(th) {
    var key = th.getAttribute("data-key"), numeric = th.getAttribute("data-type") === "num";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.querySelectorAll("th[data-key]"), function (c) { c.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
      if (numeric) {
        x = num(x); y = num(y);
        if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
        return (x - y) * dir;
      }
      return x.localeCompare(y, "zh") * dir;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(table.querySelectorAll("th[data-key] button"), function (b) {
    b.addEventListener("click", function () { sortBy(b.parentNode); });
  });
  ["score-min", "score-max", "findings-min", "code-filter"].forEach(function (id) {
    var el = document.getElementById(id);
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  document.getElementById("filters").hidden = false;
  apply();
})();"""


def script_hash(script: str) -> str:
    import base64
    import hashlib

    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _row_codes(rec: dict) -> list[str]:
    from nlp_pipeline.report.tables import KNOWN_CODES, REPORT_COLUMNS, RESEARCH_COLUMNS, TAIL_COLUMNS, code_column

    fixed = set(REPORT_COLUMNS + RESEARCH_COLUMNS + TAIL_COLUMNS)
    codes = []
    for col, v in rec.items():
        if col.startswith("n_") and col not in fixed and v:
            codes.append(col[2:].upper())
    order = {code_column(c): k for k, c in enumerate(KNOWN_CODES)}
    return sorted(codes, key=lambda c: (order.get(code_column(c), 99), c))


def render_index(reports, errors=None, lang: str = "zh", link_prefix: str = "reports/") -> str:
    """The batch index: one row per report, lowest score (riskiest) first; sortable by
    each column and filterable by score, number of findings and kind of finding."""
    lang = "en" if lang == "en" else "zh"
    t = LABELS[lang]
    rows = []
    if reports is not None and len(reports):
        df = reports.sort_values(["score", "id"], ascending=[True, True], na_position="first", kind="mergesort")
        recs = [{k: (None if _isna(v) else v) for k, v in rec.items()} for rec in df.to_dict("records")]
        titles: dict[str, int] = {}
        for rec in recs:
            key = rec.get("title") or rec["id"]
            titles[key] = titles.get(key, 0) + 1
        for rank, rec in enumerate(recs, 1):
            rec["rank"] = rank
            rec["href"] = f"{link_prefix}{rec['id']}.html"
            rec["risk"] = _risk_class(rec.get("score"))
            title = rec.get("title") or rec["id"]
            # every link says where it goes: reports sharing a title are told apart by file
            rec["link_text"] = title if titles[title] == 1 else f"{title}（{rec['id']}）"
            rec["codes"] = [(c, code_label(c, lang)) for c in _row_codes(rec)]
            for c in ("n_findings", "n_high", "n_medium", "n_low"):
                rec[c] = int(rec.get(c) or 0)
            rows.append(rec)
    all_codes: dict[str, int] = {}
    for r in rows:
        for c, _ in r["codes"]:
            all_codes[c] = all_codes.get(c, 0) + 1
    code_options = [(c, code_label(c, lang), n) for c, n in sorted(all_codes.items(), key=lambda kv: (-kv[1], kv[0]))]
    errs = []
    if errors is not None and len(errors):
        for rec in errors.to_dict("records"):
            errs.append({k: ("" if _isna(v) else v) for k, v in rec.items()})
    return env().get_template("index.html.j2").render(
        t=t, rows=rows, errors=errs, lang=lang, code_options=code_options,
        script=Markup(INDEX_SCRIPT), script_hash=script_hash(INDEX_SCRIPT),
    )


def _isna(v) -> bool:
    try:
        import pandas as pd

        return v is None or (not isinstance(v, (list, dict, str)) and bool(pd.isna(v)))
    except (TypeError, ValueError):
        return False
