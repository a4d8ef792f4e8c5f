"""Copying across reports: another unit's text, last year's text, and boilerplate.

A stage above the per-report pipeline and below the batch runner: it takes the analysed
reports of a batch (and optionally a reference set) and returns, per report, the shares
of copied, repeated and boilerplate text and the findings, and for the batch the pairs of
reports that share text. Pure: the runner reads and writes.

    from nlp_pipeline.crossdoc import CopyDetector
    det = CopyDetector()
    det.add("a", report_a); det.add("b", report_b)
    result = det.run()
"""
from nlp_pipeline.crossdoc.core import (
    CODES,
    COPIED,
    REPEATED,
    CopyDetector,
    CopyPair,
    CopyResult,
    CopyStats,
    SpanPair,
    find_copies,
    load_params,
)

__all__ = [
    "CODES",
    "COPIED",
    "REPEATED",
    "CopyDetector",
    "CopyPair",
    "CopyResult",
    "CopyStats",
    "SpanPair",
    "find_copies",
    "load_params",
]
