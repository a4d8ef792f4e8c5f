"""Meaning-preserving and meaning-changing rewrites of a report's text, for the
metamorphic suite (tests/test_metamorphic.py) and bench/metamorphic.py.

Each rewrite is a plain function text -> text. They are written against the surface
forms real reports use, not against any one fixture: a rewrite that finds nothing to
change returns the text unchanged, and the suite skips that pair."""
from __future__ import annotations

import re

FULL = str.maketrans("0123456789%", "０１２３４５６７８９％")


def breakdown_sentence(text: str) -> str:
    """「，其中」 -> 「。其中」: a breakdown as its own sentence."""
    return text.replace("，其中", "。其中")


def status_long(text: str) -> str:
    """已完成 -> 已经完成 (not inside 已完成率/已完成值, which are names)."""
    return re.sub(r"已完成(?![率值数量])", "已经完成", text)


def full_width(text: str) -> str:
    """Digits and % typed full-width, in running text only (the decimal point and
    thousands separators are kept: Word keeps them half-width more often than not)."""
    return text.translate(FULL)


def paren_ascii(text: str) -> str:
    """（一） -> (一) at line starts."""
    return re.sub(r"(?m)^（([一二三四五六七八九十]{1,3})）", r"(\1)", text)


def total_word(text: str) -> str:
    """共计 -> 共 before a figure, and 共 -> 共计."""
    if "共计" in text:
        return re.sub(r"共计(?=[0-9０-９])", "共", text)
    return re.sub(r"(?<![公总一])共(?=[0-9０-９])(?![0-9０-９]+\s*页)", "共计", text)  # (共1页 counts pages)


def reach_word(text: str) -> str:
    """达到 -> 达 before a figure (and back where only 达 is written)."""
    if re.search(r"达到(?=[0-9０-９])", text):
        return re.sub(r"达到(?=[0-9０-９])", "达", text)
    return re.sub(r"(?<![到下])达(?=[0-9０-９])", "达到", text)


def yuan_for_wan(text: str) -> str:
    """One prose amount in 万元 written in 元 with its unit (123.45万元 -> 1234500元).
    Only amounts inside a sentence (a Chinese character before them), never in table
    cells, so a column's unit header keeps meaning what it says."""
    def conv(m: re.Match) -> str:
        raw = m.group(2).replace(",", "")
        if "." in raw:
            ip, fp = raw.split(".")
        else:
            ip, fp = raw, ""
        digits = (ip + (fp + "0000")[:4]).lstrip("0") or "0"
        if len(fp) > 4:
            return m.group(0)
        return f"{m.group(1)}{digits}元"
    return re.sub(r"([\u4e00-\u9fff])([0-9][0-9,]*(?:\.[0-9]+)?)万元", conv, text, count=1)


def unit_space(text: str) -> str:
    """A space between a prose figure and its unit, as PDF text layers and some Word
    exports write them (326.4万元 -> 326.4 万元, 96.5% -> 96.5 %, 1150人次 -> 1150 人次)."""
    return re.sub(r"(?<=[\u4e00-\u9fff，。；：])([0-9][0-9,]*(?:\.[0-9]+)?)(万元|元|%|个|人)", r"\1 \2", text)


def crlf(text: str) -> str:
    """Windows line ends (a report saved on Windows and read as bytes)."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def half_width(text: str) -> str:
    """Clause marks typed half-width in running text, as Word documents set that way and
    text run through NFKC write them (，；： -> , ; :), each between Chinese characters or
    after a figure's unit; table cells and label colons (项目名称：) are left alone."""
    def line(ln: str) -> str:
        if any(c in ln for c in "|｜\t,"):
            return ln  # a table row or a CSV line: its separators are not clause marks
        return re.sub(r"(?<=[\u4e00-\u9fff%])[，；](?=[\u4e00-\u9fff0-9])",
                      lambda m: {"，": ",", "；": ";"}[m.group()], ln)
    return "\n".join(line(ln) for ln in text.split("\n"))


PRESERVING = {
    "breakdown_sentence": breakdown_sentence,
    "status_long": status_long,
    "full_width": full_width,
    "paren_ascii": paren_ascii,
    "total_word": total_word,
    "reach_word": reach_word,
    "yuan_for_wan": yuan_for_wan,
    "unit_space": unit_space,
    "crlf": crlf,
    "half_width": half_width,
}


_ITEM = re.compile(r"^(\s*)(\d{1,2})([.、．]\s*)(\S.*)$")


def _item_runs(lines: list[str]) -> list[list[int]]:
    """Runs of consecutive lines numbered 1., 2., 3. … (or 1、2、…)."""
    runs, cur = [], []
    for k, line in enumerate(lines):
        m = _ITEM.match(line)
        # (only blank lines between: 1.goal / 1.outcome / 2.goal / 2.outcome, the cells of a
        # two-column form one per line, are two lists, not one)
        if m and cur and int(m.group(2)) == int(_ITEM.match(lines[cur[-1]]).group(2)) + 1 \
                and m.group(3)[0] == _ITEM.match(lines[cur[-1]]).group(3)[0] \
                and all(not lines[q].strip() for q in range(cur[-1] + 1, k)):
            cur.append(k)
        elif m and int(m.group(2)) == 1:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [k]
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [] if not m else cur
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def swap_items(text: str) -> str:
    """The first two items of the first numbered list of three or more swap their texts
    (numbers stay in place): the same section in another order."""
    lines = text.split("\n")
    for run in _item_runs(lines):
        if len(run) >= 3:
            a, b = run[0], run[1]
            ma, mb = _ITEM.match(lines[a]), _ITEM.match(lines[b])
            lines[a] = ma.group(1) + ma.group(2) + ma.group(3) + mb.group(4)
            lines[b] = mb.group(1) + mb.group(2) + mb.group(3) + ma.group(4)
            return "\n".join(lines)
    return text


def wrap_line(text: str, width: int = 80) -> str:
    """The longest numbered narrative item (no tab, no pipe) broken after a comma past its
    middle, as a PDF or a narrow editor wraps it."""
    lines = text.split("\n")
    best = max((k for k, ln in enumerate(lines) if _ITEM.match(ln) and "\t" not in ln and "|" not in ln
                and len(ln) > width), key=lambda k: len(lines[k]), default=None)
    if best is None:
        return text
    line = lines[best]
    cut = line.find("，", len(line) // 2)
    if cut < 0 or cut >= len(line) - 2:
        return text
    lines[best] = line[:cut + 1] + "\n" + line[cut + 1:]
    return "\n".join(lines)


ORDER = {"swap_items": swap_items, "wrap_line": wrap_line}
