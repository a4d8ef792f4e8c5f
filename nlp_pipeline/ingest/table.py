"""Indicator tables found in any text, whatever shape the table arrived in.

Real forms reach us as text in many shapes: pipe rows, tab-separated exports, columns
aligned with spaces (PDF text layers, with page numbers between rows), one cell per line,
whole rows or whole tables flattened onto one line (docs/reader-gold.md). All of them are
read here, so the form and narrative parsers never guess at tables:

1. every line is split into cells by what separates them (pipes, tabs, runs of spaces);
2. a header is a line, or a run of one-cell lines, whose cells name canonical columns
   (lexicons/table_columns.yaml: 一级指标 … 年度指标值 … 实际完成值 … 分值 … 得分);
3. the lines below are cut into rows: by position where every cell kept its place, and
   otherwise by a small dynamic program that assigns typed cells (level words, numbers,
   values, names) to the header's columns in order, dropping merged or empty cells at a
   cost; merged 一级/二级 cells are inherited from the row above.

This is the line-classification method of Pinto et al. (SIGIR 2003) with hand-set
features; the costs below are its weights.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from nlp_pipeline.text.normalize import normalize

from .glued import PAGE_MARK_RE, cut_glued, glued_end, glued_header, headless_start
from .mapped import Mapped
from .table_lexicon import table_lexicon

# Page furniture of PDF text layers: page numbers and 第 2 页 共 4 页.
_FURNITURE_RE = re.compile(
    r"^(?:[-—–_·•]+\s*\d{1,3}\s*[-—–_·•]+|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|"
    r"\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?|共\s*\d+\s*页\s*第\s*\d+\s*页|"
    # a slide deck exported to text marks each slide (幻灯片 3, Slide 3)
    r"(?:幻灯片|slide)\s*\d{1,3}|"
    # a ditto mark for a merged cell (〃): the cell above it, no text of its own (a 同上 is
    # kept: in a reason cell it is the author's answer)
    r"〃+|"
    # the end mark of an article on a WeChat account (—END—)
    r"[-—–_=·\s]*END[-—–_=·\s]*|"
    # a workbook dumped to text marks each sheet with a banner (==== 工作表3：绩效指标 ====,
    # --- Sheet2 ---); the sheet's own rows say what it holds
    r"[=＝\-—─━*#~]{3,}\s*(?:工作表|sheet)\s*\d{1,2}[^=＝\n]{0,30}?\s*[=＝\-—─━*#~]{3,}|"
    # a Word field code left in a table of contents (PAGEREF _Toc22186 \h 3)
    r"PAGEREF\s+_Toc\d+\s*(?:\\h)?\s*\d{0,3}|"
    # a download site's file name printed above its preview (某某绩效目标表.docx)
    r"[^。；\n]{1,80}\.(?:docx?|pdf|xlsx?|wps|et|ofd))$", re.I)
_SEP_CELL_RE = re.compile(r"^[\s:：\-—=+_]*$")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_NUM_RE = re.compile(r"^[+-]?\d{1,7}(?:,\d{3})*(?:\.\d+)?$")
_DIGIT_RE = re.compile(r"\d")
_VALUE_MARK_RE = re.compile(r"^[≥≤<>=＞＜≧≦]|\d|%|％")
_BRACKET_RE = re.compile(r"[（(][^（()）]{0,8}[)）]")
_SQUEEZE_RE = re.compile(r"[\s\u3000：:。；;，,、*＊]+")
# O/o for 0, l/I for 1 and 。 for . inside numbers: slips of OCR, repaired only where the
# cell is a number otherwise
_OCR_CELL_RE = re.compile(r"^[≥≤<>=约]?\s*[\dOolI。.,%]+\s*[%‰]?\S{0,4}$")
_OCR_MAP = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "。": "."})

# Costs of the row program (see module docstring): what assigning a typed cell to a
# column gains, and what leaving a column without a cell costs.
_DROP = {"label": 0.0, "level1": 0.2, "level2": 0.4, "target": 2.55, "actual": 2.5, "weight": 2.05,
         "score": 2.0, "deduction": 2.0, "reason": 0.2, "other": 0.6}
_SKIP_TOKEN = 1.5
# what reading a points column the header lost must gain per row over reading without it
LOST_COLUMN_GAIN = 1.0
_NEG = float("-inf")
_VALUE_COLUMNS = ("target", "actual", "weight", "score", "deduction")


def is_furniture(s: str) -> bool:
    """A page number line of a PDF text layer (— 2 —, 第 2 页 共 4 页), or a file name a
    download site prints above its preview (…绩效目标表.docx)."""
    return bool(_FURNITURE_RE.match(normalize(s).strip()))


@functools.lru_cache(maxsize=1 << 14)
def squeeze(s: str) -> str:
    return _SQUEEZE_RE.sub("", unicodedata.normalize("NFKC", s))  # pure: memoised


def display_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


# --- cells -----------------------------------------------------------------------------


@dataclass
class Tok:
    """One cell of a line: its text mapped to offsets, and where it starts on the line."""

    m: Mapped
    line: int
    col: int  # display column of its first character (aligned layouts)

    @property
    def s(self) -> str:
        return self.m.chars


def clean_cell(m: Mapped) -> Mapped:
    """A cell without outer spaces and without the spaces a PDF puts between CJK
    characters (「茂 名 市」): inside one cell such a space is never a separator."""
    m = m.strip(" \t\r\n\u3000\xa0")
    if not m.chars:
        return m
    keep = []
    s = m.chars
    for i, c in enumerate(s):
        if c in " \u3000\xa0" and 0 < i < len(s) - 1:
            a = s[i - 1]
            j = i + 1
            while j < len(s) and s[j] in " \u3000\xa0":
                j += 1
            b = s[j] if j < len(s) else ""
            if _CJK_RE.match(a) and b and (_CJK_RE.match(b) or b in "（()）"):
                continue
            if _CJK_RE.match(b) and a in "（()）":
                continue
        keep.append(i)
    return Mapped("".join(s[i] for i in keep), [m.origs[i] for i in keep])


_BROKEN_RE = re.compile(f"[{_CJK}](?:[ \u3000][{_CJK}]){{2,}}")


def unbreak(m: Mapped) -> Mapped:
    """A line without the spaces a PDF text layer puts between the characters of a word
    (「松 川 区 2023 年 度」): only runs of three or more single CJK characters are joined,
    so spaces between real cells or words stay."""
    spans = [(a.start(), a.end()) for a in _BROKEN_RE.finditer(m.chars)]
    if not spans:
        return m
    drop = {i for a, b in spans for i in range(a, b) if m.chars[i] in " \u3000"}
    # a year or figure between broken words ("区 2023 年") joins them too
    keep = [i for i in range(len(m.chars)) if i not in drop]
    return Mapped("".join(m.chars[i] for i in keep), [m.origs[i] for i in keep])


def repair_number(s: str) -> str:
    """OCR slips in a cell that is a number otherwise (1O0% -> 100%)."""
    t = s.strip()
    if not _OCR_CELL_RE.match(t):
        return s
    out = t.translate(_OCR_MAP)
    # only a cell that reads as a number once repaired (lOO% -> 100%), never a word
    if not re.fullmatch(r"[≥≤<>=约]?\s*\d[\d.,]*\s*[%‰]?(?:[^\x00-\x7f]|/){0,6}", out):
        return s
    return out


@dataclass
class Line:
    index: int
    start: int
    end: int
    raw: str
    shape: str  # pipe tsv aligned single blank sep furniture
    cells: list[Tok]  # positional cells (empty ones kept for pipe and tsv)
    whole: Tok | None = None  # a one-cell line before its CJK spaces were removed

    @property
    def closes(self) -> bool:
        """The bottom rule of a box-drawn grid (└──┴──┘): the table above ends here."""
        return self.shape == "sep" and self.raw.strip()[:1] in "└╚┗"

    @property
    def filled(self) -> list[Tok]:
        return [c for c in self.cells if c.s]

    def words(self) -> list[Tok]:
        """The line cut at every space (rows flattened with single spaces); runs of
        one-character CJK pieces (茂 名 市) are joined back."""
        out: list[Tok] = []
        for c in ([self.whole] if self.whole is not None else self.filled):
            pos = 0
            s = c.m.chars
            for part in re.split(r"(\s+)", s):
                if part and not part.isspace():
                    out.append(Tok(c.m.slice(pos, pos + len(part)), self.index, c.col + pos))
                pos += len(part)
        merged: list[Tok] = []
        run: list[Tok] = []

        def flush() -> None:
            if len(run) >= 3:
                m = run[0].m
                for t in run[1:]:
                    m = m + t.m
                merged.append(Tok(m, self.index, run[0].col))
            else:
                merged.extend(run)
            run.clear()

        for t in out:
            if len(t.s) == 1 and _CJK_RE.match(t.s):
                run.append(t)
            else:
                flush()
                merged.append(t)
        flush()
        # pieces a stray space cut off a value: "≥ 98%", "99 .1%"
        glued: list[Tok] = []
        for t in merged:
            if glued and (re.fullmatch(r"[≥≤<>=＞＜]+", glued[-1].s) or re.match(r"^[.%％。]", t.s)
                          and re.search(r"\d$", glued[-1].s)
                          # a thousands group cut off by a space: "8 742人" (not "10 100")
                          or re.fullmatch(r"[≥≤<>=]?\d{1,3}", glued[-1].s) and re.fullmatch(r"\d{3}\D+", t.s)
                          # (not a score after its weight: "5 5 305人" is two cells and a value)
                          and not (len(glued) >= 2 and re.fullmatch(r"\d{1,3}(?:\.\d+)?", glued[-2].s))
                          # (nor a target and its result: "200 200余人")
                          and not t.s.startswith(glued[-1].s.lstrip("≥≤<>="))):
                glued[-1] = Tok(glued[-1].m + t.m, glued[-1].line, glued[-1].col)
            else:
                glued.append(t)
        return glued


_BOX_RULE_RE = re.compile(r"[\u2500-\u257F\s]+")


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for k, raw in enumerate(text.split("\n")):
        start, end = pos, pos + len(raw)
        pos = end + 1
        body = raw[:-1] if raw.endswith("\r") else raw
        ln = _line(text, k, start, start + len(body), body)
        if _column_numbers(ln):
            ln = Line(ln.index, ln.start, ln.end, ln.raw, "sep", [])
        lines.append(ln)
    return _pipe_terminators(lines)



PIPE_TERMINATED_MIN = 10  # cells a text must end with a lone pipe line before the pipe is read as their end
PIPE_TERMINATED_SHARE = 0.7


def _pipe_terminators(lines: list[Line]) -> list[Line]:
    """A form exported one cell a line with a lone 「|」 line after every cell (cell / | /
    cell / | / ||||): the pipe closes the cell above it and is no empty cell of its own;
    a pipe line after another pipe line still is one."""
    singles = [k for k, ln in enumerate(lines) if ln.shape == "single"]
    closed = [k for k in singles if k + 1 < len(lines) and lines[k + 1].shape == "empty"]
    if len(closed) < PIPE_TERMINATED_MIN or len(closed) < PIPE_TERMINATED_SHARE * len(singles):
        return lines
    for k in closed:
        e = lines[k + 1]
        lines[k + 1] = Line(e.index, e.start, e.end, e.raw, "blank", [])
    return lines


COLUMN_NUMBERS_MIN = 4  # columns a 栏次 row must number before it is read as one


def _column_numbers(ln: Line) -> bool:
    """A row numbering the columns (栏次 | 1 | 2 | 3 | …, as statistical forms print under
    their heads): 1, 2, 3 … in order after at most one label, so no indicator row."""
    if ln.shape not in ("pipe", "tsv", "aligned"):
        return False
    cells = [normalize(c.s).strip() for c in ln.cells if c.s.strip()]
    if cells and not cells[0].isdigit():
        cells = cells[1:]
    return len(cells) >= COLUMN_NUMBERS_MIN and cells == [str(i) for i in range(1, len(cells) + 1)]


def _line(text: str, k: int, start: int, end: int, body: str) -> Line:
    norm = normalize(body)
    stripped = norm.strip()
    if stripped in ("|", "｜"):
        # a cell exported as a lone pipe: an empty cell, kept in its place
        return Line(k, start, end, body, "empty", [Tok(Mapped(), k, 0)])
    if stripped and sum(norm.count(p) for p in "|｜") == 1 and (stripped[0] in "|｜" or stripped[-1] in "|｜"):
        # one pipe closing (or opening) the line: a cell exported as "56.00 |"
        cut = norm.rfind(stripped[-1]) if stripped[-1] in "|｜" else norm.find(stripped[0])
        if stripped[-1] in "|｜":
            body, end = body[:cut], start + cut
        else:
            start, body = start + cut + 1, body[cut + 1:]
        norm = normalize(body)
        stripped = norm.strip()
    if not stripped:
        return Line(k, start, end, body, "blank", [])
    if _FURNITURE_RE.match(stripped):
        return Line(k, start, end, body, "furniture", [])
    if _BOX_RULE_RE.fullmatch(stripped):
        return Line(k, start, end, body, "sep", [])  # a rule of a box-drawn form (├──┼──┤)
    pipes = [i for i, c in enumerate(norm) if c in "|｜│┃║"]
    if len(pipes) >= 2:
        bounds = [-1] + pipes + [len(norm)]
        cells = []
        for a, b in zip(bounds, bounds[1:]):
            cells.append(Tok(clean_cell(Mapped.span(text, start + a + 1, start + b)), k, a + 1))
        if stripped[0] in "|｜│┃║":
            cells = cells[1:]
        if stripped[-1] in "|｜│┃║":
            cells = cells[:-1]
        if all(_SEP_CELL_RE.match(c.s) for c in cells):
            return Line(k, start, end, body, "sep", [])
        return Line(k, start, end, body, "pipe", cells)
    if "\t" in body:
        cells, p, width = [], 0, 0
        for part in body.split("\t"):
            cells.append(Tok(clean_cell(Mapped.span(text, start + p, start + p + len(part))), k, width))
            p += len(part) + 1
            width += display_width(part) + 1
        # a line with a tab keeps its cells in place even when only one is filled (the
        # wrapped end of a long cell, the other cells of its row left empty)
        return Line(k, start, end, body, "tsv", cells)
    cells = []
    last, width = 0, 0  # display width kept running: a long line is measured once
    for m in re.finditer(r"\S+(?:[ \u3000\xa0]\S+)*", body.replace("\t", "  ")):
        # a single full-width space inside a run is a separator too
        for part in re.finditer(r"[^\u3000]+", m.group()):
            a = m.start() + part.start()
            width += display_width(body[last:a])
            last = a
            cells.append(Tok(clean_cell(Mapped.span(text, start + a, start + a + len(part.group()))), k, width))
    cells = [c for c in cells if c.s]
    if len(cells) >= 2:
        return Line(k, start, end, body, "aligned", cells)
    tok = cells[0] if cells else Tok(clean_cell(Mapped.span(text, start, end)), k, 0)
    lead = len(body) - len(body.lstrip())
    whole = Tok(Mapped.span(text, start, end).strip(" \t\r\n\u3000\xa0"), k, display_width(body[:lead]))
    return Line(k, start, end, body, "single", [tok], whole)


# --- columns ---------------------------------------------------------------------------


_HEADER_SYNONYMS: dict[int, tuple[object, list[tuple[str, str]], dict[str, str | None]]] = {}


def _header_synonyms(lex) -> tuple[list[tuple[str, str]], dict[str, str | None]]:
    """``(column, squeezed synonym)`` in the lexicon's order, and the answers given so
    far, kept per lexicon object (match_header ran model_dump and squeezed every synonym
    for every cell; a report asks about the same cells again and again)."""
    hit = _HEADER_SYNONYMS.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1], hit[2]
    pairs = [(col, squeeze(syn)) for col, syns in lex.columns.model_dump().items() for syn in syns]
    if len(_HEADER_SYNONYMS) > 8:
        _HEADER_SYNONYMS.clear()
    _HEADER_SYNONYMS[id(lex)] = (lex, pairs, {})
    return pairs, _HEADER_SYNONYMS[id(lex)][2]


_HEADER_YEAR_RE = re.compile(r"(?:19|20)\d{2}年度?")
HEADER_CELL_MAX = 16  # characters a header cell holds at most (squeezed)
OCR_SLIP_MIN = 4  # characters a header cell has at least to be matched with one misread


def match_header(cell: str) -> str | None:
    """The canonical column a header cell names, None if it names none."""
    lex = table_lexicon()
    pairs, memo = _header_synonyms(lex)
    if cell in memo:
        return memo[cell]
    if len(memo) > 50_000:
        memo.clear()
    memo[cell] = found = _match_header(cell, lex, pairs)
    return found


# 「…(注:以下内容为附件图片识别…为准)一级指标」: a page's note run into the first header
# cell; the words after its closing bracket are the cell (a sentence's 。 closes no note:
# 「…全部到位。质量指标」 is a paragraph run into a label, no header)
_GLUED_NOTE_RE = re.compile(r"^.*[)）]\s*(?=[\u4e00-\u9fff]{2,8}\s*$)")


def _match_header(cell: str, lex, pairs) -> str | None:
    tail = _GLUED_NOTE_RE.sub("", cell)
    if tail != cell and len(squeeze(cell)) > HEADER_CELL_MAX:
        return _match_header(tail, lex, pairs)
    s = _BRACKET_RE.sub("", squeeze(cell))
    s = s.strip("（）()")
    if not s or len(s) > HEADER_CELL_MAX:
        return None
    year = _HEADER_YEAR_RE.match(s)
    if year and year.end() < len(s):
        bare = s[year.end():]
        col = next((c for c, words in lex.year_columns.items() if bare in {squeeze(w) for w in words}), None)
        if col:
            return col
    best: tuple[int, str] | None = None
    for col, syn in pairs:
        ok = s == syn or ((s.startswith(syn) or s.endswith(syn)) and len(s) - len(syn) <= lex.header_slack)
        if ok and (best is None or len(syn) > best[0]):
            best = (len(syn), col)
    if (best is None or best[0] < len(s)) and len(s) >= OCR_SLIP_MIN:
        # one character misread by OCR (扣分原囚, 评分标谁): the whole name, slip and all,
        # says more than a part of it read exactly
        slip = next((col for col, syn in pairs if len(syn) == len(s) and sum(a != b for a, b in zip(s, syn)) == 1), None)
        if slip is not None:
            return slip
    if best:
        return best[1]
    return next((col for col, words in lex.header_contains.items() if any(w in s for w in words)), None)


def header_columns(names: list[str | None]) -> list[str] | None:
    """Canonical columns of a header row, or None when it is no indicator-table header.

    A column named twice keeps the later cell: the first is the table's label (绩效指标 |
    一级指标 | … or 指标名称 in two header rows)."""
    cols = [n or "other" for n in names]
    present = set(cols)
    if "name" not in present:
        if "label" in present and present & {"level1", "level2", "target"}:
            # 绩效指标 | 指标值 | …: the label column holds the names
            cols[cols.index("label")] = "name"
            present = set(cols)
        else:
            return None
    valued = present & {"level1", "level2", "target", "actual", "weight", "score", "deduction", "reason"}
    if len(valued) < table_lexicon().min_header_columns or not (present & {"target", "actual", "score", "deduction"}):
        return None
    seen: set[str] = set()
    for k in range(len(cols) - 1, -1, -1):
        if cols[k] in seen and cols[k] not in ("other", "label"):
            cols[k] = "label" if k == 0 else "other"
        seen.add(cols[k])
    return cols


# --- typed cells -----------------------------------------------------------------------


# the points a form prints after a level word: 产出指标(50分), 效益指标（30分）
_LEVEL_POINTS_RE = re.compile(r"\s*[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]\s*$")


_REACHED_VERBS = ("达成", "达到", "完成", "实现", "超过", "符合", "满足", "未达")


def level_kind(s: str) -> tuple[bool, bool, bool]:
    """(level1 word, level2 word, generic …指标 word)."""
    return _level_kind(s)


def _level_kind(s: str) -> tuple[bool, bool, bool]:
    """(level1 word, level2 word, generic …指标 word)."""
    lex = table_lexicon()
    q = squeeze(s)
    if q.endswith(("分)", "分）")):
        q = _LEVEL_POINTS_RE.sub("", q)
    if q.endswith("指标等"):
        q = q[:-1]  # 服务对象满意度指标等: the template's own wording, a level all the same
    # (a reason cell that says a target was reached, 达成预期指标 / 已完成年度指标, is no level)
    generic = q.endswith("指标") and 3 <= len(q) <= 10 and match_header(q) is None \
        and not q.lstrip("已未").startswith(_REACHED_VERBS)
    return q in lex.level1, q in lex.level2, generic


def _is_dash(s: str) -> bool:
    return bool(re.fullmatch(r"[-—–/／\\]+", squeeze(s)))


def _is_number(s: str) -> bool:
    return bool(_NUM_RE.match(squeeze(s).replace("分", "")))


def _number(s: str) -> float | None:
    q = squeeze(repair_number(s)).replace("分", "").replace(",", "")
    try:
        return float(q)
    except ValueError:
        return None


def _is_value(s: str) -> bool:
    q = squeeze(s)
    return bool(_VALUE_MARK_RE.search(q)) or q in table_lexicon().value_words


_TARGET_OP_RE = re.compile(r"[≥≤<>=＞＜≧≦]|不低于|不少于|不高于|不超过|大于等于|小于等于")


def compat(col: str, s: str) -> float:
    """What assigning cell text ``s`` to column ``col`` gains (-inf: impossible)."""
    if not s.strip():
        # an empty cell kept in its place: any column but the name may be the empty one
        return _NEG if col == "name" else 0.2
    l1, l2, generic = _level_kind(s)
    if col == "level1":
        return 3.0 if l1 else (0.5 if generic else _NEG)
    if col == "level2":
        return 3.0 if l2 else (1.5 if generic else _NEG)
    if l1 or l2:
        return _NEG
    num = _is_number(repair_number(s))
    if col in ("weight", "score", "deduction"):
        v = _number(s)
        return 2.0 if num and v is not None and 0 <= v <= 100 else _NEG
    if col in ("target", "actual"):
        if num:
            return 1.5
        if _is_value(s):
            # a comparison (≥95%, 不低于90%) states a target more often than a result
            return 1.6 if col == "actual" and _TARGET_OP_RE.match(squeeze(s)) else 2.0
        return 0.3 if len(squeeze(s)) <= 12 else -1.0
    if col == "name":
        if num:
            return _NEG
        if match_header(s) in ("target", "actual", "weight", "score", "level1", "level2"):
            return _NEG
        return 0.3 if _VALUE_MARK_RE.search(squeeze(s)) or squeeze(s) in table_lexicon().value_words else 1.0
    if col == "reason":
        if num:
            return _NEG
        return 1.0 if squeeze(s) in table_lexicon().unfilled.placeholders else 0.5
    if col == "label":
        return 2.0 if match_header(s) == "label" else _NEG
    if col in ("operator", "unit") and re.search(r"\d", s):
        # an empty 指标性质 or 度量单位 cell left out of a row flattened with spaces: the
        # figure after the name is the target, not a comparison or a unit
        return _NEG
    return 0.5 if len(squeeze(s)) <= 8 else 0.0


_LEVEL_TAIL = "指标"


def _level_word_rejoined(toks: list[Tok]) -> list[Tok]:
    """「经济效益 指标」: a level's label wrapped in its cell and printed with a space before
    its last word is one cell, not a level and a row named 指标."""
    out: list[Tok] = []
    for t in toks:
        if out and t.s == _LEVEL_TAIL and any(_level_kind(out[-1].s)[:2]) and not out[-1].s.endswith(_LEVEL_TAIL):
            prev = out[-1]
            out[-1] = Tok(prev.m + t.m, prev.line, prev.col)
            continue
        out.append(t)
    return out


@dataclass
class RowCells:
    cells: dict[str, list[Tok]] = field(default_factory=dict)

    def text(self, col: str) -> str | None:
        toks = self.cells.get(col)
        if not toks:
            return None
        return "".join(t.s for t in toks)


def assign_rows(tokens: list[Tok], cols: list[str], near: list[int] | None = None,
                kinds: list[str] | None = None) -> tuple[list[RowCells], float]:
    """Cut a stream of cells into rows of ``cols`` by dynamic programming.

    States (i, j): i cells read, j columns of the current row done. A cell is taken by
    the next column (gain :func:`compat`), a column is left empty (cost ``_DROP``), a
    cell between rows is skipped as noise (cost ``_SKIP_TOKEN``); a name may take two
    cells (a cell split in two) at a cost. Every row has a name. ``kinds`` names what an
    `other` column holds where the header says so (operator, unit): such a column takes
    no figure.
    """
    n, k = len(tokens), len(cols)
    name_at = cols.index("name")
    best = [[_NEG] * (k + 1) for _ in range(n + 1)]
    back: list[list[tuple | None]] = [[None] * (k + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    typed = kinds or cols
    comp = [[compat(c, t.s) for c in typed] for t in tokens]
    if near is not None:
        # aligned columns: a cell under its header's position is more likely that column
        for i, j0 in enumerate(near):
            if comp[i][j0] > _NEG:
                comp[i][j0] += 1.0
    per_line: dict[int, int] = {}
    for t in tokens:
        per_line[t.line] = per_line.get(t.line, 0) + 1
    # a short piece alone on its line, in a table whose rows share lines with their
    # values, is the wrapped start of the next cell rather than a cell of its own
    rows_on_lines = len(per_line) < len(tokens) * 0.6
    alone = [rows_on_lines and per_line[t.line] == 1 and len(t.s) < 10 for t in tokens]

    def relax(i: int, j: int, v: float, frm: tuple) -> None:
        if v > best[i][j]:
            best[i][j] = v
            back[i][j] = frm

    for i in range(n + 1):
        for j in range(1, k):
            if best[i][j] > _NEG and cols[j] != "name":
                relax(i, j + 1, best[i][j] - _DROP.get(cols[j], 1.0), (i, j, "drop"))
        if best[i][k] > _NEG:
            relax(i, 0, best[i][k], (i, k, "row"))
        for j in range(0, name_at):
            if best[i][j] > _NEG:
                relax(i, j + 1, best[i][j] - _DROP.get(cols[j], 1.0), (i, j, "drop"))
        if i == n:
            break
        if best[i][0] > _NEG:
            skip = 0.05 if not tokens[i].s.strip() else _SKIP_TOKEN
            relax(i + 1, 0, best[i][0] - skip, (i, 0, "skip"))
        for j in range(k):
            if best[i][j] == _NEG:
                continue
            g = comp[i][j]
            if alone[i] and cols[j] == "reason" and squeeze(tokens[i].s) not in table_lexicon().unfilled.placeholders:
                g -= 0.8
            if g > _NEG:
                relax(i + 1, j + 1, best[i][j] + g, (i, j, "take"))
            if cols[j] in ("name", "reason") and i + 1 < n and tokens[i + 1].line != tokens[i].line:
                joined = compat(cols[j], tokens[i].s + tokens[i + 1].s)
                if joined > _NEG and comp[i + 1][j] > _NEG:
                    cost = 0.2 if alone[i] else 1.2
                    relax(i + 2, j + 1, best[i][j] + joined - cost, (i, j, "take2"))
    if best[n][0] == _NEG:
        return [], _NEG
    rows: list[RowCells] = []
    cur: RowCells | None = None
    i, j = n, 0
    steps = []
    while (i, j) != (0, 0):
        frm = back[i][j]
        if frm is None:
            break
        steps.append((frm, i, j))
        i, j = frm[0], frm[1]
    for (pi, pj, act), _i, _j in reversed(steps):
        if act in ("take", "take2"):
            if cur is None:
                cur = RowCells()
            cur.cells[cols[pj]] = tokens[pi:_i]
        elif act == "row":
            if cur is not None:
                rows.append(cur)
            cur = None
    return rows, best[n][0]


# --- tables ----------------------------------------------------------------------------


@dataclass
class TableRow:
    values: dict[str, str | None]  # canonical column -> text (None: no such column)
    spans: dict[str, Mapped]  # canonical column -> text with offsets
    start: int
    end: int


@dataclass
class IndicatorTable:
    shape: str  # pipe tsv aligned cell_per_line flattened
    columns: list[str]
    rows: list[TableRow]
    first_line: int
    last_line: int
    start: int
    end: int
    title: str | None = None
    total_weight: float | None = None
    total_score: float | None = None
    warnings: list[str] = field(default_factory=list)
    total_span: tuple[int, int] | None = None  # the 总分 row in the text
    tail: tuple[int, int] | None = None  # text glued after the table on its last line (评价结论…)
    unread: list[tuple[int, int]] = field(default_factory=list)  # stretches no row was read from
    header_cells: list[str] = field(default_factory=list)  # as written, one per column (when known)


def _header_at(lines: list[Line], k: int) -> tuple[list[str], int, list[Tok], str, list[Tok]] | None:
    """(columns, next line index, header cells, shape, cells after the header on its line)."""
    ln = lines[k]
    if ln.shape in ("pipe", "tsv", "aligned"):
        cells = ln.cells if ln.shape != "aligned" else ln.filled
        cols = header_columns([match_header(c.s) if c.s else None for c in cells])
        if cols and ln.shape == "pipe":
            tiers = _two_tiers(cells)
            if tiers is not None:
                return tiers[0], k + 1, tiers[1], ln.shape, tiers[2]
        if cols:
            if ln.shape == "pipe":
                cells, j = _header_continued(lines, k, cells)
                if j > k + 1:
                    cols = header_columns([match_header(c.s) if c.s else None for c in cells]) or cols
                return cols, j, cells, ln.shape, []
            return cols, k + 1, cells, ln.shape, []
        if ln.shape == "aligned":
            return _flat_header(ln, k) or _glued_header_at(ln, k)
        grouped = _grouped_header(lines, k)
        if grouped is not None:
            return grouped
        filled = [c for c in cells if c.s]
        if ln.shape == "pipe" and filled and all(match_header(c.s) for c in filled):
            # 绩效指标 | 一级指标 | / 二级指标 | 三级指标 | …: the header's first cells on a
            # line of their own, too few to name a table alone
            more, j = _header_continued(lines, k, cells)
            cols = header_columns([match_header(c.s) for c in more]) if j > k + 1 else None
            if cols:
                return cols, j, more, ln.shape, []
        return None
    if ln.shape != "single":
        return None
    flat = _flat_header_wrapped(lines, k) or _flat_header(ln, k)
    if flat:
        return flat
    glued = _glued_header_at(ln, k)
    if glued:
        return glued
    # one header cell per line (blank lines between allowed)
    names: list[str] = []
    cells: list[Tok] = []
    j = k
    while j < len(lines):
        lj = lines[j]
        if lj.shape == "blank":
            j += 1
            continue
        cell = _one_cell(lj)
        if cell is None:
            break
        name = match_header(cell.s)
        nxt = j + 1
        if name is None:
            # a head cell wrapped over two lines (年度 / 指标值, 实际 / 完成值)
            while nxt < len(lines) and lines[nxt].shape == "blank":
                nxt += 1
            if nxt < len(lines) and lines[nxt].shape == "single":
                name = match_header(cell.s + lines[nxt].cells[0].s)
            nxt += 1
        if name is None or (name in names and name not in ("other", "label")):
            break  # (a column named again is the first row's cell: 请输入三级指标名称)
        names.append(name)
        cells.append(cell)
        j = _header_wrap_end(lines, j, nxt, name)
    if len(names) >= 3:
        cols = header_columns(names)
        if cols:
            return cols, j, cells, "cell_per_line", []
    return None


def _one_cell(ln: Line) -> Tok | None:
    """The one cell a line holds: a line of its own, or a pipe line whose other cells are
    the empty cells a merged cell leaves (指标值 | |)."""
    if ln.shape == "single":
        return ln.cells[0]
    if ln.shape == "pipe":
        filled = ln.filled
        return filled[0] if len(filled) == 1 else None
    return None


def _header_wrap_end(lines: list[Line], first: int, nxt: int, name: str) -> int:
    """The line after a header cell wrapped over three lines or more (偏差原因 / 分析及 /
    改进措施): a following line is more of the cell while the cell so far is still part of
    one of its column's own names (a row's first cell would make a name of none)."""
    pairs, _ = _header_synonyms(table_lexicon())
    names = [syn for col, syn in pairs if col == name]
    joined = "".join(squeeze(lines[q].cells[0].s) for q in range(first, nxt) if lines[q].shape == "single")
    while True:
        q = nxt
        while q < len(lines) and lines[q].shape == "blank":
            q += 1
        if q >= len(lines) or lines[q].shape != "single":
            return nxt
        more = joined + squeeze(lines[q].cells[0].s)
        if not any(more in syn for syn in names):
            return nxt
        joined, nxt = more, q + 1


def _grouped_header(lines: list[Line], k: int) -> tuple[list[str], int, list[Tok], str, list[Tok]] | None:
    """A header of two rows kept cell by cell (指标名称 | 年度目标值 | 绩效运行监控 | | 年终自评 | |
    over | | 1—6月完成值 | 完成进度 | 全年完成值 | 是否完成 | 偏差原因…): a cell merged over both
    rows is printed in the upper row with an empty cell under it, a group's cells in the lower
    row under its spanning label. Each column takes its lower cell where there is one, else
    its upper one; neither row alone names a table."""
    if k + 1 >= len(lines) or lines[k + 1].shape != lines[k].shape:
        return None
    upper, lower = lines[k].cells, lines[k + 1].cells
    if len(lower) != len(upper):
        return None
    lower_names = [match_header(c.s) if c.s else None for c in lower]
    held = [u for u, d in zip(upper, lower) if u.s and not d.s]
    if sum(n is not None for n in lower_names) < 2 or not held \
            or any(c.s and len(squeeze(c.s)) > HEADER_CELL_MAX for c in lower):
        return None
    cells = [d if d.s else u for u, d in zip(upper, lower)]
    cols = header_columns([match_header(c.s) if c.s else None for c in cells])
    if not cols:
        return None
    return cols, k + 2, cells, lines[k].shape, []


_TIER1_COLUMNS = {"target", "actual", "weight", "score", "reason"}
_TIER2_COLUMNS = {"level1", "level2", "name"}


def _two_tiers(cells: list[Tok]) -> tuple[list[str], list[Tok], list[Tok]] | None:
    """A header of two rows exported onto one line with the cells around it (| … | 绩效指标 |
    年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因… | 一级指标 | 二级指标 | 三级指标 | 指标性质 |
    指标值 | 度量单位 | 产出指标 | …): the first row's spanning cells (年度指标值 over 指标性质,
    指标值 and 度量单位), then the second row's. Columns in the table's real order, the
    header cells, and the cells of the first row that follow the header on its line;
    None when the line is no such header."""
    filled = [c for c in cells if c.s]
    names = [match_header(c.s) for c in filled]
    runs: list[tuple[int, int]] = []  # stretches of cells that are all column names
    for i, name in enumerate(names):
        if name is None:
            continue
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    if not runs:
        return None
    start, run_end = max(runs, key=lambda r: r[1] - r[0])
    head = [n or "other" for n in names[start:run_end]]
    split = next((i for i, n in enumerate(head) if n in _TIER2_COLUMNS
                  and any(m in _TIER1_COLUMNS for m in head[:i])), None)
    if split is None or "level1" not in head[split:] and "name" not in head[split:]:
        return None
    upper, lower = head[:split], head[split:]
    cols = lower + [c for c in upper if c not in lower and c not in ("label", "other")]
    if not (set(cols) & {"target", "actual"}) or "name" not in cols:
        return None
    hcells = filled[start + split:run_end] + [c for c, n in zip(filled[start:start + split], upper)
                                              if n not in lower and n not in ("label", "other")]
    return cols, hcells, filled[run_end:]


def _header_continued(lines: list[Line], k: int, cells: list[Tok]) -> tuple[list[Tok], int]:
    """A pipe header broken over lines (| 一级指标 | … | 年度 指标值 | / 实际 完成值 | / 分值 | 得分 |
    …): the lines after it whose every filled cell is a column name are more of it."""
    out = [c for c in cells if c.s]
    j = k + 1
    while j < len(lines) and j <= k + 4:
        lj = lines[j]
        if lj.shape not in ("pipe", "single"):
            break
        filled = [c for c in lj.cells if c.s]
        if not filled or any(match_header(c.s) is None for c in filled):
            break
        out += filled
        j += 1
    return (out if j > k + 1 else cells), j


FLAT_GAP_MAX = 6  # characters of an unknown header cell kept inside a one-line header


def _flat_header(ln: Line, k: int) -> tuple[list[str], int, list[Tok], str, list[Tok]] | None:
    """A header written on one line with single spaces, maybe followed by the rows."""
    words = ln.words()
    names = [match_header(w.s) for w in words]
    for i in range(1, len(words) - 1):
        # a column the lexicon does not know (完成率, 指标权重说明) between two it knows is
        # kept in its place, so the run of header cells does not end at it
        if names[i] is None and names[i - 1] and names[i + 1] and len(squeeze(words[i].s)) <= FLAT_GAP_MAX \
                and not re.search(r"\d", words[i].s):
            names[i] = "other"
    # the longest run of header cells, wherever it starts on the line (a whole form
    # flattened onto one line has its table in the middle); a merged label written
    # vertically may leave one character before it
    best: tuple[int, int] | None = None
    a = 0
    while a < len(words):
        if names[a] is None:
            a += 1
            continue
        b = a
        while b < len(words) and names[b] is not None:
            b += 1
        if b - a >= 3 and (best is None or b - a > best[1] - best[0]):
            best = (a, b)
        a = b
    if best is None:
        return None
    a, b = best
    cols = header_columns(names[a:b])  # type: ignore[arg-type]
    if not cols:
        return None
    return cols, k + 1, words[a:b], "flattened", words[b:]


WRAPPED_HEAD_MAX = 4  # header cells a one-line header may leave for its next line to finish


def _flat_header_wrapped(lines: list[Line], k: int) -> tuple[list[str], int, list[Tok], str, list[Tok]] | None:
    """A header written on one line with single spaces whose two-line cells left their
    second halves on the next line (… 三级指标 年度 实际 分值 得分 … / 指标值 完成值): the
    words naming no column take the next line's words in order."""
    words = lines[k].words()
    j = k + 1
    while j < len(lines) and lines[j].shape == "blank":
        j += 1
    if j >= len(lines) or lines[j].shape != "single":
        return None
    tails = lines[j].words()
    names = [match_header(w.s) for w in words]
    misses = [i for i, n in enumerate(names) if n is None]
    if not 1 <= len(misses) <= WRAPPED_HEAD_MAX or len(misses) != len(tails) \
            or any(match_header(t.s) in ("level1", "level2", "name") for t in tails):
        return None
    cells = list(words)
    for i, t in zip(misses, tails):
        names[i] = match_header(words[i].s + t.s)
        if names[i] is None:
            return None
        cells[i] = Tok(words[i].m + t.m, words[i].line, words[i].col)
    cols = header_columns(names)  # type: ignore[arg-type]
    if not cols or not {"target", "actual"} & set(cols):
        return None
    return cols, j + 1, cells, "flattened", []


