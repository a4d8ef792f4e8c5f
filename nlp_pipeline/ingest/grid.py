"""Table-shaped reports as a grid: rows of cells, each cell a span of ``Report.text``.

Every table format (tab-separated export, HTML table, Word table, spreadsheet sheet) is
turned into this grid, so one form parser serves them all. Formats that are not text
are first rendered: :func:`render` writes the cells as tab-separated rows and records
where each landed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Cell:
    start: int  # offsets into Report.text
    end: int
    col: int

    def raw(self, text: str) -> str:
        return text[self.start:self.end]


Row = list[Cell]


# (the vertical lines of a form drawn with box-drawing characters separate cells too)
_PIPES = "|｜│┃║"
_BOX_RE = re.compile(r"[\u2500-\u257F\s]+")


def _pipe_row(text: str, start: int, end: int) -> Row | None:
    """A pipe-table line (| 项目名称 | … |) as cells; a ``|---|`` line as no cells."""
    line = text[start:end]
    stripped = line.strip()
    pipes = sum(line.count(p) for p in _PIPES)
    # a row of two cells exported with no outer pipes (存在问题 | 1.…): one pipe, spaced, inside
    inner = pipes == 1 and (" | " in line or " ｜ " in line) and stripped[:1] not in _PIPES \
        and stripped[-1:] not in _PIPES
    if stripped and _BOX_RE.fullmatch(stripped):
        return []  # a rule of a box-drawn form (├──┼──┤): no cells
    if not stripped or (pipes < 2 and not inner):
        return None
    bounds = [k for k, ch in enumerate(line) if ch in _PIPES]
    if stripped[0] not in _PIPES:
        bounds.insert(0, -1)  # a row written without its leading pipe
    if stripped[-1] not in _PIPES:
        bounds.append(len(line))
    row: Row = []
    for k, (a, b) in enumerate(zip(bounds, bounds[1:])):
        row.append(Cell(start + a + 1, start + b, k))
    if all(not text[c.start:c.end].strip(" :：-—=\t") for c in row):
        return []
    return row


_GAP_RE = re.compile(r"(?:[ \xa0]{4,}|\u3000{2,})")


def _spaced_row(text: str, start: int, end: int) -> Row | None:
    """A line of columns aligned with runs of spaces (PDF text, a form printed to text):
    the runs separate cells as tabs would. Indentation opens no cell."""
    line = text[start:end]
    body = line.lstrip(" \xa0\u3000")
    if not _GAP_RE.search(body):
        return None
    row: Row = []
    pos = len(line) - len(body)
    k = 0
    for m in _GAP_RE.finditer(line, pos):
        if m.start() > pos:
            row.append(Cell(start + pos, start + m.start(), k))
            k += 1
        pos = m.end()
    if pos < len(line.rstrip()):
        row.append(Cell(start + pos, start + len(line.rstrip()), k))
    return row if len(row) >= 2 else None


def rows_from_text(text: str) -> list[Row]:
    """Split a tab-separated text into rows (lines) of cells; ``\\r`` is not cell text.
    Lines of a pipe table are split at their pipes."""
    rows: list[Row] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.endswith("\r"):
            end -= 1
        piped = _pipe_row(text, pos, end) if "\t" not in line else None
        if piped is not None:
            rows.append(piped)
            pos += len(line) + 1
            continue
        spaced = _spaced_row(text, pos, end) if "\t" not in line else None
        if spaced is not None:
            rows.append(spaced)
            pos += len(line) + 1
            continue
        # a cell exported as "56.00 |" (one pipe closing each line): the pipe is no text
        body = text[pos:end]
        stripped = body.strip()
        if stripped and sum(body.count(p) for p in _PIPES) == 1 and (stripped[0] in _PIPES or stripped[-1] in _PIPES):
            k = body.rfind(stripped[-1]) if stripped[-1] in _PIPES else body.find(stripped[0])
            lo, hi = (pos, pos + k) if stripped[-1] in _PIPES else (pos + k + 1, end)
            rows.append([Cell(lo, hi, 0)])
            pos += len(line) + 1
            continue
        row: Row = []
        c = pos
        for k, part in enumerate(text[pos:end].split("\t")):
            row.append(Cell(c, c + len(part), k))
            c += len(part) + 1
        rows.append(row)
        pos += len(line) + 1
    return rows


def render(table: list[list[str]]) -> tuple[str, list[Row]]:
    """Write rows of cell strings as text (tabs between cells, newlines between rows).

    A cell may hold newlines of its own (paragraphs inside a Word or Excel cell); the
    grid keeps its span whole, so the rows stay rows.
    """
    parts: list[str] = []
    rows: list[Row] = []
    pos = 0
    for r, cells in enumerate(table):
        if r:
            parts.append("\n")
            pos += 1
        row: Row = []
        for k, s in enumerate(cells):
            if k:
                parts.append("\t")
                pos += 1
            s = s or ""
            row.append(Cell(pos, pos + len(s), k))
            parts.append(s)
            pos += len(s)
        rows.append(row)
    return "".join(parts), rows


def nonempty(row: Row, text: str) -> list[Cell]:
    from .items import cell_blocks

    return [c for c in row if c.end > c.start and cell_blocks(text, c.start, c.end)]
