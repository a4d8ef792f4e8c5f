"""Shared helpers of the numeric detectors: where a number sits, what it counts, which
role its context gives it, and the interval of values its wording allows.

Not a detector (it registers nothing). Every word list comes from
lexicons/detect_numeric.yaml; the functions take data and return data.
"""
from __future__ import annotations

import dataclasses
import math
from bisect import bisect_right
from dataclasses import dataclass, field

from nlp_pipeline.ingest.items import is_placeholder
from nlp_pipeline.lexicons import load_yaml
from nlp_pipeline.model import Evidence, Mention, Paragraph, Report
from nlp_pipeline.text.annotate import default_cues
from nlp_pipeline.text.normalize import normalize
from nlp_pipeline.text.numbers import bare_figure, first_figure, without_figures, years
from nlp_pipeline.text.segment import lead_item, lead_label, opening_subject
from nlp_pipeline.text import patterns as P

LEXICON = "detect_numeric.yaml"

# Clause boundaries inside a paragraph. The enumeration comma is not one: list items
# such as 城区、镇区公共厕所 name one thing.
CLAUSE_BREAK = set("，。；;！？!?\n\t\r,")
SENTENCE_BREAK = set("。；;！？!?\n")
_BRACKETS = str.maketrans("", "", "“”\"'‘’《》〈〉（）()【】[]「」 、·")
# the units an indicator's name may write after the target it carries (养老服务站12个)
NAME_FIGURE_UNITS = "个人次家场处项名户件条座所台辆吨元%"


def config() -> dict:
    return load_yaml(LEXICON)


# --- where a number sits ---------------------------------------------------------------


class ParagraphIndex:
    """Paragraph lookup by id and by offset in Report.text."""

    def __init__(self, report: Report):
        self.report = report
        self.paras = sorted(report.paragraphs(), key=lambda p: (p.start, p.end))
        self.by_id = {p.id: p for p in self.paras}
        self._starts = [p.start for p in self.paras]
        self.indicator_name: dict[str, Paragraph] = {}
        for t in report.tasks:
            for ind in t.indicators:
                if ind.result_paragraph is not None and ind.name_paragraph is not None:
                    self.indicator_name[ind.result_paragraph.id] = ind.name_paragraph

    def locate(self, start: int, end: int | None = None) -> Paragraph | None:
        end = start + 1 if end is None else end
        k = bisect_right(self._starts, start) - 1
        # paragraphs do not nest, but a cell paragraph may start before a shorter one
        for q in range(k, max(-1, k - 8), -1):
            p = self.paras[q]
            if p.start <= start and end <= p.end + 1:
                return p
        return None

    def of_mention(self, m: Mention) -> Paragraph | None:
        p = self.by_id.get(m.paragraph) if m.paragraph else None
        if p is not None and p.start <= m.start <= p.end:
            return p
        return self.locate(m.start, m.end)


def to_local(p: Paragraph, off: int) -> int | None:
    """Position in ``p.text`` of offset ``off`` of Report.text (None when outside)."""
    if not p.segments:
        i = off - p.start
        return i if 0 <= i <= len(p.text) else None
    for ts, os_, ln in p.segments:
        if os_ <= off < os_ + ln:
            return ts + off - os_
    for ts, os_, ln in p.segments:  # an end offset just past a segment
        if off == os_ + ln:
            return ts + ln
    return None


def place(pid: str) -> str:
    return pid.split(".", 1)[0]


def evidence_at(report: Report, index: ParagraphIndex, start: int, end: int, section: str = "B") -> Evidence:
    """Evidence for Report.text[start:end]; the paragraph holding it, else a pseudo
    paragraph named after ``section`` (budget lines live outside the sections)."""
    p = index.locate(start, end)
    pid, sec = (p.id, p.section) if p is not None else (section, section)
    if section == "B" and (p is None or p.section == "B") and in_project_table(report, start):
        # a form's basic rows read as B paragraphs: its 项目资金 block is still the table
        pid = sec = "TBL"
    return Evidence(section=sec, paragraph=pid, start=start, end=end, quote=report.text[start:end])


PROJECT_FUNDS_LABELS = ("项目资金",)
# in a form read as a project form, the funds block may be headed 资金情况 or only show its
# total row (a department form's 部门资金情况 rows stay B)
FORM_FUNDS_LABELS = ("资金情况", "年度资金总额")


def in_project_table(report: Report, pos: int) -> bool:
    """``pos`` lies in the 项目资金 rows of a project form whose indicator rows the reader
    rebuilt in the same table (one block of | or tab separated lines): the form's table,
    named TBL like its indicator rows (docs/CONVENTIONS.md)."""
    text = report.text
    has_table = any(t.id.startswith("TBL") and t.indicators for t in report.tasks)
    if report.layout in ("cell_per_line", "aligned", "flattened") and report.form == "project_form" and has_table:
        # a form exported one cell per line, as PDF columns or one row per line with spaces
        # is one table, its 项目资金 block too (no separator tells two tables apart)
        return True

    def row(at: int) -> tuple[int, int]:
        s = text.rfind("\n", 0, at) + 1
        e = text.find("\n", at)
        return s, (len(text) if e < 0 else e)

    def is_row(s: int, e: int) -> bool:
        line = text[s:e]
        return "|" in line or "\t" in line.strip("\t ") or "｜" in line

    s, e = row(pos)
    if not is_row(s, e):
        return False
    bs, be = s, e
    while bs > 0 and is_row(*row(bs - 1)):
        bs = row(bs - 1)[0]
    while be < len(text) and is_row(*row(be + 1)):
        be = row(be + 1)[1]
    block = text[bs:be]
    if not any(w in block for w in PROJECT_FUNDS_LABELS) and not (
            report.form == "project_form" and any(w in block for w in FORM_FUNDS_LABELS)):
        return False
    if any(t.id.startswith("TBL") and any(i.name_paragraph is not None and bs <= i.name_paragraph.start <= be
                                          for i in t.indicators) for t in report.tasks):
        return True
    # a project form printed block by block (【项目资金】 rows, then 【绩效指标】 rows): its
    # funds block is still a part of the one form
    return report.form == "project_form" and has_table


def para_evidence(report: Report, p: Paragraph, i: int, j: int) -> Evidence:
    i = max(0, min(i, len(p.text)))
    j = max(i, min(j, len(p.text)))
    s, e = p.span(i, j)
    return Evidence(section=p.section, paragraph=p.id, start=s, end=e, quote=report.text[s:e])


# --- what a number counts --------------------------------------------------------------


def _strip(s: str, prefixes: list[str], suffixes: list[str]) -> str:
    changed = True
    while changed and s:
        changed = False
        for w in prefixes:
            if w and s.startswith(w) and len(s) > len(w):
                s = s[len(w):]
                changed = True
                break
        for w in suffixes:
            if w and s.endswith(w) and len(s) > len(w):
                s = s[: -len(w)]
                changed = True
                break
    return s


# Per-configuration memo tables. The detectors ask the same questions of one lexicon
# hundreds of times per report (sorted word lists, the key of one phrase); the answers
# depend only on the configuration, which nothing modifies after loading. A table keeps
# its configuration alive so that its id is never reused, and is emptied when it grows
# large so a long batch does not hold every phrase it has seen.
_MEMO: dict[int, tuple[dict, dict]] = {}
_MEMO_MAX = 50_000


def _memo(cfg: dict, table: str) -> dict:
    entry = _MEMO.get(id(cfg))
    if entry is None or entry[0] is not cfg:
        entry = (cfg, {})
        _MEMO[id(cfg)] = entry
    tables = entry[1]
    t = tables.get(table)
    if t is None or len(t) > _MEMO_MAX:
        t = tables[table] = {}
    return t


def _words(cfg: dict, *path: str) -> list[str]:
    memo = _memo(cfg, "words")
    got = memo.get(path)
    if got is None:
        d = cfg
        for k in path:
            d = d.get(k, {}) if isinstance(d, dict) else {}
        got = memo[path] = tuple(sorted((str(w) for w in (d or [])), key=len, reverse=True))
    return list(got)


def _metric_words(cfg: dict) -> tuple[list, list, list, list]:
    memo = _memo(cfg, "metric_words")
    got = memo.get(None)
    if got is None:
        syn = cfg.get("metric", {}).get("synonyms") or {}
        scope = [w for k in ("cumulative", "new", "part", "subperiod") for w in _words(cfg, "scope", k)]
        pre = sorted(set(_words(cfg, "metric", "strip_prefix") + scope), key=len, reverse=True)
        got = memo[None] = (sorted(syn, key=len, reverse=True), pre,
                            _words(cfg, "metric", "strip_suffix"), _words(cfg, "metric", "count_suffix"))
    return got


