"""The number extractor's vocabulary, read once from lexicons/ into lookup tables."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from nlp_pipeline.lexicons import load_yaml

# Unit groups of units.yaml -> Mention.kind
_GROUP_KIND = {
    "money": "MONEY",
    "percent": "PERCENT",
    "percent_point": "PERCENT",
    "area": "AREA",
    "volume": "QUANTITY",
    "weight": "QUANTITY",
    "length": "QUANTITY",
    "energy": "QUANTITY",
    "duration": "DURATION",
    "age": "QUANTITY",
}


@dataclass(frozen=True)
class UnitInfo:
    unit: str  # as written, multiplier included ("万元")
    kind: str
    factor: float  # to base unit
    base_unit: str
    multiplier: str = ""  # the multiplier part ("万"), "" if none


@dataclass
class NumberLexicon:
    units: dict[str, UnitInfo]  # every unit as written, with and without multipliers
    unit_keys: list[str]  # longest first
    multipliers: dict[str, float]
    blockers: dict[str, str]
    prefix_q: list[tuple[str, str]]  # longest first
    prefix_words: tuple[str, ...]  # words ending in a prefix qualifier that are none (签约)
    infix_q: dict[str, str]
    suffix_q: list[tuple[str, str]]
    approx_tol: float
    near_tol: float
    ctx: dict = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def number_lexicon() -> NumberLexicon:
    u = load_yaml("units.yaml")
    q = load_yaml("numbers_qualifiers.yaml")
    ctx = load_yaml("numbers_context.yaml")
    mult = {k: float(v) for k, v in u["multipliers"].items()}
    units: dict[str, UnitInfo] = {}
    for group, kind in _GROUP_KIND.items():
        g = u[group]
        for name, f in g["units"].items():
            units[str(name)] = UnitInfo(str(name), kind, float(f), g["base"])
    for name, base in u["counts"].items():
        units[str(name)] = UnitInfo(str(name), "COUNT", 1.0, str(base))
    # multiplier + unit (万元, 万平方米, 万人次); explicit entries above win
    for m, mf in mult.items():
        for name, info in list(units.items()):
            if info.kind in ("PERCENT", "DURATION") or info.multiplier or info.base_unit == "岁":
                continue
            key = m + name
            if key not in units:
                units[key] = UnitInfo(key, info.kind, info.factor * mf, info.base_unit, m)
    keys = sorted(units, key=len, reverse=True)
    by_len = lambda d: sorted(((str(k), v) for k, v in d.items()), key=lambda kv: -len(kv[0]))  # noqa: E731
    return NumberLexicon(
        units=units,
        unit_keys=keys,
        multipliers=mult,
        blockers={str(k): str(v) for k, v in (u.get("unit_blockers") or {}).items()},
        prefix_q=by_len(q["prefix"]),
        prefix_words=tuple(q.get("prefix_word_endings") or ()),
        infix_q={str(k): v for k, v in q["infix"].items()},
        suffix_q=by_len(q["suffix"]),
        approx_tol=float(q["approx_tolerance"]),
        near_tol=float(q["near_tolerance"]),
        ctx=ctx,
    )
