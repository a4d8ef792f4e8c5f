"""The narrative parser: a report written as headed text (绩效自评报告).

Lines are read in order. A line is a section heading when, after its heading number
(一、 （一） 1. 第一部分, or none), it is a short label containing a section synonym
from lexicons/sections.yaml; the items under it follow the numbering rule of
:class:`~.draft.SectionCollector`. A heading in the style of the section headings that
names no known section either names a part outside the evaluation (``outside_headings``:
部门基本情况, the score table), which closes the current section, or is unrecognised:
its text goes to the unclassified section ``U`` and the reader warns, so no paragraph
is ever dropped silently. Budget figures are found by the
label phrases of the lexicon anywhere in the text.
"""
from __future__ import annotations

import functools
import re

from nlp_pipeline.text.normalize import normalize

from . import budget as bud
from . import header
from .content import LEAD_ENDS, classify, heading_section, is_list_item, last_sentence, lead_section
from .draft import BASIC, UNCLASSIFIED, Draft, SectionCollector
from .grid import Row
from .items import Item, cell_blocks, label_number, number_value, split_inline_items, split_number
from .labels import STYLE_DEPTH, is_basic_heading, is_process_heading, lexicon, match_outside, match_section, section_title, squeeze
from .glued import PAGE_MARK_RE
from .mapped import Mapped
from .table import display_width, is_furniture, unbreak
from .table_lexicon import table_lexicon

_SUBHEAD_MAX = 16
# extra characters a heading off the outline may have beyond its synonym
_CLOSE_SLACK = 4


# A subtitle file (.srt, .vtt) of a video summary: numbered cues, each under its timing
# line, a sentence often cut across two cues at a comma
_CUE_TIME = r"[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{1,3}[^\n]*"
_CUE_TIME_RE = re.compile(rf"^{_CUE_TIME}$", re.M)
_CUE_FURNITURE_RE = re.compile(rf"\d{{1,5}}|WEBVTT[^\n]*|{_CUE_TIME}")
SUBTITLE_MIN_CUES = 5  # timing lines a text needs before it is read as subtitles
_CUE_CUT = ("，", ",", "、")  # a cue ending so continues in the next


def _lines(text: str, rows: list[Row]) -> list[Mapped]:
    pieces = []
    heads = _spread_heads(text)
    cues = len(_CUE_TIME_RE.findall(text)) >= SUBTITLE_MIN_CUES
    for row in rows:
        if heads and row and text.count("\n", 0, row[0].start) >= TITLE_LINES \
                and _head_key(text[row[0].start:row[-1].end].strip()) in heads:
            continue  # a periodical's running head, its name and issue far apart
        for c in row:
            for b in cell_blocks(text, c.start, c.end):
                if cues and _CUE_FURNITURE_RE.fullmatch(b.chars.strip()):
                    continue  # a cue's number or timing: no words of the report
                if not is_furniture(b.chars):
                    pieces.extend(_without_leader_entries(unbreak(_without_emphasis(b))))
    if cues:
        pieces = _joined_cues(pieces)
    out = [part for piece in _joined_pages(pieces) for part in split_run_on(piece)]
    return _join_split_labels(_without_contents_block(_without_running_heads(_outline_continued(out))))


def _joined_cues(pieces: list[Mapped]) -> list[Mapped]:
    """Subtitle cues with a sentence cut across them (…预算是8,642.30万元， | 全年支出…) as one
    line each sentence."""
    out: list[Mapped] = []
    for piece in pieces:
        if out and out[-1].chars.rstrip().endswith(_CUE_CUT):
            out[-1] = out[-1] + piece
        else:
            out.append(piece)
    return out


def _outline_continued(lines: list[Mapped]) -> list[Mapped]:
    """Lines cut before an outline heading run into the middle of a line after a sentence
    or a space (…完成率100%。 三、项目绩效情况 …), where it is the next top-level number
    after the last one that opened a line or was cut so: a page whose line breaks fell
    elsewhere. One heading a line is enough when the outline so far expects it."""
    out: list[Mapped] = []
    last = 0
    for line in lines:
        norm = normalize(line.chars)
        m0 = _CN_HEAD_RE.match(norm.lstrip())
        if m0:
            last = _cn_value(m0.group(1))
        cuts = []
        for m in _CN_HEAD_RE.finditer(norm):
            if m.start() > 0 and norm[m.start() - 1] in " \u3000。；;" and last and _cn_value(m.group(1)) == last + 1:
                cuts.append(m.start())
                last += 1
        bounds = [0] + cuts + [len(line.chars)]
        out += [line.slice(a, b).strip() for a, b in zip(bounds, bounds[1:]) if line.slice(a, b).strip().chars]
    return out


PREVIEW_PAGE_MIN = 300  # characters of a page a document-sharing site prints on one line
_PAGE_ENDS = tuple("。；;！!？?：:")


def _joined_pages(lines: list[Mapped]) -> list[Mapped]:
    """A document-sharing site's preview prints each page on one line after its number
    (「1、…自评报告一、项目基本情况…可以提高辖区」 / 「2、内群众对政府工作的认可。二、…」): the
    numbers go and the pages are one text again, so a sentence or an outline cut by a page
    break reads whole. Only a run of long lines numbered 1、 2、 3、 … in turn, one of which
    at least ends inside a sentence (a list of long items ends each on a stop)."""
    marks = [PAGE_MARK_RE.match(m.chars) for m in lines]
    run: list[int] = []
    for k, mk in enumerate(marks):
        if mk and mk.group().strip() == f"{len(run) + 1}、" and (not run or run[-1] == k - 1):
            run.append(k)
        elif mk and mk.group().strip() == "1、":
            run = [k]
        elif run and len(run) >= 2:
            break
    if len(run) < 2 or any(len(lines[k].chars) < PREVIEW_PAGE_MIN for k in run[:-1]) \
            or all(lines[k].chars.rstrip().endswith(_PAGE_ENDS) for k in run[:-1]):
        return lines
    page = lines[run[0]].slice(marks[run[0]].end())
    for k in run[1:]:
        page = page + lines[k].slice(marks[k].end())
    return lines[:run[0]] + [page] + lines[run[-1] + 1:]


TITLE_LINES = 3  # lines at the top of a text where the title stands
RUNNING_HEAD_MIN = 12  # characters of a line repeated at the top of each page (the report's title)
_SENTENCE_MARKS = frozenset("。，；：,;:")


def _without_running_heads(lines: list[Mapped]) -> list[Mapped]:
    """Lines without the running head a PDF prints at the top of every page (瑞金市…绩效自评
    报告): a long line with no sentence mark, written two or more times."""
    seen: dict[str, int] = {}
    for ln in lines:
        s = ln.chars.strip()
        if len(s) >= RUNNING_HEAD_MIN and not _SENTENCE_MARKS & set(s):
            seen[_head_key(s)] = seen.get(_head_key(s), 0) + 1
    heads = {s for s, n in seen.items() if n >= 2}
    if not heads:
        return lines
    # the title on the first lines is kept; below them the same line is the page's head
    return [ln for k, ln in enumerate(lines) if k < TITLE_LINES or _head_key(ln.chars.strip()) not in heads]


def _spread_heads(text: str) -> set[str]:
    """Running heads whose parts stand far apart on their line (2024年第2期　　　某市人民政府
    公报), so that the line is read as cells: those written two or more times."""
    seen: dict[str, int] = {}
    for line in text.splitlines():
        s = line.strip()
        if _HEAD_GAP_RE.search(s) and len(_HEAD_GAP_RE.sub("", s)) >= RUNNING_HEAD_MIN \
                and not _SENTENCE_MARKS & set(s):
            seen[_head_key(s)] = seen.get(_head_key(s), 0) + 1
    return {k for k, n in seen.items() if n >= 2}


def _head_key(s: str) -> str:
    """A running head's parts in one order: a periodical prints its name and its issue on
    the outer edge, so left and right pages swap them (2024年第2期　　某市人民政府公报)."""
    return " ".join(sorted(_HEAD_GAP_RE.split(s)))


_HEAD_GAP_RE = re.compile(r"[ \t\u3000]{2,}")


_MID_SENTENCE = frozenset("，、,")
WRAP_SHARE = 0.85  # of the widest line: a line this long with no stop was wrapped by the layout
_STOPS = frozenset("。！？；!?;：:")


def _raw_line(text: str, m: Mapped) -> str:
    at = next((o for o in m.origs if o is not None), None)
    if at is None:
        return m.chars
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    return text[a:b if b >= 0 else len(text)]


