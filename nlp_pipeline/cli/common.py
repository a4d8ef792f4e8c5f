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
