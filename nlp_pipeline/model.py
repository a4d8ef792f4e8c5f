"""Plain dataclasses for the data that flows between the stages.

Every offset in this module is a character offset into ``Report.text``: the decoded text
of the source file (for formats that are not plain text, the text the reader rendered from
it, stored whole so a reader of a finding can check it). Paragraph texts are cleaned
(markup removed, item numbers split off) and carry a piecewise map back to those offsets.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any, Callable

# Section ids follow the gold files: G annual goals, O goal-completion narrative, T tasks,
# K key projects, P overall performance, Q problems, I improvement measures.
SECTION_KINDS: dict[str, str] = {
    "G": "goal",
    "O": "outcome",
    "T": "task",
    "K": "key_project",
    "P": "performance",
    "Q": "problem",
    "I": "improvement",
}


@dataclass
class Paragraph:
    """One paragraph or list item.

    ``segments`` maps positions in ``text`` back to ``Report.text``: each entry
    ``(text_start, orig_start, length)`` says that ``text[text_start:text_start+length]``
    equals ``Report.text[orig_start:orig_start+length]``. Characters not covered by a
    segment (joining newlines) map to the nearest preceding original position.
    """

    id: str  # "G1", "T3" (task target), "T3.outcome", "T3.k2" (indicator 2 of task 3)
    section: str  # "G", "O", "T", ...
    kind: str  # SECTION_KINDS value, or "task_outcome"/"indicator" inside a task
    number: str | None  # item number as written ("1.", "（二）", "任务3"), None if unnumbered
    text: str  # cleaned text, item number removed
    start: int  # offset of the first text character in Report.text
    end: int  # offset after the last text character in Report.text
    segments: list[tuple[int, int, int]] = field(default_factory=list)

    def orig(self, i: int) -> int:
        """Offset in Report.text of position ``i`` of ``self.text`` (i may equal len)."""
        if not self.segments:
            return self.start + i
        best = self.segments[0]
        for seg in self.segments:
            if seg[0] <= i:
                best = seg
            else:
                break
        ts, os_, ln = best
        return os_ + min(i - ts, ln)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Offsets in Report.text of ``self.text[i:j]``."""
        if j <= i:
            o = self.orig(i)
            return o, o
        return self.orig(i), self.orig(j - 1) + 1


@dataclass
class Section:
    id: str  # "G", "O", ...
    kind: str
    title: str  # label as written in the report ("存在问题", "改进措施或下一步计划")
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Indicator:
    name: str
    result: str  # as written ("100%", "已完成", "120家次")
    funds: float | None = None  # in the report's currency unit (see Report.currency_unit)
    name_paragraph: Paragraph | None = None  # id "T3.k1"
    result_paragraph: Paragraph | None = None  # id "T3.r1"
    target: str | None = None  # target value as written, where the form has one
    # columns of an indicator table (一级指标 … 得分 … 偏差原因), where the form has them
    level1: str | None = None
    level2: str | None = None
    weight: float | None = None  # 分值
    score: float | None = None  # 得分
    reason: str | None = None  # 偏差原因分析及改进措施 as written ("" when left empty)
    weight_text: str | None = None  # 分值 / 得分 as written, for evidence
    score_text: str | None = None  # (the 扣分 cell's text where the score is the points less it)
    deduction: float | None = None  # 扣分, where a 评分表 scores by deductions (score = weight − deduction)


@dataclass
class Task:
    id: str  # "T1"
    number: str  # as written: "任务1"
    target: Paragraph | None  # 预期目标, paragraph id "T1"
    outcome: Paragraph | None  # 目标完成情况, paragraph id "T1.outcome"
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def funds(self) -> float | None:
        vals = [i.funds for i in self.indicators if i.funds is not None]
        return sum(vals) if vals else None


@dataclass
class BudgetValue:
    value: float  # as a number in the report's currency unit
    text: str  # as written ("11,419.55", "97.54%")
    start: int
    end: int
    # "label": under a label cell or phrase (年初预算数, 实际支出); "prose": taken from the
    # wording of a funds sentence (下达…资金318万元), a weaker reading
    source: str = "label"


@dataclass
class Budget:
    adjusted_budget: BudgetValue | None = None  # 调整预算 / 全年预算数
    initial_budget: BudgetValue | None = None  # 年初预算
    actual_spending: BudgetValue | None = None  # 实际支出 / 执行数
    adjustment: BudgetValue | None = None  # 年度预算调整数
    general_public_budget: BudgetValue | None = None  # 其中：一般公共预算
    completion_rate: BudgetValue | None = None  # 预算完成率 / 执行率 (percent)
    adjustment_rate: BudgetValue | None = None  # 预算调整率 (percent)
    weight: BudgetValue | None = None  # 分值 of the budget-execution row of a form
    score: BudgetValue | None = None  # 得分 of that row
    # the rows under the block's total row (其中：当年财政拨款 / 上年结转资金 / 其他资金), each
    # its label and its figures by column (the fields above); a dash or an empty cell is absent
    parts: list[BudgetRow] = field(default_factory=list)


