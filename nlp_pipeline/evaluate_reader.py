"""Scoring the reader against gold files of real layouts (docs/reader-gold.md)."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nlp_pipeline.errors import ReportError
from nlp_pipeline.ingest import read_report
from nlp_pipeline.ingest.variants import _PINYIN_RE, to_simplified
from nlp_pipeline.model import Report

# section ids of the tool -> section kinds of the gold
KIND_OF = {"G": "goal", "O": "outcome", "P": "outcome", "K": "outcome", "Q": "problem", "I": "improvement"}
ROW_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score", "reason")
BUDGET_FIELDS = {"initial_budget": "initial_budget", "adjusted_budget": "adjusted_budget",
                 "actual_spending": "actual_spending", "execution_rate": "completion_rate"}


def norm(s: object) -> str:
    """Compared as simplified characters: a report in traditional characters is read
    through a simplified copy, and its gold may quote either."""
    if s is None:
        return ""
    # (a mirror site's pinyin after characters, 業(yè)務(wù), is no part of the text either way)
    return to_simplified(_PINYIN_RE.sub("", "".join(unicodedata.normalize("NFKC", str(s)).split())))


@dataclass
class ReaderResult:
    name: str
    layout: str
    form: str
    read: bool
    error: str | None = None
    sections_gold: dict[str, int] = field(default_factory=dict)  # kind -> 1 if present in gold
    sections_found: dict[str, int] = field(default_factory=dict)
    rows_gold: int = 0
    rows_exact: int = 0
    rows_lost: int = 0
    row_errors: list[str] = field(default_factory=list)
    unfilled_gold: int = 0
    unfilled_found: int = 0
    budget_gold: int = 0
    budget_right: int = 0
    total_gold: int = 0
    total_right: int = 0
    section_errors: list[str] = field(default_factory=list)


def _paragraphs_by_kind(report: Report) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for sid, sec in report.sections.items():
        kind = KIND_OF.get(sid)
        if kind:
            out[kind].extend(norm(p.text) for p in sec.paragraphs)
    for t in report.tasks:
        if t.target is not None:
            out["goal"].append(norm(t.target.text))
        if t.outcome is not None:
            out["outcome"].append(norm(t.outcome.text))
    return out


# the points a form prints after a level word (产出指标(50分)) are no part of the level
_POINTS = re.compile(r"[(（]\d+(?:\.\d+)?分?[)）]$")


def _value_equal(field_: str, gold: object, got: object) -> bool:
    if field_ in ("level1", "level2"):
        return _POINTS.sub("", norm(gold)) == _POINTS.sub("", norm(got))
    if field_ in ("weight", "score"):
        if gold is None or gold == "":
            return got is None
        try:
            return got is not None and abs(float(gold) - float(got)) < 1e-6
        except (TypeError, ValueError):
            return False
    return norm(gold) == norm(got)


def _rows(report: Report) -> list[dict]:
    rows = []
    for t in report.tasks:
        for ind in t.indicators:
            rows.append({"level1": getattr(ind, "level1", None), "level2": getattr(ind, "level2", None),
                         "name": ind.name, "target": ind.target, "actual": ind.result,
                         "weight": getattr(ind, "weight", None), "score": getattr(ind, "score", None),
                         "reason": getattr(ind, "reason", None)})
    return rows


def evaluate_one(txt: Path, gold: dict) -> ReaderResult:
    res = ReaderResult(txt.name, str(gold.get("layout", "?")), str(gold.get("form", "?")), read=False)
    try:
        report = read_report(txt)
    except ReportError as exc:
        res.error = exc.problem
        res.read = bool(gold.get("refuse"))
        # a refused report loses everything its gold holds
        for kind, openings in (gold.get("sections") or {}).items():
            if any(norm(o) for o in openings or []):
                res.sections_gold[kind], res.sections_found[kind] = 1, 0
        res.rows_gold = res.rows_lost = len(gold.get("indicators") or [])
        res.unfilled_gold = len(gold.get("unfilled") or [])
        res.budget_gold = sum(1 for k in BUDGET_FIELDS if (gold.get("budget") or {}).get(k) is not None)
        res.total_gold = int(gold.get("total_score") is not None)
        return res
    res.read = not gold.get("refuse")
    paras = _paragraphs_by_kind(report)
    for kind, openings in (gold.get("sections") or {}).items():
        openings = [norm(o) for o in openings or [] if norm(o)]
        if not openings:
            continue
        res.sections_gold[kind] = 1
        hits = sum(1 for o in openings if any(o in p for p in paras.get(kind, [])))
        ok = hits * 2 >= len(openings)
        res.sections_found[kind] = int(ok)
        if not ok:
            res.section_errors.append(f"{kind}: {hits}/{len(openings)}")
    got_rows = _rows(report)
    used: set[int] = set()
    for g in gold.get("indicators") or []:
        res.rows_gold += 1
        idx = next((k for k, r in enumerate(got_rows) if k not in used and norm(r["name"]) == norm(g.get("name"))),
                   None)
        if idx is None:
            idx = next((k for k, r in enumerate(got_rows) if k not in used
                        and norm(r["target"]) == norm(g.get("target")) and norm(r["actual"]) == norm(g.get("actual"))
                        and norm(g.get("target"))), None)
        if idx is None:
            res.rows_lost += 1
            res.row_errors.append(f"lost: {g.get('name')}")
            continue
        used.add(idx)
        r = got_rows[idx]
        bad = [f for f in ROW_FIELDS if f in g and not _value_equal(f, g.get(f), r.get(f))]
        if bad:
            res.row_errors.append(f"{g.get('name')}: " + ", ".join(f"{f} {g.get(f)!r}≠{r.get(f)!r}" for f in bad))
        else:
            res.rows_exact += 1
    gold_unfilled = gold.get("unfilled") or []
    res.unfilled_gold = len(gold_unfilled)
    got_unfilled = [(u.field, norm(u.text)) for u in getattr(report, 'unfilled', [])]
    for u in gold_unfilled:
        if any(norm(u.get("text")) and norm(u.get("text")) in t or (not norm(u.get("text")) and f == u.get("field"))
               for f, t in got_unfilled):
            res.unfilled_found += 1
    for key, attr in BUDGET_FIELDS.items():
        gv = (gold.get("budget") or {}).get(key)
        if gv is None:
            continue
        res.budget_gold += 1
        bv = getattr(report.budget, attr)
        if bv is not None and abs(bv.value - float(gv)) < 0.01:
            res.budget_right += 1
        else:
            res.row_errors.append(f"budget {key}: {gv} ≠ {bv.value if bv is not None else None}")
    if gold.get("total_score") is not None:
        res.total_gold = 1
        res.total_right = int(getattr(report, 'total_score', None) is not None and abs(getattr(report, 'total_score', 0) - float(gold["total_score"])) < 1e-6)
    return res


def evaluate_folder(folder: Path) -> list[ReaderResult]:
    out = []
    for y in sorted(folder.glob("*.yaml")):
        gold = yaml.safe_load(y.read_text(encoding="utf-8")) or {}
        if "indicators" not in gold and "sections" not in gold:
            continue
        src = next((p for p in sorted(folder.glob(y.stem + ".*")) if p.suffix != ".yaml"), None)
        if src is None:
            continue
        out.append(evaluate_one(src, gold))
    return out


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "-"


def summary(results: list[ReaderResult]) -> dict[str, float]:
    n = len(results)
    sg = sum(sum(r.sections_gold.values()) for r in results)
    sf = sum(sum(r.sections_found.values()) for r in results)
    rg = sum(r.rows_gold for r in results)
    return {
        "read": sum(r.read for r in results) / n if n else 0.0,
        "sections": sf / sg if sg else 1.0,
        "rows_exact": sum(r.rows_exact for r in results) / rg if rg else 1.0,
        "rows_lost": float(sum(r.rows_lost for r in results)),
    }


def format_table(results: list[ReaderResult], details: bool = False) -> str:
    groups: dict[str, list[ReaderResult]] = defaultdict(list)
    for r in results:
        groups[r.layout].append(r)
    lines = [f"{'layout':<14}{'reports':>8}  {'read':<14}{'sections':<16}{'rows exact':<18}{'lost':>5}  "
             f"{'unfilled':<10}{'budget':<10}{'total':<8}"]

    def row(name: str, rs: list[ReaderResult]) -> str:
        sg = sum(sum(r.sections_gold.values()) for r in rs)
        sf = sum(sum(r.sections_found.values()) for r in rs)
        return (f"{name:<14}{len(rs):>8}  {_pct(sum(r.read for r in rs), len(rs)):<14}{_pct(sf, sg):<16}"
                f"{_pct(sum(r.rows_exact for r in rs), sum(r.rows_gold for r in rs)):<18}"
                f"{sum(r.rows_lost for r in rs):>5}  "
                f"{_pct(sum(r.unfilled_found for r in rs), sum(r.unfilled_gold for r in rs)):<10}"
                f"{_pct(sum(r.budget_right for r in rs), sum(r.budget_gold for r in rs)):<10}"
                f"{_pct(sum(r.total_right for r in rs), sum(r.total_gold for r in rs)):<8}")

    for name in sorted(groups):
        lines.append(row(name, groups[name]))
    lines.append(row("ALL", results))
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        for k, v in r.sections_gold.items():
            kinds[k][1] += v
            kinds[k][0] += r.sections_found.get(k, 0)
    lines.append("sections by kind: " + ", ".join(f"{k} {_pct(a, b)}" for k, (a, b) in sorted(kinds.items())))
    if details:
        for r in results:
            errs = ([f"REFUSED: {r.error}"] if r.error else []) + r.section_errors + r.row_errors
            if errs:
                lines.append(f"\n{r.name} ({r.layout}):")
                lines.extend("  " + e for e in errs[:25])
    return "\n".join(lines)
