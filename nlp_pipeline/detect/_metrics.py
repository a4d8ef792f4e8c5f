"""Shared helpers of the numeric detectors: where a number sits, what it counts, which
role its context gives it, and the interval of values its wording allows.

Not a detector (it registers nothing). Every word list comes from
lexicons/detect_numeric.yaml; the functions take data and return data.
"""
from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from nlp_pipeline.lexicons import load_yaml
from nlp_pipeline.model import Evidence, Mention, Paragraph, Report
from nlp_pipeline.text.normalize import normalize

LEXICON = "detect_numeric.yaml"

# Clause boundaries inside a paragraph. The enumeration comma is not one: list items
# such as 商务楼宇、物业小区党群服务站 name one thing.
CLAUSE_BREAK = set("，。；;！？!?\n\t\r,")
SENTENCE_BREAK = set("。；;！？!?\n")
_BRACKETS = str.maketrans("", "", "“”\"'‘’《》〈〉（）()【】[]「」 、·")
_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})(?=年)")
_NAME_NUMBER = re.compile(r"\d[\d.,]*\s*(?:万|亿)?[个人次家场处项名户件条座所台辆吨元%]?")
_BARE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.(\d+))?")


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
        self.indicator_of: dict[str, object] = {}
        for t in report.tasks:
            for ind in t.indicators:
                for p in (ind.name_paragraph, ind.result_paragraph):
                    if p is not None:
                        self.indicator_of[p.id] = ind
                if ind.result_paragraph is not None and ind.name_paragraph is not None:
                    self.indicator_name[ind.result_paragraph.id] = ind.name_paragraph

    def locate(self, start: int, end: int | None = None) -> Paragraph | None:
        end = start + 1 if end is None else end
        k = bisect_right(self._starts, start) - 1
        while k >= 0:
            p = self.paras[k]
            if p.start <= start and end <= p.end + 1:
                return p
            if p.end < start and k < len(self.paras) - 1 and self.paras[k + 1].start > start:
                break
            k -= 1
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
    return Evidence(section=sec, paragraph=pid, start=start, end=end, quote=report.text[start:end])


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


def _words(cfg: dict, *path: str) -> list[str]:
    d = cfg
    for k in path:
        d = d.get(k, {}) if isinstance(d, dict) else {}
    return sorted((str(w) for w in (d or [])), key=len, reverse=True)


def normalise_metric(phrase: str, cfg: dict | None = None) -> str:
    """Comparable form of a metric phrase: brackets, list commas and filler verbs,
    scope words and generic count suffixes removed."""
    cfg = cfg or config()
    s = normalize(phrase).translate(_BRACKETS)
    s = re.sub(r"[\d.%,:：~\-+*/=]+", "", s)
    scope = [w for k in ("cumulative", "new", "part", "subperiod") for w in _words(cfg, "scope", k)]
    pre = sorted(set(_words(cfg, "metric", "strip_prefix") + scope), key=len, reverse=True)
    suf = _words(cfg, "metric", "strip_suffix")
    s = _strip(s, pre, suf)
    for w in _words(cfg, "metric", "count_suffix"):
        if s.endswith(w) and len(s) - len(w) >= 3:
            s = _strip(s[: -len(w)], pre, suf)
            break
    mx = int(cfg.get("metric", {}).get("max_chars", 16))
    return s[-mx:]


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


def clause_bounds(text: str, i: int, j: int, breaks: set[str] = CLAUSE_BREAK) -> tuple[int, int]:
    s = i
    while s > 0 and text[s - 1] not in breaks:
        s -= 1
    e = j
    while e < len(text) and text[e] not in breaks:
        e += 1
    return s, e


def metric_span(text: str, i: int, j: int, prev_end: int, next_start: int, kind: str, unit: str,
                cfg: dict) -> tuple[int, int]:
    """Local span of the phrase naming what the number at ``text[i:j]`` counts.

    A count whose measure word is followed by a noun counts that noun
    (完成12个星级投放点); otherwise the phrase before the number does (入户宣传活动66次).
    """
    n = len(text)
    # forward: 12个X
    if kind == "COUNT" and unit:
        k = j
        while k < n and k < next_start and text[k] not in CLAUSE_BREAK and text[k] != "、" and not text[k].isdigit():
            k += 1
        fwd = text[j:k]
        if re.match(r"[\u4e00-\u9fff“\"《]", fwd or " ") and len(normalise_metric(fwd, cfg)) >= 2:
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
    m = _NUMBER.search(normalize(text or ""))
    return len(m.group(1)) if m and m.group(1) else 0


