"""Reading reports: any supported file into one :class:`~nlp_pipeline.model.Report`.

``read_report(path)`` sniffs the content (zip, OLE2, PDF, HTML, text) with the file
extension as a hint, runs the matching reader and returns the report. Table-shaped
content goes through the form parser (:mod:`.form`), running text through the narrative
parser (:mod:`.narrative`). Every failure is a :class:`~nlp_pipeline.errors.ReportError`.
"""
from __future__ import annotations

from .dispatch import read_bytes, read_report, read_text

__all__ = ["read_report", "read_text", "read_bytes"]
