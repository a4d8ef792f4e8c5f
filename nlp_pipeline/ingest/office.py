"""Zip-based office files: .docx (paragraphs and tables) and .xlsx."""
from __future__ import annotations

import io
import zipfile

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import Report

from .limits import check_zip


_WHAT = {".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx"}


def _damaged(source: str, what: str, exc: Exception) -> ReportError:
    # the library's words go to the English message only: Chinese users get Chinese
    return ReportError(source, f"{what} 文件已损坏或不完整（可能被截断）；请用原软件打开确认，必要时重新导出或另存后再试",
                       f"the {what} file is damaged or incomplete (truncated?): {exc}")


def read_zip(data: bytes, source: str, suffix: str) -> Report:
    what = _WHAT.get(suffix, "zip")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, … : all say "damaged"
        raise _damaged(source, what, exc) from None
    if "word/document.xml" in names:
        what = "docx"
    elif "xl/workbook.xml" in names:
        what = "xlsx"
    # sizes as the zip directory declares them, before testzip inflates every member
    check_zip(source, zf, what)
    try:
        bad = zf.testzip()
    except Exception as exc:
        raise _damaged(source, what, exc) from None
    if bad is not None:
        raise _damaged(source, "zip", ValueError(f"bad member {bad}"))
    if "word/document.xml" in names:
        return read_docx(data, source)
    if "xl/workbook.xml" in names:
        from .sheet import read_table, xlsx_table

        try:
            table = xlsx_table(data, source)
        except ReportError:
            raise
        except Exception as exc:  # openpyxl raises many kinds on damaged parts
            raise _damaged(source, "xlsx", exc) from None
        return read_table(table, source, "xlsx")
    raise ReportError(source, "这是一个 zip 压缩包，但不是 .docx 或 .xlsx 文件",
                      "this is a zip archive but neither a .docx nor a .xlsx file")


def docx_table(data: bytes) -> list[list[str]]:
    """Body paragraphs as one-cell rows and tables as rows, in document order.

    Word repeats a merged cell in every grid place it covers; like a spreadsheet
    export, only its first place keeps the text.
    """
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = docx.Document(io.BytesIO(data))
    out: list[list[str]] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append([Paragraph(child, doc).text])
        elif tag == "tbl":
            prev: list = []
            for row in Table(child, doc).rows:
                cells = list(row.cells)
                texts = []
                for k, cell in enumerate(cells):
                    same_left = k > 0 and cells[k - 1]._tc is cell._tc
                    same_above = k < len(prev) and prev[k]._tc is cell._tc
                    texts.append("" if same_left or same_above else cell.text)
                out.append(texts)
                prev = cells
    return out


def read_docx(data: bytes, source: str) -> Report:
    from .sheet import read_table

    try:
        table = docx_table(data)
    except Exception as exc:  # python-docx / lxml errors on damaged parts
        raise _damaged(source, "docx", exc) from None
    return read_table(table, source, "docx")
