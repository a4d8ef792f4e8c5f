"""Reading reports: any supported file into one :class:`~nlp_pipeline.model.Report`.

``read_report(path)`` sniffs the content (zip, OLE2, PDF, HTML, text) with the file
extension as a hint, runs the matching reader and returns the report. Table-shaped
content goes through the form parser (:mod:`.form`), running text through the narrative
parser (:mod:`.narrative`). Every failure is a :class:`~nlp_pipeline.errors.ReportError`.
"""
from __future__ import annotations

from .dispatch import UNREADABLE_FORMATS, read_bytes, read_report, read_text

# what a directory walk should pick up; content sniffing decides the reader, not this.
# Document formats no reader handles (.doc, .wps, .ofd) are picked up too: in a batch each
# costs a row in errors.csv that says how to convert it, rather than vanishing unseen.
# Images are scans of a report, read by OCR (the ocr extra).
SUPPORTED_EXTENSIONS = (".txt", ".tsv", ".text", ".html", ".htm", ".xhtml", ".docx", ".xlsx", ".xlsm", ".xls",
                        ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff") + tuple(UNREADABLE_FORMATS)

__all__ = ["SUPPORTED_EXTENSIONS", "UNREADABLE_FORMATS", "read_report", "read_text", "read_bytes"]
