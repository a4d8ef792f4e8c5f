"""``nlp-pipeline rules``: the declared rules, their examples and parameters."""
from __future__ import annotations

import json
import sys

import click

from nlp_pipeline.cli.common import lang_option


@click.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "md", "json"]),
    default="text",
    show_default=True,
    help="text：每条规则一行及其参数；md：docs/rules.md 的内容；json：规则声明 / "
    "text: one line per rule and its parameters; md: the content of docs/rules.md; json: the declarations",
)
@lang_option
def command(fmt: str, lang: str) -> None:
    """列出检测规则及其参数 / List the detection rules and their parameters."""
    from nlp_pipeline.report import rules_doc

    if fmt == "md":
        sys.stdout.write(rules_doc.rules_markdown())
    elif fmt == "json":
        sys.stdout.write(json.dumps(rules_doc.rules_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(rules_doc.rules_text(lang))
