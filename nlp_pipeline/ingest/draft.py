"""What a parser collects before it becomes a :class:`Report`, and the step between."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from nlp_pipeline.model import SECTION_KINDS, Budget, Paragraph, Report, Section, Task

from .items import Item, in_sequence, label_number, number_value
from .labels import STYLE_DEPTH, lexicon, section_title
from .mapped import Mapped, join, join_lines


def make_paragraph(text: str, pid: str, section: str, kind: str, number: str | None, m: Mapped) -> Paragraph:
    start = m.start if m.start is not None else 0
    end = m.end if m.end is not None else start
    return Paragraph(id=pid, section=section, kind=kind, number=number, text=m.chars, start=start,
                     end=end, segments=m.segments(text))


# Section id of the text under a heading the reader could not classify: kept (never
# dropped), but no detector reads it as goals, outcomes, problems or measures.
UNCLASSIFIED = "U"
UNCLASSIFIED_KIND = "unclassified"
# Section id of the report's basic part (部门概况, 预算收支情况): budget sentences and their
# breakdowns, read by the number checks (docs/CONVENTIONS.md: gold place B), never as
# goals, outcomes, problems or measures.
BASIC = "B"
BASIC_KIND = "basic"
_KINDS = {UNCLASSIFIED: UNCLASSIFIED_KIND, BASIC: BASIC_KIND}


@dataclass
class _Open:
    number: str | None
    style: str | None
    parts: list[Mapped]


class SectionCollector:
    """Items of the sections in document order, with the rule for numbered lists.

    The first numbered style under a heading is the item style; a line numbered in a
    deeper style, or not numbered, continues the current item; a line in the item style
    (or shallower) starts a new one. Without numbering, each line is its own paragraph.
    """

    def __init__(self) -> None:
        self.titles: dict[str, str] = {}
        self.items: dict[str, list[_Open]] = {}
        self.current: str | None = None
        self.item_style: str | None = None
        # where each heading of a section began its items (a section may be headed twice)
        self.openings: dict[str, list[int]] = {}

    def open(self, sid: str, title: str) -> None:
        self.titles.setdefault(sid, title)
        self.items.setdefault(sid, [])
        self.openings.setdefault(sid, []).append(len(self.items[sid]))
        self.current = sid
        self.item_style = None

    def count(self, sid: str) -> int:
        """Items collected so far under ``sid``."""
        return len(self.items.get(sid, []))

    def close(self) -> None:
        self.current = None
        self.item_style = None

    def add(self, item: Item, whole: Mapped | None = None, force_new: bool = False) -> None:
        """Add a line; ``whole`` is the line with its number, used when it continues."""
        if self.current is None or not (item.text.chars or item.number):
            return
        items = self.items[self.current]
        if item.style is None and whole is not None and not force_new:
            # "3.12345热线…" or "2.2023届…" reads as a decimal, but after item 2 (or 1) it
            # is the next item
            last = items[-1].number if items else None
            prev = number_value(last) if last else (0 if self.item_style is None else None)
            if prev is not None:
                item = in_sequence(whole, prev) or item
        whole = whole if whole is not None else item.text
        st = item.style
        if force_new:
            items.append(_Open(item.number, st, [item.text]))
            return
        if st is not None:
            if self.item_style is None or STYLE_DEPTH[st] <= STYLE_DEPTH[self.item_style] or not items:
                self.item_style = st
                items.append(_Open(item.number, st, [item.text]))
            else:
                items[-1].parts.append(whole)
            return
        if self.item_style is not None and items:
            items[-1].parts.append(whole)
        else:
            items.append(_Open(None, None, [item.text]))

    def last_number(self, sid: str) -> int | None:
        """The value of the item number of the last paragraph of ``sid`` (None: none): its
        item number, else the number of a labelled cell (目标2：…)."""
        items = self.items.get(sid) or []
        if not items:
            return None
        if items[-1].number:
            return number_value(items[-1].number)
        return label_number(items[-1].parts[0].chars) if items[-1].parts else None

    def extend(self, m: Mapped) -> bool:
        """Append a line to the last item of the current section (a sentence that
        continues it, such as the 其中 breakdown of its total)."""
        if self.current is None or not self.items.get(self.current):
            return False
        self.items[self.current][-1].parts.append(m)
        return True

    def _project_lists_apart(self) -> None:
        """Outcomes headed twice, once as a list of projects one line each (三、项目实施情况：
        1.某村某项目：计划投资…，实际支出…；建设…), once as the goals' outcomes (四、绩效目标完成
        情况): the list is the report's key projects (K), each line one project's account."""
        starts = self.openings.get("O") or []
        if len(starts) < 2 or self.items.get("K"):
            return
        items = self.items["O"]
        bounds = list(zip(starts, starts[1:] + [len(items)]))
        lists = [(a, b) for a, b in bounds if _project_lines(items[a:b])]
        if not lists or len(lists) == len(bounds):
            return
        self.items["K"] = [it for a, b in lists for it in items[a:b]]
        self.titles.setdefault("K", self.titles["O"])
        self.items["O"] = [it for a, b in bounds if (a, b) not in lists for it in items[a:b]]

    def build(self, text: str) -> dict[str, Section]:
        out: dict[str, Section] = {}
        self._project_lists_apart()
        for sid in self.items:
            kind = _KINDS.get(sid) or SECTION_KINDS.get(sid, sid)
            sec = Section(id=sid, kind=kind, title=self.titles[sid])
            for k, it in enumerate(x for x in self.items[sid] if join(x.parts).strip().chars):
                m = join_lines(it.parts).strip()
                sec.paragraphs.append(make_paragraph(text, f"{sid}{k + 1}", sid, sec.kind, it.number, m))
            if sec.paragraphs or sid not in _KINDS:
                out[sid] = sec
        return out


PROJECT_LINES_MIN = 3  # lines a list of projects has at least
PROJECT_LINES_SHARE = 0.6  # share of its lines that open with a project's name and a colon
PROJECT_NAME_MAX = 30  # characters of a project's name before its colon


def _project_lines(items: list[_Open]) -> bool:
    named = 0
    for it in items:
        head = join(it.parts).chars[:PROJECT_NAME_MAX + 1]
        k = next((i for i, ch in enumerate(head) if ch in "：:"), None)
        named += k is not None and head[:k].rstrip().endswith("项目")
    return len(items) >= PROJECT_LINES_MIN and named >= PROJECT_LINES_SHARE * len(items)


@dataclass
class Draft:
    layout: str  # "form" or "narrative"
    title: str | None = None
    organisation: str | None = None
    year: int | None = None
    currency_unit: str | None = None
    budget: Budget = field(default_factory=Budget)
    sections: dict[str, Section] = field(default_factory=dict)
    tasks: list[Task] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def finish(draft: Draft, *, source: str, reader: str, encoding: str | None, text: str) -> Report:
    from .labels import currency_factor

    _tasks_from_section(draft)
    _indicator_results_as_outcome(draft)
    _performance_as_outcome(draft)
    _labelled_project_items(draft)
    present = {sid for sid, sec in draft.sections.items() if sec.paragraphs}
    if draft.tasks:
        present.add("T")
    expected = lexicon()["expected"][draft.layout]
    sections = {sid: draft.sections[sid] for sid in expected if sid in draft.sections and sid != "T"}
    for sid, sec in draft.sections.items():
        sections.setdefault(sid, sec)
    return Report(
        source=source,
        reader=reader,
        encoding=encoding,
        text=text,
        organisation=draft.organisation,
        year=draft.year,
        currency_unit=draft.currency_unit,
        currency_factor=currency_factor(draft.currency_unit),
        title=draft.title,
        budget=draft.budget,
        sections=sections,
        tasks=draft.tasks,
        missing_sections=[sid for sid in expected if sid not in present],
        warnings=draft.warnings,
    )


PROJECT_LABEL_MAX = 10  # characters of an item's label inside a project's part (绩效目标：)


def _labelled_project_items(draft: Draft) -> None:
    """A key project's part written as labelled items (1.绩效目标：… 2.完成情况：…): the item
    labelled with a goal's name is the project's goal, the one labelled with an outcome's
    name its outcome. The section stays K; the paragraph's kind says which it is."""
    from .labels import match_section

    sec = draft.sections.get("K")
    for p in sec.paragraphs if sec else []:
        k = next((i for i, ch in enumerate(p.text[:PROJECT_LABEL_MAX + 1]) if ch in "：:"), None)
        hit = match_section(p.text[:k], 2) if k else None
        if hit and hit[0] == "G":
            p.kind = SECTION_KINDS["G"]
        elif hit and hit[0] == "O":
            p.kind = SECTION_KINDS["O"]


