"""Where a text stops in mid-sentence: an excerpt cut off by a search or a copy.

Real pages come as excerpts more often than whole: a report that breaks off inside a
table row or a sentence has not left its last field empty nor its problems without
measures; what would answer them lies beyond the cut. The reader marks the line where the
text stops (``Report.cut_at``) and the resolver sets aside findings that rest on what is
missing there (lexicons/resolve.yaml ``cut_off``).
"""
from __future__ import annotations

import re

from nlp_pipeline.text.normalize import normalize

from .labels import item_number

# marks a sentence, a cell or a line of a form ends with
_CLOSED = set("。！？!?；;…”’\"'）)」』】]》>|｜：:") | {"\u3000"}
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# a date, a name and a date (落款), a page number, a contact or copyright line: a text
# ends with these whole
_WHOLE_END_RE = re.compile(
    r"(?:(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|第?\s*\d+\s*页.*|共\s*\d+\s*页.*"
    r"|.*(?:电话|联系人|填报人|负责人|审核人|来源|编辑|制图|审核|主办|承办|地址|邮编|传真|邮箱|网站标识码)[^：:|｜]{0,4}[：:|｜].*"
    r"|.*(?:版权所有|ICP|公网安备).*"
    r"|[-—－\s\d/]+)$")
# a sentence broken off ends in a character or a mark that goes on (，、（“), or in a figure
# right after one (…资金是后盾，2016): a form's row ends in its figures (…94%10)
_OPEN_END_RE = re.compile(r"(?:[\u4e00-\u9fffA-Za-z]|[，,、（(“‘《：:]\s*\d*)$")
_FIGURE_END_RE = re.compile(r"[\u4e00-\u9fff]\s*\d+$")
# a numbered heading (四、下一步改进措施, （二）…, 3.…) ends without a mark in any text
HEADING_MAX = 15  # characters of a heading's title after its number
CUT_TAIL = 80  # characters at most before the end that a finding may rest on and be set aside
PREVIOUS_LINES = 10  # lines of running text before the last one that show how lines end
PREVIOUS_LINE_MIN = 8  # CJK characters such a line holds
CLOSED_SHARE = 0.5  # share of them that end with a sentence mark
# characters of a last line that is running text whatever the lines before it (a page's
# paragraphs run together): lists and titles end with short lines
LONG_LINE = 200
ITEM_RUN = 4  # items before a numbered last line that show how the list's items end
FRAGMENT_MIN = 6  # characters after the last sentence mark that make a broken sentence
PROSE_LINE_MIN = 20  # CJK characters a line holds to be running text, not a form's cell row
PIPE_CLOSED_SHARE = 0.6  # share of the pipe rows before it that end with | for a last row without one to be cut


def cut_off(text: str) -> int | None:
    """The offset of the line at which ``text`` breaks off, or None for a text that ends
    whole. Three cuts are recognised: a pipe table's row without the closing | its rows
    have, a line of running text whose last sentence has no end, and the next item of a
    numbered list whose items end with a mark, itself without one."""
    body = text.rstrip()
    if not body:
        return None
    start = body.rfind("\n") + 1
    last = body[start:].strip()
    if "|" in last or "｜" in last:
        return start if _pipe_cut(body[:start], last) else None
    if last[-1] in _CLOSED:
        return None
    if len(_CJK_RE.findall(last)) < PROSE_LINE_MIN:
        return start if _item_cut(body[:start], last) else None
    hard = _OPEN_END_RE.search(last)
    if not hard and not _FIGURE_END_RE.search(last):
        return None
    fragment = re.split(r"[。！？!?；;]", last)[-1].strip()
    if len(fragment) < FRAGMENT_MIN or _WHOLE_END_RE.fullmatch(fragment):
        return None
    # a figure closes a form's row as often as it breaks a sentence: only where the lines
    # before close as sentences do is it a break
    if (not hard or len(last) < LONG_LINE) and not _lines_close(body[:start]):
        return None
    return max(start + len(last) - len(fragment), len(body) - CUT_TAIL)


# item numbers whose value a list counts on: 5. 5、 (5) （5）
_COUNTED_STYLES = ("num", "pnum")


def _item(line: str) -> tuple[int, int] | None:
    """(value, length) of a counted item number opening ``line``."""
    style, written, n = item_number(normalize(line))
    if style not in _COUNTED_STYLES or written is None:
        return None
    return int("".join(ch for ch in normalize(written) if ch.isdigit())), n


def _heading(line: str) -> bool:
    style, _, n = item_number(normalize(line))
    rest = line[n:]
    return style is not None and len(rest) <= HEADING_MAX and not any(ch in "。！？；，," for ch in rest)


def _item_cut(before: str, last: str) -> bool:
    """The next item of a numbered list whose items all end with a mark (4.街道获得…集体；/
    5.街道被评为岳阳市信), itself without one: the list was cut inside that item."""
    own = _item(last)
    if own is None or not _OPEN_END_RE.search(last) or len(last) - own[1] < FRAGMENT_MIN:
        return False
    numbered = [(it[0], ln) for ln in map(str.strip, before.splitlines()) if (it := _item(ln)) is not None]
    prev = [(v, ln) for v, ln in numbered if v < own[0]][-ITEM_RUN:]
    return len(prev) >= 2 and prev[-1][0] == own[0] - 1 and all(ln[-1] in _CLOSED for _, ln in prev)


def _lines_close(before: str) -> bool:
    """The lines of running text before the last one end with a sentence mark, as lines of
    a text that keeps its paragraphs whole do: where they do not (a list of titles, items
    written without 。, a PDF's wrapped lines) an open last line says nothing."""
    lines = [ln.strip() for ln in before.splitlines()
             if len(_CJK_RE.findall(ln)) >= PREVIOUS_LINE_MIN and not _heading(ln.strip())]
    lines = lines[-PREVIOUS_LINES:]
    # (the line right before the last one must close too: a list of titles ends open)
    return not lines or (lines[-1][-1] in _CLOSED and sum(ln[-1] in _CLOSED for ln in lines) >= CLOSED_SHARE * len(lines))


def _pipe_cut(before: str, last: str) -> bool:
    if last.endswith(("|", "｜")):
        return False
    rows = [ln.strip() for ln in before.splitlines()[-12:] if ("|" in ln or "｜" in ln) and ln.strip()]
    if len(rows) < 3:
        return False
    closed = sum(r.endswith(("|", "｜")) for r in rows)
    return closed >= PIPE_CLOSED_SHARE * len(rows)
