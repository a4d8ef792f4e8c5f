"""Spreadsheets (.xlsx, .xls): every sheet's used range as rows of cell strings.

Merged cells hold their value in the top-left cell only, which is how the exported
forms look already. Numbers are written as the sheet shows them where that matters:
a percentage format gives "97.54%", whole numbers lose their ".0".
"""
from __future__ import annotations

import datetime as _dt
import io

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import Report


def _fmt(value, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        if number_format and "%" in number_format:
            return _num(value * 100) + "%"
        return _num(value)
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    return str(value)


def _num(v: float) -> str:
    v = round(float(v), 10)
    return str(int(v)) if v == int(v) else repr(v)


def _trim(rows: list[list[str]]) -> list[list[str]]:
    out = []
    for row in rows:
        while row and not row[-1].strip():
            row = row[:-1]
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out


def xlsx_table(data: bytes) -> list[list[str]]:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    table: list[list[str]] = []
    for ws in wb.worksheets:
        rows = [[_fmt(c.value, c.number_format) for c in row] for row in ws.iter_rows()]
        rows = _trim(rows)
        if rows:
            if table:
                table.append([])
            table.extend(rows)
    return table


def xls_table(data: bytes) -> list[list[str]]:
    import xlrd

    # xlrd reports damage on a log stream (stdout by default): keep it off our output
    book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO())
    table: list[list[str]] = []
    for sh in book.sheets():
        rows = []
        for r in range(sh.nrows):
            row = []
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                fmt = None
                if cell.ctype == xlrd.XL_CELL_NUMBER:
                    xf = book.xf_list[cell.xf_index]
                    fmt = book.format_map[xf.format_key].format_str
                    row.append(_fmt(cell.value, fmt))
                elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    row.append("")
                else:
                    row.append(str(cell.value))
            rows.append(row)
        rows = _trim(rows)
        if rows:
            if table:
                table.append([])
            table.extend(rows)
    return table


def read_table(table: list[list[str]], source: str, reader: str) -> Report:
    from .builder import build
    from .grid import render

    text, rows = render(table)
    if not text.strip():
        raise ReportError(source, "表格中没有任何内容", "the spreadsheet has no content")
    return build(source, reader, None, text, rows)


def read_xls(data: bytes, source: str) -> Report:
    try:
        table = xls_table(data)
    except Exception as exc:  # xlrd raises XLRDError, struct.error, IndexError … on damage
        raise ReportError(source, f"无法读取 .xls 文件（文件损坏或不是 Excel 97-2003 工作簿）：{exc}",
                          f"cannot read the .xls file (damaged or not an Excel 97-2003 workbook): {exc}") from None
    return read_table(table, source, "xls")
