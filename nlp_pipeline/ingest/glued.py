"""Indicator tables whose cells were glued together with no separator at all.

The text of a .docx re-posted on document-sharing sites (and OCR of such pages) often
prints a form's cells one after another with nothing between them:
「一级指标二级指标三级指标年度指标值实际完成值得分产出指标数量指标培训人次≥500人次560人次10…」.
The header is still recognisable (its column names glued the same way give the column
order), and the body is cut back into cells by the shapes of their values:

* level words of the lexicon (产出指标, 数量指标 …; the short forms 成本, 时效 … only where
  a row starts), a weight in brackets after them (效益指标(30分)) dropped;
* values: a number with an optional comparison (≥, 不低于 …) and unit (%, 人次, 万元 …
  from lexicons/units.yaml);
* the text between: names, and target/actual written in words; a text that ends on the
  same words twice (「成本控制不超过预算不超过预算」) is a name followed by a target and
  an actual that are equal, the commonest case of a met target;
* a value at the start of a row followed by more text is part of the name (「5000吨稻谷」),
  and values beyond the table's value columns open the row's name (「每年补助100万元
  100万元100万元10」 with target, actual and score: the name ends on 「100万元」).

The cells go to the same row program as every other shape (table.assign_rows).
"""
from __future__ import annotations

import functools
import re

from .mapped import Mapped
from .table_lexicon import table_lexicon

_OPS = r"(?:[≥≤<>=＞＜≧≦]=?|不低于|不少于|不高于|不超过|不大于|不小于|大于等于|小于等于|大于|小于|低于|高于)"
_BRACKET_SCORE_RE = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]")
_GAP_BRACKET_RE = re.compile(r"[（(][^（()）]{0,5}[)）]")
# the page number a document-sharing site prints before each page's text (「2、100%…」)
PAGE_MARK_RE = re.compile(r"^\s*\d{1,2}、(?=\S)")
_END_RE = re.compile(r"(?:说明[:：]?|注[:：]|备注[:：]|填表人|填报人|联系电话|总分|合计|评价结论|存在问题|项目负责人)")
_JOINERS = "、，,和及与或/（("


def _squeeze(s: str) -> str:
    from .table import squeeze
    return squeeze(s)


@functools.lru_cache(maxsize=4)
def _header_re(lex_id: int) -> tuple[re.Pattern, dict[str, str]]:
    lex = table_lexicon()
    syn: dict[str, str] = {}
    for col, words in lex.columns.model_dump().items():
        for w in words:
            q = _squeeze(w)
            if len(q) >= 2 and q not in syn:
                syn[q] = col
    alts = sorted(syn, key=len, reverse=True)
    return re.compile("|".join(re.escape(a) for a in alts)), syn


@functools.lru_cache(maxsize=4)
def _level_re(lex_id: int) -> tuple[re.Pattern, re.Pattern]:
    lex = table_lexicon()
    words = {_squeeze(w) for w in list(lex.level1) + list(lex.level2)}
    long_ = sorted((w for w in words if w.endswith("指标")), key=len, reverse=True)
    short = sorted((w for w in words if not w.endswith("指标") and len(w) >= 2), key=len, reverse=True)
    # 满意度 in 服务对象满意度指标 written as 服务对象满意度 … : the long forms win
    return (re.compile("|".join(re.escape(w) for w in long_)),
            re.compile("|".join(re.escape(w) for w in short)))


