"""``nlp-pipeline batch INPUTS... -o OUTDIR``: many reports into tables and HTML pages."""
from __future__ import annotations

import os
import sys

import click

from nlp_pipeline.cli.common import lang_option


def _formats(ctx, param, value: str | None) -> tuple[str, ...] | None:
    from nlp_pipeline.runner import FORMATS

    if value is None:  # every format, less Parquet without pyarrow (run_batch decides)
        return None
    out = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    bad = [v for v in out if v not in FORMATS]
    if bad or not out:
        raise click.BadParameter(f"{', '.join(bad) or value!r}: 可选 / choose from {', '.join(FORMATS)}")
    return out


class _Progress:
    """A rich progress bar on stderr: counts, failures, elapsed time and ETA."""

    def __init__(self, lang: str, enabled: bool):
        self.enabled = enabled
        self.lang = lang
        self._bar = None
        self._task = None

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            label = "分析报告" if self.lang == "zh" else "analysing"
            fail = "失败" if self.lang == "zh" else "failed"
            cached = "缓存" if self.lang == "zh" else "cached"
            self._bar = Progress(
                TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                TextColumn(f"{cached} {{task.fields[cached]}} · {fail} {{task.fields[failed]}}"),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False,
            )  # fmt: skip
            self._bar.__enter__()
        return self

    def __call__(self, counts: dict) -> None:
        if self._bar is None:
            return
        if self._task is None:
            self._task = self._bar.add_task("batch", total=counts["total"], cached=0, failed=0)
        self._bar.update(self._task, completed=counts["done"], cached=counts["cached"], failed=counts["failed"])

    def __exit__(self, *exc):
        if self._bar is not None:
            self._bar.__exit__(*exc)


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--outdir", required=True, type=click.Path(file_okay=False),
              help="输出文件夹 / output folder")
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="工作进程数（默认全部 CPU 核；0 在本进程内运行） / worker processes (default: all cores; 0: in this process)")
@click.option("--force", is_flag=True, help="忽略缓存，全部重新分析 / ignore the cache, analyse everything again")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="本机进程池或 Dask 集群 / local process pool or a Dask cluster")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Dask 调度器地址，如 tcp://10.0.0.5:8786 / Dask scheduler address (with --engine dask)")
@click.option("--format", "formats", default=None, callback=_formats,
              help="输出格式，逗号分隔（默认 csv,parquet,html；未安装 pyarrow 时不写 parquet） / output formats, "
              "comma separated (default: csv,parquet,html; parquet only where pyarrow is installed)")
@click.option("--model", default=None, metavar="PATH",
              help="对齐所用的句向量模型 / sentence encoder for the alignment")
@click.option("--timeout", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="每份报告的时间上限，超时记为 errors.csv 中的一行（默认 180 秒；0 为不限） / "
              "time limit per report; one past it costs a row in errors.csv (default 180 s; 0: none)")
@click.option("--progress/--no-progress", default=None,
              help="显示进度条（默认：终端上显示） / show the progress bar (default: on a terminal)")
@click.option("--against", default=None, metavar="PATH", type=click.Path(exists=True),
              help="参照集：往年报告的文件夹，或以前批次的输出文件夹 / copy_index.parquet，用于查找照搬往年或其他单位的文字 / "
              "reference set: a folder of earlier reports, or an earlier batch's output folder or copy_index.parquet, "
              "to find text copied from them")
@click.option("--rules-config", "rules_config", type=click.Path(dir_okay=False), default=None, metavar="FILE.yaml",
              help="覆盖规则参数的 YAML 文件：{规则编号: {参数: 值}}（见 docs/rules.md） / "
              "YAML file overriding rule parameters: {rule_id: {param: value}} (see docs/rules.md)")
@click.option("--analyzer", default=None, hidden=True, metavar="MODULE:FUNCTION",
              help="replace nlp_pipeline.pipeline.analyze (tests, experiments)")
