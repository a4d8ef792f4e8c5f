"""Numeric entities: find numbers in the raw characters, then read units and qualifiers.

The scan runs over the width-normalised text (same offsets as the input), in passes
that consume characters so later passes cannot re-read them:

1. protected spans: titles 《…》, short quoted names “…”, document numbers 〔2021〕9号;
2. arithmetic in brackets (895*20.3) -> EXPR;
3. dates (6月7日, 2021年1月, 6月7日至6月9日) -> DATE / RANGE;
4. 百分之八十 -> PERCENT;
5. every other numeral (Arabic or Chinese) with its multiplier, unit, qualifier, or a
   range to a second numeral.

Chinese numerals are accepted only with a unit or a multiplier after them, so that the
many words built from numeral characters (一线, 四上, 三八) are not read as numbers.
Units, multipliers, qualifiers and the context words are data in lexicons/.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from nlp_pipeline.model import Mention
from nlp_pipeline.text.cn_numerals import cn_to_number
from nlp_pipeline.text.lexicon import NumberLexicon, UnitInfo, number_lexicon
from nlp_pipeline.text.normalize import normalize
from nlp_pipeline.text.safe_eval import safe_eval

_CN_DIGIT = "〇零一二两三四五六七八九"
_CN_ALL = _CN_DIGIT + "十百千万亿"
_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?"
_NUM_RE = re.compile(
    rf"(?<![\d.,])(?P<ar>{_AR})|(?P<cn>[{_CN_DIGIT}十][{_CN_ALL}]*(?:点[{_CN_DIGIT}]+)?)"
)
_EXPR_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# a unit may follow a number inside the brackets: （312*3000元）
_EXPR_TERM = rf"[（(]?\s*{_EXPR_NUM}(?:[^\d\s()（）+\-*/×÷=，,。；;:：]{{1,4}})?\s*[)）]?"
_EXPR_RE = re.compile(rf"[（(]\s*(?P<e>{_EXPR_TERM}(?:\s*[-+*/×÷]\s*{_EXPR_TERM})+)\s*[)）]")
_DATE = r"(?:(?P<y{n}>(?:19|20)\d{{2}})\s*年\s*)?(?P<m{n}>1[0-2]|0?[1-9])\s*月(?:\s*(?P<d{n}>3[01]|[12]\d|0?[1-9])\s*[日号])?"
_DATE_RE = re.compile(
    r"(?<!\d)" + _DATE.format(n=1)
    + r"(?:\s*(?:至|到|-|~|—)\s*(?:" + _DATE.format(n=2) + r"|(?P<d3>3[01]|[12]\d|0?[1-9])\s*[日号]))?"
)
_MONTH_RANGE_RE = re.compile(
    r"(?<![\d.])(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m1>1[0-2]|0?[1-9])\s*(?:至|到|-|~|—)\s*(?P<m2>1[0-2]|0?[1-9])\s*月(?!\s*\d{1,2}\s*[日号])"
)
_ISO_DATE_RE = re.compile(r"(?<![\d.])((?:19|20)\d{2})([-./])(0?[1-9]|1[0-2])\2(3[01]|[12]\d|0?[1-9])(?![\d.])")
_PCT_RE = re.compile(rf"百分之(?P<n>\d+(?:\.\d+)?|[{_CN_DIGIT}十百]+(?:点[{_CN_DIGIT}]+)?)")
_DOCNO_RE = re.compile(r"[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*第?\s*\d+\s*号")
_CLOCK_RE = re.compile(r"(?<![\d.])(?:[01]?\d|2[0-3])[:：][0-5]\d(?:\s*[-~至到—]\s*(?:[01]?\d|2[0-3])[:：][0-5]\d)?(?!\d)")
_PHONE_RE = re.compile(r"(?<![\d.])(?:0\d{2,3}-\d{7,8}|1[3-9]\d{9})(?![\d.])")
_RANGE_SEP_RE = re.compile(r"\s*(?:-|~|至|到|—)\s*")
_ITEM_RE = re.compile(r"(?:^|(?<=[\s>；;。：:！？]))(?P<n>\d{1,2})\s*[.、)）](?!\d)")
_ITEM_DEC_RE = re.compile(r"(?:^|(?<=[\s>；;。：:！？]))(?P<n>\d{1,2})\.(?=\d)")
_SCHOOL_YEAR_RE = re.compile(r"\s*(?:-|~|至|到|—)\s*(?:19|20)\d{2}\s*学年")
_YEAR_AHEAD_RE = re.compile(r"(?:19|20)\d{2}\s*年")
_PAREN_ITEM_RE = re.compile(r"[（(]\d{1,2}[)）]")
# a numbered label of a form's item (指标12：孕产妇访视数, 目标2：…): its number counts items
_LABEL_ITEM_RE = re.compile(r"(?:指标|目标|任务|问题|措施)\s*\d{1,2}\s*[:：]|(?:附件|附表|附图)\s*\d{1,2}(?!\d)")
_RANGE_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*(?:年度|年)")
_LATIN = re.compile(r"[A-Za-z]")
_CLAUSE_PUNCT = "，,；;。：:！？、\n\t"


@dataclass
class _Num:
    start: int
    end: int
    value: float
    chinese: bool
    text: str


# --- helpers -------------------------------------------------------------------------


# 附件2-1: a hyphen between the parts of an item's number (ASCII and the dashes typed for it)
_SUB_NUMBER_SEPARATORS = "-－‐‑–—"


def _parse_num(m: re.Match) -> _Num | None:
    if m.group("ar") is not None:
        s = m.group("ar")
        return _Num(m.start(), m.end(), float(s.replace(",", "")), False, s)
    s = m.group("cn")
    try:
        v = cn_to_number(s)
    except (ValueError, KeyError):
        return None
    return _Num(m.start(), m.end(), v, True, s)


def _match_longest(text: str, pos: int, items) -> tuple[str, str] | None:
    for key, val in items:
        if text.startswith(key, pos):
            return key, val
    return None


def _interval(qual: str, x: float, lex: NumberLexicon) -> tuple[str, float | None, float | None]:
    """(qualifier, low, high) in the same unit as x."""
    tol = lex.approx_tol
    if qual == "approximate":
        a, b = x * (1 - tol), x * (1 + tol)
        return qual, min(a, b), max(a, b)
    if qual == "approximate_below":
        return "approximate", x * (1 - tol), x
    if qual == "near":
        return qual, x * (1 - lex.near_tol), x
    if qual == "lower":
        return qual, x, None
    if qual == "upper":
        return qual, None, x
    if qual == "more":
        # 300多 -> [300, 400]: one step of the last non-zero digit
        if x <= 0:
            return "approximate", x, None
        if x == int(x):
            n = int(x)
            step = 1
            while n % 10 == 0 and n > 0:
                n //= 10
                step *= 10
        else:
            step = 10 ** -(len(repr(x).split(".")[1]))
        return "approximate", x, x + step
    return "exact", x, x


def _protected(norm: str) -> list[tuple[int, int]]:
    spans = []
    for open_, close, limit in (("《", "》", 120), ("“", "”", 30), ('"', '"', 30), ("「", "」", 30)):
        i = 0
        while True:
            a = norm.find(open_, i)
            if a < 0:
                break
            b = norm.find(close, a + 1)
            if b < 0 or b - a > limit:
                i = a + 1
                continue
            spans.append((a, b + 1))
            i = b + 1
    for rx in (_DOCNO_RE, _CLOCK_RE, _PHONE_RE):
        for m in rx.finditer(norm):
            spans.append(m.span())
    return spans


@functools.lru_cache(maxsize=1)
def _not_number_re() -> re.Pattern:
    words = sorted(number_lexicon().ctx["cn_not_numbers"], key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _item_markers(norm: str) -> list[tuple[int, int]]:
    """Spans of enumeration markers (1. 2、 (3)) that are not quantities."""
    spans = [m.span() for m in _ITEM_RE.finditer(norm)]
    spans += [m.span() for m in _PAREN_ITEM_RE.finditer(norm)]
    spans += [m.span() for m in _LABEL_ITEM_RE.finditer(norm)]
    # "1.7米以上… 2.垃圾…": a leading "1." glued to a number is an item marker when the
    # same cell or line carries marker "2." as well (a table cell "4.6" next to other
    # rows' "5." is not).
    for m in _ITEM_DEC_RE.finditer(norm):
        n = int(m.group("n"))
        if _YEAR_AHEAD_RE.match(norm, m.end()):
            spans.append((m.start(), m.end()))  # "2.2021年…": no one writes 2.2021 years
            continue
        stop = len(norm)
        for sep in "\t\n":
            k = norm.find(sep, m.end())
            if k >= 0:
                stop = min(stop, k)
        cell = norm[m.end() : stop]
        if re.search(rf"(?:^|[\s>；;。：:！？]){n + 1}\s*[.、]", cell):
            spans.append((m.start(), m.end()))
    return spans


def _mention(text, a, b, kind, value, unit, base_value, base_unit, qual="exact", low=None, high=None, expr=None):
    return Mention(
        text=text[a:b],
        start=a,
        end=b,
        kind=kind,
        value=value,
        unit=unit,
        base_value=base_value,
        base_unit=base_unit,
        qualifier=qual,
        low=low,
        high=high,
        expression=expr,
    )


# --- the scan ------------------------------------------------------------------------


@dataclass(frozen=True)
class _LexIndex:
    """Lookups derived from a NumberLexicon once, so the scan does not walk every unit
    key at every number: the keys by their first character (each list in ``unit_keys``
    order, longest first, so the first match is the one the full walk finds), the COUNT
    keys likewise, and the multipliers longest first."""

    by_first: dict
    counts_by_first: dict
    multipliers: tuple


_LEX_INDEX: dict[int, tuple[object, _LexIndex]] = {}


def _lex_index(lex) -> _LexIndex:
    hit = _LEX_INDEX.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    by_first: dict[str, list[str]] = {}
    counts: dict[str, list[str]] = {}
    for key in lex.unit_keys:
        by_first.setdefault(key[:1], []).append(key)
        if lex.units[key].kind == "COUNT":
            counts.setdefault(key[:1], []).append(key)
    idx = _LexIndex(by_first, counts, tuple(sorted(lex.multipliers, key=len, reverse=True)))
    if len(_LEX_INDEX) > 8:
        _LEX_INDEX.clear()
    _LEX_INDEX[id(lex)] = (lex, idx)
    return idx


class _Scan:
    def __init__(self, text: str, currency_unit: str | None):
        self.text = text
        self.norm = normalize(text)
        self.plain = self.norm  # before item markers are blanked in the scanning copy
        self.lex = number_lexicon()
        self.currency = currency_unit
        self.used = bytearray(len(text))
        self.out: list[Mention] = []
        for a, b in _protected(self.norm):
            self._use(a, b)
        # blank item markers in the scanning copy, so "2.2021年" reads as 2021年
        chars = list(self.norm)
        for a, b in _item_markers(self.norm):
            chars[a:b] = " " * (b - a)
        self.norm = "".join(chars)

    def _use(self, a: int, b: int) -> None:
        self.used[a:b] = b"\x01" * (b - a)

    def _free(self, a: int, b: int) -> bool:
        return not any(self.used[a:b])

    def _add(self, m: Mention) -> None:
        self.out.append(m)
        self._use(m.start, m.end)

    # pass 2
    def expressions(self) -> None:
        for m in _EXPR_RE.finditer(self.norm):
            if not self._free(*m.span()):
                continue
            expr = re.sub(r"\s+", "", m.group("e")).replace("（", "(").replace("）", ")")
            expr = re.sub(r"[^\d.,+\-*/×÷()]", "", expr)  # drop units written inside
            expr = expr.replace("×", "*").replace("÷", "/")
            val = safe_eval(expr)
            self._add(_mention(self.text, m.start(), m.end(), "EXPR", val, "", val, "", expr=expr))

    # pass 3
    def dates(self) -> None:
        for m in _MONTH_RANGE_RE.finditer(self.norm):
            y = int(m.group("y") or 0)
            lo, hi = float(y * 10000 + int(m.group("m1")) * 100), float(y * 10000 + int(m.group("m2")) * 100)
            if hi > lo and self._free(*m.span()):
                self._add(_mention(self.text, m.start(), m.end(), "RANGE", lo, "date", lo, "date", low=lo, high=hi))
        for m in _ISO_DATE_RE.finditer(self.norm):
            if self._free(*m.span()):
                v = float(int(m.group(1)) * 10000 + int(m.group(3)) * 100 + int(m.group(4)))
                self._add(_mention(self.text, m.start(), m.end(), "DATE", v, "date", v, "date", low=v, high=v))
        for m in _DATE_RE.finditer(self.norm):
            if not self._free(*m.span()):
                continue
            y1, m1, d1 = m.group("y1"), m.group("m1"), m.group("d1")
            v1 = float(int(y1 or 0) * 10000 + int(m1) * 100 + int(d1 or 0))
            if m.group("m2") or m.group("d3"):
                if m.group("m2"):
                    y2 = m.group("y2") or y1
                    v2 = float(int(y2 or 0) * 10000 + int(m.group("m2")) * 100 + int(m.group("d2") or 0))
                else:
                    v2 = float(int(y1 or 0) * 10000 + int(m1) * 100 + int(m.group("d3")))
                self._add(_mention(self.text, m.start(), m.end(), "RANGE", v1, "date", v1, "date", low=v1, high=v2))
            else:
                self._add(_mention(self.text, m.start(), m.end(), "DATE", v1, "date", v1, "date", low=v1, high=v1))

    # pass 4
    def percents(self) -> None:
        for m in _PCT_RE.finditer(self.norm):
            if not self._free(*m.span()):
                continue
            n = m.group("n")
            try:
                v = float(n) if n[0].isdigit() else cn_to_number(n)
            except ValueError:
                continue
            end = m.end()
            qual = "exact"
            s = _match_longest(self.norm, end, self.lex.suffix_q)
            if s:
                qual, end = s[1], end + len(s[0])
            a, qual = self._prefix(m.start(), qual)
            q, lo, hi = _interval(qual, v, self.lex)
            self._add(_mention(self.text, a, end, "PERCENT", v, "%", v, "%", q, lo, hi))

    def _prefix(self, a: int, qual: str) -> tuple[int, str]:
        """Extend the span left over a prefix qualifier (约, 超过); combine with qual."""
        for key, val in self.lex.prefix_q:
            k = len(key)
            if a - k >= 0 and self.norm[a - k : a] == key and self._free(a - k, a):
                if any(w.endswith(key) and self.norm[max(0, a - len(w)) : a] == w for w in self.lex.prefix_words):
                    continue  # 应签约9,800户: 约 ends 签约, it qualifies nothing
                if qual == "exact" or (val.startswith("approx") and qual == "more"):
                    qual = val if qual == "exact" else "approximate"
                return a - k, qual
        return a, qual

    def _unit_at(self, pos: int) -> UnitInfo | None:
        norm = self.norm
        # only the keys that start with the character at pos, in unit_keys order
        for key in _lex_index(self.lex).by_first.get(norm[pos : pos + 1], ()):
            if norm.startswith(key, pos):
                nxt = norm[pos + len(key) : pos + len(key) + 1]
                base = key[-1]
                if nxt and nxt in self.lex.blockers.get(key, self.lex.blockers.get(base, "")):
                    continue
                if _LATIN.match(key[-1]) and _LATIN.match(nxt or " "):
                    continue
                return self.lex.units[key]
        return None

    def _quantity(self, num: _Num):
        """Read infix qualifier, multiplier and unit after a numeral.

        Returns (end, unit_info | None, unit_text, bare_multiplier, infix_qual).
        """
        pos = num.end
        norm = self.norm
        infix = None
        if pos < len(norm) and norm[pos] in self.lex.infix_q:
            infix, pos = self.lex.infix_q[norm[pos]], pos + 1
        info = self._unit_at(pos)
        if info is not None:
            return pos + len(info.unit), info, info.unit, None, infix
        # bare multiplier, possibly followed by 余 and a unit (3万余人)
        for mkey in _lex_index(self.lex).multipliers:
            if norm.startswith(mkey, pos):
                p2 = pos + len(mkey)
                if infix is None and p2 < len(norm) and norm[p2] in self.lex.infix_q:
                    infix, p2 = self.lex.infix_q[norm[p2]], p2 + 1
                inner = self._unit_at(p2)
                if inner is not None and not inner.multiplier and inner.kind not in ("PERCENT", "DURATION"):
                    u = mkey + inner.unit
                    composed = UnitInfo(u, inner.kind, inner.factor * self.lex.multipliers[mkey], inner.base_unit, mkey)
                    return p2 + len(inner.unit), composed, u, None, infix
                return p2, None, mkey, mkey, infix
        return pos, None, "", None, infix

    # pass 5
    def numbers(self) -> None:
        norm = self.norm
        not_num = [(m.start(), m.end()) for m in _not_number_re().finditer(norm)]
        ms = list(_NUM_RE.finditer(norm))
        skip_until = -1
        for m in ms:
            if m.start() < skip_until or not self._free(*m.span()):
                continue
            num = _parse_num(m)
            if num is None:
                continue
            if num.chinese and any(a <= num.start < b for a, b in not_num):
                continue
            mention = self._read(num)
            if mention is not None:
                self._add(mention)
                skip_until = mention.end

    def _is_name(self, num: _Num, end_after_num: int) -> bool:
        norm = self.norm
        ctx = self.lex.ctx
        before = norm[max(0, num.start - 4) : num.start]
        prefix = next((p for p in ctx["ordinal_prefixes"] if before.endswith(p)), None)
        if prefix is not None and not (prefix != "第" and self._counted(end_after_num)):
            return True  # 任务3, 项目2 — but 项目1,286个 counts projects
        if self._sub_number(num.start) and not self._counted(end_after_num):
            return True  # 附件2-1, 附表3-2: the second part of a numbered item's name
        if not num.chinese:
            if num.start > 0 and _LATIN.match(norm[num.start - 1]):
                return True
            if end_after_num < len(norm) and _LATIN.match(norm[end_after_num]):
                return True
        for suf in sorted(ctx["name_suffixes"], key=len, reverse=True):
            if norm.startswith(suf, end_after_num):
                return True
        return False

    def _sub_number(self, start: int) -> bool:
        """The number follows '<ordinal prefix><digits><hyphen>' (附件2-1)."""
        plain = self.plain
        k = start - 1
        if k < 1 or plain[k] not in _SUB_NUMBER_SEPARATORS:
            return False
        j = k
        while j > 0 and plain[j - 1].isdigit():
            j -= 1
        if j == k:
            return False
        head = plain[max(0, j - 4): j]
        return any(head.endswith(p) for p in self.lex.ctx["ordinal_prefixes"])

    def _counted(self, k: int) -> bool:
        """A count's measure word (with its multiplier) starts at ``k``."""
        rest = self.norm[k : k + 6]
        return any(rest.startswith(u) for u in _lex_index(self.lex).counts_by_first.get(rest[:1], ()))

    def _is_hotline(self, num: _Num) -> bool:
        if num.chinese or "." in num.text:
            return False
        ctx = self.lex.ctx
        if any(self.norm.startswith(w, num.end) for w in ctx["hotline_words"]):
            return True  # 110报警, 12345热线
        if len(num.text) < 5:
            return False
        window = self.norm[num.end : num.end + 40]
        # skip other numbers joined by 、/和 (12345、12319政府投诉热线)
        window = re.sub(r"^(?:\s*[、,，和及/]\s*\d{5,})*", "", window)
        head = window[: int(ctx["hotline_max_gap"]) + 4]
        if any(w in head for w in ctx["hotline_words"]):
            return True
        before = self.norm[max(0, num.start - 6) : num.start]
        return any(w in before for w in ("拨打", "热线", "电话"))

    def _across_gap(self, num: _Num) -> _Num:
        """The numeral taken to end after a short run of spaces when its unit or year
        suffix follows them: text layers of PDFs and some Word exports put a space between
        a figure and its unit (123.45 万元, 96.5 %, 2023 年度), and the unit says what the
        figure counts. Tabs and line breaks separate cells, so they are never crossed."""
        norm = self.norm
        pos = unit_gap_end(norm, num.end)
        if pos == num.end:
            return num
        years = self.lex.ctx["year_suffixes"]
        if self._unit_at(pos) is None and not any(norm.startswith(u, pos) for u in _lex_index(self.lex).multipliers) \
                and not any(norm.startswith(suf, pos) for suf in years):
            return num
        return _Num(num.start, pos, num.value, num.chinese, num.text)

    def _read(self, num: _Num) -> Mention | None:
        num = self._across_gap(num)
        norm = self.norm
        lex = self.lex
        ctx = lex.ctx
        # years: 2021年, 2021年度, 2021全年; Chinese 二〇二一年
        is_year_digits = (not num.chinese and re.fullmatch(r"(?:19|20)\d{2}", num.text)) or (
            num.chinese and len(num.text) == 4 and all(c in _CN_DIGIT for c in num.text)
        )
        if is_year_digits:
            for suf in sorted(ctx["year_suffixes"], key=len, reverse=True):
                if norm.startswith(suf, num.end):
                    # 2021年度, 2023年底 are kept whole; 2021全年 keeps only the digits
                    end = num.end + (len(suf) if suf.startswith("年") else 0)
                    return self._year_or_range(num, end)
        if is_year_digits and not num.chinese:
            if _SCHOOL_YEAR_RE.match(norm, num.end):
                return None  # 2021-2022学年: a name of a school year
            sep = _RANGE_SEP_RE.match(norm, num.end)
            m2 = _RANGE_YEAR_RE.match(norm, sep.end()) if sep else None
            if m2:
                v2 = float(m2.group(1))
                return _mention(self.text, num.start, m2.end(), "RANGE", num.value, "年", num.value, "year", "exact", num.value, v2)
        # Chinese two-digit ranges: 两三个, 三五天
        if num.chinese and len(num.text) == 2 and all(c in _CN_DIGIT for c in num.text):
            lo, hi = cn_to_number(num.text[0]), cn_to_number(num.text[1])
            if not hi > lo:
                return None
            end, info, utext, bare, infix = self._quantity(_Num(num.start, num.end, lo, True, num.text))
            if info is None:
                return None
            return self._range_mention(num.start, end, lo, hi, info, utext)

        end, info, utext, bare, infix = self._quantity(num)
        if self._is_name(num, num.end):
            return None
        if num.chinese and num.text == "一" and info is not None and info.unit in ctx["indefinite_measures"]:
            # 建设一个干净整洁的环境, 打造一支队伍: an article, not a count
            before = norm[max(0, num.start - 2) : num.start]
            if not any(before.endswith(w) for w in ctx["count_markers_before_one"]):
                return None

        # range to a second numeral: 1-2场, 1至2次, 10%-20%
        sep = _RANGE_SEP_RE.match(norm, end)
        if sep:
            m2 = _NUM_RE.match(norm, sep.end())
            num2 = _parse_num(m2) if m2 and self._free(*m2.span()) else None
            if num2 is not None:
                end2, info2, utext2, _, _ = self._quantity(num2)
                # the unit may be written once, after the second number (1-2场)
                if info2 is not None and (info is None or info.unit == info2.unit) and num2.value >= num.value:
                    return self._range_mention(num.start, end2, num.value, num2.value, info2, utext2)

        if num.chinese and info is None and bare is None:
            # a bare Chinese numeral is a number only when written with a power (一万, 三千)
            if not any(c in "百千万亿" for c in num.text) or len(num.text) < 2:
                return None
        if not num.chinese and info is None and bare is None and "," not in num.text:
            if self._is_hotline(num):
                return None

        # suffix qualifier after the unit
        qual = infix or "exact"
        s = _match_longest(norm, end, lex.suffix_q)
        if s and not (s[0] in ("余",) and infix):
            if qual == "exact":
                qual = s[1]
            elif s[1] in ("lower", "upper"):
                qual = s[1]
            end += len(s[0])
        a, qual = self._prefix(num.start, qual)

        if info is not None:
            kind, unit, factor, base_unit = info.kind, utext, info.factor, info.base_unit
            if info.base_unit == "h" and unit == "年" and not num.chinese and num.value >= 1900:
                return None
        elif bare is not None:
            mult = lex.multipliers[bare]
            if self._money_context(num.start, end):
                kind, unit, factor, base_unit = "MONEY", bare, mult, "元"
            else:
                kind, unit, factor, base_unit = "COUNT", bare, mult, ""
        elif self.currency and not num.chinese:
            cu = self._unit_at_text(self.currency)
            if cu is not None:
                kind, unit, factor, base_unit = cu.kind, self.currency, cu.factor, cu.base_unit
            else:
                kind, unit, factor, base_unit = "MONEY", self.currency, 1.0, "元"
        else:
            kind, unit, factor, base_unit = "COUNT", "", 1.0, ""
        base = _round(num.value * factor)
        q, lo, hi = _interval(qual, base, lex)
        return _mention(self.text, a, end, kind, num.value, unit, base, base_unit, q, lo, hi)

    def _unit_at_text(self, unit: str) -> UnitInfo | None:
        return self.lex.units.get(unit)

    def _money_context(self, a: int, b: int) -> bool:
        left = a
        while left > 0 and self.norm[left - 1] not in _CLAUSE_PUNCT and a - left < 20:
            left -= 1
        window = self.norm[left:a]
        return any(w in window for w in self.lex.ctx["money_cues"])

    def _year_or_range(self, num: _Num, end: int) -> Mention:
        return _mention(self.text, num.start, end, "YEAR", num.value, "年", num.value, "year", "exact", num.value, num.value)

    def _range_mention(self, a: int, end: int, lo: float, hi: float, info: UnitInfo, utext: str) -> Mention:
        s = _match_longest(self.norm, end, self.lex.suffix_q)
        qual = "exact"
        if s and s[1] in ("lower", "upper", "approximate"):
            qual, end = s[1], end + len(s[0])
        a, qual = self._prefix(a, qual)
        lo_b, hi_b = _round(lo * info.factor), _round(hi * info.factor)
        if qual == "lower":
            hi_b = None
        elif qual == "upper":
            lo_b = None
        return _mention(self.text, a, end, "RANGE", lo, utext, lo_b, info.base_unit, qual, lo_b, hi_b)


