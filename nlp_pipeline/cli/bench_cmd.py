"""``nlp-pipeline bench``: speed and memory on this machine (nlp_pipeline.runner.bench)."""
from __future__ import annotations

import click


@click.command("bench", add_help_option=False,
               context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def command(ctx: click.Context) -> None:
    """测速：各阶段与批量的速度、冷启动和内存（--help 查看选项） / Speed and memory on this machine
    (--help for the options)."""
    from nlp_pipeline.runner.bench import main

    main(list(ctx.args))
