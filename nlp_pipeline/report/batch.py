"""Many reports at once: inputs -> analyses (local process pool or Dask) -> tables.

    reports, findings, errors = batch_frames(["corpus/"])          # notebooks
    run_batch(["corpus/"], "out/", formats=("csv", "parquet", "html"))  # the CLI

The driver (this process) reads each input once to hash it, answers from the cache in
OUTDIR/.cache/ when it can, sends the rest to the engine, and turns every result into
table rows as it arrives, so memory stays flat however long the corpus. Workers return
the analysis as JSON-able data (serialize.analysis_to_json), which is also what the cache
stores. A file that fails, in any way, becomes one row of the errors table.
"""
from __future__ import annotations

import glob
import hashlib
import json
import multiprocessing as mp
import os
import tempfile
import traceback
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import Analysis

# Extensions a folder is searched for; a file named explicitly is always tried.
DEFAULT_EXTENSIONS = (".txt", ".tsv", ".html", ".htm", ".docx", ".xlsx", ".xls", ".pdf")

# Finding codes that always get a count column, so tables of different corpora line up;
# a code not listed here still gets a column when it occurs.
KNOWN_CODES = (
    "DUPLICATE_PARAGRAPH",
    "OUTCOME_RESTATES_GOAL",
    "UNSUPPORTED_CLAIM",
    "CLAIM_CONTRADICTED",
    "NUMBER_CONFLICT",
    "ARITHMETIC_MISMATCH",
    "IMPLAUSIBLE_MAGNITUDE",
    "RATE_OVER_100",
    "UNIT_MISMATCH",
    "GOAL_WITHOUT_OUTCOME",
    "PROBLEM_WITHOUT_MEASURE",
    "VAGUE_MEASURE",
    "NAME_VARIANT",
    "DATE_OUT_OF_PERIOD",
    "INDICATOR_SHORTFALL",
    "DEVIATION_UNEXPLAINED",
    "SCORE_MISMATCH",
)

REPORT_COLUMNS = [
    "id", "source", "file_sha256", "reader", "organisation", "year", "title",
    "score", "coverage_points", "evidence_points", "originality_points", "findings_points",
    "severity_penalty", "n_findings", "n_high", "n_medium", "n_low",
]  # fmt: skip
RESEARCH_COLUMNS = [
    "goal_coverage", "goal_coverage_any", "specificity", "vague_share", "duplicated_share",
    "numbers_per_1k_chars", "n_chars", "n_paragraphs", "n_goals", "n_outcome_sentences",
    "n_numbers",
]  # fmt: skip
TAIL_COLUMNS = ["missing_sections", "n_warnings"]
FINDING_COLUMNS = [
    "report_id", "source", "finding_no", "code", "severity", "message", "message_en",
    "paragraphs", "sections", "start", "end", "quote", "offsets", "evidence_json", "values_json",
]  # fmt: skip
ERROR_COLUMNS = ["source", "stage", "error_type", "reason", "reason_en"]


def code_column(code: str) -> str:
    return "n_" + code.lower()


# --- inputs ----------------------------------------------------------------------------


def collect_inputs(
    inputs: Iterable[str | Path],
    extensions: Iterable[str] | None = None,
    exclude: Iterable[str | Path] = (),
) -> tuple[list[Path], list[dict]]:
    """Expand files, folders (recursively, by extension) and glob patterns.

    Returns (files in a stable order without repeats, error rows for inputs that match
    nothing). Hidden files and folders and anything under ``exclude`` (the output folder)
    are skipped.
    """
    exts = tuple(e.lower() for e in (extensions or supported_extensions()))
    excl = [Path(e).resolve() for e in exclude]
    seen: set[Path] = set()
    files: list[Path] = []
    errors: list[dict] = []

    def excluded(p: Path) -> bool:
        rp = p.resolve()
        return any(rp == e or e in rp.parents for e in excl)

    def add(p: Path) -> None:
        rp = p.resolve()
        if rp not in seen and not excluded(p):
            seen.add(rp)
            files.append(p)

    def walk(d: Path) -> None:
        for root, dirs, names in os.walk(d):
            dirs[:] = sorted(x for x in dirs if not x.startswith("."))
            if excluded(Path(root)):
                dirs[:] = []
                continue
            for n in sorted(names):
                if not n.startswith(".") and n.lower().endswith(exts):
                    add(Path(root) / n)

    for raw in inputs:
        p = Path(raw)
        if p.is_file():
            add(p)
        elif p.is_dir():
            walk(p)
        else:
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                errors.append(
                    error_row(str(raw), "input", "FileNotFoundError", "没有匹配的文件或文件夹", "no file or folder matches")
                )
            for m in matches:
                mp_ = Path(m)
                if mp_.is_dir():
                    walk(mp_)
                elif mp_.is_file() and not mp_.name.startswith("."):
                    add(mp_)
    return files, errors