def half_ulp(m: Mention) -> float:
    """Half a unit of the last written digit, in the base unit."""
    if m.base_value is None:
        return 0.0
    factor = abs(m.base_value / m.value) if m.value else 1.0
    return 0.5 * 10 ** (-decimals(m.text)) * factor


def interval(m: Mention, cfg: dict | None = None) -> tuple[float, float] | None:
    """Values the wording of ``m`` allows, in its base unit, widened by the rounding of
    the last written digit."""
    cfg = cfg or config()
    v = m.base_value
    if v is None:
        return None
    tol = cfg.get("tolerance", {})
    q = (m.qualifier or "exact").lower()
    h = half_ulp(m)
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

    @property
    def unitless(self) -> bool:
        return not self.m.unit and self.m.kind not in ("PERCENT", "MONEY")

    def evidence(self, report: Report) -> Evidence:
        return para_evidence(report, self.para, min(self.i, self.mi), max(self.j, self.mj))


def _has_any(text: str, words: list[str]) -> bool:
    return any(w and w in text for w in words)


def base_role(p: Paragraph) -> str:
    if p.section == "T":
        if p.id.endswith(".outcome") or re.search(r"\.r\d+$", p.id):
            return "actual"
        return "target"
    if p.section == "G":
        return "target"
    if p.section in ("O", "K", "P"):
        return "actual"
    return "other"


def enrich(report: Report, mentions: list[Mention], cfg: dict | None = None,
           index: ParagraphIndex | None = None) -> list[Num]:
    """Every mention that lies in a paragraph, with its metric, role, scope and interval."""
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
        if m.kind not in ("DATE", "YEAR", "EXPR") and _BARE.fullmatch(normalize(m.text).strip()):
            # a bare number carries no unit of its own; whatever unit an extractor gave it
            # from a header is a guess, so it is compared as a plain count
            m = dataclasses.replace(m, kind="COUNT", unit="", base_unit="", base_value=m.value,
                                    low=None, high=None)
        by_para.setdefault(p.id, []).append((m, p, i, j))
    goal_cues = _words(cfg, "goal_cues")
    scope_words = {k: _words(cfg, "scope", k) for k in (cfg.get("scope") or {})}
    out: list[Num] = []
    for pid, items in by_para.items():
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
                # carry the target: 党群服务站16个)
                name = _NAME_NUMBER.sub("", name_para.text)
                own = normalise_metric(phrase, cfg)
                phrase = name if (not own or own in normalise_metric(name, cfg)) else name + phrase
            key = normalise_metric(phrase, cfg)
            cs, ce = clause_bounds(text, i, j)
            clause = text[cs:ce]
            before = text[cs:i]
            role = base_role(p)
            if role == "actual" and _has_any(before, goal_cues):
                role = "target"
            scopes = {name for name, ws in scope_words.items() if _has_any(clause, ws)}
            years = {int(y) for y in _YEAR.findall(clause)}
            other_year = bool(report.year and years and report.year not in years)
            out.append(
                Num(m=m, para=p, i=i, j=j, mi=mi, mj=mj, metric=phrase, key=key, role=role,
                    scopes=scopes, clause=clause, before=before, interval=interval(m, cfg),
                    other_year=other_year)
            )
    out.sort(key=lambda n: n.m.start)
    return out


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

    @property
    def worse(self) -> bool:
        t, a = self.target.interval, self.actual.interval
        if t is None or a is None:
            return False
        return a[1] < t[0] if self.direction > 0 else a[0] > t[1]

    def deviation(self, rel: float) -> bool:
        """Worse than target, or off an exact target by more than ``rel``."""
        if self.worse:
            return True
        if (self.target.m.qualifier or "exact") != "exact":
            return False
        t, a = self.target.m.base_value, self.actual.m.base_value
        if not t or a is None:
            return False
        if M_disjoint(self.target.interval, self.actual.interval) is False:
            return False
        return abs(a - t) / abs(t) > rel


