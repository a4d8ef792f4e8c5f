"""REPEATED_TEXT: text written again where it adds nothing.

Two shapes:

* *inside one paragraph*: a clause written two or three times (「全年开展隐患排查4次，整改隐患
  126处，全年开展隐患排查4次，整改隐患126处」), or a longer passage repeated whatever its
  clause boundaries;
* *a problem pasted into the measures*: a sentence of a problem (存在问题) written word for
  word inside an improvement measure that says more than that sentence, so the measure
  restates the problem instead of answering it. A measure that is the whole problem again
  is a copied paragraph (DUPLICATE_PARAGRAPH), not this.

Texts are compared without punctuation and spaces, in the canonical width (８ = 8).
Clauses shorter than ``MIN_CLAUSE`` characters (「完成率100%」, 「效果良好」) repeat by nature
and are not read, nor a repeated run shorter than ``MIN_SPAN``; stock phrases of lexicons/detect_boilerplate.yaml are not read either.
Indicator cells are not prose and are skipped, and so is a clause written once as a target
and again, after a result label (实际完成：), as its result: a target met exactly.
"""
from __future__ import annotations

from collections import defaultdict

from nlp_pipeline.detect._textcommon import compact, compact_span, lexicon, prose_paragraphs, self_repeats, short
from nlp_pipeline.detect.registry import Context, Param, Rule, make_finding, register
from nlp_pipeline.model import Evidence, Paragraph, Report
from nlp_pipeline.text import patterns as P
from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.text.segment import split_clauses, split_sentences

CODE = "REPEATED_TEXT"
MIN_CLAUSE = 6  # characters (no punctuation) of a clause that counts when written again
MIN_WORDS = 4  # Chinese characters a repeated clause needs beside its figures
MIN_SPAN = 12  # characters of a repeated run of clauses (a lone 覆盖全县15个乡镇 is a phrase)
WORDS_CLAUSE = 6  # characters of a clause without figures that counts when written again further on
# in its sentence (坚持中西医并重，推进…，坚持中西医并重: 7 characters)
SUBJECT_CLAUSE = 8  # characters of a clause that counts when written again with a subject before it
SUBJECT_MAX = 4  # characters of that subject (本园, 我局, 该项目)
MIN_PASTE = 10  # characters of a problem sentence that counts when pasted into a measure
MIN_EXTRA = 6  # characters a measure must add to the pasted sentence (else it is a copy)
MIN_PREFIX = 20  # characters of a problem's leading clauses that count when a measure opens with them
INTERLEAVED_PAIRS = 2  # clauses each written twice, pair after pair, that mark two columns interleaved
SHINGLE = 8  # characters per shingle when looking for longer repeated passages
FLOOR = 30  # shortest repeated passage found across clause boundaries
OPEN_QUOTES = "“「『《"
CLOSE_QUOTES = "”」』》"

RULE = Rule(
    id="TXT.REPEATED", code=CODE, severity="low",
    summary_zh="同一段内重复书写的语句，或把问题原句粘贴进改进措施",
    summary_en="A clause written again inside one paragraph, or a problem sentence pasted into a measure",
    example="全年开展隐患排查4次，整改隐患126处，全年开展隐患排查4次，整改隐患126处。",
    params=(
        Param("min_clause", "MIN_CLAUSE", "shortest clause (characters without punctuation) counted when repeated"),
        Param("min_span", "MIN_SPAN", "shortest repeated run of clauses reported"),
        Param("min_paste", "MIN_PASTE", "shortest problem sentence counted when pasted into a measure"),
        Param("min_extra", "MIN_EXTRA", "characters a measure must add to a pasted sentence to be REPEATED_TEXT "
                                        "rather than a copied paragraph"),
        Param("floor", "FLOOR", "shortest passage repeated across clause boundaries"),
        Param("interleaved_pairs", "INTERLEAVED_PAIRS", "clauses each written twice, one pair after another "
                                                        "with text between, read as two form columns interleaved"),
    ),
    confidence=0.9,
    explain_zh="去掉标点后逐字相同：{computation}",
    explain_en="identical once punctuation is removed: {computation}",
    messages=("TXT.REPEATED.inside", "TXT.REPEATED.pasted"),
)


def _stock(ctx: Context) -> list[str]:
    data = lexicon(ctx, "detect_boilerplate.yaml") or {}
    return [c for c in (compact(p)[0] for p in data.get("phrases") or []) if len(c) >= 3]


