"""Many reports at once: inputs -> analyses (local workers or Dask) -> tables and pages.

    reports, findings, errors = batch_frames(["corpus/"])                 # notebooks
    run_batch(["corpus/"], "out/", formats=("csv", "parquet", "html"))    # the CLI

The driver (this process) reads each input once to hash it, answers from the cache in
OUTDIR/.cache/ when it can, sends the rest to the engine, and turns every result into
table rows as it arrives, so memory stays flat however long the corpus. Workers return
the analysis as JSON-able data (serialize.analysis_to_json), which is also what the cache
stores. A file that fails, in any way, becomes one row of the errors table. Writing the
outputs is report/'s business; this module only decides what runs where.
"""
from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from nlp_pipeline.model import Analysis
from nlp_pipeline.report.tables import error_row, finding_rows, frames, report_row
from nlp_pipeline.report.copies import pairs_frame, stage_copies
from nlp_pipeline.runner.cache import Cache
from nlp_pipeline.runner.copies import finish_copies, start_copies
from nlp_pipeline.runner.engines import DEFAULT_TIMEOUT_S, Item, Notify, _StopOnSigterm, run_dask, run_local
from nlp_pipeline.runner.fingerprint import fingerprint
from nlp_pipeline.runner.inputs import collect_inputs

FORMATS = ("csv", "parquet", "html")


def default_formats() -> tuple[str, ...]:
    """Every format, less Parquet where pyarrow (the ``parquet`` extra) is not installed."""
    from nlp_pipeline.report.writers import have_parquet

    return FORMATS if have_parquet() else tuple(f for f in FORMATS if f != "parquet")


class BatchWarning(UserWarning):
    """Something the user of ``nlp_pipeline.batch()`` must know about the run."""


@dataclass
class BatchResult:
    reports: Any  # pandas DataFrame
    findings: Any
    errors: Any
    files: list[Path] = field(default_factory=list)  # outputs written
    n_cached: int = 0
    n_analysed: int = 0
    n_inputs: int = 0  # files found
    warnings: list[str] = field(default_factory=list)
    copy_pairs: Any = None  # pandas DataFrame: reports that share text (copy_pairs.csv)


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