def M_disjoint(a, b) -> bool:
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
    return -1 if any(w in name for w in ic.get("negative_words") or []) else 1


def _claimed(text: str, cfg: dict) -> bool:
    ic = cfg.get("indicator", {})
    if any(w in text for w in ic.get("not_claim_words") or []):
        return False
    return any(w in text for w in ic.get("claim_words") or [])


def _reasoned(text: str, cfg: dict) -> bool:
    ic = cfg.get("indicator", {})
    empty = ic.get("empty_reason_pattern")
    if empty:
        text = re.sub(empty, "", text)
    return any(w in text for w in ic.get("reason_words") or [])


def _same_measure(a: Num, b: Num) -> bool:
    if a.unitless or b.unitless:
        return a.m.kind != "PERCENT" and b.m.kind != "PERCENT"
    return a.m.kind == b.m.kind and (a.m.base_unit or "") == (b.m.base_unit or "")


def indicator_checks(report: Report, nums: list[Num], cfg: dict | None = None) -> list[IndicatorCheck]:
    cfg = cfg or config()
    ic = cfg.get("indicator", {})
    tcues = _words(cfg, "indicator", "target_cues")
    acues = _words(cfg, "indicator", "actual_cues")
    by_para: dict[str, list[Num]] = {}
    for n in nums:
        by_para.setdefault(n.para.id, []).append(n)
    out: list[IndicatorCheck] = []
    cue_re = re.compile("|".join(re.escape(w) for w in tcues)) if tcues else None
    act_re = re.compile("|".join(re.escape(w) for w in acues)) if acues else None
    for pid, items in by_para.items():
        if cue_re is None or act_re is None:
            break
        items.sort(key=lambda n: n.i)
        p = items[0].para
        if p.section in ("Q", "I"):
            continue
        text = p.text
        for mt in cue_re.finditer(text):
            c = mt.end()
            t = next((n for n in items if c <= n.i <= c + 8), None)
            if t is None or t.m.kind in ("DATE", "YEAR"):
                continue
            s_start, s_end = clause_bounds(text, mt.start(), mt.start(), SENTENCE_BREAK)
            am = act_re.search(text, t.j, s_end)
            if am is None:
                continue
            a = next((n for n in items if am.end() <= n.i <= am.end() + 8), None)
            if a is None or not _same_measure(t, a):
                continue
            name = re.sub(r"^[（(]?\d+[)）.、]?|[：:，,\s]+$", "", text[s_start:mt.start()]).strip()
            nxt = cue_re.search(text, a.j)
            tail = text[a.j: nxt.start() if nxt else len(text)]
            out.append(IndicatorCheck(
                name=name or t.key, target=t, actual=a,
                direction=_direction(name, t, cfg),
                claim=_claimed(tail, cfg),
                reason=_reasoned(tail, cfg),
                evidence=[para_evidence(report, p, s_start, min(len(text), a.j + len(tail.split("。")[0])))],
            ))
    # task tables whose form has a target column
    from nlp_pipeline.text import extract_numbers

    for task in report.tasks:
        for ind in task.indicators:
            if not ind.target or ind.result_paragraph is None:
                continue
            actual = next((n for n in by_para.get(ind.result_paragraph.id, [])), None)
            tm = extract_numbers(ind.target, currency_unit=report.currency_unit)
            if actual is None or not tm:
                continue
            tmen = tm[0]
            tnum = Num(m=tmen, para=ind.result_paragraph, i=0, j=0, mi=0, mj=0, metric="",
                       key="", role="target", before=ind.target, interval=interval(tmen, cfg))
            if not _same_measure(tnum, actual):
                continue
            name = ind.name_paragraph.text if ind.name_paragraph else ""
            outcome = task.outcome.text if task.outcome else ""
            ev = [para_evidence(report, pp, 0, len(pp.text))
                  for pp in (ind.name_paragraph, ind.result_paragraph) if pp is not None]
            out.append(IndicatorCheck(
                name=name, target=tnum, actual=actual, direction=_direction(name, tnum, cfg),
                claim=_claimed(ind.result_paragraph.text + outcome, cfg),
                reason=_reasoned(ind.result_paragraph.text + outcome, cfg), evidence=ev,
            ))
    return out
