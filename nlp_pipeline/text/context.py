"""What a number counts (its metric phrase) and what it is (target, actual, budget).

The metric is read from the words around the mention: the phrase between the previous
clause boundary (or previous number) and the number, cut into words by jieba with the
domain lexicon, with function words and role verbs stripped at both ends
(组织开展入户宣传活动66次 -> 入户宣传活动; 入户宣传率达98.5% -> 入户宣传率). When nothing is
left, or the phrase ends in a verb that takes the counted thing as its object, the noun
phrase after the number is taken (建设12个星级投放点 -> 星级投放点). Word-level stripping
matters: stripping the character 共 would turn 共享单车 into 享单车. Word lists are in
lexicons/numbers_context.yaml.
"""
from __future__ import annotations

import functools
import re

from nlp_pipeline.model import Mention
from nlp_pipeline.text.lexicon import number_lexicon

_BOUNDARY = set("，,；;。：:！？!?、\n\t|<>")
_SENT_END = set("。；;！？!?\n\t")
_NO_METRIC_KINDS = {"DATE", "YEAR", "EXPR"}
_OPEN = {"）": "（", ")": "("}
_DROP = re.compile(r"[“”\"‘’「」《》〈〉\ufffd?？\s\u3000￥¥$]")
_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.、．](?!\d)|[（(]\d{1,2}[)）]|\d{1,2}\.(?=\d))")
_ORDINAL_END = re.compile(r"第[\d一二三四五六七八九十百]+[批期届次轮个]?$")
_BOUND_AHEAD = re.compile(r"\d+(?:\.\d+)?(?:周岁|岁|米|公里|平方米)(?:及以上|以上|以下|及以下|以内)")
_CONJ_END = ("和", "及", "与", "等", "、", "以及", "或")


@functools.lru_cache(maxsize=1)
def _lists():
    ctx = number_lexicon().ctx
    return (
        set(ctx["metric_strip_prefix"]),
        set(ctx["metric_strip_suffix"]),
        set(ctx["metric_stop_words"]),
        int(ctx["metric_max_chars"]),
        dict(ctx.get("metric_split_tokens") or {}),
        set(ctx.get("metric_object_verbs") or ()),
        set(ctx.get("metric_nominal_heads") or ()),
        tuple(ctx.get("metric_split_after") or ()),
    )


@functools.lru_cache(maxsize=4096)
def _words(phrase: str) -> tuple[str, ...]:
    from nlp_pipeline.text.segment import jieba_tokenizer

    split = _lists()[4]
    out: list[str] = []
    for w in jieba_tokenizer(True).cut(phrase, HMM=True):
        if not w.strip():
            continue
        out.extend(split.get(w, [w]))
    return tuple(out)


def _clean(phrase: str) -> str:
    phrase = _ITEM.sub("", phrase)
    return _DROP.sub("", phrase)


def _strip_words(words: list[str]) -> list[str]:
    pre, suf = _lists()[0], _lists()[1]
    while words and words[0] in pre:
        words = words[1:]
    while words and words[-1] in suf:
        words = words[:-1]
    while words and words[0] in pre:
        words = words[1:]
    return words


def _skip_parens_left(text: str, i: int, lo: int) -> int:
    """If text[:i] ends with a bracketed aside, return the index before it."""
    j = i
    while j > lo and text[j - 1] in " \u3000":
        j -= 1
    if j > lo and text[j - 1] in _OPEN:
        k = text.rfind(_OPEN[text[j - 1]], lo, j - 1)
        if k >= 0:
            return k
    return i


def left_phrase(text: str, start: int, floor: int = 0) -> tuple[int, str]:
    """(offset, raw phrase) between the previous boundary (or ``floor``) and ``start``."""
    i = _skip_parens_left(text, start, floor)
    j = i
    while j > floor and text[j - 1] not in _BOUNDARY and text[j - 1] not in "（(）)":
        j -= 1
    return j, text[j:i]


def right_phrase(text: str, end: int) -> tuple[int, str]:
    """(end offset, phrase): the noun phrase right after a number."""
    stop, maxc, verbs = _lists()[2], _lists()[3], _lists()[5]
    skip = _BOUND_AHEAD.match(text, end)
    if skip:  # 2.1万名80周岁以上老年人: skip the age bound to reach the noun
        end = skip.end()
    j = end
    while j < len(text) and text[j] not in _BOUNDARY and text[j] not in "（(" and j - end < 16:
        if text[j].isdigit():
            break
        j += 1
    raw = _DROP.sub("", text[end:j])
    heads = _lists()[6]
    words: list[str] = []
    ws = _words(raw)
    for k, w in enumerate(ws):
        if not words and w in verbs:
            break  # 每月1至2次组织联系…: a verb, not a noun, follows
        if w in stop or re.match(r"\d", w):
            break
        if words and w in verbs and not (k + 1 < len(ws) and ws[k + 1] in heads):
            break  # 28家餐饮企业安装…: the object ends at the next verb
        words.append(w)
        if len(words) >= 4:
            break
    phrase = "".join(_strip_words(words))
    consumed = end + len(text[end:j]) if phrase else end
    return consumed, phrase


