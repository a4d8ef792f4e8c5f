"""``nlp-pipeline analyze FILE``: one report's findings, as text or as JSON."""
from __future__ import annotations

import sys

import click

from nlp_pipeline.cli.common import fail, lang_option
from nlp_pipeline.errors import ReportError


@click.command("analyze")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式：text 按严重度列出问题及证据和得分；json 为完整分析（见 docs/output.md） / "
    "text: findings by severity with evidence and the score; json: the whole analysis",
)
@click.option(
    "--model",
    "model",
    default=None,
    metavar="PATH",
    help="对齐所用的句向量模型（路径或内置名称） / sentence encoder for the alignment (path or bundled name)",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="写入文件而不是标准输出 / write to this file instead of stdout")
@click.option("--rules-config", "rules_config", type=click.Path(dir_okay=False), default=None, metavar="FILE.yaml",
              help="覆盖规则参数的 YAML 文件：{规则编号: {参数: 值}}（见 docs/rules.md） / "
              "YAML file overriding rule parameters: {rule_id: {param: value}} (see docs/rules.md)")
@lang_option
def command(file: str, fmt: str, model: str | None, output: str | None, rules_config: str | None, lang: str) -> None:
    """分析一份报告并输出发现的问题 / Analyse one report and print its findings."""
    from nlp_pipeline.errors import RulesConfigError
    from nlp_pipeline.pipeline import analyze
    from nlp_pipeline.report import serialize

    kwargs: dict = {"encoder": model} if model else {}
    if rules_config:
        from nlp_pipeline.detect.registry import load_rules_config

        try:
            kwargs["rule_params"] = load_rules_config(rules_config)
        except RulesConfigError as err:
            fail(err, lang)
            return
    try:
        analysis = analyze(file, **kwargs)
    except ReportError as err:
        fail(err, lang)
        return
    except Exception as err:  # e.g. the encoder cannot be loaded: one line, exit 2
        if hasattr(err, "message"):
            msg = msg_en = err.message(lang)
        else:
            detail = f"{type(err).__name__}: {err}"
            msg = f"分析时出错（程序缺陷，请把此行报告给维护者）：{detail}"
            msg_en = f"analysis failed (a bug: please report this line to the maintainers): {detail}"
        fail(ReportError(file, msg if lang == "zh" else msg_en, msg_en), lang)
        return
    out = serialize.dumps(analysis) + "\n" if fmt == "json" else serialize.render_text(analysis, lang)
    if output:
        from nlp_pipeline.report.writers import atomic_write_text

        atomic_write_text(output, out)
    else:
        sys.stdout.write(out)
