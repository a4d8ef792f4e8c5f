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


# runs of empty rows or columns longer than this are closed up: a stray value far from the
# form (a cell at XFD1048576) must not turn into a million empty lines or tabs
_GAP = 20


def _layout(cells: dict[tuple[int, int], str]) -> list[list[str]]:
    """Filled cells (1-based row, column) as rows from A1, long empty runs closed up."""
    if not cells:
        return []

    def squeeze(used: set[int]) -> dict[int, int]:
        place: dict[int, int] = {}
        nxt = 0
        prev = 0
        for k in sorted(used):
            nxt += min(k - prev, _GAP + 1)
            place[k] = nxt - 1
            prev = k
        return place

    rmap = squeeze({r for r, _ in cells})
    cmap = squeeze({c for _, c in cells})
    rows: list[list[str]] = [[] for _ in range(max(rmap.values()) + 1)]
    for (r, c), v in sorted(cells.items()):
        row = rows[rmap[r]]
        col = cmap[c]
        row.extend([""] * (col + 1 - len(row)))
        row[col] = v
    return rows


def _present_cells(ws):
    """The cells the sheet's XML holds with a value, in order. openpyxl's own row iterator
    pads every row to its last cell, so one row reaching column XFD costs 16,384 cells
    per row; the sheet parser it runs on yields only what is there."""
    from openpyxl.cell.read_only import ReadOnlyCell

    try:
        from openpyxl.worksheet._reader import WorkSheetParser

        wb = ws.parent
        source = ws._get_source()
        parser = WorkSheetParser(source, ws._shared_strings, data_only=wb.data_only, epoch=wb.epoch,
                                 date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
    except (ImportError, AttributeError, TypeError):  # another openpyxl: its public iterator
        ws.reset_dimensions()
        for row in ws.iter_rows():
            yield from (c for c in row if getattr(c, "value", None) is not None)
        return
    with source:
        for _, row in parser.parse():
            for cell in row:
                if cell.get("value") is not None:
                    yield ReadOnlyCell(ws, **cell)


def xlsx_table(data: bytes, source: str = "<bytes>") -> list[list[str]]:
    """Every sheet's filled cells. Read-only mode streams the sheet XML, and the sheet's
    declared dimension is ignored: a file may declare A1:XFD1048576 and hold ten cells."""
    import openpyxl

    from .limits import check_cells, limits

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    cap = limits().cells
    table: list[list[str]] = []
    try:
        for ws in wb.worksheets:
            if not hasattr(ws, "reset_dimensions"):
                continue  # a chart sheet
            cells: dict[tuple[int, int], str] = {}
            for c in _present_cells(ws):
                v = _fmt(c.value, c.number_format)
                if v.strip():
                    cells[(c.row, c.column)] = v
                    if 0 < cap < len(cells):
                        check_cells(source, len(cells))  # stop reading as soon as it is too much
            rows = _trim(_layout(cells))
            if rows:
                if table:
                    table.append([])
                table.extend(rows)
    finally:
        wb.close()
    return table


def xls_table(data: bytes, source: str = "<bytes>") -> list[list[str]]:
    import xlrd

    from .limits import check_cells

    # xlrd reports damage on a log stream (stdout by default): keep it off our output.
    # ragged rows: each row as long as its own last cell, not the sheet's widest
    book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO(), ragged_rows=True)
    table: list[list[str]] = []
    for sh in book.sheets():
        cells: dict[tuple[int, int], str] = {}
        for r in range(sh.nrows):
            for c in range(sh.row_len(r)):
                cell = sh.cell(r, c)
                if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                if cell.ctype == xlrd.XL_CELL_NUMBER:
                    xf = book.xf_list[cell.xf_index]
                    v = _fmt(cell.value, book.format_map[xf.format_key].format_str)
                else:
                    v = str(cell.value)
                if v.strip():
                    cells[(r + 1, c + 1)] = v
            check_cells(source, len(cells))
        rows = _trim(_layout(cells))
        if rows:
            if table:
                table.append([])
            table.extend(rows)
    return table


def read_table(table: list[list[str]], source: str, reader: str) -> Report:
    from .reading import build_report, table_grid

    text, rows, notes = table_grid(source, table)
    if not text.strip():
        raise ReportError(source, "表格中没有任何内容", "the spreadsheet has no content")
    return build_report(source, reader, None, text, rows, notes)


def read_xls(data: bytes, source: str) -> Report:
    try:
        table = xls_table(data, source)
    except ReportError:
        raise
    except Exception as exc:  # xlrd raises XLRDError, struct.error, IndexError … on damage
        raise ReportError(source, "无法读取 .xls 文件（文件损坏或不是 Excel 97-2003 工作簿）；请用 Excel/WPS 打开后另存为 .xlsx 再试",
                          f"cannot read the .xls file (damaged or not an Excel 97-2003 workbook): {exc}; "
                          f"open it in Excel or WPS and save it as .xlsx") from None
    return read_table(table, source, "xls")
