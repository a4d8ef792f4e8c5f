"""Speed and memory of the whole tool, on a synthetic corpus of varied reports.

    nlp-pipeline bench                               # 10, 100 and 1,000 reports
    nlp-pipeline bench --sizes 10,100 --with-10000 --workers 2
    python bench/bench_speed.py ...                  # the same

Needs the bench extra (psutil): pip install -e ".[bench]", and the repository's
fixtures (tests/data) or ``--layouts DIR`` with reports of your own.

The corpus is generated, not copied: each report takes the layout of one of the
fixture reports (the seed form, tests/data/report, reader/, the blind sets, the
detector and alignment fixtures; text and HTML), gets another organisation name, every
figure changed (years kept), and about a quarter of its narrative lines replaced by
lines of other reports. It is deterministic (``--seed``).

Printed, on the machine it runs on:
  * cold start: ``nlp-pipeline --help`` and ``nlp-pipeline analyze`` of the seed in a
    fresh process (best and median of ``--repeat``), and the peak memory of the latter;
    with spaCy installed, also ``analyze`` after ``import spacy`` and ``spacy.blank("zh")``
    with a jieba tokenizer (what the default path will load);
  * per stage (read, annotate, numbers, embed, align, detect, write), in this process
    after one warm-up report, over ``--stage-sample`` reports: ms per report, reports/s
    and paragraphs/s, with the default encoder and lexical-only. ``annotate`` is the
    time spent segmenting (jieba, or a spaCy pipeline) whichever stage asked for it, and
    is taken out of that stage; ``write`` is the report's JSON and HTML page;
  * raw ``jieba.lcut`` over the same texts on one core, as the reference;
  * the batch (``nlp-pipeline batch`` with ``--workers``, no cache, every output written)
    in a fresh process for each size and mode: reports/s, paragraphs/s, characters/s as
    seed-sized reports/s and as a share of raw jieba, seconds per report (time is linear
    when it stays flat), CPU seconds per report of the workers and of the driver, and
    peak resident memory of the largest worker and of all processes together, sampled
    every 0.1 s.
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

ROOT = Path(__file__).resolve().parents[2]  # the repository, for an editable install
SEED_REPORT = ROOT / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"
DATA = ROOT / "tests" / "data"

PLACES = ["青云", "临江", "安平", "东岭", "南湖", "北山", "西川", "清源", "白沙", "长乐", "永宁", "金溪",
          "龙泉", "石门", "桃源", "云和", "丰泽", "凤台", "平湖", "海阳"]
_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
STAGES = ("read", "annotate", "numbers", "embed", "align", "detect", "write")


# --- the corpus ------------------------------------------------------------------------


def sources(layouts: list[Path] | None = None) -> list[Path]:
    """The reports whose layouts the corpus copies: ``layouts`` (folders or files), or
    the repository's fixtures (seed, report/, reader/, blind*/, detect/, align/)."""
    if layouts:
        out: list[Path] = []
        for p in layouts:
            out += sorted(q for q in p.rglob("*") if q.suffix in (".txt", ".html")) if p.is_dir() else [p]
        return out
    out = [SEED_REPORT] if SEED_REPORT.exists() else []
    for d in ("report", "reader"):
        out += sorted(q for q in (DATA / d).glob("*") if q.suffix in (".txt", ".html"))
    for d in sorted(DATA.glob("blind*")):
        out += sorted(q for q in d.iterdir() if q.suffix in (".txt", ".html") and q.name.startswith("b"))
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


def make_corpus(folder: Path, n: int, seed: int = 0, layouts: list[Path] | None = None) -> list[Path]:
    """``n`` varied reports in ``folder`` (see the module docstring)."""
    from nlp_pipeline.errors import ReportError
    from nlp_pipeline.ingest import read_report

    bases = []
    for p in sources(layouts):
        try:
            org = read_report(p).organisation or ""
        except ReportError:
            continue
        bases.append((p, p.read_text(encoding="utf-8"), org))
    if not bases:
        raise SystemExit("no report to build the corpus from: run in the repository (tests/data) or give --layouts DIR")
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
    """Peak RSS of the largest process below ``root`` (default: this one) and of root
    and all its descendants together, sampled every ``interval`` seconds."""

    def __init__(self, root: int | None = None, interval: float = 0.1):
        import psutil

        self.psutil = psutil
        self.root = psutil.Process(root) if root else psutil.Process()
        self.interval = interval
        self.peak_worker = 0
        self.peak_total = 0
        self.cpu: dict[int, float] = {}  # pid -> last seen user + system seconds, root included
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = self.root
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


