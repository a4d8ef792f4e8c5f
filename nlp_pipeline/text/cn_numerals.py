"""Chinese numerals to numbers, for spans already known to be numbers.

Only called on a span the scanner has delimited (a numeral followed by a unit or a
multiplier), so 两三个 is never read as 23: the scanner splits it into a range first.
"""
from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "点"


def _section(s: str) -> int:
    """Value of a numeral below 万 (十二, 三千零五, 两百)."""
    total, digit = 0, None
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(s)
    return total + (digit or 0)


def _integer(s: str) -> int:
    if s and all(ch in DIGITS for ch in s) and len(s) > 1:
        # digit by digit: 二〇二一
        return int("".join(str(DIGITS[c]) for c in s))
    total = 0
    rest = s
    for big, val in (("亿", BIG_UNITS["亿"]), ("万", BIG_UNITS["万"])):
        if big in rest:
            head, rest = rest.split(big, 1)
            total += (_integer(head) if head else 1) * val
    if rest:
        # 三千五 -> 3500 (elided trailing unit)
        if len(rest) >= 2 and rest[-1] in DIGITS and rest[-2] in SMALL_UNITS and rest[-2] != "十":
            lower = {"千": 100, "百": 10}[rest[-2]]
            return total + _section(rest[:-1]) + DIGITS[rest[-1]] * lower
        total += _section(rest)
    return total


def cn_to_number(s: str) -> float:
    """Convert a Chinese numeral (三千, 两万五千, 十二点五, 百分之 excluded) to a number.

    Raises ValueError on characters that are not numerals.
    """
    if not s or any(ch not in CHARS for ch in s):
        raise ValueError(s)
    if "点" in s:
        whole, frac = s.split("点", 1)
        if not frac or any(ch not in DIGITS for ch in frac):
            raise ValueError(s)
        return float(f"{_integer(whole) if whole else 0}.{''.join(str(DIGITS[c]) for c in frac)}")
    return float(_integer(s))
