"""One builder makes the Report from the lines, rows and cells any reader gives.

The readers of each file format only turn bytes into text and a grid of cells; this
module finds the indicator tables in that text (:mod:`.table`, whatever shape they came
in), reads the rest as a form or as narrative, classifies what no heading names by its
content, marks fields left unfilled, and says what it recognised.
"""
from __future__ import annotations

import dataclasses
import re

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import SECTION_KINDS, BudgetRow, BudgetValue, Indicator, Report, Section, Task, Unfilled
from nlp_pipeline.text.normalize import normalize

from . import header
from .content import classify_paragraphs
from .cut import cut_off
from .doubt import doubtful_spans
from .draft import Draft, finish, make_paragraph
from .glued_budget import half_unit
from .form import looks_like_form, parse_form
from .grid import Row
from .items import split_inline_items, split_number
from .narrative import parse_narrative
from .table import (IndicatorTable, find_budget_block, find_tables, has_leader, match_header, repair_number,
                    split_lines, squeeze)
from .table_lexicon import table_lexicon

_CJK_RE = re.compile(r"[\u3400-\u9fff]")
# fewer Chinese characters than this: no report text at all
_MIN_CJK = 20


def parse_grid(text: str, rows: list[Row]) -> Draft:
    """One of the two parsers, chosen by the shape of the content."""
    if looks_like_form(text, rows):
        draft = parse_form(text, rows)
        if draft.tasks:
            return draft
        if draft.sections:
            # a form printed as text reads either way: keep the reading that finds more
            # of the sections (goals, outcomes, problems, measures)
            other = parse_narrative(text, rows)
            if _coverage(other) > _coverage(draft):
                return other
            return draft
    return parse_narrative(text, rows)


def _coverage(draft: Draft) -> tuple[int, int]:
    kinds = {sid for sid, sec in draft.sections.items() if sec.paragraphs and sid not in ("U", "B")}
    return len(kinds), -sum(len(sec.paragraphs) for sec in draft.sections.values() if sec.id == "U")


def _outside(rows: list[Row], tables: list[IndicatorTable]) -> list[Row]:
    """Rows that no indicator table claimed: the parsers read only those."""
    spans = [(t.start, t.end) for t in tables]
    out = []
    for row in rows:
        if row and any(a <= row[0].start < b for a, b in spans):
            continue
        out.append(row)
    return out


def _number(s: str | None) -> float | None:
    if not s:
        return None
    try:
        return float(squeeze(s).replace("分", "").replace(",", ""))
    except ValueError:
        return None


# Indicator tables are tasks named TBL, TBL.2, …: their rows are the table lines the gold
# files and detectors call TBL (docs/CONVENTIONS.md), and they never take the numbers of
# the form's own tasks (T1, T2, …).
TABLE_TASK = "TBL"


def _repaired(m):
    """A value cell as the reader repaired it (OCR slips), still mapped to the original
    characters, so numbers are read from the repair and quoted from the source."""
    from .mapped import Mapped

    fixed = repair_number(m.chars)
    if fixed != m.chars and len(fixed) == len(m.chars):
        return Mapped(fixed, list(m.origs))
    return m


def _table_tasks(text: str, tables: list[IndicatorTable]) -> list[Task]:
    tasks = []
    for k, tb in enumerate(tables, 1):
        tid = TABLE_TASK if k == 1 else f"{TABLE_TASK}.{k}"
        inds = []
        for j, row in enumerate(tb.rows, 1):
            v, sp = row.values, row.spans
            name_p = make_paragraph(text, f"{tid}.k{j}", "T", "indicator", None, sp["name"])
            res_p = (make_paragraph(text, f"{tid}.r{j}", "T", "indicator_result", None, _repaired(sp["actual"]))
                     if sp.get("actual") is not None and sp["actual"].chars else None)
            weight, score, off = _number(v.get("weight")), _number(v.get("score")), _number(v.get("deduction"))
            if score is None and weight is not None and off is not None and 0 <= off <= weight:
                score = round(weight - off, 4)  # a 评分表 scored by deductions: the points less those taken off
            inds.append(Indicator(
                name=v["name"] or "", result=v.get("actual") or "", name_paragraph=name_p, result_paragraph=res_p,
                target=v.get("target"), level1=v.get("level1"), level2=v.get("level2"),
                weight=weight, score=score, reason=v.get("reason"),
                weight_text=v.get("weight") or None, score_text=v.get("score") or v.get("deduction") or None,
                deduction=off))
        tasks.append(Task(id=tid, number=tb.title or "绩效指标", target=None, outcome=None, indicators=inds))
    return tasks


_MASKED_FIGURE_RE = re.compile(r"(?:^|[≥≤<>=＞＜约达])\s*(?:XX|xx|××|X{3,})\s*(?:[%％]|[\u4e00-\u9fff])")


_MERGE_FIELD_RE = re.compile(r"«[^»]{1,20}»|<<[^>]{1,20}>>|\{\{[^}]{1,20}\}\}")


def _is_unfilled(s: str) -> bool | None:
    """None: content; False: a placeholder (无, 暂无); True: the template's instruction."""
    lex = table_lexicon().unfilled
    q = squeeze(s)
    # 注：对照年度绩效目标，逐项分析…: the template's note, labelled as a note
    noted = False
    head = normalize(s).strip()
    for note in ("注：", "注:", "说明：", "说明:", "备注：", "备注:", "填表说明：", "填表说明:"):
        if head.startswith(note):
            q, noted = squeeze(head[len(note):]), True
            break
    if re.search(r"[（(](?:限|不超过)?\d+字(?:以内|以下)?[)）]", q) and len(q) <= 120:
        return True  # a length limit in brackets: the template's instruction to the writer
    if q in {squeeze(x) for x in lex.placeholders} or q in {squeeze(x) + "。" for x in lex.placeholders}:
        return False
    if _MERGE_FIELD_RE.fullmatch(q):
        return True  # «项目概况», {{项目名称}}: a mail-merge field the system never filled
    inner = q.lstrip("（(【[")
    bracketed = len(inner) < len(q)
    if bracketed and q.endswith(("）", ")", "】", "]")) and any(squeeze(w) in q for w in lex.instructions):
        return True  # the whole cell is the template's note
    for w in lex.instructions:
        w = squeeze(w)
        bare = re.sub(r"[（(][^（）()]*[)）]", "", q)  # （200字以内） is part of an instruction
        if inner.startswith(w) and (bracketed or noted or (len(w) >= 3 and len(q) <= 60 and not re.search(r"\d", bare))):
            return True
    return None