def _glued_header_at(ln: Line, k: int) -> tuple[list[str], int, list[Tok], str, list[Tok]] | None:
    """A header whose column names are glued together with no separator (the text of a
    .docx re-posted as one run of characters, :mod:`.glued`); the rest of the line is
    handed on whole, to be cut with the lines after it."""
    cells = ln.filled
    if not cells or sum(len(c.s) for c in cells) < 16:
        return None
    for ci, c in enumerate(cells):
        hit = glued_header(c.s)
        if hit is None:
            continue
        chain, end = hit
        cols = header_columns([col for col, _a, _b in chain])
        if not cols:
            continue
        hcells = [Tok(c.m.slice(a, b), k, c.col) for _col, a, b in chain]
        rest = c.m.slice(end)
        for c2 in cells[ci + 1:]:
            rest = rest + Mapped.synthetic(" ") + c2.m
        return cols, k + 1, hcells, "glued", [Tok(rest, k, 0)]
    return None


def _glued_piece(ln: Line) -> Mapped | None:
    """A line that continues a glued table: its text without the page number a
    document-sharing site prints before each page (「2、100%…」); None for a line that
    holds no figure and no level word (the table has ended)."""
    if ln.shape not in ("single", "aligned") or not ln.filled:
        return None
    m = ln.filled[0].m
    for c in ln.filled[1:]:
        m = m + Mapped.synthetic(" ") + c.m
    mark = PAGE_MARK_RE.match(m.chars)
    if mark:
        m = m.slice(mark.end())
    if not _DIGIT_RE.search(m.chars) and not any(w in m.chars for w in ("指标",)):
        return None
    return m


