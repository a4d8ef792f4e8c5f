"""Size limits every reader checks before it inflates, decodes or iterates anything.

A report is a few dozen pages; a file far beyond that is a mistake (a whole database
export, a log, a zip bomb) and would otherwise hold a worker for minutes and gigabytes.
Each limit has a default that fits a laptop and an environment variable to raise it:

=================================  =======  ==============================================
variable                           default  what it limits
=================================  =======  ==============================================
``NLP_PIPELINE_MAX_FILE_MB``       100      the file on disk
``NLP_PIPELINE_MAX_CHARS``         400000   the text read from it (about 200 pages)
``NLP_PIPELINE_MAX_UNZIPPED_MB``   50       one part of a .docx/.xlsx once inflated
``NLP_PIPELINE_MAX_CELLS``         200000   filled cells of a spreadsheet
``NLP_PIPELINE_MAX_PAGES``         500      pages of a PDF
=================================  =======  ==============================================

A value of 0 switches that limit off. Breaches raise :class:`ReportError` in Chinese
that names the variable.
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass

from nlp_pipeline.errors import ReportError


@dataclass(frozen=True)
class Limits:
    file_mb: float = 100
    chars: int = 400_000
    unzipped_mb: float = 50
    cells: int = 200_000
    pages: int = 500
    # a zip member inflating more than this many times its packed size, and to more than
    # BOMB_MIN_MB, is a bomb: Office XML packs 5-30 times
    zip_ratio: float = 200
    # lines longer than this are broken at sentence ends before parsing: the table and
    # form parsers look at each line's words against the whole line, so the cost of a line
    # grows with its square. A tab-separated form row has few cells and may be longer
    # (the seed has a row of 4,000 characters)
    line_chars: int = 2_000
    tab_line_chars: int = 10_000


_ENV = {
    "file_mb": "NLP_PIPELINE_MAX_FILE_MB",
    "chars": "NLP_PIPELINE_MAX_CHARS",
    "unzipped_mb": "NLP_PIPELINE_MAX_UNZIPPED_MB",
    "cells": "NLP_PIPELINE_MAX_CELLS",
    "pages": "NLP_PIPELINE_MAX_PAGES",
}
BOMB_MIN_MB = 5.0
_MB = 1024 * 1024


def limits() -> Limits:
    """The limits in force, read from the environment on each call (cheap; lets a test
    or a notebook change them without restarting)."""
    kw = {}
    for field_, var in _ENV.items():
        raw = os.environ.get(var, "").strip()
        if not raw:
            continue
        try:
            value = float(raw)
        except ValueError:
            continue  # a typo must not take the limit away
        kw[field_] = int(value) if field_ in ("chars", "cells", "pages") else value
    return Limits(**kw)


def _off(v: float) -> bool:
    return v <= 0


def _mb(n: int) -> str:
    return f"{n / _MB:,.1f} MB"


def check_file_size(source: str, size: int) -> None:
    lim = limits()
    if not _off(lim.file_mb) and size > lim.file_mb * _MB:
        raise ReportError(
            source,
            f"文件过大（{_mb(size)}），超过上限 {lim.file_mb:g} MB，不像是一份绩效自评报告；"
            f"如确需分析，请设置环境变量 {_ENV['file_mb']} 放宽上限（0 为不限）",
            f"the file is too large ({_mb(size)}, limit {lim.file_mb:g} MB) for a performance report; "
            f"set {_ENV['file_mb']} to raise the limit (0: none)")


def raw_text_cap() -> int | None:
    """Bytes of a text or HTML file worth decoding at all: markup and wide encodings take
    several bytes per character of text, so the cap is generous."""
    lim = limits()
    return None if _off(lim.chars) else lim.chars * 20


def check_raw_text(source: str, size: int) -> None:
    cap = raw_text_cap()
    if cap is not None and size > cap:
        _too_long(source, f"{_mb(size)}", f"{_mb(size)}")


def check_chars(source: str, n: int) -> None:
    lim = limits()
    if not _off(lim.chars) and n > lim.chars:
        _too_long(source, f"约 {n:,} 字", f"{n:,} characters")


def _too_long(source: str, zh: str, en: str) -> None:
    lim = limits()
    raise ReportError(
        source,
        f"文件内容过长（{zh}），超过上限 {lim.chars:,} 字（约 {lim.chars // 2000} 页），不像是一份绩效自评报告；"
        f"如确需分析，请设置环境变量 {_ENV['chars']} 放宽上限（0 为不限）",
        f"the text is too long ({en}; limit {lim.chars:,} characters) for a performance report; "
        f"set {_ENV['chars']} to raise the limit (0: none)")


def check_zip(source: str, zf: zipfile.ZipFile, what: str) -> None:
    """Refuse by the sizes the zip directory declares, before any member is inflated.

    A member that lies about its size is caught when read: zipfile stops at the declared
    size and the CRC check fails, which the caller reports as damage.
    """
    lim = limits()
    total = 0
    for info in zf.infolist():
        size, packed = info.file_size, max(1, info.compress_size)
        total += size
        if size > BOMB_MIN_MB * _MB and size > lim.zip_ratio * packed:
            raise ReportError(
                source,
                f"{what} 文件结构异常：其中的 {info.filename} 从 {_mb(packed)} 解压后达 {_mb(size)}"
                f"（压缩比 {size // packed:,} 倍），疑似压缩炸弹，已拒绝读取；请用原软件打开确认后重新保存",
                f"the {what} file is suspicious: its part {info.filename} inflates from {_mb(packed)} to "
                f"{_mb(size)} (ratio {size // packed:,}), a zip bomb?; refused. Open it in its own program and save it again")
        if not _off(lim.unzipped_mb) and size > lim.unzipped_mb * _MB and not _is_media(info.filename):
            raise ReportError(
                source,
                f"{what} 文件中的 {info.filename} 解压后达 {_mb(size)}，超过上限 {lim.unzipped_mb:g} MB，"
                f"不像是一份绩效自评报告；如确需分析，请设置环境变量 {_ENV['unzipped_mb']} 放宽上限（0 为不限）",
                f"the part {info.filename} of the {what} file inflates to {_mb(size)} (limit "
                f"{lim.unzipped_mb:g} MB); set {_ENV['unzipped_mb']} to raise the limit (0: none)")
    # pictures are never read, but testzip inflates them: bound the whole archive too
    if not _off(lim.file_mb) and total > 4 * lim.file_mb * _MB:
        raise ReportError(
            source,
            f"{what} 文件解压后共 {_mb(total)}，超过上限 {4 * lim.file_mb:g} MB；"
            f"如确需分析，请设置环境变量 {_ENV['file_mb']} 放宽上限（0 为不限）",
            f"the {what} file inflates to {_mb(total)} in all (limit {4 * lim.file_mb:g} MB); "
            f"set {_ENV['file_mb']} to raise the limit (0: none)")


def _is_media(name: str) -> bool:
    return "/media/" in name or name.startswith(("media/", "word/embeddings/", "xl/embeddings/"))


def check_cells(source: str, n: int) -> None:
    lim = limits()
    if not _off(lim.cells) and n > lim.cells:
        raise ReportError(
            source,
            f"表格过大（已读到 {n:,} 个非空单元格），超过上限 {lim.cells:,} 个，不像是一份绩效自评报告；"
            f"如确需分析，请设置环境变量 {_ENV['cells']} 放宽上限（0 为不限）",
            f"the spreadsheet is too large (over {n:,} filled cells, limit {lim.cells:,}); "
            f"set {_ENV['cells']} to raise the limit (0: none)")


def check_pages(source: str, n: int) -> None:
    lim = limits()
    if not _off(lim.pages) and n > lim.pages:
        raise ReportError(
            source,
            f"PDF 页数过多（{n:,} 页），超过上限 {lim.pages:,} 页，不像是一份绩效自评报告；"
            f"如确需分析，请设置环境变量 {_ENV['pages']} 放宽上限（0 为不限）",
            f"the PDF has too many pages ({n:,}, limit {lim.pages:,}); "
            f"set {_ENV['pages']} to raise the limit (0: none)")


# where a long line may be broken: after a sentence or clause end, else after a space
_BREAK_RE = re.compile(r"[。；！？;!?](?![”’」』）)])|[ \u3000]")


def break_long_lines(text: str, limit: int | None = None) -> tuple[str, int]:
    """``text`` with each line longer than ``limit`` broken into lines of at most ``limit``
    characters, at a sentence end where there is one; (new text, lines broken).

    Only newlines are inserted, so every character of the original is kept in order: a
    quote taken from the result is still the report's words.
    """
    lim = limits()
    plain = lim.line_chars if limit is None else limit
    tabbed = lim.tab_line_chars if limit is None else limit
    if plain <= 0 or len(text) <= plain:
        return text, 0
    lines = text.split("\n")

    def limit_of(line: str) -> int:
        # a form row: a few cells, long ones; many cells cost like many words
        return tabbed if 0 < line.count("\t") <= 64 else plain

    if all(len(ln) <= limit_of(ln) for ln in lines):
        return text, 0
    out: list[str] = []
    broken = 0
    for line in lines:
        limit = limit_of(line)
        if len(line) <= limit:
            out.append(line)
            continue
        broken += 1
        pos = 0
        while len(line) - pos > limit:
            cut = None
            # the last sentence end in the window, but not so early that lines get tiny
            for m in _BREAK_RE.finditer(line, pos + limit // 4, pos + limit):
                cut = m.end()
            cut = cut or pos + limit
            out.append(line[pos:cut])
            pos = cut
        out.append(line[pos:])
    return "\n".join(out), broken


def long_line_warning(n: int) -> str:
    return (f"有 {n} 行过长（超过 {limits().line_chars:,} 字）且没有换行，已在句末处断行后读取 / {n} over-long "
            f"line(s) were broken at sentence ends for reading")