def _wrap_width(text: str) -> int:
    """The width a text was wrapped at (a PDF's text layer, a fixed-width editor): the
    length most of its long lines share, 0 when its lines are not wrapped at one width."""
    # (measured width-normalised: digits typed full-width take the room of half-width ones)
    widths = sorted(display_width(normalize(ln.rstrip())) for ln in text.splitlines() if len(ln.strip()) >= 20)
    if len(widths) < 8:
        return 0
    top = widths[int(0.75 * len(widths))]  # (display width: a digit is half a character)
    near = sum(1 for w in widths if WRAP_SHARE * top <= w <= top / WRAP_SHARE)
    return top if near >= 0.5 * len(widths) and top <= 120 else 0


def _continues(text: str, prev: Mapped | None, line: Mapped, width: int) -> bool:
    """``line`` continues ``prev``: the text is wrapped at ``width``, ``prev`` filled its
    line and ended with no stop, and ``line`` is not indented (a new paragraph is) nor
    numbered."""
    if not width or prev is None or not prev.chars.strip() or prev.chars.rstrip()[-1] in _STOPS:
        return False
    if display_width(normalize(_raw_line(text, prev).rstrip())) < WRAP_SHARE * width:
        return False
    raw = _raw_line(text, line)[_margin(text):]
    if raw[:1] in (" ", "\u3000", "\t") or split_number(line).style is not None:
        return False
    return not _cut_in_line(text, line)


@functools.lru_cache(maxsize=8)
def _margin(text: str) -> int:
    """The spaces every long line of a text opens with (where a draft's line numbers were
    blanked): the page's margin, no indent of a paragraph."""
    pads = [len(ln) - len(ln.lstrip(" ")) for ln in text.splitlines() if len(ln.strip()) >= 20]
    return min(pads) if pads else 0


def _cut_in_line(text: str, line: Mapped) -> bool:
    """A piece cut out of a run-on line (…90 分,|存在的问题:…) starts inside its source line:
    it was cut there on purpose, no layout wrapped it."""
    start = line.start
    if start is None:
        return False
    before = text[max(0, start - 40):start].rstrip(" \t\u3000")
    return bool(before) and not before.endswith("\n")


_EMPHASIS_MAX = 40  # characters a bold heading may hold between its marks


def _without_emphasis(line: Mapped) -> Mapped:
    """A line without the markdown marks of its heading (**第一部分　部门概况**, ## 一、…,
    **（一）绩效目标：**全年…): text exported from an editor or a web page. Stars inside a
    line (≥**平方米, a site's masks) are kept."""
    s = line.chars
    lead = len(s) - len(s.lstrip())
    k = lead
    while k < len(s) and s[k] == "#":
        k += 1
    if k > lead and k < len(s) and s[k] == " ":
        line, s = line.slice(k + 1), s[k + 1:]
        lead = 0
    for mark in ("**", "__"):
        if s.startswith(mark, lead):
            close = s.find(mark, lead + 2)
            if lead + 2 < close <= lead + 2 + _EMPHASIS_MAX:
                return line.slice(lead + 2, close) + line.slice(close + 2)
    return line


# --- tables of contents ------------------------------------------------------------------

# 「三、改进意见 ………… 19」: a dot leader (or 3+ dots, ellipses, middle dots) and a page number
_LEADER_RE = re.compile(r"(?:[.．·•…]\s*){3,}\s*\d{1,3}(?=\s|$|[^\d.．])")
_ENTRY_NUMBER_RE = re.compile(
    r"(?:第[一二三四五六七八九十\d]+(?:部分|章|节)|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]"
    r"|\d{1,2}(?:\.\d{1,2})*\s*[、.．]?(?=\D))")
# (a presentation lists its parts under 汇报提纲 the same way)
_CONTENTS_RE = re.compile(r"^(?:目\s*录|汇报提纲|报告提纲|提\s*纲)")


def _without_leader_entries(line: Mapped) -> list[Mapped]:
    """A line without the entries of a table of contents (a heading, a dot leader, its page
    number): a PDF text layer prints the contents page as lines, or as one run-on line, and
    its headings must not open sections. What is left before and after is kept."""
    s = line.chars
    leaders = list(_LEADER_RE.finditer(s))
    if not leaders:
        return [line]
    first = leaders[0]
    # the contents begin at the heading number nearest before the first leader
    start = first.start()
    window = max(0, first.start() - 40)
    nums = [m for m in _ENTRY_NUMBER_RE.finditer(s, window, first.start())]
    if nums:
        start = nums[-1].start()
    else:
        start = max(window, s.rfind(" ", 0, first.start()) + 1)
    end = leaders[-1].end()
    pieces = [line.slice(0, start).strip(), line.slice(end).strip()]
    kept = []
    for p in pieces:
        rest = re.sub(r"\s+", "", p.chars)
        if rest and not _CONTENTS_RE.match(rest) and rest not in ("目", "录"):
            kept.append(p)
    return kept


def _toc_like(s: str) -> bool:
    body = normalize(s).strip()
    return 0 < len(body) <= 30 and not re.search(r"[，,。；;！!？?]", body)


TOC_GAP = 40  # characters between the 目录 line and the next line kept: its entries were dropped


def _gap(a: Mapped, b: Mapped) -> int:
    end = next((o for o in reversed(a.origs) if o is not None), None)
    start = next((o for o in b.origs if o is not None), None)
    return (start - end) if end is not None and start is not None else 0


def _without_contents_block(lines: list[Mapped]) -> list[Mapped]:
    """A 目录 line and the short heading lines after it (the contents, without leaders):
    dropped up to the first line of text, or up to the line that repeats the first entry
    (the body starts)."""
    out: list[Mapped] = []
    k = 0
    while k < len(lines):
        s = re.sub(r"\s+", "", normalize(lines[k].chars))
        m = _CONTENTS_RE.match(s)
        if not m or len(s) > 30:
            out.append(lines[k])
            k += 1
            continue
        first = s[m.end():] or None
        j = k + 1
        if first is None and j < len(lines) and _gap(lines[k], lines[j]) > TOC_GAP:
            # the entries had dot leaders and are gone already: what follows is the body
            k = j
            continue
        if first is None and j < len(lines) and _toc_like(lines[j].chars):
            first = re.sub(r"\s+", "", normalize(lines[j].chars))
            j += 1
        while j < len(lines) and _toc_like(lines[j].chars) \
                and re.sub(r"\s+", "", normalize(lines[j].chars)) != first:
            j += 1
        k = j
    return out


_OPEN_ENDS = ("及", "和", "与", "或", "、", "及其")  # a label ending so was cut before its last word


def _join_split_labels(lines: list[Mapped]) -> list[Mapped]:
    """A label cell wrapped over two or three lines (年度主要 / 工作内容; 偏差大或 / 目标未完成 /
    原因分析): joined where no part names a section and the parts together do, or where a
    part ends on a conjunction (改进措施及 / 结果应用方案: the label goes on)."""
    out: list[Mapped] = []
    k = 0
    while k < len(lines):
        a = lines[k]
        n = _split_label_parts(lines, k)
        if n > 1:
            joined = a.strip()
            for m in lines[k + 1:k + n]:
                joined = joined + m.strip()
            out.append(joined)
            k += n
            continue
        out.append(a)
        k += 1
    return out


def _split_label_parts(lines: list[Mapped], k: int) -> int:
    """How many lines from ``k`` make one wrapped label (1: none)."""
    parts = [m.chars.strip() for m in lines[k:k + 4]]
    if len(parts) < 2 or not all(_short_label(p) for p in parts[:2]) or match_outside(parts[0]):
        return 1
    if len(parts) == 4 and all(len(p) <= VERTICAL_PART for p in parts) and match_section("".join(parts), 0):
        # 年度 / 目标 / 完成 / 情况: a label printed down its merged cell a word a line names
        # its section whole, before its first words (年度目标) are read as another
        return 4
    parts = parts[:3]
    cut = parts[0].endswith(_OPEN_ENDS)
    if (cut or not match_section(parts[0], 2) and not match_section(parts[1], 2)) \
            and match_section(parts[0] + parts[1], 0):
        if cut or not parts[1].endswith(_OPEN_ENDS):
            return 2
    if len(parts) == 3 and _short_label(parts[2]) and not any(match_section(p, 2) for p in parts[1:]) \
            and (cut or not match_section(parts[0], 2)) and not match_section(parts[0] + parts[1], 0) \
            and match_section("".join(parts), 0):
        return 3
    return 1


