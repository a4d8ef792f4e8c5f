"""Alignment benchmark: accuracy on every gold set and encoding speed, per mode.

    python bench/bench_align.py [--encoder use|e5|PATH] [--ablation]

For lexical only, dense only and fused (the default, selective) it prints, per gold set
(the seed and tests/data/align/*), the accuracy of each mapping and the F1 of each list of
targets without a source, then the paragraphs encoded, the wall time and the encoding
speed (paragraphs per second) on this machine. Speed is measured with a cold cache.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp_pipeline import ingest  # noqa: E402
from nlp_pipeline.align import CachedEncoder, align_report, load_config, load_encoder  # noqa: E402
from nlp_pipeline.align.evaluate import MAPPINGS, UNMATCHED_LISTS, Counts, load_gold, score  # noqa: E402

SHORT = {"outcomes_to_goals": "O>G", "performance_to_goals": "P>G", "tasks_to_goals": "T>G",
         "problems_to_improvements": "Q>I", "goals_without_outcome_in_O": "G-O",
         "goals_without_outcome_in_P": "G-P", "goals_without_task": "G-T",
         "improvements_without_problem": "I-Q"}
KEYS = list(MAPPINGS) + list(UNMATCHED_LISTS)


def gold_sets() -> list[tuple[str, Path, dict]]:
    data = ROOT / "tests" / "data" / "align"
    out = []
    for seed in (ROOT.parent / "shared" / "seed" / "000_addc822f361de425.txt",
                 ROOT / "corpora" / "000_addc822f361de425.txt"):
        gold = ROOT.parent / "shared" / "gold" / "seed_expected.yaml"
        if seed.exists() and gold.exists():
            out.append(("seed", seed, load_gold(gold, data / "seed_acceptable.yaml")))
            break
    for txt in sorted(data.glob("*.txt")):
        out.append((txt.stem, txt, load_gold(txt.with_suffix(".yaml"))))
    return out


def run(mode: str, sets, reports, inner, cfg) -> tuple[dict, dict, int, float]:
    per_set: dict[str, dict[str, Counts]] = {}
    pooled: dict[str, Counts] = {}
    enc = CachedEncoder(inner) if inner is not None else None
    t0 = time.perf_counter()
    for (name, _, gold), report in zip(sets, reports):
        als = align_report(report, encoder=enc, mode=mode, cfg=cfg)
        res = score(als, gold, f"{name} ")
        per_set[name] = res
        for k, c in res.items():
            pooled.setdefault(f"{'seed' if name == 'seed' else 'own'}:{k}", Counts()).add(c)
    return per_set, pooled, (enc.encoded if enc else 0), time.perf_counter() - t0


def fmt(c: Counts | None, key: str) -> str:
    if c is None:
        return "   - "
    return f"{c.accuracy:5.2f}" if key in MAPPINGS else f"{c.f1:5.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--encoder", default=None, help="use (default), e5 or a SentenceTransformer path")
    ap.add_argument("--ablation", action="store_true", help="also lexical without the stop phrases")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the errors")
    args = ap.parse_args()

    sets = gold_sets()
    reports = [ingest.read_report(path) for _, path, _ in sets]
    t0 = time.perf_counter()
    inner = load_encoder(args.encoder).inner
    inner.encode(["预热"])  # weights are loaded lazily: keep that out of the timings
    load_s = time.perf_counter() - t0
    cfg = load_config()
    runs = [("lexical", "lexical", None, cfg), ("dense", "dense", inner, cfg),
            ("fused", "fused", inner, cfg)]
    if args.ablation:
        runs.insert(1, ("lex-nostop", "lexical", None, load_config(stop_lexicon=None)))

    print(f"encoder: {inner.name} (load {load_s:.1f} s); accuracy for mappings, F1 for lists")
    header = f"{'mode':11s} {'set':14s} " + " ".join(f"{SHORT[k]:>5s}" for k in KEYS)
    print(header)
    print("-" * len(header))
    timing = []
    for label, mode, enc, c in runs:
        per_set, pooled, n_enc, secs = run(mode, sets, reports, enc, c)
        for name, res in per_set.items():
            print(f"{label:11s} {name:14s} " + " ".join(fmt(res.get(k), k) for k in KEYS))
        own = {k.split(":", 1)[1]: v for k, v in pooled.items() if k.startswith("own:")}
        print(f"{label:11s} {'own (pooled)':14s} " + " ".join(fmt(own.get(k), k) for k in KEYS))
        if args.verbose:
            for v in pooled.values():
                for e in v.errors:
                    print("    ", e)
        timing.append((label, n_enc, secs))
    print()
    n_par = sum(len(s.paragraphs) for r in reports for k, s in r.sections.items() if k in "GOPQI") \
        + sum(len(r.tasks) for r in reports)
    print(f"{len(reports)} reports, {n_par} alignable paragraphs")
    print(f"{'mode':11s} {'encoded':>8s} {'seconds':>8s} {'par/s encoded':>14s}")
    for label, n_enc, secs in timing:
        speed = f"{n_enc / secs:14.1f}" if n_enc else f"{'-':>14s}"
        print(f"{label:11s} {n_enc:8d} {secs:8.2f} {speed}")
    from nlp_pipeline.align.texts import section_items

    texts = list(dict.fromkeys(t for r in reports for sid in "GOTPQI" for _, t in section_items(r, sid)))
    t0 = time.perf_counter()
    inner.encode(texts)
    secs = time.perf_counter() - t0
    chars = sum(len(t) for t in texts)
    print(f"encoder alone, cold: {len(texts)} paragraphs ({chars} chars) in {secs:.2f} s = "
          f"{len(texts) / secs:.1f} paragraphs/s")


if __name__ == "__main__":
    main()