@dataclass
class BudgetRow:
    label: str
    values: dict[str, BudgetValue] = field(default_factory=dict)


@dataclass
class Unfilled:
    """A field the form asks for, left empty or still holding the template's text."""

    field: str  # section kind ("problem", "goal", …) or indicator column ("reason")
    text: str  # as written ("无", "（填写…）")
    start: int
    end: int
    instruction: bool = False  # the template's instruction text rather than 无/暂无
    # the item's own id where its section goes on with other items (O4 between O3 and O5);
    # None where the field is the whole section
    paragraph: str | None = None


@dataclass
class OcrBox:
    """A text box recognised on a scanned page, and where its text landed in Report.text."""

    page: int  # 1-based page (image) of the file
    start: int  # offsets into Report.text
    end: int
    box: list[float]  # x0, y0, x1, y1 in pixels of the page as read (after turning it upright)
    score: float  # the recogniser's mean character confidence, 0..1


@dataclass
class Report:
    source: str  # path of the file it came from
    reader: str  # name of the reader used ("form-tsv", "html", "docx", ...)
    encoding: str | None  # detected text encoding, None for binary formats
    text: str  # the text every offset refers to
    organisation: str | None = None
    year: int | None = None
    currency_unit: str | None = None  # "万元", "元"
    currency_factor: float = 1.0  # yuan per currency unit (万元 -> 10000)
    title: str | None = None
    budget: Budget = field(default_factory=Budget)
    sections: dict[str, Section] = field(default_factory=dict)
    tasks: list[Task] = field(default_factory=list)
    missing_sections: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # what the reader recognised: the layout of its tables (pipe, tsv, aligned,
    # cell_per_line, flattened, grid) or "narrative", and the kind of form
    # (project_form, department_form, target_table, narrative_report)
    layout: str | None = None
    form: str | None = None
    unfilled: list[Unfilled] = field(default_factory=list)
    total_weight: float | None = None  # 总分 row of the indicator table
    total_score: float | None = None
    total_span: tuple[int, int] | None = None  # where the total is written in Report.text
    # scanned files (reader "ocr"): the boxes every character came from, and spans of
    # Report.text holding digits read with low confidence, which no arithmetic rests on
    ocr_boxes: list[OcrBox] = field(default_factory=list)
    low_confidence: list[tuple[int, int]] = field(default_factory=list)
    # spans of Report.text inside an indicator table that the reader could not cut into
    # rows (a scrambled stretch of a flattened form): the rows read are not all the rows
    rows_unread: list[tuple[int, int]] = field(default_factory=list)
    # spans of indicator tables whose cells were glued and whose rows, as the reader cut
    # them, cannot be a form's rows (ingest/doubt.py): no finding rests on them
    doubtful: list[tuple[int, int]] = field(default_factory=list)
    rows_sound: list[tuple[int, int]] = field(default_factory=list)  # rows of those read soundly
    # where the text breaks off in mid-sentence or mid-row (an excerpt cut by a search or
    # a copy, ingest/cut.py): what would answer a gap there lies beyond the cut
    cut_at: int | None = None

    @property
    def id(self) -> str:
        from pathlib import Path

        return Path(self.source).stem

    def paragraphs(self, section: str | None = None) -> list[Paragraph]:
        """All paragraphs (optionally of one section id), in document order.

        Task paragraphs (targets, outcomes, indicator names and results) are included
        under section "T".
        """
        out: list[Paragraph] = []
        for sid, sec in self.sections.items():
            if section is None or sid == section:
                out.extend(sec.paragraphs)
        if section in (None, "T"):
            for t in self.tasks:
                for p in (t.target, t.outcome):
                    if p is not None:
                        out.append(p)
                for ind in t.indicators:
                    for p in (ind.name_paragraph, ind.result_paragraph):
                        if p is not None:
                            out.append(p)
        return sorted(out, key=lambda p: p.start) if section is None else out

    def paragraph(self, pid: str) -> Paragraph | None:
        for p in self.paragraphs():
            if p.id == pid:
                return p
        return None


# --- numbers (stage 2) -----------------------------------------------------------------


