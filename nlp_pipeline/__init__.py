"""Screening of Chinese government performance self-evaluation reports
(部门整体支出绩效自评表 and the reports around it).

    >>> import nlp_pipeline
    >>> a = nlp_pipeline.analyze("report.txt")       # one report -> Analysis
    >>> reports, findings, errors = nlp_pipeline.batch(["folder/"])  # DataFrames
"""
from __future__ import annotations

__version__ = "0.1.0"


def analyze(path, **kwargs):
    """Analyse one report file; see :func:`nlp_pipeline.pipeline.analyze`."""
    from nlp_pipeline.pipeline import analyze as _analyze

    return _analyze(path, **kwargs)


def batch(paths, **kwargs):
    """Analyse many reports; returns (reports, findings, errors) pandas DataFrames.
    See :func:`nlp_pipeline.runner.batch_frames`."""
    from nlp_pipeline.runner import batch_frames

    return batch_frames(paths, **kwargs)


def read_report(path):
    """Read one file into a :class:`nlp_pipeline.model.Report`."""
    from nlp_pipeline.filetype import check_report_file
    from nlp_pipeline.ingest import read_report as _read

    check_report_file(path)
    return _read(path)