VERTICAL_PART = 2  # characters a line of a label printed down its cell holds


def _short_label(s: str) -> bool:
    body = normalize(s).strip()
    return 2 <= len(body) <= 8 and not re.search(r"\d|%|[，,。；;：:！!？?（()）]", body)


_CN_DIGITS = "一二三四五六七八九十"
_CN_HEAD_RE = re.compile(f"(?<![{_CN_DIGITS}])([{_CN_DIGITS}]{{1,2}})、")
_PCN_HEAD_RE = re.compile(f"[（(]([{_CN_DIGITS}]{{1,2}})[)）]")
# (also after a comma, or a half-width stop after a character: a PDF's 「…90分,存在的问题:一是…
# 不够及时.下一步改进措施:…」)
_LABEL_COLON_RE = re.compile(r"(?:(?<=[。；;，,])|(?<=[\u4e00-\u9fff][.]))\s*([^。；;：:\s,，.]{2,14})[：:]")


def _cn_value(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGITS.index(s[1]) + 1
    if s.endswith("十"):
        return (_CN_DIGITS.index(s[0]) + 1) * 10
    return _CN_DIGITS.index(s[0]) + 1 if len(s) == 1 else 0


def _outline_value(number: str | None) -> int | None:
    """The value of an outline number: 3 for 3. or 3、, 3 for 三、 or （三）."""
    v = number_value(number or "")
    if v is not None:
        return v
    core = re.sub(r"[^一二三四五六七八九十]", "", number or "")
    return _cn_value(core) or None if core else None


def _longest_sequence(heads: list[tuple[int, int]]) -> list[int]:
    """Positions of the longest run of heads numbered one after another (一、二、三、)."""
    best: list[int] = []
    for k, (pos, v) in enumerate(heads):
        run, want = [pos], v + 1
        for pos2, v2 in heads[k + 1:]:
            if v2 == want:
                run.append(pos2)
                want += 1
        if len(run) > len(best):
            best = run
    return best


def split_run_on(line: Mapped) -> list[Mapped]:
    """A report run together on one line (a page copied without its line breaks): cut
    before outline headings numbered in sequence (…运转五、存在的问题…六、…) and before a
    section label with a colon after a sentence (…拨付慢。改进措施：…)."""
    if len(line.chars) < 20:
        return [line]
    norm = normalize(line.chars)
    cuts: list[int] = []
    heads = [(m.start(), _cn_value(m.group(1))) for m in _CN_HEAD_RE.finditer(norm)]
    chain = _longest_sequence(heads)
    # (the line's own opening 一、 counts for the chain: 「一、…下达20万元,二、…」)
    if len(chain) >= 2:
        cuts.extend(c for c in chain if c > 0)
    # 「…报告如下：一、绩效目标分解下达情况…」: the outline opening after an introduction
    for m in _CN_HEAD_RE.finditer(norm):
        if m.start() > 0 and _cn_value(m.group(1)) == 1 and norm[m.start() - 1] in "。：:":
            cuts.append(m.start())
    # 「… (一)专项资金拨付情况。 … (二)绩效目标下达情况。 …」: bracketed numbers in sequence,
    # each after a space or a sentence end (a PDF page run onto one line)
    # (each part of the outline counts its own: 一、（一）（二） 四、（一）（二）)
    parts = [0] + sorted(set(cuts)) + [len(norm)]
    for a, b in zip(parts, parts[1:]):
        pheads = [(m.start(), _cn_value(m.group(1))) for m in _PCN_HEAD_RE.finditer(norm, a, b)
                  if m.start() > 0 and norm[m.start() - 1] in " \u3000。；;"]
        pchain = _longest_sequence(pheads)
        if len(pchain) >= 2:
            cuts.extend(pchain)
        # 「…(一)项目基本概况我校…(二)资金及项目绩效目标我校…」: a run-on page with nothing
        # before its bracketed heads; a chain that opens on (一) is an outline all the same
        glued = [(m.start(), _cn_value(m.group(1))) for m in _PCN_HEAD_RE.finditer(norm, a, b) if m.start() > 0]
        gchain = _longest_sequence([h for h in glued if h[1] >= 1])
        if len(gchain) >= 2 and dict(glued).get(gchain[0]) == 1:
            cuts.extend(gchain)
    for m in _LABEL_COLON_RE.finditer(norm):
        if match_section(m.group(1), 2):
            cuts.append(m.start(1))
    if not cuts:
        return [line]
    bounds = [0] + sorted(set(cuts)) + [len(line.chars)]
    return [line.slice(a, b).strip() for a, b in zip(bounds, bounds[1:]) if line.slice(a, b).strip().chars]


_GLUED_SLACK = 6


def _ends_label(prefix: str, synonym: str) -> bool:
    """A heading run into its text ends on its section name or on a decoration of it
    (情况, 分析, 措施 …): never inside a word of the sentence that follows."""
    from .labels import _decorations

    q = squeeze(prefix)
    if q.endswith(squeeze(synonym)):
        return True
    ends = [squeeze(w) for w in (_decorations().get("suffixes") or [])] + ["措施", "建议", "问题", "原因", "目标"]
    return any(w and q.endswith(w) for w in ends)


BRACKET_LABEL_MAX = 16  # characters inside 【】 that make a field's label


def _bracket_label(line: Mapped) -> tuple[str, Mapped | None] | None:
    """(label, text after it) of a line opening on a label in 【】, else None."""
    s = line.chars.lstrip()
    if not s.startswith("【"):
        return None
    k = s.find("】")
    if not 1 < k <= BRACKET_LABEL_MAX + 1:
        return None
    off = len(line.chars) - len(s)
    rest = line.slice(off + k + 1).strip()
    return s[1:k].strip(), rest if rest.chars else None


def _without_guidance(body: Mapped) -> Mapped:
    """A heading without the template's guide in brackets at its end (二、部门整体支出绩效目标
    （按照年初申报的绩效目标逐项填写）): the label is what names the section."""
    s = body.chars.rstrip()
    if not s.endswith(("）", ")")):
        return body
    k = max(s.rfind("（"), s.rfind("("))
    if k <= 1 or not _guidance(s[k:]) or s[:k].rstrip().endswith((":", "：")):
        return body  # (存在问题：（…）: a field whose only value is the guide, left unfilled)
    return body.slice(0, k)


def _guidance(rest: str) -> bool:
    """Text after a heading that is wholly the template's bracketed guide to the writer
    （对照年度绩效目标逐项说明完成情况，须有数据支撑）: part of the heading, no content (a field
    label with a colon whose only value is such a guide, 存在问题：（…）, is a field left unfilled)."""
    from .table_lexicon import table_lexicon

    q = normalize(rest).strip()
    if not (q[:1] in "（(" and q[-1:] in "）)"):
        return False
    return any(w in q for w in table_lexicon().unfilled.instructions if len(w) >= 2)


def _plain_sentence(rest: str) -> bool:
    """Text after a glued heading with no punctuation of its own (六、几点建议拨款应及时一点):
    a sentence, not the heading's own tail (…情况及绩效评价结论, …问题和原因分析)."""
    from .labels import _decorations

    q = squeeze(rest)
    ends = [squeeze(w) for w in (_decorations().get("suffixes") or [])] + ["措施", "建议", "问题", "原因", "结论", "评价"]
    # (a title's tail is no sentence: 项目绩效目标申报表（2024年1月批复）)
    return not q.startswith(tuple("及和与、暨并")) and match_section(rest, 2) is None \
        and not any(w and q.endswith(w) for w in ends) and not re.search(r"[（(）)表]", q)


_LIST_OPEN_RE = re.compile(r"^\s*(?:[一二]是|首先|1[、.．]|[（(]1[)）]|①)")
_ENUMERATION_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}是|首先|其次|再次|最后|另外|此外)")


