"""What every format reader does between its own rendering and the builder.

The text is bounded before the parsers see it (:mod:`.limits`), lines too long for them
are broken at sentence ends, and a report in traditional characters is parsed through its
simplified copy while it keeps its original text (:mod:`.variants`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import Report

from .grid import Row, render, rows_from_text
from .limits import break_long_lines, check_chars, limits, long_line_warning
from .variants import WARNING as TRADITIONAL_WARNING
from .variants import PINYIN_WARNING, looks_traditional, strip_pinyin, to_simplified

# a form has a few dozen columns; a row of thousands is a sheet's stray far-off cell or
# data, and the table reader looks at each cell against its whole line
MAX_COLUMNS = 1_000


# A table a text browser dumped (lynx, w3m, a site's "text version" of a page): each
# row's first cell at the margin, every further cell on a line of its own behind an indent
# and a pipe, a cell's wrapped words indented with no pipe, merged cells simply missing.
_DUMP_CELL_RE = re.compile(r"[ \t\u3000]{2,}[|｜]")
DUMP_MIN_CELLS = 8  # cell lines a text needs before it is read as such a dump
DUMP_SHARE = 0.3  # of its non-blank lines
DUMP_PIPED_MARGIN = 0.2  # share of a dump's margin lines that may hold a pipe of their own


def join_dumped_rows(text: str) -> str | None:
    """``text`` with each dumped row put back on one line (the line break before each of
    its cell lines and wrapped words made a space, one character for one, so offsets into
    the result hold in ``text``); None when ``text`` is no such dump."""
    lines = text.split("\n")
    is_cell = [bool(_DUMP_CELL_RE.match(ln)) for ln in lines]
    n = sum(is_cell)
    if n < DUMP_MIN_CELLS or n < DUMP_SHARE * sum(1 for ln in lines if ln.strip()):
        return None
    # a dump's rows open at the margin with their first cell alone; rows that carry their
    # pipes at the margin too (绩效目标 | 1.… over | 2.…) are a table typed with pipes
    margin = [ln for ln, cell in zip(lines, is_cell) if not cell and ln.strip()]
    if sum(1 for ln in margin if "|" in ln or "｜" in ln) > DUMP_PIPED_MARGIN * len(margin):
        return None
    chars = list(text)
    pos = 0
    for k, ln in enumerate(lines):
        if k and lines[k - 1].strip():
            wrapped = (not is_cell[k] and ln[:1] in " \t\u3000" and bool(ln.strip())
                       and (is_cell[k - 1] or (k + 1 < len(lines) and is_cell[k + 1])))
            if is_cell[k] or wrapped:
                chars[pos - 1] = " "
                for i in range(pos, pos + len(ln) - len(ln.lstrip(" \t\u3000"))):
                    chars[i] = " "  # (a tab of the indent would cut the joined line at it)
        pos += len(ln) + 1
    return "".join(chars)


# OCR of a ruled table reads its vertical rules as 丨 (or ｜) and its horizontal rules as
# runs of 一 or —: read back as the pipes and separator lines they are, one character for one
OCR_RULE_MIN_LINES = 3  # lines with two or more 丨 a text needs before 丨 is read as a rule
_OCR_BARS = ("丨", "｜")  # (｜: the full-width bar some OCR engines and typists use alike)
_OCR_HRULE_RE = re.compile(r"^[ \t]*[一—－\-_]{8,}[ \t]*$", re.M)


def ocr_rules(text: str) -> str | None:
    """``text`` with an OCR'd table's rules made pipes and separator lines (same length),
    None when it has none."""
    lines = text.split("\n")
    bar = max(_OCR_BARS, key=lambda b: sum(1 for ln in lines if ln.count(b) >= 2))
    if sum(1 for ln in lines if ln.count(bar) >= 2) < OCR_RULE_MIN_LINES:
        return None
    # (丨 is no character of running text: in such a text every one is a rule; a field's
    # label and its text, 存在问题丨…, are two cells of a line as a tab makes them)
    joined = "\n".join(ln.replace(bar, "|" if ln.count(bar) >= 2 else "\t") for ln in lines)
    return _OCR_HRULE_RE.sub(lambda m: re.sub(r"\S", "-", m.group(0)), joined)


def text_grid(source: str, text: str) -> tuple[str, list[Row], list[str]]:
    """Plain text as (text, rows, notes), bounded and with over-long lines broken."""
    check_chars(source, len(text))
    text, broken = break_long_lines(text)
    return text, rows_from_text(text), [long_line_warning(broken)] if broken else []


def table_grid(source: str, table: list[list[str]]) -> tuple[str, list[Row], list[str]]:
    """Rows of cell strings (a document, a sheet, a page) as (text, rows, notes)."""
    check_chars(source, sum(len(c or "") + 1 for row in table for c in row))
    widest = max((len(row) for row in table), default=0)
    if widest > MAX_COLUMNS:
        raise ReportError(
            source,
            f"表格有一行多达 {widest:,} 列，超过上限 {MAX_COLUMNS:,} 列，不像是一份绩效自评报告；请删去多余的列后另存再试",
            f"a table row has {widest:,} columns (limit {MAX_COLUMNS:,}); this is no performance report form. "
            f"Delete the extra columns and save it again")
    limit = limits().line_chars
    broken = 0
    if limit > 0 and any(len(c or "") > limit for row in table for c in row):
        out = []
        for row in table:
            new = []
            for c in row:
                if c and len(c) > limit:
                    c, k = break_long_lines(c, limit)
                    broken += k
                new.append(c)
            out.append(new)
        table = out
    text, rows = render(table)
    return text, rows, [long_line_warning(broken)] if broken else []


def build_report(source: str, reader: str, encoding: str | None, text: str, rows: list[Row],
                 notes: Sequence[str] = ()) -> Report:
    """The builder's report, read through simplified characters where the text is
    traditional; ``notes`` (what the reader repaired) lead its warnings."""
    from .builder import build

    text, rows, pinyin = strip_pinyin(text, rows)
    if pinyin:
        notes = [*notes, PINYIN_WARNING.format(n=pinyin)]
    simplified = to_simplified(text) if looks_traditional(text) else None
    report = build(source, reader, encoding, simplified if simplified is not None else text, rows)
    if simplified is not None:
        # one character for one: the offsets found in the copy hold in the original
        report.text = text
        report.warnings.append(TRADITIONAL_WARNING)
    report.warnings[:0] = list(notes)
    return report
