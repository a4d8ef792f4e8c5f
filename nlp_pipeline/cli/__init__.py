"""Command line: ``nlp-pipeline COMMAND``. Each command lives in its own module here."""
from __future__ import annotations

import importlib

import click

from nlp_pipeline import __version__

# Each name is a module nlp_pipeline/cli/<name>_cmd.py exposing a click `command`.
_COMMANDS = ["parse", "numbers", "align", "analyze", "batch"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nlp-pipeline")
def main() -> None:
    """绩效自评报告筛查工具 / Screening of performance self-evaluation reports."""


for _name in _COMMANDS:
    main.add_command(importlib.import_module(f"nlp_pipeline.cli.{_name}_cmd").command, _name)
