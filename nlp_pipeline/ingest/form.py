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
from .draft import Draft, SectionCollector, make_paragraph
from .grid import Cell, Row, nonempty
from .items import Item, cell_blocks, cell_items, cell_text, split_number
from .labels import header_label, is_task_number, match_column, match_section
from .mapped import Mapped, join

_FUNDS_RE = re.compile(rf"^\s*({bud.NUMBER})\s*(亿元|万元|千元|元)?\s*$")


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


def _task_header(text: str, ne: list[Cell]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for c in ne:
        name = match_column(cell_text(text, c.start, c.end).chars)
        if name and name not in cols:
            cols[name] = c.col
    if len(cols) >= 3 and "indicator" in cols and ("target" in cols or "task" in cols):
        return cols
    return None


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
        self.go_cols: list[tuple[int, str]] | None = None
        self.header_end: int | None = None

    # -- helpers -----------------------------------------------------------------------
    def ctext(self, c: Cell) -> str:
        return cell_text(self.text, c.start, c.end).chars

    def warn(self, msg: str) -> None:
        self.draft.warnings.append(msg)

    # -- rows --------------------------------------------------------------------------
    def run(self) -> Draft:
        mode: str | None = None
        for row in self.rows:
            ne = nonempty(row, self.text)
            if not ne:
                continue
            first = self.ctext(ne[0])
            if self.draft.title is None and len(ne) == 1 and header.is_title(first) and mode is None:
                self.draft.title = first.strip()
                continue
            cols = _task_header(self.text, ne) if len(ne) >= 3 else None
            if (cols or match_section(first)) and self.header_end is None:
                self.header_end = ne[0].start
            if cols:
                self.task_cols = cols
                mode = "tasks"
                self.sections.close()
                continue
            labels = [match_section(self.ctext(c)) for c in ne]
            if len(ne) >= 2 and all(labels):
                # a row of column headers (预期目标 | 目标完成情况) for the row below
                self.go_cols = [(c.col, lab[0]) for c, lab in zip(ne, labels)]
                continue
            sec = labels[0]
            if sec and not (mode == "tasks" and self._indicator_shaped(ne)):
                mode = self._section_row(sec[0], first, ne[1:])
                continue
            if mode == "tasks":
                self._task_row(ne)
                continue
            if mode is None or mode == "header":
                if self._header_row(ne):
                    mode = "header"
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

    def _header_row(self, ne: list[Cell]) -> bool:
        found = False
        for k, c in enumerate(ne[:-1]):
            label = self.ctext(c)
            nxt = ne[k + 1]
            kind = header_label(label)
            if kind == "organisation" and self.draft.organisation is None:
                self.draft.organisation = self.ctext(nxt).strip()
                found = True
            elif kind == "year" and self.draft.year is None:
                self.draft.year = header.year_of(self.ctext(nxt))
                found = True
            field = bud.label_field(label)
            if field and getattr(self.draft.budget, field) is None:
                val = bud.value_in(self.text, nxt.start, nxt.end, field, self.unit)
                if val is not None:
                    setattr(self.draft.budget, field, val)
                    found = True
        return found

    def _section_row(self, sid: str, label: str, content: list[Cell]) -> str:
        title = label.strip()
        if not content:
            self.sections.open(sid, title)
            return sid
        targets: list[str] = []
        for k, c in enumerate(content):
            if self.go_cols:
                # the header cell at or left of this column names its section
                owner = [s for col, s in self.go_cols if col <= c.col]
                targets.append(owner[-1] if owner else sid)
            elif sid == "G" and k >= 1:
                # the goals row carries the completion narrative in its next cell
                targets.append("O")
            else:
                targets.append(sid)
        self.go_cols = None
        for c, t in zip(content, targets):
            self.sections.open(t, title if t == sid else _title_of(t))
            for it in cell_items(self.text, c.start, c.end):
                self.sections.add(it, force_new=True)
        self.sections.open(targets[-1], self.sections.titles[targets[-1]])
        return targets[-1]

    def _indicator_shaped(self, ne: list[Cell]) -> bool:
        """name<TAB>short result: an indicator row even if its name sounds like a label."""
        return len(ne) >= 2 and len(self.ctext(ne[1])) <= 20 and not match_section(self.ctext(ne[1]))

    # -- task table --------------------------------------------------------------------
    def _col(self, name: str) -> int | None:
        return (self.task_cols or {}).get(name)

    def _task_row(self, ne: list[Cell]) -> None:
        first = ne[0]
        task_col = self._col("task")
        ind_cols = {self._col(n) for n in ("indicator", "result", "funds")} - {None}
        if is_task_number(self.ctext(first)) and (task_col is None or first.col <= task_col):
            task = {"number": self.ctext(first).strip(), "target": [], "outcome": [], "indicators": [],
                    "number_cell": first}
            self.tasks.append(task)
            rest = ne[1:]
        elif not self.tasks:
            self.warn(f"任务表中第一个任务之前的行被忽略：{self.ctext(first)[:30]}")
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
            known = {self._col(n) for n in ("target", "outcome", "indicator", "result", "funds")}
            for c in rest:
                if c.col not in known:
                    self.warn(f"任务表中无法归属的单元格：{self.ctext(c)[:30]}")
            self._indicators(task, by_col.get(self._col("indicator")), by_col.get(self._col("result")),
                             by_col.get(self._col("funds")))
        elif rest:
            # merged cells lost: name, result and funds arrive packed from the left
            name = rest[0]
            result = rest[1] if len(rest) > 1 else None
            funds = rest[2] if len(rest) > 2 else None
            if funds is not None and not _FUNDS_RE.match(normalize(self.ctext(funds))):
                self.warn(f"任务表中无法归属的单元格：{self.ctext(funds)[:30]}")
                funds = None
            for c in rest[3:]:
                self.warn(f"任务表中无法归属的单元格：{self.ctext(c)[:30]}")
            self._indicators(task, name, result, funds)

    def _indicators(self, task: dict, name: Cell | None, result: Cell | None, funds: Cell | None) -> None:
        names = cell_items(self.text, name.start, name.end) if name else []
        results = cell_blocks(self.text, result.start, result.end) if result else []
        if not names and not results:
            return
        if len(results) > len(names) and names:
            self.warn(f"{task['number']}: 指标完成情况多于指标名称，多出的部分并入最后一项")
            results = results[: len(names) - 1] + [join(results[len(names) - 1:])]
        elif len(names) > len(results) and results:
            self.warn(f"{task['number']}: 指标名称多于指标完成情况")
        n = max(len(names), len(results))
        money = self._funds(funds, n, task)
        for k in range(n):
            nm = names[k] if k < len(names) else Item(None, None, Mapped())
            rs = results[k] if k < len(results) else None
            task["indicators"].append((nm, rs, money[k]))

    def _funds(self, cell: Cell | None, n: int, task: dict) -> list[float | None]:
        out: list[float | None] = [None] * n
        if cell is None or n == 0:
            return out
        blocks = cell_blocks(self.text, cell.start, cell.end)
        vals = []
        for b in blocks:
            m = _FUNDS_RE.match(normalize(b.chars))
            if not m:
                self.warn(f"{task['number']}: 无法识别的资金数：{b.chars[:20]}")
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
            for j, (nm, rs, money) in enumerate(t["indicators"], 1):
                np_ = (make_paragraph(self.text, f"{tid}.k{j}", "T", "indicator", nm.number, nm.text)
                       if nm.text.chars else None)
                rp = (make_paragraph(self.text, f"{tid}.r{j}", "T", "indicator_result", None, rs)
                      if rs is not None and rs.chars else None)
                inds.append(Indicator(name=nm.text.chars, result=rs.chars if rs is not None else "", funds=money,
                                      name_paragraph=np_, result_paragraph=rp))
            tasks.append(Task(id=tid, number=t["number"], target=target, outcome=outcome, indicators=inds))
        return tasks


def _title_of(sid: str) -> str:
    from .labels import section_title

    return section_title(sid)


def parse_form(text: str, rows: list[Row]) -> Draft:
    """Read a grid of cells as the 部门整体支出绩效自评表."""
    parser = _FormParser(text, rows)
    draft = parser.run()
    # budget figures written as sentences above the form instead of label cells
    bud.budget_from_text(text, draft.currency_unit, draft.budget, 0, parser.header_end or 0)
    return draft
