"""What a number counts (its metric phrase) and what it is (target, actual, budget).

The metric is read from the characters around the mention, not from a parser: the
phrase between the previous clause boundary (or previous number) and the number, with
function words and role verbs stripped at both ends (组织开展入户宣传活动66次 -> 入户宣传活动;
入户宣传率达133.95% -> 入户宣传率). When nothing is left, the noun phrase after the
number is taken (建设12个星级投放点 -> 星级投放点). Word lists are in
lexicons/numbers_context.yaml.
"""
from __future__ import annotations

import functools
import re

from nlp_pipeline.model import Mention
from nlp_pipeline.text.lexicon import number_lexicon

_BOUNDARY = set("，,；;。：:！？、\n\t|<>“”\"《》")
_SENT_END = set("。；;！？!?\n\t")
_NO_METRIC_KINDS = {"DATE", "YEAR", "EXPR"}
_OPEN = {"）": "（", ")": "("}


@functools.lru_cache(maxsize=1)
def _lists():
    ctx = number_lexicon().ctx
    pre = sorted(ctx["metric_strip_prefix"], key=len, reverse=True)
    suf = sorted(ctx["metric_strip_suffix"], key=len, reverse=True)
    stop = sorted(ctx["metric_stop_words"], key=len, reverse=True)
    return pre, suf, stop, int(ctx["metric_max_chars"])


def _strip(phrase: str) -> str:
    pre, suf, _, _ = _lists()
    phrase = phrase.strip(" \u3000　\"“”‘’「」")
    changed = True
    while changed and phrase:
        changed = False
        for w in pre:
            if phrase.startswith(w) and len(phrase) > len(w):
                phrase = phrase[len(w) :].strip()
                changed = True
                break
            if phrase == w:
                return ""
        for w in suf:
            if phrase.endswith(w) and len(phrase) > len(w):
                phrase = phrase[: -len(w)].strip()
                changed = True
                break
            if phrase == w:
                return ""
    return phrase.strip(" \"“”")


def _skip_parens_left(text: str, i: int, lo: int) -> int:
    """If text[:i] ends with a bracketed aside, return the index before it."""
    j = i
    while j > lo and text[j - 1] in " \u3000":
        j -= 1
    if j > lo and text[j - 1] in _OPEN:
        close, open_ = text[j - 1], _OPEN[text[j - 1]]
        k = text.rfind(open_, lo, j - 1)
        if k >= 0:
            return k
    return i


def left_phrase(text: str, start: int, floor: int = 0) -> str:
    """Raw phrase between the previous boundary (or ``floor``) and ``start``."""
    i = _skip_parens_left(text, start, floor)
    j = i
    while j > floor and text[j - 1] not in _BOUNDARY and text[j - 1] not in "（(）)":
        j -= 1
    return text[j:i]


def right_phrase(text: str, end: int) -> str:
    _, _, stop, maxc = _lists()
    j = end
    while j < len(text) and text[j] not in _BOUNDARY and text[j] not in "（(" and j - end < 12:
        j += 1
    phrase = text[end:j]
    cut = len(phrase)
    for w in stop:
        k = phrase.find(w)
        if 0 < k < cut:
            cut = k
    return phrase[:cut]


def metric_for(text: str, m: Mention, floor: int = 0) -> str | None:
    _, _, _, maxc = _lists()
    phrase = _strip(left_phrase(text, m.start, floor))
    if re.fullmatch(r"[\d.%\s]*", phrase or ""):
        phrase = ""
    if len(phrase) < 2:
        after = _strip(right_phrase(text, m.end))
        if len(after) >= 2 and not re.match(r"[\d]", after):
            phrase = after
    if len(phrase) > maxc:
        phrase = phrase[-maxc:]
    return phrase or None


def _cue_role(window: str) -> str | None:
    cues = number_lexicon().ctx["role_cues"]
    if any(c in window for c in cues["target"]):
        return "target"
    if any(c in window for c in cues["actual"]):
        return "actual"
    return None


def role_for(text: str, m: Mention, metric: str | None) -> str | None:
    ctx = number_lexicon().ctx
    s = m.start
    while s > 0 and text[s - 1] not in _SENT_END:
        s -= 1
    window = text[s : m.start]
    if m.kind == "MONEY":
        c = m.start
        while c > s and text[c - 1] not in _BOUNDARY:
            c -= 1
        clause = text[c : m.start] + (metric or "")
        if any(w in clause for w in ctx["budget_cues"]):
            return "budget"
    return _cue_role(window)


def attach_context(text: str, mentions: list[Mention]) -> None:
    """Fill ``metric`` and ``role`` of mentions found in ``text`` (in place)."""
    prev_end = 0
    for m in mentions:
        if m.kind not in _NO_METRIC_KINDS:
            m.metric = metric_for(text, m, prev_end)
            m.role = role_for(text, m, m.metric)
        prev_end = m.end
