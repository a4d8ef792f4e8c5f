"""One paragraph made ready for comparison with the paragraphs of other reports.

The *masked* form keeps CJK characters, letters and digits only (punctuation and spacing
differ between copies for no reason), then replaces

* every organisation or place name by one character ``NAME`` (the report's own name, its
  place parts, and any two-character place name followed by a place suffix, extended to
  the organisation name that follows it: 青山县水务局, 石桥镇), and
* every figure (a run of digits with its separators, a Chinese numeral of two characters
  or more) by one character ``FIGURE``,

so that a template handed in again with other names and figures is the same masked text.
Each masked character keeps the span of ``Paragraph.text`` it stands for, so a span found
in the masked text maps back to ``Report.text`` through ``Paragraph.span``.

Mandated wording (lexicon phrases, titles in 《》) is marked per masked character: it
takes part in the alignment, so a copied paragraph is one span however many template
phrases it holds, but it never counts as copied text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from nlp_pipeline.model import Paragraph
from nlp_pipeline.text.normalize import normalize

NAME = "\u24c3"  # Ⓝ: any organisation or place name
FIGURE = "#"  # any figure
SENTENCE_ENDS = "。；;！!？?\n"

_CJK = r"\u4e00-\u9fff\u3400-\u4dbf"


def _keep(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or (ch.isascii() and ch.isalnum()) or ch == "%"


@dataclass
class Masker:
    """The masking rules of one parameter set (lexicon data compiled once)."""

    place_re: re.Pattern
    org_re: re.Pattern
    figure_re: re.Pattern
    title_re: re.Pattern
    mandated: tuple[str, ...]  # masked forms, longest first
    place_suffix_re: re.Pattern

    @classmethod
    def from_params(cls, params: dict, stock_phrases: list[str]) -> "Masker":
        suffixes = sorted(params["place_suffixes"], key=len, reverse=True)
        stop = re.escape(params["place_stop_chars"])
        suf = "|".join(map(re.escape, suffixes))
        place_re = re.compile(rf"[{_CJK}](?![{stop}])[{_CJK}](?:{suf})")
        orgs = "|".join(map(re.escape, sorted(params["org_suffixes"], key=len, reverse=True)))
        org_re = re.compile(rf"[{_CJK}]{{0,{int(params['org_max_chars'])}}}?(?:{orgs})")
        figure_re = re.compile(r"\d+(?:[.,，]\d+)*%?|[零〇一二两三四五六七八九十百千万亿]{2,}")
        title_re = re.compile(r"《[^《》\n]{1,60}》")
        place_suffix_re = re.compile(rf"^(.+?(?:{'|'.join(map(re.escape, ['省', '市', '县', '区', '旗', '州', '盟']))}))")
        m = cls(place_re, org_re, figure_re, title_re, (), place_suffix_re)
        phrases = [m.mask_plain(p) for p in list(params.get("mandated_phrases") or []) + list(stock_phrases)]
        m.mandated = tuple(sorted({p for p in phrases if len(p) >= 3}, key=len, reverse=True))
        return m

    def own_names(self, organisation: str | None) -> list[str]:
        """The report's own names: the organisation, and each place level of it with and
        without its suffix (青山县水务局, 青山县, 青山)."""
        if not organisation:
            return []
        org = normalize(organisation).strip()
        names = {org}
        rest = org
        while True:
            m = self.place_suffix_re.match(rest)
            if not m or m.group(1) == rest:
                break
            level = m.group(1)
            names.add(level)
            if len(level) >= 3:
                names.add(level[:-1])
            rest = rest[len(level):]
        return sorted((n for n in names if len(n) >= 2), key=len, reverse=True)

    def name_spans(self, text: str, own: list[str]) -> list[tuple[int, int]]:
        taken = [False] * len(text)
        spans: list[tuple[int, int]] = []

        def add(a: int, b: int) -> None:
            if not any(taken[a:b]):
                for k in range(a, b):
                    taken[k] = True
                spans.append((a, b))

        for name in own:
            i = text.find(name)
            while i >= 0:
                add(i, i + len(name))
                i = text.find(name, i + len(name))
        for m in self.place_re.finditer(text):
            add(*m.span())
        # a place name opens an organisation name: mask the organisation whole, so the
        # report's own name (masked whole above) and another unit's name mask alike
        out = []
        for a, b in sorted(spans):
            m = self.org_re.match(text, b)
            if m and m.end() > b and not any(taken[b:m.end()]):
                for k in range(b, m.end()):
                    taken[k] = True
                b = m.end()
            out.append((a, b))
        return out

    def mask_plain(self, text: str) -> str:
        """Masked form of a lexicon phrase (no names of its own)."""
        return prepare_text(normalize(text), self, [])[0]


def prepare_text(text: str, masker: Masker, own: list[str]):
    """(masked, starts, ends, kinds, mandated, breaks) for ``text``: for each masked
    character the span of ``text`` it stands for, its kind ('c' character, 'n' name, 'f'
    figure), whether it is mandated wording, and the masked positions where a sentence
    ends."""
    names = masker.name_spans(text, own)
    marks: dict[int, tuple[int, str]] = {a: (b, NAME) for a, b in names}
    taken = bytearray(len(text))
    for a, b in names:
        taken[a:b] = b"\x01" * (b - a)
    for m in masker.figure_re.finditer(text):
        a, b = m.span()
        if not any(taken[a:b]):
            marks[a] = (b, FIGURE)
    titles = [m.span() for m in masker.title_re.finditer(text)]
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[str] = []
    breaks: list[int] = []
    i, n = 0, len(text)
    while i < n:
        mk = marks.get(i)
        if mk is not None:
            chars.append(mk[1])
            starts.append(i)
            ends.append(mk[0])
            kinds.append("n" if mk[1] == NAME else "f")
            i = mk[0]
            continue
        ch = text[i]
        if _keep(ch):
            chars.append(ch)
            starts.append(i)
            ends.append(i + 1)
            kinds.append("c")
        elif ch in SENTENCE_ENDS and chars and (not breaks or breaks[-1] != len(chars)):
            breaks.append(len(chars))
        i += 1
    masked = "".join(chars)
    mandated = np.zeros(len(masked), dtype=bool)
    for a, b in titles:
        for k, s in enumerate(starts):
            if a <= s < b:
                mandated[k] = True
    for ph in masker.mandated:
        j = masked.find(ph)
        while j >= 0:
            mandated[j : j + len(ph)] = True
            j = masked.find(ph, j + len(ph))
    return masked, starts, ends, "".join(kinds), mandated, breaks


# --- shingles -------------------------------------------------------------------------

_P = np.uint64(1_000_003)


def shingle_hashes(masked: str, k: int) -> np.ndarray:
    """32-bit hash of every ``k``-character shingle, by start position (deterministic
    across processes, unlike Python's ``hash``)."""
    n = len(masked) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint32)
    codes = np.frombuffer(masked.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _P + codes[j : j + n]
        h ^= h >> np.uint64(31)
        h *= np.uint64(0x9E3779B97F4A7C15)
        h ^= h >> np.uint64(29)
    return (h & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def units(n: int, breaks: list[int], min_chars: int) -> list[tuple[int, int]]:
    """Masked-character ranges of the units of a paragraph: from each sentence start, the
    whole sentences that make up at least ``min_chars`` characters. Units overlap, so a
    run of copied sentences starts a unit of its own in the copy and in the source alike,
    whatever the text around it."""
    starts = [0] + [b for b in breaks if 0 < b < n]
    ends = [b for b in breaks if 0 < b < n] + [n]
    out: list[tuple[int, int]] = []
    for i, a in enumerate(starts):
        end = next((e for e in ends[i:] if e - a >= min_chars), n)
        if out and end - a < min_chars and out[-1][1] == n:
            break  # a short tail the unit before already holds
        out.append((a, end))
    return out


@dataclass
class Prepared:
    """A paragraph of one report, masked and hashed."""

    para: Paragraph
    raw: str  # Report.text[para.start:para.end], for quotes without the whole report
    masked: str
    starts: list[int]  # span of para.text per masked character
    ends: list[int]
    kinds: str
    mandated: np.ndarray
    hashes: np.ndarray  # shingle hash by start position
    units: list[tuple[int, int]]
    weights: np.ndarray = field(default=None)  # characters of the text per masked character
    placeholder: np.ndarray = field(default=None)  # a masked name or figure
    generic: np.ndarray | None = None  # mandated or boilerplate, set once the batch is known

    def quote(self, s: int, e: int) -> str:
        """Report.text[s:e] for offsets inside this paragraph."""
        return self.raw[s - self.para.start : e - self.para.start]

    def report_span(self, a: int, b: int) -> tuple[int, int]:
        """Report.text offsets of masked characters ``[a, b)``."""
        return self.para.span(self.starts[a], self.ends[b - 1])


def prepare_paragraph(para: Paragraph, raw: str, masker: Masker, own: list[str], params: dict) -> Prepared:
    text = normalize(para.text)
    masked, starts, ends, kinds, mandated, breaks = prepare_text(text, masker, own)
    weights = np.array([e - s for s, e in zip(starts, ends)], dtype=np.int32)
    return Prepared(
        para=para,
        raw=raw,
        masked=masked,
        starts=starts,
        ends=ends,
        kinds=kinds,
        mandated=mandated,
        hashes=shingle_hashes(masked, int(params["shingle"])),
        units=units(len(masked), breaks, int(params["unit_min_chars"])),
        weights=weights,
        placeholder=np.frombuffer(kinds.encode("ascii"), dtype=np.uint8) != ord("c"),
    )
