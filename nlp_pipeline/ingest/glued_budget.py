"""The budget block of a form whose cells were glued together when it was exported to text
(「全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额194.9194.9100%」, a .docx or PDF copied
as one run of characters).

The labels still say which columns there are and in what order; the figures after the
total's label are one run of digits. The run is cut into one number per column every way
the digits allow, and a cut is kept only when the form's own arithmetic holds: the
execution rate is the spending over the budget, the score the weight times the rate. A run
that no cut, or more than one, explains is left unread: a guess is worse than nothing.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from .mapped import Mapped
from .table_lexicon import table_lexicon

_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,4})?")
_LABEL_DECOR = re.compile(r"[（(][A-Za-z/\d\s分*×执行率]{0,12}[)）]?")
MAX_RUN = 48  # characters of a figure run read after the total's label
SCORE_SLACK = 0.6  # points a written score may differ from weight × rate


@dataclass
class GluedValue:
    field: str
    text: str
    start: int
    end: int


def _squeezed(m: Mapped) -> tuple[str, list[int]]:
    chars, idx = [], []
    for k, ch in enumerate(m.chars):
        if not ch.isspace():
            chars.append(ch)
            idx.append(k)
    return "".join(chars), idx


@functools.cache
def _labels_by_first_char() -> dict[str, tuple[tuple[str, str], ...]]:
    """Budget column labels grouped by their first character, longest first: the header scan
    tries only the labels that can start where it stands (it tried all at every character)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for f, xs in table_lexicon().budget_columns.items():
        for x in xs:
            groups.setdefault(x[0], []).append((x, f))
    return {c: tuple(sorted(g, key=lambda p: -len(p[0]))) for c, g in groups.items()}


def _header(s: str) -> tuple[list[str], int] | None:
    """The budget columns named in ``s`` in order (labels glued, decorations such as (A) or
    (10分) between them), and where the last label ends; None for fewer than three."""
    by_first = _labels_by_first_char()
    cols, pos, end, first = [], 0, -1, None
    while pos < len(s):
        hit = next(((x, f) for x, f in by_first.get(s[pos], ()) if s.startswith(x, pos)), None)
        if hit is None:
            if first is not None and pos - end > 16:
                break  # the labels are over
            pos += 1
            continue
        x, f = hit
        first = pos if first is None else first
        if f not in cols:
            cols.append(f)
        pos += len(x)
        m = _LABEL_DECOR.match(s, pos)
        if m:
            pos = m.end()
        end = pos
    return (cols, end) if len(cols) >= 3 else None


def _cuts(run: str, n: int):
    """Every way to cut ``run`` (digits and dots) into ``n`` numbers."""
    if n == 0:
        if not run:
            yield []
        return
    for m in (_NUMBER.match(run[:k]) for k in range(1, len(run) + 1)):
        if m and m.end() == len(m.string):
            for rest in _cuts(run[m.end():], n - 1):
                yield [m.group()] + rest


def half_unit(text: str) -> float:
    """Half a unit of the last digit written (50 -> 0.5, 49.88 -> 0.005)."""
    return 0.5 * 10 ** -(len(text.split(".", 1)[1]) if "." in text else 0)


def _consistent(cols: list[str], texts: list[str]) -> bool:
    """The form's arithmetic holds for this cut: the rate is the spending over the budget
    to the digits the rate is written with, the score the weight times the rate."""
    v = dict(zip(cols, (float(x) for x in texts)))
    written = dict(zip(cols, texts))
    budget = v.get("adjusted_budget") or v.get("initial_budget")
    rate = v.get("completion_rate")
    if rate is None or not budget or v.get("actual_spending") is None:
        return False  # nothing to check a cut against
    if abs(v["actual_spending"] / budget * 100 - rate) > half_unit(written["completion_rate"]) + 1e-9:
        return False
    if v.get("weight") is not None and v.get("score") is not None:
        return abs(v["weight"] * min(rate, 100) / 100 - v["score"]) <= SCORE_SLACK
    return True


def _unlikeliness(cols: list[str], vals: list[str]) -> tuple[float, int]:
    v = dict(zip(cols, (float(x) for x in vals)))
    budget = v.get("adjusted_budget") or v.get("initial_budget") or 0.0
    spent = v.get("actual_spending") or 0.0
    gap = abs(math.log10(spent / budget)) if budget > 0 and spent > 0 else 99.0
    return round(gap, 6), sum(len(x.split(".", 1)[1]) for x in vals if "." in x)


def glued_budget(m: Mapped) -> list[GluedValue]:
    """The budget figures of one line whose block is glued, or [] when not read."""
    s, idx = _squeezed(m)
    head = _header(s)
    if head is None:
        return []
    cols, end = head
    totals = sorted(table_lexicon().budget_total_labels, key=len, reverse=True)
    at = next(((s.find(t, end), t) for t in totals if s.find(t, end) >= 0), None)
    if at is None or at[0] - end > 20:
        return []
    start = at[0] + len(at[1])
    while start < len(s) and s[start] in "：:":
        start += 1
    run = re.match(r"[\d.%]+", s[start:start + MAX_RUN])
    if run is None or "completion_rate" not in cols:
        return []
    text = run.group()
    k_rate = cols.index("completion_rate")
    pct = text.find("%")
    if pct < 0:
        return []
    before, after = text[:pct], text[pct + 1:]
    tail = cols[k_rate + 1:]
    found = []
    for head_vals in _cuts(before, k_rate + 1):
        for tail_vals in ([[]] if not tail else list(_cuts(after, len(tail))) or [[]]):
            vals = head_vals + tail_vals
            if _consistent(cols[:len(vals)], vals):
                found.append(vals)
    # of the cuts the arithmetic allows, the likeliest: spending of the budget's size (a
    # zero rate fits any budget), then the fewest decimals (amounts in 万元 have two at most
    # as a rule); none when two are equally likely
    ranked = sorted(found, key=lambda vs: _unlikeliness(cols, vs))
    if not ranked or (len(ranked) > 1 and _unlikeliness(cols, ranked[0]) == _unlikeliness(cols, ranked[1])):
        return []
    found = ranked[:1]
    if not all(m.origs[i] is not None for i in idx):
        return []
    out, pos = [], start
    for f, v in zip(cols, found[0]):
        a = s.find(v, pos)
        b = a + len(v) + (1 if f == "completion_rate" else 0)
        out.append(GluedValue(f, s[a:b], m.origs[idx[a]], m.origs[idx[b - 1]] + 1))
        pos = b
    return out
