"""Command-line mistakes in the user's language: click's own messages are English, so
each kind of usage error is said again here, naming what was wrong and what to do."""
from __future__ import annotations

import re
from pathlib import Path

import click


def lang_from_args(args: list[str]) -> str:
    """--lang as given on the command line, read before click parses it (a usage error
    can come before --lang is reached)."""
    for k, a in enumerate(args):
        if a == "--lang" and k + 1 < len(args):
            return "en" if args[k + 1] == "en" else "zh"
        if a.startswith("--lang="):
            return "en" if a.split("=", 1)[1] == "en" else "zh"
    return "zh"


def _command_path(err: click.ClickException) -> str:
    ctx = getattr(err, "ctx", None)
    return ctx.command_path if ctx is not None else "nlp-pipeline"


def _dash_file(args: list[str], option: str | None) -> str | None:
    """A file whose name starts with "-", which click took for an option."""
    for a in args:
        if a.startswith("-") and not a.startswith("--") and Path(a).exists() and (option is None or a.startswith(option)):
            return a
    for a in args:
        if a.startswith("-") and not a.startswith("--") and re.search(r"\.[A-Za-z0-9]{2,5}$", a):
            return a
    return None


def usage_message(err: click.ClickException, args: list[str], lang: str) -> str:
    """One line for a usage error: what was wrong, then how to find the right usage."""
    zh = lang == "zh"
    cmd = _command_path(err)
    help_hint = f"运行 {cmd} --help 查看用法" if zh else f"run {cmd} --help for the usage"
    if isinstance(err, click.NoSuchOption):
        f = _dash_file(args, err.option_name)
        if f is not None:
            if zh:
                return (f"文件名 {f} 以“-”开头，会被当作选项：请写成 ./{f}，或放在 -- 之后"
                        f"（{cmd} -- {f}）")
            return f"the file name {f} starts with '-' and is read as an option: write ./{f}, or put it after -- ({cmd} -- {f})"
        near = ", ".join(sorted(err.possibilities or []))
        if zh:
            return f"没有这个选项：{err.option_name}" + (f"（是否想用 {near}？）" if near else "") + f"；{help_hint}"
        return f"no such option: {err.option_name}" + (f" (did you mean {near}?)" if near else "") + f"; {help_hint}"
    if isinstance(err, click.NoSuchCommand):
        group = err.ctx.command if err.ctx is not None else None
        names = ", ".join(sorted(getattr(group, "commands", {}) or []))
        name = getattr(err, "command_name", None) or (re.findall(r"'([^']+)'", err.message) or ["?"])[0]
        if zh:
            return f"没有这个命令：{name}（可用的命令：{names}）；{help_hint}"
        return f"no such command: {name} (commands: {names}); {help_hint}"
    if isinstance(err, click.MissingParameter):
        p = err.param
        what = p.human_readable_name if p is not None else "?"
        if p is not None and p.param_type_name == "option" and err.ctx is not None:
            what = p.get_error_hint(err.ctx).replace("'", "")
        if p is not None and p.param_type_name == "argument":
            if zh:
                return f"缺少参数 {what}：请在命令后写上要处理的文件或文件夹；{help_hint}"
            return f"missing argument {what}: give the file or folder to work on; {help_hint}"
        if zh:
            return f"缺少选项 {what}；{help_hint}"
        return f"missing option {what}; {help_hint}"
    if isinstance(err, click.BadParameter):
        p = err.param
        what = p.get_error_hint(err.ctx) if (p is not None and err.ctx is not None) else (err.param_hint or "?")
        if isinstance(what, (list, tuple)):
            what = " / ".join(what)
        what = str(what).replace("'", "")
        detail = err.message
        if p is not None and isinstance(p.type, (click.IntRange, click.FloatRange)) and p.type.min is not None:
            kind = ("整数" if isinstance(p.type, click.IntRange) else "数") if zh else (
                "a whole number" if isinstance(p.type, click.IntRange) else "a number")
            if zh:
                return f"{what} 的取值无效：需要不小于 {p.type.min:g} 的{kind}"
            return f"invalid value for {what}: needs {kind} of at least {p.type.min:g}"
        if p is not None and isinstance(p.type, click.Choice):
            choices = ", ".join(map(str, p.type.choices))
            return (f"{what} 的取值无效：可选 {choices}" if zh else f"invalid value for {what}: choose from {choices}")
        if re.search(r"[\u4e00-\u9fff]", detail or ""):
            return f"{what}：{detail}" if zh else f"{what}: {detail}"
        if zh:
            return f"{what} 的取值无效；{help_hint}"
        return f"invalid value for {what}: {detail}; {help_hint}"
    msg = err.format_message()
    if re.search(r"[\u4e00-\u9fff]", msg):
        # our own UsageErrors carry "中文 / English"
        parts = [x.strip() for x in msg.split(" / ", 1)]
        return parts[0] if zh or len(parts) == 1 else parts[1]
    m = re.match(r"Got unexpected extra arguments? \((.*)\)", msg)
    if m:
        if zh:
            return f"多余的参数：{m.group(1)}（文件名含空格时请加引号）；{help_hint}"
        return f"unexpected extra argument(s): {m.group(1)} (quote file names with spaces); {help_hint}"
    return (f"命令行用法有误；{help_hint}" if zh else f"{msg}; {help_hint}")