def _heading(line: Mapped, heading_style: str | None) -> tuple[str, str, Mapped | None] | None:
    """(section id, label, inline content) when the line heads a section.

    A line not numbered like the outline's headings (deeper, or not numbered at all)
    must be close to a synonym: "（二）绩效目标设置不够细化" is an item, not a heading.
    """
    it = split_number(line)
    body = _without_guidance(it.text)
    if _ENUMERATION_RE.match(normalize(body.chars)):
        # 「二是绩效目标管理有待完善。…」: an item of a list counted in words, never a heading
        return None
    short = body.chars.strip(" ：:。")
    if len(short) <= 30 and short.endswith("表") and match_outside(short):
        return None  # 七、绩效指标完成情况表: the title of a table the form readers read
    outline = it.style is not None and (heading_style is None or STYLE_DEPTH[it.style] <= STYLE_DEPTH[heading_style])
    slack = None if outline else _CLOSE_SLACK
    # 六、存在问题：1.…  heading and first item on one line; a deeper-numbered line of
    # that shape ("1.存在问题：…") is an item that names its topic
    deeper = it.style is not None and not outline
    for k, ch in enumerate("" if deeper else body.chars):
        if ch in "：:" and k <= 24:
            # 重点项目一：2023年…项目: the label counts its projects (一, 二, 3)
            sec = match_section(body.chars[:k], slack) or match_section(
                normalize(body.chars[:k]).rstrip("一二三四五六七八九十0123456789"), slack) \
                or _prose_field(body.chars[:k], body.chars[k + 1:])
            if sec:
                rest = body.slice(k + 1).strip()
                return sec[0], body.chars[:k].strip(), rest if rest.chars else None
            break
    # 「（二）绩效目标完成情况。全年共完成…」: a heading closed by 。 with its text after it;
    # only a label very close to a section name, so a sentence item stays an item
    k = body.chars.find("。")
    if 0 < k <= 20:
        sec = match_section(body.chars[:k], 2 if deeper else _CLOSE_SLACK)
        if sec:
            rest = body.slice(k + 1).strip()
            return sec[0], body.chars[:k].strip(), rest if rest.chars else None
    # (only in a report with no numbered outline: under headings a lead phrase opens a
    # paragraph of the section it stands in)
    lead = None if deeper or heading_style is not None else lead_phrase(body)
    if lead is not None and lead[0] in "GOTKPQI":
        return lead
    # 「存在问题 个别学校…」: a label and its text on one line, a space between (a form
    # printed as text)
    m = re.match(r"(\S{2,16}?)[ \u3000\t]+(?=\S)", body.chars)
    # (…or a field left with a placeholder: 五、存在的问题和建议 无)
    if m and not deeper and (len(body.chars) - m.end() >= 6 or _placeholder(body.chars[m.end():])):
        sec = match_section(m.group(1), 2)
        if sec:
            return sec[0], m.group(1), body.slice(m.end()).strip()
    if outline and len(body.chars) <= 30 and not re.search(r"[，,。；;：:、\d]", body.chars):
        # 四、绩效目标完成情况及指标得分: a heading whose section name goes on with a joined
        # word names its section as a whole, before a shorter name it opens with (绩效目标)
        # is read as run into its text
        sec = match_section(body.chars, None)
        at = squeeze(body.chars).find(squeeze(sec[1])) if sec else -1
        tail = squeeze(body.chars)[at + len(squeeze(sec[1])):] if at >= 0 else None
        if tail is not None and (not tail or tail.startswith(("及", "和", "与", "暨", "以及"))):
            return sec[0], body.chars.strip(), None
    if outline and it.style in _TOP_STYLES and len(body.chars) > 8:
        # 「二、绩效目标完成情况全年完成…」: a heading run into its text with nothing between;
        # only a prefix that is a section name exactly
        # only a prefix that is a section name, or a name with its decorations that ends
        # on the name or a decoration (绩效目标分解下达情况20xx年度…)
        for n in range(min(20, len(body.chars) - 2), 3, -1):
            prefix = body.chars[:n]
            sec = match_section(prefix, 0) or match_section(prefix, _GLUED_SLACK)
            rest = body.slice(n).strip()
            if sec and _ends_label(prefix, sec[1]) and len(rest.chars) >= 6 \
                    and (re.search(r"[，,。；;]", rest.chars) or _plain_sentence(rest.chars)):
                return sec[0], prefix, rest
    if deeper and len(body.chars) > 8:
        # 「（二）项目绩效目标一是全力提高…」: a deeper heading run into a list of its items;
        # only the exact name of a section, and only before an item's first word
        for n in range(min(20, len(body.chars) - 2), 3, -1):
            sec = match_section(body.chars[:n], 0)
            rest = body.slice(n).strip()
            if sec and _ends_label(body.chars[:n], sec[1]) and _LIST_OPEN_RE.match(normalize(rest.chars)):
                return sec[0], body.chars[:n], rest
    if len(body.chars) > 30:
        return None
    sec = match_section(body.chars.rstrip("。"), slack)
    outside = match_outside(body.chars.strip(" ：:。")) if sec else None
    if sec and outside and len(outside) > len(squeeze(sec[1])) and squeeze(sec[1]) not in outside:
        # 二、绩效目标自评工作开展情况: a part outside the evaluation named at more length than
        # the section word it holds (绩效目标)
        return None
    if sec:
        return sec[0], body.chars.strip(" ：:。"), None
    if it.style is not None:
        # 3.3产出 / 3.4效果: a level's name as a numbered heading of its own
        word = _heading_word(body.chars.strip(" ：:。"))
        if word is not None:
            return word[0], word[1], None
    return None


_LEAD_TAIL = 12  # characters of a heading's own lead words after it (我们打算：)


def _spoken_lead(line: Mapped, following: Mapped | None) -> str | None:
    """The section a lead line (…确定了三项年度绩效目标：, 主要有两个方面的短板：) opens
    for the list after it, None when the line is no lead or names no section."""
    if following is None or not line.chars.rstrip().endswith(LEAD_ENDS) or split_number(line).style:
        return None
    if not is_list_item(split_number(following)):
        return None
    sid = lead_section(line.chars)
    return None if sid == UNCLASSIFIED else sid


def _two_heads(line: Mapped) -> list[tuple[str, str]] | None:
    """[(section, label), (section, label)] of a line that is two section labels of
    different sections side by side (预期目标 目标实际完成情况), None for any other line."""
    parts = normalize(line.chars).split()
    if len(parts) != 2 or any(re.search(r"[：:，,。；;\d]", p) for p in parts):
        return None
    found = [match_section(p, 2) for p in parts]
    if any(f is None for f in found) or found[0][0] == found[1][0]:
        return None
    return [(f[0], p) for f, p in zip(found, parts)]


def _placeholder(s: str) -> bool:
    """A field's whole text is a placeholder (无, 暂无, 无。, 不涉及)."""
    return squeeze(s) in {squeeze(w) for w in table_lexicon().unfilled.placeholders}


PROSE_FIELD_MIN = 12  # characters of a field's value that make it prose, not a cell's value


def _prose_field(label: str, value: str) -> tuple[str, str] | None:
    """(section, label) of a column's name written as a field holding prose (实际完成：全县46所
    学校全部完成…，新增…): the section the field's text belongs to."""
    if len(value.strip()) < PROSE_FIELD_MIN or not re.search(r"[，,；;。]", value):
        return None
    q = squeeze(label)
    for sid, words in (lexicon().get("prose_field_labels") or {}).items():
        if q in {squeeze(w) for w in words}:
            return sid, label.strip()
    return None


LEAD_MAX = 10  # characters of a section's name in a lead phrase (年度目标方面，)


def lead_phrase(body: Mapped) -> tuple[str, str, Mapped] | None:
    """(section, lead, the paragraph after it) of a paragraph opening on a lead phrase
    (年度目标方面，…; 单位概况方面，… gives the basic part, "B"; 下一步，… the measures), as a
    report with no headings marks its parts; None for any other paragraph."""
    lp = lexicon().get("lead_phrase") or {}
    s = body.chars
    for w in lp.get("measures") or ():
        if s.startswith(w) and s[len(w):len(w) + 1] in "，,：:":
            return "I", w, body.slice(len(w) + 1).strip()
    for w in lp.get("after_name") or ():
        k = s.find(w, 2, LEAD_MAX + len(w) + 1)
        if k < 2 or s[k + len(w):k + len(w) + 1] not in "，,：:" or re.search(r"[，,。；;：:、\s]", s[:k]):
            continue
        rest = body.slice(k + len(w) + 1).strip()
        sec = match_section(s[:k], 2)
        if sec:
            return sec[0], s[:k + len(w)], rest
        if match_outside(s[:k]):
            return "B", s[:k + len(w)], rest
    return None


def _heading_word(word: str) -> tuple[str, str] | None:
    """(section, word) for a word that names a section only as a heading of its own
    (3.3产出, 【完成情况】): never inside a sentence or a cell."""
    for sid, words in (lexicon().get("heading_synonyms") or {}).items():
        if word in words:
            return sid, word
    return None


_LABELLED_SECTIONS = ("G", "O", "P", "Q", "I")
HEAD_GUESS = 12  # characters shown as the label of a heading run into its text