def _total_row(ln: Line) -> tuple[float | None, float | None] | None:
    cells = ln.filled if ln.shape != "single" else ln.words()
    if not cells:
        return None
    labels = {squeeze(x) for x in table_lexicon().total_labels}
    # the total row opens with its label, or shares a line with a last remark
    # (| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |)
    # (总分(100分): the label with the points it is out of)
    at = next((k for k, c in enumerate(cells[:4]) if squeeze(c.s) in labels
               or _BRACKET_RE.sub("", squeeze(c.s)) in labels), None)
    if at is None:
        return None
    nums = [v for v in (_number(c.s) for c in cells[at + 1:]) if v is not None]
    if not nums:
        return (None, None)
    if len(nums) >= 2:
        return nums[-2], nums[-1]
    return None, nums[-1]


_REFERENCE_WORDS = ("见", "详见", "参见")
ROW_MIN_CELLS = 5  # filled cells of a line that is an indicator row, whatever its first cell says


_SERIAL_HEADS = frozenset({"序号", "编号", "序"})


def _is_end(ln: Line) -> bool:
    """A line that closes a table: a section heading or a long sentence of prose."""
    from .items import split_number
    from .labels import match_outside, match_section

    if ln.shape != "single":
        # a row of a form that opens with a section label (存在问题 | 1.…) ends the table
        first = ln.filled[0].s if ln.filled else ""
        if squeeze(first) in _SERIAL_HEADS and not any(_NUM_RE.match(squeeze(c.s)) for c in ln.filled):
            return True  # 序号 | 学校性质 | 培训机构 | …: the header of another table after this one
        if ln.filled and (ln.filled[0] is not ln.cells[0] or len(ln.filled) >= ROW_MIN_CELLS):
            # a merged cell left empty before it (| | 绩效目标 | 目标合理性 | 5 |…), or a row as
            # wide as an indicator row: a row of the table whose cell happens to name a section
            return False
        lev = _level_kind(first)
        return (len(first) <= 20 and not any(lev)
                and bool(match_section(first, 4) or match_outside(first, 4)))
    s = ln.cells[0].s
    it = split_number(Mapped.synthetic(s))
    body = it.text.chars
    if body.startswith(_REFERENCE_WORDS):
        return False  # 见附件说明: a cell that points elsewhere, not the attachment's heading
    if it.style in ("part", "cn", "pcn") and len(body) <= 30:
        return True
    if it.style is None and any(_level_kind(body)):
        return False  # (实施效果指标: a level of the table that happens to name a section)
    if len(body) <= 30 and (match_section(body, 4) or match_outside(body, 4)):
        return True
    return len(s) > 150