def _round(x: float) -> float:
    """Drop float noise from unit factors (1.21 * 1e8 -> 121000000.0)."""
    if x == 0 or not math.isfinite(x):
        return x
    return float(f"{x:.12g}")


def extract_numbers(text: str, *, currency_unit: str | None = None) -> list[Mention]:
    """Numeric mentions in ``text``, in order, with offsets into ``text``.

    ``currency_unit`` ("万元") is the unit of bare numbers known to be money, such as
    table cells under 单位：万元. Metric and role are filled from the context of ``text``.
    """
    from nlp_pipeline.text.context import attach_context

    scan = _Scan(text, currency_unit)
    scan.expressions()
    scan.dates()
    scan.percents()
    scan.numbers()
    mentions = sorted(scan.out, key=lambda m: m.start)
    attach_context(text, mentions)
    return mentions


# --- figures of short strings, years, written expressions -------------------------------
#
# Paragraphs have their mentions (extract_mentions). The functions below serve the rules
# that hold a string which is no paragraph (a table cell, an indicator's result, a score
# cell, a phrase a pattern matched) or that only need where the figures and years of a
# text lie. They read the width-normalised text, so ８５％ and 85% are alike, and their
# offsets are offsets into the text passed in.

_FIGURE_RE = re.compile(_AR)


