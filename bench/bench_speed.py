"""Speed and memory of the whole tool, on a synthetic corpus of varied reports.

    python bench/bench_speed.py                      # 10, 100 and 1,000 reports
    python bench/bench_speed.py --sizes 10,100 --with-10000 --workers 2

Needs the bench extra (psutil): pip install -e ".[bench]".

The corpus is generated, not copied: each report takes the layout of one of the
fixture reports (the seed form, tests/data/report, the blind sets, the detector and
alignment fixtures; text and HTML), gets another organisation name, every figure
changed (years kept), and about a quarter of its narrative lines replaced by lines of
other reports. It is deterministic (``--seed``).

Printed, on the machine it runs on:
  * cold start: ``nlp-pipeline --help`` and ``nlp-pipeline analyze`` of the seed in a
    fresh process (best and median of ``--repeat``), and the peak memory of the latter;
  * per stage (read, numbers, embed, align, detect, write), in this process after one
    warm-up report, over ``--stage-sample`` reports: ms per report, reports/s and
    paragraphs/s, with the default encoder and lexical-only;
  * raw ``jieba.lcut`` over the same texts on one core, as the reference;
  * the batch (``nlp_pipeline.batch`` with ``--workers``, no cache) for each size and
    mode: reports/s, characters/s, its ratio to raw jieba, seconds per report (time is
    linear when it stays flat), and peak resident memory of the largest worker and of
    all processes together, sampled every 0.1 s.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = ROOT / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"
DATA = ROOT / "tests" / "data"

PLACES = ["青云", "临江", "安平", "东岭", "南湖", "北山", "西川", "清源", "白沙", "长乐", "永宁", "金溪",
          "龙泉", "石门", "桃源", "云和", "丰泽", "凤台", "平湖", "海阳"]
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")


# --- the corpus ------------------------------------------------------------------------


def sources() -> list[Path]:
    out = [SEED_REPORT] + sorted((DATA / "report").glob("*.txt"))
    for d in sorted(DATA.glob("blind*")):
        out += sorted(p for p in d.iterdir() if p.suffix in (".txt", ".html") and p.name.startswith("b"))
    out += sorted((DATA / "detect").glob("*.txt")) + sorted((DATA / "align").glob("*.txt"))
    return out


def _narrative(line: str) -> bool:
    s = line.strip()
    return (len(s) >= 30 and "\t" not in s and "|" not in s and "<" not in s
            and len(_CJK.findall(s)) >= 0.6 * len(s))


def _new_figure(m: re.Match, rng: random.Random, text: str) -> str:
    w = m.group(0)
    plain = w.replace(",", "")
    after = text[m.end(): m.end() + 1]
    if re.fullmatch(r"(19|20)\d\d", plain) or float(plain) < 10:
        return w  # years, item numbers and small counts stay
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    value = float(plain) * rng.uniform(0.85, 1.2)
    if after == "%" and value > 100 >= float(plain):
        return w
    s = f"{value:,.{decimals}f}" if "," in w else f"{value:.{decimals}f}"
    return s


def make_corpus(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """``n`` varied reports in ``folder`` (see the module docstring)."""
    from nlp_pipeline.errors import ReportError
    from nlp_pipeline.ingest import read_report

    bases = []
    for p in sources():
        try:
            org = read_report(p).organisation or ""
        except ReportError:
            continue
        bases.append((p, p.read_text(encoding="utf-8"), org))
    pool = [ln for _, text, _ in bases for ln in text.splitlines() if _narrative(ln)]
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        path, text, org = bases[i % len(bases)] if i < len(bases) else rng.choice(bases)
        lines = text.splitlines(keepends=True)
        for k, ln in enumerate(lines):
            if _narrative(ln) and rng.random() < 0.25:
                lines[k] = rng.choice(pool).strip() + "\n"
        text = "".join(lines)
        if len(org) >= 4:
            text = text.replace(org, rng.choice(PLACES) + org[2:])
        text = _NUMBER.sub(lambda m: _new_figure(m, rng, text), text)
        out = folder / f"{i:05d}_{path.stem}{path.suffix}"
        out.write_text(text, encoding="utf-8")
        files.append(out)
    return files


# --- measuring -------------------------------------------------------------------------


class PeakMemory:
    """Peak RSS of the largest descendant process and of the whole process tree."""

    def __init__(self, interval: float = 0.1):
        import psutil

        self.psutil = psutil
        self.interval = interval
        self.peak_worker = 0
        self.peak_total = 0
        self.cpu: dict[int, float] = {}  # descendant pid -> last seen user + system seconds
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = self.psutil.Process()
        while not self._stop.is_set():
            try:
                rss = []
                for k in me.children(recursive=True):
                    try:
                        rss.append(k.memory_info().rss)
                        c = k.cpu_times()
                        self.cpu[k.pid] = c.user + c.system
                    except self.psutil.Error:
                        pass
                self.peak_worker = max(self.peak_worker, max(rss, default=0))
                self.peak_total = max(self.peak_total, me.memory_info().rss + sum(rss))
            except self.psutil.Error:
                pass
            self._stop.wait(self.interval)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()


def _run_child(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one command in a fresh process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}")
    return wall, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


def cold_start(repeat: int) -> dict:
    exe = [sys.executable, "-m", "nlp_pipeline.cli"] if not _has_script() else ["nlp-pipeline"]
    out = {}
    for name, args in (("--help", ["--help"]), ("analyze seed", ["analyze", str(SEED_REPORT), "--format", "json"])):
        runs = [_run_child(exe + args) for _ in range(repeat)]
        walls = [w for w, _, _ in runs]
        out[name] = {"best_s": min(walls), "median_s": statistics.median(walls),
                     "cpu_s": min(c for _, _, c in runs), "peak_mb": max(r for _, r, _ in runs) / 2**20}
    return out


def _has_script() -> bool:
    from shutil import which

    return which("nlp-pipeline") is not None


STAGES = ("read", "numbers", "embed", "align", "detect", "write")


def stage_times(files: list[Path], mode: str) -> dict:
    """Seconds per stage over ``files`` in this process, after one warm-up report, the
    way nlp_pipeline.pipeline.analyze runs them."""
    from nlp_pipeline import align, detect, ingest, text
    from nlp_pipeline.align.encoders import load_encoder
    from nlp_pipeline.lexicons import Lexicons
    from nlp_pipeline.model import Analysis, number_findings
    from nlp_pipeline.pipeline import GAP_CODES, settle_gaps
    from nlp_pipeline.report.score import score_analysis
    from nlp_pipeline.report.serialize import analysis_to_json

    enc = load_encoder() if mode != "lexical" else None
    embed = [0.0]
    if enc is not None:
        inner = enc.encode

        def timed(texts):
            t = time.process_time()
            try:
                return inner(texts)
            finally:
                embed[0] += time.process_time() - t

        enc.encode = timed
    tot = dict.fromkeys(STAGES, 0.0)
    paragraphs = chars = 0
    texts = []
    clock = time.process_time  # CPU time: other processes on the machine do not count
    for k, f in enumerate([files[0]] + list(files)):
        warm = k == 0
        t0 = clock()
        report = ingest.read_report(f)
        t1 = clock()
        mentions = text.extract_mentions(report)
        t2 = clock()
        e0 = embed[0]
        alignments = align.align_report(report, encoder=enc, mode=mode)
        t3 = clock()
        ctx = detect.Context(report=report, mentions=mentions, alignments=alignments, lexicons=Lexicons())
        findings = number_findings(detect.run_detectors(ctx))
        settle_gaps(alignments, findings, report)
        t4 = clock()
        analysis = Analysis(report=report, mentions=mentions, alignments=alignments, findings=findings)
        analysis.score, analysis.metrics = score_analysis(analysis)
        json.dumps(analysis_to_json(analysis), ensure_ascii=False)
        t5 = clock()
        if warm:
            embed[0] = 0.0
            continue
        e = embed[0] - e0
        for name, dt in zip(STAGES, (t1 - t0, t2 - t1, e, t3 - t2 - e, t4 - t3, t5 - t4)):
            tot[name] += dt
        paragraphs += len(report.paragraphs())
        chars += len(report.text)
        texts.append(report.text)
    if enc is not None:
        enc.encode = inner
    return {"seconds": tot, "reports": len(files), "paragraphs": paragraphs, "chars": chars, "texts": texts}


def jieba_reference(texts: list[str]) -> float:
    """Seconds raw jieba.lcut takes over ``texts`` on one core (dictionary loaded first)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    t = time.process_time()
    for s in texts:
        jieba.lcut(s)
    return time.process_time() - t


