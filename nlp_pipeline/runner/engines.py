"""Where the analyses run: local worker processes, this process, or a Dask cluster.

Every engine calls :func:`analyze_one` per file and hands each result to ``on_result`` as
it arrives. A file that fails in any way (a bad file, a bug, a worker that dies, a report
that runs past its time limit) becomes that file's error result; the batch goes on.
"""
from __future__ import annotations

import ast
import multiprocessing as mp
import os
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable

from nlp_pipeline.errors import LexiconError, ReportError
from nlp_pipeline.model import Analysis
from nlp_pipeline.report.tables import error_row

# Seconds one report may take in a worker before the worker is stopped and the file
# becomes an error row. A seed-sized report takes about a second; a laptop that is busy
# or swapping, and the first report of a worker (which loads the models), take longer.
DEFAULT_TIMEOUT_S = 180.0

Item = tuple[str, Any]  # (source, payload or None)
OnResult = Callable[[str, dict], None]
Notify = Callable[[str, str], None]  # (Chinese message, English message)


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
    except LexiconError as exc:  # a lexicon file (the user's copy, often) breaks its schema: no bug
        return {"ok": False, **error_row(source, "lexicon", "LexiconError", str(exc), str(exc))}
    except Exception as exc:  # a bug on one file must not stop the corpus
        tb = traceback.extract_tb(exc.__traceback__)
        where = f" ({tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno})" if tb else ""
        msg = f"{type(exc).__name__}: {exc}{where}"
        return {"ok": False, **error_row(
            source, "analyze", type(exc).__name__,
            f"分析时出错（程序缺陷，请把此行报告给维护者）：{msg}",
            f"analysis failed (a bug: please report this line to the maintainers): {msg}")}


def _crash_result(source: str, what: str) -> dict:
    return {"ok": False, **error_row(
        source, "worker", what,
        f"工作进程异常终止（{what}），可能是内存不足：可用 --workers 1 重试",
        f"the worker process died ({what}), perhaps out of memory: retry with --workers 1")}


def _timeout_result(source: str, limit: float) -> dict:
    return {"ok": False, **error_row(
        source, "timeout", "TimeoutError",
        f"分析超过时间限制（{limit:g} 秒）已停止：文件可能过大或异常；可用 --timeout 放宽限制",
        f"stopped after the time limit ({limit:g} s): the file may be too large or malformed; "
        f"raise the limit with --timeout")}


# --- worker processes ------------------------------------------------------------------


def _worker_init() -> None:
    # A worker must not outlive the batch: on Linux ask the kernel to kill it when its
    # parent (the driver, or the fork server that dies with the driver) goes away, even
    # if the driver was killed with SIGKILL and could run no cleanup.
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    # SIGTERM to the process group (a service manager stopping the batch) ends a worker
    # at once; the driver reports what was done
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _ping() -> int:
    return os.getpid()


