"""The form parser: a grid of cells (部门整体支出绩效自评表) into a :class:`Draft`.

The form has header rows (部门名称, 被评价年度, budget label/value pairs), a row of
annual goals with their completion narrative beside them, the task table (主要任务:
预期目标 / 目标完成情况 / 关键指标 / 指标完成情况 / 任务涉及资金) and rows that open with a
section label (重点项目绩效情况, 部门整体绩效, 存在问题, 改进措施…) followed by its items,
in the same row or in the rows below.

Exports lose merged cells, so a task's indicator rows can arrive shifted to the left
("name<TAB>result<TAB>funds" from column 0); inside the task table any row that does not
open a new task or a section is read as indicators of the task above, and empty rows do
not end the table.
"""
from __future__ import annotations

import re

from nlp_pipeline.model import Indicator, Task
from nlp_pipeline.text.normalize import normalize

from . import budget as bud
from . import header
from .draft import BASIC, Draft, SectionCollector, make_paragraph
from .grid import Cell, Row, nonempty
from .items import Item, cell_blocks, cell_items, cell_text, split_inline_items, split_number
from .labels import header_label, is_basic_heading, is_task_number, match_column, match_section, squeeze
from .table_lexicon import table_lexicon
from .table import is_furniture
from .mapped import Mapped, join

_P_TAG_RE = re.compile(r"<p\b", re.I)
_FUNDS_RE = re.compile(rf"^\s*({bud.NUMBER})\s*(亿元|万元|千元|元)?\s*$")


# column order of the standard form, for a task table whose header row is missing
_DEFAULT_TASK_COLS = {"task": 0, "target": 1, "outcome": 2, "indicator": 3, "result": 4, "funds": 5}


def looks_like_form(text: str, rows: list[Row]) -> bool:
    """A grid is a form when it has a task-table header or a labelled section row."""
    for row in rows:
        ne = nonempty(row, text)
        if len(ne) >= 3 and _task_header(text, ne):
            return True
        if len(ne) >= 2 and match_section(cell_text(text, ne[0].start, ne[0].end).chars):
            rest = cell_text(text, ne[1].start, ne[1].end).chars
            if len(rest) > 20 or match_section(rest):
                return True
    return False


def _columns(text: str, ne: list[Cell]) -> dict[str, int]:
    """Column name -> column. A later cell wins: the first cell of a header row is often
    the table's label (年度绩效指标 | 一级指标 | … | 三级指标), the real header follows."""
    cols: dict[str, int] = {}
    ignored: list[int] = []
    for c in ne:
        name = match_column(cell_text(text, c.start, c.end).chars)
        if name == "ignore":
            ignored.append(c.col)
        elif name:
            cols[name] = c.col
    if ignored:
        cols.update({f"ignore{k}": col for k, col in enumerate(ignored)})
    return cols


def _task_header(text: str, ne: list[Cell]) -> dict[str, int] | None:
    cols = _columns(text, ne)
    named = [k for k in cols if not k.startswith("ignore")]
    if len(named) >= 3 and "indicator" in cols and cols.keys() & {"target", "task", "result", "target_value"}:
        return cols
    return None


def _form_label(cell: str) -> tuple[str, str] | None:
    """(section, label) of a label cell only a form writes (偏差原因分析 | 1.…)."""
    from .labels import lexicon

    q = squeeze(cell)
    for sid, words in (lexicon().get("form_label_synonyms") or {}).items():
        if q in {squeeze(w) for w in words}:
            return sid, cell.strip()
    return None


_CELL_STOPS = ("。", "；", ";", "！", "？")
# 附件2 on a line of its own: an attachment (a second form) begins
_ATTACHMENT_RE = re.compile(r"附件\s*\d{0,2}\s*[:：]?")
_RULE_GAP_RE = re.compile(r"[\s|｜│┃║\u2500-\u257F]*")


