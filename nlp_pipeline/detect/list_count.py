"""ARITHMETIC_MISMATCH (a count its own list does not give): a count that opens the list of
what it counts (「直属事业单位10个，即县国库集中支付中心、…、县经济开发区财政所。」, 「完成
3项改造，分别是A、B」) where the list names a different number of items.

The list follows the count, at most ``gap`` characters after it, opened by a phrase of the
cue family ``list_open`` (即, 分别是, 包括 …), and runs to the end of its clause; its items
are the pieces between enumeration commas. A list is read only where it can be the whole
count: none of ``list_open_partial`` (…等, 主要有, 如) in it, at least ``min_items`` items,
each short and without a figure of its own (「行政单位3个、事业单位7个」 is a breakdown, which
another rule adds up). A last item joined by 和/及 (A、B和C) may be one or two items: both
readings must miss the count.
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.text.segment import clause_end

CODE = "ARITHMETIC_MISMATCH"
PARAMS = {"gap": 2, "min_items": 3, "item_max": 24, "count_max": 40}
_ITEM_SEP = "、"
# what may stand between a count and the words opening its list (10个，即 / 10个:)
_BETWEEN = "，,：: "
_CLOSERS = "。；;"

RULE = Rule(
    id="NUM.LIST_COUNT", code=CODE, severity="medium", name="LIST_COUNT",
    summary_zh="数量与其后列举的项目个数不符（写10个，实际列出9个）",
    summary_en="A count whose own list names a different number of items",
    example="直属事业单位4个，即县财政信息中心、县会计服务中心、县国库集中支付中心。",
    params=(Param("gap", "PARAMS.gap", "characters allowed between the count and the words opening its list"),
            Param("min_items", "PARAMS.min_items", "items a list has at least to be compared"),
            Param("item_max", "PARAMS.item_max", "characters an item has at most"),
            Param("count_max", "PARAMS.count_max", "the largest count compared with a list")),
    confidence=0.75,
    explain_zh="写作{count}，其后以「{opener}」列举了{items}项",
    explain_en="the report writes {count}, then lists {items} items after '{opener}'",
    messages=("NUM.LIST_COUNT.main",),
)


def _listed(text: str, at: int) -> tuple[str, int, int] | None:
    """(opener, start, end) of the list a count ending at ``at`` opens, None if none."""
    cues = default_cues()
    k = at
    while k < len(text) and k - at < int(PARAMS["gap"]) and text[k] in _BETWEEN:
        k += 1
    head = text[k:k + 6]
    opener = next(((a, b) for a, b in cues.find(head, "list_open") if a == 0), None)
    if opener is None:
        return None
    start = k + opener[1]
    while start < len(text) and text[start] in _BETWEEN:
        start += 1
    end = clause_end(text, start)
    if end < len(text) and text[end] not in _CLOSERS and text[end] != "\n":
        return None  # (the list goes on past a comma: 包括A、B，以及C)
    return head[:opener[1]], start, end


def _items(body: str) -> tuple[int, int] | None:
    """The fewest and most items ``body`` can hold, None when it is no whole list."""
    cues = default_cues()
    items = [x.strip() for x in body.split(_ITEM_SEP)]
    if len(items) < int(PARAMS["min_items"]) or any(not x or len(x) > int(PARAMS["item_max"]) for x in items):
        return None
    if cues.has(body, "list_open_partial") or any(ch.isdigit() for ch in body):
        return None
    joined = cues.has(items[-1], "list_last_join")
    return len(items), len(items) + (1 if joined else 0)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    findings = []
    for n in M.enrich(report, ctx.mentions, M.config()):
        v = n.m.value
        if n.m.kind != "COUNT" or n.unitless or v is None or v != int(v) \
                or not int(PARAMS["min_items"]) <= v <= int(PARAMS["count_max"]):
            continue
        text = n.para.text
        found = _listed(text, n.j)
        if found is None:
            continue
        opener, a, b = found
        counted = _items(text[a:b])
        if counted is None or counted[0] <= v <= counted[1]:
            continue
        ev = [M.para_evidence(report, n.para, n.i, n.j), M.para_evidence(report, n.para, a, b)]
        ev[0].role, ev[1].role = "claim", "part"
        shown = counted[0] if counted[0] == counted[1] else f"{counted[0]}-{counted[1]}"
        findings.append(make_finding(
            CODE, "medium", "NUM.LIST_COUNT.main",
            {"count": n.m.text, "items": str(shown), "opener": opener, "where": n.para.id},
            ev, {"count": v, "items": list(counted)},
        ))
    return findings