def check_model(encoder: Any) -> None:
    """A model named by a path that does not exist fails before any file is read,
    instead of once per file."""
    from nlp_pipeline.align.encoders import BUNDLED, EncoderError

    if not isinstance(encoder, str) or encoder.lower() in BUNDLED:
        return
    looks_like_path = encoder.startswith((".", "/", "~")) or encoder.count("/") != 1
    if looks_like_path and not Path(encoder).expanduser().exists():
        raise EncoderError(encoder, "模型路径不存在：请检查 --model 后的路径", "no such model path: check the path after --model")


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
    timeout: float | None = DEFAULT_TIMEOUT_S,
    on_analysis: Callable[[str, str, Analysis], None] | None = None,
    progress: Callable[[dict], None] | None = None,
    notify: Notify | None = None,
) -> tuple[list[dict], list[dict], list[dict], dict]:
    """Analyse ``files`` and return (report rows, finding rows, error rows, counts), rows
    in input order whatever order the engine finishes in. ``on_analysis(source, id,
    analysis)`` sees each analysis once (the HTML writer uses it)."""
    from nlp_pipeline.report.serialize import analysis_from_json

    cache = Cache(cache_dir, fingerprint(analyze_fn, analyze_kwargs) if cache_dir else "")
    digests: dict[str, str] = {}
    read_errors: dict[str, dict] = {}
    for f in files:
        try:
            digests[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
        except OSError as exc:
            why = exc.strerror or str(exc)
            read_errors[str(f)] = error_row(str(f), "read", type(exc).__name__,
                                            f"无法读取文件：{why}；请检查文件是否存在、是否有读取权限",
                                            f"cannot read the file: {why}; check that it exists and is readable")
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
            run_local(todo, on_result, workers=workers, analyze_fn=analyze_fn, analyze_kwargs=analyze_kwargs,
                      timeout=timeout, notify=notify)
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


def nothing_analysed_message(n_inputs: int, n_errors: int) -> tuple[str, str]:
    """(Chinese, English) for a run that analysed no report."""
    if n_inputs == 0:
        return ("没有分析任何报告：输入中没有找到报告文件（见 errors 表）；请检查路径、通配符或文件夹",
                "no report was analysed: no report file was found in the inputs (see the errors table); "
                "check the paths, patterns or folders")
    return (f"没有分析任何报告：{n_errors} 个输入全部失败（原因见 errors 表）",
            f"no report was analysed: all {n_errors} inputs failed (reasons in the errors table)")


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
    timeout: float | None = DEFAULT_TIMEOUT_S,
    progress: Callable[[dict], None] | bool | None = None,
    lang: str = "zh",
    copies: bool = True,
    against: str | Path | None = None,
):
    """Analyse files, folders and globs; return (reports, findings, errors) DataFrames.

    Works the same from a notebook, a script with or without ``if __name__ ==
    "__main__":``, and the CLI. ``progress=True`` shows a tqdm bar (counts, failures,
    ETA); a callable receives the counts dict (total, done, cached, analysed, failed)
    after each file. ``timeout`` is the limit in seconds for one report (None: none).
    A run that analysed no report warns (:class:`BatchWarning`) and says why.

    Columns are documented in docs/output.md. Nothing is written unless ``cache_dir`` is
    given (then finished analyses are kept there and reused unless ``force``). Copying
    across the reports (and from the reports at ``against``) adds its columns and
    findings unless ``copies=False``.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files, input_errors = collect_inputs(paths)
    if analyze_kwargs:
        check_model(analyze_kwargs.get("encoder"))
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

    def notify(zh: str, en: str) -> None:
        warnings.warn(zh if lang == "zh" else en, BatchWarning, stacklevel=4)

    det = start_copies(against, notify) if copies else None
    try:
        rrows, frows, erows, _ = analyse_files(
            files, workers=workers, engine=engine, scheduler=scheduler, client=client,
            analyze_fn=analyze_fn, analyze_kwargs=analyze_kwargs, cache_dir=cache_dir,
            force=force, timeout=timeout, progress=progress, notify=notify,
            on_analysis=(lambda _s, rid, a: det.add(rid, a.report)) if det else None,
        )  # fmt: skip
    finally:
        if bar is not None:
            bar.close()
    if not rrows:
        zh, en = nothing_analysed_message(len(files), len(input_errors) + len(erows))
        notify(zh, en)
    reports, findings, errors = frames(rrows, frows, input_errors + erows)
    reports, findings, _ = finish_copies(det, reports, findings)
    return reports, findings, errors


def run_batch(
    inputs: Iterable[str | Path],
    outdir: str | Path,
    *,
    formats: Iterable[str] | None = None,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    client=None,
    force: bool = False,
    lang: str = "zh",
    analyze_fn: Callable | None = None,
    analyze_kwargs: dict | None = None,
    timeout: float | None = DEFAULT_TIMEOUT_S,
    progress: Callable[[dict], None] | None = None,
    notify: Notify | None = None,
    copies: bool = True,
    against: str | Path | None = None,
) -> BatchResult:
    """The ``nlp-pipeline batch`` command without its command line: analyse, then write
    reports/findings/errors tables and the HTML pages into ``outdir``. Every file is
    staged and only renamed into place once all of them are rendered; temporary files
    that an interrupted run left behind are removed first. ``formats`` defaults to all
    of :data:`FORMATS`, less Parquet where pyarrow (the ``parquet`` extra) is not
    installed; Parquet asked for without it raises
    :class:`~nlp_pipeline.report.writers.ParquetUnavailable` before any work."""
    from nlp_pipeline.report import writers

    formats = default_formats() if formats is None else tuple(formats)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown format(s): {', '.join(bad)}")
    if "parquet" in formats and not writers.have_parquet():
        raise writers.ParquetUnavailable()
    if analyze_kwargs:
        check_model(analyze_kwargs.get("encoder"))
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    writers.remove_stale_temporaries(outdir)
    files, input_errors = collect_inputs(inputs, exclude=[outdir])
    staging = writers.Staging(outdir)
    said: list[str] = []

    def tell(zh: str, en: str) -> None:
        said.append(zh if lang == "zh" else en)
        if notify is not None:
            notify(zh, en)

    det = start_copies(against, tell) if copies else None

    def on_analysis(source: str, rid: str, analysis: Analysis) -> None:
        if det is not None:
            det.add(rid, analysis.report)
        if "html" in formats:
            from nlp_pipeline.report.html import render_report

            staging.add(f"reports/{rid}.html", render_report(analysis, lang=lang, back_link="../index.html"))

    with _StopOnSigterm():
        try:
            rrows, frows, erows, counts = analyse_files(
                files, workers=workers, engine=engine, scheduler=scheduler, client=client,
                analyze_fn=analyze_fn, analyze_kwargs=analyze_kwargs, cache_dir=outdir / ".cache",
                force=force, timeout=timeout, on_analysis=on_analysis, progress=progress, notify=tell,
            )  # fmt: skip
            reports, findings, errors = frames(rrows, frows, input_errors + erows)
            reports, findings, copied = finish_copies(det, reports, findings)
            if det is not None:
                stage_copies(staging, copied, det.index_rows(), formats, lang=lang)
            written = writers.write_batch(staging, reports, findings, errors, formats, lang=lang, copies=copied)
        except BaseException:
            staging.abort()
            raise
    return BatchResult(
        reports, findings, errors, files=written, n_cached=counts["cached"], n_analysed=counts["analysed"],
        n_inputs=len(files), warnings=said, copy_pairs=pairs_frame(copied) if det is not None else None,
    )