def _guarded_script(path: str) -> bool:
    """Whether re-running ``path`` as a module does nothing but define things: only
    imports, definitions, assignments and ``if __name__ == "__main__":`` at top level."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError):
        return False
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                             ast.Assign, ast.AnnAssign, ast.Pass)):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # a docstring
        if isinstance(node, ast.If) and "__name__" in ast.unparse(node.test):
            continue
        return False
    return True


def choose_start_method(analyze_fn: Callable | None = None) -> str | None:
    """The multiprocessing start method for the workers, or None to run in this process.

    forkserver is preferred: workers start from a clean process that preloads the
    package once, without the driver's threads. But forkserver and spawn workers import
    the user's main script again, and a script that calls ``nlp_pipeline.batch()``
    without ``if __name__ == "__main__":`` (as most scripts are written) would start a
    batch inside every worker and break the pool. Such a script, and an analyser
    defined in it, get fork, which imports nothing again; where fork does not exist
    the batch runs in this process.
    """
    methods = mp.get_all_start_methods()
    main = sys.modules.get("__main__")
    main_file = getattr(main, "__file__", None)
    runs_as_script = main_file is not None and getattr(main, "__spec__", None) is None
    in_main = getattr(analyze_fn, "__module__", None) == "__main__"
    if in_main or (runs_as_script and not _guarded_script(main_file)):
        return "fork" if "fork" in methods else None
    return "forkserver" if "forkserver" in methods else "spawn"


def _context(method: str, analyze_fn: Callable | None):
    ctx = mp.get_context(method)
    if method != "forkserver":
        return ctx
    # the modules preloaded in the fork server are imported once, not once per worker
    mods = ["nlp_pipeline.runner.engines", "nlp_pipeline.report.serialize"]
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


class Terminated(SystemExit):
    """The batch was asked to stop (SIGTERM); exit status 128 + 15 as a shell reports it."""

    def __init__(self) -> None:
        super().__init__(143)


class _StopOnSigterm:
    """Turns SIGTERM into :class:`Terminated` in the main thread, so that the cleanup in
    ``finally`` blocks runs (workers stopped, staged outputs removed) instead of the
    process vanishing and leaving its workers behind."""

    def __enter__(self):
        self.old = None
        if threading.current_thread() is threading.main_thread():
            try:
                self.old = signal.signal(signal.SIGTERM, self._handle)
            except (ValueError, OSError):
                self.old = None
        return self

    @staticmethod
    def _handle(signum, frame):
        raise Terminated()

    def __exit__(self, *exc):
        if self.old is not None:
            signal.signal(signal.SIGTERM, self.old)


def _kill_pool(pool: ProcessPoolExecutor | None) -> None:
    if pool is None:
        return
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for p in procs:
        try:
            p.kill()
        except (OSError, ValueError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        try:
            p.join(5)  # reaped at once after SIGKILL; the bound only guards a zombie
        except (OSError, ValueError, AssertionError, AttributeError):
            pass


def run_local(
    items: list[Item],
    on_result: OnResult,
    *,
    workers: int | None = None,
    analyze_fn: Callable | None = None,
    analyze_kwargs: dict | None = None,
    timeout: float | None = DEFAULT_TIMEOUT_S,
    notify: Notify | None = None,
) -> None:
    """Run ``analyze_one`` over ``items`` on local worker processes.

    Each worker is a one-process pool given one file at a time: a worker that dies (a
    segfault in a parser, an out-of-memory kill) or runs past ``timeout`` seconds on
    one file loses only that file, which becomes an error row, and that worker alone is
    replaced. ``workers=0`` runs in this process (for debugging; no time limit there).
    On SIGTERM every worker is stopped before the driver exits.
    """
    method = None if workers == 0 else choose_start_method(analyze_fn)
    if workers != 0 and method is None and notify is not None:
        notify("此环境无法启动工作进程，改为在本进程内逐个分析（较慢）",
               "worker processes cannot start here; analysing one file at a time in this process (slower)")
    if method is None:
        _run_here(items, on_result, analyze_fn, analyze_kwargs)
        return
    n = max(1, min(workers or os.cpu_count() or 1, len(items) or 1))
    ctx = _context(method, analyze_fn)
    pools: list[ProcessPoolExecutor | None] = [None] * n
    pending = deque(items)
    inflight: dict = {}  # future -> (worker slot, source, deadline)
    limit = timeout if timeout and timeout > 0 else None
    state = {"started": False}

    def new_pool() -> ProcessPoolExecutor | None:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_worker_init)
        if state["started"]:
            return pool
        # the first worker proves that workers can start at all here; one that cannot
        # (a main module that cannot be imported again) breaks at once
        try:
            pool.submit(_ping).result()
            state["started"] = True
            return pool
        except BrokenProcessPool:
            _kill_pool(pool)
            return None

    def submit(k: int) -> bool:
        if not pending:
            return True
        if pools[k] is None:
            pools[k] = new_pool()
            if pools[k] is None:
                return False
        source, payload = pending.popleft()
        fut = pools[k].submit(analyze_one, source, payload, analyze_fn, analyze_kwargs)
        inflight[fut] = (k, source, time.monotonic() + limit if limit else None)
        return True

    with _StopOnSigterm():
        try:
            for k in range(n):
                if not submit(k):
                    if notify is not None:
                        notify("工作进程无法启动，改为在本进程内逐个分析（较慢）",
                               "worker processes failed to start; analysing one file at a time in this process (slower)")
                    for fut, (_, source, _) in list(inflight.items()):
                        pending.appendleft((source, None))
                    inflight.clear()
                    _run_here(list(pending), on_result, analyze_fn, analyze_kwargs)
                    return
            while inflight:
                deadlines = [d for (_, _, d) in inflight.values() if d is not None]
                wait_s = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
                done, _ = wait(list(inflight), timeout=wait_s, return_when=FIRST_COMPLETED)
                now = time.monotonic()
                for fut in done:
                    k, source, _ = inflight.pop(fut)
                    try:
                        res = fut.result()
                    except BrokenProcessPool:
                        res = _crash_result(source, "BrokenProcessPool")
                        _kill_pool(pools[k])
                        pools[k] = None
                    except Exception as exc:  # e.g. a result that does not pickle
                        res = {"ok": False, **error_row(source, "worker", type(exc).__name__,
                                                        f"工作进程出错：{exc}", f"worker error: {exc}")}
                    # the worker gets its next file before the driver handles this result
                    # (reading it back, its HTML page, copy detection): it is not left idle
                    # while the driver works
                    submit(k)
                    on_result(source, res)
                for fut, (k, source, deadline) in list(inflight.items()):
                    if deadline is not None and now >= deadline and not fut.done():
                        # the only way to stop a hung parse is to stop its process
                        del inflight[fut]
                        _kill_pool(pools[k])
                        pools[k] = None
                        submit(k)
                        on_result(source, _timeout_result(source, limit))
        finally:
            for pool in pools:
                if inflight:
                    _kill_pool(pool)  # interrupted: stop the work in progress now
                elif pool is not None:
                    pool.shutdown(wait=True)


def _run_here(items: list[Item], on_result: OnResult, analyze_fn, analyze_kwargs) -> None:
    for source, payload in items:
        on_result(source, analyze_one(source, payload, analyze_fn, analyze_kwargs))


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
                    on_result(source, {"ok": False, **error_row(
                        source, "read", type(exc).__name__, f"无法读取文件：{exc.strerror or exc}；请检查文件是否还在",
                        f"cannot read the file: {exc.strerror or exc}; check that it is still there")})
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