class _FormParser:
    def __init__(self, text: str, rows: list[Row]):
        self.text = text
        self.rows = rows
        self.draft = Draft(layout="form")
        self.sections = SectionCollector()
        self.unit = header.currency_unit(text)
        self.draft.currency_unit = self.unit
        self.task_cols: dict[str, int] | None = None
        self.tasks: list[dict] = []
        self.go_cols: list[tuple[int, str, str]] | None = None
        self.go_rows = 0  # content rows read under the current 预期目标 | 实际完成情况 header
        self.go_end = 0  # where the last of those rows ends in the text
        self.header_end: int | None = None
        self.pending_budget: dict[int, str] = {}
        # whether this table's tasks open with 任务1, 任务2 … (None: not known yet)
        self.numbered_tasks: bool | None = None
        self.indicator_table = False
        # the row label of the labelled block being read (存在的问题和原因 over the rows of
        # its sub-labels): section, column of its cell, label
        self.outer: tuple[str, int, str] | None = None

    # -- helpers -----------------------------------------------------------------------
    def ctext(self, c: Cell) -> str:
        return cell_text(self.text, c.start, c.end).chars

    def warn(self, msg: str) -> None:
        self.draft.warnings.append(msg)

    # -- rows --------------------------------------------------------------------------
    def run(self) -> Draft:
        mode: str | None = None
        for row in self.rows:
            ne = [c for c in nonempty(row, self.text) if not is_furniture(self.ctext(c))]
            if not ne:
                continue
            first = self.ctext(ne[0])
            if len(ne) == 1 and is_furniture(first):
                continue  # a page number, a download site's file name
            if len(ne) == 1 and mode not in (None, "header", "tasks") and not match_section(first) \
                    and (header.is_title(first) or _ATTACHMENT_RE.fullmatch(normalize(first).strip())):
                # the title of a second form (附件2 …自评表) after the sections of the first:
                # its fields are no paragraphs of the last section
                self.sections.close()
                self.outer, mode = None, "header"
                continue
            if mode is None and len(ne) == 1:
                if self.draft.title is None and header.is_title(first):
                    self.draft.title = first.strip()
                    continue
                if self.draft.year is None and header.year_line(first):
                    self.draft.year = header.year_line(first)
                    continue
            if self._foot_row(first):
                continue
            cols = _task_header(self.text, ne) if len(ne) >= 3 else None
            if (cols or match_section(first)) and self.header_end is None:
                self.header_end = ne[0].start
            if cols:
                self._open_task_table(cols, ne)
                mode = "tasks"
                self.sections.close()
                continue
            if self.pending_budget and mode != "tasks" and self._budget_values_row(ne):
                continue
            labels = [match_section(self.ctext(c)) or _form_label(self.ctext(c)) for c in ne]
            if labels[0] and labels[0][0] == "T" and mode != "tasks":
                # 主要任务 row naming fewer columns than a full header, or none at all
                cols = _columns(self.text, ne)
                self._open_task_table(cols if len(cols) >= 2 else _DEFAULT_TASK_COLS, ne)
                mode = "tasks"
                self.sections.close()
                continue
            if self.go_cols and not labels[0] and mode != "tasks" and (
                    not self.go_rows or self._opens_item(ne[0])):
                # the content rows under a 预期目标 | 实际完成情况 header row: the first row, and
                # after it each row that opens a numbered item (1.… | 1.…; 2.… | 2.…), goes to
                # the columns' sections cell by cell; a row that opens no item (自评等级 | 优)
                # ends the block
                col0, sid0, title0 = self.go_cols[0]
                cols_kept = self.go_cols
                if len(ne) == len(self.go_cols) - 1 and ne[0].col <= col0:
                    # 年度总体目标 | 年初设定目标 | 完成情况综述 over 落实… | 落实…: the header
                    # opens with the merged row label and the content row is exported
                    # without it, one cell to the left of its header
                    self.go_cols = [(c.col, s, lab) for c, (_, s, lab) in zip(ne, self.go_cols[1:])]
                mode = self._section_row(sid0, title0, ne)
                self.go_cols, self.go_rows = cols_kept, self.go_rows + 1
                self.go_end = max(c.end for c in ne)
                continue
            if self.go_cols and self.go_rows and not any(labels) and mode != "tasks" and self._wrapped_go_row(ne):
                continue
            if self.go_rows:
                self.go_cols, self.go_rows = None, 0
            if len(ne) >= 2 and all(labels):
                # a row of column headers (预期目标 | 目标完成情况) for the row below
                self.go_cols = [(c.col, lab[0], self.ctext(c).strip()) for c, lab in zip(ne, labels)]
                self.go_rows = 0
                mode = "header" if mode == "tasks" else mode
                continue
            sec = labels[0]
            under_outer = self._under_outer(ne, mode)
            if under_outer and (sec is None or not _names_section(self.outer[2], sec[0])):
                # a sub-label of the block's row label (绩效目标完成情况 over 未完成的绩效目标):
                # the text beside it stays in the block's section, the sub-label is no paragraph
                mode = self._section_row(self.outer[0], self.outer[2], ne[1:])
                continue
            if sec and not (mode == "tasks" and self._indicator_shaped(ne)):
                under_header = mode != "tasks" and self._row_follows_go_header(row)
                cols_kept = self.go_cols if under_header else None
                if not under_outer:
                    # (a sub-label naming the block's own section keeps the block open)
                    self.outer = (sec[0], ne[0].col, first) if len(ne) >= 2 and mode != "tasks" else None
                mode = self._section_row(sec[0], first, ne[1:])
                # a first content row that repeats the merged label (年度总体目标 | 1.… | 1.…):
                # the rows below it with the label left empty keep the header's columns
                self.go_cols, self.go_rows = cols_kept, (1 if cols_kept else 0)
                self.go_end = max(c.end for c in ne)
                continue
            if mode == "tasks":
                self._task_row(ne)
                continue
            if len(ne) >= 2 and mode != "tasks" and is_basic_heading(first) and _prose(self.ctext(ne[1])):
                # 项目概况 | 项目在5个镇实施…: a row of the form's basic part, its sentences
                # read by the number checks as the basic part of a narrative is
                mode = self._section_row(BASIC, first, ne[1:])
                continue
            # header and budget label/value pairs, wherever the form puts them
            if len(ne) >= 2 and self._header_row(ne):
                mode = mode or "header"
                continue
            if mode is None or mode == "header":
                continue
            if len(ne) == 1 and self._outline_heading(ne[0]):
                self.sections.close()  # 四、存在问题及改进措施: its labelled rows follow
                continue
            if len(ne) == 1 and self._plain_heading(ne[0]):
                continue
            for c in ne:
                for b in cell_blocks(self.text, c.start, c.end):
                    self.sections.add(split_number(b), whole=b)
        self.draft.sections = self.sections.build(self.text)
        self.draft.tasks = self._build_tasks()
        if self.draft.organisation is None and self.draft.title:
            self.draft.organisation = header.organisation_from_title(self.draft.title)
        if self.draft.year is None and self.draft.title:
            self.draft.year = header.year_of(self.draft.title)
        return self.draft

    @staticmethod
    def _foot_row(first: str) -> bool:
        """The signature row (项目负责人 | 汪某 | 填报日期 | …) or the grade row (评价等级 | 优)
        of a form: its cells are fields, never paragraphs of the section above them."""
        lex = table_lexicon()
        q = squeeze(first)
        return q.startswith(tuple(squeeze(x) for x in lex.signature_labels)) or q in {
            squeeze(x) for x in lex.grade_labels}

    def _outline_heading(self, c: Cell) -> bool:
        blocks = cell_blocks(self.text, c.start, c.end)
        if len(blocks) != 1:
            return False
        item = split_number(blocks[0])
        return item.style is not None and len(item.text.chars) <= 16 and _names_sections(item.text.chars)

    def _plain_heading(self, c: Cell) -> bool:
        """A heading line of a report laid out with tabs that names no field: 第一节 项目背景
        is skipped; 第一章 项目概况 (the basic part) ends the section before it."""
        from .labels import match_outside

        blocks = cell_blocks(self.text, c.start, c.end)
        if len(blocks) != 1:
            return False
        item = split_number(blocks[0])
        body = item.text.chars.strip(" ：:")
        if item.style not in ("part", "jie", "cn") or not body or len(body) > 16 or re.search(r"[，。；,;\d]", body):
            return False
        if item.style == "jie":
            return True
        if match_outside(body) and not match_section(body):
            self.sections.close()
            return True
        return False

    def _wrapped_go_row(self, ne: list[Cell]) -> bool:
        """A line of a goal/outcome row wrapped inside its cells (a form drawn as text: │ 油菜
        等主要农作物… │ 万亩，覆盖19个… │): each cell continues the item above it in its own
        column's section, when every cell stands in a column of the header."""
        owners = {col: (sid, lab) for col, sid, lab in self.go_cols or []}
        if not ne or any(c.col not in owners or self._opens_item(c) for c in ne):
            return False
        between = self.text[self.go_end:ne[0].start]
        if between.count("\n") > 2 or not _RULE_GAP_RE.fullmatch(between):
            return False  # the next line of the same row only, a rule of the grid at most between
        if any(not self.sections.items.get(owners[c.col][0]) for c in ne):
            return False
        if all(join(self.sections.items[owners[c.col][0]][-1].parts).chars.rstrip().endswith(_CELL_STOPS)
               for c in ne):
            return False  # every cell above ended its sentence: a new row's label (绩 效 指 标), no wrap
        current = self.sections.current
        for c in ne:
            sid, lab = owners[c.col]
            self.sections.open(sid, self.sections.titles.get(sid, lab))
            for b in cell_blocks(self.text, c.start, c.end):
                self.sections.extend(b)
        if current is not None:
            self.sections.open(current, self.sections.titles.get(current, ""))
        self.go_end = max(c.end for c in ne)
        return True

    def _opens_item(self, c: Cell) -> bool:
        blocks = cell_blocks(self.text, c.start, c.end)
        if not blocks:
            return False
        item = split_number(blocks[0])
        if item.style is None:
            return False
        # a heading of the form's outline (四、存在问题及改进措施) is numbered too, but names
        # sections: it ends the goal and outcome rows
        return not (len(item.text.chars) <= 16 and _names_sections(item.text.chars))

    def _row_follows_go_header(self, row: Row) -> bool:
        if not self.go_cols:
            return False
        # the last non-empty row before this one, looked up backwards (rows are many)
        k = next(i for i, r in enumerate(self.rows) if r is row)
        for r in reversed(self.rows[:k]):
            ne = nonempty(r, self.text)
            if ne:
                return all(match_section(self.ctext(c)) for c in ne)
        return False

    def _header_row(self, ne: list[Cell]) -> bool:
        found = False
        pending: dict[int, str] = {}
        for k, c in enumerate(ne):
            label = self.ctext(c)
            nxt = ne[k + 1] if k + 1 < len(ne) else None
            kind = header_label(label)
            # 主管部门：和县农业农村局 | | 实施单位：…: a cell holding its label and its value
            own = re.split(r"[：:]", label, maxsplit=1)[1].strip() if re.search(r"[：:]\s*\S", label) else ""
            value = own or (self.ctext(nxt) if nxt is not None else "")
            if kind and value:
                if kind == "organisation" and self.draft.organisation is None:
                    self.draft.organisation = value.strip()
                    found = True
                elif kind == "year" and self.draft.year is None:
                    self.draft.year = header.year_of(value)
                    found = True
            field = bud.label_field(label)
            if field and getattr(self.draft.budget, field) is None:
                val = bud.value_in(self.text, nxt.start, nxt.end, field, self.unit) if nxt else None
                if val is not None:
                    setattr(self.draft.budget, field, val)
                    found = True
                else:
                    pending[c.col] = field
        if len(pending) >= 2:
            # a row of budget labels: the values stand in the row below, column by column
            self.pending_budget = pending
            found = True
        return found

    def _budget_values_row(self, ne: list[Cell]) -> bool:
        found = False
        for c in ne:
            field = self.pending_budget.get(c.col)
            if field and getattr(self.draft.budget, field) is None:
                val = bud.value_in(self.text, c.start, c.end, field, self.unit)
                if val is not None:
                    setattr(self.draft.budget, field, val)
                    found = True
        if found:
            self.pending_budget = {}
        return found

    def _section_row(self, sid: str, label: str, content: list[Cell]) -> str:
        title = label.strip()
        if not content:
            self.sections.open(sid, title)
            return sid
        targets: list[tuple[Cell, str, str]] = []
        cur, cur_title = sid, title
        switched = False
        for k, c in enumerate(content):
            inline = match_section(self.ctext(c))
            if k == 0 and len(content) >= 2 and not self.go_cols and _label_like(self.ctext(c)) and \
                    (inline is None or (inline[0] != sid and not _names_section(title, inline[0]))):
                # 下一步拟改进措施 | 项目整改和绩效目标调整完善等 | 1.…: a sub-label beside the
                # row label names what the cell holds; the row's label decides its section,
                # but for the money (绩效目标完成情况 | 执行率情况 | 全年预算数…): the basic part
                if is_basic_heading(self.ctext(c)):
                    cur, cur_title = BASIC, self.ctext(c).strip()
                continue
            if inline:
                # 年度绩效目标 | goals | 实际完成情况 | outcomes: a label inside the row
                cur, cur_title, switched = inline[0], self.ctext(c).strip(), True
                continue
            if self.go_cols:
                # the header cell at or left of this column names its section
                owner = [(s, lab) for col, s, lab in self.go_cols if col <= c.col]
                t, t_title = owner[-1] if owner else (sid, title)
                targets.append((c, t, title if t == sid else t_title))
            elif sid == "G" and k >= 1 and not switched:
                # the goals row carries the completion narrative in its next cell
                targets.append((c, "O", _title_of("O")))
            else:
                targets.append((c, cur, cur_title))
        self.go_cols = None
        for c, t, t_title in targets:
            self.sections.open(t, t_title)
            if _P_TAG_RE.search(c.raw(self.text)):
                # each <p> of an export is one paragraph, numbered or not
                for it in cell_items(self.text, c.start, c.end):
                    self.sections.add(it, force_new=True)
            else:
                # lines of a cell: numbered items, wrapped or unnumbered lines continue them
                for b in cell_blocks(self.text, c.start, c.end):
                    for piece in split_inline_items(b):
                        self.sections.add(split_number(piece), whole=piece)
        last = targets[-1][1] if targets else cur
        items = self.sections.items.get(last) or []
        open_end = bool(items) and not join(items[-1].parts).chars.rstrip().endswith(_CELL_STOPS)
        kept = self.sections.item_style if self.sections.current == last and open_end else None
        self.sections.open(last, self.sections.titles.get(last, cur_title))
        if kept and targets:
            # the cell's numbered items stay open: its lines wrapped onto the rows below
            # (a form drawn as text, the label cell left empty there) continue them
            self.sections.item_style = kept
        return last

    def _under_outer(self, ne: list[Cell], mode: str | None) -> bool:
        """A row of a labelled block whose row label is a merged cell left empty: the row
        opens right of the label's column with a sub-label, and its text follows."""
        if self.outer is None or mode in (None, "header", "tasks"):
            return False
        if ne[0].col <= self.outer[1]:
            if len(ne) >= 2:
                self.outer = None  # a row of its own: the block is over
            # (one cell at the row label's column is a line of a cell wrapped there)
            return False
        return len(ne) >= 2 and _label_like(self.ctext(ne[0]))

    def _indicator_shaped(self, ne: list[Cell]) -> bool:
        """name<TAB>short result: an indicator row even if its name sounds like a label.

        A label that is exactly a section synonym, or followed by numbered items or
        sentences, opens the section instead.
        """
        sec = match_section(self.ctext(ne[0]))
        if sec and squeeze(self.ctext(ne[0])) == squeeze(sec[1]):
            return False
        if len(ne) < 2:
            return False
        second = self.ctext(ne[1]).strip()
        if len(second) > 20 or match_section(second) or split_number(Mapped(second, [None] * len(second))).number:
            return False
        return not second.endswith(("。", "；", ";"))

    # -- task table --------------------------------------------------------------------
    def _col(self, name: str) -> int | None:
        return (self.task_cols or {}).get(name)

    def _open_task_table(self, cols: dict[str, int], ne: list[Cell]) -> None:
        self.task_cols = cols
        self.numbered_tasks = None
        if "task" not in cols and "target" not in cols:
            # an indicator table (年度绩效指标) has no tasks: its indicators go to one
            # task named by the table's label
            label = self.ctext(ne[0]) if ne[0].col not in cols.values() else None
            self.tasks.append(self._new_task((label or "绩效指标").strip()))
            self.numbered_tasks = False
            self.indicator_table = True
        else:
            self.indicator_table = False

    @staticmethod
    def _new_task(number: str) -> dict:
        return {"number": number, "target": [], "outcome": [], "indicators": []}

    def _starts_task(self, first: Cell) -> bool:
        task_col = self._col("task")
        if self.indicator_table:
            return False
        if is_task_number(self.ctext(first)) and (task_col is None or first.col <= task_col):
            self.numbered_tasks = True
            return True
        if task_col is None or first.col != task_col or self.numbered_tasks:
            return False
        # tasks named, not numbered (任务名称 column): every row with a name is a task
        self.numbered_tasks = False
        return True

    def _task_row(self, ne: list[Cell]) -> None:
        first = ne[0]
        ind_cols = {self._col(n) for n in ("indicator", "result", "funds", "target_value")} - {None}
        if self._starts_task(first):
            task = self._new_task(self.ctext(first).strip())
            self.tasks.append(task)
            rest = ne[1:]
        elif not self.tasks:
            self.warn(f"任务表中第一个任务之前的行被忽略 / row before the first task ignored: {self.ctext(first)[:30]}")
            return
        else:
            task = self.tasks[-1]
            rest = ne
        is_new = rest is not ne
        by_col = {c.col: c for c in rest}
        if rest and (is_new or set(by_col) & ind_cols):
            for name in ("target", "outcome"):
                col = self._col(name)
                if col is not None and col in by_col:
                    task[name].append(cell_text(self.text, by_col[col].start, by_col[col].end))
            known = set((self.task_cols or {}).values()) - {self._col("task")}
            ind_col = self._col("indicator")
            for c in rest:
                # columns left of the indicator name (一级指标, 二级指标) only group it
                if c.col not in known and not (ind_col is not None and c.col < ind_col and self.indicator_table):
                    self.warn(f"任务表中无法归属的单元格 / task-table cell without a column: {self.ctext(c)[:30]}")
            self._indicators(task, by_col.get(ind_col), by_col.get(self._col("result")),
                             by_col.get(self._col("funds")), by_col.get(self._col("target_value")))
        elif rest:
            # merged cells lost: name, result and funds arrive packed from the left
            name = rest[0]
            result = rest[1] if len(rest) > 1 else None
            funds = rest[2] if len(rest) > 2 else None
            if funds is not None and not _FUNDS_RE.match(normalize(self.ctext(funds))):
                self.warn(f"任务表中无法归属的单元格 / task-table cell without a column: {self.ctext(funds)[:30]}")
                funds = None
            for c in rest[3:]:
                self.warn(f"任务表中无法归属的单元格 / task-table cell without a column: {self.ctext(c)[:30]}")
            self._indicators(task, name, result, funds)

    def _indicators(self, task: dict, name: Cell | None, result: Cell | None, funds: Cell | None,
                    target: Cell | None = None) -> None:
        names = cell_items(self.text, name.start, name.end) if name else []
        results = cell_blocks(self.text, result.start, result.end) if result else []
        targets = [b.chars for b in cell_blocks(self.text, target.start, target.end)] if target else []
        if not names and not results:
            return
        if len(results) > len(names) and names:
            self.warn(f"{task['number']}: 指标完成情况多于指标名称，多出的部分并入最后一项 / "
                      "more results than indicator names; the extra ones join the last")
            results = results[: len(names) - 1] + [join(results[len(names) - 1:])]
        elif len(names) > len(results) and results:
            self.warn(f"{task['number']}: 指标名称多于指标完成情况 / more indicator names than results")
        n = max(len(names), len(results))
        money = self._funds(funds, n, task)
        for k in range(n):
            nm = names[k] if k < len(names) else Item(None, None, Mapped())
            if nm.text.chars and nm.text.start is None:
                continue  # a name made only of decoded entities (&amp;) maps to no text to quote
            if nm.text.chars and _value_like(nm.text.chars):
                continue  # 1.5亩, 10: a value read out of its column, no indicator's name
            rs = results[k] if k < len(results) else None
            tv = targets[k] if k < len(targets) else None
            task["indicators"].append((nm, rs, money[k], tv))

    def _funds(self, cell: Cell | None, n: int, task: dict) -> list[float | None]:
        out: list[float | None] = [None] * n
        if cell is None or n == 0:
            return out
        blocks = cell_blocks(self.text, cell.start, cell.end)
        vals = []
        for b in blocks:
            m = _FUNDS_RE.match(normalize(b.chars))
            if not m:
                self.warn(f"{task['number']}: 无法识别的资金数 / unreadable amount: {b.chars[:20]}")
                vals.append(None)
                continue
            v = float(m.group(1).replace(",", ""))
            unit = m.group(2)
            if unit and self.unit and unit != self.unit:
                from .labels import currency_factor

                v = v * currency_factor(unit) / currency_factor(self.unit)
            vals.append(v)
        if len(vals) == n:
            return vals
        # one amount for several indicators of the row: it belongs to the first
        out[0] = vals[0] if vals else None
        return out

    def _build_tasks(self) -> list[Task]:
        tasks = []
        for k, t in enumerate(self.tasks, 1):
            tid = f"T{k}"
            tgt = join(t["target"]).strip() if t["target"] else None
            out = join(t["outcome"]).strip() if t["outcome"] else None
            target = make_paragraph(self.text, tid, "T", "task", t["number"], tgt) if tgt and tgt.chars else None
            outcome = (make_paragraph(self.text, f"{tid}.outcome", "T", "task_outcome", None, out)
                       if out and out.chars else None)
            inds = []
            for j, (nm, rs, money, tv) in enumerate(t["indicators"], 1):
                np_ = (make_paragraph(self.text, f"{tid}.k{j}", "T", "indicator", nm.number, nm.text)
                       if nm.text.chars else None)
                rp = (make_paragraph(self.text, f"{tid}.r{j}", "T", "indicator_result", None, rs)
                      if rs is not None and rs.chars else None)
                inds.append(Indicator(name=nm.text.chars, result=rs.chars if rs is not None else "", funds=money,
                                      name_paragraph=np_, result_paragraph=rp, target=tv))
            tasks.append(Task(id=tid, number=t["number"], target=target, outcome=outcome, indicators=inds))
        return tasks