@dataclass(frozen=True)
class Figure:
    """An Arabic number written in a short string."""

    start: int
    end: int  # after the last digit (a % sign after it is not part of the span)
    text: str  # as written, width-normalised: "1,236.48"
    value: float
    percent: bool = False  # a % sign follows right after it (or after a short space)
    unit_at: int = -1  # where what follows the number starts: its end, or after the space
    # a PDF text layer puts between a figure and its unit (123.45 万元); -1 means ``end``

    @property
    def after(self) -> int:
        """Where the figure's unit (or whatever follows it) starts."""
        return self.end if self.unit_at < 0 else self.unit_at

    @property
    def plain(self) -> str:
        """The number without thousands separators ("1236.48")."""
        return self.text.replace(",", "")

    @property
    def decimals(self) -> int:
        return len(self.text.split(".", 1)[1]) if "." in self.text else 0

    @property
    def written(self) -> str:
        """The number with its % sign when it has one ("85%")."""
        return self.text + ("%" if self.percent else "")


def figures(text: str) -> list[Figure]:
    """Every Arabic number of ``text`` in order: each run of digits is one figure, with
    its thousands separators (1,236.48) and its decimal part, so every digit belongs to
    exactly one figure. A comma is a thousands separator only between groups of three
    digits (12,3456 is two figures); a full-width comma only where the width
    normalisation says so (１，２３６．４８)."""
    norm = normalize(text)
    out = []
    for m in _FIGURE_RE.finditer(norm):
        s = m.group()
        after = unit_gap_end(norm, m.end())
        out.append(Figure(m.start(), m.end(), s, float(s.replace(",", "")), norm[after:after + 1] == "%", after))
    return out