class _Builder:
    def __init__(self, cols: list[str], shape: str, header_cells: list[Tok]):
        self.cols = _status_as_result(cols, header_cells)
        self.shape = shape
        self.header_cells = header_cells
        self.rows: list[RowCells] = []
        self.warnings: list[str] = []

    def positional(self, cells: list[Tok]) -> RowCells | None:
        lead = 0
        if len(cells) == len(self.cols) + 1 and not cells[0].s:
            lead = 1  # an empty cell before the first column (a padding pipe)
        if len(cells) - lead != len(self.cols):
            return None
        rc = RowCells()
        for col, c in zip(self.cols, cells[lead:]):
            if not c.s or col in ("label", "other") or (col in _VALUE_COLUMNS and _is_dash(c.s)):
                continue
            if col in ("level1", "level2", "weight", "score") and compat(col, c.s) == _NEG:
                # a cell out of its column (a character of a vertical label before the
                # row, a merged cell dropped): the row program places the cells instead
                return None
            rc.cells[col] = [c]
        self._whole_target(rc, cells[lead:])
        self._criterion_target(rc, cells[lead:])
        return rc

    def _criterion_target(self, rc: RowCells, cells: list[Tok]) -> None:
        """A 评分表 with no target column: the head of the row's scoring rule (≥95%得10分，
        每低1个百分点扣0.5分) is its target."""
        if "target" in rc.cells or "actual" not in rc.cells or len(self.header_cells) != len(self.cols) \
                or len(cells) != len(self.cols):
            return
        q = self._criterion_column()
        if q is None or not cells[q].s:
            return
        got = _criterion_head(cells[q])
        if got is not None:
            rc.cells["target"] = [got]

    def _criterion_column(self) -> int | None:
        """The scoring-rule column of a table with no target column (computed once)."""
        if not hasattr(self, "_criterion_q"):
            lex = table_lexicon()
            head = [squeeze(h.s) for h in self.header_cells]
            self._criterion_q = None if "target" in self.cols else next(
                (k for k, h in enumerate(head) if h in lex.criterion_columns), None)
        return self._criterion_q

    def _whole_target(self, rc: RowCells, cells: list[Tok]) -> None:
        """A target split over 指标性质 | 指标值 | 度量单位 (≥ | 95 | %) is read whole. The unit
        joins it only where the result is not a bare figure: the unit column is the result's
        unit too (实际完成值 88.6 under 度量单位 %), and target and result are read alike."""
        if "target" not in rc.cells or len(self.header_cells) != len(self.cols) or len(cells) != len(self.cols):
            return
        lex = table_lexicon()
        q = self.cols.index("target")
        head = [squeeze(h.s) for h in self.header_cells]
        if q > 0 and head[q - 1] in lex.operator_columns and _OPERATOR_RE.fullmatch(squeeze(cells[q - 1].s)):
            rc.cells["target"] = [cells[q - 1]] + rc.cells["target"]
        actual = rc.cells.get("actual")
        # (the unit column after the value, or before it where 重庆's form puts it: 计量单位 |
        # 指标性质 | 指标值)
        u = next((k for k in [q + 1] + list(range(q)) if k < len(cells) and head[k] in lex.unit_columns), None)
        if u is not None and cells[u].s \
                and not re.search(r"\d", cells[u].s) and len(squeeze(cells[u].s)) <= 4 \
                and not (actual and _is_number("".join(t.s for t in actual))) \
                and not squeeze("".join(t.s for t in rc.cells["target"])).endswith(squeeze(cells[u].s)):
            rc.cells["target"] = rc.cells["target"] + [cells[u]]

    def add_line_row(self, ln: Line) -> None:
        if self._continues_values(ln):
            return
        rc = self.positional(ln.cells if ln.shape != "aligned" else ln.filled)
        if rc is None and ln.shape == "aligned" and not any(_is_value(c.s) for c in ln.filled) \
                and not self._under_values(ln.filled):
            # wrapped ends of several cells on one line, each under its own header
            rc = RowCells()
            for c in ln.filled:
                for col, toks in self._fragment(c).cells.items():
                    rc.cells.setdefault(col, []).extend(toks)
        if rc is not None:
            self._push(rc)
            return
        toks = [c for c in ln.cells if c.s]
        self.add_stream(toks)

    def _continues_values(self, ln: Line) -> bool:
        """Short cells on lines after a row that has a name and no figure fill that row's
        value columns in order (| 减轻学生家庭负担 | / | 有效 | / | 有效 | 10 | 10 |: a
        form whose merged row was exported one cell group a line)."""
        if self.shape not in ("pipe", "tsv") or not self.rows:
            return False
        prev = self.rows[-1]
        free = [c for c in self.cols if c in _VALUE_COLUMNS and c not in prev.cells]
        filled = ln.filled
        if "name" not in prev.cells or not filled or len(filled) > len(free) or any(
                len(squeeze(c.s)) > 8 or any(_level_kind(c.s)[:2]) or match_header(c.s) for c in filled):
            return False
        if any(c in prev.cells for c in _VALUE_COLUMNS) and not any(_is_value(c.s) for c in filled):
            return False  # (a row already begun takes figures only)
        for col, c in zip(free, filled):
            prev.cells[col] = [c]
        return True

    def _under_values(self, cells: list[Tok]) -> bool:
        """A cell stands under a target or actual header: the line is a row of its own
        (a target written in words, 较上年提高), not the wrapped end of the row above."""
        if self.shape != "aligned" or len(self.header_cells) != len(self.cols):
            return False
        for c in cells:
            j = min(range(len(self.cols)), key=lambda q: abs(self.header_cells[q].col - c.col))
            if self.cols[j] in ("target", "actual") and abs(self.header_cells[j].col - c.col) <= 4:
                return True
        return False

    def _fragment(self, tok: Tok) -> RowCells | None:
        """The wrapped end of a cell on a line of its own: it continues the column whose
        header stands nearest to it (name by default)."""
        col = "name"
        if self.shape == "aligned" and len(self.header_cells) == len(self.cols):
            j = min(range(len(self.cols)), key=lambda q: abs(self.header_cells[q].col - tok.col))
            if self.cols[j] in ("level1", "level2", "name", "reason"):
                col = self.cols[j]
        return RowCells({col: [tok]})

    def add_stream(self, toks: list[Tok]) -> None:
        if not toks:
            return
        if len(toks) <= 2 and all(any(_level_kind(t.s)[:2]) for t in toks):
            # a merged level cell alone on its row (质量指标 | | | …): no indicator, but
            # the rows below inherit it
            rc = RowCells()
            for t in toks:
                l1, l2, _ = _level_kind(t.s)
                col = "level1" if l1 and "level1" in self.cols else "level2"
                if col in self.cols:
                    rc.cells[col] = [t]
            if rc.cells:
                self._push(rc)
            return
        toks = _level_word_rejoined(glue_split_values(toks, unit_first=self._unit_first()))
        near = None
        if self.shape == "aligned" and len(self.header_cells) == len(self.cols):
            near = [min(range(len(self.cols)), key=lambda q: abs(self.header_cells[q].col - t.col)) for t in toks]
        rows, score = assign_rows(toks, self.cols, near, self._kinds())
        rows = self._lost_points_column(toks, rows, score, near)
        if not rows:
            rows = self._levels_and_name(toks)
        if len(rows) == 1 and "target" not in rows[0].cells and "actual" in rows[0].cells \
                and self._criterion_column() is not None:
            # (the row program reads the scoring rule as an unread cell: its head is the target)
            used = {id(t) for col, ts in rows[0].cells.items() if col != "other" for t in ts}
            heads = [h for t in toks if id(t) not in used and (h := _criterion_head(t)) is not None]
            if len(heads) == 1:
                rows[0].cells["target"] = heads
        if not rows:
            self.warnings.append("表格行无法按表头拆分 / a table line could not be cut into cells: "
                                 + " ".join(t.s for t in toks)[:40])
            return
        for rc in rows:
            self._push(rc)

    def _kinds(self) -> list[str] | None:
        """The columns as the row program types them: an `other` column the header names
        as the comparison (指标性质) or the unit (度量单位) is typed so."""
        if len(self.header_cells) != len(self.cols):
            return None
        lex = table_lexicon()
        kinds = list(self.cols)
        for k, h in enumerate(self.header_cells):
            if kinds[k] == "other":
                q = squeeze(h.s)
                kinds[k] = "operator" if q in lex.operator_columns else "unit" if q in lex.unit_columns else "other"
        return kinds

    def _unit_first(self) -> bool:
        """The header puts its unit column before the comparison and the value (重庆's 计量单位 |
        指标性质 | 指标值)."""
        lex = table_lexicon()
        head = [squeeze(h.s) for h in self.header_cells]
        units = [k for k, h in enumerate(head) if h in lex.unit_columns]
        ops = [k for k, h in enumerate(head) if h in lex.operator_columns]
        return bool(units and ops and units[0] < ops[0])

    def _lost_points_column(self, toks: list[Tok], rows: list[RowCells], score: float,
                            near: list[int] | None) -> list[RowCells]:
        """A form exported one cell a line whose header lost its 分值 cell (a merged header
        row) still writes a figure after each row's result: the rows are read again with a
        points column after the result, kept when the cells fit it clearly better."""
        if self.shape not in ("cell_per_line", "flattened") or near is not None \
                or any(c in self.cols for c in ("weight", "score")) or "actual" not in self.cols:
            return rows
        cols = list(self.cols)
        cols.insert(cols.index("actual") + 1, "score")
        again, better = assign_rows(toks, cols)
        if not again or better < score + LOST_COLUMN_GAIN * len(again):
            return rows
        self.cols = cols
        return again

    def _levels_and_name(self, toks: list[Tok]) -> list[RowCells]:
        """A row's level cells and name with its figures on the lines below (| 经济效益 指标 |
        减少安全隐患损失 |): too costly for the row program, which wants figures in a row."""
        *levels, name = toks
        kinds = [_level_kind(t.s) for t in levels]
        if not levels or len(levels) > 2 or not all(k[0] or k[1] for k in kinds) or compat("name", name.s) == _NEG \
                or any(_level_kind(name.s)[:2]):
            return []
        rc = RowCells({"name": [name]})
        for t, (l1, l2, _) in zip(levels, kinds):
            col = "level2" if (l2 and (not l1 or len(levels) == 1 or t is levels[-1])) else "level1"
            if col in self.cols:
                rc.cells[col] = [t]
        return [rc]

    def _push(self, rc: RowCells) -> None:
        has_values = bool(rc.cells.keys() & set(_VALUE_COLUMNS))
        lex = table_lexicon()
        whole_level = any(_LEVEL_POINTS_RE.sub("", squeeze("".join(t.s for t in rc.cells.get(c, []))))
                          in getattr(lex, c) for c in ("level1", "level2"))
        if self.rows and not has_values and not whole_level:
            # a wrapped cell: its text continues the row above, column by column
            prev = self.rows[-1]
            for col, toks in rc.cells.items():
                prev.cells.setdefault(col, []).extend(toks)
            return
        if "name" not in rc.cells and not has_values and not whole_level:
            # (a level alone on its row is kept: the rows below inherit it)
            return
        self.rows.append(rc)

    def finish(self, text: str) -> list[TableRow]:
        out: list[TableRow] = []
        present = set(self.cols)
        parents = {squeeze(k): v for k, v in table_lexicon().level2_parent.items()}
        # a merged 一级指标 written in the middle of its rows: rows before it take it too
        first_l1 = next((rc.cells["level1"] for rc in self.rows if rc.cells.get("level1")), None)
        inherit: dict[str, str] = {}
        if first_l1:
            inherit["level1"] = "".join(t.s for t in first_l1)
        for rc in self.rows:
            values: dict[str, str | None] = {}
            spans: dict[str, Mapped] = {}
            for col in ("level1", "level2", "name", "target", "actual", "weight", "score", "deduction", "reason"):
                toks = rc.cells.get(col)
                if toks:
                    m = toks[0].m
                    for t in toks[1:]:
                        m = m + t.m
                    s = m.chars
                    if col in _VALUE_COLUMNS:
                        s = repair_number(s)
                    elif col in ("level1", "level2"):
                        s = _LEVEL_POINTS_RE.sub("", s) or s
                    values[col] = s
                    spans[col] = m
                else:
                    values[col] = "" if col in present else None
            if values["level1"]:
                old_parent = parents.get(squeeze(inherit.get("level2", "")))
                if old_parent != squeeze(values["level1"]) and not values["level2"]:
                    inherit.pop("level2", None)
                inherit["level1"] = values["level1"]  # type: ignore[assignment]
            if values["level2"]:
                inherit["level2"] = values["level2"]  # type: ignore[assignment]
            elif "level2" in present and "level2" in inherit:
                values["level2"] = inherit["level2"]
            if not values["level1"] and "level1" in present:
                parent = parents.get(squeeze(values["level2"] or ""))
                values["level1"] = parent or inherit.get("level1", "")
                if parent:
                    inherit["level1"] = parent
            if not values.get("name") or not re.search(r"[\u4e00-\u9fffA-Za-z]", values["name"]):
                continue  # a name of figures only (10, 20) is a cell read out of its column
            offs = [o for m in spans.values() for o in (m.start, m.end) if o is not None]
            out.append(TableRow(values, spans, min(offs) if offs else 0, max(offs) if offs else 0))
        return out


