"""Which reader a file needs, decided by its content first and its extension second."""
from __future__ import annotations

import re
from pathlib import Path

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import Report

from .decode import NotText, decode
from .limits import check_file_size, check_raw_text
from .reading import build_report, join_dumped_rows, ocr_rules, text_grid

# Document formats without a reader: (name in Chinese, in English, what to save it as).
# Many sites serve HTML or text under these names, so the content decides: only a real
# binary of the format is refused.
UNREADABLE_FORMATS = {
    ".doc": ("旧版 Word 文档（.doc）", "an old Word document (.doc)", ".docx"),
    ".wps": ("WPS 文字文档（.wps）", "a WPS Writer document (.wps)", ".docx"),
    ".et": ("WPS 表格（.et）", "a WPS spreadsheet (.et)", ".xlsx"),
    ".ofd": ("OFD 版式文件（.ofd）", "an OFD layout file (.ofd)", "PDF（含文字层）"),
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# PNG, JPEG, TIFF: a scanned page, read by OCR (nlp_pipeline/ingest/ocr.py; kept here so
# sniffing never imports the OCR engine)
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")

_HTML_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<table[\s>]|<h[1-6][\s>]|<div[\s>]", re.I)


def read_text(text: str, source: str = "<text>", encoding: str | None = None, html: bool | None = None) -> Report:
    """A report from text already decoded (plain-text form export, narrative or HTML).

    ``html`` None: decided by the markup found at the start of the text.
    """
    if html or (html is None and _HTML_RE.search(text[:4000])):
        from .html import read_html

        return read_html(text, source, encoding)
    from .jsondoc import json_table

    table = json_table(text)
    if table is not None:
        # a report served as JSON (an open-data API): read as the sheet it stands for
        from .sheet import read_table

        report = read_table(table, source, "json")
        report.encoding = encoding
        return report
    table = csv_table(text)
    if table is not None:
        # a form saved as CSV (cells joined by commas, a cell with a comma in quotes): read
        # as the table it is, cell by cell
        from .sheet import read_table

        report = read_table(table, source, "csv")
        report.encoding = encoding
        return report
    ruled = ocr_rules(text)
    joined = join_dumped_rows(ruled if ruled is not None else text)
    read, rows, notes = text_grid(source, joined if joined is not None else ruled if ruled is not None else text)
    report = build_report(source, "text", encoding, read, rows, notes)
    if (joined is not None or ruled is not None) and len(read) == len(text):
        report.text = text  # one character for one: the offsets read in the joined rows hold
    return report


CSV_SHARE = 0.6  # of a text's lines that must split into three or more comma cells
CSV_MIN_LINES = 5


def csv_table(text: str) -> list[list[str]] | None:
    """The rows of a text that is a CSV file (a spreadsheet saved as .csv), else None.

    Most of its rows have the same number of cells (a sheet's width), three or more, and
    most hold an empty cell (,,): a narrative typed with half-width commas has neither."""
    import csv
    import io

    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < CSV_MIN_LINES:
        return None
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        return None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return None
    widths: dict[int, int] = {}
    for r in rows:
        widths[len(r)] = widths.get(len(r), 0) + 1
    width, n = max(widths.items(), key=lambda kv: kv[1])
    empty = sum(1 for r in rows if any(not c.strip() for c in r))
    if width < 3 or n < CSV_SHARE * len(rows) or empty < CSV_SHARE * len(rows):
        return None
    return [[c.strip() for c in r] for r in rows]


def read_bytes(data: bytes, source: str = "<bytes>", suffix: str = "") -> Report:
    suffix = suffix.lower()
    check_file_size(source, len(data))
    if not data.strip():
        raise ReportError(source, "文件为空", "the file is empty")
    fmt = UNREADABLE_FORMATS.get(suffix)
    if fmt and (data.startswith(_OLE2) or data.startswith(b"PK\x03\x04")):
        raise ReportError(source, f"不支持{fmt[0]}，请用 Word/WPS 另存为 {fmt[2]} 后再分析",
                          f"{fmt[1]} cannot be read; save it as {fmt[2].split('（')[0]} and analyse that")
    if data.startswith(b"PK\x03\x04") or suffix in (".docx", ".xlsx", ".xlsm"):
        from .office import read_zip

        return read_zip(data, source, suffix)
    if data.startswith(_OLE2) and b"W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t" in data:
        fmt = UNREADABLE_FORMATS[".doc"]  # a Word 97-2003 file under another name
        raise ReportError(source, f"不支持{fmt[0]}，请用 Word/WPS 另存为 .docx 后再分析",
                          f"{fmt[1]} cannot be read; save it as .docx and analyse that")
    if data.startswith(_OLE2) or (suffix == ".xls" and not _is_text(data)):
        from .sheet import read_xls

        return read_xls(data, source)
    if data.startswith(IMAGE_MAGIC):
        from .ocr import read_image

        return read_image(data, source)
    if data.lstrip()[:5] == b"%PDF-" or suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(data, source)
    # text is bounded before decoding: a 50 MB log must not be decoded and parsed first
    check_raw_text(source, len(data))
    notes: list[str] = []
    try:
        text, encoding = decode(data, notes)
    except NotText as exc:
        raise ReportError(source, exc.zh, exc.en) from None
    if not text.strip():
        raise ReportError(source, "文件为空", "the file is empty")
    report = read_text(text, source, encoding, html=True if suffix in (".html", ".htm", ".xhtml") else None)
    report.warnings[:0] = notes
    return report


# containers whose size says nothing about their text: checked by their own readers
_BINARY_MAGIC = (b"PK\x03\x04", _OLE2[:4], b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def _is_text(data: bytes) -> bool:
    """An .xls that is an HTML table or tab-separated text: what many government systems
    export under that name. No binary workbook decodes as text."""
    try:
        decode(data[:65536])
    except NotText:
        return False
    return True


def read_report(path: str | Path) -> Report:
    """Read one report file. Raises :class:`ReportError` with a Chinese and English message."""
    p = Path(path)
    src = str(path)
    if not p.exists():
        raise ReportError(src, "文件不存在", "file not found")
    if p.is_dir():
        raise ReportError(src, "这是一个目录，不是文件", "this is a directory, not a file")
    try:
        size = p.stat().st_size
        check_file_size(src, size)
        with open(p, "rb") as fh:
            head = fh.read(8)
        if not head.startswith(_BINARY_MAGIC):
            # text or markup: refused by its size before 50 MB are read and decoded
            check_raw_text(src, size)
        data = p.read_bytes()
    except OSError as exc:
        raise ReportError(src, f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}") from None
    return read_bytes(data, src, p.suffix)
