"""Pieces shared by the CLI commands: language option and error exit."""
from __future__ import annotations

import sys

import click

from nlp_pipeline.errors import ReportError

lang_option = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="消息语言 / language of messages",
)


def fail(err: ReportError, lang: str = "zh") -> None:
    """Print a ReportError as one line on stderr and exit 2 (never a traceback)."""
    prefix = "错误" if lang == "zh" else "error"
    click.echo(f"{prefix}: {err.message(lang)}", err=True)
    sys.exit(2)


def read_or_fail(path: str, lang: str = "zh"):
    """Read a report for a command; a ReportError becomes one line and exit code 2."""
    from nlp_pipeline.filetype import check_report_file
    from nlp_pipeline.ingest import read_report

    try:
        check_report_file(path)
        return read_report(path)
    except ReportError as err:
        fail(err, lang)