def supported_extensions() -> tuple[str, ...]:
    try:  # the readers know best what they read
        from nlp_pipeline.ingest import SUPPORTED_EXTENSIONS  # type: ignore

        return tuple(SUPPORTED_EXTENSIONS)
    except Exception:
        return DEFAULT_EXTENSIONS


def error_row(source: str, stage: str, error_type: str, reason: str, reason_en: str) -> dict:
    return {"source": source, "stage": stage, "error_type": error_type, "reason": reason, "reason_en": reason_en}


# --- one file, in a worker ---------------------------------------------------------------


def default_analyze(path, **kwargs) -> Analysis:
    from nlp_pipeline.pipeline import analyze

    return analyze(path, **kwargs)


def analyze_one(
    source: str,
    payload: bytes | None,
    analyze_fn: Callable[..., Analysis] | None = None,
    analyze_kwargs: dict | None = None,
) -> dict:
    """Analyse one file and return {"ok": True, "doc": ...} or an error row with
    "ok": False. Never raises for a bad file: the error is the result.

    ``payload`` is the file's bytes when the worker may not see the driver's files (a
    Dask cluster); it is written under a temporary folder with the same file name, so a
    reader that looks at the name sees the same, and ``source`` is put back afterwards.
    """
    from nlp_pipeline.report.serialize import analysis_to_json

    fn = analyze_fn or default_analyze
    try:
        if payload is None:
            analysis = fn(source, **(analyze_kwargs or {}))
        else:
            with tempfile.TemporaryDirectory(prefix="nlp-pipeline-") as tmp:
                local = Path(tmp) / Path(source).name
                local.write_bytes(payload)
                analysis = fn(str(local), **(analyze_kwargs or {}))
        analysis.report.source = source
        return {"ok": True, "doc": analysis_to_json(analysis)}
    except ReportError as exc:
        return {"ok": False, **error_row(source, "read", "ReportError", exc.problem, exc.problem_en)}
    except Exception as exc:  # a bug on one file must not stop the corpus
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" ({tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno})" if tb else ""
        msg = f"{type(exc).__name__}: {exc}{where}"
        return {"ok": False, **error_row(source, "analyze", type(exc).__name__, f"分析时出错：{msg}", f"analysis failed: {msg}")}


# --- engines -----------------------------------------------------------------------------

Item = tuple[str, Any]  # (source, payload or None)
OnResult = Callable[[str, dict], None]


def _crash_result(source: str, what: str) -> dict:
    return {
        "ok": False,
        **error_row(source, "worker", what, f"工作进程异常终止（{what}）", f"the worker process died ({what})"),
    }


def run_local(
    items: list[Item],
    on_result: OnResult,
    *,
    workers: int | None = None,
    analyze_fn: Callable | None = None,
    analyze_kwargs: dict | None = None,
) -> None:
    """Run ``analyze_one`` over ``items`` on local worker processes.

    Each worker is a one-process pool given one file at a time: a worker that dies (a
    segfault in a parser, an out-of-memory kill) loses only the file it held, which
    becomes an error row, and that worker alone is replaced. ``workers=0`` runs in this
    process (for debugging).
    """
    if workers == 0:
        for source, payload in items:
            on_result(source, analyze_one(source, payload, analyze_fn, analyze_kwargs))
        return
    n = max(1, min(workers or os.cpu_count() or 1, len(items) or 1))
    ctx = _mp_context(analyze_fn)
    pools: list[ProcessPoolExecutor | None] = [None] * n
    pending = deque(items)
    inflight: dict = {}

    def submit(k: int) -> None:
        if not pending:
            return
        if pools[k] is None:
            pools[k] = ProcessPoolExecutor(max_workers=1, mp_context=ctx)
        source, payload = pending.popleft()
        fut = pools[k].submit(analyze_one, source, payload, analyze_fn, analyze_kwargs)
        inflight[fut] = (k, source)

    try:
        for k in range(n):
            submit(k)
        while inflight:
            done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
            for fut in done:
                k, source = inflight.pop(fut)
                try:
                    res = fut.result()
                except BrokenProcessPool:
                    res = _crash_result(source, "BrokenProcessPool")
                    pools[k].shutdown(wait=False, cancel_futures=True)
                    pools[k] = None
                except Exception as exc:  # e.g. a result that does not pickle
                    res = {"ok": False, **error_row(source, "worker", type(exc).__name__, f"工作进程出错：{exc}", f"worker error: {exc}")}
                on_result(source, res)
                submit(k)
    finally:
        for pool in pools:
            if pool is not None:
                pool.shutdown(wait=not inflight, cancel_futures=True)


