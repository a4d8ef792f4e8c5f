"""Per-code precision and recall of the detectors on the seed gold and on every
tests/data/detect/*.yaml (with the report beside it), plus the seed's finding count.

    python bench/eval_detectors.py                      # all codes
    python bench/eval_detectors.py --codes DUPLICATE_PARAGRAPH,NAME_VARIANT
    python bench/eval_detectors.py --verbose            # list misses and false positives

Exit status 0; the numbers are for people (tests assert thresholds separately).
"""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp_pipeline.evaluate import (  # noqa: E402
    Evaluation,
    combine,
    evaluate_findings,
    format_table,
    gold_path_for,
    load_gold,
)

SEED_TEXT = ROOT.parent / "shared" / "seed" / "000_addc822f361de425.txt"
SEED_GOLD = ROOT.parent / "shared" / "gold" / "seed_expected.yaml"
DETECT_DATA = ROOT / "tests" / "data" / "detect"


def _describe(f) -> str:
    where = ",".join(f.paragraphs())
    return f"{f.code}[{f.severity}] @{where}: {f.message}"


def run_one(text: Path, gold_path: Path, codes, verbose: bool) -> Evaluation | None:
    from nlp_pipeline.pipeline import analyze

    try:
        analysis = analyze(text)
    except Exception as exc:  # a broken stage must not hide the other reports' numbers
        print(f"!! {text.name}: {type(exc).__name__}: {exc}")
        if verbose:
            traceback.print_exc()
        return None
    gold = load_gold(gold_path)
    ev = evaluate_findings(analysis.findings, gold, codes=codes, name=text.stem)
    if verbose:
        for g in ev.missed:
            print(f"   MISS {text.stem}: {g.code} {g.where}")
        for f in ev.false_positives:
            print(f"   FP   {text.stem}: {_describe(f)}")
        for place, f in ev.clean_violations:
            print(f"   DIRTY {text.stem}: clean {place} <- {_describe(f)}")
        for item, f in ev.must_not_flag_violations:
            print(f"   MUST-NOT {text.stem}: {item!r} <- {_describe(f)}")
    return ev


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--codes", help="comma-separated codes to score (default: all)")
    ap.add_argument("--seed", type=Path, default=SEED_TEXT)
    ap.add_argument("--seed-gold", type=Path, default=SEED_GOLD)
    ap.add_argument("--data", type=Path, default=DETECT_DATA, help="folder of d_*.txt + d_*.yaml")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    codes = [c.strip() for c in args.codes.split(",")] if args.codes else None

    seed_ev = None
    if args.seed.exists() and args.seed_gold.exists():
        seed_ev = run_one(args.seed, args.seed_gold, codes, args.verbose)
        if seed_ev is not None:
            print(format_table(seed_ev.per_code, f"== seed ({args.seed.name})"))
            print(f"findings on the seed (all codes): {seed_ev.n_findings}")
            print(f"must_not_flag items flagged: {len(seed_ev.must_not_flag_violations)}")
            print()

    own: list[Evaluation] = []
    for gold_path in sorted(args.data.glob("*.yaml")):
        text = gold_path_for(gold_path).with_suffix(".txt")
        if not text.exists():
            continue
        ev = run_one(text, gold_path, codes, args.verbose)
        if ev is not None:
            own.append(ev)
            s = ev.total()
            print(
                f"{text.stem:28s} findings={ev.n_findings:3d} tp={s.tp} fp={s.fp} "
                f"gold={s.gold} hit={s.matched} clean_violations={len(ev.clean_violations)}"
            )
    if own:
        print()
        print(format_table(combine(own), f"== own reports ({len(own)} in {args.data})"))
        print(f"clean-control violations: {sum(len(e.clean_violations) for e in own)}")
    if seed_ev is not None and own:
        print()
        print(format_table(combine([seed_ev, *own]), "== seed + own reports"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