@dataclass
class Mention:
    """A number found in the text, normalised to a base unit."""

    text: str  # surface form as in Report.text
    start: int  # offsets into Report.text
    end: int
    kind: str  # MONEY PERCENT COUNT QUANTITY AREA DATE YEAR DURATION RANGE EXPR
    value: float | None  # as written, in `unit`
    unit: str  # unit as written ("万元", "%", "家次", "万平方米")
    base_value: float | None  # value in base_unit
    base_unit: str  # "元", "%", "m2", "m3", "t", "people", "households", "次", ...
    qualifier: str = "exact"  # exact approximate lower upper near
    low: float | None = None  # interval in base unit; None is unbounded
    high: float | None = None
    metric: str | None = None  # phrase naming what it counts ("入户宣传率")
    role: str | None = None  # target actual budget, or None
    paragraph: str | None = None  # paragraph id
    expression: str | None = None  # arithmetic as written, e.g. "895*20.3"
    low_confidence: bool = False  # scanned files: a digit of it was read with low confidence


# --- alignment (stage 3) ---------------------------------------------------------------


@dataclass
class AlignedPair:
    source: str  # paragraph id of the outcome / problem / task
    target: str | None  # paragraph id of the goal / measure, None when nothing fits
    score: float  # fused similarity of the chosen pair
    margin: float  # score minus the next-best candidate's score
    lexical: float | None = None
    dense: float | None = None


@dataclass
class Alignment:
    name: str  # "outcomes_to_goals", "performance_to_goals", "tasks_to_goals",
    # "problems_to_improvements"
    source_section: str  # "O"
    target_section: str  # "G"
    pairs: list[AlignedPair] = field(default_factory=list)
    unmatched_targets: list[str] = field(default_factory=list)  # goals with no outcome
    unmatched_sources: list[str] = field(default_factory=list)  # outcomes on no goal

    def mapping(self) -> dict[str, str | None]:
        return {p.source: p.target for p in self.pairs}


# --- findings (stage 4) ----------------------------------------------------------------


@dataclass
class Evidence:
    section: str  # "Q"
    paragraph: str  # "Q4"
    start: int  # offsets into Report.text
    end: int
    quote: str  # Report.text[start:end]
    page: int | None = None  # scanned files: the page the quote was read from (1-based)
    box: list[float] | None = None  # and its box on that page (x0, y0, x1, y1, pixels)
    # what this piece of evidence is to the finding: claim, counter, total, part, target,
    # actual, budget, or context (detect/registry.py ROLES)
    role: str = "context"


@dataclass
class Finding:
    code: str  # DUPLICATE_PARAGRAPH, ...
    severity: str  # high medium low
    message: str  # Chinese
    message_en: str
    evidence: list[Evidence] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    # "F3": the same label in the text output, the HTML page, the JSON and the CSV
    id: str = ""
    rule_id: str = ""  # the declared rule that found it (NUM.ARITH; docs/rules.md)
    confidence: float | None = None  # 0-1: the rule's prior unless the finding set its own
    explanation: str = ""  # the computation or reasoning behind it (Chinese)
    explanation_en: str = ""
    # message/message_en are this entry of lexicons/messages.yaml filled with these
    # parameters (JSON data); empty for findings made outside the detectors (copies)
    message_id: str = ""
    message_params: dict[str, Any] = field(default_factory=dict)

    def paragraphs(self) -> list[str]:
        return [e.paragraph for e in self.evidence]


SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}


def finding_order(f: Finding) -> tuple:
    """Most severe first, then by where the evidence starts in the report."""
    first = min((e.start for e in f.evidence), default=-1)
    return (SEVERITY_RANK.get(f.severity, 3), first, f.code, f.message)


def number_findings(findings: list[Finding]) -> list[Finding]:
    """``findings`` in their reading order, each with its id F1, F2, ... in that order.
    Every output lists findings in this order and labels them with these ids, so the
    finding a reader is told about is the same one wherever it is looked up."""
    out = sorted(findings, key=finding_order)
    for k, f in enumerate(out, 1):
        f.id = f"F{k}"
    return out


@dataclass
class Score:
    total: float  # 0..100, higher is better (less risky)
    parts: dict[str, float] = field(default_factory=dict)
    explanation: str = ""


