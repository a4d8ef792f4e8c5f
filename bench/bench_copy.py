"""Copy detection across reports: time for 1,000 and 10,000 invented reports, and the
pair precision, recall and span accuracy on them.

    python bench/bench_copy.py                 # 1,000 and 10,000 reports
    python bench/bench_copy.py --sizes 500,2000

The reports are generated (nlp_pipeline/crossdoc/synthetic.py: random words from jieba's
dictionary with invented names and figures; one in eight units copies from another, one in
eight repeats its earlier year, most write the mandated wording), not committed. The time
is that of copy detection alone (masking, shingles, MinHash, LSH, alignment, results:
what a batch adds after its reports are analysed); making the reports is not timed. Time
per report staying flat from 1,000 to 10,000 reports is what "close to linear" means here.
CPU time is printed beside wall-clock time: on a shared machine it is the steadier one.
"""
from __future__ import annotations

import argparse
import gc
import math
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from nlp_pipeline.crossdoc import CopyDetector  # noqa: E402
from nlp_pipeline.crossdoc.synthetic import _words, make_corpus, score  # noqa: E402


def run(n: int, words: list[str], seed: int) -> dict:
    # make_corpus adds an earlier year for 3 organisations in 16: n reports in all
    corpus = make_corpus(max(8, round(n / 1.1875)), seed=seed, words=words)
    batch = corpus.batch()
    chars = sum(len(r.text) for r in batch)
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    det = CopyDetector()
    for r in batch:
        det.add(r.id, r.report)
    t1 = time.perf_counter()
    res = det.run()
    c2, t2 = time.process_time(), time.perf_counter()
    s = score(res, corpus)
    return {"reports": len(batch), "chars": chars, "add_s": t1 - t0, "run_s": t2 - t1, "total_s": t2 - t0,
            "cpu_s": c2 - c0, "candidates": res.n_candidates, **s}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="numbers of reports, comma separated")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    words = _words()
    run(16, words, args.seed)  # imports and first calls, not timed below
    rows = []
    print(f"{'reports':>8} {'MB text':>8} {'prepare s':>10} {'detect s':>9} {'total s':>8} {'CPU s':>7} {'ms/report':>10} "
          f"{'candidates':>11} {'pairs P':>8} {'pairs R':>8} {'spans':>6} {'controls paired':>16}")  # fmt: skip
    for n in (int(x) for x in args.sizes.split(",")):
        r = run(n, words, args.seed)
        rows.append(r)
        print(f"{r['reports']:>8,} {r['chars'] * 3 / 1e6:>8.1f} {r['add_s']:>10.1f} {r['run_s']:>9.1f} "
              f"{r['total_s']:>8.1f} {r['cpu_s']:>7.1f} {1000 * r['total_s'] / r['reports']:>10.2f} {r['candidates']:>11,} "
              f"{r['precision']:>8.3f} {r['recall']:>8.3f} {r['span_accuracy']:>6.3f} {len(r['controls_paired']):>16}",
              flush=True)  # fmt: skip
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        size = b["reports"] / a["reports"]
        for what, key in (("wall-clock time", "total_s"), ("CPU time", "cpu_s")):
            growth = b[key] / a[key]
            print(f"{size:.1f}x the reports took {growth:.1f}x the {what} "
                  f"(~ reports^{math.log(growth) / math.log(size):.2f}; 1.00 is linear)")


if __name__ == "__main__":
    main()