@functools.lru_cache(maxsize=1)
def _value_re() -> re.Pattern:
    from nlp_pipeline.lexicons import load_yaml

    # the units of lexicons/units.yaml, with their multipliers (万元, 万人次)
    u = load_yaml("units.yaml")
    base: set[str] = set()
    for group, body in u.items():
        if isinstance(body, dict) and isinstance(body.get("units"), dict):
            base.update(str(k) for k in body["units"])
        elif group == "counts" and isinstance(body, dict):
            base.update(str(k) for k in body)
    names = set(base) | {str(m) + b for m in u.get("multipliers", {}) for b in base if b not in ("%", "‰")}
    units = [x for x in names if 1 <= len(x) <= 4 and x not in ("成", "分", "角")]
    unit = "|".join(re.escape(u) for u in sorted(set(units) | {"%", "％", "‰"}, key=len, reverse=True))
    # 「4项目立项相关性」: 项 before 目 opens the next name; 「95%以上96%」: the bound's word
    # after its figure belongs to it
    return re.compile(rf"{_OPS}?\d+(?:\.\d+)?(?:(?:{unit})(?!目))?(?:及以上|及以下|以上|以下|以内)?")


def glued_header(s: str) -> tuple[list[tuple[str, int, int]], int] | None:
    """The header cells glued in ``s`` (a cell without its CJK spaces): [(column, start,
    end)], and where the header ends; None where fewer than four column names stand
    one after another (gaps of at most ``header_slack`` characters, brackets such as (A)
    not counted, open the next cell: 「全年完成值」)."""
    lex = table_lexicon()
    rx, syn = _header_re(id(lex))
    matches = [(m.start(), m.end(), syn[m.group()]) for m in rx.finditer(s)]
    if len(matches) < 4:
        return None
    best: list[tuple[str, int, int]] | None = None
    i = 0
    while i < len(matches):
        chain = [(matches[i][2], matches[i][0], matches[i][1])]
        j = i + 1
        while j < len(matches):
            gap = s[chain[-1][2]:matches[j][0]]
            gap_body = _GAP_BRACKET_RE.sub("", gap).strip(" \u3000:：")
            if len(gap_body) > lex.header_slack or "\n" in gap:
                break
            # a bracket after a cell belongs to it; the rest of the gap opens the next one
            lead = gap.find(gap_body) if gap_body else len(gap)
            chain.append((matches[j][2], chain[-1][2] + lead, matches[j][1]))
            j += 1
        if len(chain) >= 4 and (best is None or len(chain) > len(best)):
            best = chain
        i = j
    if best is None:
        return None
    end = best[-1][2]
    tail = _GAP_BRACKET_RE.match(s, end)
    if tail:
        end = tail.end()
    return best, end


