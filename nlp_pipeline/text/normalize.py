"""Width normalisation that keeps every offset.

Full-width digits, Latin letters and the punctuation that belongs to numbers are mapped
to ASCII one character for one character, so a position in the normalised text is the
same position in the original. Chinese clause punctuation (，。；：、！？) is kept: it
separates clauses, and turning '，' into ',' would make it look like a thousands
separator — except inside a number with a decimal part (１１，４１９．５５) or written in
full-width digits throughout (５，６８０户次), where nothing else can be meant. The
reverse holds for ASCII clause marks typed beside Chinese characters (…元,全年): they are
read as 「，；：」.
"""
from __future__ import annotations

import functools
import re

_MAP = {chr(0xFF10 + i): str(i) for i in range(10)}
_MAP.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_MAP.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_MAP.update(
    {
        "％": "%",
        "．": ".",
        "＋": "+",
        "－": "-",
        "＊": "*",
        "／": "/",
        "＝": "=",
        "～": "~",
        "\u3000": " ",
        "\u00a0": " ",
        "×": "*",
        "÷": "/",
        "－": "-",
        "—": "-",
        "–": "-",
        # the bounds as some Japanese-derived fonts and forms type them (≧60个)
        "≧": "≥",
        "≦": "≤",
        "＞": ">",
        "＜": "<",
    }
)
_TABLE = str.maketrans(_MAP)


# '，' between digit groups is a thousands separator only where nothing else can be meant:
# groups of exactly three digits that end in a decimal part (１１，４１９．５５), or a number
# written in full-width digits throughout (５，６８０户次), as full-width typing does
_FW_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:，\d{3})+\.\d")
_FW_DIGITS = re.compile(r"(?<![０-９．\d.])[０-９]{1,3}(?:，[０-９]{3})+(?![０-９\d])")


# ASCII clause marks typed in Chinese text (a Word document with half-width punctuation, a
# text run through NFKC): a comma, semicolon or colon beside a Chinese character separates
# clauses as 「，；：」 do, and is read as they are. A comma between digits stays a thousands
# separator (20,742,608.35元,全年…: only the last comma is a clause mark).
_CJK_CHARS = "\u3400-\u9fff\uf900-\ufaff"
_HALF_CLAUSE = re.compile(rf"(?<=[{_CJK_CHARS}])[,;:]|[,;:](?=[{_CJK_CHARS}])")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "："}


@functools.lru_cache(maxsize=1 << 14)
def normalize(text: str) -> str:
    """Return ``text`` with full-width forms in ASCII; same length, same offsets.

    Memoised: a pure function of its argument, called ~5,000 times per report (the
    readers and the detectors normalise the same cells and phrases again and again)."""
    out = text.translate(_TABLE)
    if "," in out or ";" in out or ":" in out:
        out = _HALF_CLAUSE.sub(lambda m: _HALF_TO_FULL[m.group()], out)
    if "，" in out:
        spans = [m.span() for m in _FW_DIGITS.finditer(text)]
        if spans:
            chars = list(out)
            for a, b in spans:
                for k in range(a, b):
                    if chars[k] == "，":
                        chars[k] = ","
            out = "".join(chars)
        out = _FW_GROUPED.sub(lambda m: m.group().replace("，", ","), out)
    assert len(out) == len(text)
    return out