FOOT_LABEL_MAX = 12  # characters of a signature label standing alone (项目负责人：)
FOOT_VALUE_MAX = 16  # characters of the value after it (a name, a phone number, a date)


FORM_NOTE_OPENERS = ("注：", "注:", "备注：", "备注:")


def _drop_form_foot(report: Report) -> None:
    """The signature lines of a form, a stray 总分 row and a page's running header (the
    title again) are no paragraph of a section."""
    lex = table_lexicon()
    signs = tuple(squeeze(x) for x in lex.signature_labels)
    totals = {squeeze(x) for x in lex.total_labels}
    grades = {squeeze(x) for x in lex.grade_labels}
    form = report.layout != "narrative"
    for sid, sec in report.sections.items():
        kept = []
        after_label = notes = False
        for p in sec.paragraphs:
            q = squeeze(p.text)
            if form and (notes or (kept or after_label) and p.text.lstrip().startswith(FORM_NOTE_OPENERS)):
                # 备注：1.…口径 / 2.…: notes on how the form is filled, to its end (a note that
                # is a field's only text is the template's instruction left in it)
                notes = True
                continue
            if q.startswith(signs) or re.sub(r"[\d.分]+$", "", q) in totals or q in grades:
                # 项目负责人： with its value on the next line (a form one cell per line)
                after_label = len(q) <= FOOT_LABEL_MAX
                continue
            if after_label and len(q) <= FOOT_VALUE_MAX and not any(ch in q for ch in "，。；,;"):
                after_label = False
                continue  # the name, phone or date the label asked for
            if header.is_title(p.text) and report.text.count(p.text.strip()) >= 2:
                continue  # the form's title repeated at the top of each page: a running header
            after_label = False
            kept.append(p)
        _keep(sid, sec, kept)


def _keep(sid: str, sec, kept: list) -> None:
    """The section keeps only ``kept``, its paragraphs numbered again in order."""
    if len(kept) != len(sec.paragraphs):
        for k, p in enumerate(kept, 1):
            p.id = f"{sid}{k}"
        sec.paragraphs = kept


LEAD_IN_MAX = 60  # characters of a sentence that only announces what follows (现将…列示如下：)
_LEAD_IN_ENDS = ("如下：", "如下:", "如下。")


# scripts of the bilingual reports of minority regions (조선어, ᠮᠣᠩᠭᠣᠯ, བོད་, ئۇيغۇر, and the
# Cyrillic of some), and Latin words, which print a heading's translation beside it
_FOREIGN_RE = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\u1800-\u18af\u0f00-\u0fff"
                         r"\u0600-\u06ff\u0400-\u04ffA-Za-z]")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def _translation(t: str) -> bool:
    """A line in another script with no Chinese in it (a heading's translation, 「존재하는
    문제」 after 存在问题): it reports nothing the Chinese does not."""
    if _HAN_RE.search(t) or re.search(r"\d", t):
        return False
    letters = len(_FOREIGN_RE.findall(t))
    return letters >= 2 and letters >= 0.5 * len(t.replace(" ", "")) and (
        not re.fullmatch(r"[A-Za-z\s.,:;'()-]+", t) or len(t.split()) >= 2)


def _drop_lead_ins(report: Report) -> None:
    """A sentence that only announces the list below it (现将10项绩效指标的完成情况逐项列示如下：)
    or a bracketed legend of the lines below (（指标名称（目标值，分值）……完成值 得分）) is no
    paragraph of its section: it reports, claims and plans nothing."""
    for sid, sec in report.sections.items():
        kept = []
        for p in sec.paragraphs:
            t = p.text.strip()
            if len(t) <= LEAD_IN_MAX and (t.endswith(_LEAD_IN_ENDS) or (
                    t[:1] in "（(" and t[-1:] in "）)" and has_leader(t))):
                continue
            if _translation(t):
                continue
            kept.append(p)
        _keep(sid, sec, kept)