def _mp_context(analyze_fn: Callable | None):
    # forkserver: workers fork from a clean server process (no driver threads, such as
    # the progress bar's, carried into a child), and the modules preloaded there are
    # imported once, not once per worker.
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    mods = ["nlp_pipeline.report.batch", "nlp_pipeline.report.serialize"]
    mod = getattr(analyze_fn, "__module__", None)
    if analyze_fn is None:
        # import only: models load lazily in each worker, after the fork, so no thread
        # pool of a model runtime is ever forked
        mods += ["nlp_pipeline.pipeline", "nlp_pipeline.ingest", "nlp_pipeline.text",
                 "nlp_pipeline.align", "nlp_pipeline.detect"]  # fmt: skip
    elif mod and mod != "__main__":
        mods.append(mod)
    ctx.set_forkserver_preload(mods)
    return ctx


def run_dask(
    items: list[Item],
    on_result: OnResult,
    *,
    scheduler: str | None = None,
    client=None,
    analyze_fn: Callable | None = None,
    analyze_kwargs: dict | None = None,
) -> None:
    """Run ``analyze_one`` over ``items`` on a Dask cluster (``scheduler`` address, or a
    ``client`` already connected). Files travel as bytes, so workers need no shared
    filesystem; they need nlp-pipeline installed (same version) and its models."""
    from distributed import Client, as_completed

    own = client is None
    if own:
        if not scheduler:
            raise ValueError("the dask engine needs a scheduler address (--scheduler)")
        client = Client(scheduler)
    try:
        import uuid

        run_id = uuid.uuid4().hex[:12]
        futs = {}
        for i, (source, payload) in enumerate(items):
            if payload is None:
                try:
                    payload = Path(source).read_bytes()
                except OSError as exc:  # gone since it was hashed
                    on_result(source, {"ok": False, **error_row(source, "read", type(exc).__name__, f"无法读取文件：{exc}", f"cannot read the file: {exc}")})
                    continue
            fut = client.submit(
                analyze_one, source, payload, analyze_fn, analyze_kwargs, pure=False, key=f"nlp-pipeline-{run_id}-{i}"
            )
            futs[fut] = source
        for fut in as_completed(list(futs)):
            source = futs.pop(fut)
            try:
                res = fut.result()
            except Exception as exc:  # KilledWorker after repeated worker deaths
                res = {"ok": False, **error_row(source, "worker", type(exc).__name__, f"集群工作进程出错：{exc}", f"cluster worker error: {exc}")}
            fut.release()
            on_result(source, res)
    finally:
        if own:
            client.close()


# --- cache -----------------------------------------------------------------------------


def cache_namespace(analyze_fn: Callable | None, analyze_kwargs: dict | None) -> str:
    """Cache folder name: tool, schema and score-formula versions plus the analyser and
    its options, so that a new version or another model never reuses old results."""
    from nlp_pipeline import __version__
    from nlp_pipeline.report.score import FORMULA_VERSION
    from nlp_pipeline.report.serialize import SCHEMA_VERSION

    fn = analyze_fn or default_analyze
    ident = json.dumps(
        [__version__, SCHEMA_VERSION, FORMULA_VERSION, f"{fn.__module__}.{fn.__qualname__}", sorted((analyze_kwargs or {}).items())],
        default=str,
    )
    return f"v{__version__}-{hashlib.sha256(ident.encode()).hexdigest()[:12]}"


