"""Reports written in traditional characters, read as simplified.

Section labels, column headers and every lexicon are simplified. A report in traditional
characters (a Hong Kong, Macao or Taiwan office, or a file that went through a converter)
is read through a simplified copy; the report keeps its original text, and since the map
is one character for one character every offset into the copy is an offset into the
original: evidence quotes the report as written.
"""
from __future__ import annotations

import functools
import re

from nlp_pipeline.lexicons import lexicon_path

TABLE = "traditional_simplified.txt"
_CJK_RE = re.compile(r"[\u3400-\u9fff]")


@functools.lru_cache(maxsize=4)
def _load(path: str) -> dict[int, str]:
    table: dict[int, str] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            for pair in line.split():
                if len(pair) == 2 and pair[0] != pair[1]:
                    table[ord(pair[0])] = pair[1]
    from nlp_pipeline.lexicon_schemas import check_words

    # an empty table would read every report as simplified without a word
    check_words(path, tuple(map(chr, table)))
    return table


def table() -> dict[int, str]:
    return _load(str(lexicon_path(TABLE)))


def traditional_share(text: str) -> tuple[int, float]:
    """(characters only traditional text writes, their share of the Chinese characters)."""
    tab = table()
    sample = text if len(text) <= 200_000 else text[:100_000] + text[-100_000:]
    trad = sum(1 for ch in sample if ord(ch) in tab)
    cjk = len(_CJK_RE.findall(sample))
    return trad, trad / max(1, cjk)


def looks_traditional(text: str) -> bool:
    # traditional running text has a quarter or more of its characters in the table;
    # simplified text has none (those it shares, 著 and the like, are left out of it), so a
    # quoted traditional name in a simplified report stays as written
    trad, share = traditional_share(text)
    return trad >= 10 and share >= 0.05


def to_simplified(text: str) -> str:
    """Character for character: ``len(to_simplified(t)) == len(t)`` always."""
    return text.translate(table())


WARNING = "报告为繁体中文，已转为简体识别；引用的证据仍为原文 / the report is in traditional characters: read as simplified, evidence quotes the original"


# 「评价结(jié)论」: a converter that writes the reading of each uncommon character after it
# in brackets (pages re-posted through a transliterating site). A letter with a tone mark
# marks pinyin; ordinary bracketed Latin text (（PPP）, (a)) has none.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_RE = re.compile(rf"(?<=[\u3400-\u9fff])[(（](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]")
# fewer than this many annotations: a word explained once, left as written
_MIN_PINYIN = 3
PINYIN_WARNING = ("已删去文中{n}处字后括注的拼音（转帖网站加注的读音）/ removed {n} pinyin readings "
                  "a converter wrote in brackets after characters")


def strip_pinyin(text: str, rows: list) -> tuple[str, list, int]:
    """The text without the pinyin readings a converter left after characters, the rows'
    cells moved to the same characters, and how many were removed (none below
    ``_MIN_PINYIN``: then text and rows come back unchanged)."""
    marks = list(_PINYIN_RE.finditer(text))
    if len(marks) < _MIN_PINYIN:
        return text, rows, 0
    # new offset of every old offset: each removed span shifts what follows it
    shift = [0] * (len(text) + 1)
    removed = 0
    pos = 0
    parts = []
    for m in marks:
        for k in range(pos, m.start()):
            shift[k] = removed
        for k in range(m.start(), m.end()):
            shift[k] = removed + (k - m.start())
        parts.append(text[pos:m.start()])
        removed += m.end() - m.start()
        pos = m.end()
    for k in range(pos, len(text) + 1):
        shift[k] = removed
    parts.append(text[pos:])
    new_rows = []
    for row in rows:
        new_row = []
        for c in row:
            a, b = c.start - shift[c.start], c.end - shift[c.end]
            new_row.append(type(c)(a, max(a, b), c.col))
        new_rows.append(new_row)
    return "".join(parts), new_rows, len(marks)