def _mark_unfilled(report: Report) -> None:
    """Placeholders and template instructions are read as such, never as content."""
    for sid, sec in report.sections.items():
        if sid in ("U", "B"):
            continue  # a field the reader cannot name, or the basic part, is no field left unfilled
        kept, dropped = [], []
        for p in sec.paragraphs:
            verdict = _is_unfilled(p.text)
            if verdict is None:
                kept.append(p)
                continue
            dropped.append(Unfilled(field=sec.kind, text=p.text, start=p.start, end=p.end,
                                    instruction=verdict, paragraph=p.id))
        inside = [u for u in dropped if any(p.start < u.start for p in kept)]
        if dropped and len(inside) == len(dropped):
            # a field left unfilled between or after filled items keeps its place in the
            # numbering (O1 O2 O3 [O4 unfilled] O5; P1 P2 [P3 unfilled]), so every id is the
            # item a reader counts
            sec.paragraphs = kept
        elif dropped:
            for u in dropped:
                u.paragraph = None
            for k, p in enumerate(kept, 1):
                p.id = f"{sid}{k}"
            sec.paragraphs = kept
        report.unfilled.extend(dropped)
    for t in report.tasks:
        for ind in t.indicators:
            rp = ind.result_paragraph
            # a result cell still holding the template's note （据实填写…）
            if rp is not None and _is_unfilled(rp.text) is True:
                report.unfilled.append(Unfilled(field="result", text=rp.text, start=rp.start, end=rp.end,
                                                instruction=True, paragraph=rp.id))
            # …and a target cell (年度指标值 （请填写）), found between the row's name and result
            np_ = ind.name_paragraph
            if ind.target and np_ is not None and rp is not None and (
                    _is_unfilled(ind.target) is True or _MASKED_FIGURE_RE.search(ind.target)):
                # (≥XX场: a figure the template masked, never filled in)
                at = report.text.find(ind.target, np_.end, rp.start)
                if at >= 0:
                    report.unfilled.append(Unfilled(field="target", text=ind.target, start=at,
                                                    end=at + len(ind.target), instruction=True, paragraph=np_.id))
        for attr, kind in (("target", "goal"), ("outcome", "outcome")):
            p = getattr(t, attr)
            if p is not None and _is_unfilled(p.text) is not None:
                report.unfilled.append(Unfilled(field=kind, text=p.text, start=p.start, end=p.end,
                                                instruction=bool(_is_unfilled(p.text))))
                setattr(t, attr, None)
    report.unfilled.extend(_grade_unfilled(report.text))
    report.unfilled.extend(_header_unfilled(report))


HEADER_LABEL_MAX = 12  # characters of a header field's label (项目概况, 联系电话)


def _header_unfilled(report) -> list[Unfilled]:
    """A header field of the form (项目概况：«项目概况», above the first paragraph) whose value is
    still the template's slot: the header is part of the form too. (Fields further down are
    the sections' and the tables', read where those are.)"""
    first = min((p.start for p in report.paragraphs()), default=len(report.text))
    text = report.text[:first]
    out, pos = [], 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        k = next((i for i, ch in enumerate(line) if ch in "：:"), -1)
        value = line[k + 1:].strip() if k > 0 else ""
        if not value or k > HEADER_LABEL_MAX or _is_unfilled(value) is not True:
            continue
        at = start + line.index(value, k + 1)
        out.append(Unfilled(field="header", text=value, start=at, end=at + len(value), instruction=True))
    return out


def _grade_unfilled(text: str) -> list[Unfilled]:
    """A form's grade row (评价等级 | （根据总分自动生成）) still holding the template's note
    where the grade should stand."""
    labels = {squeeze(x) for x in table_lexicon().grade_labels}
    out, pos = [], 0
    for line in text.split("\n"):
        cells = [c for c in line.replace("|", "\t").split("\t")]
        filled = [(k, c.strip()) for k, c in enumerate(cells) if c.strip()]
        if len(filled) >= 2 and squeeze(filled[0][1]) in labels and _is_unfilled(filled[1][1]) is True:
            value = filled[1][1]
            at = text.find(value, pos)
            if at >= 0:
                out.append(Unfilled(field="grade", text=value, start=at, end=at + len(value), instruction=True))
        pos += len(line) + 1
    return out


def _prose_total(text: str) -> tuple[float, tuple[int, int]] | None:
    """The total score a report states in prose (综合得分96.5分, 自评得分为 96.9 分)."""
    labels = "|".join(re.escape(x) for x in sorted(table_lexicon().prose_total_labels, key=len, reverse=True))
    norm = normalize(text)
    m = re.search(rf"(?:{labels})\s*(?:为|是|达到|：|:)?\s*(\d{{1,3}}(?:\.\d+)?)\s*分", norm)
    if m is None:
        # 自评得分 | 98.66 |: the label's cell and the figure's cell right beside it on one
        # row (总分 | | | 90 | 89: a total row's cells stand under their columns, not here)
        m = re.search(rf"(?:{labels})[ \u3000]*[\t|｜][ \u3000]*(\d{{1,3}}(?:\.\d+)?)[ \u3000]*分?[ \u3000]*(?=[\t|｜\r\n]|$)", norm)
    if m and float(m.group(1)) <= 100:
        return float(m.group(1)), (m.start(), m.end())
    return None


def _form_kind(report: Report, tables: list[IndicatorTable], layout: str) -> str:
    cues = table_lexicon().forms
    head = squeeze((report.title or "") + report.text[:600])
    if tables and all("actual" not in t.columns for t in tables):
        return "target_table"
    title = report.title or ""
    if "报告" in title[-8:] or (layout == "narrative" and not tables and "表" not in title[-6:]):
        return "narrative_report"
    for kind in ("target_table", "project_form", "department_form"):
        if any(squeeze(c) in head for c in getattr(cues, kind)):
            if kind == "target_table" and any("actual" in t.columns for t in tables):
                continue
            return kind
    if layout == "narrative":
        return "narrative_report"
    return "department_form" if report.tasks and not tables else "project_form"


