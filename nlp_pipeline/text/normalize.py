"""Width normalisation that keeps every offset.

Full-width digits, Latin letters and the punctuation that belongs to numbers are mapped
to ASCII one character for one character, so a position in the normalised text is the
same position in the original. Chinese clause punctuation (，。；：、！？) is kept: it
separates clauses, and turning '，' into ',' would make it look like a thousands
separator.
"""
from __future__ import annotations

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
    }
)
_TABLE = str.maketrans(_MAP)


def normalize(text: str) -> str:
    """Return ``text`` with full-width forms in ASCII; same length, same offsets."""
    out = text.translate(_TABLE)
    assert len(out) == len(text)
    return out
