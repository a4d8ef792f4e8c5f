"""Time and peak memory of reading each broken or odd input of tests/broken_corpus.py,
and of the largest inputs the limits let through (prints; asserts nothing).

    python bench/bench_hardening.py            # the corpus, then the worst cases under the limits
    NLP_PIPELINE_PROPERTY_EXAMPLES=10000 python -m pytest tests/test_ingest_properties.py
"""
from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import broken_corpus as C  # noqa: E402
import ingest_fixtures as F  # noqa: E402
from nlp_pipeline.errors import ReportError  # noqa: E402
from nlp_pipeline.ingest import read_report, read_text  # noqa: E402
from nlp_pipeline.ingest.limits import limits  # noqa: E402


def measure(label: str, fn) -> None:
    tracemalloc.start()
    t = time.perf_counter()
    try:
        r = fn()
        res = f"read: {len(r.paragraphs())} paragraphs, {len(r.tasks)} tasks"
    except ReportError as e:
        res = "refused: " + e.problem[:70]
    dt = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"{label:28} {dt:7.2f} s {peak:8.1f} MB  {res}")


def main() -> None:
    read_text(F.seed_text())  # warm: lexicons, jieba
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        files = {**C.write_broken(tmp / "broken"), **C.write_readable(tmp / "readable")}
        for name, path in files.items():
            measure(name, lambda p=path: read_report(p))
    lim = limits()
    seed = F.seed_text()
    under = (seed * (lim.chars // len(seed) + 1))[: lim.chars - 10]
    measure(f"text at the limit ({lim.chars:,})", lambda: read_text(under))
    one = seed.replace("\n", "")
    one = (one * (lim.chars // len(one) + 1))[: lim.chars - 10]
    measure("one line at the limit", lambda: read_text(one))


if __name__ == "__main__":
    main()