@functools.lru_cache(maxsize=1)
def _value_words() -> tuple[str, ...]:
    words = {_squeeze(x) for x in table_lexicon().value_words}
    return tuple(sorted((w for w in words if len(w) >= 2 and not re.search(r"\d", w)), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _placeholders() -> frozenset[str]:
    return frozenset(_squeeze(x) for x in table_lexicon().unfilled.placeholders)


def _atoms(s: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) for level words, values and text between them."""
    lex = table_lexicon()
    long_re, short_re = _level_re(id(lex))
    vre = _value_re()
    out: list[tuple[str, int, int]] = []
    p = 0
    text_from = 0

    def flush(q: int) -> None:
        if q > text_from:
            out.append(("text", text_from, q))

    level1 = {_squeeze(w) for w in lex.level1}
    row_start = True
    while p < len(s):
        m = long_re.match(s, p)
        # a short level word (成本, 经济效益) where a row starts or after a 一级指标; after
        # a 二级指标 the name follows (数量指标成本控制…)
        after_level2 = bool(out and out[-1][0] == "level" and text_from == p
                            and s[out[-1][1]:out[-1][2]] not in level1)
        if m is None and row_start and not after_level2:
            m = short_re.match(s, p)
            if m is not None and m.end() < len(s) and s[m.end()] == "指":
                m = None
        if m is not None:
            flush(p)
            out.append(("level", p, m.end()))
            p = m.end()
            b = _BRACKET_SCORE_RE.match(s, p)
            if b:
                p = b.end()
            text_from = p
            row_start = True
            continue
        v = vre.match(s, p)
        if v is not None and (p == 0 or not s[p - 1].isdigit() and s[p - 1] != "."
                              or out and out[-1] == ("value", out[-1][1], p)):
            flush(p)
            ve = _repeated_number(s, p, v.end())
            out.append(("value", p, ve))
            p = ve
            text_from = p
            row_start = False
            # values end a row: what follows may be a short level word
            row_start = True
            continue
        if s[p] in " \u3000" and text_from == p:
            # a space between cells opens no text
            p += 1
            text_from = p
            continue
        p += 1
        row_start = False
    flush(len(s))
    # a value with words after its figure written twice (2022年底前2022年底前): target and
    # actual, each one cell
    k = 0
    while k + 3 < len(out):
        (k0, a0, _b0), (k1, _a1, b1), (k2, a2, _b2), (k3, _a3, b3) = out[k:k + 4]
        if (k0, k1, k2, k3) == ("value", "text", "value", "text") and b1 == a2 and s[a0:b1] == s[a2:b3] \
                and b1 - a0 <= 12:
            out[k:k + 4] = [("value", a0, b1), ("value", a2, b3)]
        k += 1
    return out


def _repeated_number(s: str, p: int, e: int) -> int:
    """Where the first of several decimals glued together ends (「12.512.512.5」 is 12.5
    three times, 「64.864.8100%」 64.8, 64.8 and 100%): only a run of digits with two or
    more points, which reads as no number at all, is cut."""
    run = re.match(r"[\d.]+", s[p:]) if s[p:p + 1].isdigit() else None
    if run is None:
        run = re.match(r"\D{1,4}?([\d.]+)", s[p:])
        if run is None or run.group(1).count(".") < 2:
            return e
        off = run.start(1)
        digits = run.group(1)
    else:
        off, digits = 0, run.group()
    if digits.count(".") < 2:
        return e
    first = re.match(r"\d+\.\d", digits)
    if first is None:
        return e
    # the shortest decimal written again right after itself, else one decimal digit
    for L in range(first.end(), len(digits) // 2 + 1):
        x = digits[:L]
        if re.fullmatch(r"\d+\.\d+", x) and digits.startswith(x, L):
            return p + off + L
    return p + off + first.end()


def _repeat_split(s: str) -> list[tuple[int, int]] | None:
    """``s`` = name + X + X (or X + X + X with the name ending on X): cuts [(a, b)] of
    the name, the target and the actual; None where no suffix is written twice."""
    n = len(s)
    for L in range(n // 2, 0, -1):
        if s[n - 2 * L:n - L] != s[n - L:]:
            continue
        name_len = n - 2 * L
        if name_len < (4 if L == 1 else 2):
            continue
        x = s[n - L:]
        if L == 1 and not re.match(r"[\u4e00-\u9fff]", x):
            continue
        return [(0, name_len), (name_len, n - L), (n - L, n)]
    return None


def _points_pair(v: str) -> int | None:
    """Where 分值 and 得分 glued into one figure split (「1010」 10 | 10, 「109.7」 10 | 9.7):
    a bare figure of three characters or more that reads as no weight (over 100) and
    splits one way only into a weight of at most 100 and a score not above it."""
    if not re.fullmatch(r"\d+(?:\.\d+)?", v) or len(v) < 3 or float(v) <= 100:
        return None
    cuts = []
    for i in range(1, len(v)):
        a, b = v[:i], v[i:]
        if not re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", a) or not re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", b):
            continue
        if 0 < float(a) <= 100 and float(b) <= float(a):
            cuts.append(i)
    return cuts[0] if len(cuts) == 1 else None


def glued_end(s: str) -> int | None:
    """Where a glued table's body ends (总分, 说明, 评价结论, 填表人 …), None at its end."""
    m = _END_RE.search(s)
    return m.start() if m else None


def cut_glued(m: Mapped, cols: list[str], line: int) -> list:
    """The cells of a glued table body ``m`` (all its lines joined), as table.Tok."""
    from .table import Tok

    s = m.chars
    end = _END_RE.search(s)
    total: list = []
    if end is not None:
        t = re.match(r"(?:总分|合计)[:：]?(\d+(?:\.\d+)?)", s[end.start():])
        if t is not None:
            # 总分10099.7: the total's weight and score glued (100 | 99.7)
            a, v = end.start(), t.group(1)
            cut = 3 if v.startswith("100") and len(v) > 3 and re.fullmatch(r"(?:0|[1-9]\d?)(?:\.\d+)?|100", v[3:]) \
                else _points_pair(v)
            x = a + t.start(1)
            if cut or s[a:a + 2] == "总分":
                # a lone figure after 合计 is as likely the weights' sum (100) as a score
                total = [Tok(m.slice(a, x), line, 0)]
                total += [Tok(m.slice(x, x + cut), line, 0), Tok(m.slice(x + cut, a + t.end()), line, 0)] if cut \
                    else [Tok(m.slice(x, a + t.end()), line, 0)]
        s = s[:end.start()]
    atoms = _atoms(s)
    n_val = sum(1 for c in cols if c in ("target", "actual", "weight", "score"))
    both_points = "weight" in cols and "score" in cols
    toks: list[Tok] = []

    def emit(a: int, b: int) -> None:
        piece = m.slice(a, b).strip(" \u3000:：;；,，")
        if piece.chars:
            toks.append(Tok(piece, line, 0))

    def emit_text(a: int, b: int, bare_after: bool = False) -> None:
        # a sentence ends a cell: a reason ending in 。 and the next row's name
        stop = s.find("。", a, b - 1)
        if stop >= 0:
            emit(a, stop + 1)
            a = stop + 1
        while b > a and s[b - 1] in " \u3000":
            b -= 1
        cut = _repeat_split(s[a:b])
        if cut is None and bare_after:
            # only points follow: the target is the text's end, a value word (有所提高)
            w = next((w for w in _value_words() if s.endswith(w, a, b) and b - a - len(w) >= 4), None)
            if w is not None:
                emit(a, b - len(w))
                emit(b - len(w), b)
                return
        if cut is None:
            emit(a, b)
        else:
            for x, y in cut:
                emit(a + x, a + y)

    k = 0
    name_from: int | None = None  # start of the name being gathered
    while k < len(atoms):
        kind, a, b = atoms[k]
        if kind == "level":
            if name_from is not None:
                emit_text(name_from, a)
                name_from = None
            # a label cell (绩效指标) left between rows by a page break is no level
            emit(a, b)
            k += 1
            continue
        if kind == "text":
            if name_from is None:
                name_from = a
            k += 1
            continue
        # a run of values
        r = k
        while r < len(atoms) and atoms[r][0] == "value":
            r += 1
        run = atoms[k:r]
        after = atoms[r][0] if r < len(atoms) else None
        prev_text = s[name_from:a] if name_from is not None else ""
        if name_from is None and after == "text" and len(run) <= n_val:
            # a value opening a row and followed by text is part of the name (5000吨稻谷)
            name_from = a
            k = r
            continue
        if name_from is not None and len(run) == 1 and after == "text" and (
                prev_text[-1:] in _JOINERS or s[b:b + 1] in _JOINERS and n_val >= 2):
            k = r
            continue
        excess = max(0, len(run) - n_val)
        if excess:
            if name_from is None:
                name_from = a
            emit_text(name_from, run[excess - 1][2])
            name_from = None
            run = run[excess:]
        elif name_from is not None:
            emit_text(name_from, a, all(re.fullmatch(r"\d+(?:\.\d+)?", s[x:y]) for _k, x, y in run))
            name_from = None
        pair = None
        if run and both_points and len(run) < n_val:
            pair = _points_pair(s[run[-1][1]:run[-1][2]])
        for _kind, x, y in (run[:-1] if pair else run):
            emit(x, y)
        if pair:
            x = run[-1][1]
            emit(x, x + pair)
            emit(x + pair, run[-1][2])
        k = r
    if name_from is not None:
        emit_text(name_from, len(s))
    # a row closed by a text actual that equals its target was cut by _repeat_split;
    # placeholders (无) stay cells of their own
    out: list[Tok] = []
    ph = _placeholders()
    for t in toks:
        q = _squeeze(t.s)
        if len(q) > 1 and q[0] in ph and out and re.search(r"\d|%", out[-1].s) and len(q) > 3:
            # 「无没有轮换」: the placeholder of the actual, then the reason
            out.append(Tok(t.m.slice(0, 1), line, 0))
            out.append(Tok(t.m.slice(1), line, 0))
            continue
        out.append(t)
    return out + total


# 预期目标 and 实际完成情况 (年初设定目标 / 全年实际完成情况 …) written one after the other
# with the two texts after them on the same line, glued or with single spaces
_GOAL_PAIR_RE = re.compile(r"(预期目标|年初设定目标|年度目标|(?<!年度)总体目标)[ \u3000]*((?:全年)?(?:实际完成情况|实际完成值|"
                           r"实际完成))[ \u3000]*")
_GOAL_END_RE = re.compile(r"绩[ \u3000]*效[ \u3000]*指[ \u3000]*标|一级指标|二级指标")
_OUTCOME_CUE_RE = re.compile(r"[ \u3000]*(?:全年|本年度|本年|年度内|截至|截止|实际|已|累计|共完成|按照年初|经过|通过项目实施|"
                             r"项目实施后|本项目共完成)")


_GOAL_ROWS_RE = re.compile(r"(?:年初设定目标|预期目标|年度目标)(?P<goal>[^。]{4,200}?)(?:年度总体目标完成情况|全年实际完成情况|"
                           r"实际完成情况|目标完成情况)")
_GOAL_ALONE_RE = re.compile(r"年度总体目标(?!完成|实现|[ \u3000]*(?:预期|年初|实际|全年))")
_STRONG_OUTCOME_RE = re.compile(r"按照年初设定目标|全年实际完成|截至年底|截至\d{2,4}年底|实际完成情况")


def goal_outcome_labels(raw: str) -> tuple[str, str]:
    """The two labels :func:`goal_outcome_spans` cut after (预期目标, 实际完成情况)."""
    m = _GOAL_PAIR_RE.search(raw)
    return (m.group(1), m.group(2)) if m else ("年度总体目标", "实际完成情况")


def goal_outcome_spans(raw: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The goal and the outcome written after the glued labels 预期目标实际完成情况 on one
    line (offsets in ``raw``): the texts are cut at a sentence end followed by a space,
    else at the sentence end before an outcome's opening (全年, 实际, 截至 …), else
    between the two sentences when there are just two; None where no cut is clear."""
    m = _GOAL_PAIR_RE.search(raw)
    alone = None
    if m is None:
        rows = _GOAL_ROWS_RE.search(raw)
        if rows is not None and glued_header(raw.replace(" ", "")) is not None:
            # 年初设定目标<goal>年度总体目标完成情况<outcome>: each label before its text
            e = _GOAL_END_RE.search(raw, rows.end())
            b = e.start() if e else len(raw)
            ga, gb = rows.span("goal")
            oa = rows.end()
            if b - oa < 4 or not re.search(r"[\u4e00-\u9fff]{4}", raw[oa:b]):
                oa = b  # no outcome written
            return (ga, gb), (oa, b)
    if m is None:
        # 年度总体目标 glued to its text in a glued form, goal and outcome one after the
        # other: cut only where the outcome opens on 按照年初设定目标 / 全年实际完成 …
        alone = _GOAL_ALONE_RE.search(raw)
        if alone is None or glued_header(raw.replace(" ", "")) is None:
            return None
    a = m.end() if m else alone.end()
    e = _GOAL_END_RE.search(raw, a)
    b = e.start() if e else len(raw)
    while b > a and raw[b - 1] in " \u3000":
        b -= 1
    if b - a < 8:
        return None
    if alone is not None:
        c = _STRONG_OUTCOME_RE.search(raw, a + 4, b)
        cut = c.start() if c else None
    else:
        stops = [i + 1 for i in range(a, b - 1) if raw[i] in "。；;"]
        # 1.… 2.… 3.… 1.… 2.…: the outcome's items count again from 1
        restart = _numbering_restart(raw, a, b)
        cut = restart if restart is not None else next((i for i in stops if raw[i] in " \u3000"), None)
        if cut is None:
            cut = next((i for i in stops if _OUTCOME_CUE_RE.match(raw, i)), None)
        if cut is None and len(stops) == 1:
            cut = stops[0]
    if cut is None or cut - a < 4 or b - cut < 4:
        return None
    o = cut
    while o < b and raw[o] in " \u3000":
        o += 1
    return (a, cut), (o, b)


_ITEM_AT_RE = re.compile(r"(?:(?<=[\s。；;])|^)(\d{1,2})[.、．](?!\d)")


def _numbering_restart(raw: str, a: int, b: int) -> int | None:
    """Where items numbered 1. 2. 3. within ``raw[a:b]`` count again from 1 (the second
    column's items written after the first's), else None."""
    items = [(m.start(), int(m.group(1))) for m in _ITEM_AT_RE.finditer(raw, a, b)]
    if not items or items[0][1] != 1:
        return None
    for k in range(1, len(items)):
        if items[k][1] == 1 and items[k - 1][1] >= 2 and all(items[j][1] == j + 1 for j in range(k)):
            return items[k][0]
    return None


_HEADLESS_RE = None


def headless_start(s: str) -> int | None:
    """Where a table without its header starts on a line: a 一级指标 and a 二级指标 of the
    lexicon's long forms written one after the other (产出指标数量指标足额保障率=100% …), the
    tail of a form whose header was cut off. None where the line does not open so."""
    global _HEADLESS_RE
    if _HEADLESS_RE is None:
        lex = table_lexicon()
        l1 = sorted({_squeeze(w) for w in lex.level1 if _squeeze(w).endswith("指标")}, key=len, reverse=True)
        l2 = sorted({_squeeze(w) for w in lex.level2 if _squeeze(w).endswith("指标")}, key=len, reverse=True)
        _HEADLESS_RE = re.compile("(?:" + "|".join(map(re.escape, l1)) + r")[ \u3000]?(?:[（(]\d+分[)）])?[ \u3000]?(?:"
                                  + "|".join(map(re.escape, l2)) + r")(?=[^\s指])")
    m = _HEADLESS_RE.search(s[:40])
    if m is None:
        return None
    rest = s[m.end():m.end() + 60]
    # the name and a value follow: a figure within the next cells
    if not re.search(r"\d", rest):
        return None
    return m.start()


_TAIL_LABELS = ("评价结论", "自评结论", "存在的问题", "存在问题", "主要问题", "改进措施", "整改措施", "改进建议", "下一步工作计划")
_FOOT_RE = re.compile(r"项目负责人|财务负责人|填表人|填报人|联系电话|单位负责人|注[:：]")


def tail_fields(raw: str) -> list[tuple[str, int, int, int]]:
    """Fields glued after a table (「评价结论及时足额缴纳。存在问题暂无改进措施暂无」):
    (label, label start, text start, text end) in ``raw``, each text running to the next
    label or the form's foot (项目负责人 …)."""
    rx = re.compile("|".join(map(re.escape, _TAIL_LABELS)))
    hits = [(m.group(), m.start(), m.end()) for m in rx.finditer(raw)]
    out = []
    foot = _FOOT_RE.search(raw)
    stop_all = foot.start() if foot else len(raw)
    for i, (label, a, b) in enumerate(hits):
        if a >= stop_all:
            break
        end = min(hits[i + 1][1] if i + 1 < len(hits) else len(raw), stop_all)
        c = b
        while c < end and raw[c] in " \u3000:：\r\n\t":
            c += 1
        e = end
        while e > c and raw[e - 1] in " \u3000\r\n\t":
            e -= 1
        if e > c:
            out.append((label, a, c, e))
    return out