def normalise_metric(phrase: str, cfg: dict | None = None) -> str:
    """Comparable form of a metric phrase: brackets, list commas and filler verbs,
    scope words and generic count suffixes removed."""
    cfg = cfg or config()
    memo = _memo(cfg, "normalise_metric")
    got = memo.get(phrase)
    if got is None:
        got = memo[phrase] = _normalise_metric(phrase, cfg)
    return got


def _normalise_metric(phrase: str, cfg: dict) -> str:
    s = normalize(phrase).translate(_BRACKETS)
    s = P.strip(s, P.named("metric_figure_marks"))
    syn = cfg.get("metric", {}).get("synonyms") or {}
    syn_words, pre, suf, count_suffix = _metric_words(cfg)
    for w in syn_words:
        if w and w in s:
            s = s.replace(str(w), str(syn[w]))
    for w in cfg.get("metric", {}).get("inner_fillers") or ():
        s = s.replace(w, "")
    s = _strip(s, pre, suf)
    for w in count_suffix:
        if s.endswith(w) and len(s) - len(w) >= 3:
            s = _strip(s[: -len(w)], pre, suf)
            break
    mx = int(cfg.get("metric", {}).get("max_chars", 16))
    return s[-mx:]


def display_metric(phrase: str, cfg: dict | None = None) -> str:
    """A metric phrase for a message: fillers stripped, wording otherwise kept."""
    cfg = cfg or config()
    s = normalize(phrase).strip().strip("“”\"（）()：:、，, ")
    pre = _words(cfg, "metric", "strip_prefix")
    suf = _words(cfg, "metric", "strip_suffix")
    return _strip(s, pre, suf) or s


def stage_verbs(phrase: str, cfg: dict | None = None) -> list[frozenset[str]]:
    """For each group of stage verbs in the lexicon (开工/完工, 受理/办结, 申请/通过 …), the
    classes of that group the phrase names; an empty set where it names none."""
    cfg = cfg or config()
    memo = _memo(cfg, "stage_verbs")
    got = memo.get(phrase)
    if got is None:
        got = memo[phrase] = _stage_verbs(phrase, cfg)
    return list(got)


def _stage_verbs(phrase: str, cfg: dict) -> tuple[frozenset[str], ...]:
    s = normalize(phrase or "")
    out = []
    for group in cfg.get("metric", {}).get("stage_verbs") or []:
        found = set()
        for k, cls in enumerate(group):
            words = [cls] if isinstance(cls, str) else list(cls)
            if any(w and str(w) in s for w in words):
                found.add(k)
        out.append(frozenset(found))
    return tuple(out)


def stages_differ(a: str, b: str, cfg: dict | None = None) -> bool:
    """Two metric phrases that name different stages of the same work (开工42个 /
    完工38个, 受理 / 办结) count different things."""
    for x, y in zip(stage_verbs(a, cfg), stage_verbs(b, cfg)):
        if x and y and not (x & y):
            return True
    return False


def sampled(phrase: str, cfg: dict | None = None) -> bool:
    """The metric phrase counts a sample drawn for checking (抽查…, 随机抽取…)."""
    cfg = cfg or config()
    s = normalize(phrase or "")
    return any(w in s for w in cfg.get("metric", {}).get("sample_words") or ())


