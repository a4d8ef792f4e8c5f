"""HTML: the form as an HTML table, or a report page with headings.

The page is rendered to text in document order: each block (heading, paragraph, list
item) a line, each table row a line of tab-separated cells. Merged cells keep their
place: a cell spanning columns or rows leaves empty cells where it spans, as a
spreadsheet export would, so the form parser sees the same grid.
"""
from __future__ import annotations

import re

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import Report

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
           "header", "footer", "blockquote", "pre", "dt", "dd", "dl", "caption", "title", "center",
           "main", "nav", "aside", "form", "fieldset", "address", "figure", "figcaption", "hr", "body"}
_SKIP = {"script", "style", "head", "noscript", "template", "svg", "iframe", "object"}
_WS_RE = re.compile(r"[ \t\r\n\f\v]+")
# page furniture of government sites: menus, breadcrumbs, share bars, footers
_CHROME_TAGS = {"nav", "footer", "aside", "menu"}
_CHROME_RE = re.compile(r"(?:^|[-_\s])(?:nav|navbar|menu|footer|foot|breadcrumb|crumb|share|copyright|sidebar|"
                        r"topbar|toolbar)(?:$|[-_\s\d])", re.I)


def _is_chrome(tag) -> bool:
    if tag.name.lower() in _CHROME_TAGS:
        return True
    names = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
    return bool(names.strip()) and bool(_CHROME_RE.search(names))


class _Renderer:
    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.buf: list[str] = []

    def flush(self) -> None:
        line = _WS_RE.sub(" ", "".join(self.buf)).strip()
        if line:
            self.rows.append([line])
        self.buf = []

    def walk(self, node) -> None:
        """Render ``node``'s content in document order. Iterative: pages nest thousands of
        levels deep (a generated page, or a hostile one) and recursion would overflow."""
        from bs4 import Comment, NavigableString, Tag

        # one iterator per open element, and whether closing it ends a block
        stack: list[tuple[object, bool]] = [(iter(node.children), False)]
        while stack:
            child = next(stack[-1][0], None)
            if child is None:
                _, block = stack.pop()
                if block:
                    self.flush()
                continue
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.buf.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _SKIP or _is_chrome(child):
                continue
            if name == "br":
                self.flush()
            elif name == "table":
                self.flush()
                self.rows.extend(table_rows(child))
            elif name in _BLOCKS:
                self.flush()
                stack.append((iter(child.children), True))
            else:
                stack.append((iter(child.children), False))


def _cell_text(cell) -> str:
    r = _Renderer()
    r.walk(cell)
    r.flush()
    return "\n".join("\t".join(row) for row in r.rows)


def table_rows(table) -> list[list[str]]:
    """Rows of a table with rowspan/colspan laid out on a grid (spanned places empty)."""
    from bs4 import Tag

    trs = _own_rows(table)
    occupied: dict[tuple[int, int], bool] = {}
    out: list[list[str]] = []
    for r, tr in enumerate(trs):
        row: list[str] = []
        col = 0
        for cell in tr.children:
            if not isinstance(cell, Tag) or cell.name.lower() not in ("td", "th"):
                continue
            while occupied.get((r, col)):
                row.append("")
                col += 1
            span = _int(cell.get("colspan"))
            rspan = _int(cell.get("rowspan"))
            row.append(_cell_text(cell))
            for dc in range(1, span):
                row.append("")
            for dr in range(1, rspan):
                for dc in range(span):
                    occupied[(r + dr, col + dc)] = True
            col += span
        while occupied.get((r, col)):
            row.append("")
            col += 1
        out.append(row)
    return out


def _own_rows(table) -> list:
    """The table's own rows, not those of tables nested in its cells. Rows sit in the
    table or in its thead/tbody/tfoot; searching the whole subtree instead costs the size
    of every nested table once per level, quadratic on deeply nested pages."""
    from bs4 import Tag

    trs = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name == "tr":
            trs.append(child)
        elif name in ("thead", "tbody", "tfoot"):
            trs.extend(c for c in child.children if isinstance(c, Tag) and c.name.lower() == "tr")
    if trs:
        return trs
    # rows inside other markup (a <form> around them): broken pages still show them
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _int(v) -> int:
    try:
        return max(1, min(100, int(str(v).strip())))
    except (TypeError, ValueError):
        return 1


def read_html(markup: str, source: str, encoding: str | None) -> Report:
    from bs4 import BeautifulSoup

    from .reading import build_report, table_grid

    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception as exc:  # lxml raises several kinds on broken input
        raise ReportError(source, "无法解析 HTML 网页（文件损坏或不是网页）；请用浏览器打开确认后另存为网页或文本再试",
                          f"cannot parse the HTML: {exc}") from None
    r = _Renderer()
    try:
        r.walk(soup)
    except RecursionError:
        # a library step that recurses (bs4 in some versions) on a page nested thousands
        # deep: its text in document order is still the report
        r = _Renderer()
        for line in soup.get_text("\n").split("\n"):
            r.buf.append(line)
            r.flush()
    r.flush()
    text, rows, notes = table_grid(source, r.rows)
    return build_report(source, "html", encoding, text, rows, notes)
