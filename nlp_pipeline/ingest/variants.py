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