_GAP = " \u3000\xa0"


@functools.cache
def _unit_gap_re(limit: int) -> re.Pattern:
    return re.compile(rf"(?<=\d)[{_GAP}]{{1,{limit}}}(?=[^\s\d])")


def close_unit_gaps(text: str) -> str:
    """``text`` with the spaces between a figure and the word after it dropped (1150 人次
    -> 1150人次), for comparisons that need no offsets (similarity of two paragraphs)."""
    return _unit_gap_re(int(number_lexicon().ctx["unit_gap_max"])).sub("", text)


def unit_gap_end(norm: str, end: int) -> int:
    """``end``, or past a short run of spaces after a figure when a word (a unit, 以上, a
    full stop …) rather than another figure or a line break follows: 「1150 人次」 and
    「96.5 %」 read as 「1150人次」 and 「96.5%」."""
    pos = end
    limit = int(number_lexicon().ctx["unit_gap_max"])
    while pos < len(norm) and pos - end < limit and norm[pos] in _GAP:
        pos += 1
    if pos == end or pos >= len(norm) or norm[pos] in _GAP or norm[pos] in "\t\n\r" or norm[pos].isdigit():
        return end
    return pos


def first_figure(text: str, start: int = 0) -> Figure | None:
    """The first figure of ``text`` that starts at or after ``start``."""
    return next((f for f in figures(text) if f.start >= start), None)


