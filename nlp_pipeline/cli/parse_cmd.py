"""``nlp-pipeline parse FILE``: read a report and print the structured model."""
from __future__ import annotations

import json

import click

from nlp_pipeline.cli.common import lang_option, read_or_fail
from nlp_pipeline.model import Report, to_dict

_BUDGET_NAMES = {
    "adjusted_budget": ("调整预算", "adjusted budget"),
    "initial_budget": ("年初预算", "initial budget"),
    "actual_spending": ("实际支出", "actual spending"),
    "adjustment": ("预算调整数", "adjustment"),
    "general_public_budget": ("一般公共预算", "general public budget"),
    "completion_rate": ("预算完成率", "completion rate"),
    "adjustment_rate": ("预算调整率", "adjustment rate"),
}

_LABELS = {
    "file": ("文件", "file"),
    "reader": ("读取方式", "reader"),
    "encoding": ("编码", "encoding"),
    "title": ("标题", "title"),
    "org": ("单位", "organisation"),
    "year": ("年度", "year"),
    "unit": ("金额单位", "currency unit"),
    "budget": ("预算", "budget"),
    "sections": ("章节", "sections"),
    "tasks": ("主要任务", "tasks"),
    "missing": ("缺少的章节", "missing sections"),
    "warnings": ("提示", "warnings"),
    "none": ("无", "none"),
    "funds": ("资金", "funds"),
    "layout": ("识别的版式", "layout recognised"),
    "form": ("表单类型", "form"),
    "rows": ("指标表行数", "indicator rows"),
    "found": ("识别到的章节", "sections found"),
    "unfilled": ("未填写的栏目", "unfilled fields"),
    "total": ("总分", "total score"),
}

_FORMS = {
    "project_form": ("项目支出绩效自评表", "project expenditure self-evaluation form"),
    "department_form": ("部门整体支出绩效自评表", "department self-evaluation form"),
    "target_table": ("绩效目标表（只有目标值）", "performance target table (targets only)"),
    "narrative_report": ("绩效自评报告（叙述体）", "narrative self-evaluation report"),
}
_LAYOUTS = {
    "pipe": ("竖线分隔的表格", "pipe table"), "tsv": ("制表符分隔的表格", "tab-separated table"),
    "aligned": ("空格对齐的列（PDF 文字层）", "columns aligned with spaces (PDF text)"),
    "cell_per_line": ("每行一个单元格", "one cell per line"),
    "flattened": ("整行压平在一行", "rows flattened onto lines"),
    "narrative": ("叙述体文字", "narrative text"), "grid": ("表单单元格", "form cells"),
}


def _short(s: str, n: int = 60) -> str:
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def render_text(report: Report, lang: str = "zh") -> str:
    """A readable summary: header, budget, section counts, paragraphs, tasks."""
    i = 0 if lang == "zh" else 1

    def lab(key: str) -> str:
        return _LABELS[key][i]

    none = lab("none")
    lines = [
        f"{lab('file')}: {report.source}",
        f"{lab('reader')}: {report.reader}    {lab('encoding')}: {report.encoding or '-'}",
        f"{lab('title')}: {report.title or none}",
        f"{lab('org')}: {report.organisation or none}    {lab('year')}: {report.year or none}"
        f"    {lab('unit')}: {report.currency_unit or none}",
        f"{lab('budget')}:",
    ]
    for field, names in _BUDGET_NAMES.items():
        v = getattr(report.budget, field)
        if v is not None:
            lines.append(f"  {names[i]}: {v.value:.12g}  ({v.text} @{v.start}-{v.end})")
    n_rows = sum(len(t.indicators) for t in report.tasks)
    lines.append(f"{lab('layout')}: {_LAYOUTS.get(report.layout or '', (report.layout or none,) * 2)[i]}"
                 f"    {lab('form')}: {_FORMS.get(report.form or '', (report.form or none,) * 2)[i]}"
                 f"    {lab('rows')}: {n_rows}")
    found = [f"{sid}({sec.title})" for sid, sec in report.sections.items() if sec.paragraphs]
    lines.append(f"{lab('found')}: {', '.join(found) or none}")
    if report.total_score is not None:
        lines.append(f"{lab('total')}: {report.total_score:.12g}")
    if report.unfilled:
        lines.append(f"{lab('unfilled')}: " + "; ".join(f"{u.field}「{_short(u.text, 20)}」" for u in report.unfilled))
    counts = {sid: len(sec.paragraphs) for sid, sec in report.sections.items()}
    counts["T"] = len(report.tasks)
    lines.append(f"{lab('sections')}: " + "  ".join(f"{sid}={n}" for sid, n in counts.items()))
    lines.append(f"{lab('missing')}: {', '.join(report.missing_sections) or none}")
    for sid, sec in report.sections.items():
        lines.append(f"[{sid}] {sec.title}")
        for p in sec.paragraphs:
            lines.append(f"  {p.id:<5} {p.number or '':<5} {_short(p.text)}")
    if report.tasks:
        lines.append(f"[T] {lab('tasks')}")
    for t in report.tasks:
        lines.append(f"  {t.id:<5} {t.number:<6} {_short(t.target.text if t.target else '')}")
        if t.outcome:
            lines.append(f"        -> {_short(t.outcome.text)}")
        for k, ind in enumerate(t.indicators, 1):
            money = f"  [{lab('funds')} {ind.funds:.12g}]" if ind.funds is not None else ""
            target = f"{_short(ind.target, 16)} -> " if ind.target else ""
            score = f"  [{ind.score_text or '-'}/{ind.weight_text or '-'}]" if (ind.weight_text or ind.score_text) else ""
            lines.append(f"        k{k}: {_short(ind.name, 30)} = {target}{_short(ind.result, 24)}{money}{score}")
    if report.warnings:
        lines.append(f"{lab('warnings')}:")
        lines.extend(f"  - {w}" for w in report.warnings)
    return "\n".join(lines)


@click.command(name="parse")
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True,
              help="输出格式 / output format")
@lang_option
def command(file: str, fmt: str, lang: str) -> None:
    """读取一份绩效自评报告并输出结构化结果 / read a report and print its structured model."""
    report = read_or_fail(file, lang)
    if fmt == "json":
        click.echo(json.dumps(to_dict(report), ensure_ascii=False, indent=1))
    else:
        click.echo(render_text(report, lang))
