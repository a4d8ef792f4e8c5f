"""NUMBER_CONFLICT (transposed digits): one figure written in two places with two of its
digits swapped (「新增和改善2.63万农村人口供水条件」 and 「改善了2.36万农村群众的饮水条件」;
37名 in the problems, 73名 in the measures).

Two figures are read as one when they have the same kind and unit, the same number of
digits and decimal places, their digits differ by one swap of two neighbours, and the
words of their clauses share a content word (a word of two characters or more that is no
verb and no filler of lexicons/cues.yaml ``quantity_filler``: 农村, 造林). A swap of digits
is how a figure is mistyped, so the words need not name the metric the same way, as
NUM.CONFLICT's do. Figures of one sentence, rates, years, dates and figures with a bound
(以上) are not compared, nor a goal's target with anything (a result may differ from it),
nor a measure's figure with anything but a problem's (measures plan next year).
"""
from __future__ import annotations

from nlp_pipeline.detect import _metrics as M
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.text.annotate import default_cues

CODE = "NUMBER_CONFLICT"
MIN_DIGITS = 2  # a figure of one digit has nothing to swap
# rates are left out: two rates of a report (96.2% and 92.6%) are often two metrics
KINDS = ("COUNT", "MONEY", "AREA", "QUANTITY")

RULE = Rule(
    id="NUM.TRANSPOSED", code=CODE, severity="medium", name="TRANSPOSED",
    summary_zh="同一数字在两处书写时相邻两位数字颠倒",
    summary_en="One figure written in two places with two neighbouring digits swapped",
    example="O1：新增和改善2.63万农村人口供水条件……P1：改善了2.36万农村群众的饮水条件。",
    params=(Param("min_digits", "MIN_DIGITS", "digits a figure needs before a swap of two is read"),),
    confidence=0.75,
    explain_zh="{first}与{second}位数相同，仅相邻两位数字互换，且上下文同指「{shared}」",
    explain_en="{first} and {second} have the same digits but two neighbours swapped, in clauses that both speak of 「{shared}」",
    messages=("NUM.TRANSPOSED.main",),
)


def _shape(text: str) -> tuple[str, int]:
    """(digits, decimal places) of a figure as written: 2.63万 -> ("263", 2)."""
    t = M.normalize(text)
    digits = "".join(ch for ch in t if ch.isdigit())
    dot = t.find(".")
    places = 0 if dot < 0 else sum(ch.isdigit() for ch in t[dot:])
    return digits, places


def _swapped(a: str, b: str) -> bool:
    if len(a) != len(b) or a == b:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _content_words(n: M.Num) -> set[str]:
    text = n.para.text
    s, e = M.clause_bounds(text, n.i, n.j, M.SENTENCE_BREAK | {"，", ","})
    words = _words(text[s:n.i] + " " + text[n.j:e])
    if not words:
        # a form's field in prose names its metric a clause before the figure (指标名称：
        # 改造惠及居民户数，…，实际完成值：3,246户): the sentence's words then
        s, e = M.clause_bounds(text, n.i, n.j, M.SENTENCE_BREAK)
        words = _words(text[s:n.i] + " " + text[n.j:e])
    return words


def _words(clause: str) -> set[str]:
    from nlp_pipeline.text.pos import verb_words
    from nlp_pipeline.text.segment import tokenize

    cues, verbs = default_cues(), verb_words()
    return {w for w in tokenize(clause) if len(w) >= 2 and w not in verbs
            and not any(ch.isdigit() for ch in w) and not cues.has(w, "quantity_filler")}


def _candidates(nums: list[M.Num]) -> list[M.Num]:
    out = []
    for n in nums:
        if n.m.kind not in KINDS or (n.m.qualifier or "exact") != "exact" or n.m.base_value is None:
            continue
        if len(_shape(n.m.text)[0].lstrip("0")) >= MIN_DIGITS:
            out.append(n)
    return out


# measure words that count the same things (9,436名 and 9,346人 are one head count)
SAME_UNITS = {"名": "人", "位": "人", "人次": "人次"}


def _unit(n: M.Num) -> str:
    unit = n.m.unit or ""
    return SAME_UNITS.get(unit, unit)


def _comparable(a: M.Num, b: M.Num) -> bool:
    """Places that report one figure: not a goal (a target may differ from its result),
    and a measure only against the problem it repeats (other measures plan next year's
    figures)."""
    secs = {a.para.section, b.para.section}
    if secs & {"G", "B"}:
        return False  # a goal's target, or the basic part's stock figures (全县农村公路612公里)
    if "分" in (_unit(a), _unit(b)):
        return False  # weights and scores (23分, 32分) are permutations of each other by nature
    if secs == {"K"} and a.para is not b.para:
        return False  # two key projects, two budgets
    return "I" not in secs or secs == {"I", "Q"}


def _pairs(nums: list[M.Num]):
    cands = _candidates(nums)
    for k, a in enumerate(cands):
        da = _shape(a.m.text)
        for b in cands[k + 1:]:
            if b.para is a.para and M.clause_bounds(a.para.text, a.i, a.j, M.SENTENCE_BREAK) == \
                    M.clause_bounds(b.para.text, b.i, b.j, M.SENTENCE_BREAK):
                continue  # one sentence that lists both (37人、73人) speaks of two things
            if a.m.kind != b.m.kind or _unit(a) != _unit(b) or not _comparable(a, b):
                continue
            db = _shape(b.m.text)
            if da[1] != db[1] or not _swapped(da[0], db[0]):
                continue
            if _difference_written(a, b, nums):
                continue
            shared = _content_words(a) & _content_words(b)
            if shared:
                yield a, b, shared


def _difference_written(a: M.Num, b: M.Num, nums: list[M.Num]) -> bool:
    """The gap between the two is itself written beside either of them (1,268宗 electronic,
    其余18宗 offline, of 1,286宗): the smaller is a part of the larger, not a slip of it."""
    gap = abs(a.m.base_value - b.m.base_value)
    tol = M.half_ulp(a.m) + M.half_ulp(b.m) + 1e-9
    return any((n.para is a.para or n.para is b.para) and n.m.kind == a.m.kind and _unit(n) == _unit(a)
               and n.m.base_value is not None and abs(n.m.base_value - gap) <= tol
               for n in nums if n is not a and n is not b)


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    nums = M.enrich(report, ctx.mentions, M.config())
    # one slip written again elsewhere (1,286.4亩 in O1 and in O5 against 1,268.4亩 in Q1)
    # is one finding with every place that writes either figure
    groups: dict[tuple, list] = {}
    for a, b, shared in _pairs(nums):
        word = sorted(shared, key=lambda w: (-len(w), w))[0]
        key = (a.m.base_value, b.m.base_value, word)
        places = groups.setdefault(key, [a, b, []])[2]
        for n in (a, b):
            if all(n is not x for x in places):
                places.append(n)
    findings = []
    for (_, _, word), (a, b, places) in groups.items():
        first = [n for n in places if n.m.base_value == a.m.base_value]
        second = [n for n in places if n.m.base_value != a.m.base_value]
        ev = [M.para_evidence(report, n.para, n.i, n.j) for n in first + second]
        findings.append(make_finding(
            CODE, "medium", "NUM.TRANSPOSED.main",
            {"first": a.m.text, "first_paragraph": "、".join(dict.fromkeys(n.para.id for n in first)),
             "second": b.m.text, "second_paragraph": "、".join(dict.fromkeys(n.para.id for n in second)),
             "shared": word},
            ev, {"first": a.m.text, "second": b.m.text, "shared": word},
            roles=["claim"] * len(first) + ["counter"] * len(second),
        ))
    return findings
