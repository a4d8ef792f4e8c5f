"""Command line: ``nlp-pipeline COMMAND``. Each command lives in its own module here."""
from __future__ import annotations

import importlib

import click

from nlp_pipeline import __version__

# module name -> command name; a module that does not exist yet is skipped, so the
# group works while commands are being added.
_COMMANDS = ["parse", "numbers", "align", "analyze", "batch", "bench"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nlp-pipeline")
def main() -> None:
    """绩效自评报告筛查工具 / Screening of performance self-evaluation reports."""


for _name in _COMMANDS:
    try:
        _mod = importlib.import_module(f"nlp_pipeline.cli.{_name}_cmd")
    except ModuleNotFoundError as exc:  # pragma: no cover - only while developing
        if exc.name != f"nlp_pipeline.cli.{_name}_cmd":
            raise
        continue
    main.add_command(_mod.command, _name)
