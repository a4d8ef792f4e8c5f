"""PDF with a text layer, read with pdfplumber. There is no OCR: a scanned PDF is refused.

Ruled tables (the form printed to PDF) are read as tables; the text around them as
lines, in reading order by their position on the page. Inside a table cell, a line that
does not open a numbered item continues the line before: PDF cells wrap where the
column ends, not where the author broke the line.
"""
from __future__ import annotations

import io
import logging
import re

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import Report
from nlp_pipeline.text.normalize import normalize

from .labels import item_number

_CID_RE = re.compile(r"\(cid:\d+\)")


def _unwrap(cell: str | None) -> str:
    if not cell:
        return ""
    out: list[str] = []
    for line in cell.split("\n"):
        line = line.strip()
        if not line:
            continue
        if out and item_number(normalize(line))[1] is None:
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _page_rows(page) -> list[list[str]]:
    tables = page.find_tables()
    if not tables:
        # no ruled table: keep the columns' positions as runs of spaces, so the table
        # reader sees aligned columns rather than words run together
        text = page.extract_text(layout=True) or ""
        return [[line.rstrip()] for line in text.split("\n") if line.strip()]
    blocks: list[tuple[float, list[list[str]]]] = []
    outside = page
    for tb in tables:
        blocks.append((tb.bbox[1], [[_unwrap(c) for c in row] for row in tb.extract()]))
        try:
            outside = outside.outside_bbox(tb.bbox)
        except ValueError:  # a table bbox reaching past the page edge
            pass
    for line in outside.extract_text_lines():
        blocks.append((line["top"], [[line["text"]]]))
    blocks.sort(key=lambda b: b[0])
    return [row for _, rows in blocks for row in rows]


def pdf_table(data: bytes) -> list[list[str]]:
    import pdfplumber

    rows: list[list[str]] = []
    # pdfminer logs every repair it makes to a damaged file; the user gets one line
    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                rows.extend(_page_rows(page))
    finally:
        log.setLevel(level)
    return rows


def read_pdf(data: bytes, source: str) -> Report:
    from .builder import build
    from .grid import render

    try:
        table = pdf_table(data)
    except Exception as exc:  # pdfminer raises PDFSyntaxError, PSEOF, … on damage
        raise ReportError(source, f"无法读取 PDF 文件（文件损坏或不完整）：{exc}",
                          f"cannot read the PDF (damaged or incomplete): {exc}") from None
    text, rows = render(table)
    visible = _CID_RE.sub("", text)
    if not visible.strip():
        raise ReportError(source, "PDF 没有文字层（可能是扫描件），本工具不做 OCR，无法读取",
                          "the PDF has no text layer (a scan?); this tool does no OCR")
    if len(_CID_RE.findall(text)) * 8 > len(text):
        raise ReportError(source, "PDF 的文字层无法解码（字体缺少 Unicode 映射）",
                          "the PDF text layer cannot be decoded (fonts without a Unicode map)")
    return build(source, "pdf", None, text, rows)
