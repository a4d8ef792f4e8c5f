"""Findings and alignment against the gold files of one or more folders.

Every ``*.txt`` (or other report file) with a ``.yaml`` gold beside it is analysed once;
the script prints per-code precision/recall of the findings, clean-control violations and
the alignment figures, and with ``-v`` every miss, false positive and dirty control.

    python bench/eval_gold.py tests/data/blind tests/data/blind2 -v
    python bench/eval_gold.py tests/data/blind* --per-folder     # one line per set

Use it for held-out sets: the numbers are only honest on reports whose gold was written
before the tool was run on them (see each folder's README).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp_pipeline.align import evaluate as aev  # noqa: E402
from nlp_pipeline.evaluate import combine, evaluate_findings, format_table, load_gold  # noqa: E402
from nlp_pipeline.pipeline import analyze  # noqa: E402
from nlp_pipeline.errors import ReportError  # noqa: E402

REPORT_SUFFIXES = {".txt", ".html", ".htm", ".docx", ".xlsx", ".xls", ".pdf"}


def _desc(f) -> str:
    quotes = "; ".join(f"{e.paragraph}:{e.quote[:40]}" for e in f.evidence)
    return f"{f.code} @{','.join(f.paragraphs())}: {f.message} | {quotes}"


def gold_pairs(folders: list[Path]) -> list[tuple[Path, Path]]:
    pairs = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            gold = path.with_suffix(".yaml")
            if path.suffix.lower() in REPORT_SUFFIXES and gold.exists():
                pairs.append((path, gold))
    return pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--per-folder", action="store_true",
                    help="one line per folder (precision, recall, clean-control violations) at the end")
    args = ap.parse_args(argv)
    by_folder: dict[Path, list] = {}

    evaluations, align_totals = [], {}
    for report, gold_path in gold_pairs(args.folders):
        try:
            analysis = analyze(report)
        except ReportError as exc:
            # a report the tool refuses scores as one with no findings: every gold finding missed
            print(f"{report.stem:24s} REFUSED: {exc}")
            analysis = None
        ev = evaluate_findings(analysis.findings if analysis else [], load_gold(gold_path), name=report.stem)
        evaluations.append(ev)
        by_folder.setdefault(report.parent, []).append(ev)
        t = ev.total()
        print(f"{report.stem:24s} findings={ev.n_findings:3d} tp={t.tp} fp={t.fp} "
              f"gold={t.gold} hit={t.matched} dirty={len(ev.clean_violations)}")
        if args.verbose:
            for g in ev.missed:
                print(f"   MISS  {g.code} {g.where}")
            for f in ev.false_positives:
                print(f"   FP    {_desc(f)}")
            for place, f in ev.clean_violations:
                print(f"   DIRTY clean {place} <- {_desc(f)}")
        for key, counts in (aev.score(analysis.alignments, aev.load_gold(gold_path)) if analysis else {}).items():
            align_totals.setdefault(key, aev.Counts()).add(counts)

    print()
    print(format_table(combine(evaluations), f"== {len(evaluations)} reports"))
    print(f"clean-control violations: {sum(len(e.clean_violations) for e in evaluations)}")
    print("\n== alignment")
    for key, c in align_totals.items():
        if key in aev.MAPPINGS:
            print(f"{key:32s} accuracy {c.right}/{c.total} = {c.accuracy:.2f}")
        else:
            print(f"{key:32s} F1={c.f1:.2f} (tp={c.tp} fp={c.fp} fn={c.fn})")
        if args.verbose:
            for e in c.errors:
                print("   ALIGN-ERR", e)
    if args.per_folder:
        print("\n== per folder")
        print(f"{'folder':24s} reports  gold  pred    tp     P     R  dirty")
        for folder, evs in by_folder.items():
            tp = sum(e.total().tp for e in evs)
            fp = sum(e.total().fp for e in evs)
            gold = sum(e.total().gold for e in evs)
            hit = sum(e.total().matched for e in evs)
            p = tp / (tp + fp) if tp + fp else float("nan")
            r = hit / gold if gold else float("nan")
            print(f"{folder.name:24s} {len(evs):7d} {gold:5d} {tp + fp:5d} {tp:5d} {p:5.2f} {r:5.2f} "
                  f"{sum(len(e.clean_violations) for e in evs):6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