def _left_metric(text: str, start: int, floor: int) -> tuple[int, str, list[str], str]:
    lstart, raw_left = left_phrase(text, start, floor)
    words = _strip_words(list(_words(_clean(raw_left))))
    split_after = _lists()[7]
    for k in range(len(words) - 2, -1, -1):
        if words[k] in split_after and len("".join(words[k + 1 :])) >= 2:
            words = _strip_words(words[k + 1 :])
            break
    left = _ORDINAL_END.sub("", "".join(words))
    if re.fullmatch(r"[\d.%]*", left):
        left = ""
    return lstart, raw_left, words, left


def metric_for(text: str, m: Mention, floor: int = 0, used_until: int = -1) -> tuple[str | None, int]:
    """Metric phrase of ``m`` and the offset up to which the text after it was used.

    ``used_until``: the previous number took the phrase after it up to here as its own
    metric (55个小区120个投放点), so this number's phrase starts after it.
    """
    maxc, verbs = _lists()[3], _lists()[5]
    if m.kind == "QUANTITY" and m.qualifier in ("lower", "upper") and m.end < len(text) and text[m.end] not in _BOUNDARY:
        # 7米以上道路, 60岁以上老年人: a bound qualifying the noun after it
        first = _words(_DROP.sub("", text[m.end : m.end + 8]))
        if first and not re.match(r"\d", first[0]) and len(first[0]) >= 2:
            return first[0], m.end
    lstart, raw_left, words, left = _left_metric(text, m.start, max(floor, used_until))
    want_right = len(left) < 2 or (words and words[-1] in verbs) or raw_left.rstrip().endswith(_CONJ_END)
    used = m.end
    phrase = left
    if want_right:
        used, right = right_phrase(text, m.end)
        if len(right) >= 2:
            phrase = right
        else:
            used = m.end
    if not phrase and used_until > floor:
        # nothing of its own after the shared phrase: 7米以上道路机扫率达到100%
        phrase = _left_metric(text, m.start, floor)[3]
    if len(phrase) > maxc:
        phrase = phrase[-maxc:]
    return (phrase or None), used


def _cue_role(window: str, cues: dict) -> tuple[int, str] | None:
    best = None
    for role in ("target", "actual"):
        for c in cues[role]:
            k = window.rfind(c)
            if k >= 0 and (best is None or k + len(c) > best[0]):
                best = (k + len(c), role)
    return best


def role_for(text: str, m: Mention, metric: str | None) -> str | None:
    """target / actual / budget from cue words before the number, else None.

    A target cue (确保, 计划, 力争) in the same clause wins over an actual verb after it
    (确保处理率达100%); otherwise the nearest cue in the sentence decides.
    """
    ctx = number_lexicon().ctx
    cues = ctx["role_cues"]
    s = m.start
    while s > 0 and text[s - 1] not in _SENT_END:
        s -= 1
    c = m.start
    while c > s and text[c - 1] not in _BOUNDARY:
        c -= 1
    clause = text[c : m.start]
    if m.kind == "MONEY" and any(w in clause + (metric or "") for w in ctx["budget_cues"]):
        return "budget"
    if any(w in clause for w in cues["target"]):
        return "target"
    after = text[m.end : m.end + 16]
    if any(re.match(p, after) for p in ctx.get("role_after_target_patterns") or []):
        return "target"
    hit = _cue_role(text[s : m.start], cues)
    return hit[1] if hit else None


def attach_context(text: str, mentions: list[Mention]) -> None:
    """Fill ``metric`` and ``role`` of mentions found in ``text`` (in place)."""
    prev_end = 0
    used_until = -1
    for m in mentions:
        if m.kind not in _NO_METRIC_KINDS:
            m.metric, used = metric_for(text, m, prev_end, used_until)
            used_until = used if used > m.end else -1
            m.role = role_for(text, m, m.metric)
        prev_end = m.end


def share_names(clause: str) -> tuple[str, str | None] | None:
    """(part, whole) of a share written with names only before its percent (人员经费占实际
    支出的 -> (人员经费, 实际支出); 项目支出占 -> (项目支出, None): the whole left to the clause
    before); None when the words before the percent are no such share."""
    from nlp_pipeline.text import patterns as P
    from nlp_pipeline.text.normalize import normalize

    m = P.fullmatch(normalize(clause), P.named("share_by_names"))
    return None if m is None else (m.group("part"), m.group("whole"))