def _run_child(cmd: list[str], ok=(0, 1)) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (bytes) and CPU seconds of one command in a fresh process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.read().decode()[-500:]}")
    proc.stderr.close()
    return wall, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime


# What the default path will load with spaCy: spacy.blank("zh") with jieba as its tokenizer.
_SPACY_THEN_ANALYZE = """
import sys
import jieba, spacy
from spacy.tokens import Doc
class JiebaTokenizer:
    def __init__(self, vocab):
        self.vocab = vocab
    def __call__(self, text):
        words = [w for w in jieba.lcut(text) if w]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))
nlp = spacy.blank("zh")
nlp.tokenizer = JiebaTokenizer(nlp.vocab)
nlp("二〇二一年完成绿化面积3.5万平方米")
from nlp_pipeline.cli import main
main(sys.argv[1:])
"""


def cold_start(repeat: int, report: Path) -> dict:
    exe = [sys.executable, "-m", "nlp_pipeline.cli"] if not _has_script() else ["nlp-pipeline"]
    runs_of = [("--help", exe + ["--help"], (0,)),
               ("analyze", exe + ["analyze", str(report), "--format", "json"], (0, 1))]
    try:
        import importlib.util

        if importlib.util.find_spec("spacy") is not None:
            runs_of.append(("analyze+spaCy", [sys.executable, "-c", _SPACY_THEN_ANALYZE, "analyze", str(report),
                                              "--format", "json"], (0, 1)))
    except (ImportError, ValueError):
        pass
    out = {}
    for name, cmd, ok in runs_of:
        runs = [_run_child(cmd, ok) for _ in range(repeat)]
        walls = [w for w, _, _ in runs]
        out[name] = {"best_s": min(walls), "median_s": statistics.median(walls),
                     "cpu_s": min(c for _, _, c in runs), "peak_mb": max(r for _, r, _ in runs) / 2**20}
    return out


def _has_script() -> bool:
    from shutil import which

    return which("nlp-pipeline") is not None


class _Segmenting:
    """Counts the CPU time spent segmenting (jieba's Tokenizer.cut, a spaCy pipeline's
    __call__), outermost calls only, while it is entered."""

    def __init__(self):
        self.seconds = 0.0
        self._depth = 0
        self._undo: list = []

    def _wrap(self, owner, name: str, generator: bool) -> None:
        inner = getattr(owner, name)
        me = self

        def timed(*a, **kw):
            if me._depth:
                return inner(*a, **kw)
            me._depth += 1
            t = time.process_time()
            try:
                r = inner(*a, **kw)
                return iter(list(r)) if generator else r
            finally:
                me.seconds += time.process_time() - t
                me._depth -= 1

        setattr(owner, name, timed)
        self._undo.append((owner, name, inner))

    def __enter__(self):
        import jieba

        self._wrap(jieba.Tokenizer, "cut", True)
        if "spacy" in sys.modules:
            from spacy.language import Language

            self._wrap(Language, "__call__", False)
        return self

    def __exit__(self, *exc):
        for owner, name, inner in reversed(self._undo):
            setattr(owner, name, inner)
        self._undo.clear()