RESULT_SHARE = 0.6  # share of an unnamed part's items that state a figure to be read as results


def _indicator_results_as_outcome(draft: Draft) -> None:
    """A report with goals and no outcome section whose part under an unknown heading
    (三、绩效指标完成情况) reports figure by figure: that part is its outcomes."""
    unk, goals = draft.sections.get("U"), draft.sections.get("G")
    if unk is None or not unk.paragraphs or goals is None or not goals.paragraphs:
        return
    if draft.sections.get("O") is not None and draft.sections["O"].paragraphs:
        return
    if "完成" not in unk.title and "绩效" not in unk.title:
        return
    figured = [p for p in unk.paragraphs if any(ch.isdigit() for ch in p.text)]
    if len(figured) < RESULT_SHARE * len(unk.paragraphs):
        return
    paras = [dataclasses.replace(p, id="O" + p.id[1:], section="O", kind="outcome") for p in unk.paragraphs]
    draft.sections.pop("U")
    draft.sections["O"] = dataclasses.replace(unk, id="O", kind="outcome", paragraphs=paras)


def _performance_as_outcome(draft: Draft) -> None:
    """A report whose results are all under one performance heading (主要绩效, 整体绩效) and
    that has no 目标完成情况 reports its goals' outcomes there: that section is its outcome
    section O (with 目标完成情况 beside it, 主要绩效 stays the overall performance P)."""
    perf, goals = draft.sections.get("P"), draft.sections.get("G")
    if perf is None or not perf.paragraphs or goals is None or not goals.paragraphs:
        return
    if draft.sections.get("O") is not None and draft.sections["O"].paragraphs:
        return
    paras = [dataclasses.replace(p, id="O" + p.id[1:], section="O", kind="outcome") for p in perf.paragraphs]
    draft.sections.pop("P")
    draft.sections["O"] = dataclasses.replace(perf, id="O", kind="outcome", paragraphs=paras)


def _tasks_from_section(draft: Draft) -> None:
    """Items under a 主要任务 heading of running text are tasks with a target only:
    tasks live in Report.tasks, never as a section."""
    sec = draft.sections.pop("T", None)
    if sec is None or draft.tasks:
        return
    for k, p in enumerate(sec.paragraphs, 1):
        tid = f"T{k}"
        target = dataclasses.replace(p, id=tid, section="T", kind="task")
        draft.tasks.append(Task(id=tid, number=p.number or tid, target=target, outcome=None))


__all__ = ["UNCLASSIFIED", "BASIC", "Draft", "SectionCollector", "finish", "make_paragraph", "section_title"]