def _complete_rows(tables: list[IndicatorTable]) -> int:
    return sum(1 for t in tables for r in t.rows if r.values.get("target") and r.values.get("actual"))


def find_tables(text: str, lines: list[Line] | None = None) -> list[IndicatorTable]:
    """Every indicator table in ``text``, in order."""
    lines = lines if lines is not None else split_lines(text)
    tables: list[IndicatorTable] = []
    k = 0
    while k < len(lines):
        head = _header_at(lines, k)
        if head is None:
            k += 1
            continue
        cols, j, hcells, shape, rest = head
        table = _read_body(text, lines, k, j, cols, hcells, shape, rest)
        if table is not None:
            tables.append(table)
            k = table.last_line + 1
        else:
            k = j
    if not tables:
        tables.extend(_headless(text, lines))
    covered = {q for t in tables for q in range(t.first_line, t.last_line + 1)}
    tables.extend(t for t in _labelled_rows(text, lines) if t.first_line not in covered)
    covered = {q for t in tables for q in range(t.first_line, t.last_line + 1)}
    tables.extend(t for t in _transposed(text, lines) if t.first_line not in covered)
    leader = _leader_rows(text, lines)
    if leader:
        # (the header-less readers take leader lines for a scrambled row: the leaders decide)
        spans = [(t.first_line, t.last_line) for t in leader]
        tables = [t for t in tables if not any(a <= t.first_line <= b or t.first_line <= a <= t.last_line
                                               for a, b in spans)] + leader
    tables.sort(key=lambda t: t.start)
    shaped = _row_shapes(text, lines)
    if shaped and _complete_rows(shaped) > _complete_rows(tables):
        # a scrambled header read as a table whose cells are out of place (names that are
        # figures): the rows found by their shape are the better reading
        tables = shaped
    return tables


LEADER_MIN_ROWS = 3  # lines a run of dotted-leader rows has at least
_LEADER_RE = re.compile(r"[…⋯]{2,}|[.．·。]{4,}")
_LEADER_LEFT_RE = re.compile(r"^(?P<name>(?:[^（()）]|[（(][^（()），,]{1,8}[)）]){2,40}?)[（(](?:(?P<target>[^，,（()）]{1,24})[，,])?\s*(?P<weight>\d+(?:\.\d+)?)\s*分[)）]$")
_LEADER_RIGHT_RE = re.compile(r"^(?P<actual>.*?)\s*(?P<score>\d+(?:\.\d+)?)\s*分\s*(?:[（(](?P<reason>.+)[)）])?$")


def has_leader(s: str) -> bool:
    """``s`` holds a dotted leader (……, ....) between a label and its value."""
    return _LEADER_RE.search(s) is not None


def _leader_row(text: str, ln: Line) -> dict[str, Mapped] | None:
    """The cells of a row written as a line with a dotted leader (年度总流通人次（≥32万人次，
    10分）…………33.6万人次　10分（原因）): name, target and weight before the leader, result,
    score and a reason in brackets after it."""
    if ln.shape not in ("single", "aligned"):
        return None
    line = Mapped.span(text, ln.start, ln.end)
    lead = _LEADER_RE.search(line.chars)
    if lead is None:
        return None
    left, right = line.slice(0, lead.start()).strip(), line.slice(lead.end()).strip()
    a, b = _LEADER_LEFT_RE.match(left.chars), _LEADER_RIGHT_RE.match(right.chars)
    if a is None or b is None:
        return None
    out = {}
    for m, side in ((a, left), (b, right)):
        for col, val in m.groupdict().items():
            if val and val.strip():
                at = m.start(col)
                out[col] = side.slice(at, m.end(col)).strip()
    return out if "name" in out else None


def _leader_rows(text: str, lines: list[Line]) -> list[IndicatorTable]:
    """Indicator rows printed as dotted-leader lines, one indicator a line (a Word document's
    list of results), with a 合计 line after them giving the total."""
    tables: list[IndicatorTable] = []
    run: list[tuple[int, dict[str, Mapped]]] = []
    labels = {squeeze(x) for x in table_lexicon().total_labels}

    def flush(k: int) -> None:
        if len(run) >= LEADER_MIN_ROWS:
            b = _Builder(list(_DEFAULT_COLUMNS), "leader", [])
            for _, cells in run:
                b.rows.append(RowCells({c: [Tok(m, 0, 0)] for c, m in cells.items()}))
            rows = b.finish(text)
            k0, k1 = run[0][0], run[-1][0]
            table = IndicatorTable(shape="leader", columns=list(_DEFAULT_COLUMNS), rows=rows, first_line=k0,
                                   last_line=k1, start=lines[k0].start, end=lines[k1].end)
            total = _leader_row(text, lines[k]) if k < len(lines) else None
            if total is not None and squeeze(total["name"].chars) in labels:
                table.total_weight = _number(total["weight"].chars) if "weight" in total else None
                table.total_score = _number(total["score"].chars) if "score" in total else None
                if table.total_score is not None:
                    table.last_line, table.end = k, lines[k].end
                    table.total_span = (lines[k].start, lines[k].end)
            tables.append(table)
        run.clear()

    for k, ln in enumerate(lines):
        got = _leader_row(text, ln)
        if got is not None and squeeze(got["name"].chars) in labels:
            flush(k)  # 合计（100分）……97.52分: the total closes the rows
        elif got is not None:
            run.append((k, got))
        elif ln.shape != "blank":
            flush(k)
    flush(len(lines))
    return tables


TRANSPOSED_MIN_LABELS = 3  # label lines (三级指标, 年度指标值, …) a transposed table has at least
_TRANSPOSED_COLUMNS = ("level1", "level2", "name", "target", "actual", "weight", "score", "reason")


def _label_line(ln: Line) -> tuple[str, list[Tok | None]] | None:
    """A line of a transposed table (三级指标 | 人数 | 到位率 | …): the column its first cell
    names and its other cells in place (None where a cell is empty)."""
    if ln.shape not in ("pipe", "tsv", "aligned") or not ln.filled:
        return None
    first = ln.filled[0]
    col = match_header(first.s)
    if col not in _TRANSPOSED_COLUMNS:
        return None
    if ln.shape == "aligned":
        rest: list[Tok | None] = list(ln.filled[1:])
    else:
        at = next(q for q, c in enumerate(ln.cells) if c is first)
        rest = [c if c.s else None for c in ln.cells[at + 1:]]
    while rest and rest[-1] is None:
        rest.pop()
    # (a line whose cells are all empty is kept: a 偏差原因 line no row needed)
    if sum(1 for c in rest if c is not None and match_header(c.s) in _TRANSPOSED_COLUMNS) > 1:
        return None  # a header row written across (一级指标 | 二级指标 | 三级指标 | …)
    return col, rest


def _transposed(text: str, lines: list[Line]) -> list[IndicatorTable]:
    """An indicator table printed with its columns as lines (一级指标 | … / 三级指标 | … /
    年度指标值 | … / 实际完成值 | …, one indicator a column), as forms are laid out when
    many indicators must fit a page's width: each column read back as one row."""
    tables: list[IndicatorTable] = []
    k = 0
    while k < len(lines):
        run: list[tuple[int, str, list[Tok | None]]] = []
        j = k
        while j < len(lines):
            got = _label_line(lines[j])
            if got is None or any(col == got[0] for _, col, _ in run):
                break
            run.append((j, *got))
            j += 1
        cols = {col for _, col, _ in run}
        width = max((len(rest) for _, _, rest in run), default=0)
        if len(run) < TRANSPOSED_MIN_LABELS or "name" not in cols or not cols & {"target", "actual"} or width < 2:
            k = max(j, k + 1)
            continue
        b = _Builder(list(_DEFAULT_COLUMNS), "transposed", [])
        for q in range(width):
            rc = RowCells()
            for _, col, rest in run:
                c = rest[q] if q < len(rest) else None
                if c is not None and not (col in _VALUE_COLUMNS and _is_dash(c.s)):
                    rc.cells[col] = [c]
            if "name" in rc.cells:
                b.rows.append(rc)
        rows = b.finish(text)
        k0, k1 = run[0][0], run[-1][0]
        if len(rows) >= 2:
            table = IndicatorTable(shape="transposed", columns=list(_DEFAULT_COLUMNS), rows=rows, first_line=k0,
                                   last_line=k1, start=lines[k0].start, end=lines[k1].end)
            total = _total_row(lines[k1 + 1]) if k1 + 1 < len(lines) else None
            if total and total[1] is not None:
                table.total_weight, table.total_score = total
                table.last_line, table.end = k1 + 1, lines[k1 + 1].end
                table.total_span = (lines[k1 + 1].start, lines[k1 + 1].end)
            tables.append(table)
        k = j
    return tables


# the official template's columns, for a table whose header was cut off
_DEFAULT_COLUMNS = ["level1", "level2", "name", "target", "actual", "weight", "score", "reason"]


def _headless(text: str, lines: list[Line]) -> list[IndicatorTable]:
    """A table whose header was cut off (an excerpt that starts inside the table), found
    where a line opens on a 一级指标 glued to its 二级指标: read in the official template's
    column order, and kept only when its rows hold values."""
    for k, ln in enumerate(lines):
        if ln.shape not in ("single", "aligned") or not ln.filled:
            continue
        c = ln.filled[0]
        at = headless_start(c.s)
        if at is None:
            continue
        rest = c.m.slice(at)
        for c2 in ln.filled[1:]:
            rest = rest + Mapped.synthetic(" ") + c2.m
        table = _read_body(text, lines, k, k + 1, list(_DEFAULT_COLUMNS), [], "glued", [Tok(rest, k, 0)])
        if table is not None and len(table.rows) >= 2:
            table.start = rest.start if rest.start is not None else table.start
            return [table]
    return []