LEAD_LABEL_MAX = 14  # characters of a label leading a numbered item's text (（二）绩效目标：…)
LEAD_REST_MIN = 4  # characters of text the label must lead


def _lead_label(item: Item, marks: str) -> tuple[str, Mapped] | None:
    """(label, text) of a numbered item whose short label is closed by one of ``marks``
    with its text on the same line (（二）绩效目标：道路硬化…, 1.项目基本情况。本项目由…)."""
    if item.style is None:
        return None
    body = item.text
    k = next((i for i, ch in enumerate(body.chars[:LEAD_LABEL_MAX]) if ch in marks), None)
    if not k:
        return None
    rest = body.slice(k + 1).strip()
    return (body.chars[:k].strip(), rest) if len(rest.chars) >= LEAD_REST_MIN else None


def _labelled_item(item: Item) -> tuple[str, str, Mapped] | None:
    """(section, label, text) of a numbered item that opens with a section's name and a
    colon (（二）绩效目标：道路硬化≥0.5公里…), its text on the same line."""
    lead = _lead_label(item, "：:")
    sec = match_section(lead[0], 2) if lead else None
    if sec is None or sec[0] not in _LABELLED_SECTIONS:
        return _glued_label(item)
    return sec[0], lead[0], lead[1]


def _glued_label(item: Item) -> tuple[str, str, Mapped] | None:
    """(section, label, text) of a numbered item whose label runs into its text with nothing
    between ((二)资金及项目绩效目标我校按生均1000元安排，…): the label ends on a section's
    name and the text after it is a sentence with punctuation of its own."""
    if item.style is None:
        return None
    body = item.text
    for n in range(min(LEAD_LABEL_MAX, len(body.chars) - LEAD_REST_MIN), 3, -1):
        prefix = body.chars[:n]
        sec = match_section(prefix, 2)
        if sec is None or sec[0] not in _LABELLED_SECTIONS or not squeeze(prefix).endswith(squeeze(sec[1])):
            continue
        rest = body.slice(n).strip()
        if re.search(r"[，,。；;]", rest.chars) and not rest.chars.startswith(tuple("及和与、暨并")):
            return sec[0], prefix, rest
    return None


def _basic_item(item: Item) -> tuple[str, Mapped] | None:
    """(label, text) of a numbered item that opens with a profile heading closed by 。 or a
    colon (1.项目基本情况。本项目由…), its text on the same line."""
    ends = tuple(lexicon().get("profile_endings") or ())
    lead = _lead_label(item, "。：:")
    if lead is None and item.style in _TOP_STYLES:
        # 二、项目资金情况项目资金28.6万元于…: an outline heading of the profile run into its text
        body = item.text.chars
        for n in range(min(14, len(body) - 6), 3, -1):
            prefix = body[:n]
            if prefix.endswith(ends + ("情况",)) and is_basic_heading(prefix) and match_outside(prefix) == prefix \
                    and not match_section(prefix, 2) \
                    and re.search(r"[，,。；;]", body[n:]):
                return prefix, item.text.slice(n).strip()
        return None
    if lead is None or match_section(lead[0], 2) or not match_outside(lead[0]) \
            or not lead[0].endswith(ends):
        return None
    return lead


def _project_title(sid: str, rest: str) -> bool:
    """重点项目一：2023年农村人居环境整治项目绩效情况 — what follows a key project's label is
    the project's title (no sentence in it), not a paragraph of results."""
    return sid == "K" and len(rest) <= 40 and not re.search(r"[。，；,;！？]", rest)


def _label_row(line: Mapped) -> list[tuple[str, str]] | None:
    """「年度总体目标 预期目标 实际完成情况」: a short line of section labels only, naming a
    goal and an outcome: the headings of the cells that follow."""
    words = line.chars.split()
    if len(words) < 2 or len(line.chars) > 40:
        return None
    hits = [match_section(w, 2) for w in words]
    if not all(hits):
        return None
    out = [(h[0], w) for h, w in zip(hits, words)]  # type: ignore[index]
    return out if {"G", "O"} <= {sid for sid, _ in out} else None


_TOP_STYLES = ("part", "cn", "nums")  # nums: 「01 部门基本情况」, a heading by its shape alone
# a line opening with these continues the paragraph before it: 「。其中」 on a new line
# breaks down the total the sentence before gave
_CONTINUES = ("其中", "其中：", "其中:")
_POINTS_CELL_RE = re.compile(r"\d{1,3}分?")


def _points_cell(lines: list[Mapped], k: int) -> bool:
    """Line ``k`` holds only a block's points (20), with text, not another figure, after it:
    a goal cell of bare amounts (43.2 / 37.24) is no points cell."""
    if not _POINTS_CELL_RE.fullmatch(lines[k].chars.strip()):
        return False
    nxt = next((ln.chars.strip() for ln in lines[k + 1:] if ln.chars.strip()), "")
    return bool(nxt) and not re.fullmatch(r"[\d.,%％]+", nxt)


_SENTENCE_END = ("。", "；", ";", "！", "？", ".")


def _cells_of(line: Mapped) -> list[Mapped]:
    """A line cut after each 。 followed by a space: cells printed side by side."""
    out, pos = [], 0
    for m in re.finditer(r"[。；](?=[ \u3000\t]+\S)", line.chars):
        out.append(line.slice(pos, m.end()).strip())
        pos = m.end()
    out.append(line.slice(pos).strip())
    return [p for p in out if p.chars]


def _open_unknown(sections: SectionCollector, unknown: list, label: str) -> None:
    """A heading the section lexicon does not know: the section its words speak of (a
    spoken heading: 几个问题必须正视), else the unclassified section, counted for the warning."""
    sid = heading_section(label)
    if sid != UNCLASSIFIED:
        sections.open(sid, label)
        return
    sections.open(UNCLASSIFIED, label)
    unknown.append((label, sections.count(UNCLASSIFIED)))


def _open_basic(sections: SectionCollector, label: str) -> None:
    """Under an outside heading: the basic part (section B) for the profile and budget
    headings of lexicons/sections.yaml ``basic_headings``, no section for the others
    (score tables, notes, attachments)."""
    if is_basic_heading(label):
        sections.open(BASIC, label)
    else:
        sections.close()


def _paired_cells(line: Mapped, beside: list[tuple[str, str]], sections: SectionCollector) -> bool:
    """A line of two numbered cells (2.goal。 2.outcome。) under two sections printed side
    by side: each cell to its section. False (nothing done) otherwise."""
    pieces = _cells_of(line)
    if len(pieces) != 2:
        return False
    if any(number_value(split_number(p).number) is None for p in pieces):
        return False
    for (sid, label), piece in zip(beside, pieces):
        sections.open(sid, label)
        sections.add(split_number(piece), whole=piece)
    return True


def _looks_like_heading(item: Item) -> bool:
    """A short top-level numbered line without figures or clause marks (三、资产管理)."""
    body = re.sub(r"(?:19|20)\d{2}\s*年度?", "", normalize(item.text.chars)).strip(" ：:")
    return (item.style in _TOP_STYLES and 2 <= len(body) <= _SUBHEAD_MAX
            and not re.search(r"\d|%|[，,。；;！!？?]", body))


def _heading_shaped(item: Item) -> bool:
    """A numbered line short and free of figures and clause marks; 一、完好率达到95%; is an
    item, whatever its number."""
    body = re.sub(r"(?:19|20)\d{2}\s*年度?", "", normalize(item.text.chars)).strip(" ：:。")
    return 1 <= len(body) <= 24 and not re.search(r"\d|%|[，,。；;！!？?]", body)


def _is_subheading(item: Item, following: Mapped | None) -> bool:
    """A short numbered line without a sentence, followed by deeper numbered lines."""
    if item.style is None or following is None:
        return False
    # (a level's points in brackets, 投入指标（分值20分）, are part of a heading)
    body = re.sub(r"[（(][^（）()]{0,10}\d+(?:\.\d+)?分[^（）()]{0,4}[)）]", "", normalize(item.text.chars))
    closed = body.rstrip().endswith("。")
    if closed:
        body = body.rstrip()[:-1]
    if len(body) > _SUBHEAD_MAX or re.search(r"[，。；,;]|\d", body):
        return False
    if item.style == "jie":
        return True  # 第一节 项目背景: a section of a chapter is a heading, whatever follows it
    nxt = split_number(following)
    if closed:
        # （一）资金管理情况。 alone on its line, its text on the lines below: a topic's
        # heading closed by 。, each line under it a paragraph of its own
        return nxt.style is None and len(normalize(following.chars).strip()) > len(body) \
            and body.endswith(tuple(lexicon().get("topic_heading_endings") or ()))
    return nxt.style is not None and STYLE_DEPTH[nxt.style] > STYLE_DEPTH[item.style]