def _side_by_side(text: str, draft: Draft, lines, tables: list[IndicatorTable]) -> None:
    """预期目标 and 实际完成情况 printed side by side in columns (a PDF text layer, an .xls
    saved with runs of spaces): the lines are cut by the columns, a row with a numbered cell
    opens an item of each column, other lines continue the items above (wrapped cells)."""
    from .labels import match_section
    from .mapped import Mapped

    starts = {t.first_line for t in tables}
    for k, ln in enumerate(lines):
        if ln.shape != "aligned":
            continue
        heads = [(c.col, match_section(c.s)) for c in ln.filled]
        cols = [(col, hit[0]) for col, hit in heads if hit and hit[0] in ("G", "O")]
        if len(cols) == 3 and [sid for _, sid in cols] == ["G", "G", "O"]:
            cols = cols[1:]  # 年度总体目标 | 预期目标 | 实际完成情况: the first is the row's label
        if [sid for _, sid in cols] != ["G", "O"]:
            continue
        # each column's cells: a cell opening with an item number (1. 2.) starts an item,
        # a cell without one continues the item above it (a wrapped line)
        parts: dict[str, list[list[Mapped]]] = {"G": [], "O": []}
        last_sid = ""
        for nxt in lines[k + 1:k + 30]:
            if nxt.index in starts or nxt.shape not in ("aligned", "single"):
                break
            if nxt.shape == "aligned" and match_section(nxt.filled[0].s) and nxt.filled[0].col < cols[0][0] - 4:
                break  # the next field's label (偏差大或目标未完成原因分析 …)
            cells = nxt.filled
            # a row with a cell in each column opens an item of each when one of its cells
            # is numbered; unnumbered, the row is the next line of the cells above (wrapped)
            whole_row = len(cells) == len(cols) and any(
                split_number(c.m).number is not None for c in cells)
            if len(cells) == len(cols):
                placed = [(c, sid) for c, (_, sid) in zip(cells, cols)]  # one cell a column, in order
            elif nxt.shape == "single" and last_sid and _item_start(cells[0].m, 0) is False:
                # a line of its own under a row: the end of the row's last cell, wrapped
                placed = [(cells[0], last_sid)]
            else:
                # the row label (年度总体目标) written down the left edge is no cell of either
                placed = [(c, min(cols, key=lambda hc: abs(hc[0] - c.col))[1]) for c in cells
                          if c.col >= cols[0][0] - 4]
            for c, sid in placed:
                # a row with a cell in each column is an item of each; a lone cell opens an
                # item only with its own number (else it is the wrapped end of the one above)
                if whole_row or not parts[sid] or _item_start(c.m, len(parts[sid]) + 1):
                    parts[sid].append([c.m])
                else:
                    parts[sid][-1].append(c.m)
                last_sid = sid
        for sid, items in parts.items():
            if not items:
                continue
            title = next((c.s for c in ln.filled if c.col == dict((v, k) for k, v in cols)[sid]), ln.filled[0].s)
            sec = draft.sections.setdefault(sid, Section(id=sid, kind=SECTION_KINDS[sid], title=title))
            numbered = len(items) > 1
            paras = []
            for n, ms in enumerate(items if numbered else [[m for it in items for m in it]], 1):
                m = ms[0]
                for x in ms[1:]:
                    m = m + x
                number, body = _item_parts(m, n, len(items)) if numbered else (None, m)
                paras.append(make_paragraph(text, f"{sid}{n}", sid, sec.kind, number, body))
            sec.paragraphs = paras
        return


def _item_start(m, expected: int) -> bool:
    """A cell opening item ``expected``: its own item number, or the number glued to the
    figure after it (1.38处… is item 1 of 38处 where item 1 is due)."""
    return split_number(m).number is not None or normalize(m.chars).startswith(f"{expected}.")


def _item_parts(m, expected: int, count: int = 9):
    """(item number, text) of a cell that opens item ``expected`` of ``count``."""
    it = split_number(m)
    if it.number is not None:
        return it.number, it.text
    # a number glued to the figure after it (1.38处): the item's own number if it is due,
    # else any one-digit item number the column's neighbours make likely
    norm = normalize(m.chars)
    for head in (f"{expected}.", *(f"{k}." for k in range(1, min(count, 9) + 1))):
        if norm.startswith(head):
            return m.chars[:len(head)], m.slice(len(head)).strip()
    return None, m


def _glued_goals(text: str, draft: Draft, lines, classified: bool = False) -> None:
    """预期目标实际完成情况 glued on one line with the goal and the outcome after them (a
    form whose cells were printed with no separator, :mod:`.glued`), where no parser found
    a goal or an outcome (paragraphs ``classified`` by their content are no finding of a
    parser)."""
    from .glued import goal_outcome_labels, goal_outcome_spans
    from .mapped import Mapped

    if (not classified and any(draft.sections.get(sid) and draft.sections[sid].paragraphs for sid in ("G", "O"))) \
            or any(t.target is not None or t.outcome is not None for t in draft.tasks):
        return
    from .glued import PAGE_MARK_RE

    for k, ln in enumerate(lines):
        if ln.shape not in ("single", "aligned"):
            continue
        m = Mapped.span(text, ln.start, ln.end)
        # a page of a document-sharing site breaks the line: the next page's text, after
        # its number 「2、」, continues it
        for nxt in lines[k + 1:k + 3]:
            mark = PAGE_MARK_RE.match(text[nxt.start:nxt.end])
            if nxt.shape == "blank":
                continue
            if mark is None:
                break
            m = m + Mapped.span(text, nxt.start + mark.end(), nxt.end)
        hit = goal_outcome_spans(m.chars)
        if hit is None:
            continue
        titles = goal_outcome_labels(m.chars)
        # a paragraph classified by its content that held this line (no heading was found)
        # read the form's cells as prose: the goal and outcome cells replace it
        lo, hi = m.slice(hit[0][0], hit[1][1]).start, m.slice(hit[0][0], hit[1][1]).end
        for sid, sec in list(draft.sections.items()):
            kept = [p for p in sec.paragraphs if lo is None or p.end <= lo or p.start >= hi]
            if sec.paragraphs and not kept:
                del draft.sections[sid]
            sec.paragraphs = kept
        for sid, (a, b), title in zip(("G", "O"), hit, titles):
            if b <= a:
                continue  # the label with nothing written after it
            sec = draft.sections.setdefault(sid, Section(id=sid, kind=SECTION_KINDS[sid], title=title))
            # (its numbered items written on the one line are items each: 1.… 2.… 3.…)
            pieces = split_inline_items(m.slice(a, b))
            sec.paragraphs = []
            for k, piece in enumerate(pieces):
                it = split_number(piece)
                sec.paragraphs.append(make_paragraph(text, f"{sid}{k + 1}", sid, sec.kind, it.number,
                                                     it.text if it.number else piece))
        return


PAIR_TEXT_MIN = 6  # characters a goal or an outcome cell holds at least