class Cache:
    """Finished analyses keyed by the SHA-256 of the file's bytes."""

    def __init__(self, folder: str | Path | None):
        self.folder = Path(folder) if folder else None

    def _path(self, digest: str) -> Path:
        return self.folder / f"{digest}.json"

    def get(self, digest: str) -> dict | None:
        if self.folder is None:
            return None
        try:
            with open(self._path(digest), encoding="utf-8") as fh:
                return json.load(fh)
        except (OSError, ValueError):
            return None

    def put(self, digest: str, doc: dict) -> None:
        if self.folder is None:
            return
        from nlp_pipeline.report.writers import atomic_write_text

        atomic_write_text(self._path(digest), json.dumps(doc, ensure_ascii=False, allow_nan=False))


# --- rows ------------------------------------------------------------------------------


def report_row(analysis: Analysis, rid: str, digest: str | None = None) -> dict:
    r, s, m = analysis.report, analysis.score, analysis.metrics or {}
    parts = s.parts if s else {}
    sev = [f.severity for f in analysis.findings]
    row: dict[str, Any] = {
        "id": rid,
        "source": r.source,
        "file_sha256": digest,
        "reader": r.reader,
        "organisation": r.organisation,
        "year": r.year,
        "title": r.title,
        "score": s.total if s else None,
        "coverage_points": parts.get("coverage_points"),
        "evidence_points": parts.get("evidence_points"),
        "originality_points": parts.get("originality_points"),
        "findings_points": parts.get("findings_points"),
        "severity_penalty": parts.get("severity_penalty"),
        "n_findings": len(sev),
        "n_high": sev.count("high"),
        "n_medium": sev.count("medium"),
        "n_low": sev.count("low"),
    }
    for f in analysis.findings:
        col = code_column(f.code)
        row[col] = row.get(col, 0) + 1
    for c in RESEARCH_COLUMNS:
        row[c] = m.get(c)
    row["missing_sections"] = ";".join(r.missing_sections)
    row["n_warnings"] = len(r.warnings)
    return row


def finding_rows(analysis: Analysis, rid: str) -> list[dict]:
    rows = []
    for i, f in enumerate(analysis.findings, 1):
        ev = f.evidence
        rows.append(
            {
                "report_id": rid,
                "source": analysis.report.source,
                "finding_no": i,
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
                "message_en": f.message_en,
                "paragraphs": ";".join(e.paragraph for e in ev),
                "sections": ";".join(e.section for e in ev),
                "start": ev[0].start if ev else None,
                "end": ev[0].end if ev else None,
                "quote": ev[0].quote if ev else "",
                "offsets": ";".join(f"{e.start}-{e.end}" for e in ev),
                "evidence_json": json.dumps([e.__dict__ for e in ev], ensure_ascii=False),
                "values_json": json.dumps(f.values, ensure_ascii=False, default=str, sort_keys=True),
            }
        )
    return rows


def frames(report_rows: list[dict], finding_rows_: list[dict], error_rows: list[dict]):
    """The three pandas DataFrames, with fixed column order and dtypes."""
    import pandas as pd

    extra = sorted({k for r in report_rows for k in r if k.startswith("n_") and k not in REPORT_COLUMNS + RESEARCH_COLUMNS + TAIL_COLUMNS}
                   - {code_column(c) for c in KNOWN_CODES})  # fmt: skip
    code_cols = [code_column(c) for c in KNOWN_CODES] + extra
    cols = REPORT_COLUMNS + code_cols + RESEARCH_COLUMNS + TAIL_COLUMNS
    reports = pd.DataFrame(report_rows, columns=cols)
    for c in code_cols + ["n_findings", "n_high", "n_medium", "n_low", "n_warnings"]:
        reports[c] = reports[c].fillna(0).astype("int64")
    reports["year"] = reports["year"].astype("Int64")
    for c in ["score", "coverage_points", "evidence_points", "originality_points", "findings_points",
              "severity_penalty"] + RESEARCH_COLUMNS:  # fmt: skip
        reports[c] = pd.to_numeric(reports[c], errors="coerce").astype("float64")
    for c in ["id", "source", "file_sha256", "reader", "organisation", "title", "missing_sections"]:
        reports[c] = reports[c].astype("string")
    findings = pd.DataFrame(finding_rows_, columns=FINDING_COLUMNS)
    for c in ["finding_no", "start", "end"]:
        findings[c] = findings[c].astype("Int64")
    for c in FINDING_COLUMNS:
        if c not in ("finding_no", "start", "end"):
            findings[c] = findings[c].astype("string")
    errors = pd.DataFrame(error_rows, columns=ERROR_COLUMNS).astype("string")
    return reports, findings, errors