def bare_figure(text: str) -> Figure | None:
    """The figure when ``text`` is one number and nothing else (whitespace around it
    aside): a cell or a mention with no unit, no sign, no qualifier."""
    s = text.strip()
    figs = figures(s)
    if len(figs) == 1 and figs[0].start == 0 and figs[0].end == len(s):
        return figs[0]
    return None


def masked_figures(text: str, mark: str = "#", *, percent: bool = False) -> str:
    """``text`` with each figure replaced by one ``mark``, so texts that differ only in
    their figures read alike; with ``percent`` the % sign written right after a figure
    goes with it (同比增长12% -> 同比增长 with no mark)."""
    out, pos = [], 0
    for f in figures(text):
        out.append(text[pos:f.start])
        out.append(mark)
        pos = f.after + (1 if percent and f.percent else 0)
    out.append(text[pos:])
    return "".join(out)


def has_digit(text: str) -> bool:
    """True when ``text`` holds a decimal digit of any width (3, ３)."""
    return any(ch.isdecimal() for ch in text)


def without_figures(text: str, units: str = "") -> str:
    """``text`` with its figures cut out, each with the whitespace, the multiplier (万,
    亿) and the one-character unit of ``units`` written right after it: what an
    indicator's name says once the target it carries is gone (养老服务站12个 -> 养老服务站)."""
    norm = normalize(text)
    out, pos = [], 0
    for f in figures(text):
        if f.start < pos:
            continue
        end = f.end
        while end < len(norm) and norm[end].isspace():
            end += 1
        if norm[end:end + 1] in ("万", "亿"):
            end += 1
        if norm[end:end + 1] and norm[end] in units:
            end += 1
        out.append(text[pos:f.start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


_YEAR_CAND_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# between the two years of a range: 2021-2023年, 2021年至2023年, 2021—2023 (— and －
# read as -)
_YEAR_JOIN_RE = re.compile(r"\s*年?\s*(?:-|~|至|到)\s*")
_YEAR_TO_NOW_RE = re.compile(r"\s*年?\s*(?:至|到|-)\s*今")
_YEAR_SEP_BEFORE = ("-", "~", "至", "到")


@dataclass(frozen=True)
class Year:
    """A year written in digits (19xx or 20xx)."""

    start: int  # the four digits
    end: int
    year: int
    # "year": one year (2021年); "from": the first year of a range (2021 in 2021-2023年,
    # 2021年-2023年); "to": a year after a range word (2023 in 2021-2023年, 到2023年)
    role: str = "year"
    suffix: str = ""  # "年" or "学年" written right after the digits, else ""


def _year_suffix(norm: str, end: int) -> str:
    k = end
    while k < len(norm) and norm[k] in " \t":
        k += 1
    if norm.startswith("年", k):
        return "年"
    if norm.startswith("学年", k):
        return "学年"
    return ""


def _after_range_word(norm: str, start: int) -> bool:
    k = start
    while k > 0 and norm[k - 1] in " \t":
        k -= 1
    return k > 0 and norm[k - 1] in _YEAR_SEP_BEFORE


def years(text: str) -> list[Year]:
    """The years of ``text`` written in digits: a 19xx or 20xx that is no part of a
    longer number and is written as a year, with 年 or 学年 after it (2021年, 2021学年),
    as the first year of a range whose other end is one (2021 in 2021-2023年), or as the
    start of a period up to now (2019至今). 2021-05-01, 12000 and 2021个 hold no year."""
    norm = normalize(text)
    cands = list(_YEAR_CAND_RE.finditer(norm))
    suffixes = [_year_suffix(norm, m.end()) for m in cands]
    out = []
    for k, m in enumerate(cands):
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        joined = nxt is not None and _YEAR_JOIN_RE.fullmatch(norm, m.end(), nxt.start()) is not None
        is_year = bool(suffixes[k]) or (joined and bool(suffixes[k + 1])) \
            or _YEAR_TO_NOW_RE.match(norm, m.end()) is not None
        if not is_year:
            continue
        role = "to" if _after_range_word(norm, m.start()) else "from" if joined else "year"
        out.append(Year(m.start(), m.end(), int(m.group()), role, suffixes[k]))
    return out


# 93.6万元（312*3000元） and 153/1980=7.7%: a figure and the arithmetic written for it
_EXPR_UNITS = "万元|亿元|元|万|%|小时|人次|人|个|次|吨|平方米"  # those an operand may carry
_EXPR_UNIT_RE = re.compile(_EXPR_UNITS)
# a - alone is read as a range (1-2), not arithmetic
_EXPR_OPERATORS = "*/×÷xX+"
_EXPR_OPERAND = rf"{_EXPR_NUM}\s*(?:{_EXPR_UNITS})?"
# （2,413.68-2,086.30）/2,086.30×100%: a bracketed group is one operand
_EXPR_GROUP = rf"[（(]\s*{_EXPR_OPERAND}(?:\s*[*/×÷xX+\-]\s*{_EXPR_OPERAND})+\s*[)）]"
_EXPR_ITEM = rf"(?:{_EXPR_GROUP}|{_EXPR_OPERAND})"
_EXPR_CHAIN = rf"{_EXPR_ITEM}(?:\s*[*/×÷xX+\-]\s*{_EXPR_ITEM})+"
_VALUE_THEN_EXPR_RE = re.compile(
    rf"(?<![\d.])(?P<val>{_EXPR_NUM})\s*(?P<unit>%|[万亿]?元|[^\d（(，。；;=＝\s]{{0,3}}?)\s*[（(]\s*(?P<expr>{_EXPR_CHAIN})\s*[)）]"
)
_EXPR_THEN_VALUE_RE = re.compile(rf"(?<![\d.)）])(?P<expr>{_EXPR_CHAIN})\s*[=＝]\s*(?P<val>{_EXPR_NUM})\s*(?P<unit>%)?")


@dataclass(frozen=True)
class WrittenExpression:
    """Arithmetic a report writes for one of its figures: the figure, then the expression
    in brackets (93.6万元（312*3000元）), or the expression, then = and the figure
    (153/1980=7.7%)."""

    start: int  # the figure and its expression together
    end: int
    expression: str  # as written, units inside it kept ("312*3000元")
    written: str  # the figure as written ("93.6", "1,236.48")
    unit: str  # the figure's unit as written ("万元", "%", "")

    @property
    def value(self) -> float:
        return float(self.written.replace(",", ""))

    @property
    def units(self) -> set[str]:
        """The units written inside the expression ({"元"} for 312*3000元)."""
        return set(_EXPR_UNIT_RE.findall(self.expression))

    @property
    def arithmetic(self) -> bool:
        """True when the expression has an operator other than -: 1-2 alone is a range."""
        return any(ch in _EXPR_OPERATORS for ch in self.expression)

    @property
    def bare(self) -> str:
        """The expression without its units and spaces, for safe_eval ("312*3000"); a
        percentage inside it is the fraction it stands for (12,000万元×3.05%÷2 is 183), but
        for the ×100% that turns a ratio into percent."""
        def fraction(m: re.Match) -> str:
            before = self.expression[:m.start()].rstrip()[-1:]
            if m.group(1) in _HUNDRED_FORMS and before in "*×xX":
                return m.group(0)
            return f"({m.group(1)}/100)"

        expr = _EXPR_PERCENT_RE.sub(fraction, self.expression)
        return _EXPR_UNIT_RE.sub("", expr).replace(" ", "").replace("（", "(").replace("）", ")")


_EXPR_PERCENT_RE = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_HUNDRED_FORMS = ("100", "100.0", "100.00")


def written_expressions(text: str) -> list[WrittenExpression]:
    """The figures of ``text`` written with their arithmetic: first every figure
    followed by its expression in brackets, then every expression followed by = and its
    figure. The expressions are not evaluated (:func:`nlp_pipeline.text.safe_eval`
    does that once the units written inside are dealt with); ``a-b`` alone may be a
    range, which the reader of the expression decides."""
    norm = normalize(text)
    out = []
    for rx in (_VALUE_THEN_EXPR_RE, _EXPR_THEN_VALUE_RE):
        for m in rx.finditer(norm):
            out.append(WrittenExpression(m.start(), m.end(), m.group("expr"), m.group("val"), m.group("unit") or ""))
    return out