def _spaced_goal_row(text: str, draft: Draft, lines) -> None:
    """年度目标 年度目标完成情况 as the last words of a line, and on the next line the goal
    and the outcome cell with a space between them (a form flattened with single spaces):
    the two cells are the goal and the outcome, whatever paragraph held the line."""
    from .labels import match_section

    for k, ln in enumerate(lines):
        if ln.shape not in ("single", "aligned", "pipe", "tsv"):
            continue
        # (a tab or pipe row of the form, its merged cells empty: 年度总体目标 | 年初设定目标 | | 全年完成情况)
        words = ln.words() if ln.shape == "single" else ln.filled
        if len(words) < 2:
            continue
        if ln.shape in ("pipe", "tsv") and not any(
                p.end <= ln.start for p in (draft.sections.get("G").paragraphs if draft.sections.get("G") else [])):
            # (only for a form appended to a narrative report that stated its goals: a form on
            # its own is read by the form parsers)
            continue
        g, o = match_section(words[-2].s), match_section(words[-1].s)
        if not (g and o and g[0] == "G" and o[0] == "O"):
            continue
        nxt = next((x for x in lines[k + 1:k + 3] if x.shape != "blank"), None)
        if nxt is None or nxt.shape not in ("single", "aligned", "pipe", "tsv") \
                or (nxt.shape in ("pipe", "tsv")) != (ln.shape in ("pipe", "tsv")):
            return
        cells = nxt.words() if nxt.shape == "single" else nxt.filled
        if len(cells) != 2 or any(len(_CJK_RE.findall(c.s)) < PAIR_TEXT_MIN or match_section(c.s)
                                  or match_header(c.s) for c in cells):
            return
        if split_number(cells[0].m).number:
            return  # numbered items one row a line: the side-by-side reading (_side_by_side)
        lo, hi = nxt.start, nxt.end
        for sid, sec in list(draft.sections.items()):
            sec.paragraphs = [p for p in sec.paragraphs if p.end <= lo or p.start >= hi]
        if "G" in draft.sections:
            # the goal cell is the row's goal: the labels above it and the form's rows the
            # reader left under the open heading after it are no goals
            draft.sections["G"].paragraphs = [p for p in draft.sections["G"].paragraphs if p.end <= ln.start]
        for sid, c, title in zip(("G", "O"), cells, (words[-2].s, words[-1].s)):
            sec = draft.sections.setdefault(sid, Section(id=sid, kind=SECTION_KINDS[sid], title=title))
            # (a cell of a tab or pipe row may list its goals: 目标1:…;目标2:…)
            pieces = split_inline_items(c.m) if nxt.shape in ("pipe", "tsv") else [c.m]
            for piece in pieces:
                it = split_number(piece)
                sec.paragraphs.append(make_paragraph(text, sid, sid, sec.kind, it.number,
                                                     it.text if it.number else piece))
            sec.paragraphs.sort(key=lambda p: p.start)
            for n, p in enumerate(sec.paragraphs, 1):
                p.id = f"{sid}{n}"
        return


def _paired_cells(text: str, draft: Draft, lines) -> None:
    """| 预期目标 | 实际完成情况 | <goal> | <outcome> |: a form row exported with its two labels
    first and their texts after them in the next cells (merged cells dropped), where no
    parser found a goal or an outcome."""
    from .labels import match_section

    if any(draft.sections.get(sid) and draft.sections[sid].paragraphs for sid in ("G", "O")) \
            or any(t.target is not None or t.outcome is not None for t in draft.tasks):
        return
    for ln in lines:
        if ln.shape not in ("pipe", "tsv"):
            continue
        cells = ln.filled
        for k in range(len(cells) - 3):
            g, o = match_section(cells[k].s), match_section(cells[k + 1].s)
            if not (g and o and g[0] == "G" and o[0] == "O"):
                continue
            texts = cells[k + 2:k + 4]
            if any(len(squeeze(c.s)) < PAIR_TEXT_MIN or match_section(c.s) or match_header(c.s) for c in texts):
                continue
            for sid, c, title in zip(("G", "O"), texts, (g[1], o[1])):
                sec = draft.sections.setdefault(sid, Section(id=sid, kind=SECTION_KINDS[sid], title=title))
                sec.paragraphs = [make_paragraph(text, f"{sid}1", sid, sec.kind, None, c.m)]
            return


def _goal_column(text: str, draft: Draft, lines, tables: list[IndicatorTable]) -> None:
    """A target table's goal column (| 单位 | 项目 | 预算数 | 年度目标 | 一级指标 | …): each
    project's goal is the text cell right before the first 一级指标 of its row, where no
    parser found goals."""
    from .table import level_kind

    if draft.sections.get("G") and draft.sections["G"].paragraphs:
        return
    lex = table_lexicon()
    goals: list = []
    for tb in tables:
        head = [squeeze(h) for h in tb.header_cells]
        at = next((q for q, h in enumerate(head) if h in lex.goal_columns), None)
        if at is None or at + 1 >= len(tb.columns) or tb.columns[at + 1] != "level1":
            continue
        title = tb.header_cells[at]
        for ln in lines[tb.first_line + 1:tb.last_line + 1]:
            cells = ln.filled if ln.shape in ("pipe", "tsv") else []
            p = next((q for q, c in enumerate(cells) if level_kind(c.s)[0]), None)
            if not p:
                continue
            cell = cells[p - 1]
            q = squeeze(cell.s)
            if len(_CJK_RE.findall(q)) >= PAIR_TEXT_MIN and not match_header(cell.s) and not any(level_kind(q)[:2]) \
                    and all(squeeze(g.chars) != q for g in goals):
                goals.append(cell.m)
        if goals:
            sec = draft.sections.setdefault("G", Section(id="G", kind=SECTION_KINDS["G"], title=title))
            sec.paragraphs = [make_paragraph(text, f"G{k + 1}", "G", sec.kind, None, m) for k, m in enumerate(goals)]
            return


