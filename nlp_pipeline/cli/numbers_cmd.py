"""``nlp-pipeline numbers FILE``: the numeric mentions of a report, as a table or JSON."""
from __future__ import annotations

import json

import click

from nlp_pipeline.cli.common import lang_option, read_or_fail
from nlp_pipeline.model import Mention, to_dict

_HEADERS = {
    "zh": ["段落", "原文", "类型", "数值", "单位", "标准值", "基准单位", "限定", "指标", "角色"],
    "en": ["paragraph", "text", "kind", "value", "unit", "base value", "base unit", "qualifier", "metric", "role"],
}
_QUAL = {
    "zh": {"exact": "精确", "approximate": "约数", "lower": "下限", "upper": "上限", "near": "接近"},
    "en": {},
}
_ROLE = {"zh": {"target": "目标", "actual": "实际", "budget": "预算"}, "en": {}}
_TITLE = {"zh": "数值实体：{n} 个（{src}）", "en": "numeric mentions: {n} ({src})"}


def _fmt(x: float | None) -> str:
    if x is None:
        return "-"
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.12g}"


def mention_rows(mentions: list[Mention], lang: str = "zh") -> list[list[str]]:
    """Table rows (strings) for the mentions, labels in ``lang``."""
    rows = []
    for m in mentions:
        rows.append(
            [
                m.paragraph or ("预算表" if lang == "zh" else "budget"),
                m.text,
                m.kind,
                _fmt(m.value) if m.kind != "EXPR" else f"{m.expression} = {_fmt(m.value)}",
                m.unit or "-",
                _fmt(m.base_value),
                m.base_unit or "-",
                _QUAL[lang].get(m.qualifier, m.qualifier),
                m.metric or "-",
                _ROLE[lang].get(m.role or "", m.role or "-"),
            ]
        )
    return rows


@click.command(name="numbers")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@lang_option
def command(file: str, fmt: str, lang: str) -> None:
    """列出报告中的数值实体（金额、比率、数量…） / List the numeric mentions of a report."""
    from nlp_pipeline.text import extract_mentions

    report = read_or_fail(file, lang)
    mentions = extract_mentions(report)
    if fmt == "json":
        click.echo(json.dumps([to_dict(m) for m in mentions], ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=_TITLE[lang].format(n=len(mentions), src=file), show_lines=False)
    right = {3, 5}
    for k, h in enumerate(_HEADERS[lang]):
        table.add_column(h, justify="right" if k in right else "left", overflow="fold")
    for row in mention_rows(mentions, lang):
        table.add_row(*row)
    console = Console()
    if not console.is_terminal:
        console = Console(width=200)  # piped: do not fold columns to 80 characters
    console.print(table)
