"""Scanned reports: how well the OCR reader reads invented reports rendered as scans.

    python bench/bench_ocr.py [--kinds clean300,clean150,...] [--fmt pdf|tif] [--no-analyze] [--details]

Each report in tests/data/ocr is drawn as a scan of every fixture kind (tests/ocr_fixtures.py:
300/150 dpi, turned 90/180 degrees, skewed, a red seal, noise and JPEG), read back through
the OCR reader, and compared with its text version. Per fixture kind it prints:
  1-CER      characters recognised correctly (edit distance over the whole text, NFKC,
             whitespace ignored)
  rows       indicator rows equal to the text version's (every column)
  sections   sections of the text version found with as many paragraphs
  findings   findings of the text version found on the scan (same code, same paragraphs),
             and findings only the scan has
  s/page     CPU seconds per page for the OCR (one thread: NLP_PIPELINE_OCR_THREADS=1)
Needs the ocr extra and a CJK font (fonts-wqy-microhei).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NLP_PIPELINE_OCR_THREADS", "1")

import ocr_fixtures as F  # noqa: E402


def _norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one row at a time in numpy (insertions by a running minimum)."""
    import numpy as np

    if not a:
        return len(b)
    bb = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    prev = np.arange(len(b) + 1, dtype=np.int64)
    idx = np.arange(len(b) + 1, dtype=np.int64)
    for i, ch in enumerate(a, 1):
        cost = (bb != ord(ch)).astype(np.int64)
        cur = np.empty_like(prev)
        cur[0] = i
        cur[1:] = np.minimum(prev[1:] + 1, prev[:-1] + cost)
        # a run of insertions along the row: cur[j] = min_k cur[k] + (j - k)
        cur = np.minimum.accumulate(cur - idx) + idx
        prev = cur
    return int(prev[-1])


def _rows(report) -> list[tuple]:
    out = []
    for t in report.tasks:
        for i in t.indicators:
            out.append(tuple(_norm(str(v)) if v is not None else None for v in
                             (i.level1, i.level2, i.name, i.target, i.result, i.weight, i.score, i.reason)))
    return out


def _sections(report) -> dict[str, int]:
    return {sid: len(sec.paragraphs) for sid, sec in report.sections.items() if sec.paragraphs}


def _findings(analysis) -> Counter:
    return Counter((f.code, tuple(sorted(set(f.paragraphs())))) for f in analysis.findings)


def main(argv: list[str]) -> int:
    from nlp_pipeline.ingest import ocr, read_report

    kinds = list(F.KINDS)
    fmt = "pdf"
    analyze = "--no-analyze" not in argv
    details = "--details" in argv
    for k, a in enumerate(argv):
        if a == "--kinds":
            kinds = argv[k + 1].split(",")
        if a == "--fmt":
            fmt = argv[k + 1]
    if F.font_path() is None:
        print("no CJK font: apt-get install fonts-wqy-microhei")
        return 2
    if not ocr.available():
        print(ocr.MISSING_ZH)
        return 2
    if analyze:
        from nlp_pipeline.pipeline import analyze as run_analysis

    # the CPU time of the page reading alone (not the parse or the analysis)
    spent = {"cpu": 0.0, "wall": 0.0, "pages": 0}
    read_page = ocr.read_page

    def timed(img):
        c, w = time.process_time(), time.perf_counter()
        try:
            return read_page(img)
        finally:
            spent["cpu"] += time.process_time() - c
            spent["wall"] += time.perf_counter() - w
            spent["pages"] += 1

    ocr.read_page = timed
    ocr.engine()
    stats: dict[str, dict] = defaultdict(lambda: defaultdict(float))
    with tempfile.TemporaryDirectory() as tmp:
        for src in F.sources():
            text_report = read_report(src)
            gold_text = _norm(src.read_text(encoding="utf-8"))
            gold_rows = _rows(text_report)
            gold_secs = _sections(text_report)
            gold_find = _findings(run_analysis(src)) if analyze else Counter()
            for kind in kinds:
                path = F.make_scan(src, Path(tmp) / f"{src.stem}_{kind}.{fmt}", kind, fmt)
                before = dict(spent)
                try:
                    if analyze:
                        an = run_analysis(path)
                        rep = an.report
                    else:
                        rep = read_report(path)
                except Exception as exc:  # a refusal is a result too: nothing read
                    print(f"{src.stem} {kind}: {exc}")
                    st = stats[kind]
                    st["chars"] += len(gold_text)
                    st["errors"] += len(gold_text)
                    st["rows"] += len(gold_rows)
                    st["secs"] += len(gold_secs)
                    st["find"] += sum(gold_find.values())
                    continue
                st = stats[kind]
                got = _norm(rep.text)
                dist = edit_distance(gold_text, got)
                st["chars"] += len(gold_text)
                st["errors"] += dist
                rows = _rows(rep)
                left = Counter(rows)
                exact = 0
                for r in gold_rows:
                    if left[r] > 0:
                        left[r] -= 1
                        exact += 1
                    elif details:
                        print(f"  {src.stem} {kind} row differs: {r}")
                st["rows"] += len(gold_rows)
                st["rows_exact"] += exact
                secs = _sections(rep)
                st["secs"] += len(gold_secs)
                st["secs_found"] += sum(1 for s, n in gold_secs.items() if secs.get(s) == n)
                if analyze:
                    got_find = _findings(an)
                    st["find"] += sum(gold_find.values())
                    st["find_same"] += sum((gold_find & got_find).values())
                    st["find_extra"] += sum((got_find - gold_find).values())
                    if details and got_find != gold_find:
                        print(f"  {src.stem} {kind} findings: missing {dict(gold_find - got_find)} "
                              f"extra {dict(got_find - gold_find)}")
                st["reports"] += 1
                st["identical"] += int(analyze and got_find == gold_find)
                st["pages"] += spent["pages"] - before["pages"]
                st["cpu"] += spent["cpu"] - before["cpu"]
                st["wall"] += spent["wall"] - before["wall"]
                if details:
                    print(f"  {src.stem} {kind}: CER {dist / max(1, len(gold_text)):.4f}, rows {exact}/{len(gold_rows)}")
    head = f"{'kind':<10} {'1-CER':>7} {'rows exact':>12} {'sections':>9} {'findings same':>15} {'extra':>6} {'s/page cpu':>11} {'wall':>6}"
    print(head)
    print("-" * len(head))
    tot: dict[str, float] = defaultdict(float)
    for kind in kinds:
        st = stats[kind]
        for k, v in st.items():
            tot[k] += v
        print(_line(kind, st, analyze))
    print("-" * len(head))
    print(_line("all", tot, analyze))
    return 0


def _line(kind: str, st, analyze: bool) -> str:
    cer = st["errors"] / max(1, st["chars"])
    rows = f"{int(st['rows_exact'])}/{int(st['rows'])} {st['rows_exact'] / max(1, st['rows']):.0%}"
    secs = f"{int(st['secs_found'])}/{int(st['secs'])}"
    find = (f"{int(st['find_same'])}/{int(st['find'])} {st['find_same'] / max(1, st['find']):.0%}"
            if analyze else "-")
    extra = str(int(st["find_extra"])) if analyze else "-"
    pages = max(1, st["pages"])
    return (f"{kind:<10} {1 - cer:>7.2%} {rows:>12} {secs:>9} {find:>15} {extra:>6} "
            f"{st['cpu'] / pages:>11.2f} {st['wall'] / pages:>6.2f}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