_DATE_LINE_RE = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"
                           r"|[〇○零一二][〇○零一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)$")


_APPENDIX_RE = re.compile(r"^(?:附[：:]|附件\s*[0-9一二三四五六七八九十]*\s*[：:]?|附表\s*[0-9一二三四五六七八九十]*\s*[：:]?)")
_APPENDIX_MAX = 40  # characters of an attachment's heading line


def _is_appendix(line: str) -> bool:
    s = normalize(line).strip()
    return len(s) <= _APPENDIX_MAX and bool(_APPENDIX_RE.match(s)) and not s.endswith(("。", "；"))


_TITLE_HEAD_RE = re.compile(r"(?:19|20)\d{2}\s*年度?$")


def _title_with_head(before: str, line: str) -> str:
    """A title broken over two lines (保山市某局2021年度 / 项目绩效自评报告): the line above
    that ends with the year is the title's head, with the organisation in it."""
    head = before.strip()
    if head and len(squeeze(head)) <= FORM_TITLE_MAX and _TITLE_HEAD_RE.search(normalize(head)) \
            and not header.is_title(head):
        return head + line.strip()
    return line.strip()


FORM_TITLE_MAX = 30  # characters of a line that only names a form


def _is_form_title(line: str) -> bool:
    """A line that only names a form (项目支出绩效自评表, 2021年度部门整体支出绩效自评表): the
    form printed after a narrative begins, cell by cell, no more of the last section."""
    from .table_lexicon import table_lexicon

    s = squeeze(line)
    if not s or len(s) > FORM_TITLE_MAX or re.search(r"[。；;]", line):
        return False
    forms = table_lexicon().forms
    words = [w for name in ("target_table", "project_form", "department_form") for w in getattr(forms, name)]
    return any(s.endswith(squeeze(w)) for w in words if w.endswith("表"))


def _is_signature(line: str, draft: Draft) -> bool:
    s = normalize(line).strip()
    if _DATE_LINE_RE.match(s):
        return True
    org = draft.organisation or (header.organisation_from_title(draft.title) if draft.title else None)
    return bool(org) and s == normalize(org).strip()


def _is_foot_label(line: str) -> bool:
    """A form's signature label opening the line (项目负责人：, 填报日期：)."""
    from .table_lexicon import table_lexicon

    s = squeeze(line)
    return any(s.startswith(squeeze(w)) for w in table_lexicon().signature_labels) or bool(_CLOSING_RE.fullmatch(s))


# the closing words of a presentation or a letter (谢谢！, 敬请各位领导批评指正, 汇报完毕): no item
_CLOSING_RE = re.compile(r"(?:谢谢|感谢聆听|汇报完毕|以上报告|特此报告|敬请.{0,8}批评指正|请.{0,8}批评指正)[！!。]?")


def _problem_measure_pair(line: Mapped) -> tuple[Mapped, Mapped | None] | None:
    """(problem, measure) of an item written as 「问题：…。措施：…」 (labels of lexicons/
    sections.yaml ``pair_labels``; measure None for a problem labelled alone), None for
    another line."""
    norm = normalize(line.chars)
    labels = lexicon().get("pair_labels") or {}
    body = split_number(line).text
    off = len(line.chars) - len(body.chars)
    head = normalize(body.chars)
    q = next((w for w in labels.get("Q") or [] if head.startswith(w + "：") or head.startswith(w + ":")), None)
    if q is None:
        return None
    cut = None
    for w in labels.get("I") or []:
        for mark in ("：", ":"):
            k = norm.find(w + mark, off + len(q) + 1)
            if k > 0 and norm[k - 1] in "。；;，, " and (cut is None or k < cut[0]):
                cut = (k, len(w) + 1)
    if cut is None:
        problem = line.slice(off + len(q) + 1).strip()
        return (problem, None) if problem.chars else None
    problem = line.slice(off + len(q) + 1, cut[0]).strip()
    measure = line.slice(cut[0] + cut[1]).strip()
    return (problem, measure) if problem.chars and measure.chars else None


_QUESTION_RE = re.compile(r"\s*问\s*[一二三四五六七八九十\d]{1,3}\s*[：:、．.]")
_ANSWER_RE = re.compile(r"\s*答\s*[：:]\s*")


def _question(line: Mapped) -> str | None:
    """For a question heading (问三：年初设定了哪些绩效目标？) the section its topic words
    name (lexicons/sections.yaml ``question_topics``), "" for another question; None for
    any other line."""
    m = _QUESTION_RE.match(normalize(line.chars))
    if m is None:
        return None
    asked = squeeze(line.chars[m.end():])
    for sid, words in (lexicon().get("question_topics") or {}).items():
        if any(squeeze(w) in asked for w in words):
            return sid
    return ""


def _without_answer_mark(line: Mapped) -> Mapped:
    """An answer's text without its 答： mark (答：1.按照…), so that its items read as items."""
    m = _ANSWER_RE.match(normalize(line.chars))
    return line.slice(m.end()) if m else line


