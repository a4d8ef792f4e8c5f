"""The whole flow in one function: read, extract numbers, align, detect, score."""
from __future__ import annotations

from pathlib import Path

from nlp_pipeline.model import Analysis


def analyze(path: str | Path, *, encoder=None, detectors: list[str] | None = None) -> Analysis:
    """Analyse one report file and return the :class:`Analysis`.

    ``encoder`` is a sentence encoder for the alignment (None: the default fusion of
    lexical and bundled dense similarity; see nlp_pipeline.align).
    Raises :class:`nlp_pipeline.errors.ReportError` for a file that is not a readable
    report.
    """
    from nlp_pipeline import align, detect, ingest, text
    from nlp_pipeline.lexicons import Lexicons
    from nlp_pipeline.report.score import score_analysis

    report = ingest.read_report(path)
    mentions = text.extract_mentions(report)
    alignments = align.align_report(report, encoder=encoder)
    ctx = detect.Context(report=report, mentions=mentions, alignments=alignments, lexicons=Lexicons())
    findings = detect.run_detectors(ctx, only=detectors)
    analysis = Analysis(report=report, mentions=mentions, alignments=alignments, findings=findings)
    analysis.score, analysis.metrics = score_analysis(analysis)
    return analysis
