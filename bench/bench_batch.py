"""Batch throughput and memory per worker count, over a folder of copies of real reports.

    python bench/bench_batch.py [--copies 12] [--workers 1,2] [--engine local|dask]

Copies the seed form and the small narrative reports of tests/data/report into a
temporary folder (each copy a different file, so nothing is deduplicated), runs the
batch without a cache for each worker count, and prints reports per second and peak
resident memory (largest worker, and all processes together), sampled every 0.1 s with
psutil over this process's descendants.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"] + sorted(
    (ROOT / "tests" / "data" / "report").glob("*.txt")
)


class PeakMemory:
    """Peak RSS of the largest descendant process and of the whole process tree."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peak_worker = 0
        self.peak_total = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            try:
                kids = me.children(recursive=True)
                rss = []
                for k in kids:
                    try:
                        rss.append(k.memory_info().rss)
                    except psutil.Error:
                        pass
                total = me.memory_info().rss + sum(rss)
                self.peak_worker = max(self.peak_worker, max(rss, default=0))
                self.peak_total = max(self.peak_total, total)
            except psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()


def make_copies(folder: Path, copies: int) -> int:
    n = 0
    for i in range(copies):
        for src in SOURCES:
            dst = folder / f"{src.stem}_{i:03d}{src.suffix}"
            shutil.copy(src, dst)
            n += 1
    return n


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=8, help="copies of each source report")
    ap.add_argument("--workers", default=",".join(str(w) for w in sorted({1, os.cpu_count() or 1})))
    ap.add_argument("--engine", choices=["local", "dask"], default="local")
    args = ap.parse_args(argv)

    from nlp_pipeline.runner import batch_frames

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp)
        n = make_copies(folder, args.copies)
        chars = sum(p.stat().st_size for p in folder.iterdir())
        print(f"corpus: {n} files ({len(SOURCES)} reports x {args.copies} copies), {chars / 1e6:.2f} MB; "
              f"{os.cpu_count()} cores; engine {args.engine}")
        print(f"{'workers':>7} {'seconds':>8} {'reports/s':>9} {'s/report':>9} {'peak worker MB':>15} {'peak total MB':>14} {'errors':>6}")
        for w in [int(x) for x in args.workers.split(",")]:
            cluster = client = None
            kw = {"workers": w}
            if args.engine == "dask":
                from distributed import Client, LocalCluster

                cluster = LocalCluster(n_workers=w, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40)
                client = Client(cluster)
                kw = {"engine": "dask", "client": client}
            with PeakMemory() as mem:
                t = time.perf_counter()
                reports, findings, errors = batch_frames([folder], **kw)
                dt = time.perf_counter() - t
            if client is not None:
                client.close()
                cluster.close()
            print(f"{w:>7} {dt:>8.1f} {len(reports) / dt:>9.2f} {dt / max(1, len(reports)):>9.2f} "
                  f"{mem.peak_worker / 2**20:>15.0f} {mem.peak_total / 2**20:>14.0f} {len(errors):>6}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