def batch_run(files: list[Path], workers: int, mode: str) -> dict:
    import nlp_pipeline

    kwargs = {"mode": "lexical"} if mode == "lexical" else None
    import psutil

    before = {k.pid: sum(k.cpu_times()[:2]) for k in psutil.Process().children(recursive=True)}
    with PeakMemory() as mem, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = time.perf_counter()
        reports, _findings, errors = nlp_pipeline.batch([str(f) for f in files], workers=workers,
                                                        analyze_kwargs=kwargs)
        wall = time.perf_counter() - t
    cpu = sum(v - before.get(pid, 0.0) for pid, v in mem.cpu.items())
    return {"wall": wall, "ok": len(reports), "errors": len(errors), "cpu": cpu,
            "peak_worker_mb": mem.peak_worker / 2**20, "peak_total_mb": mem.peak_total / 2**20}


# --- printing --------------------------------------------------------------------------


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="corpus sizes (reports)")
    ap.add_argument("--with-10000", action="store_true", help="add a run of 10,000 reports")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--modes", default="fused,lexical", help="fused (default encoder) and/or lexical")
    ap.add_argument("--stage-sample", type=int, default=100, help="reports timed stage by stage")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each cold start")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start runs")
    ap.add_argument("--no-batch", action="store_true", help="skip the batch runs")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_10000:
        sizes.append(10_000)
    modes = [m for m in args.modes.split(",") if m]

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if not args.no_cold:
        for name, r in cold_start(args.repeat).items():
            print(f"cold start {name:<13} best {r['best_s']:.2f} s, median {r['median_s']:.2f} s, "
                  f"CPU {r['cpu_s']:.2f} s, peak {r['peak_mb']:.0f} MB")

    with tempfile.TemporaryDirectory(prefix="nlp-pipeline-bench-") as tmp:
        t = time.perf_counter()
        files = make_corpus(Path(tmp) / "corpus", max(sizes + [args.stage_sample]), args.seed)
        seed_chars = len(SEED_REPORT.read_text(encoding="utf-8"))
        print(f"corpus: {len(files)} reports from {len(sources())} layouts in {time.perf_counter() - t:.1f} s")

        jieba_rate = None
        for mode in modes:
            st = stage_times(files[: args.stage_sample], mode)
            n, secs = st["reports"], st["seconds"]
            total = sum(secs.values())
            if jieba_rate is None:
                jt = jieba_reference(st["texts"])
                jieba_rate = st["chars"] / jt
                print(f"\nsample: {n} reports, {st['paragraphs']} paragraphs, {st['chars'] / n:,.0f} characters "
                      f"each on average (the seed: {seed_chars:,})")
                print(f"raw jieba.lcut, one core: {n / jt:.1f} reports/s, {jieba_rate / 1e6:.2f} M characters/s, "
                      f"{jieba_rate / seed_chars:.1f} seed-sized reports/s")
            print(f"\nstages, {mode}, one process (CPU time)")
            print(f"  {'stage':<8} {'ms/report':>10} {'reports/s':>10} {'paragraphs/s':>13}")
            for name in STAGES:
                s = secs[name]
                if mode == "lexical" and name == "embed":
                    continue
                print(f"  {name:<8} {1000 * s / n:>10.1f} {n / s if s else float('inf'):>10.1f} "
                      f"{st['paragraphs'] / s if s else float('inf'):>13.0f}")
            print(f"  {'total':<8} {1000 * total / n:>10.1f} {n / total:>10.1f} {st['paragraphs'] / total:>13.0f}"
                  f"   ({st['chars'] / total / jieba_rate:.2f} of raw jieba's speed on one core)")
            if args.no_batch:
                continue
            print(f"\nbatch, {mode}, {args.workers} workers (wall time, no cache)")
            print(f"  {'reports':>7} {'reports/s':>10} {'seed-eq/s':>10} {'x jieba':>8} {'s/report':>9} "
                  f"{'CPU s/rep':>10} {'worker MB':>10} {'total MB':>9} {'errors':>7}")
            for size in sizes:
                sub = files[:size]
                # CPU s/rep: the workers' user + system time per report (startup included);
                # on a machine shared with other work, workers / CPU s/rep is what the
                # cores would give if they were the batch's alone
                chars = sum(len(p.read_text(encoding="utf-8")) for p in sub)
                r = batch_run(sub, args.workers, mode)
                print(f"  {size:>7} {size / r['wall']:>10.2f} {chars / r['wall'] / seed_chars:>10.2f} "
                      f"{chars / r['wall'] / jieba_rate:>8.2f} {r['wall'] / size:>9.3f} "
                      f"{r['cpu'] / size:>10.3f} {r['peak_worker_mb']:>10.0f} {r['peak_total_mb']:>9.0f} {r['errors']:>7}", flush=True)


if __name__ == "__main__":
    main()
