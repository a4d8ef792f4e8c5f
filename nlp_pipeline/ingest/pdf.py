"""PDF with a text layer, read with pdfplumber; a PDF without a usable one (a scan) is
read by OCR (:mod:`.ocr`, the ``ocr`` extra).

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
from .limits import check_pages

_CID_RE = re.compile(r"\(cid:\d+\)")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
# fewer Chinese characters than this in the text layer: a scan (a stamp or a page number
# may be all the text a scanner's software left on it)
_MIN_CJK = 20


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


def pdf_table(data: bytes, source: str = "<bytes>") -> list[list[str]]:
    import pdfplumber

    rows: list[list[str]] = []
    # pdfminer logs every repair it makes to a damaged file; the user gets one line
    log = logging.getLogger("pdfminer")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            check_pages(source, len(pdf.pages))
            for page in pdf.pages:
                rows.extend(_page_rows(page))
    finally:
        log.setLevel(level)
    return rows


def read_pdf(data: bytes, source: str) -> Report:
    from .reading import build_report, table_grid

    try:
        table = pdf_table(data, source)
    except ReportError:
        raise
    except Exception as exc:  # pdfminer raises PDFSyntaxError, PSEOF, … on damage
        if _encrypted(data, exc):
            raise ReportError(source, "PDF 文件已加密（需要密码才能打开），无法读取；请用 PDF 阅读器输入密码打开后，"
                              "另存或打印为不加密的 PDF，或向报送单位索取未加密的文件",
                              "the PDF is encrypted (password-protected); open it with its password and save or "
                              "print it as an unencrypted PDF, or ask the sender for an unencrypted copy") from None
        raise ReportError(source, "无法读取 PDF 文件（文件损坏或不完整）；请用 PDF 阅读器打开确认，必要时重新导出后再试",
                          f"cannot read the PDF (damaged or incomplete): {exc}") from None
    text, rows, notes = table_grid(source, table)
    visible = _CID_RE.sub("", text)
    # no text layer, or one whose fonts have no Unicode map: the pages are read as images
    if len(_CJK_RE.findall(visible)) < _MIN_CJK or len(_CID_RE.findall(text)) * 8 > len(text):
        from .ocr import read_pdf_scan

        return read_pdf_scan(data, source)
    return build_report(source, "pdf", None, text, rows, notes)


def _encrypted(data: bytes, exc: Exception) -> bool:
    """A PDF that needs a password: pdfminer's own exception says so, or the trailer holds
    an /Encrypt entry (an empty user password opens the rest, so reaching here means not)."""
    name = type(exc).__name__
    if "Password" in name or "Encrypt" in name or "password" in str(exc).lower():
        return True
    cause = exc.__cause__ or exc.__context__
    if cause is not None and ("Password" in type(cause).__name__ or "Encrypt" in type(cause).__name__):
        return True
    return b"/Encrypt" in data[-65536:] or b"/Encrypt" in data[:4096]