def _glued_tail(text: str, draft: Draft, tables: list[IndicatorTable]) -> None:
    """评价结论, 存在问题 and 改进措施 glued after a table on its line (a form printed with
    no separator), where no parser found those sections."""
    from .glued import tail_fields
    from .labels import match_section
    from .mapped import Mapped

    for tb in tables:
        if tb.tail is None:
            continue
        a0, b0 = tb.tail
        for label, _la, c, e in tail_fields(text[a0:b0]):
            hit = match_section(label)
            if hit is None:
                continue
            sid = hit[0]
            sec = draft.sections.setdefault(sid, Section(id=sid, kind=SECTION_KINDS[sid], title=label))
            if any(p.start is not None and p.start <= a0 + c < p.end for p in sec.paragraphs):
                continue  # read already
            sec.paragraphs.append(make_paragraph(text, f"{sid}{len(sec.paragraphs) + 1}", sid, sec.kind, None,
                                                 Mapped.span(text, a0 + c, a0 + e)))


def _budget_block(draft: Draft, lines, text: str) -> None:
    """Budget figures of the form's 项目资金 block, where the parsers found none."""
    found, parts = find_budget_block(lines)
    if len(found) < 3 and _glued_budget_block(draft, lines, text):
        return
    draft.budget.parts = [BudgetRow(label, {f: v for f, tok in vals.items() if (v := _budget_value(tok)) is not None})
                          for label, vals in parts]
    for row in draft.budget.parts:
        v = row.values
        _ratio_rate(v.get("completion_rate"), v.get("actual_spending"), v.get("adjusted_budget") or v.get("initial_budget"))
    # a whole block read in order beats cells matched by column: columns shift where a
    # text layer drops empty cells
    override = len(found) >= 3
    for field_, tok in found.items():
        if field_ == "parts" or not hasattr(draft.budget, field_) or (
                getattr(draft.budget, field_) is not None and not override):
            continue
        bv = _budget_value(tok)
        if bv is not None:
            setattr(draft.budget, field_, bv)


RATE_TOLERANCE = 0.1  # percentage points a stated rate may differ from its figures (rounding, truncation)


def _settle_budget(b) -> None:
    """A row with fewer cells than the block has headings (a text layer drops an empty
    年初预算数) leaves one cell read as two fields, the spending and the 分值. Where it did,
    and the stated 执行率 is not the spending over the budget as read, but is one amount of
    the block over a larger one, those two are the spending and the budget."""
    act, adj, rate = b.actual_spending, b.adjusted_budget, b.completion_rate
    if act is None or adj is None or rate is None or not adj.value:
        return
    if abs(act.value / adj.value * 100 - rate.value) <= RATE_TOLERANCE:
        return
    fields = [f.name for f in dataclasses.fields(b) if isinstance(getattr(b, f.name), BudgetValue)]
    spans = [(getattr(b, f).start, getattr(b, f).end) for f in fields]
    if len(set(spans)) == len(spans):
        return  # every cell read once: the figures are as the form gives them
    amounts = {(v.start, v.end): v for f in ("initial_budget", "adjusted_budget", "actual_spending")
               if (v := getattr(b, f)) is not None}
    fits = [(a, c) for a in amounts.values() for c in amounts.values()
            if 0 < a.value <= c.value and a is not c and abs(a.value / c.value * 100 - rate.value) <= RATE_TOLERANCE]
    if len(fits) == 1:
        b.actual_spending, b.adjusted_budget = fits[0]


RATIO_RATE_MAX = 1.5  # the largest 执行率 a form writes as a ratio (0.958 for 95.8%)


def _ratio_rate(rate: BudgetValue | None, act: BudgetValue | None, adj: BudgetValue | None) -> None:
    """An 执行率 written as a ratio with no % (0.958: an Excel cell shown as a number) is
    read in percent, where its own spending over its budget says so: the written text
    stays as evidence."""
    if rate is None or "%" in normalize(rate.text) or not 0 < rate.value <= RATIO_RATE_MAX \
            or act is None or adj is None or not adj.value:
        return
    want, got = act.value / adj.value * 100, rate.value * 100
    half = half_unit("".join(normalize(rate.text).split())) * 100
    # (rounded or cut at its last digit: 0.95 for 95.75%)
    if abs(want - got) <= max(half, RATE_TOLERANCE) or 0 <= want - got < 2 * half:
        rate.value = round(got, 6)


def _budget_value(tok) -> BudgetValue | None:
    raw = repair_number(normalize(tok.s))  # ９７.６８％ is 97.68%
    value = _number(raw.replace("%", "").replace(",", "").removesuffix("万元").removesuffix("万"))
    if value is None or tok.m.start is None or tok.m.end is None:
        return None
    return BudgetValue(value=value, text=tok.s, start=tok.m.start, end=tok.m.end)


def _has_budget(draft: Draft) -> bool:
    b = draft.budget
    return any(v is not None for v in (b.adjusted_budget, b.initial_budget, b.actual_spending, b.completion_rate))


def _glued_budget_block(draft: Draft, lines, text: str) -> bool:
    """The block's figures from a line whose cells were glued together (glued_budget.py)."""
    from .glued_budget import glued_budget
    from .mapped import Mapped

    for ln in lines:
        if ln.shape not in ("single", "aligned"):
            continue
        vals = glued_budget(Mapped.span(text, ln.start, ln.end))
        if vals:
            # a cut the form's arithmetic confirms replaces what was read off the same line
            for f in dataclasses.fields(draft.budget):
                old = getattr(draft.budget, f.name)
                if isinstance(old, BudgetValue) and ln.start <= old.start < ln.end:
                    setattr(draft.budget, f.name, None)
        for v in vals:
            if hasattr(draft.budget, v.field):
                value = _number(v.text.replace("%", ""))
                if value is not None:
                    setattr(draft.budget, v.field, BudgetValue(value=value, text=v.text, start=v.start, end=v.end))
        if vals:
            return True
    return False


