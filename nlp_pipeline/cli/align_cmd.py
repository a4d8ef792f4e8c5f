"""``nlp-pipeline align FILE``: which outcome reports on which goal, which measure answers
which problem, and what is left without a counterpart."""
from __future__ import annotations

import json

import click

from nlp_pipeline.cli.common import fail, lang_option, read_or_fail
from nlp_pipeline.errors import ReportError

_TITLES = {
    "outcomes_to_goals": ("目标完成情况 → 年度目标", "goal completion -> annual goals"),
    "performance_to_goals": ("部门整体绩效 → 年度目标", "overall performance -> annual goals"),
    "tasks_to_goals": ("主要任务 → 年度目标", "tasks -> annual goals"),
    "problems_to_improvements": ("存在问题 → 改进措施", "problems -> improvement measures"),
}
_UNMATCHED = {
    "outcomes_to_goals": ("无完成情况的目标", "goals without outcome"),
    "performance_to_goals": ("无整体绩效的目标", "goals without overall performance"),
    "tasks_to_goals": ("无主要任务的目标", "goals without task"),
    "problems_to_improvements": ("不回应任何问题的改进措施", "measures answering no problem"),
}
_UNMATCHED_SRC = {
    "outcomes_to_goals": ("不对应任何目标的完成情况", "outcomes on no goal"),
    "performance_to_goals": ("不对应任何目标的绩效", "performance items on no goal"),
    "tasks_to_goals": ("不对应任何目标的任务", "tasks on no goal"),
    "problems_to_improvements": ("无改进措施的问题", "problems without measure"),
}


def _short(text: str, n: int = 36) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _text(report, pid: str | None) -> str:
    if pid is None:
        return ""
    p = report.paragraph(pid)
    return p.text if p is not None else ""


def _render_table(report, alignments, lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    zh = lang == "zh"
    console = Console()
    for name, al in alignments.items():
        title = _TITLES[name][0 if zh else 1]
        if not al.pairs:
            console.print(f"[bold]{title}[/bold]: " + ("（缺少相应部分，未对齐）" if zh else "(section missing, nothing aligned)"))
            continue
        table = Table(title=title, show_lines=False)
        for col in (("来源", "source"), ("来源文本", "source text"), ("目标", "target"),
                    ("目标文本", "target text"), ("得分", "score"), ("差距", "margin")):
            table.add_column(col[0 if zh else 1], overflow="fold")
        for p in al.pairs:
            table.add_row(p.source, _short(_text(report, p.source)), p.target or "—",
                          _short(_text(report, p.target)), f"{p.score:.2f}", f"{p.margin:.2f}")
        console.print(table)
        label = _UNMATCHED[name][0 if zh else 1]
        console.print(f"{label}: {', '.join(al.unmatched_targets) or ('无' if zh else 'none')}")
        label = _UNMATCHED_SRC[name][0 if zh else 1]
        console.print(f"{label}: {', '.join(al.unmatched_sources) or ('无' if zh else 'none')}\n")


@click.command("align")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--model", default=None, metavar="PATH_OR_NAME",
              help="句向量模型：SentenceTransformer 路径或本地缓存中的名称；默认为内置模型 / "
              "sentence encoder: a SentenceTransformer path or locally cached name; default: bundled")
@click.option("--mode", type=click.Choice(["fused", "lexical", "dense"]), default="fused",
              show_default=True,
              help="相似度：字面与语义融合、仅字面、仅语义 / similarity: fused, lexical only, dense only")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="输出格式 / output format")
@lang_option
def command(file: str, model: str | None, mode: str, fmt: str, lang: str) -> None:
    """对齐目标与完成情况、问题与改进措施 / Align goals with outcomes, problems with measures."""
    from nlp_pipeline.align import EncoderError, load_encoder
    from nlp_pipeline.model import to_dict
    from nlp_pipeline.pipeline import settled_alignments

    report = read_or_fail(file, lang)
    try:
        encoder = load_encoder(model) if (model and mode != "lexical") else None
        # the same function decides for analyze: both commands print one verdict
        alignments = settled_alignments(report, encoder=encoder, mode=mode)
    except EncoderError as err:
        fail(ReportError(file, err.message("zh"), err.message("en")), lang)
        return
    if fmt == "json":
        click.echo(json.dumps({k: to_dict(v) for k, v in alignments.items()}, ensure_ascii=False, indent=2))
    else:
        _render_table(report, alignments, lang)