def parse_narrative(text: str, rows: list[Row]) -> Draft:
    draft = Draft(layout="narrative")
    draft.currency_unit = header.currency_unit(text)
    sections = SectionCollector()
    lines = _lines(text, rows)
    heading_style: str | None = None
    seen_section = False
    unknown: list[tuple[str, int]] = []  # unclassified headings, items before each
    # headings written one after another with no text between (年度总体目标 / 预期目标 /
    # 实际完成情况, a form exported one cell per line): the text below fills them in turn
    stacked: list[tuple[str, str]] = []
    _ended = True
    queue: list[tuple[str, str]] = []
    # two sections whose cells a line printed side by side (1.goal。 1.outcome。): the next
    # lines that hold two cells of one item number go to them in turn
    beside: list[tuple[str, str]] = []
    last_was_heading = False
    last_style: str | None = None  # the item style of the last heading
    alternate: tuple[tuple[str, str], tuple[str, str]] | None = None
    last_top: int | None = None  # the number of the last heading of the outline's style
    labelled_open = False  # the current section was opened by a labelled item, not a heading
    top_value: int | None = None  # the value of the last heading of the outline's style, 一 or 1
    width = _wrap_width(text)
    paired = False  # a 问题：…措施：… pair has been read
    # the current section is the list after a lead line (从完成情况看：): it ends with the list
    listed = False
    spoken = False  # the report is told, not written: its sections are opened by lead lines
    for k, line in enumerate(lines):
        if draft.title is None and not seen_section and header.is_title(line.chars):
            draft.title = _title_with_head(lines[k - 1].chars if k else "", line.chars)
            continue
        if not queue and not beside and sections.current is not None and \
                _continues(text, lines[k - 1] if k else None, line, width) and sections.extend(line):
            # a line the layout wrapped: the rest of the paragraph above, never a heading
            continue
        labels = _label_row(line)
        if labels:
            stacked = labels
            queue, beside = [], []
            last_was_heading = True
            sections.open(*labels[-1])
            seen_section = True
            continue
        pair = _problem_measure_pair(line)
        if pair is not None and pair[1] is None and not (paired and sections.current in ("Q", "I")):
            pair = None  # a problem labelled alone is one of a run of pairs, else an item as written
        if pair is not None:
            paired = paired or pair[1] is not None
            # 「2.问题：…。措施：…。」: a problem and its measure written as one item (a
            # problem with no 措施 part is the problems' all the same)
            num = split_number(line)
            for sid, piece in zip(("Q", "I"), pair):
                if piece is None:
                    continue
                sections.open(sid, sections.titles.get(sid) or section_title(sid))
                # (both halves keep the item's number: the measure is the problem's own)
                sections.add(Item(num.number, num.style, piece), whole=piece, force_new=True)
            seen_section = True
            continue
        asked = _question(line)
        if asked is not None:
            # 问三：年初设定了哪些绩效目标？ (a 一问一答 page): the question heads the answer's
            # section by what it asks; a question on nothing known heads no section
            if asked == BASIC:
                sections.open(BASIC, line.chars.strip())
            elif asked:
                sections.open(asked, line.chars.strip())
                seen_section = True
            else:
                sections.close()
            last_was_heading = True
            continue
        line = _without_answer_mark(line)
        bracket = _bracket_label(line)
        if bracket is not None:
            # 【存在问题】 / 【项目名称】2023年…: a system print-out labels its fields in 【】
            label, rest = bracket
            sec = match_section(label, 2) or _heading_word(label)
            if sec is not None:
                sections.open(sec[0], label)
                seen_section = True
                last_was_heading = rest is None
            elif match_outside(label):
                _open_basic(sections, label)
            else:
                sections.close()  # a field of the header (【项目编码】…): no section's text
                continue
            if rest is not None and sections.current is not None:
                for piece in split_inline_items(rest):
                    sections.add(split_number(piece), whole=piece)
            continue
        heads = _two_heads(line)
        if heads is not None:
            # 预期目标 目标实际完成情况: the two column heads of a form block on one line; the
            # cells below go to the first until their numbers start again
            stacked = (stacked if last_was_heading else []) + heads
            sections.open(*heads[0])
            seen_section = True
            queue, beside, alternate = [], [], None
            last_was_heading = True
            continue
        head = _heading(line, heading_style)
        lead = None if head or heading_style is not None \
            else _spoken_lead(line, lines[k + 1] if k + 1 < len(lines) else None)
        if lead is not None:
            # 从完成情况看：/ 1.… (a report told, not written): a lead line naming a section
            # before a list heads that list; only where no numbered outline does
            label = last_sentence(line.chars)
            sections.open(lead, label)
            seen_section = listed = spoken = True
            stacked, queue, beside, alternate = [(lead, label)], [], [], None
            last_was_heading = True
            continue
        if head and head[2] is not None and k and split_number(line).style is None \
                and lines[k - 1].chars.rstrip()[-1:] in _MID_SENTENCE and not _cut_in_line(text, line):
            # …各项指标，/ 均达到年度目标。全年…: a sentence running on, not a heading with its text
            head = None
        if head and head[0] == "O" and head[2] is not None and sections.current == "P" and heading_style \
                and split_number(line).style and STYLE_DEPTH[split_number(line).style] > STYLE_DEPTH[heading_style]:
            # 四.自评结论 / (二)主要成效。全年新建…: an item of the conclusion that names its
            # results stays in it (both report results; the conclusion keeps its items together)
            head = None
        if head and head[2] is not None and _guidance(head[2].chars) \
                and not normalize(line.chars[:line.chars.find(head[2].chars)]).rstrip().endswith((":", "：")):
            head = (head[0], head[1], None)  # 三、目标完成情况（对照年度绩效目标逐项说明…）: the template's guide
        if head:
            labelled_open = False
            sid, label, rest = head
            listed = heading_style is None and line.chars.rstrip().endswith(LEAD_ENDS)
            style = split_number(line).style
            if heading_style is None or (style and STYLE_DEPTH[style] < STYLE_DEPTH[heading_style]):
                heading_style = style if style else heading_style
            if style and style == heading_style:
                last_top = number_value(split_number(line).number or "")
                top_value = _outline_value(split_number(line).number)
            # a heading numbered deeper than the one just before it opens a subsection of
            # it (二、部门整体支出绩效情况 / （一）年度绩效目标): the outer one is a container, no
            # stack of column heads
            deeper_sub = bool(last_was_heading and style and last_style and STYLE_DEPTH[style] > STYLE_DEPTH[last_style])
            stacked = stacked + [(sid, label)] if last_was_heading and not deeper_sub else [(sid, label)]
            last_style = style
            queue, beside, alternate = [], [], None
            last_was_heading = rest is None
            sections.open(sid, label)
            seen_section = True
            if rest is not None and rest.chars.rstrip().endswith(LEAD_ENDS) and len(rest.chars) <= _LEAD_TAIL:
                rest = None  # 下一步，我们打算：/ 一是…: the heading's own lead words, no paragraph
            if rest is not None and not _project_title(sid, rest.chars):
                # 存在问题 （1）…（2）…: the items written after the heading on its line
                for piece in split_inline_items(rest):
                    sections.add(split_number(piece), whole=piece)
            continue
        if last_was_heading and len({s_ for s_, _ in stacked}) >= 2:
            # each section where it was named last: 1.目标完成情况 / 项目年度目标 / 年度目标完成
            #情况 is a group label followed by the two column heads
            order: list[tuple[str, str]] = []
            for s_, lab in reversed(stacked):
                if s_ not in [o[0] for o in order]:
                    order.insert(0, (s_, lab))
            sections.open(*order[0])
            queue = order[1:]
        last_was_heading = False
        if beside and _paired_cells(line, beside, sections):
            continue
        if alternate and not queue:
            # 1.goal / 1.outcome / 2.goal / 2.outcome: the cells of a two-column form row,
            # one per line, go to their columns in turn while the numbers pair up
            n = number_value(split_number(line).number or "") if split_number(line).number \
                else label_number(line.chars)
            (sa, ta), (sb, tb) = alternate
            la, lb = sections.last_number(sa), sections.last_number(sb)
            if n is not None and la is not None and n == la and lb == n - 1 and sections.current == sa:
                sections.open(sb, tb)
            elif n is not None and la is not None and n == la + 1 and lb == la and sections.current == sb:
                sections.open(sa, ta)
            elif n is not None:
                alternate = None
        if queue and _points_cell(lines, k) and sections.current is not None and not sections.count(sections.current):
            continue  # the block's points (20) printed between its column heads and its cells
        if queue:
            # cells of a form printed as text: a cell wrapped over lines continues until a
            # sentence ends; two cells on one line are cut after the 。 that ends the first
            pieces = _cells_of(line)
            numbered = split_number(line).style is not None or label_number(line.chars) is not None
            if len(pieces) == 2 and len(queue) == 1 and sections.current is not None:
                beside = [(sections.current, sections.titles.get(sections.current, "")), queue[0]]
                if _paired_cells(line, beside, sections):
                    queue = []
                    continue
            if len(pieces) > 1 or numbered or not (sections.current and sections.count(sections.current)
                                                   and not _ended):
                for piece in pieces:
                    it0 = split_number(piece)
                    # (目标1：… numbers its cell by its label)
                    restart = (number_value(it0.number) == 1 if it0.number
                               else label_number(piece.chars) == 1 if label_number(piece.chars) is not None
                               else sections.item_style is None)
                    if queue and restart and sections.current is not None and sections.count(sections.current):
                        prev = (sections.current, sections.titles.get(sections.current, ""))
                        nxt = queue.pop(0)
                        sections.open(*nxt)
                        if sections.count(prev[0]) == 1 and not queue:
                            alternate = (prev, nxt)
                    sections.add(it0, whole=piece)
                    _ended = piece.chars.rstrip().endswith(_SENTENCE_END)
                continue
            sections.extend(line)
            _ended = line.chars.rstrip().endswith(_SENTENCE_END)
            continue
        item = split_number(line)
        if (listed or spoken) and not is_list_item(item) and (sections.current is None or (
                sections.count(sections.current) and lines[k - 1].chars.rstrip().endswith(_SENTENCE_END))):
            # the list a lead line opened has ended: what follows may say by its words that
            # it belongs elsewhere (经各项目自评，平均得分93.6分… after the results' list; an
            # answer after a question, in a report told by its speakers)
            listed = False
            sid = classify(line.chars)
            if spoken and (line.chars.rstrip().endswith(("？", "?")) or (
                    sid == UNCLASSIFIED and not re.search(r"\d", line.chars))):
                # a question put, a greeting or thanks (我就通报这些，谢谢大家！): no one's text
                sections.close()
                continue
            if sid not in (UNCLASSIFIED, sections.current):
                sections.open(sid, section_title(sid))
        # (an outline heading continues the outline's count: 1. under 4.2存在的问题 after
        # 4.绩效评价结论 is the first problem, not a heading)
        in_count = last_top is None or item.style != heading_style or number_value(item.number or "") == last_top + 1
        # (headings marked by a bullet (▍完成情况, ■ 存在问题) have no depth: the numbered
        # lines under them are their items)
        if item.style and heading_style and heading_style != "bullet" \
                and STYLE_DEPTH[item.style] <= STYLE_DEPTH[heading_style] \
                and (_heading_shaped(item) or sections.current is None) and in_count:
            if item.style == heading_style:
                last_top = number_value(item.number or "")
                top_value = _outline_value(item.number)
            label = item.text.chars.strip(" ：:")
            if match_outside(label):
                # 部门基本情况: the basic part, whose budget sentences the number checks
                # read (section B); the score table's heading: no section, its rows are
                # read as a table
                _open_basic(sections, label)
            else:
                # a heading of the outline that names no known section: the section its
                # words speak of, else its text is kept in the unclassified section, never
                # dropped (the reader warns below)
                _open_unknown(sections, unknown, label)
            continue
        if sections.current is None:
            led = lead_phrase(item.text) if item.style is None and heading_style is None else None
            if led is not None and led[0] == "B":
                # 单位概况方面，…: the profile opening a report marked by lead phrases
                _open_basic(sections, led[1])
                if sections.current == BASIC:
                    sections.add(Item(None, None, led[2]), whole=line)
                    continue
            basic = _basic_item(item)
            if basic is not None:
                # 一、专项资金基本情况：根据…: the basic part opening the report, run into its text
                _open_basic(sections, basic[0])
                if sections.current == BASIC:
                    heading_style = heading_style or item.style
                    sections.add(Item(item.number, item.style, basic[1]), whole=line)
                    continue
            if heading_style is None and _looks_like_heading(item) and match_outside(item.text.chars):
                # 一、部门概况 opening the outline: the basic part, and the outline's style
                heading_style = item.style
                top_value = _outline_value(item.number)
                _open_basic(sections, item.text.chars.strip(" ：:"))
                continue
            if heading_style is None and _looks_like_heading(item) and not match_outside(item.text.chars):
                # a top-level heading before the first known one (the outline is not
                # known yet) that names no section: keep what follows, as above
                label = item.text.chars.strip(" ：:")
                if heading_section(label) != UNCLASSIFIED:
                    # (a spoken heading that names its section sets the outline's style)
                    heading_style = item.style
                    top_value = _outline_value(item.number)
                _open_unknown(sections, unknown, label)
                continue
            if draft.year is None and not seen_section:
                draft.year = header.year_line(line.chars)
            continue
        if item.style is None and (_is_appendix(line.chars) or _is_form_title(line.chars)):
            # 附：项目支出绩效自评表 / 附件1: what follows is an attachment (read by the table
            # readers), not more of the last section
            sections.close()
            continue
        nxt = normalize(lines[k + 1].chars).strip() if k + 1 < len(lines) else ""
        if item.style is None and (_is_signature(line.chars, draft) or _is_foot_label(line.chars) or (
                _DATE_LINE_RE.match(nxt) and len(line.chars.strip()) <= SIGNATURE_MAX
                and not re.search(r"[，。；,;]", line.chars))):
            # 某某局 / 2023年3月20日 / 项目负责人： under the last section: the report is
            # signed, not itemised
            sections.close()
            continue
        following = lines[k + 1] if k + 1 < len(lines) else None
        if item.style and _heading_shaped(item) and sections.current in ("G", "P") \
                and (is_basic_heading(label := item.text.chars.strip(" ：:。")) or is_process_heading(label)) \
                and not match_section(item.text.chars):
            # 一、绩效目标分解下达情况 / （一）资金下达情况: a budget sub-heading in the goals' part
            # (opening it, or after 1.项目立项目的和年度绩效目标 as 2.项目资金情况) is the basic
            # part; under the outcomes the same words (项目资金管理情况分析, 资金投入情况分析)
            # label results
            _open_basic(sections, item.text.chars.strip(" ：:。"))
            continue
        if _is_subheading(item, following):
            sections.item_style = None
            continue
        if item.style is None and normalize(item.text.chars).startswith(_CONTINUES) and sections.extend(line):
            continue
        basic = _basic_item(item) if sections.current != BASIC else None
        if basic is not None:
            # 二、绩效自评情况 / 1.项目基本情况。本项目由…: the basic part, run into its text
            # (kept under its item number, so that a wrapped line continues it)
            label, rest = basic
            _open_basic(sections, label)
            if sections.current == BASIC:
                sections.add(Item(item.number, item.style, rest), whole=line)
                continue
        labelled = _labelled_item(item) if sections.current in (BASIC, UNCLASSIFIED) else None
        if labelled is not None:
            # 一、项目基本情况 / （二）绩效目标：道路硬化…; 评价结论和绩效分析 / （一）评价结论：…: an
            # item of the basic part or of an unknown heading labelled with a section's own
            # name is that section's text
            sid, label, rest = labelled
            sections.open(sid, label)
            for piece in split_inline_items(rest):
                sections.add(split_number(piece), whole=piece)
            labelled_open = True
            continue
        if labelled_open and item.style == heading_style and top_value is not None \
                and _outline_value(item.number) == top_value + 1:
            # 二、项目资金使用及管理情况我校… after （二）资金及项目绩效目标我校…: the outline goes on
            # under a heading run into its text; the labelled item's section ends there
            top_value += 1
            labelled_open = False
            sections.open(UNCLASSIFIED, item.text.chars[:HEAD_GUESS].strip())
            unknown.append((item.text.chars[:HEAD_GUESS].strip(), sections.count(UNCLASSIFIED)))
            sections.add(item, whole=line)
            continue
        for piece in split_inline_items(line):
            sections.add(split_number(piece), whole=piece)
    draft.sections = sections.build(text)
    _warn_unclassified(draft, sections, unknown)
    if draft.title:
        draft.organisation = header.organisation_from_title(draft.title)
        draft.year = header.year_of(draft.title) or draft.year
    _header_lines(draft, lines, text)
    if draft.organisation is None or any(ch in draft.organisation for ch in "*×"):
        # a title starred out by the site that re-posted it (**县2023年度…): the report is
        # still signed with its name above its date
        draft.organisation = _signed_by(lines) or draft.organisation
    if draft.currency_unit is None:
        draft.currency_unit = bud.first_amount_unit(text)
    bud.budget_from_text(text, draft.currency_unit, draft.budget)
    bud.budget_from_prose(text, draft.currency_unit, draft.budget)
    return draft


