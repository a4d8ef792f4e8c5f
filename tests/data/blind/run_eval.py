"""Blind evaluation over tests/data/blind/b_*.txt with the gold b_*.yaml beside each.

    python tests/data/blind/run_eval.py        # tables + every miss / FP / dirty control
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from nlp_pipeline.evaluate import combine, evaluate_findings, format_table, load_gold  # noqa: E402
from nlp_pipeline.align import evaluate as aev  # noqa: E402
from nlp_pipeline.pipeline import analyze  # noqa: E402


def desc(f) -> str:
    ev = "; ".join(f"{e.paragraph}:{(e.quote or '')[:40]}" for e in f.evidence) if getattr(f, "evidence", None) else ""
    return f"{f.code} @{','.join(f.paragraphs())}: {f.message} | {ev}"


def main() -> int:
    evs, align_tot = [], {}
    for txt in sorted(HERE.glob("b_*.txt")):
        gpath = txt.with_suffix(".yaml")
        a = analyze(txt)
        ev = evaluate_findings(a.findings, load_gold(gpath), name=txt.stem)
        evs.append(ev)
        s = ev.total()
        print(f"{txt.stem:14s} findings={ev.n_findings:3d} tp={s.tp} fp={s.fp} gold={s.gold} hit={s.matched} dirty={len(ev.clean_violations)}")
        for g in ev.missed:
            print(f"   MISS  {g.code} {g.where}")
        for f in ev.false_positives:
            print(f"   FP    {desc(f)}")
        for place, f in ev.clean_violations:
            print(f"   DIRTY clean {place} <- {desc(f)}")
        counts = aev.score(a.alignments, aev.load_gold(gpath), label=f"{txt.stem} ")
        for k, c in counts.items():
            align_tot.setdefault(k, aev.Counts()).add(c)
    print()
    print(format_table(combine(evs), f"== blind reports ({len(evs)})"))
    print(f"clean-control violations: {sum(len(e.clean_violations) for e in evs)}")
    print("\n== alignment")
    for k, c in align_tot.items():
        if k in aev.MAPPINGS:
            print(f"{k:32s} accuracy {c.right}/{c.total} = {c.accuracy:.2f}")
        else:
            p = c.tp / (c.tp + c.fp) if c.tp + c.fp else 1.0
            r = c.tp / (c.tp + c.fn) if c.tp + c.fn else 1.0
            print(f"{k:32s} P={p:.2f} R={r:.2f} F1={c.f1:.2f} (tp={c.tp} fp={c.fp} fn={c.fn})")
    for k, c in align_tot.items():
        for e in c.errors:
            print("   ALIGN-ERR", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