_PAIR_SEP_RE = re.compile(r"[；;]|(?<=\S)[ \u3000]{2,}(?=\S)|(?<=\S)\u3000(?=\S)")
UNLABELLED_NAME_MAX = 40  # characters of a line's leading words read as the name of the fields after it
LABELLED_MIN = 4  # column: value pairs a line needs to be a row written as labelled fields


def _line_fields(text: str, ln: Line) -> dict[str, Mapped] | None:
    """A row written as labelled fields (三级指标：维修养护数量；年度指标值：≥28座；实际完成值：
    28座；分值：15；得分：15): each field's column and value, None for another line."""
    rows = _line_field_rows(text, ln)
    return rows[0] if len(rows) == 1 else None


def _line_field_rows(text: str, ln: Line) -> list[dict[str, Mapped]]:
    """The rows of a line of labelled fields, a new row at each name field after the first
    (指标名称：A；指标值：…。指标名称：B；…: several indicators in one paragraph)."""
    body = text[ln.start:ln.end]
    rows: list[dict[str, Mapped]] = [{}]
    pos = 0
    # (a sentence's stop parts fields too: 得分：10分。指标名称：…)
    for n, part in enumerate([q for p in _PAIR_SEP_RE.split(body) for q in p.split("。")]):
        at = body.find(part, pos)
        pos = at + len(part)
        k = next((i for i, ch in enumerate(part) if ch in "：:"), None)
        if k is None:
            if n == 0 and _CJK_RE.search(part) and len(part.strip()) <= UNLABELLED_NAME_MAX:
                # 安装视频监控的学校数　指标值：≥46所　完成值：…: the row's name stands unlabelled
                # before its fields (a tree view's leaf)
                lead = len(part) - len(part.lstrip(" \t\u3000"))
                rows[-1]["name"] = Mapped.span(text, ln.start + at + lead, ln.start + at + len(part)).strip(" \t\u3000")
            continue
        col = match_header(part[:k].strip().lstrip("。；;，, "))
        if col is None or col in ("label", "other"):
            continue
        if col in rows[-1]:
            if col != "name":
                continue
            rows.append({})
        val = Mapped.span(text, ln.start + at + k + 1, ln.start + at + len(part)).strip(" \t\u3000。")
        rows[-1][col] = val
        m = _SCORE_OF_WEIGHT_RE.match(val.chars) if col == "score" else None
        if m is not None and "weight" not in rows[-1]:
            # 得分：4分（分值5分）: the score with its weight in brackets
            rows[-1]["score"] = val.slice(m.start(1), m.end(1))
            rows[-1]["weight"] = val.slice(m.start(2), m.end(2))
    return [r for r in rows if len(r) >= LABELLED_MIN and "name" in r and r.keys() & {"target", "actual", "score"}]


_SCORE_OF_WEIGHT_RE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*分?\s*[（(]\s*(?:分值|满分|权重)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]")


def _in_prose(text: str, ln: Line) -> bool:
    """The line's fields follow an item's own words ((三)成本指标。指标名称：…): prose, not a
    print-out whose line is the fields alone."""
    body = normalize(text[ln.start:ln.end]).lstrip()
    k = next((i for i, ch in enumerate(body) if ch in "：:"), len(body))
    head = body[:k]
    from .items import split_number

    return "。" in head or (split_number(Mapped.synthetic(head)).style is not None and match_header(head) is None)


def _one_field(text: str, ln: Line) -> tuple[str, Mapped] | None:
    """(column, value) of a line that is one labelled field (年度指标值：≥3.2万亩)."""
    body = text[ln.start:ln.end]
    k = next((i for i, ch in enumerate(body[:16]) if ch in "：:"), None)
    if k is None and _two_cells(body):
        k = next(i for i, ch in enumerate(body) if ch in "|｜")  # 年度指标值 | ≥60人: a record printed as field | value lines
    if k is None:
        return None
    col = match_header(body[:k].strip())
    if col is None:
        return None
    return col, Mapped.span(text, ln.start + k + 1, ln.end).strip(" \t\u3000")


def _two_cells(body: str) -> bool:
    """A line of two cells, a short label and its value (实际完成值 | 64人)."""
    parts = body.replace("｜", "|").split("|")
    return len(parts) == 2 and 0 < len(parts[0].strip()) <= HEADER_CELL_MAX


# a line that rules records apart (-[ RECORD 2 ]-+------, +----+----+): no text of its own
_RULE_LINE_RE = re.compile(r"^[\s\-+=_─━|\[\]]*(?:[A-Za-z]+\s*\d*)?[\s\-+=_─━|\[\]]*$")


def _rule_line(ln: Line) -> bool:
    raw = ln.raw.strip()
    return len(raw) >= 3 and raw.count("-") + raw.count("─") + raw.count("=") >= 3 and bool(_RULE_LINE_RE.match(raw))


def _qualifies(fields: dict[str, Mapped]) -> bool:
    named = {c for c in fields if c not in ("label", "other")}
    return len(named) >= LABELLED_MIN and "name" in named and bool(named & {"target", "actual", "score"})


def _labelled_rows(text: str, lines: list[Line]) -> list[IndicatorTable]:
    """Indicator rows written as labelled fields (a system's print-out): a row on one line
    (三级指标：…；年度指标值：…), or one field a line with a blank line between the rows;
    each run of such rows one table."""
    tables: list[IndicatorTable] = []
    run: list[tuple[int, int, dict[str, Mapped]]] = []
    block: dict[str, Mapped] = {}
    span: list[int] = []
    prose: list[bool] = []

    def flush() -> None:
        in_prose = bool(prose) and all(prose)
        prose.clear()
        if len(run) >= 2:
            b = _Builder(list(_DEFAULT_COLUMNS), "labelled", [])
            for _, _, fields in run:
                b._push(RowCells({c: [Tok(m, 0, 0)] for c, m in fields.items()
                                  if c not in ("label", "other") and m.chars and not _is_dash(m.chars)}))
            # rows written inside the items of a narrative ((三)成本指标。指标名称：…；指标值：…)
            # stay its paragraphs, whose own checks read the fields
            rows = b.finish(text) if not in_prose else []
            if rows:
                # (the level lines above the first row are the table's too)
                k0, k1 = _labelled_caption(lines, min([run[0][0], *lead])), run[-1][1]
                total = _labelled_total(text, lines, k1)
                if total is not None:
                    k1 = total[2]
                tables.append(IndicatorTable(shape="labelled", columns=list(_DEFAULT_COLUMNS), rows=rows,
                                             first_line=k0, last_line=k1, start=lines[k0].start, end=lines[k1].end,
                                             total_score=total[0] if total else None,
                                             total_span=total[1] if total else None))
        run.clear()
        lead.clear()

    def close_block() -> bool:
        ok = _qualifies(block)
        if ok:
            run.append((span[0], span[-1], dict(block)))
        block.clear()
        span.clear()
        return ok

    levels: dict[str, Mapped] = {}
    lead: list[int] = []
    for k, ln in enumerate(lines):
        if ln.shape in ("blank", "sep") or _rule_line(ln):
            if block and not close_block():
                flush()
            continue
        level = _level_line(ln)
        if level is not None and not block:
            # 产出指标（50分）/ 数量指标 on a line of its own between the rows (a tree view's
            # branches): the level of the rows under it, no break in their run
            if level[0] == "level1":
                levels.clear()
            levels[level[0]] = level[1]
            if not run:
                lead.append(k)
            continue
        has_colon = "：" in ln.raw or ":" in ln.raw
        many = _line_field_rows(text, ln) if has_colon else []
        labelled = has_colon or _two_cells(text[ln.start:ln.end])
        if many:
            if block and not close_block():
                flush()
            for fields in many:
                run.append((k, k, {**levels, **fields}))
            prose.append(_in_prose(text, ln))
            continue
        one = _one_field(text, ln) if labelled else None
        if one is not None:
            col, m = one
            if col in block and col not in ("label", "other") and not close_block():
                flush()
            block.setdefault(col, m)
            span.append(k)
            continue
        if block and match_header(ln.raw.strip().rstrip("|｜:： ")) not in (None, "label", "other"):
            span.append(k)  # 偏差原因 | (nothing): a field of the record left empty
            continue
        if block and not close_block():
            flush()
        if not block:
            flush()
    if block and not close_block():
        flush()
    flush()
    return tables


CAPTION_MAX = 20  # characters of a line above the rows that names them (■ 绩效指标（满分100分）)


def _labelled_caption(lines: list[Line], k: int) -> int:
    """The line of the rows' caption when the line above line ``k`` is one (short, naming
    the 指标, no sentence), else ``k``."""
    j = k - 1
    while j >= 0 and lines[j].shape == "blank":
        j -= 1
    if j < 0 or lines[j].shape != "single":
        return k
    q = squeeze(lines[j].raw)
    return j if "指标" in q and len(q) <= CAPTION_MAX and not re.search(r"[，,。；;：:]", q) else k


def _labelled_total(text: str, lines: list[Line], k: int) -> tuple[float, tuple[int, int], int] | None:
    """(total, its span, its line) of a 总分：97.15 field opening the first line after line
    ``k`` (blank lines aside): the labelled rows' total."""
    j = k + 1
    while j < len(lines) and lines[j].shape == "blank":
        j += 1
    if j >= len(lines):
        return None
    body = text[lines[j].start:lines[j].end]
    m = re.match(r"[\s\u3000]*(\S{1,6}?)\s*[：:]\s*(\d+(?:\.\d+)?)\s*分?(?=$|[\s\u3000，,；;。])", normalize(body))
    labels = {squeeze(x) for x in table_lexicon().total_labels}
    if m is None or squeeze(m.group(1)) not in labels:
        return None
    a = lines[j].start + m.start(2)
    return float(m.group(2)), (a, a + len(m.group(2))), j


def _level_line(ln: Line) -> tuple[str, Mapped] | None:
    """(level1 or level2, the level's words) of a line that opens with a level of the
    indicator outline (产出指标（50分）　小计得分：48.49, 数量指标), None for another line."""
    cells = ln.cells if ln.shape in ("single", "aligned") else []
    if not cells:
        return None
    first = cells[0].m.strip(" \t\u3000")
    is1, is2, generic = _level_kind(first.chars)
    if not (is1 or is2 or generic) or any("指标值" in c.s or "完成值" in c.s for c in cells[1:]):
        return None
    return ("level1" if is1 else "level2"), first


_ROW_MARK_RE = re.compile(r"^指标\s*\d{1,2}\s*[:：]")
ROW_SHAPES_MIN = 3  # rows a headerless run must give before it is read as a table
WORDS_MIN = 12  # words a line of a flattened form has at least


def _row_shapes(text: str, lines: list[Line]) -> list[IndicatorTable]:
    """A form flattened from PDF columns with its header scrambled (年度 实际 指标值 完成值 …
    二级指标 三级指标 … 分值 得分): rows found by their shape alone, a name followed by a
    target, a result, a weight and a score no larger than it (指标7:建立预防接种证 221人
    221人 2 2). Names written one after another with their figures after them (指标24:…
    指标25:… 14例 14例 2 2 24694人 22584人 2 1.7) take the figures in order when the counts
    agree; a run with stray figures is dropped, not guessed."""
    words: list[Tok] = []
    for ln in lines:
        if ln.shape in ("single", "aligned") and len(ln.words()) >= WORDS_MIN:
            words += ln.words()
    if len(words) < 4 * ROW_SHAPES_MIN:
        return []
    b = _Builder(list(_DEFAULT_COLUMNS), "flattened", [])
    names: list[list[Tok]] = []
    groups: list[list[Tok]] = []
    name: list[Tok] = []
    found = 0
    unread: list[tuple[int, int]] = []

    def close(keep: bool, stray: Tok | None = None) -> None:
        nonlocal name, names, groups, found
        if keep and names and len(names) == len(groups):
            for nm, g in zip(names, groups):
                rc = RowCells({"name": nm})
                for col, t in zip(("target", "actual", "weight", "score"), g):
                    rc.cells[col] = [t]
                b._push(rc)
                found += 1
        else:
            dropped = [t for t in (*(t for nm in names for t in nm), *(t for g in groups for t in g), *name,
                                   *([stray] if stray else [])) if t.m.start is not None]
            if dropped and (groups or any(_ROW_MARK_RE.match(t.s) for t in dropped)):
                unread.append((min(t.m.start for t in dropped), max(t.m.end for t in dropped)))
        names, groups, name = [], [], []

    i = 0
    while i < len(words):
        g = words[i:i + 4]
        if len(g) == 4 and _row_figures(g):
            if name:
                names.append(name)
                name = []
            groups.append(g)
            i += 4
            continue
        t = words[i]
        i += 1
        l1, l2, _ = _level_kind(t.s)
        if l1 or l2:
            close(True)
            b._push(RowCells({"level1" if l1 and not l2 else "level2": [t]}))
            continue
        if match_header(t.s):
            close(bool(groups))
            continue
        if re.search(r"\d", t.s) and not _ROW_MARK_RE.match(t.s):
            close(False, t)  # a figure outside any row: the run around it is scrambled
            continue
        if groups:
            close(True)
        if _ROW_MARK_RE.match(t.s) and name:
            names.append(name)
            name = []
        name.append(t)
    close(True)
    if found < ROW_SHAPES_MIN:
        return []
    rows = b.finish(text)
    first = min(r.start for r in rows)
    k = next(q for q, ln in enumerate(lines) if ln.start <= first < ln.end + 1)
    last = max(q for q, ln in enumerate(lines) if ln.start <= max(r.end for r in rows))
    return [IndicatorTable(shape="flattened", columns=list(_DEFAULT_COLUMNS), rows=rows, first_line=k,
                           last_line=last, start=first, end=lines[last].end, unread=unread)]


