"""A cell or line of a report split into cleaned, numbered items.

Spreadsheet exports keep paragraphs inside a cell as ``<p>…</p>``; Word and Excel cells
keep them as lines. Either way each becomes one item: markup removed, entities decoded,
the item number ("1.", "（二）", "①") split off and kept as written.
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from nlp_pipeline.text.normalize import normalize

from .labels import item_number
from .mapped import Mapped
from .table import squeeze
from .table_lexicon import table_lexicon

_P_RE = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.I | re.S)
_TAG_RE = re.compile(r"</?[a-zA-Z][^<>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_BLOCK_TAG_RE = re.compile(r"<(?:br|/?p|/?div|/?li)\b[^>]*>", re.I)


@dataclass
class Item:
    number: str | None
    style: str | None
    text: Mapped


def clean(text: str, start: int, end: int) -> Mapped:
    """``text[start:end]`` without tags; entities decoded (those characters map nowhere)."""
    out = Mapped()
    pos = start
    for m in _TAG_RE.finditer(text, start, end):
        out = out + Mapped.span(text, pos, m.start())
        tok = m.group(0)
        if tok.startswith("&"):
            out = out + Mapped.synthetic(html.unescape(tok).replace("\xa0", " "))
        elif _BLOCK_TAG_RE.fullmatch(tok):
            out = out + Mapped.synthetic("\n")
        pos = m.end()
    return out + Mapped.span(text, pos, end)


def split_number(m: Mapped) -> Item:
    style, number, n = item_number(normalize(m.chars))
    if number is None:
        return Item(None, None, m)
    return Item(m.chars[: len(number)], style, m.slice(n).strip())


def cell_blocks(text: str, start: int, end: int) -> list[Mapped]:
    """The paragraphs of a cell: its <p> elements, else its non-empty lines."""
    raw = text[start:end]
    blocks: list[Mapped] = []
    if _P_RE.search(raw):
        pos = start
        for m in _P_RE.finditer(text, start, end):
            # text between <p> elements is kept too: nothing may be dropped
            blocks.append(clean(text, pos, m.start()))
            blocks.append(clean(text, m.start(1), m.end(1)))
            pos = m.end()
        blocks.append(clean(text, pos, end))
    else:
        pos = start
        for line in raw.split("\n"):
            blocks.append(clean(text, pos, pos + len(line)))
            pos += len(line) + 1
    out = []
    for b in blocks:
        # a <br> inside a paragraph keeps it one paragraph
        b = Mapped("".join(" " if (c == "\n" and o is None) else c for c, o in zip(b.chars, b.origs)), b.origs)
        b = b.strip(" \t\r\n\u3000\xa0")
        if b.chars:
            out.append(b)
    return out


# a form's cells numbered by their label (目标1：…, 指标2：…), not by an item number
_LABEL_NUM_RE = re.compile(r"^\s*(?:目标|指标|任务)\s*(\d{1,2})\s*[:：、.．]")


def label_number(text: str) -> int | None:
    """The number of a cell numbered by its label (目标2：加大… → 2), None otherwise."""
    m = _LABEL_NUM_RE.match(normalize(text))
    return int(m.group(1)) if m else None


_DIGIT_NUM_RE = re.compile(r"(\d{1,2})[.．、]")
# (an item opening on a year, 2.2024年暑假…, is no decimal 2.2024)
_ITEM_NUM = r"(\d{1,2})[.、．](?:(?!\d)|(?=(?:19|20)\d\d年)|(?=\d{1,6}[.．]\d+[万亿元%％个人次亩米公吨户件倍]))"
_INLINE_NUM_RE = re.compile(_ITEM_NUM)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_ITEM_OPENERS = "“\"（(「《"


def _opens_inline_item(norm: str, m: re.Match) -> bool:
    """A digit number inside a line opens an item after a clause mark or a space; glued
    between two words (「…幸福指数2.切实保障…」, a list pasted with its line breaks lost)
    too, where the caller asks that it be the next number in sequence."""
    before = norm[: m.start(1)].rstrip()
    if before[-1:] in ("", "。", "；", ";", "，", ",") or len(before) < m.start(1):
        return True
    after = norm[m.end(): m.end() + 1]
    # 第2.期 is an ordinal, no item
    return bool(_CJK_CHAR.match(before[-1]) and before[-1] != "第" and after and (_CJK_CHAR.match(after) or after in _ITEM_OPENERS))

# （1）…（2）… on one line: a bracketed number opens an item wherever it stands
_INLINE_PAREN_FIRST_RE = re.compile(r"\s*[（(](\d{1,2})[)）]")
_INLINE_PAREN_RE = re.compile(r"[（(](\d{1,2})[)）]")

# 「目标1：… 目标2：…」 as target tables number their goals
_LABELLED_RE = re.compile(r"(?:目标|任务|指标)\s*(\d{1,2})\s*[：:]")


def _labelled_items(line: Mapped, norm: str) -> list[Mapped]:
    found = [m for m in _LABELLED_RE.finditer(norm)]
    if len(found) < 2 or found[0].start() > 0 or [int(m.group(1)) for m in found] != list(
            range(int(found[0].group(1)), int(found[0].group(1)) + len(found))):
        return [line]
    bounds = [m.start() for m in found] + [len(line.chars)]
    return [line.slice(a, b).strip() for a, b in zip(bounds, bounds[1:])]



_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _circled_items(line: Mapped, norm: str) -> list[Mapped] | None:
    """「①…；②…；③…」 on one line: circled numbers in sequence from ① cut items."""
    s = norm.lstrip()
    if not s or s[0] != _CIRCLED[0]:
        return None
    lead = len(norm) - len(s)
    cuts, want = [], 1
    for k, ch in enumerate(norm):
        if k > lead and want < len(_CIRCLED) and ch == _CIRCLED[want]:
            cuts.append(k)
            want += 1
    if not cuts:
        return None
    bounds = [0] + cuts + [len(line.chars)]
    return [line.slice(a, b).strip() for a, b in zip(bounds, bounds[1:]) if line.slice(a, b).strip().chars]


def split_inline_items(line: Mapped) -> list[Mapped]:
    """「1.加强培训 2.完善制度」 on one line: items numbered in sequence are separate items
    even with no 。 between them. A number out of sequence stays text."""
    norm = normalize(line.chars)
    first = re.match(r"\s*" + _ITEM_NUM, norm)
    later = _INLINE_NUM_RE
    if not first:
        first, later = _INLINE_PAREN_FIRST_RE.match(norm), _INLINE_PAREN_RE
    if not first:
        circled = _circled_items(line, norm)
        if circled is not None:
            return circled
        return _labelled_items(line, norm)
    expect = int(first.group(1)) + 1
    cuts = []
    for m in later.finditer(norm, first.end()):
        if later is _INLINE_NUM_RE and not _opens_inline_item(norm, m):
            continue
        if int(m.group(1)) == expect:
            # a digit item starts at its number, a bracketed one at its bracket
            cuts.append(m.start(1) if later is _INLINE_NUM_RE else m.start())
            expect += 1
    if not cuts:
        return [line]
    bounds = [0] + cuts + [len(line.chars)]
    return [line.slice(a, b).strip() for a, b in zip(bounds, bounds[1:]) if line.slice(a, b).strip().chars]



def cell_items(text: str, start: int, end: int) -> list[Item]:
    """Numbered items of a cell, item numbers split off.

    "3.5万元" alone reads as a number, but after item 2 it is item 3: the sequence decides.
    """
    out: list[Item] = []
    prev: int | None = None
    for b in cell_blocks(text, start, end):
        it = split_number(b)
        if it.number is None and prev is not None:
            it = in_sequence(b, prev) or it
        prev = number_value(it.number)
        out.append(it)
    return out


def number_value(number: str | None) -> int | None:
    """The value of a digit item number ("3." -> 3), None for other styles."""
    m = _DIGIT_NUM_RE.match(normalize(number or ""))
    return int(m.group(1)) if m else None


def in_sequence(b: Mapped, prev: int) -> Item | None:
    """``b`` as the item after number ``prev`` when it opens with that next number, though
    digits follow it ("3.12345热线…" after item 2, "2.5万元…" after item 1)."""
    m = _DIGIT_NUM_RE.match(normalize(b.chars))
    if m and int(m.group(1)) == prev + 1:
        return Item(b.chars[: m.end()], "num", b.slice(m.end()).strip())
    return None


def cell_text(text: str, start: int, end: int) -> Mapped:
    """The whole cell as one cleaned text (paragraphs joined by newlines)."""
    from .mapped import join

    return join(cell_blocks(text, start, end))


@functools.lru_cache(maxsize=1)
def _placeholders() -> frozenset[str]:
    return frozenset(squeeze(x) for x in table_lexicon().unfilled.placeholders)


def is_placeholder(text: str) -> bool:
    """True when a cell only says it was left empty: one of the placeholders of
    lexicons/table_columns.yaml (无, 暂无, /, —), spaces, clause marks and a closing
    ASCII full stop (略.) aside, or a line of dashes of any length (———), which a form
    uses for an empty cell too."""
    q = squeeze(text or "").rstrip(".")
    return q in _placeholders() or (bool(q) and all(ch in "—-" for ch in q))