TREE_LINES_MIN = 3  # lines drawn as branches before a text is read as a tree print-out
_TREE_PREFIX_RE = re.compile(r"^[ \t\u3000]*(?:[│┃|][ \t\u3000]*)*[├└┣┗╠╚][─━═]*")
_BOX_RE = re.compile(r"[\u2500-\u257F]")
_TREE_BAR_RE = re.compile(r"^[ \t\u3000]*(?:[│┃][ \t\u3000]*)+$")


def untree(text: str) -> str:
    """A tree view printed as text (■ 绩效指标 / ├─ 产出指标 / │　├─ 数量指标 / │　│　└─ …) with
    its branch marks made spaces, one for one so offsets hold: the marks draw the outline and
    hold no cell, though a line of them would read as a row of pipes."""
    lines = text.split("\n")
    if sum(1 for ln in lines if _branch(ln)) < TREE_LINES_MIN:
        return text
    out = []
    for ln in lines:
        m = _branch(ln) or _TREE_BAR_RE.match(ln)
        out.append("\u3000" * m.end() + ln[m.end():] if m else ln)
    return "\n".join(out)


def _branch(line: str) -> re.Match | None:
    """The branch marks opening a line of a tree, None for any other line (the rules of a
    box-drawn grid, ├──┼──┤, draw on past their first mark)."""
    m = _TREE_PREFIX_RE.match(line)
    return m if m and not _BOX_RE.search(line, m.end()) else None


FRAME_LETTERS_MIN = 4  # column letters a spreadsheet print's top line names at least
FRAME_ROWS_MIN = 4  # numbered rows under the letters before the frame is read past
_LETTERS_RE = re.compile(r"^[ \u3000]*\t(?:[ \u3000]*[A-Z]{1,2}[ \u3000]*\t?)+$")
_ROW_NUMBER_RE = re.compile(r"^[ \u3000]*(\d{1,4})[ \u3000]*\t")


def unframe(text: str) -> str:
    """A spreadsheet printed with its frame (a top line of column letters, A B C …, and each
    row opening with its row number, 1 2 3 …) with the frame made spaces, one for one so
    offsets hold: the letters and numbers are the sheet's, no cell of the form. Only when
    the letters run A, B, C … in order and the numbers count up from the line after them."""
    lines = text.split("\n")
    top = next((k for k, ln in enumerate(lines[:10]) if _LETTERS_RE.match(ln)), None)
    if top is None:
        return text
    letters = re.findall(r"[A-Z]{1,2}", lines[top])
    if len(letters) < FRAME_LETTERS_MIN or letters != [chr(ord("A") + i) for i in range(len(letters))]:
        return text
    out = lines[:top] + [re.sub(r"[^\t]", " ", lines[top]).replace("\t", " ")]
    expected = 1
    for ln in lines[top + 1:]:
        m = _ROW_NUMBER_RE.match(ln)
        if m and int(m.group(1)) == expected:
            out.append(" " * m.end() + ln[m.end():])
            expected += 1
        else:
            out.append(ln)
    return "\n".join(out) if expected > FRAME_ROWS_MIN else text


LINE_NUMBERS_MIN = 8  # numbered lines of a draft printed with its line numbers
LINE_NUMBERS_SHARE = 0.8  # of its non-empty lines
_LINE_NUMBER_RE = re.compile(r"^[ \t]*(\d{1,4})(?:[ \t]{2,}|\t|(?=[ \t]*\u3000))")


def unnumber(text: str) -> str:
    """A draft printed with Word's line numbers (  3  　　根据县财政局…) with the numbers made
    spaces, one for one so offsets hold: they count the page's lines, no figure of the
    report. Only when nearly every non-empty line opens with one, set apart by spaces, and
    they count up one by one (a blank line between paragraphs takes no number)."""
    lines = text.split("\n")
    filled = [k for k, ln in enumerate(lines) if ln.strip()]
    hits = [(k, _LINE_NUMBER_RE.match(lines[k])) for k in filled]
    numbered = [(k, m) for k, m in hits if m]
    if len(numbered) < LINE_NUMBERS_MIN or len(numbered) < LINE_NUMBERS_SHARE * len(filled):
        return text
    values = [int(m.group(1)) for _, m in numbered]
    steps = sum(1 for a, b in zip(values, values[1:]) if b == a + 1)
    if steps < LINE_NUMBERS_SHARE * (len(values) - 1):
        return text
    for k, m in numbered:
        lines[k] = " " * m.end(1) + lines[k][m.end(1):]
    return "\n".join(lines)


COUNTER_LIMIT_MIN = 100  # a field's length limit as entry screens show it (84/500)
_COUNTER_RE = re.compile(r"(?<=[ \t\u3000])[（(]\s*(\d{1,5})\s*/\s*(\d{3,5})\s*[)）](?=[ \t\u3000\r]*$)", re.M)


def uncount(text: str) -> str:
    """An entry screen copied as text shows each field's character counter after it
    (…满意度93.8%。　　（71/500）): the screen's, no part of the field, so it is made spaces,
    one for one so offsets hold. Only a counter set apart at the end of its line whose count
    is within its limit."""
    def blank(m: re.Match) -> str:
        n, limit = int(m.group(1)), int(m.group(2))
        return " " * len(m.group(0)) if limit >= COUNTER_LIMIT_MIN and n <= limit else m.group(0)

    return _COUNTER_RE.sub(blank, text)


def _cells_on_one_line(text: str, rows: list[Row]) -> str:
    """``text`` with the line breaks inside grid cells made spaces (one character for one,
    so offsets hold); ``text`` itself when no cell holds one."""
    inside = [(c.start, c.end) for row in rows for c in row if "\n" in text[c.start:c.end]]
    if not inside:
        return text
    chars = list(text)
    for a, b in inside:
        for i in range(a, b):
            if chars[i] == "\n":
                chars[i] = " "
    return "".join(chars)