SIGNATURE_MAX = 25  # characters of an organisation's name signing a report


def _signed_by(lines: list[Mapped]) -> str | None:
    """The name on the line above the report's closing date line (凉城县水利局 / 2024年3月28日)."""
    tail = [ln.chars.strip() for ln in lines[-8:] if ln.chars.strip()]
    for k in range(len(tail) - 1, 0, -1):
        if _DATE_LINE_RE.match(normalize(tail[k])):
            name = tail[k - 1]
            if 2 <= len(name) <= SIGNATURE_MAX and all("\u4e00" <= ch <= "\u9fff" or ch in "（）()" for ch in name):
                return name
            return None
    return None


def _warn_unclassified(draft: Draft, sections: SectionCollector, unknown: list[tuple[str, int]]) -> None:
    """One warning per unclassified heading that has text under it."""
    total = sections.count(UNCLASSIFIED)
    for k, (label, before) in enumerate(unknown):
        after = unknown[k + 1][1] if k + 1 < len(unknown) else total
        n = after - before
        if n <= 0:
            continue
        draft.warnings.append(
            f"未识别的章节标题「{label}」：其下{n}段内容归入未分类章节{UNCLASSIFIED}，未参与按章节的检查 / "
            f"unrecognised section heading \"{label}\": its {n} paragraph(s) are kept in the "
            f"unclassified section {UNCLASSIFIED}, outside the section-based checks"
        )


def _header_lines(draft: Draft, lines: list[Mapped], text: str = "") -> None:
    """部门名称：… and 评价年度：… lines, where a report has them."""
    from .labels import header_label

    # a form's header row pasted before the narrative (| 主管部门 | 某县农业农村局 | …); the
    # table reader takes those lines, so they are read from the text
    for raw in text.splitlines()[:40]:
        if not re.search(r"[|｜\t]", raw):
            continue
        cells = [c.strip() for c in re.split(r"[|｜\t]", raw) if c.strip()]
        for k, c in enumerate(cells[:-1]):
            kind = header_label(c)
            if kind == "organisation" and draft.organisation is None and not header_label(cells[k + 1]):
                draft.organisation = cells[k + 1]
            elif kind == "year" and draft.year is None:
                draft.year = header.year_of(cells[k + 1]) or draft.year
    for line in lines[:40]:
        s = line.chars
        # (【主管部门】某县水利局: a system print-out's field)
        m = re.match(r"\s*([^：:【】]{2,14})[：:]\s*(.+)$", s) or re.match(r"\s*【([^】]{2,14})】\s*(.+)$", s)
        if not m:
            continue
        kind = header_label(m.group(1))
        if kind == "organisation" and draft.organisation is None:
            draft.organisation = m.group(2).strip()
        elif kind == "year" and draft.year is None:
            draft.year = header.year_of(m.group(2))
        elif kind is None and draft.year is None and m.group(1).strip().endswith("项目名称"):
            draft.year = header.year_of(m.group(2))  # 项目名称：2023年小型水库维修养护项目