def _bare(text: str) -> str:
    """``text`` without punctuation and spaces: what two writings of a clause share (cheaper
    than compact(): a repeat needs no canonical form)."""
    return "".join(ch for ch in text if ch.isalnum() or ch in "%％")


def _ev(report: Report, p: Paragraph, a: int, b: int) -> Evidence:
    s, e = p.span(a, b)
    return Evidence(section=p.section, paragraph=p.id, start=s, end=e, quote=report.text[s:e])


def _merge(spans: list[tuple[int, int, str]], text: str) -> list[tuple[int, int]]:
    """Adjacent repeated clauses (only punctuation between them) joined into one run; a
    clause already in the run starts the next run (A，B，A，B is two runs of A，B)."""
    out: list[list] = []
    for a, b, key in sorted(spans):
        if out and not _bare(text[out[-1][1]:a]) and key not in out[-1][2]:
            out[-1][1] = max(out[-1][1], b)
            out[-1][2].add(key)
        else:
            out.append([a, b, {key}])
    return [(a, b) for a, b, _ in out]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and not _bare(text[b - 1]):
        b -= 1
    while a < b and not _bare(text[a]):
        a += 1
    return a, b


TITLE_MARKS = "《》"


def _quoted(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks or title marks: a quoted policy line cited twice is
    a citation, not a repeat."""
    out, stack = [], []
    for i, ch in enumerate(text):
        if ch in OPEN_QUOTES:
            stack.append(i)
        elif ch in CLOSE_QUOTES and stack:
            out.append((stack.pop(), i + 1))
    return out


def _clause_repeats(text: str, stock: list[str]) -> list[tuple[int, int, str]]:
    groups: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    quoted = _quoted(text)
    for a, b in _with_items(text, _enumerations_joined(text, split_clauses(text))):
        if any(qs <= a and b <= qe + 1 for qs, qe in quoted):
            continue
        if any(ch in TITLE_MARKS for ch in text[a:b]):
            continue  # …〔2022〕34号)《四川省财政厅…: a list of citations names its issuers each time
        key = _bare(text[a:b])
        words = sum(1 for ch in key if "\u4e00" <= ch <= "\u9fff")
        # (a figure with its unit written twice, 2,000元/生·年 as target and result, is no
        # clause repeated)
        if len(key) >= MIN_CLAUSE and words >= MIN_WORDS and not any(key in s for s in stock):
            groups[key].append((*_trim(text, a, b), key))
    _subject_repeats(text, groups)
    spans = [sp for occ in groups.values() if len(occ) > 1 for sp in occ]
    # (a list written twice repeats its items too: the list is the one repeat)
    return [sp for sp in spans if not any(o[0] <= sp[0] and sp[1] <= o[1] and o[:2] != sp[:2] for o in spans)]


def _enumerations_joined(text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clauses with the items of a 、-list kept together: 开设科技、艺术、体育等特色课程 is one
    clause written twice, not three too short to count."""
    out: list[tuple[int, int]] = []
    for a, b in clauses:
        if out and text[out[-1][1] - 1] == "、":
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _with_items(text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses and, of a 、-list, each item too: an item written again on its own (坚持资金
    跟着项目走、项目跟着规划走，…，坚持资金跟着项目走) repeats that item, not the list."""
    out: list[tuple[int, int]] = []
    for a, b in clauses:
        out.append((a, b))
        at = a
        for k in range(a, b):
            if text[k] == "、":
                if at > a or k < b - 1:
                    out.append((at, k))
                at = k + 1
        if at > a:
            out.append((at, b))
    return out


def _subject_repeats(text: str, groups: dict[str, list[tuple[int, int, str]]]) -> None:
    """A clause of words written again in its sentence with a subject before it once (本园
    坚持以游戏为基本活动，…，坚持以游戏为基本活动): the shorter writing is a clause of the longer,
    which joins its group from where the two start to read alike."""
    keys = list(groups)
    for short_key in keys:
        if len(short_key) < SUBJECT_CLAUSE or any(ch.isdigit() for ch in short_key):
            continue
        for long_key in keys:
            if long_key == short_key or not long_key.endswith(short_key) \
                    or len(long_key) - len(short_key) > SUBJECT_MAX:
                continue
            for a, b, _ in groups[long_key]:
                at = text.rfind(short_key[:1], a, b)
                while at >= a and _bare(text[at:b]) != short_key:
                    at = text.rfind(short_key[:1], a, at)
                # (an item of a 、-list is read on its own too: the long clause holding it is
                # the same writing, not a second one)
                near = [sa for sa, sb, _ in groups[short_key] if sb <= a or sa >= b]
                if at >= a and near and not any(ch in "。；;！？!?\n" for ch in text[min(a, *near):max(b, *near)]):
                    groups[short_key].append((at, b, short_key))


def _list_item(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` is a whole item of a list: a ；, ： or the start before it and a ；, 。
    or the end after it."""
    before = text[:a].rstrip()
    after = text[b:].lstrip()
    return (not before or before[-1] in "；;：:") and (not after or after[0] in "；;。")


def _interleaved(text: str, clauses: list[tuple[int, int, str]]) -> bool:
    """Two wide cells of a form flattened line by line (each wrapped line of 预期目标 followed
    by the same line of 实际完成情况) write each line's clauses twice, one copy after the other,
    and the next line's only after both: [A，B][A，B]…[C][C]…[D，E][D，E]. A written slip
    repeats one clause or one passage; block after doubled block, at least
    ``INTERLEAVED_PAIRS`` of them and each of other clauses, is two columns read as one."""
    spans = sorted(clauses)
    keys = [k for *_, k in spans]
    blocks, apart, i = [], False, 0
    while i < len(keys):
        size = next((n for n in range(1, (len(keys) - i) // 2 + 1)
                     if keys[i:i + n] == keys[i + n:i + 2 * n]), 0)
        if not size:
            return False
        blocks.append(keys[i:i + size])
        apart = apart or bool(_bare(text[spans[i + size - 1][1]:spans[i + size][0]]))
        i += 2 * size
    seen = [k for b in blocks for k in b]
    return apart and len(blocks) >= INTERLEAVED_PAIRS and len(seen) == len(set(seen))


def _inside(report: Report, p: Paragraph, stock: list[str]):
    clauses = _clause_repeats(p.text, stock)
    if _interleaved(p.text, clauses):
        return []
    runs = _merge(clauses, p.text)
    keys = [_bare(p.text[a:b]) for a, b in runs]
    # a run written again right after itself (…产品单一，产品单一…) is a slip at any length
    # from MIN_CLAUSE; a repeat further on must be MIN_SPAN long to be more than a phrase
    twice = {k for k in range(1, len(runs)) if keys[k] == keys[k - 1]
             and not _bare(p.text[runs[k - 1][1]:runs[k][0]])}
    twice |= {k - 1 for k in twice}
    # a whole item of a ；-list with its figure, written again (新增视频监控点位26个) is a
    # repeated item, not a stock phrase
    items = {k for k, (a, b) in enumerate(runs)
             if keys.count(keys[k]) > 1 and _list_item(p.text, a, b) and any(ch.isdigit() for ch in keys[k])}
    # (a whole clause of words written twice, 加强执法装备配置 … 加强执法装备配置, is a slip
    # from WORDS_CLAUSE characters: a phrase with a figure, 覆盖全县15个乡镇, may name two things)
    # …within one sentence: across items (…活动； 2.…活动) a list may well say it again
    words = set()
    for k in range(len(runs)):
        for j in range(k + 1, len(runs)):
            if keys[j] == keys[k] and len(keys[k]) >= WORDS_CLAUSE and not any(ch.isdigit() for ch in keys[k]) \
                    and not any(ch in "。；;！？!?\n" for ch in p.text[runs[k][1]:runs[j][0]]):
                words |= {k, j}
    spans = [r for k, r in enumerate(runs) if k in twice or k in items or k in words or len(keys[k]) >= MIN_SPAN]
    if len(spans) > 1:
        return spans
    c, idx = compact(p.text)
    out = []
    titles = [(a, b) for a, b in _quoted(p.text) if p.text[a] == "《"]
    for first, second, length in self_repeats(c, SHINGLE, FLOOR):
        if any(c[first:first + length] in s for s in stock):
            continue
        if any(a <= idx[second] < b or a <= idx[first] < b for a, b in titles):
            continue  # a fund named, then the notice that allocated it cited by its 《title》
        if any(ch in TITLE_MARKS for ch in p.text[idx[first]:idx[first + length - 1]]):
            continue  # …34号)《…》…36号)《…》: citations of one issuer's notices, one after another
        out += [compact_span(idx, first, first + length), compact_span(idx, second, second + length)]
    return out


def _problem_pieces(text: str) -> list[tuple[int, int]]:
    """The sentences of a problem, and the items of a 一是…；二是… list inside one, each
    without its counting word."""
    out = []
    for a, b in split_sentences(text):
        cuts = [a] + [k + 1 for k in range(a, b) if text[k] in "；;"] + [b]
        pieces = [(x, y) for x, y in zip(cuts, cuts[1:]) if y > x]
        for x, y in pieces if len(pieces) > 1 else [(a, b)]:
            m = P.match(text, P.named("enumeration_opener"), x, y)
            out.append((m.end() if m else x, y))
    return out


def _leading_clauses(text: str) -> list[tuple[int, int]]:
    """The runs of a problem sentence's first clauses (all but its last, down to two), the
    longest first: a measure may open with the problem's statement and leave off its tail
    (…招标两次流标，截至年底仍未完工验收 without ，部分新增检测项目尚不能独立开展)."""
    out = []
    for a, b in split_sentences(text):
        # clause ends at commas only: the items of an enumeration (河道保洁、污水管网巡查、…)
        # are one clause, a list a report may well repeat (DUPLICATE_PARAGRAPH's)
        cuts = [k for k in range(a, b) if text[k] in "，,"]
        for end in reversed(cuts[1:]):
            if len(compact(text[a:end])[0]) >= MIN_PREFIX:
                out.append((a, end))
    return out


def _pasted(report: Report, problems: list[Paragraph], measures: list[Paragraph]):
    for q in problems:
        done: set[str] = set()
        whole = compact(q.text)[0]
        for a, b in _problem_pieces(q.text) + _leading_clauses(q.text):
            key = compact(q.text[a:b])[0]
            if len(key) < MIN_PASTE:
                continue
            for m in measures:
                if m.id in done:
                    continue
                mc, idx = compact(m.text)
                at = mc.find(key)
                if at < 0 or len(mc) - len(key) < MIN_EXTRA:
                    continue
                if whole in mc and len(mc) - len(whole) < MIN_EXTRA:
                    continue  # the whole problem pasted as a measure: a paragraph copied (DUPLICATE_PARAGRAPH's)
                done.add(m.id)
                yield q, _trim(q.text, a, b), m, compact_span(idx, at, at + len(key))
                break


@register(RULE)
def detect(ctx: Context):
    report = ctx.report
    stock = _stock(ctx)
    cues = default_cues()
    table_words = [compact(w)[0] for w in (lexicon(ctx, "detect_boilerplate.yaml") or {}).get("table_words") or []]
    findings = []
    for p in prose_paragraphs(report):
        spans = _inside(report, p, stock)
        if len(spans) < 2:
            continue
        if any(w in compact(p.text[a:b])[0] for a, b in spans for w in table_words):
            continue  # a form's tables flattened into a paragraph share their header and labels
        first, last = min(spans), max(spans)
        if cues.has(p.text[first[1]:last[0]], "result_label"):
            continue  # 目标：…服药230人 … 实际完成：…服药230人: a target met exactly, written with its result
        ev = [_ev(report, p, a, b) for a, b in spans]
        quote = short(ev[0].quote, 30)
        # the count is of the quoted clause, not of every repeated span
        times = max(2, sum(1 for a, b in spans if _bare(p.text[a:b]) == _bare(ev[0].quote)))
        findings.append(make_finding(
            CODE, "low", "TXT.REPEATED.inside", {"paragraph": p.id, "times": times, "quote": quote},
            ev, {"places": [p.id], "times": times, "shape": "inside"},
        ))
    problems = [p for p in report.paragraphs("Q") if p.text.strip()]
    measures = [p for p in report.paragraphs("I") if p.text.strip()]
    for q, (a, b), m, (ma, mb) in _pasted(report, problems, measures):
        ev = [_ev(report, q, a, b), _ev(report, m, ma, mb)]
        quote = short(ev[0].quote, 30)
        findings.append(make_finding(
            CODE, "low", "TXT.REPEATED.pasted", {"measure": m.id, "problem": q.id, "quote": quote},
            ev, {"places": [q.id, m.id], "shape": "pasted"},
        ))
    return findings