def similarity(a: str, b: str) -> float:
    """0.5·Jaccard + 0.5·containment over the characters of two metric keys."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    A, B = set(a), set(b)
    inter = len(A & B)
    if not inter:
        return 0.0
    return 0.5 * inter / len(A | B) + 0.5 * inter / min(len(A), len(B))


def _is_break(text: str, k: int, breaks: set[str]) -> bool:
    ch = text[k]
    if ch not in breaks:
        return False
    # a thousands separator (1,236.48) is no clause break
    return not (ch == "," and 0 < k < len(text) - 3 and text[k - 1].isdigit()
                and text[k + 1: k + 4].isdigit())


def clause_bounds(text: str, i: int, j: int, breaks: set[str] = CLAUSE_BREAK) -> tuple[int, int]:
    """The clause around ``text[i:j]``: from after the last break before ``i`` to the
    first break at or after ``j``. Breaks are found with str.rfind / str.find (a
    character-by-character walk cost a quarter of the detectors' time on long cells)."""
    n = len(text)
    if not 0 <= i <= n or j < 0 or any(len(b) != 1 for b in breaks):
        return _clause_bounds_walk(text, i, j, breaks)
    k = i
    while True:
        p = max((text.rfind(b, 0, k) for b in breaks), default=-1)
        if p < 0 or _is_break(text, p, breaks):
            break
        k = p
    s = p + 1
    e = j
    if j < n:
        k = j
        while True:
            hits = [q for q in (text.find(b, k) for b in breaks) if q >= 0]
            e = min(hits) if hits else n
            if e == n or _is_break(text, e, breaks):
                break
            k = e + 1
    return s, e


def _clause_bounds_walk(text: str, i: int, j: int, breaks: set[str]) -> tuple[int, int]:
    s = i
    while s > 0 and not _is_break(text, s - 1, breaks):
        s -= 1
    e = j
    while e < len(text) and not _is_break(text, e, breaks):
        e += 1
    return s, e


def metric_span(text: str, i: int, j: int, prev_end: int, next_start: int, kind: str, unit: str,
                cfg: dict) -> tuple[int, int]:
    """Local span of the phrase naming what the number at ``text[i:j]`` counts.

    A count whose measure word is followed by a noun counts that noun
    (新建12个养老服务站); otherwise the phrase before the number does (健康讲座42场).
    """
    n = len(text)
    # forward: 12个X
    if kind == "COUNT" and unit:
        k = j
        while k < n and k < next_start and text[k] not in CLAUSE_BREAK and text[k] != "、" and not text[k].isdigit():
            k += 1
        while k > j and text[k - 1] in "和及与、等的 ":
            k -= 1
        fwd = text[j:k]
        if P.match(fwd or " ", P.named("name_start")) and len(normalise_metric(fwd, cfg)) >= 2:
            return j, k
    s = i
    while s > 0 and s > prev_end and text[s - 1] not in CLAUSE_BREAK:
        s -= 1
    if s == prev_end and s > 0:
        # stopped at the previous number: the phrase starts after its list separator
        while s < i and text[s] in "、和及与，, ":
            s += 1
    return s, i


def decimals(text: str) -> int:
    f = first_figure(text or "")
    return f.decimals if f is not None else 0


def by_paragraph(nums: list["Num"], skip: tuple[str, ...] = ()) -> dict[str, list["Num"]]:
    """The figures of each paragraph in reading order (paragraphs of sections in ``skip``
    left out)."""
    out: dict[str, list[Num]] = {}
    for n in nums:
        if n.para.section not in skip:
            out.setdefault(n.para.id, []).append(n)
    for items in out.values():
        items.sort(key=lambda n: n.i)
    return out


def by_statement(nums: list["Num"], skip: tuple[str, ...] = ()) -> list[tuple[Paragraph, int, int, list["Num"]]]:
    """The figures of each statement (text.annotate.statements: a sentence with its
    。其中 / 。合计 continuation) in reading order: (paragraph, start, end, figures)."""
    from nlp_pipeline.text.annotate import statements

    out = []
    for items in by_paragraph(nums, skip).values():
        para = items[0].para
        for s, e in statements(para.text):
            out.append((para, s, e, [n for n in items if s <= n.i < e]))
    return out


def agrees(written: float, want: float, tol: float) -> bool:
    """A written figure is ``want`` rounded within ``tol``, or ``want`` cut off at its last
    written digit (97.8086% written 97.80%: many forms truncate, as ROUNDDOWN does)."""
    return abs(written - want) <= tol or 0 <= want - written < 2 * tol


def half_written(v) -> float:
    """Half a unit of the last digit a budget value is written with, on the scale it was
    read at (an 执行率 written 0.958 and read as 95.8% is good to 0.05 points)."""
    t = "".join(normalize(v.text).replace(",", "").split()).rstrip("%")
    try:
        shown = float(t)
    except ValueError:
        shown = 0.0
    scale = abs(v.value / shown) if shown else 1.0
    return 0.5 * 10 ** -(len(t.split(".", 1)[1]) if "." in t else 0) * scale


def half_ulp(m: Mention) -> float:
    """Half a unit of the last written digit, in the base unit."""
    if m.base_value is None:
        return 0.0
    factor = abs(m.base_value / m.value) if m.value else 1.0
    return 0.5 * 10 ** (-decimals(m.text)) * factor


def with_sign_bound(m: Mention, before: str) -> Mention:
    """A number right after ≥/≤ (or >=, <=) is a bound the extractor may not have read."""
    tail = normalize(before).rstrip()[-2:]
    if (m.qualifier or "exact") == "exact" and m.base_value is not None:
        if tail.endswith(("≥", ">=", ">")):
            return dataclasses.replace(m, qualifier="lower", low=m.base_value, high=None)
        if tail.endswith(("≤", "<=", "<")):
            return dataclasses.replace(m, qualifier="upper", low=None, high=m.base_value)
    return m


def interval(m: Mention, cfg: dict | None = None) -> tuple[float, float] | None:
    """Values the wording of ``m`` allows, in its base unit, widened by the rounding of
    the last written digit."""
    cfg = cfg or config()
    v = m.base_value
    if v is None:
        return None
    tol = cfg.get("tolerance", {})
    q = (m.qualifier or "exact").lower()
    # just under half a unit: 16 and 17 must not touch at 16.5
    h = half_ulp(m) * 0.999
    if q == "exact" and m.kind != "RANGE":
        return v - h, v + h
    if q == "lower":
        lo, hi = v, math.inf
    elif q == "upper":
        lo, hi = -math.inf, v
    elif q == "near":
        lo, hi = v * (1 - float(tol.get("near_rel", 0.05))), v
    elif q in ("more",):
        lo, hi = v, v * (1 + float(tol.get("more_rel", 0.5)))
    else:  # approximate and anything unknown
        r = float(tol.get("approx_rel", 0.05))
        lo, hi = v * (1 - r), v * (1 + r)
    if m.low is not None:
        lo = m.low
    if m.high is not None:
        hi = m.high
    if lo > hi:
        lo, hi = hi, lo
    return lo - h, hi + h


def disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


# --- a number with its context -----------------------------------------------------------


@dataclass
class Num:
    m: Mention
    para: Paragraph
    i: int  # local span of the number in para.text
    j: int
    mi: int  # local span of its metric phrase
    mj: int
    metric: str
    key: str
    role: str  # target actual other
    scopes: set[str] = field(default_factory=set)
    clause: str = ""
    before: str = ""  # clause text before the number
    interval: tuple[float, float] | None = None
    other_year: bool = False
    year: int | None = None  # the one year its clause names, else the year its paragraph opens on

    @property
    def label(self) -> str:
        """The subject a paragraph opens with ("河长制项目：…"), '' when none."""
        span = lead_label(self.para.text)
        return self.para.text[span[0]:span[1]] if span else ""

    @property
    def unitless(self) -> bool:
        return not self.m.unit and self.m.kind not in ("PERCENT", "MONEY")

    def evidence(self, report: Report) -> Evidence:
        return para_evidence(report, self.para, min(self.i, self.mi), max(self.j, self.mj))


def project_subject(p: Paragraph) -> str:
    """The object a key-project paragraph (or a task) opens with ("医保信息平台运维项目。…"),
    '' when it opens with no such phrase."""
    span = opening_subject(p.text)
    return p.text[span[0]:span[1]].strip() if span else ""


def budget_metric(n: "Num", cfg: dict) -> bool:
    """The number is a money or rate figure of budget type (年度预算, 实际支出, 安排资金,
    预算执行率 …)."""
    if n.m.kind not in ("MONEY", "PERCENT"):
        return False
    return _has_any(n.key or n.metric, _words(cfg, "project_scope", "budget_words"))


def project_scoped(n: "Num", cfg: dict) -> bool:
    """A budget-type figure in a key-project paragraph or a task is its project's own, not
    the department's."""
    sections = (cfg.get("project_scope") or {}).get("sections") or ["K", "T"]
    if n.para.section not in sections or not budget_metric(n, cfg):
        return False
    # a figure that names the department itself (部门预算执行率) is the department's
    return not _has_any(n.metric + n.clause, _words(cfg, "project_scope", "department_words"))


def same_project(a: "Num", b: "Num", cfg: dict) -> bool:
    """Two budget-type figures may be compared when they name the same project: both in
    paragraphs opening with alike subjects, or the other paragraph names the project."""
    thr = float(cfg.get("similarity", {}).get("threshold", 0.6))
    sa = project_subject(a.para) if project_scoped(a, cfg) else ""
    sb = project_subject(b.para) if project_scoped(b, cfg) else ""
    if project_scoped(a, cfg) and project_scoped(b, cfg):
        return bool(sa and sb) and similarity(normalise_metric(sa, cfg), normalise_metric(sb, cfg)) >= thr
    subj, other = (sa, b) if project_scoped(a, cfg) else (sb, a)
    if not subj:
        return False
    subj = P.strip(subj, P.named("project_word_end"))
    return len(subj) >= 2 and subj in other.para.text


def _drop(text: str, words: list[str]) -> str:
    for w in words:
        if w:
            text = text.replace(w, "")
    return text


def _has_any(text: str, words: list[str]) -> bool:
    return any(w and w in text for w in words)




def _row_id(pid: str) -> bool:
    """The id of a paragraph of a task table's row (T3.r2), which holds a result."""
    _, dot, tail = pid.rpartition(".")
    return bool(dot) and tail[:1] == "r" and tail[1:].isdecimal()


def base_role(p: Paragraph) -> str:
    if p.section == "T":
        if p.id.endswith(".outcome") or _row_id(p.id):
            return "actual"
        return "target"
    if p.section == "G":
        return "target"
    if p.section in ("O", "K", "P"):
        return "actual"
    return "other"


_LAST: list = []  # (report, mentions, result): the detectors of one run share it


def enrich(report: Report, mentions: list[Mention], cfg: dict | None = None,
           index: ParagraphIndex | None = None) -> list[Num]:
    """Every mention that lies in a paragraph, with its metric, role, scope and interval.

    The eight numeric detectors call this on the same report in turn; the last result
    is kept (by identity of the report and the mention list) so it is computed once."""
    from nlp_pipeline.detect import registry

    stamp = (len(mentions), registry.OVERRIDE_EPOCH)  # other rule settings, other figures
    if _LAST and _LAST[0] is report and _LAST[1] is mentions and _LAST[2] == stamp:
        return list(_LAST[3])
    out = _enrich(report, mentions, cfg, index)
    _LAST[:] = [report, mentions, stamp, out]
    return list(out)


def _enrich(report: Report, mentions: list[Mention], cfg: dict | None = None,
            index: ParagraphIndex | None = None) -> list[Num]:
    cfg = cfg or config()
    index = index or ParagraphIndex(report)
    by_para: dict[str, list[tuple[Mention, Paragraph, int, int]]] = {}
    for m in mentions:
        p = index.of_mention(m)
        if p is None:
            continue
        i, j = to_local(p, m.start), to_local(p, m.end)
        if i is None or j is None or j <= i:
            continue
        if m.kind not in ("DATE", "YEAR", "EXPR") and bare_figure(m.text) is not None:
            # a bare number carries no unit of its own; whatever unit an extractor gave it
            # from a header is a guess, so it is compared as a plain count
            m = dataclasses.replace(m, kind="COUNT", unit="", base_unit="", base_value=m.value,
                                    low=None, high=None)
        by_para.setdefault(p.id, []).append((m, p, i, j))
    goal_cues = _words(cfg, "goal_cues")
    rate_names = sorted(_words(cfg, "rate", "completion_words"), key=len, reverse=True)
    scope_words = {k: _words(cfg, "scope", k) for k in (cfg.get("scope") or {})}
    this_year = _words(cfg, "within_year_cumulative")
    out: list[Num] = []
    for pid, items in by_para.items():
        # a budget figure written in a sentence is a mention twice (the budget's and the
        # sentence's): the sentence's own, with its unit and its words, is the one read
        own = [(i, j) for m, _, i, j in items if m.paragraph is not None]
        items = [t for t in items if t[0].paragraph is not None
                 or not any(t[2] < b and a < t[3] for a, b in own)]
        items.sort(key=lambda t: t[2])
        for k, (m, p, i, j) in enumerate(items):
            text = p.text
            prev_end = items[k - 1][3] if k > 0 else 0
            next_start = items[k + 1][2] if k + 1 < len(items) else len(text)
            mi, mj = metric_span(text, i, j, prev_end, next_start, m.kind, m.unit or "", cfg)
            phrase = text[mi:mj]
            if not normalise_metric(phrase, cfg) and m.metric:
                phrase = m.metric
            name_para = index.indicator_name.get(pid)
            if name_para is not None:
                # a table result cell counts what its indicator's name says (the name may
                # carry the target: 养老服务站12个)
                name = without_figures(name_para.text, NAME_FIGURE_UNITS)
                own = normalise_metric(phrase, cfg)
                phrase = name if (not own or own in normalise_metric(name, cfg)) else name + phrase
            key = normalise_metric(phrase, cfg)
            if out and out[-1].para is p:
                m, phrase, key = _after_listed(out[-1], m, phrase, key, text[prev_end:i].strip())
            cs, ce = clause_bounds(text, i, j)
            clause = text[cs:ce]
            before = text[cs:i]
            m = with_sign_bound(m, before)
            role = base_role(p)
            # the mention's own words count too: 不少于146人 carries its bound inside it
            lead = m.text[:next((k for k, c in enumerate(m.text) if c.isdigit()), 0)]
            if role == "actual" and _has_any(_drop(before, rate_names) + lead, goal_cues):
                role = "target"  # (计划完成率104.6% names a result: its 计划 is no goal cue)
            # a result cell's scope is its indicator's too (新增…数量 | 362个)
            scope_text = clause + (name_para.text if name_para is not None else "")
            scopes = {name for name, ws in scope_words.items() if _has_any(scope_text, ws)}
            if "cumulative" in scopes and _has_any(scope_text, this_year) \
                    and not _has_any(_drop(scope_text, this_year), scope_words["cumulative"]):
                scopes.discard("cumulative")  # 全年累计进场168,630吨: this year's total, no stock
            if P.has(clause, P.named("from_to")):
                scopes.add("change")  # 由88.2%提高到92.5%: a before and an after
            if "占" in before:
                scopes.add("share")  # 占总面积的16%: what it is a share of lies elsewhere
            if P.match(text, P.named("base_in"), j):
                scopes.add("base")  # 78家规模养殖场中已有71家: the base of a subset
            written_years = {y.year for y in years(clause) if y.suffix == "年"}
            other_year = bool(report.year and written_years and report.year not in written_years)
            head_years = {y.year for y in years(_head(report, p)) if y.suffix == "年" and y.role == "year"}
            year = next(iter(written_years)) if len(written_years) == 1 else (
                next(iter(head_years)) if len(head_years) == 1 and not written_years else None)
            out.append(
                Num(m=m, para=p, i=i, j=j, mi=mi, mj=mj, metric=phrase, key=key, role=role,
                    scopes=scopes, clause=clause, before=before, interval=interval(m, cfg),
                    other_year=other_year, year=year)
            )
    out.sort(key=lambda n: n.m.start)
    return out


def _after_listed(prev: Num, m: Mention, phrase: str, key: str, gap: str) -> tuple[Mention, str, str]:
    """A figure read with the one before it in its paragraph (``gap``: the text between)."""
    if gap.startswith("、") and not any(c in gap for c in "，,；;。") \
            and (m.qualifier or "exact") == "exact" and prev.m.qualifier in ("lower", "upper"):
        # 不少于60期、1,800人次 (or 、参与读者3,000人次): one bound over the list
        m = dataclasses.replace(m, qualifier=prev.m.qualifier)
    if not key and gap == "、":
        # a figure listed after another with no name counts the same work
        return m, prev.metric, prev.key
    if len(key) >= 2 and key != prev.key and prev.key.endswith(key) and not any(c in gap for c in "。；;"):
        # 公益培训64期，培训1,742人次: the work named again by its last word
        return m, prev.metric, prev.key
    return m, phrase, key


HEAD_YEAR = 14  # characters of a paragraph's opening whose year (2.2021年度绩效目标。) dates what follows


def _head(report: Report, p: Paragraph) -> str:
    """A paragraph's opening with the heading its line gives it (2.2021年度绩效目标。新建…)."""
    line_start = report.text.rfind("\n", 0, p.start) + 1
    lead = report.text[line_start:p.start] if p.start - line_start <= HEAD_YEAR else ""
    return lead + p.text[:HEAD_YEAR]


def fmt(x: float) -> str:
    """A number for a message: no trailing zeros, thousands kept readable."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return str(x)
    if abs(x - round(x)) < 1e-9:
        return f"{int(round(x))}"
    return f"{x:.4f}".rstrip("0").rstrip(".")


def fmt_money(yuan: float) -> str:
    if abs(yuan) >= 1e8:
        return f"{fmt(round(yuan / 1e8, 2))}亿元"
    if abs(yuan) >= 1e4:
        return f"{fmt(round(yuan / 1e4, 2))}万元"
    return f"{fmt(round(yuan, 2))}元"


def fmt_area(m2: float) -> str:
    if abs(m2) >= 1e6:
        return f"{fmt(round(m2 / 1e6, 2))}平方公里"
    if abs(m2) >= 1e4:
        return f"{fmt(round(m2 / 1e4, 2))}公顷"
    return f"{fmt(round(m2, 2))}平方米"


# --- indicators: a target and a result ---------------------------------------------------


@dataclass
class IndicatorCheck:
    """One indicator's target against its result, read from a task table or a sentence
    such as "……：年度指标值不少于50场，实际完成值42场，已完成。"."""

    name: str
    target: Num
    actual: Num
    direction: int  # +1 larger is better, -1 smaller is better
    claim: bool  # completion is claimed
    reason: bool  # a cause for a deviation is given
    evidence: list[Evidence]
    explicit: bool = True  # the target is labelled as one (目标值), not read off a name
    form: bool = True  # read from a form's target/result columns or 目标值/实际完成值 fields,
    # not from narrative (计划15次，实际18次): only a form asks for 偏差原因 of an overshoot
    target_claim: bool = False  # the claim is that the target was reached (达到预期目标), not the task
    # the form asks for a cause here: False for a table with no 偏差原因 column, where only
    # a large gap needs one (in the narrative)
    asks_reason: bool = True

    @property
    def worse(self) -> bool:
        t, a = self.target.interval, self.actual.interval
        if t is None or a is None:
            return False
        return a[1] < t[0] if self.direction > 0 else a[0] > t[1]

    def off_by(self, rel: float) -> bool:
        """The result is more than ``rel`` (relative) away from the target's nearest bound."""
        t, a = self.target.interval, self.actual.interval
        if t is None or a is None:
            return False
        bound = t[0] if a[1] < t[0] else t[1] if a[0] > t[1] else None
        if bound is None or not bound:
            return False
        gap = (bound - a[1]) if a[1] < t[0] else (a[0] - bound)
        return gap / abs(bound) > rel

    def deviation(self, rel: float) -> bool:
        """Worse than target, or off an exact target by more than ``rel``."""
        if self.worse:
            return True
        if not self.explicit or not self.form or (self.target.m.qualifier or "exact") != "exact":
            return False  # overshooting a figure in a name or in narrative is no deviation
        named = "".join(normalize(self.name or "").split())
        floor = self.target.before.rstrip().endswith(FLOOR_VERBS) or any(
            v + "".join(normalize(self.target.m.text).split()) in named for v in FLOOR_VERBS)
        if floor and self.actual.m.base_value is not None and self.target.m.base_value is not None \
                and self.actual.m.base_value >= self.target.m.base_value:
            return False  # 收入达到5亿元 met with 6.47亿元: a target to reach is a floor
        floor_shares = (config().get("indicator", {}) or {}).get("floor_share_words") or []
        if self.target.m.kind == "PERCENT" and self.direction > 0 and any(w in named for w in floor_shares) \
                and (self.actual.m.base_value or 0) >= (self.target.m.base_value or 0):
            return False  # 满意度 90% answered 100%: a share of the satisfied is a floor by nature
        t, a = self.target.m.base_value, self.actual.m.base_value
        if not t or a is None:
            return False
        if _maybe_disjoint(self.target.interval, self.actual.interval) is False:
            return False
        return abs(a - t) / abs(t) > rel


FLOOR_VERBS = ("达到", "突破")  # a target written as a level to reach is a floor, not an exact figure


def shown(n: Num) -> str:
    """A number as written, with the bound its qualifier gives when the text hides it."""
    t = n.m.text.strip()
    q = (n.m.qualifier or "exact").lower()
    if P.has(t, P.named("bound_word")):
        return t
    return {"lower": "≥", "upper": "≤"}.get(q, "") + t


def _maybe_disjoint(a, b) -> bool:
    return a is not None and b is not None and disjoint(a, b)


def _direction(name: str, target: Num, cfg: dict) -> int:
    ic = cfg.get("indicator", {})
    q = (target.m.qualifier or "exact").lower()
    if q == "lower":
        return 1
    if q == "upper":
        return -1
    ctx = target.before + name
    if any(w in ctx for w in ic.get("upper_bound_words") or []):
        return -1
    if any(w in ctx for w in ic.get("lower_bound_words") or []):
        return 1
    if _measures_fall(name, target, cfg):
        return 1  # 死亡人数同比降幅 13.6% against 下降10%: a bigger fall is better
    if any(w in name for w in ic.get("controlled_count_words") or []):
        return 1
    return -1 if any(w in name for w in ic.get("negative_words") or []) else 1


def _measures_fall(name: str, target: Num, cfg: dict) -> bool:
    """The indicator is the size of a fall (降幅, 下降率, 减少幅度), or its percent target is
    written as the fall itself (同比下降10%, not 下降到10%)."""
    ic = cfg.get("indicator", {})
    dec = _words(cfg, "indicator", "decrease_words")
    suf = _words(cfg, "indicator", "fall_size_suffixes")
    if not dec or not suf:
        return False
    d, f = P.alternation(dec), P.alternation(suf)
    if P.has(normalize(name or ""), P.named("fall_size", dec=d, suf=f)):
        return True
    if target.m.kind == "PERCENT":
        tail = normalize(target.before or "").rstrip()
        tail = P.strip(tail, P.named("percent_lead_verbs"))
        return P.has(tail, P.named("fall_at_end", dec=d)) and not any(
            w in (name or "") for w in ic.get("level_rate_words") or [])
    return False


def _form_field(target_cue: str, actual_cue: str, cfg: dict) -> bool:
    """A target and a result written as the form's fields (年度指标值 / 实际完成值), not as
    narrative (计划…，实际…)."""
    words = _words(cfg, "indicator", "form_field_cues")
    return target_cue in words or actual_cue in words


def _claimed(text: str, cfg: dict) -> bool:
    """Completion is claimed: a phrase of the lexicon's ``done`` concept and none of its
    ``not_done`` one (lexicons/cues.yaml, read on the canonical text)."""
    cues = default_cues()
    return cues.has(text, "done") and not cues.has(text, "not_done")


def _claim_only(cell: str, cfg: dict) -> bool:
    """A cell that says nothing but that the work is done (已全部完成。): what is left
    once its completion phrases are taken out is at most ``claim_cell_rest`` characters."""
    if not _claimed(cell, cfg) or _reasoned(cell, cfg):
        return False
    spans = default_cues().find(cell, "done")
    rest = "".join(ch for k, ch in enumerate(cell) if not any(a <= k < b for a, b in spans))
    for w in cfg.get("indicator", {}).get("claim_cell_scope_words") or ():
        rest = rest.replace(w, "")
    left = "".join(ch for ch in rest if ch.isalnum())
    return len(left) <= int(cfg.get("indicator", {}).get("claim_cell_rest", 2))


def _measure_only(cell: str, ic: dict) -> bool:
    """A reason cell that only says what will be done next (下一步将加大…力度): no cause."""
    lead = cell.lstrip(" 　0123456789.、（）()：:")
    return lead.startswith(tuple(ic.get("measure_only_openers") or ())) \
        and not any(w in cell for w in ic.get("reason_words") or ())


def _reasoned(text: str, cfg: dict) -> bool:
    ic = cfg.get("indicator", {})
    empty = ic.get("empty_reason_pattern")
    if empty:
        text = P.strip(text, empty)
    return any(w in text for w in ic.get("reason_words") or [])


def _same_measure(a: Num, b: Num) -> bool:
    if a.unitless or b.unitless:
        return a.m.kind != "PERCENT" and b.m.kind != "PERCENT"
    return a.m.kind == b.m.kind and (a.m.base_unit or "") == (b.m.base_unit or "")


_CHECKS: list = []  # (report, mention list, count, checks) of the last call: four rules ask in turn


def indicator_checks(report: Report, nums: list[Num], cfg: dict | None = None) -> list[IndicatorCheck]:
    """Every indicator's target against its result (see IndicatorCheck), computed once per
    report: the rules that read them get the same objects and must not change them."""
    from nlp_pipeline.detect import registry

    key = (id(report), len(nums), id(nums[0].m) if nums else None, id(cfg), registry.OVERRIDE_EPOCH)
    if _CHECKS and _CHECKS[0] == key and _CHECKS[1] is report:
        return list(_CHECKS[2])
    out = _indicator_checks(report, nums, cfg)
    _CHECKS[:] = [key, report, out]
    return list(out)


def _indicator_checks(report: Report, nums: list[Num], cfg: dict | None = None) -> list[IndicatorCheck]:
    cfg = cfg or config()
    by_para: dict[str, list[Num]] = {}
    for n in nums:
        by_para.setdefault(n.para.id, []).append(n)
    out = _sentence_checks(report, by_para, cfg)
    # task tables whose form has a target column
    for task in report.tasks:
        outcome = task.outcome.text if task.outcome else ""
        out += _name_target_checks(report, task, by_para, outcome, cfg)
        out += _goal_target_checks(report, task, by_para, outcome, cfg)
        out += _target_column_checks(report, task, by_para, outcome, cfg)
    seen = {c.actual.m.start for c in out}
    if any(t.id.startswith("TBL") for t in report.tasks):
        return out  # the reader rebuilt the tables: its columns beat re-reading the lines
    out += [c for c in table_indicator_checks(report, cfg) if c.actual.m.start not in seen]
    return out


# the kinds of figure an indicator's target and result are compared in
_MEASURED = ("COUNT", "QUANTITY", "AREA", "MONEY", "PERCENT")


def _sentence_checks(report: Report, by_para: dict[str, list[Num]], cfg: dict) -> list[IndicatorCheck]:
    """Targets and results written in sentences (年度目标值…，实际完成…). Sorts each
    paragraph's figures in ``by_para`` by position (the later checks rely on it)."""
    tcues = _words(cfg, "indicator", "target_cues")
    acues = _words(cfg, "indicator", "actual_cues")
    cue_re = P.alternation(tcues) if tcues else None
    act_re = P.alternation(acues) if acues else None
    out: list[IndicatorCheck] = []
    if cue_re is None or act_re is None:
        return out
    for items in by_para.values():
        items.sort(key=lambda n: n.i)
        p = items[0].para
        if p.section in ("Q", "I"):
            continue
        for mt in P.finditer(p.text, cue_re):
            chk = _sentence_check(report, p, items, mt, cue_re, act_re, cfg)
            if chk is not None:
                out.append(chk)
        seen = {c.actual.m.start for c in out}
        out += [c for c in _bracket_checks(report, p, items, cue_re, cfg) if c.actual.m.start not in seen]
    return out


def _target_claim(tail: str) -> bool:
    """The claim after a result is that its target was reached (达到预期目标), not that the
    whole work or project met expectations (项目绩效完全符合预期: an overall claim)."""
    cues = default_cues()
    return cues.has(tail, "target_reached") and not cues.has(tail, "overall_done")


def _cue_name(text: str) -> str:
    """The indicator a sentence names before its target cue (1.森林覆盖率：年度目标值…):
    without its item number and the punctuation before the cue."""
    name = text[lead_item(text):]
    end = len(name)
    while end > 0 and (name[end - 1] in "：:，," or name[end - 1].isspace()):
        end -= 1
    return name[:end].strip()


BRACKET_TARGET_WINDOW = 3  # characters between a result and the bracket holding its target


def _bracket_checks(report: Report, p: Paragraph, items: list[Num], cue_re: str,
                    cfg: dict) -> list[IndicatorCheck]:
    """A result with its target in brackets right after it (综合机械化率达到70.6%（年度目标72%）)."""
    text, out = p.text, []
    for a in items:
        rest = text[a.j:a.j + BRACKET_TARGET_WINDOW + 1]
        k = next((i for i, ch in enumerate(rest) if ch in "（("), None)
        if k is None:
            continue
        close = next((j for j in range(a.j + k + 1, min(len(text), a.j + k + 30)) if text[j] in "）)"), None)
        if close is None:
            continue
        mt = P.search(text, cue_re, a.j + k + 1, close)
        t = next((n for n in items if mt is not None and mt.end() <= n.i < close), None)
        if t is None or not _same_measure(t, a) or t.m.kind in ("DATE", "YEAR"):
            continue
        s_start, _ = clause_bounds(text, a.i, a.i, SENTENCE_BREAK)
        tail = text[close + 1:]
        tail = tail[: (tail.find("。") + 1) or len(tail)]
        name = _cue_name(text[s_start:a.i])
        out.append(IndicatorCheck(
            name=name or a.key, target=t, actual=a, direction=_direction(name, t, cfg),
            claim=_claimed(tail, cfg), reason=_reasoned(tail, cfg),
            evidence=[para_evidence(report, p, s_start, close + 1 + len(tail))],
            form=False, target_claim=_target_claim(tail),
        ))
    return out


def _funds_executed(text: str, mt: P.Match, t: Num, am: P.Match, a: Num) -> bool:
    """计划投资268万元，实际支出262.4万元: a planned amount and the money spent of it are
    the budget's execution (the budget rules read it), no indicator's target and result:
    spending less than planned is no target missed."""
    if t.m.kind != "MONEY" or a.m.kind != "MONEY":
        return False
    cues = default_cues()
    return bool(cues.find(text[mt.start():t.i], "budget_metric")) and bool(cues.find(text[am.start():a.i], "spent_metric"))


def _cue_pair(p: Paragraph, items: list[Num], mt: P.Match, act_re: str,
              cfg: dict) -> tuple[Num, Num, P.Match, int] | None:
    """(target, result, result cue, sentence start) for the target cue ``mt`` in ``p``: the
    figure right after the cue and the figure right after the result cue that follows it in
    the sentence, whatever their units."""
    text = p.text
    c = mt.end()
    t = next((n for n in items if c <= n.i <= c + 8), None)
    if t is None or t.m.kind in ("DATE", "YEAR"):
        return None
    s_start, s_end = clause_bounds(text, mt.start(), mt.start(), SENTENCE_BREAK)
    # a form's fields are often set apart by semicolons (年度目标值：…；实际完成值：…；
    # 偏差原因：…): the result may stand in the next part of the same sentence
    _, full_end = clause_bounds(text, mt.start(), mt.start(), SENTENCE_BREAK - {"；", ";"})
    am = P.search(text, act_re, t.j, s_end)
    if am is None and _form_field(mt.group(0), "", cfg):
        am = P.search(text, act_re, t.j, full_end)
    if am is None:
        return None
    a = next((n for n in items if am.end() <= n.i <= am.end() + 8), None)
    return (t, a, am, s_start) if a is not None else None


def cue_pairs(report: Report, nums: list[Num], cfg: dict) -> list[tuple[Num, Num]]:
    """Every target and result a sentence names with its field cues (年度指标值为不少于300亩，
    实际完成300吨), whatever their units: the pairs a unit check reads."""
    tcues = _words(cfg, "indicator", "target_cues")
    acues = _words(cfg, "indicator", "actual_cues")
    if not tcues or not acues:
        return []
    cue_re, act_re = P.alternation(tcues), P.alternation(acues)
    out = []
    for items in by_paragraph(nums, skip=("Q", "I")).values():
        items = sorted(items, key=lambda n: n.i)
        for mt in P.finditer(items[0].para.text, cue_re):
            got = _cue_pair(items[0].para, items, mt, act_re, cfg)
            if got is not None:
                out.append(got[:2])
    return out


def _sentence_check(report: Report, p: Paragraph, items: list[Num], mt: P.Match,
                    cue_re: str, act_re: str, cfg: dict) -> IndicatorCheck | None:
    """The check for the target cue ``mt`` in paragraph ``p``, if a result follows it."""
    text = p.text
    c = mt.end()
    got = _cue_pair(p, items, mt, act_re, cfg)
    if got is None:
        return None
    t, a, am, s_start = got
    if not _same_measure(t, a) or _funds_executed(text, mt, t, am, a):
        return None
    name = _cue_name(text[s_start:mt.start()])
    if not name:  # 年度目标值：完成安防工程200公里 names the indicator after the cue
        name = text[c:t.i].strip("：:，, ")
    # the result's tail runs to the next target field (a cue with its figure), not to a cue
    # word inside a claim (已达到预期目标)
    nxt = next((m for m in P.finditer(text, cue_re, a.j)
                if any(m.end() <= n.i <= m.end() + 8 for n in items)), None)
    tail = text[a.j: nxt.start() if nxt else len(text)]
    return IndicatorCheck(
        name=name or t.key, target=t, actual=a,
        direction=_direction(name, t, cfg),
        claim=_claimed(tail, cfg),
        reason=_reasoned(tail, cfg),
        evidence=[para_evidence(report, p, s_start, min(len(text), a.j + len(tail.split("。")[0])))],
        form=_form_field(mt.group(0), am.group(0), cfg),
        target_claim=_target_claim(tail.split("。")[0]),
    )


def _name_target_checks(report: Report, task, by_para: dict[str, list[Num]], outcome: str,
                        cfg: dict) -> list[IndicatorCheck]:
    out: list[IndicatorCheck] = []
    for ind in task.indicators:
        if ind.target or ind.name_paragraph is None or ind.result_paragraph is None:
            continue
        # a target written into the indicator's name ("举办讲座不少于50场" | "42场")
        tn = next((n for n in by_para.get(ind.name_paragraph.id, []) if n.m.kind in _MEASURED), None)
        if tn is None:
            continue
        an = next((n for n in by_para.get(ind.result_paragraph.id, []) if _same_measure(tn, n)), None)
        if an is None or tn.interval is None or an.interval is None:
            continue
        res = ind.result_paragraph.text + outcome
        out.append(IndicatorCheck(
            name=ind.name_paragraph.text, target=tn, actual=an,
            direction=_direction(ind.name_paragraph.text, tn, cfg),
            claim=_claimed(res, cfg), reason=_reasoned(res, cfg),
            evidence=[para_evidence(report, pp, 0, len(pp.text))
                      for pp in (ind.name_paragraph, ind.result_paragraph)],
            explicit=False,
        ))
    return out


def _goal_target_checks(report: Report, task, by_para: dict[str, list[Num]], outcome: str,
                        cfg: dict) -> list[IndicatorCheck]:
    """A target in the task's 预期目标 naming the same thing as an indicator
    ("举办健康讲座不少于50场" | 举办健康讲座 | 42场); only a shortfall counts here."""
    thr = float(cfg.get("similarity", {}).get("threshold", 0.6))
    tnums = [n for n in by_para.get(task.target.id, []) if n.m.kind in _MEASURED] if task.target else []
    part_cues = _words(cfg, "scope", "part")
    best: dict[int, tuple[tuple[float, bool], IndicatorCheck]] = {}
    for ind in task.indicators:
        if not tnums or ind.name_paragraph is None or ind.result_paragraph is None:
            continue
        if any(n.m.kind in _MEASURED for n in by_para.get(ind.name_paragraph.id, [])):
            continue  # the name carries its own target (handled above)
        if any(normalize(ind.name_paragraph.text).lstrip().startswith(w) for w in part_cues):
            continue  # 其中：日间照料人数 counts a part of the target, not the target
        name_key = normalise_metric(ind.name_paragraph.text, cfg)
        an = next((n for n in by_para.get(ind.result_paragraph.id, []) if n.m.kind in _MEASURED), None)
        if an is None or an.interval is None:
            continue
        cands = [(similarity(name_key, t.key), t) for t in tnums if _same_measure(t, an) and t.interval]
        cands = [c for c in cands if c[0] >= thr]
        if not cands:
            continue
        sim, tn = max(cands, key=lambda c: c[0])
        res = ind.result_paragraph.text + outcome
        chk = IndicatorCheck(
            name=ind.name_paragraph.text, target=tn, actual=an,
            direction=_direction(ind.name_paragraph.text, tn, cfg),
            claim=_claimed(res, cfg), reason=_reasoned(res, cfg),
            evidence=[para_evidence(report, task.target, min(tn.mi, tn.i), max(tn.j, tn.mj))]
            + [para_evidence(report, pp, 0, len(pp.text)) for pp in (ind.name_paragraph, ind.result_paragraph)],
            explicit=False,
        )
        # one target figure is reported by one indicator: the likeliest one, and among
        # equally likely ones one that meets it (托养服务人数 312 rather than one of its
        # parts, 日间照料人数 128, against 日间照料和居家托养服务300人)
        rank = (round(sim, 6), not chk.worse)
        if id(tn) not in best or rank > best[id(tn)][0]:
            best[id(tn)] = (rank, chk)
    return [chk for _, chk in best.values()]


def _target_column_checks(report: Report, task, by_para: dict[str, list[Num]], outcome: str,
                          cfg: dict) -> list[IndicatorCheck]:
    """Indicators whose form has a target column."""
    from nlp_pipeline.text import extract_numbers

    out: list[IndicatorCheck] = []
    for ind in task.indicators:
        if not ind.target or ind.result_paragraph is None:
            continue
        actual = next((n for n in by_para.get(ind.result_paragraph.id, [])), None)
        # a bare target is a count, not an amount in the report's money unit (≥900樘): it
        # takes the money unit only where its result is an amount
        money = actual is not None and actual.m.kind == "MONEY" and not ind.weight_text
        tm = extract_numbers(ind.target, currency_unit=report.currency_unit if money else None)
        if actual is None or not tm:
            continue
        tmen = with_sign_bound(tm[0], ind.target[: tm[0].start])
        tnum = Num(m=tmen, para=ind.result_paragraph, i=0, j=0, mi=0, mj=0, metric="",
                   key="", role="target", before=ind.target, interval=interval(tmen, cfg))
        if not _same_measure(tnum, actual) or tnum.m.kind in ("DATE", "YEAR"):
            continue  # a deadline met early is no deviation; dates are not compared here
        chk = _target_column_check(report, ind, tnum, actual, outcome, cfg)
        # a table whose rows all lack a 偏差原因 cell has no such column
        chk.asks_reason = any(i.reason is not None for i in task.indicators)
        out.append(chk)
    return out


def _miss_only(cell: str) -> bool:
    """A 偏差原因 cell that only says the target was missed (未达到指标值, 未完成年度目标):
    it gives no cause."""
    cues = default_cues()
    rest = cell
    for a, b in sorted(cues.find(cell, "not_done"), reverse=True):
        rest = rest[:a] + rest[b:]
    if rest == cell:
        return False
    for w in ("年度指标值", "指标值", "目标值", "年度目标", "目标", "预期", "计划", "要求", "任务"):
        rest = rest.replace(w, "")
    return len([ch for ch in rest if ch.isalnum()]) <= 1


def _empty_reference(report: Report, said: str, name: str) -> bool:
    """A reason cell that points to the problems part (详见存在的问题部分) where no problem
    names the indicator's work (生态护林员聘用人数 against problems of 造林 and 扑火): the
    cause it points to is not there."""
    if not said.lstrip("详").startswith("见") or "问题" not in said:
        return False
    words = {name[k:k + 2] for k in range(len(name) - 1)} - {"人数", "数量", "比例", "情况", "完成", "指标"}
    problems = report.paragraphs("Q")
    return bool(problems) and not any(w in q.text for q in problems for w in words)


def _kind_only(said: str, ic: dict) -> bool:
    """A reason cell that names only the kind of its cause (客观原因, 受客观因素影响)."""
    def bare(s: str) -> str:
        s = s.strip(" 。.，,")
        for w in sorted(ic.get("non_reason_frames_before") or (), key=len, reverse=True):
            if s.startswith(w) and len(s) > len(w):
                s = s[len(w):]
                break
        for w in sorted(ic.get("non_reason_frames_after") or (), key=len, reverse=True):
            if s.endswith(w) and len(s) > len(w):
                s = s[:-len(w)]
                break
        return s
    core = bare(said)
    if core in {bare(w) for w in ic.get("non_reasons") or ()}:
        return True
    return _vague_cause(core, ic)


def _vague_cause(core: str, ic: dict) -> bool:
    """A cause that is a vague qualifier and 原因/因素 only (多种因素, 各方面的原因, 一些客观因素):
    what is left once the qualifiers are taken out is nothing."""
    head = next((h for h in ic.get("vague_cause_heads") or () if core.endswith(h)), None)
    if head is None:
        return False
    rest = core[: -len(head)].replace("的", "")
    quals = sorted(ic.get("vague_cause_qualifiers") or (), key=len, reverse=True)
    for _ in range(3):  # at most three qualifiers stacked (其他一些客观)
        q = next((q for q in quals if rest.startswith(q)), None)
        if q is None:
            break
        rest = rest[len(q):]
    return rest == ""


def _row_text(report: Report, ind) -> str:
    """The text of an indicator's row: its line, or where a flattened form put several rows
    on one line, from its name to the next row's name."""
    ls = report.text.rfind("\n", 0, ind.result_paragraph.start) + 1
    le = report.text.find("\n", ind.result_paragraph.end)
    le = le if le >= 0 else len(report.text)
    starts = sorted(i.name_paragraph.start for t in report.tasks for i in t.indicators
                    if i.name_paragraph is not None and ls <= i.name_paragraph.start < le)
    if len(starts) > 1:
        own = ind.name_paragraph.start if ind.name_paragraph is not None else ind.result_paragraph.start
        ls = max([s for s in starts if s <= own] or [ls])
        le = min([s for s in starts if s > own] or [le])
    return report.text[ls:le]


def _target_column_check(report: Report, ind, tnum: Num, actual: Num, outcome: str,
                         cfg: dict) -> IndicatorCheck:
    name = ind.name_paragraph.text if ind.name_paragraph else ""
    # the form's row (a 偏差原因 column lies beside the result)
    row = _row_text(report, ind)
    # a 偏差原因 cell that only says the work is done (已全部完成) gives no cause: it
    # is the row's claim of completion
    claim_cell = bool(ind.reason) and _claim_only(ind.reason, cfg)
    if ind.reason and not claim_cell:
        row = row.replace(ind.reason, "")  # the cause given is no claim of completion
    ev = [para_evidence(report, pp, 0, len(pp.text))
          for pp in (ind.name_paragraph, ind.result_paragraph) if pp is not None]
    # a 偏差原因 cell the reader gave the row: any text there but a placeholder is
    # the author's cause, whatever its words
    cell = ind.reason or ""
    filled = any(not ch.isspace() and ch not in "。.；;" for ch in cell) and not is_placeholder(cell)
    ic = cfg.get("indicator", {})
    said = cell.strip(" 。.")
    filled = filled and not claim_cell and not _miss_only(cell) and said not in (ic.get("reference_only") or ()) \
        and not _empty_reference(report, said, name) \
        and not _kind_only(said, ic) \
        and not _measure_only(said, ic)
    # a 完成情况 / 是否完成 cell of the row that says 完成 (the row's status column)
    cells = set(row.replace("|", " ").split())
    status = bool(cells & set(ic.get("status_cells") or ())) and ind.result not in (ic.get("status_cells") or ())
    # the indicator's own name says nothing of its result (补贴标准达标, 宣传影响力)
    said_of_it = (row.replace(name, " ", 1) if name else row) + outcome
    return IndicatorCheck(
        name=name, target=tnum, actual=actual, direction=_direction(name, tnum, cfg),
        # (a result cell of its own saying 94.2%（已达标） claims, whatever a 评分标准 cell of
        # the row says of misses: 未达目标按比例扣分 is the rule, not the result)
        claim=claim_cell or status or _claimed(ind.result or "", cfg) or _claimed(said_of_it, cfg),
        reason=filled or _reasoned(said_of_it, cfg),
        evidence=ev,
    )


# --- tables written as lines of cells ----------------------------------------------------


@dataclass
class Cell:
    text: str
    start: int  # offsets into Report.text
    end: int


def _cells(line: str, offset: int) -> list[Cell]:
    out, pos = [], 0
    for m in P.finditer(line, P.named("cell_separator")) + [None]:
        end = m.start() if m else len(line)
        raw = line[pos:end]
        lead = len(raw) - len(raw.lstrip())
        txt = raw.strip()
        if txt:
            out.append(Cell(txt, offset + pos + lead, offset + pos + lead + len(txt)))
        pos = m.end() if m else len(line)
    return out


def line_tables(report: Report, cfg: dict | None = None) -> list[list[dict[str, Cell]]]:
    """Tables whose header names a target and a result column, or a weight and a score
    column: each row as {role: Cell}. Roles: name target actual weight score reason."""
    cfg = cfg or config()
    cols = (cfg.get("table") or {}).get("columns") or {}
    tables: list[list[dict[str, Cell]]] = []
    lines, off = [], 0
    for line in report.text.split("\n"):
        lines.append((line, off))
        off += len(line) + 1
    k = 0
    while k < len(lines):
        line, o = lines[k]
        k += 1
        if not P.has(line, P.named("cell_separator")):
            continue
        header = _cells(line, o)
        roles: dict[int, str] = {}
        for role, words in cols.items():  # a role takes the cell of its most specific word
            for w in words:
                ci = next((ci for ci, c in enumerate(header)
                           if ci not in roles and len(c.text) <= 12 and w in c.text), None)
                if ci is not None:
                    roles[ci] = role
                    break
        have = set(roles.values())
        if not ({"target", "actual"} <= have or {"weight", "score"} <= have):
            continue
        rows = []
        while k < len(lines) and P.has(lines[k][0], P.named("cell_separator")):
            cells = _cells(*lines[k])
            k += 1
            if len(cells) != len(header):
                continue  # merged cells: the columns cannot be trusted
            row = {roles[ci]: c for ci, c in enumerate(cells) if ci in roles}
            row["row"] = Cell(lines[k - 1][0], lines[k - 1][1], lines[k - 1][1] + len(lines[k - 1][0]))
            rows.append(row)
        if rows:
            tables.append(rows)
    return tables


def row_cells(line: str) -> list[Cell]:
    return _cells(line, 0) or [Cell("", 0, 0)]


def cell_paragraph(report: Report, index: ParagraphIndex, cell: Cell, cfg: dict) -> Paragraph:
    """A paragraph for one cell, so numbers in it get evidence like any other; it carries
    the id of the paragraph holding the cell, or the pseudo id of table lines."""
    p = index.locate(cell.start, cell.end)
    pseudo = str((cfg.get("table") or {}).get("pseudo_paragraph") or "TBL")
    pid, sec = (p.id, p.section) if p is not None else (pseudo, pseudo)
    return Paragraph(id=pid, section=sec, kind="indicator", number=None, text=cell.text,
                     start=cell.start, end=cell.end)


def cell_num(report: Report, index: ParagraphIndex, cell: Cell, cfg: dict) -> Num | None:
    from nlp_pipeline.text import extract_numbers

    ms = [m for m in extract_numbers(cell.text, currency_unit=report.currency_unit)
          if m.kind not in ("DATE", "YEAR", "EXPR")]
    if not ms:
        return None
    m = ms[0]
    m = dataclasses.replace(m, start=cell.start + m.start, end=cell.start + m.end)
    m = with_sign_bound(m, cell.text[: m.start - cell.start])
    p = cell_paragraph(report, index, cell, cfg)
    i, j = m.start - cell.start, m.end - cell.start
    if bare_figure(m.text) is not None:
        m = dataclasses.replace(m, kind="COUNT", unit="", base_unit="", base_value=m.value, low=None, high=None)
    return Num(m=m, para=p, i=i, j=j, mi=0, mj=i, metric="", key="", role="other",
               before=cell.text[:i], clause=cell.text, interval=interval(m, cfg))


def table_indicator_checks(report: Report, cfg: dict | None = None) -> list[IndicatorCheck]:
    cfg = cfg or config()
    index = ParagraphIndex(report)
    out = []
    for rows in line_tables(report, cfg):
        for row in rows:
            if "target" not in row or "actual" not in row:
                continue
            t = cell_num(report, index, row["target"], cfg)
            a = cell_num(report, index, row["actual"], cfg)
            if t is None or a is None or not _same_measure(t, a):
                continue
            name = row["name"].text if "name" in row else ""
            rest = " ".join(c.text for r, c in row.items() if r not in ("name", "target", "row"))
            reason_cell = row.get("reason")
            reason = _reasoned(reason_cell.text, cfg) if reason_cell else _reasoned(rest, cfg)
            if reason_cell and is_placeholder(reason_cell.text):
                reason = False
            cells = [c for c in (row.get("name"), row["target"], row["actual"]) if c is not None]
            ev = [Evidence(section=cell_paragraph(report, index, c, cfg).section,
                           paragraph=cell_paragraph(report, index, c, cfg).id,
                           start=c.start, end=c.end, quote=report.text[c.start:c.end]) for c in cells]
            out.append(IndicatorCheck(name=name, target=t, actual=a,
                                      direction=_direction(name, t, cfg),
                                      claim=_claimed(rest, cfg), reason=reason, evidence=ev))
    return out


# --- a goal's target against the figure its aligned outcome reports -------------------------

GOAL_GAP_SIMILARITY = 0.6  # metric similarity that ties an outcome's figure to its goal's target
UNPAIRED_GAP_SIMILARITY = 0.85  # the same, for an outcome the alignment paired with no goal
_GOAL_GAP_KINDS = ("COUNT", "PERCENT", "MONEY", "QUANTITY", "AREA")
_GOAL_GAP_SKIP_SCOPES = {"subperiod", "cumulative", "change", "share", "per", "base", "part"}


_VOLUME_KINDS = ("COUNT", "AREA", "QUANTITY")


def _floor_target(t: Num, cfg: dict) -> bool:
    """A target the result must reach: a lower bound (800人以上), a rate of 100% (a rate
    cannot pass it, so 100% is the floor), or a volume of work a goal sets to be done
    (完成退化草原修复5,000亩), unless smaller is better for it (发生数, 控制在)."""
    q = t.m.qualifier or "exact"
    if q == "lower":
        return True
    if q != "exact":
        return False
    if t.m.kind == "PERCENT":
        return t.m.base_value == 100
    # a part of the goal's breakdown (其中预算执行审计12个) is no target of its own
    return t.m.kind in _VOLUME_KINDS and not (t.scopes & _GOAL_GAP_SKIP_SCOPES) \
        and _direction(t.key or t.metric or "", t, cfg) > 0


def same_indicator(target: Num, figure: Num, floor: float) -> bool:
    """A goal's target and a figure reported elsewhere count one indicator: one measure,
    and metric names at least ``floor`` alike or one spelled out inside the other."""
    return _same_measure(target, figure) and (similarity(target.key, figure.key) >= floor
                                              or _names_within(target.key, figure.key))


def _names_within(a: str, b: str, least: int = 4) -> bool:
    """One metric name spelled out inside the other (按时出具率 in 检验报告按时出具率)."""
    short, long_ = sorted((a or "", b or ""), key=len)
    return len(short) >= least and short in long_


def _clear_gap(t: Num, a: Num, cfg: dict) -> bool:
    """A target written as a plain volume (聘请教师85名) is missed only by more than the
    lexicon's relative tolerance; a written floor (以上, 100%) by any amount."""
    if t.m.qualifier == "lower" or t.m.kind == "PERCENT":
        return True
    rel = float(cfg.get("indicator", {}).get("deviation_rel", 0.1))
    floor = t.interval[0]
    return bool(floor) and (floor - a.interval[1]) / abs(floor) > rel


def total_words(cfg: dict) -> tuple[str, ...]:
    """The words that open a total after its parts (arithmetic.sum_after_cues)."""
    return tuple(cfg.get("arithmetic", {}).get("sum_after_cues") or ())


def after_total_word(text: str, i: int, cfg: dict) -> bool:
    """The figure at ``i`` is a total (…，合计2,150亩; 共计为12个)."""
    return text[max(0, i - 4):i].rstrip("为是：: ").endswith(total_words(cfg))


def goal_gaps(report: Report, mapping: dict[str, str | None], nums: list[Num], cfg: dict) -> list[IndicatorCheck]:
    """A goal's floor target (新增城镇就业800人以上, 按时出具率100%) and a smaller figure for
    the same metric in the outcome ``mapping`` pairs with it (新增城镇就业726人). ``claim``
    and ``target_claim`` say what the outcome's statement holding the figure claims;
    ``reason`` whether a cause is given in the outcome or the problems name the metric."""
    from nlp_pipeline.text.annotate import statements

    by_para = by_paragraph(nums)
    problems = "".join(p.text for p in report.paragraphs("Q"))
    out = []
    goal_ids = [g.id for g in report.paragraphs("G")]
    for o in report.paragraphs("O"):
        gid = mapping.get(o.id)
        # an outcome is read against the goal the alignment paired it with, and against
        # every other goal for a metric named (nearly) the same way: one paragraph may
        # report several goals' indicators (产出指标完成情况分析。…梯田2,960亩…林4,180亩…)
        for t in (t for g in ([gid] if gid else []) + [g for g in goal_ids if g != gid] for t in by_para.get(g, [])):
            if not _floor_target(t, cfg) or t.m.kind not in _GOAL_GAP_KINDS or t.interval is None or t.unitless:
                continue
            floor = GOAL_GAP_SIMILARITY if t.para.id == gid else UNPAIRED_GAP_SIMILARITY
            same = [a for a in by_para.get(o.id, []) if a.m.qualifier == "exact" and a.role != "target"
                    and not (a.scopes & _GOAL_GAP_SKIP_SCOPES) and a.interval is not None
                    and same_indicator(t, a, floor)]
            if not same:
                continue
            # a written floor (98%以上) is the figure itself, not the span its rounding would
            # give a measured value (97.5 to 98.5): 97.6% misses it
            floor_ = t.m.base_value if t.m.qualifier == "lower" and t.m.base_value is not None else t.interval[0]
            # 新造1,280亩、改造870亩，合计2,150亩 against 新造和改造2,000亩: the parts' total counts
            totals = [n for n in by_para.get(o.id, []) if n not in same and _same_measure(t, n)
                      and n.interval is not None and after_total_word(o.text, n.i, cfg)]
            if any(n.interval[1] >= floor_ for n in same + totals):
                continue  # the outcome reports the target met (a part of it may be smaller)
            a = max(same, key=lambda n: similarity(t.key, n.key))
            if not _clear_gap(t, a, cfg):
                continue
            text = o.text
            s, e = next(((s, e) for s, e in statements(text) if s <= a.i < e), (0, len(text)))
            said = text[s:e]
            out.append(IndicatorCheck(
                name=a.key or a.metric, target=t, actual=a, direction=1,
                claim=_claimed(said, cfg) or _target_claim(said),
                reason=_reasoned(text, cfg) or bool(a.key and a.key[:2] in problems),
                evidence=[para_evidence(report, t.para, t.i, t.j), para_evidence(report, o, a.i, a.j)],
                form=False, target_claim=_target_claim(said)))
    return out


_GAPS: list = []  # (key, report, checks) of the last report, as for indicator_checks


def report_goal_gaps(ctx, nums: list[Num], cfg: dict) -> list[IndicatorCheck]:
    """:func:`goal_gaps` of the report in ``ctx`` through its outcomes_to_goals alignment,
    computed once per report for the rules that read them (deviations, shortfalls,
    overall claims); [] for a report without goals or outcomes. The checks are shared:
    rules must not change them."""
    from nlp_pipeline.detect import registry
    from nlp_pipeline.detect._textcommon import alignment_map

    report = ctx.report
    key = (id(report), id(ctx.alignments), len(nums), id(cfg), registry.OVERRIDE_EPOCH)
    if _GAPS and _GAPS[0] == key and _GAPS[1] is report:
        return list(_GAPS[2])
    goals, outcomes = report.paragraphs("G"), report.paragraphs("O")
    out = []
    if goals and outcomes:
        out = goal_gaps(report, alignment_map(ctx, "outcomes_to_goals", outcomes, goals), nums, cfg)
    _GAPS[:] = [key, report, out]
    return list(out)