def _points_only(row: TableRow, cols: list[str]) -> None:
    """A flattened row with two bare figures and no result written (指标1:工程质量合格 10 10)
    holds its weight and its score, wherever the row program put them."""
    v, sp = row.values, row.spans
    if not {"weight", "score", "actual"} <= set(cols) or v.get("actual"):
        return
    filled = [c for c in ("target", "weight", "score") if v.get(c)]
    if len(filled) != 2 or filled == ["weight", "score"] or not all(c in sp for c in filled):
        return
    a, b = (v[c] for c in filled)
    if not (re.fullmatch(r"\d{1,3}(?:\.\d+)?", a) and re.fullmatch(r"\d{1,3}(?:\.\d+)?", b)):
        return
    if 0 < float(a) <= 100 and 0 <= float(b) <= float(a):
        ma, mb = sp.pop(filled[0]), sp.pop(filled[1])
        for c in filled:
            v[c] = ""
        v["weight"], v["score"], sp["weight"], sp["score"] = a, b, ma, mb


_ELLIPSIS_RE = re.compile(r"[…．.。]{2,}|…")
# a row label of the template with nothing of its own (指标2: / 指标2): no cell
_BARE_MARK_RE = re.compile(r"指标\s*\d{1,2}\s*[:：]?")


def _join_wrapped_levels(stream: list[Tok]) -> list[Tok]:
    """A level's name wrapped in its cell (经济效益 / 指标, 可持续影 / 响指标) is one cell."""
    out: list[Tok] = []
    for t in stream:
        if out and out[-1].line != t.line and len(t.s) <= 4 and squeeze(t.s).endswith("指标") \
                and any(_level_kind(out[-1].s + t.s)[:2]) and not squeeze(out[-1].s).endswith("指标"):
            out[-1] = Tok(out[-1].m + t.m, out[-1].line, out[-1].col)
            continue
        out.append(t)
    return out


def _without_placeholders(stream: list[Tok]) -> list[Tok]:
    """The template's empty rows left in (指标2: / ……): a row label with nothing after it,
    a run of dots and a level's points alone are no cells."""
    out: list[Tok] = []
    for k, t in enumerate(stream):
        q = t.s.strip()
        if _ELLIPSIS_RE.fullmatch(q) or _LEVEL_POINTS_RE.fullmatch(q):
            continue  # (a merged 一级指标 cell whose name was lost keeps only its points: (30分))
        nxt = stream[k + 1].s.strip() if k + 1 < len(stream) else ""
        if _BARE_MARK_RE.fullmatch(q) and (
                not nxt or _ELLIPSIS_RE.fullmatch(nxt) or _BARE_MARK_RE.fullmatch(nxt) or _ROW_MARK_RE.match(nxt)
                or any(_level_kind(nxt)[:2])):
            continue
        out.append(t)
    return out


def _rebalance(row: TableRow, cols: list[str]) -> None:
    """Glued cells cut one character off (分值 before 年度指标值: 「20100%100%20」 read as a
    target 20100%; 「显著提升显著提升」 cut as 显著提升显著 | 提升): a target that is a weight
    of at most 100 followed by the result gives up the weight, and a target and a result
    that make one text twice are its two halves."""
    v, sp = row.values, row.spans
    t, a = v.get("target") or "", v.get("actual") or ""
    if re.fullmatch(r"0\d{1,3}", t) and not a and "target" in sp and "actual" in row.values \
            and len(sp["target"].chars) == len(t):
        # 「00」: no figure opens on a 0 followed by digits; a target of 0 and a result of 0
        m = sp["target"]
        v["target"], v["actual"] = t[0], t[1:]
        sp["target"], sp["actual"] = m.slice(0, 1), m.slice(1)
        return
    if not t or not a or "target" not in sp or "actual" not in sp:
        return
    if not v.get("weight") and "weight" in cols and cols.index("weight") < cols.index("target") \
            and t != a and t.endswith(a):
        w = t[: len(t) - len(a)]
        if re.fullmatch(r"\d{1,3}(?:\.\d+)?", w) and 0 < float(w) <= 100 and len(sp["target"].chars) == len(t):
            m = sp["target"]
            v["weight"], v["target"] = w, a
            sp["weight"], sp["target"] = m.slice(0, len(w)), m.slice(len(w))
            return
    both = t + a
    half = len(both) // 2
    if len(both) % 2 == 0 and t != a and both[:half] == both[half:] and re.search(r"[\u4e00-\u9fff]", both) \
            and len(sp["target"].chars) == len(t) and len(sp["actual"].chars) == len(a):
        m = sp["target"] + sp["actual"]
        v["target"], v["actual"] = both[:half], both[half:]
        sp["target"], sp["actual"] = m.slice(0, half), m.slice(half)


def _row_figures(g: list[Tok]) -> bool:
    """A target, a result (figures with their units), a weight and a score within it."""
    tgt, act, w, sc = (t.s for t in g)
    if not (re.search(r"\d", tgt) and re.search(r"\d", act)) or _ROW_MARK_RE.match(tgt) or _ROW_MARK_RE.match(act):
        return False
    wv, sv = _number(w), _number(sc)
    return wv is not None and sv is not None and 0 < wv <= 100 and 0 <= sv <= wv and _is_number(w) and _is_number(sc)


# the head of a scoring rule that states the target: a bound and a figure, then the points
# it earns (≥95%得10分, ≤0得5分, 不少于1,200件的得10分)
_CRITERION_TARGET_RE = re.compile(
    r"\s*((?:[≥≤＞＜>]=?|不少于|不低于|不超过|不高于|达到)\s*-?\d[\d,，]*(?:\.\d+)?\s*(?:%|％|‰|[^\d\s得的，,。；;及以（(]{0,3}?))"
    r"\s*(?:及以上|以上|及以下|以下|以内)?\s*(?:的)?\s*得\s*\d")
def _status_as_result(cols: list[str], header_cells: list[Tok]) -> list[str]:
    """A 评分表 (a scoring-rule column, no result column) whose results stand under 完成情况."""
    lex = table_lexicon()
    if "actual" in cols or len(header_cells) != len(cols):
        return cols
    head = [squeeze(h.s) for h in header_cells]
    if not any(h in lex.criterion_columns for h in head):
        return cols
    k = next((k for k, h in enumerate(head) if h in lex.status_columns and cols[k] == "other"), None)
    return cols if k is None else cols[:k] + ["actual"] + cols[k + 1:]


def _criterion_head(tok: Tok) -> Tok | None:
    m = _CRITERION_TARGET_RE.match(tok.s)
    return Tok(tok.m.slice(m.start(1), m.end(1)), tok.line, tok.col) if m else None


_OPERATOR_RE = re.compile(r"[≥≤<>=＞＜≧≦═＝]+|不少于|不低于|不高于|不超过|大于|小于|大于等于|小于等于|约")
_UNIT_CELL_RE = re.compile(r"%|‰|[\u4e00-\u9fff]{1,2}(?:/[\u4e00-\u9fff]{1,2})?")


def glue_split_values(toks: list[Tok], unit_first: bool = False) -> list[Tok]:
    """Value cells a form split in three (≧ | 735 | 人次): the comparison and the unit join
    the number, so the cells read as one 指标值. Under a header whose unit column comes
    first (人数 | ≥ | 80) the unit joins after the number all the same."""
    out: list[Tok] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        value = toks[k + 2] if k + 2 < len(toks) else None
        if unit_first and nxt is not None and value is not None and _is_unit_cell(t.s) \
                and _OPERATOR_RE.fullmatch(squeeze(nxt.s)) and _NUM_RE.fullmatch(squeeze(value.s)):
            out.append(Tok(nxt.m + value.m + t.m, nxt.line, nxt.col))
            k += 3
            continue
        op = _OPERATOR_RE.match(squeeze(t.s))
        if nxt is not None and op and (op.end() == len(squeeze(t.s)) and _NUM_RE.match(squeeze(nxt.s))
                                       or _NUM_RE.fullmatch(squeeze(t.s)[op.end():])):
            # ≧ | 735 | 人次, or =24 | 人/次 (the comparison written with its number)
            if op.end() == len(squeeze(t.s)):
                t = Tok(t.m + nxt.m, t.line, t.col)
                k += 1
            after = toks[k + 1] if k + 1 < len(toks) else None
            if after is not None and _is_unit_cell(after.s):
                t = Tok(t.m + after.m, t.line, t.col)
                k += 1
        out.append(t)
        k += 1
    return out


def _is_unit_cell(s: str) -> bool:
    return bool(_UNIT_CELL_RE.fullmatch(squeeze(s))) and not any(_level_kind(s)) \
        and squeeze(s) not in table_lexicon().unfilled.placeholders


def _repeated(lines: list[Line]) -> set[str]:
    """One-cell lines written twice or more: running page headers and footers."""
    seen: dict[str, int] = {}
    for ln in lines:
        if ln.shape == "single" and len(ln.cells[0].s) >= 6 and not any(_level_kind(ln.cells[0].s)):
            seen[ln.cells[0].s] = seen.get(ln.cells[0].s, 0) + 1
    return {s for s, n in seen.items() if n >= 2}


_CONTINUED_TITLE = ("（续）", "(续)", "续表", "（续表）", "(续表)")


def _same_header(lines: list[Line], j: int, cols: list[str]) -> int | None:
    head = _header_at(lines, j)
    # (the repeated header may leave out the table's label cell: 绩效指标 | 一级指标 | …)
    if head and [c for c in head[0] if c != "label"] == [c for c in cols if c != "label"]:
        return head[1]
    return None


def _read_body(text: str, lines: list[Line], k: int, j: int, cols: list[str], hcells: list[Tok],
               shape: str, rest: list[Tok]) -> IndicatorTable | None:
    b = _Builder(cols, shape, hcells)
    repeated = _repeated(lines)
    stream: list[Tok] = list(rest)
    last = j - 1
    grid = shape in ("pipe", "tsv", "aligned")
    total: tuple[float | None, float | None] | None = None
    total_from: int | None = None
    glued: list[Mapped] = [t.m for t in rest] if shape == "glued" else []
    if glued:
        stream = []
    elif grid and rest:
        b.add_stream(rest)  # the first row, on the header's line: it comes before the rows below
        stream = []
    while j < len(lines):
        ln = lines[j]
        if ln.closes and last >= k:
            break  # (the next box is another block of the form: 偏差原因分析 | …)
        if shape == "glued":
            if ln.shape in ("blank", "sep", "furniture"):
                j += 1
                continue
            piece = _glued_piece(ln)
            if piece is None or _header_at(lines, j) is not None:
                break
            glued.append(piece)
            last = j
            j += 1
            continue
        if ln.shape in ("blank", "sep", "furniture") or (ln.shape == "empty" and shape != "cell_per_line"):
            j += 1
            continue
        if ln.shape == "single" and squeeze(ln.cells[0].s).endswith(_CONTINUED_TITLE):
            # 项目支出绩效自评表（续）: the title of the table's next page, its header follows
            j += 1
            continue
        again = _same_header(lines, j, cols)
        if again is not None:
            # the header repeated after a page break
            j = again
            last = j - 1
            continue
        t = _total_row(ln)
        if t is not None:
            total, last = t, j
            total_from = ln.start
            j += 1
            if t == (None, None):
                # 总分 on its own line, its figures one per line below
                nums: list[float] = []
                while j < len(lines) and len(nums) < 2:
                    if lines[j].shape in ("blank", "sep", "furniture"):
                        j += 1
                        continue
                    v = _number(lines[j].cells[0].s) if lines[j].shape == "single" else None
                    if v is None:
                        break
                    nums.append(v)
                    last = j
                    j += 1
                total = (nums[0], nums[1]) if len(nums) == 2 else (None, nums[0] if nums else None)
            break
        if grid:
            if ln.shape != "single" and _is_end(ln):
                break
            if ln.shape == shape:
                b.add_line_row(ln)
            elif ln.shape in ("pipe", "tsv", "aligned"):
                b.add_stream(ln.filled)
            elif _is_end(ln):
                break
            elif any(_level_kind(ln.cells[0].s)[:2]):
                # a merged 一级/二级指标 cell exported onto a line of its own (产出指标(50分))
                b.add_stream([ln.cells[0]])
            elif re.fullmatch(r"\d{1,3}", ln.cells[0].s) or ln.cells[0].s in repeated or (
                    len(ln.cells[0].s) == 1 and _CJK_RE.match(ln.cells[0].s)):
                # a bare page number, a running page header, or one character of a
                # label written vertically, between the rows of a table with cells
                j += 1
                continue
            elif len(ln.words()) >= 3 and any(_is_value(w.s) for w in ln.words()):
                # a row flattened with single spaces under a header with cells
                b.add_stream(ln.words())
            elif shape == "aligned" and len(ln.cells[0].s) <= 24:
                # the wrapped end of a long cell, on a line of its own
                b.add_line_row(Line(ln.index, ln.start, ln.end, ln.raw, "aligned", ln.cells))
            else:
                break
            last = j
            j += 1
            continue
        if ln.shape == "empty":
            if shape == "cell_per_line":
                stream.append(ln.cells[0])
            j += 1
            continue
        if _is_end(ln) or _header_at(lines, j) is not None:
            break
        if shape == "flattened":
            stream.extend(ln.words())
        else:
            stream.extend(ln.filled)
        last = j
        j += 1
    tail = None
    if glued:
        body = glued[0]
        for piece in glued[1:]:
            body = body + piece
        stream = cut_glued(body, cols, k)
        at = glued_end(body.chars)
        if at is not None and body.origs[at] is not None and body.end is not None:
            tail = (body.origs[at], body.end)
    if stream and shape in ("flattened", "cell_per_line"):
        stream = _without_placeholders(_join_wrapped_levels(stream))
    if stream:
        # a flattened table runs on into its 总分 row: the row closes the table
        labels = {squeeze(x) for x in table_lexicon().total_labels}
        at = next((k for k, t in enumerate(stream) if squeeze(t.s) in labels), None)
        if at is not None:
            nums = [v for v in (_number(t.s) for t in stream[at + 1:at + 3]) if v is not None]
            if nums and total is None:
                total = (nums[0], nums[1]) if len(nums) == 2 else (None, nums[0])
                total_from = stream[at].m.start
            stream = stream[:at]
        b.add_stream(stream)
    rows = b.finish(text)
    if shape == "glued":
        # cells cut by their shapes alone: a row with no figure nor value was no row
        rows = [r for r in rows if any(r.values.get(c) for c in _VALUE_COLUMNS)]
        for r in rows:
            _rebalance(r, cols)
    if not grid:
        for r in rows:
            _points_only(r, cols)
    if not rows:
        return None
    title = None
    labels = [c.s for c, col in zip(hcells, cols) if col == "label" and c.s]
    for q in range(k - 1, max(-1, k - 4), -1) if not labels else ():
        if lines[q].shape == "single" and lines[q].cells[0].s:
            s = lines[q].cells[0].s
            if "表" in s[-6:] and len(s) <= 60:
                title = s
            break
    title = labels[0] if labels else title
    start = lines[k].start if shape not in ("flattened", "glued") or not hcells or hcells[0].m.start is None \
        else hcells[0].m.start
    end = lines[last].end
    if total and "deduction" in b.cols and "score" not in b.cols:
        total = (total[0], None)  # (合计 | 100 | 1.34 under 扣分: the points taken off, no score)
    return IndicatorTable(shape="flattened" if shape == "glued" else shape, columns=b.cols, rows=rows, first_line=k, last_line=last, start=start,
                          end=end, title=title, total_weight=total[0] if total else None,
                          total_score=total[1] if total else None, warnings=b.warnings,
                          total_span=(total_from, lines[last].end) if total_from is not None else None,
                          tail=tail, header_cells=[c.s for c in hcells] if len(hcells) == len(cols) else [])


