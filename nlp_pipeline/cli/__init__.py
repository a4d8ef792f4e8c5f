"""Command line: ``nlp-pipeline COMMAND``. Each command lives in its own module here."""
from __future__ import annotations

import importlib
import sys

import click

from nlp_pipeline import __version__

# Each name is a module nlp_pipeline/cli/<name>_cmd.py exposing a click `command`.
_COMMANDS = ["parse", "numbers", "align", "analyze", "batch", "rules", "bench"]


class _Main(click.Group):
    """The command group, with click's English usage errors said in the user's language
    (Chinese unless --lang en) as one line on stderr, exit status 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from nlp_pipeline.cli.messages import lang_from_args, usage_message

        argv = list(sys.argv[1:] if args is None else args)
        lang = lang_from_args(argv)
        try:
            rv = super().main(args=argv, prog_name=prog_name or "nlp-pipeline", complete_var=complete_var,
                              standalone_mode=False, **extra)
        except click.ClickException as err:
            click.echo(("错误: " if lang == "zh" else "error: ") + usage_message(err, argv, lang), err=True)
            if not standalone_mode:
                raise
            sys.exit(err.exit_code)
        except click.Abort:
            click.echo("已中断" if lang == "zh" else "aborted", err=True)
            if not standalone_mode:
                raise
            sys.exit(1)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nlp-pipeline")
def main() -> None:
    """绩效自评报告筛查工具 / Screening of performance self-evaluation reports."""


for _name in _COMMANDS:
    main.add_command(importlib.import_module(f"nlp_pipeline.cli.{_name}_cmd").command, _name)