def stage_times(files: list[Path], mode: str) -> dict:
    """CPU seconds per stage over ``files`` in this process, after one warm-up report,
    the way nlp_pipeline.pipeline.analyze runs them (scoring counts as detect)."""
    from nlp_pipeline import align, detect, ingest, text
    from nlp_pipeline.align.encoders import load_encoder
    from nlp_pipeline.errors import ReportError
    from nlp_pipeline.lexicons import Lexicons
    from nlp_pipeline.model import Analysis, number_findings
    from nlp_pipeline.pipeline import settle_gaps, trusted_mentions
    from nlp_pipeline.report.html import render_report
    from nlp_pipeline.report.score import score_analysis
    from nlp_pipeline.report.serialize import dumps

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
    paragraphs = chars = n = 0
    texts = []
    clock = time.process_time  # CPU time: other processes on the machine do not count
    with _Segmenting() as seg:
        for k, f in enumerate([files[0]] + list(files)):
            warm = k == 0
            s0, e0 = seg.seconds, embed[0]
            t0 = clock()
            try:
                report = ingest.read_report(f)
            except ReportError:
                continue
            t1 = clock()
            s1 = seg.seconds
            mentions = text.extract_mentions(report)
            t2 = clock()
            s2 = seg.seconds
            alignments = align.align_report(report, encoder=enc, mode=mode)
            t3 = clock()
            s3, e3 = seg.seconds, embed[0]
            ctx = detect.Context(report=report, mentions=trusted_mentions(report, mentions), alignments=alignments,
                                 lexicons=Lexicons())
            findings = number_findings(detect.run_detectors(ctx))
            settle_gaps(alignments, findings, report)
            analysis = Analysis(report=report, mentions=mentions, alignments=alignments, findings=findings)
            analysis.score, analysis.metrics = score_analysis(analysis)
            t4 = clock()
            s4 = seg.seconds
            dumps(analysis)
            render_report(analysis, lang="zh", back_link="../index.html")
            t5 = clock()
            s5 = seg.seconds
            if warm:
                continue
            e = e3 - e0
            for name, dt in (("read", t1 - t0 - (s1 - s0)), ("numbers", t2 - t1 - (s2 - s1)), ("embed", e),
                             ("align", t3 - t2 - (s3 - s2) - e), ("detect", t4 - t3 - (s4 - s3)),
                             ("write", t5 - t4 - (s5 - s4)), ("annotate", s5 - s0)):
                tot[name] += dt
            n += 1
            paragraphs += len(report.paragraphs())
            chars += len(report.text)
            texts.append(report.text)
    if enc is not None:
        enc.encode = inner
    return {"seconds": tot, "reports": n, "paragraphs": paragraphs, "chars": chars, "texts": texts}


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


# The batch as `nlp-pipeline batch DIR -o OUT --force` runs it (every output written),
# with analyze's mode; the driver prints its own CPU seconds (its workers' come from wait4).
_BATCH_CHILD = """
import json, sys, time, warnings
warnings.simplefilter("ignore")
from nlp_pipeline.runner.batch import run_batch
folder, outdir, workers, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
t = time.perf_counter()
res = run_batch([folder], outdir, workers=workers, force=True,
                analyze_kwargs={"mode": "lexical"} if mode == "lexical" else None)
print(json.dumps({"wall": time.perf_counter() - t, "ok": len(res.reports), "errors": len(res.errors),
                  "driver_cpu": time.process_time()}))
"""