# --- the budget block of a form ----------------------------------------------------------


def _budget_col(cell: str) -> str | None:
    s = _BRACKET_RE.sub("", squeeze(cell))
    if not s or len(s) > 10:
        return None
    for field_, labels in table_lexicon().budget_columns.items():
        if any(s == squeeze(x) for x in labels):
            return field_
    return None


def _is_budget_value(s: str) -> bool:
    # (150万 under 项目资金（万元）: the cell repeats the block's unit)
    q = squeeze(repair_number(s)).replace(",", "")
    return bool(re.fullmatch(r"[-—–/／]+|\d+(?:\.\d+)?(?:%|万元?)?", q))


def find_budget(lines: list[Line]) -> dict[str, Tok]:
    return find_budget_block(lines)[0]


def _single_budget_col(lines: list[Line], j: int) -> tuple[str | None, int]:
    """The budget column a one-cell line names and the line after it; a label wrapped over
    two cells (年初 / 预算数, 全年 / 执行数) is read whole."""
    s = lines[j].cells[0].s
    n = _budget_col(s)
    if n is not None:
        return n, j + 1
    nxt = j + 1
    while nxt < len(lines) and lines[nxt].shape == "blank":
        nxt += 1
    if nxt < len(lines) and lines[nxt].shape == "single":
        joined = _budget_col(s + lines[nxt].cells[0].s)
        if joined is not None:
            return joined, nxt + 1
    return None, j + 1


def find_budget_block(lines: list[Line]) -> tuple[dict[str, Tok], list[tuple[str, dict[str, Tok]]]]:
    """The figures of the form's budget block (年初预算数 … 执行率 … 得分 over the row
    年度资金总额), by column: the label row may be cells, words on one line or one label
    per line, and the figures follow in the same order. A 年度资金总额 with one figure and
    no label row (a target table) gives the initial budget."""
    totals = {squeeze(x) for x in table_lexicon().budget_total_labels}
    k = 0
    while k < len(lines):
        ln = lines[k]
        cells = ln.filled if ln.shape in ("pipe", "tsv", "aligned") else ln.words()
        names = [_budget_col(c.s) for c in cells]
        header = [n for n in names if n]
        j = k + 1
        if len(header) < 3 and ln.shape == "single" and _single_budget_col(lines, k)[0]:
            header = []
            j = k
            while j < len(lines) and lines[j].shape in ("single", "blank"):
                if lines[j].shape == "single":
                    n, after = _single_budget_col(lines, j)
                    if n is None:
                        break
                    header.append(n)
                    j = after
                    continue
                j += 1
        if len(header) >= 3:
            # a form flattened onto one line has its figures after the labels on the line
            first = next((i for i, n in enumerate(names) if n), len(names))
            run_end = next((i for i in range(first, len(names)) if not names[i]), len(names))
            lead = cells[run_end:] if j == k + 1 else []
            found, parts = _budget_values(lines, j, header, totals, lead)
            if found:
                return found, parts
        k += 1
    return _single_total(lines, totals), []


def _budget_values(lines: list[Line], j: int, header: list[str], totals: set[str],
                   lead: list[Tok] | None = None) -> tuple[dict[str, Tok], list[tuple[str, dict[str, Tok]]]]:
    stream: list[Tok] = list(lead or [])
    for ln in lines[j:j + 40]:
        if ln.shape in ("blank", "sep", "furniture"):
            continue
        stream.extend(ln.filled if ln.shape in ("pipe", "tsv", "aligned") else ln.words())
        if len(stream) > 60:
            break
    for a, t in enumerate(stream):
        if squeeze(t.s) not in totals:
            continue
        vals = []
        for t2 in stream[a + 1:]:
            if not _is_budget_value(t2.s):
                break
            if len(vals) >= len(header) and (t2.line != vals[-1].line or len(vals) >= len(header) + _EXTRA_CELLS):
                break  # (cells beyond the header's count only on the row's own line)
            vals.append(t2)
        if len(vals) >= 3:
            found = {f: v for f, v in _budget_row(header, vals).items() if re.search(r"\d", v.s)}
            return found, budget_parts(lines, vals, header, totals)
    return {}, []


_WEIGHT_MAX = 30  # a budget block's 分值 is a few points, never an amount
_EXTRA_CELLS = 2  # cells a budget row may print beyond its header (hidden columns)


def _budget_row(header: list[str], vals: list[Tok]) -> dict[str, Tok]:
    """The values of a budget row by column. A row with a cell dropped (an empty 全年执行数
    left out: 387664.62 | 387664.62 | 10 | 100% | 10 under six columns) is placed around its
    one percentage, which can only be the 执行率; a small figure right before it is the 分值
    when that column stands there; the amounts fill the columns from the left."""
    pct = [k for k, v in enumerate(vals) if v.s.strip().endswith(("%", "％"))]
    if not pct and len(vals) == len(header) - 1 and header[-3:] == ["weight", "completion_rate", "score"]:
        # 880 880 880 10 10 under 年初 | 全年 | 执行 | 分值 | 执行率 | 得分: the rate left
        # empty, the two points after the amounts are 分值 and 得分
        w, g = _number(vals[-2].s), _number(vals[-1].s)
        if w is not None and g is not None and 0 < w <= _WEIGHT_MAX and 0 <= g <= w:
            return {**dict(zip(header[:-3], vals[:-2])), "weight": vals[-2], "score": vals[-1]}
    if len(vals) > len(header) and "completion_rate" in header and len(pct) == 1:
        # a cell more than the header names (a hidden column printed: 28.1 28.1 28.1 28.1 10
        # 100% 10 under 年初 | 全年 | 执行 | 分值 | 执行率 | 得分): the cells nearest the one
        # percentage on each side are the columns beside the 执行率
        r, p = header.index("completion_rate"), pct[0]
        if p >= r and len(vals) - p - 1 >= len(header) - r - 1:
            return {**dict(zip(header[:r], vals[p - r:p])), "completion_rate": vals[p],
                    **dict(zip(header[r + 1:], vals[p + 1:]))}
    if len(vals) >= len(header) or "completion_rate" not in header or len(pct) != 1:
        return dict(zip(header, vals))
    r, p = header.index("completion_rate"), pct[0]
    before_h, after_h = header[:r], header[r + 1:]
    before_v, after_v = vals[:p], vals[p + 1:]
    if len(before_v) > len(before_h) or len(after_v) > len(after_h):
        return dict(zip(header, vals))
    out = {"completion_rate": vals[p]}
    out.update(zip(after_h, after_v))
    if before_h and before_h[-1] == "weight" and len(before_v) < len(before_h) and before_v:
        w = _number(before_v[-1].s)
        if w is not None and 0 < w <= _WEIGHT_MAX:
            out["weight"] = before_v[-1]
            before_h, before_v = before_h[:-1], before_v[:-1]
    out.update(zip(before_h, before_v))
    return out


_PART_ROWS_MAX = 6  # rows under the total read as its parts


def budget_parts(lines: list[Line], vals: list[Tok], header: list[str],
                 totals: set[str]) -> list[tuple[str, dict[str, Tok]]]:
    """The rows under a budget block's total row (其中：当年财政拨款 / 上年结转资金 / 其他资金):
    (label, figures by column), each figure in the column of the total's figure above it."""
    if not vals:
        return []
    words = tuple(squeeze(w) for w in table_lexicon().budget_part_words)
    top = lines[vals[0].line]
    out = []
    for ln in lines[vals[-1].line + 1: vals[-1].line + 1 + _PART_ROWS_MAX * 2]:
        if ln.shape in ("blank", "sep", "furniture"):
            continue
        row = _part_row(ln, top, vals)
        if row is None:
            break
        label, cells = row
        q = squeeze(label)
        if q in totals or not (q.startswith("其中") or any(w in q for w in words)):
            break
        # (a row printing more cells than the header names is placed as its total was)
        placed = _budget_row(header, cells).items() if len(cells) > len(header) and None not in cells \
            else zip(header, cells)
        out.append((label, {f: c for f, c in placed if c is not None and re.search(r"\d", c.s)}))
        if len(out) >= _PART_ROWS_MAX:
            break
    return out


def _part_row(ln: Line, top: Line, vals: list[Tok]) -> tuple[str, list[Tok | None]] | None:
    """A row's label and its figures under the total's, by cell position (pipe, tsv), by
    display column (aligned) or in order (words on one line)."""
    if ln.shape in ("pipe", "tsv") and top.shape == ln.shape and len(ln.cells) == len(top.cells):
        idx = [next((k for k, c in enumerate(top.cells) if c is v), -1) for v in vals]
        if min(idx) < 0:
            return None
        label = next((c.s for c in ln.cells[:idx[0]] if c.s and not _is_budget_value(c.s)), "")
        return (label, [ln.cells[k] if ln.cells[k].s and not _is_dash(ln.cells[k].s) else None for k in idx]) \
            if label else None
    toks = ln.filled if ln.shape in ("pipe", "tsv", "aligned") else ln.words()
    if not toks or _is_budget_value(toks[0].s):
        return None
    label, rest = toks[0].s, toks[1:]
    in_order = [t for t in rest if _is_budget_value(t.s)]
    if ln.shape == "aligned" and top.shape == "aligned" and len(in_order) != len(vals):
        # cells left empty: each figure under the total's figure of its column
        cells = []
        for v in vals:
            near = [t for t in rest if abs(t.col - v.col) <= 3 and _is_budget_value(t.s)]
            cells.append(near[0] if near and not _is_dash(near[0].s) else None)
        return label, cells
    values = [t for t in rest if _is_budget_value(t.s)][:len(vals)]
    if len(values) != len(vals):
        return None
    return label, [t if not _is_dash(t.s) else None for t in values]


_BARE_TOTALS = frozenset({"合计", "总计", "总额"})  # a score table's foot as well as a budget's


def _single_total(lines: list[Line], totals: set[str]) -> dict[str, Tok]:
    """A 年度资金总额 with one figure and no label row. A bare 合计 with two figures after it
    (合计 | 100 | 100) is a score table's weights and scores, no budget."""
    for ln in lines:
        cells = ln.filled if ln.shape in ("pipe", "tsv", "aligned") else ln.words()
        for a, t in enumerate(cells[:-1]):
            if squeeze(t.s) in totals and _NUM_RE.match(squeeze(repair_number(cells[a + 1].s))):
                if squeeze(t.s) in _BARE_TOTALS and (
                        a + 2 < len(cells) and _NUM_RE.match(squeeze(repair_number(cells[a + 2].s)))):
                    continue
                return {"initial_budget": cells[a + 1]}
    return {}
