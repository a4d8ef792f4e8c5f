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
            lines.append(f"        k{k}: {_short(ind.name, 30)} = {_short(ind.result, 24)}{money}")
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