@lang_option
def command(inputs, outdir, workers, force, engine, scheduler, formats, model, timeout, progress, against, analyzer,
            rules_config, lang) -> None:  # fmt: skip
    """批量分析文件、文件夹（递归）和通配符 / Analyse files, folders (recursively) and globs.

    Writes reports.csv/.parquet, findings.csv/.parquet, errors.csv, copy_pairs.csv/.parquet,
    copy_index.parquet, index.html and reports/<id>.html into OUTDIR (see docs/output.md).
    A rerun reuses finished reports from OUTDIR/.cache unless --force. Exits 1 when no report could be analysed.
    """
    from nlp_pipeline.align.encoders import EncoderError
    from nlp_pipeline.report.writers import ParquetUnavailable
    from nlp_pipeline.runner import DEFAULT_TIMEOUT_S, nothing_analysed_message, run_batch

    zh = lang == "zh"
    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask 需要 --scheduler ADDRESS / --engine dask needs --scheduler ADDRESS")
    if engine == "dask":
        import importlib.util

        if importlib.util.find_spec("distributed") is None:  # Dask is an extra
            raise click.UsageError("--engine dask 需要安装可选组件 dask：pip install -e \".[dask]\" / "
                                   "--engine dask needs the optional extra dask: pip install -e \".[dask]\"")
    analyze_fn = None
    if analyzer:
        import importlib

        mod, _, fn = analyzer.partition(":")
        analyze_fn = getattr(importlib.import_module(mod), fn)
    if progress is None:
        progress = sys.stderr.isatty()
    analyze_kwargs = {"encoder": model} if model else {}
    if rules_config:
        from nlp_pipeline.detect.registry import load_rules_config
        from nlp_pipeline.errors import RulesConfigError

        try:
            # checked once here; the overrides travel to every worker and into the cache key
            analyze_kwargs["rule_params"] = load_rules_config(rules_config)
        except RulesConfigError as err:
            click.echo(("错误: " if zh else "error: ") + err.message(lang), err=True)
            sys.exit(2)

    def notify(msg_zh: str, msg_en: str) -> None:
        click.echo(("提示: " + msg_zh) if zh else ("note: " + msg_en), err=True)

    try:
        with _Progress(lang, progress) as bar:
            result = run_batch(
                inputs, outdir, formats=formats, workers=workers, engine=engine, scheduler=scheduler,
                force=force, lang=lang, analyze_fn=analyze_fn, analyze_kwargs=analyze_kwargs or None,
                timeout=DEFAULT_TIMEOUT_S if timeout is None else (timeout or None), progress=bar, notify=notify,
                against=against,
            )  # fmt: skip
    except (EncoderError, ParquetUnavailable) as err:
        click.echo(("错误: " if zh else "error: ") + err.message(lang), err=True)
        sys.exit(2)
    except (OSError, TimeoutError) as exc:
        if engine != "dask":
            raise
        # an unreachable scheduler is a usage problem, not a crash
        msg = (f"无法连接 Dask 调度器 {scheduler}：请检查地址和调度器是否在运行" if zh
               else f"cannot reach the Dask scheduler {scheduler}: check the address and that it is running ({exc})")
        click.echo(("错误: " if zh else "error: ") + msg, err=True)
        sys.exit(2)
    n, e = len(result.reports), len(result.errors)
    if zh:
        click.echo(f"完成：{n} 份报告（新分析 {result.n_analysed}，来自缓存 {result.n_cached}），"
                   f"{e} 个输入失败（见 errors.csv）；输出在 {outdir}", err=True)
    else:
        click.echo(f"done: {n} reports ({result.n_analysed} analysed, {result.n_cached} from cache), "
                   f"{e} inputs failed (see errors.csv); output in {outdir}", err=True)
    if n == 0:
        # nothing to look at: a mistyped path, an empty folder or a bad --model must not
        # pass for a finished run in a script
        msg_zh, msg_en = nothing_analysed_message(result.n_inputs, e)
        click.echo(("错误: " + msg_zh) if zh else ("error: " + msg_en), err=True)
        sys.exit(1)
    for name in ("index.html", "reports.csv"):
        p = os.path.join(outdir, name)
        if os.path.exists(p):
            click.echo(p)
            break