@dataclass(repr=False)
class Analysis:
    report: Report
    mentions: list[Mention] = field(default_factory=list)
    alignments: dict[str, Alignment] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    score: Score | None = None
    metrics: dict[str, float] = field(default_factory=dict)  # research columns

    def ensure_ids(self) -> "Analysis":
        """Number the findings (F1, F2, ...) if they are not numbered yet, as for an
        Analysis put together by hand."""
        if any(not f.id for f in self.findings):
            self.findings = number_findings(self.findings)
        return self

    def _counts(self) -> list[tuple[str, int]]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.code] = counts.get(f.code, 0) + 1
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    # a notebook shows these instead of the whole dataclass tree (thousands of lines)
    def __repr__(self) -> str:
        r = self.report
        score = f"{self.score.total:.1f}" if self.score is not None else "—"
        codes = ", ".join(f"{c}×{n}" for c, n in self._counts()) or "none"
        who = " ".join(str(x) for x in (r.organisation, r.year) if x)
        return (f"<Analysis {r.id!r}{' (' + who + ')' if who else ''}: score {score}, "
                f"{len(self.findings)} findings [{codes}], {len(self.mentions)} numbers>")

    def _repr_html_(self) -> str:
        from html import escape

        r = self.report
        score = f"{self.score.total:.1f}" if self.score is not None else "—"
        rows = "".join(
            f"<tr><td>{escape(f.id)}</td><td>{escape(f.severity)}</td><td><code>{escape(f.code)}</code></td>"
            f"<td>{escape(f.message)}</td></tr>"
            for f in self.ensure_ids().findings[:20]
        )
        more = len(self.findings) - 20
        tail = f"<p>… {more} more: <code>analysis.findings_frame()</code></p>" if more > 0 else ""
        head = escape(r.title or r.id)
        meta = escape(" · ".join(str(x) for x in (r.organisation, r.year, r.source) if x))
        return (f"<div><strong>{head}</strong><br><small>{meta}</small><br>"
                f"得分 score <strong>{score}</strong>/100 · {len(self.findings)} findings"
                f"<table><thead><tr><th>id</th><th>severity</th><th>code</th><th>message</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>{tail}</div>")

    def findings_frame(self):
        """One row per finding (pandas): id, code, severity, messages, first evidence."""
        import pandas as pd

        rows = []
        for f in self.ensure_ids().findings:
            ev = f.evidence[0] if f.evidence else None
            rows.append({
                "id": f.id, "code": f.code, "severity": f.severity, "message": f.message,
                "message_en": f.message_en, "paragraphs": [e.paragraph for e in f.evidence],
                "start": ev.start if ev else None, "end": ev.end if ev else None,
                "quote": ev.quote if ev else "", "values": f.values,
            })  # fmt: skip
        cols = ["id", "code", "severity", "message", "message_en", "paragraphs", "start", "end", "quote", "values"]
        return pd.DataFrame(rows, columns=cols)

    def mentions_frame(self):
        """One row per number mention (pandas), the columns of :class:`Mention`."""
        import pandas as pd

        cols = [f.name for f in dataclasses.fields(Mention)]
        return pd.DataFrame([to_dict(m) for m in self.mentions], columns=cols)

    def alignments_frame(self):
        """One row per aligned pair (pandas): alignment, source, target, scores."""
        import pandas as pd

        rows = [{"alignment": name, **to_dict(p)} for name, al in self.alignments.items() for p in al.pairs]
        cols = ["alignment"] + [f.name for f in dataclasses.fields(AlignedPair)]
        return pd.DataFrame(rows, columns=cols)


def to_dict(obj: Any) -> Any:
    """Dataclass tree to plain JSON-able data."""
    cls = type(obj)
    if cls in _LEAVES:
        return obj
    names = _field_names(cls)
    if names is not None:
        return {n: to_dict(getattr(obj, n)) for n in names}
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    return obj


_LEAVES = frozenset({str, int, float, bool, type(None)})


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other type), once per class: the worker
    writes ~30,000 values a report and dataclasses.fields builds its tuple at each."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


@functools.lru_cache(maxsize=None)
def _type_hints(cls: type) -> dict:
    """typing.get_type_hints, once per class: it evaluates every string annotation again
    at each call, which was 60 ms of the batch driver's time per report read back."""
    import typing

    return typing.get_type_hints(cls)


@functools.lru_cache(maxsize=None)
def _plan(cls: type) -> tuple:
    """(field name, converter or None) for each field of ``cls``: the annotations are
    read once per class, not once per value (the driver reads back ~30,000 values a
    report)."""
    hints = _type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _build(cls: Any, data: Any) -> Any:
    if data is None:
        return None
    kwargs = {}
    for name, conv in _plan(cls):
        if name not in data:
            continue
        value = data[name]
        kwargs[name] = value if conv is None or value is None else conv(value)
    return cls(**kwargs)


@functools.lru_cache(maxsize=None)
def _converter(tp: Any) -> Callable[[Any], Any] | None:
    """What turns JSON data into a value of type ``tp`` (None: the data as it is).
    A None value is None whatever the type, and is never given to a converter."""
    import types
    import typing

    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else None
    if dataclasses.is_dataclass(tp):
        return functools.partial(_build, tp)
    if origin is list:
        item = _converter(args[0])
        if item is None:
            return list
        return lambda value: [None if v is None else item(v) for v in value]
    if origin is tuple:
        return tuple
    if origin is dict:
        item = _converter(args[1])
        if item is None:
            return dict
        return lambda value: {k: None if v is None else item(v) for k, v in value.items()}
    return None


def from_dict(cls: type, data: dict) -> Any:
    """Inverse of :func:`to_dict` for the dataclasses of this module."""
    return _build(cls, data)
