"""Scoring a number extractor against the hand-checked gold set (tests/data/numbers_gold.yaml).

Used by the test that guards the accuracy floor and by bench/bench_numbers.py. A
predicted mention is matched to the gold mention whose span it overlaps; it is
*correct* when value, unit and normalised value agree (values within 1e-6 relative).
Metric phrases are compared after dropping punctuation: ``exact`` needs equality,
``lenient`` accepts one containing the other when the shorter is at least half as long
(入户宣传活动 vs 开展入户宣传活动).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import yaml

from nlp_pipeline.model import Mention

_PUNCT = re.compile(r"[\s，,、。；;：:“”\"（）()《》]")


@dataclass
class GoldMention:
    surface: str
    kind: str
    value: float
    unit: str
    base_value: float
    qualifier: str
    metric: str | None
    start: int = -1
    end: int = -1


@dataclass
class GoldItem:
    text: str
    mentions: list[GoldMention]
    currency_unit: str | None = None
    source: str = "written"


def load_gold(path: str | Path) -> list[GoldItem]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    items = []
    for it in data["items"]:
        text = it["text"]
        ms = []
        used: list[tuple[int, int]] = []
        for row in it.get("m") or []:
            surface, kind, value, unit, base, qual, metric = row
            surface = str(surface)
            k = -1
            pos = 0
            while True:
                k = text.find(surface, pos)
                if k < 0 or not any(a < k + len(surface) and k < b for a, b in used):
                    break
                pos = k + 1
            if k < 0:
                raise ValueError(f"gold surface {surface!r} not in {text!r}")
            used.append((k, k + len(surface)))
            ms.append(GoldMention(surface, kind, float(value), str(unit), float(base), qual, metric, k, k + len(surface)))
        items.append(GoldItem(text, ms, it.get("currency_unit"), it.get("source", "written")))
    return items


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _norm_metric(s: str | None) -> str:
    return _PUNCT.sub("", s or "")


def metric_match(pred: str | None, gold: str | None, lenient: bool = True) -> bool:
    p, g = _norm_metric(pred), _norm_metric(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    if not lenient:
        return False
    short, long_ = sorted((p, g), key=len)
    return short in long_ and len(short) * 2 >= len(long_)


def value_match(pred: Mention, gold: GoldMention) -> bool:
    return _close(pred.value, gold.value) and pred.unit == gold.unit and _close(pred.base_value, gold.base_value)


@dataclass
class Scores:
    n_gold: int
    n_pred: int
    correct: int
    precision: float
    recall: float
    metric_gold: int
    metric_pred: int
    metric_correct: int
    metric_correct_exact: int
    metric_precision: float
    metric_recall: float
    qualifier_accuracy: float
    errors: list[str]


def score(extract: Callable[[str, str | None], list[Mention]], items: Iterable[GoldItem]) -> Scores:
    """Score ``extract(text, currency_unit)`` on the gold items."""
    n_gold = n_pred = correct = 0
    mg = mp = mc = mce = 0
    q_ok = q_n = 0
    errors: list[str] = []
    for it in items:
        preds = list(extract(it.text, it.currency_unit))
        n_gold += len(it.mentions)
        n_pred += len(preds)
        taken: set[int] = set()
        for g in it.mentions:
            best = None
            for i, p in enumerate(preds):
                if i in taken or not (p.start < g.end and g.start < p.end):
                    continue
                best = i
                break
            if g.metric:
                mg += 1
            if best is None:
                errors.append(f"MISS {g.surface!r} in {it.text[:30]}…")
                continue
            taken.add(best)
            p = preds[best]
            if value_match(p, g):
                correct += 1
                q_n += 1
                q_ok += p.qualifier == g.qualifier
            else:
                errors.append(f"VALUE {g.surface!r}: got {p.value} {p.unit!r} {p.base_value}, want {g.value} {g.unit!r} {g.base_value}")
            if g.metric and p.metric:
                mp += 1
                if metric_match(p.metric, g.metric):
                    mc += 1
                    mce += metric_match(p.metric, g.metric, lenient=False)
                else:
                    errors.append(f"METRIC {g.surface!r}: got {p.metric!r}, want {g.metric!r}")
        for i, p in enumerate(preds):
            if i not in taken:
                errors.append(f"EXTRA {p.text!r} in {it.text[:30]}…")
    return Scores(
        n_gold=n_gold,
        n_pred=n_pred,
        correct=correct,
        precision=correct / n_pred if n_pred else 0.0,
        recall=correct / n_gold if n_gold else 0.0,
        metric_gold=mg,
        metric_pred=mp,
        metric_correct=mc,
        metric_correct_exact=mce,
        metric_precision=mc / mp if mp else 0.0,
        metric_recall=mc / mg if mg else 0.0,
        qualifier_accuracy=q_ok / q_n if q_n else 0.0,
        errors=errors,
    )