def build(path: str, reader: str, encoding: str | None, text: str, rows: list[Row]) -> Report:
    if len(_CJK_RE.findall(text)) < _MIN_CJK:
        raise ReportError(path, "文件中没有中文报告文字，不像是绩效自评报告",
                          "the file holds no Chinese report text; this does not look like a "
                          "performance self-evaluation report")
    original, text = text, unnumber(uncount(unframe(untree(text))))
    lines = split_lines(text)
    # the table finder reads lines: a cell holding line breaks of its own (a CSV cell in
    # quotes, a Word or Excel cell of two paragraphs) is put on its row's line
    flat = _cells_on_one_line(text, rows)
    tables = find_tables(flat, lines if flat is text else split_lines(flat))
    draft = parse_grid(text, _outside(rows, tables))
    if tables:
        draft.tasks.extend(_table_tasks(flat, tables))
    for tb in tables:
        draft.warnings.extend(tb.warnings)
    layout = draft.layout
    if reader == "text":
        # plain text names its reader by the layout found: the export or running text
        reader = "form-tsv" if draft.layout == "form" else "narrative"
    found_any = any(sec.paragraphs for sec in draft.sections.values()) or draft.tasks
    if not found_any:
        # no heading the reader knows: the paragraphs are classified by what they say
        draft.sections = classify_paragraphs(text, rows)
        draft.warnings.append("未识别到任何章节标题，段落已按内容归类 / no section heading was recognised; "
                              "paragraphs were classified by their content")
    _budget_block(draft, lines, text)
    _spaced_goal_row(text, draft, lines)
    _side_by_side(text, draft, lines, tables)
    _glued_goals(text, draft, lines, classified=not found_any)
    _paired_cells(text, draft, lines)
    _goal_column(text, draft, lines, tables)
    _glued_tail(text, draft, tables)
    _settle_budget(draft.budget)
    b = draft.budget
    _ratio_rate(b.completion_rate, b.actual_spending, b.adjusted_budget or b.initial_budget)
    report = finish(draft, source=path, reader=reader, encoding=encoding, text=original)
    report.layout = tables[0].shape if tables else ("narrative" if layout == "narrative" else "grid")
    report.form = _form_kind(report, tables, layout)
    report.rows_unread = [span for t in tables for span in t.unread]
    report.doubtful, report.rows_sound, doubts = doubtful_spans(tables)
    report.warnings.extend(doubts)
    if tables:
        report.total_weight = next((t.total_weight for t in tables if t.total_weight is not None), None)
        with_total = next((t for t in tables if t.total_score is not None), None)
        if with_total is not None:
            report.total_score, report.total_span = with_total.total_score, with_total.total_span
    elif any(k in squeeze(text) for k in ("三级指标", "年度指标值", "实际完成值", "一级指标")):
        report.warnings.append("未识别到指标表 / no indicator table was recognised")
    prose = _prose_total(text)
    subtotal = report.total_weight is not None and report.total_weight < 100
    if prose is not None and (report.total_score is None or (subtotal and prose[0] > report.total_score)):
        # a 合计 row over the indicators only (90 of 100 points) is no overall total
        report.total_score, report.total_span = prose
        report.total_weight = None
    if report.form == "target_table":
        # a target table has no outcomes by design: nothing is missing
        report.missing_sections = [s for s in report.missing_sections if s in ("G",)]
    _drop_form_foot(report)
    _drop_lead_ins(report)
    _mark_unfilled(report)
    if layout != "narrative" or report.layout != "narrative":
        _mark_empty_fields(report)  # (a form: read as cells, or holding an indicator table)
    report.cut_at = cut_off(original)
    if report.cut_at is not None:
        report.warnings.append("文本在句中或表格行中中断，疑为节选；中断处之后缺失的内容不作为缺陷 / the text breaks off "
                               "mid-sentence or mid-row (an excerpt?); what would follow the cut is not reported missing")
    return report


def _mark_empty_fields(report: Report) -> None:
    """A form's field left with nothing in it at all (| 部门整体支出绩效自评结论 | |): its
    section opened by its label cell, no paragraph under it, nothing recorded for it."""
    marked = {u.field for u in report.unfilled}
    for sid, sec in report.sections.items():
        if sid not in ("G", "O", "P", "Q", "I") or sec.paragraphs or sec.kind in marked or not sec.title \
                or sec.title.lstrip()[:1] in "及和与、暨":
            continue  # (及改进措施: the wrapped end of the label before it, 存在的主要问题及改进措施)
        at = report.text.find(sec.title)
        if at < 0 or not _empty_cell_after(report.text, at + len(sec.title)):
            continue
        end = at + len(sec.title)
        report.unfilled.append(Unfilled(field=sec.kind, text="", start=at, end=end, instruction=False))


def _empty_cell_after(text: str, end: int) -> bool:
    """The label ending at ``end`` has an empty cell beside it on its row (自评结论<TAB><TAB>)
    and what follows is the next field's label or the form's foot, not text the reader
    failed to place under it."""
    from .labels import match_section

    eol = text.find("\n", end)
    rest = text[end: eol if eol >= 0 else len(text)]
    if rest.strip(" \t|｜│\u3000") or not any(ch in rest for ch in "\t|｜│"):
        return False
    for line in text[eol + 1:].split("\n") if eol >= 0 else []:
        cells = [c.strip() for c in re.split(r"[\t|｜│]", line) if c.strip()]
        if not cells:
            continue
        first = cells[0]
        lex = table_lexicon()
        return bool(match_section(first) or header.is_title(first)
                    or squeeze(first).startswith(tuple(squeeze(x) for x in lex.signature_labels)))
    return True


__all__ = ["build", "parse_grid", "SECTION_KINDS", "Section"]