_VALUE_MARKS_RE = re.compile(r"[\d.,%‰≥≤<>＞＜＝=~～\-—\s]")


PROSE_MIN = 16  # characters of a cell that is a sentence, not a header field's value
LABEL_MAX = 30  # characters of a sub-label cell (自评结果应用情况，包括拟与预算安排相结合等)


def _prose(cell: str) -> bool:
    """A cell of running text (sentences), not a field value such as a name or a date."""
    s = cell.strip()
    return len(s) >= PROSE_MIN and any(ch in s for ch in "，。；,;")


def _value_like(name: str) -> bool:
    """A cell that is a figure with at most a short unit (1.5亩, 10, ≥95%), not a name."""
    s = name.strip()
    return bool(s) and (s[0].isdigit() or s[0] in "≥≤<>＞＜") and len(_VALUE_MARKS_RE.sub("", s)) <= 2


def _label_like(cell: str) -> bool:
    """A short cell that names a field (执行率情况, 本年度绩效存在的问题和原因), not text:
    no figure, no item number, no sentence, no template instruction in brackets."""
    s = normalize(cell).strip()
    if not 2 <= len(s) <= LABEL_MAX or re.search(r"\d|[。；;！!？?]", s) or s[0] in "（([【":
        return False
    return split_number(Mapped(s, [None] * len(s))).style is None


def _names_section(label: str, sid: str) -> bool:
    """Whether a row label names section ``sid`` (存在问题及改进措施 names both)."""
    parts = [label] + [p for p in re.split(r"[及和与、]", label) if p]
    return any((m := match_section(p)) and m[0] == sid for p in parts)


def _names_sections(label: str) -> bool:
    """A short label made of section names (存在问题及改进措施, 年度总体目标完成情况)."""
    if match_section(label):
        return True
    parts = [p for p in re.split(r"[及和与、]", label) if p]
    return len(parts) >= 2 and all(match_section(p) for p in parts)


def _title_of(sid: str) -> str:
    from .labels import section_title

    return section_title(sid)


def parse_form(text: str, rows: list[Row]) -> Draft:
    """Read a grid of cells as the 部门整体支出绩效自评表."""
    parser = _FormParser(text, rows)
    draft = parser.run()
    # budget figures written as sentences above the form instead of label cells, in the
    # unit written after them where the form names none (as the narrative reader does)
    if draft.currency_unit is None:
        draft.currency_unit = bud.first_amount_unit(text)
    bud.budget_from_text(text, draft.currency_unit, draft.budget, 0, parser.header_end or 0)
    return draft