def batch_run(folder: Path, outdir: Path, workers: int, mode: str) -> dict:
    """One batch in a fresh process: its wall and CPU time and its process tree's memory."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _BATCH_CHILD, str(folder), str(outdir), str(workers), mode],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with PeakMemory(proc.pid) as mem:
        out, err = proc.communicate()
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"batch exited {proc.returncode}: {err.decode()[-800:]}")
    r = json.loads(out.decode().strip().splitlines()[-1])
    r["process_wall"] = wall
    r["peak_worker_mb"] = mem.peak_worker / 2**20
    r["peak_total_mb"] = mem.peak_total / 2**20
    r["workers_cpu"] = sum(mem.cpu.values())  # sampled every 0.1 s: the last tenth may be missed
    return r


# --- printing --------------------------------------------------------------------------


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(prog="nlp-pipeline bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10,100,1000", help="corpus sizes (reports)")
    ap.add_argument("--with-10000", action="store_true", help="add a run of 10,000 reports")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--modes", default="fused,lexical", help="fused (default encoder) and/or lexical")
    ap.add_argument("--stage-sample", type=int, default=100, help="reports timed stage by stage")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each cold start")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--layouts", type=Path, action="append", default=None, metavar="DIR",
                    help="build the corpus from these reports instead of the repository's fixtures")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start runs")
    ap.add_argument("--no-batch", action="store_true", help="skip the batch runs")
    args = ap.parse_args(argv)
    try:
        import psutil  # noqa: F401
    except ImportError:
        raise SystemExit('nlp-pipeline bench needs the bench extra (psutil): pip install -e ".[bench]"')
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_10000:
        sizes.append(10_000)
    modes = [m for m in args.modes.split(",") if m]

    with tempfile.TemporaryDirectory(prefix="nlp-pipeline-bench-") as tmp:
        t = time.perf_counter()
        files = make_corpus(Path(tmp) / "corpus", max(sizes + [args.stage_sample]), args.seed, args.layouts)
        n_layouts = len(sources(args.layouts))
        seed_report = SEED_REPORT if SEED_REPORT.exists() and not args.layouts else files[0]
        # seed-sized means the seed's size whatever the corpus is made from (a --layouts
        # folder's first report is no yardstick)
        seed_chars = len((SEED_REPORT if SEED_REPORT.exists() else seed_report).read_text(encoding="utf-8"))
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        if not args.no_cold:
            for name, r in cold_start(args.repeat, seed_report).items():
                print(f"cold start {name:<14} best {r['best_s']:.2f} s, median {r['median_s']:.2f} s, "
                      f"CPU {r['cpu_s']:.2f} s, peak {r['peak_mb']:.0f} MB", flush=True)
        print(f"corpus: {len(files)} reports from {n_layouts} layouts in {time.perf_counter() - t:.1f} s")

        jieba_rate = None
        par_per_report = None
        for mode in modes:
            st = stage_times(files[: args.stage_sample], mode)
            n, secs = st["reports"], st["seconds"]
            total = sum(secs.values())
            if jieba_rate is None:
                jt = jieba_reference(st["texts"])
                jieba_rate = st["chars"] / jt
                par_per_report = st["paragraphs"] / n
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
                  f"   ({st['chars'] / total / jieba_rate:.2f} of raw jieba's speed on one core)", flush=True)
            if args.no_batch:
                continue
            print(f"\nbatch, {mode}, {args.workers} workers (nlp-pipeline batch, fresh process, wall time, no cache)")
            print(f"  {'reports':>7} {'reports/s':>10} {'par/s':>7} {'seed-eq/s':>10} {'x jieba':>8} {'s/report':>9} "
                  f"{'CPU s/rep':>10} {'driver':>7} {'worker MB':>10} {'total MB':>9} {'errors':>7}")
            per_report = {}
            for size in sizes:
                folder = Path(tmp) / f"batch-{size}"
                sub = files[:size]
                if not folder.exists():
                    folder.mkdir()
                    for p in sub:
                        os.link(p, folder / p.name)
                chars = sum(len(p.read_text(encoding="utf-8")) for p in sub)
                r = batch_run(folder, Path(tmp) / f"out-{mode}-{size}", args.workers, mode)
                cpu = r["workers_cpu"] + r["driver_cpu"]
                wall = r["process_wall"]  # process start and imports included
                per_report[size] = wall / size
                # CPU s/rep: every process's user + system time per report, startup included;
                # driver: the main process's share of it (reading results, pages, tables, copies)
                print(f"  {size:>7} {size / wall:>10.2f} {size * par_per_report / wall:>7.0f} "
                      f"{chars / wall / seed_chars:>10.2f} {chars / wall / jieba_rate:>8.2f} {wall / size:>9.3f} "
                      f"{cpu / size:>10.3f} {r['driver_cpu'] / size:>7.3f} {r['peak_worker_mb']:>10.0f} "
                      f"{r['peak_total_mb']:>9.0f} {r['errors']:>7}", flush=True)
            if len(per_report) >= 2:
                big = max(per_report)
                ref = min((s for s in per_report if 100 <= s < big), default=min(per_report))
                print(f"  linear: {per_report[big] / per_report[ref]:.2f} x the time per report at {big} "
                      f"as at {ref} (1.00 = linear; small sizes carry the start-up)")


if __name__ == "__main__":
    main()
