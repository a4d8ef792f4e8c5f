"""Text that remembers where each character came from.

Readers clean text (drop markup, strip item numbers, join lines); the model needs both the
cleaned text and a map back into ``Report.text``. A :class:`Mapped` keeps one original
offset per character (None for characters the cleaning made up, such as a joining
newline or a decoded ``&nbsp;``) and compresses that into ``Paragraph.segments``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Mapped:
    chars: str = ""
    origs: list[int | None] = field(default_factory=list)

    @classmethod
    def span(cls, text: str, start: int, end: int) -> "Mapped":
        return cls(text[start:end], list(range(start, end)))

    @classmethod
    def synthetic(cls, s: str) -> "Mapped":
        return cls(s, [None] * len(s))

    def __len__(self) -> int:
        return len(self.chars)

    def __add__(self, other: "Mapped") -> "Mapped":
        return Mapped(self.chars + other.chars, self.origs + other.origs)

    def slice(self, i: int, j: int | None = None) -> "Mapped":
        return Mapped(self.chars[i:j], self.origs[i:j])

    def strip(self, chars: str | None = None) -> "Mapped":
        s = self.chars
        left = len(s) - len(s.lstrip(chars))
        right = len(s.rstrip(chars))
        if right <= left:
            return Mapped()
        return self.slice(left, right)

    @property
    def start(self) -> int | None:
        return next((o for o in self.origs if o is not None), None)

    @property
    def end(self) -> int | None:
        last = next((o for o in reversed(self.origs) if o is not None), None)
        return None if last is None else last + 1

    def segments(self, source: str) -> list[tuple[int, int, int]]:
        """Runs of characters copied verbatim from ``source`` as (text, orig, length)."""
        out: list[tuple[int, int, int]] = []
        run_t = run_o = None
        n = 0
        for i, (c, o) in enumerate(zip(self.chars, self.origs)):
            ok = o is not None and 0 <= o < len(source) and source[o] == c
            if ok and run_t is not None and o == run_o + n and i == run_t + n:
                n += 1
                continue
            if run_t is not None:
                out.append((run_t, run_o, n))
                run_t = None
            if ok:
                run_t, run_o, n = i, o, 1
        if run_t is not None:
            out.append((run_t, run_o, n))
        return out


def join(parts: list[Mapped], sep: str = "\n") -> Mapped:
    out = Mapped()
    for k, p in enumerate(parts):
        if k:
            out = out + Mapped.synthetic(sep)
        out = out + p
    return out


_STOPS = "。；;！？!?：:"
_OPENS = ("（", "(", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "一是", "二是", "三是", "四是", "五是")


_ITEM_OPEN_RE = re.compile(r"\d{1,2}\s*[.、．)）](?!\d)")


def join_lines(parts: list[Mapped]) -> Mapped:
    """Join the lines of one paragraph: a line broken inside a sentence (a PDF's or a
    narrow editor's wrap: the line before ends in no stop, the next opens no item) is
    joined with nothing between, so the sentence stays one sentence; other lines keep
    their line break."""
    out = Mapped()
    for k, p in enumerate(parts):
        if k:
            prev = out.chars.rstrip()
            nxt = p.chars.lstrip()
            # (a line opening on a figure continues too, 的 / 45.3%; not an item number, 2.…,
            # nor digits after digits, which would make one number of two)
            wrapped = (prev and nxt and prev[-1] not in _STOPS and not nxt.startswith(_OPENS)
                       and not _ITEM_OPEN_RE.match(nxt) and not (nxt[:1].isdigit() and prev[-1:].isdigit()))
            if not wrapped:
                out = out + Mapped.synthetic("\n")
        out = out + p
    return out