# --- the batch -------------------------------------------------------------------------


@dataclass
class BatchResult:
    reports: Any  # pandas DataFrame
    findings: Any
    errors: Any
    files: list[Path] = field(default_factory=list)  # outputs written
    n_cached: int = 0
    n_analysed: int = 0


def _report_ids(files: list[Path], digests: dict[str, str]) -> dict[str, str]:
    """Batch-unique ids: the file stem, with a content-hash suffix where two inputs share
    a stem (reports/<id>.html must not overwrite another report's page)."""
    stems: dict[str, int] = {}
    for f in files:
        stems[f.stem] = stems.get(f.stem, 0) + 1
    out, used = {}, set()
    for f in files:
        rid = f.stem if stems[f.stem] == 1 else f"{f.stem}-{digests.get(str(f), '')[:8]}"
        base, k = rid, 2
        while rid in used:
            rid, k = f"{base}-{k}", k + 1
        used.add(rid)
        out[str(f)] = rid
    return out


def analyse_files(
    files: list[Path],
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    client=None,
    analyze_fn: Callable | None = None,
    analyze_kwargs: dict | None = None,
    cache_dir: str | Path | None = None,
    force: bool = False,
    on_analysis: Callable[[str, str, Analysis], None] | None = None,
    progress: Callable[[dict], None] | None = None,
) -> tuple[list[dict], list[dict], list[dict], dict]:
    """Analyse ``files`` and return (report rows, finding rows, error rows, counts), rows
    in input order whatever order the engine finishes in. ``on_analysis(source, id,
    analysis)`` sees each analysis once (the HTML writer uses it)."""
    from nlp_pipeline.report.serialize import analysis_from_json

    cache = Cache(Path(cache_dir) / cache_namespace(analyze_fn, analyze_kwargs) if cache_dir else None)
    digests: dict[str, str] = {}
    read_errors: dict[str, dict] = {}
    for f in files:
        try:
            digests[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
        except OSError as exc:
            read_errors[str(f)] = error_row(str(f), "read", type(exc).__name__, f"无法读取文件：{exc.strerror or exc}", f"cannot read the file: {exc.strerror or exc}")
    ids = _report_ids(files, digests)
    rrows: dict[str, dict] = {}
    frows: dict[str, list[dict]] = {}
    erows: dict[str, dict] = dict(read_errors)
    counts = {"total": len(files), "done": len(read_errors), "failed": len(read_errors), "cached": 0, "analysed": 0}

    def accept(source: str, doc: dict) -> None:
        analysis = analysis_from_json(doc)
        analysis.report.source = source
        rid = ids[source]
        rrows[source] = report_row(analysis, rid, digests.get(source))
        frows[source] = finding_rows(analysis, rid)
        if on_analysis is not None:
            on_analysis(source, rid, analysis)

    todo: list[Item] = []
    for f in files:
        s = str(f)
        if s in read_errors:
            continue
        doc = None if force else cache.get(digests[s])
        if doc is not None:
            accept(s, doc)
            counts["cached"] += 1
            counts["done"] += 1
        else:
            todo.append((s, None))
    if progress:
        progress(dict(counts))

    def on_result(source: str, res: dict) -> None:
        counts["done"] += 1
        if res.get("ok"):
            try:
                cache.put(digests[source], res["doc"])
                accept(source, res["doc"])
                counts["analysed"] += 1
            except Exception as exc:  # a result the driver cannot use is that file's error
                erows[source] = error_row(source, "collect", type(exc).__name__, f"结果无法处理：{exc}", f"result could not be used: {exc}")
                counts["failed"] += 1
        else:
            erows[source] = {k: res[k] for k in ("source", "stage", "error_type", "reason", "reason_en")}
            counts["failed"] += 1
        if progress:
            progress(dict(counts))

    if todo:
        if engine == "local":
            run_local(todo, on_result, workers=workers, analyze_fn=analyze_fn, analyze_kwargs=analyze_kwargs)
        elif engine == "dask":
            run_dask(todo, on_result, scheduler=scheduler, client=client, analyze_fn=analyze_fn, analyze_kwargs=analyze_kwargs)
        else:
            raise ValueError(f"unknown engine {engine!r}")
    order = [str(f) for f in files]
    return (
        [rrows[s] for s in order if s in rrows],
        [r for s in order for r in frows.get(s, [])],
        [erows[s] for s in order if s in erows],
        counts,
    )


def batch_frames(
    paths: Iterable[str | Path] | str | Path,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    client=None,
    analyze_fn: Callable | None = None,
    analyze_kwargs: dict | None = None,
    cache_dir: str | Path | None = None,
    force: bool = False,
    progress: Callable[[dict], None] | bool | None = None,
):
    """Analyse files, folders and globs; return (reports, findings, errors) DataFrames.

    ``progress=True`` shows a tqdm bar (counts, failures, ETA); a callable receives the
    counts dict (total, done, cached, analysed, failed) after each file.

    Columns are documented in docs/output.md. Nothing is written unless ``cache_dir`` is
    given (then finished analyses are kept there and reused unless ``force``).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files, input_errors = collect_inputs(paths)
    bar = None
    if progress is True:  # a notebook-friendly bar with counts and ETA
        from tqdm.auto import tqdm

        bar = tqdm(total=len(files), unit="report")

        def progress(counts: dict) -> None:
            bar.n = counts["done"]
            bar.set_postfix(cached=counts["cached"], failed=counts["failed"], refresh=False)
            bar.refresh()

    elif progress is False:
        progress = None
    try:
        rrows, frows, erows, _ = analyse_files(
            files, workers=workers, engine=engine, scheduler=scheduler, client=client,
            analyze_fn=analyze_fn, analyze_kwargs=analyze_kwargs, cache_dir=cache_dir,
            force=force, progress=progress,
        )  # fmt: skip
    finally:
        if bar is not None:
            bar.close()
    return frames(rrows, frows, input_errors + erows)


FORMATS = ("csv", "parquet", "html")


def run_batch(
    inputs: Iterable[str | Path],
    outdir: str | Path,
    *,
    formats: Iterable[str] = FORMATS,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    client=None,
    force: bool = False,
    lang: str = "zh",
    analyze_fn: Callable | None = None,
    analyze_kwargs: dict | None = None,
    progress: Callable[[dict], None] | None = None,
) -> BatchResult:
    """The ``nlp-pipeline batch`` command without its command line: analyse, then write
    reports/findings/errors tables and the HTML pages into ``outdir``. Every file is
    staged and only renamed into place once all of them are rendered."""
    from nlp_pipeline.report import writers

    formats = tuple(formats)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown format(s): {', '.join(bad)}")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    files, input_errors = collect_inputs(inputs, exclude=[outdir])
    staging = writers.Staging(outdir)

    def on_analysis(source: str, rid: str, analysis: Analysis) -> None:
        if "html" in formats:
            from nlp_pipeline.report.html import render_report

            staging.add(f"reports/{rid}.html", render_report(analysis, lang=lang, back_link="../index.html"))

    try:
        rrows, frows, erows, counts = analyse_files(
            files, workers=workers, engine=engine, scheduler=scheduler, client=client,
            analyze_fn=analyze_fn, analyze_kwargs=analyze_kwargs, cache_dir=outdir / ".cache",
            force=force, on_analysis=on_analysis, progress=progress,
        )  # fmt: skip
        reports, findings, errors = frames(rrows, frows, input_errors + erows)
        if "csv" in formats:
            staging.add("reports.csv", writers.csv_bytes(reports))
            staging.add("findings.csv", writers.csv_bytes(findings))
        if "parquet" in formats:
            staging.add("reports.parquet", writers.parquet_bytes(reports))
            staging.add("findings.parquet", writers.parquet_bytes(findings))
        # errors.csv always: a run must say what it could not read
        staging.add("errors.csv", writers.csv_bytes(errors))
        if "html" in formats:
            from nlp_pipeline.report.html import render_index

            staging.add("index.html", render_index(reports, errors, lang=lang))
        written = staging.commit()
    except BaseException:
        staging.abort()
        raise
    return BatchResult(
        reports, findings, errors, files=written, n_cached=counts["cached"], n_analysed=counts["analysed"]
    )
