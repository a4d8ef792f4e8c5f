"""Copy detection in a batch: the edges around :mod:`nlp_pipeline.crossdoc`.

The batch feeds each report to a :class:`~nlp_pipeline.crossdoc.CopyDetector` as its
analysis arrives (in this process, whatever engine analysed it), then runs it once after
all reports are in, so its results do not depend on the engine. This module reads the
reference set (``--against``): a previous batch's output folder or its
``copy_index.parquet``, or a folder of reports, which are read (not analysed).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from nlp_pipeline.crossdoc import CopyDetector, CopyResult
from nlp_pipeline.report.copies import INDEX_FILE, INDEX_FILE_JSONL, add_copies, read_index_jsonl

Notify = Callable[[str, str], None]


def start_copies(against: str | Path | None = None, notify: Notify | None = None,
                 params: dict | None = None) -> CopyDetector:  # fmt: skip
    det = CopyDetector(params)
    if against is not None:
        load_reference(det, against, notify)
    return det


def load_reference(det: CopyDetector, against: str | Path, notify: Notify | None = None) -> int:
    """Add the reference reports at ``against`` to ``det``; returns how many."""
    import pandas as pd

    from nlp_pipeline.errors import ReportError
    from nlp_pipeline.ingest import read_report
    from nlp_pipeline.runner.inputs import collect_inputs

    p = Path(against).expanduser()
    index = next((p / n for n in (INDEX_FILE, INDEX_FILE_JSONL) if p.is_dir() and (p / n).is_file()), None)
    if index is None and (p.suffix == ".parquet" or p.name.endswith(".jsonl.gz")):
        index = p
    if index is not None:
        if not index.is_file():
            raise FileNotFoundError(f"--against: {index}")
        if index.name.endswith(".jsonl.gz"):
            return det.add_index_rows(read_index_jsonl(index))
        from nlp_pipeline.report.writers import ParquetUnavailable, have_parquet

        if not have_parquet():
            raise ParquetUnavailable()
        return det.add_index_rows(pd.read_parquet(index).to_dict("records"))
    if not p.exists():
        raise FileNotFoundError(f"--against: {p}")
    files, _ = collect_inputs([p])
    n, failed = 0, []
    used: set[str] = set()
    for f in files:
        try:
            report = read_report(f)
        except (ReportError, OSError, ValueError) as exc:
            failed.append(f"{f.name}: {exc}")
            continue
        rid, k = f.stem, 2
        while rid in used:
            rid, k = f"{f.stem}-{k}", k + 1
        used.add(rid)
        det.add(rid, report, origin="reference")
        n += 1
    if failed and notify is not None:
        notify(f"参照集中有 {len(failed)} 个文件无法读取，已跳过：{failed[0]}",
               f"{len(failed)} file(s) of the reference set could not be read and were skipped: {failed[0]}")
    return n


def finish_copies(det: CopyDetector | None, reports, findings):
    """Run the detector; ``(reports, findings, result)`` with the copy columns and
    findings added (result None when copy detection was off)."""
    if det is None:
        return reports, findings, None
    result: CopyResult = det.run()
    reports, findings = add_copies(reports, findings, result)
    return reports, findings, result
