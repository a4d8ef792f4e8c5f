"""Build small Report objects by hand for the text-side detector tests."""
from __future__ import annotations

from nlp_pipeline.detect import Context
from nlp_pipeline.lexicons import Lexicons
from nlp_pipeline.model import (
    SECTION_KINDS,
    AlignedPair,
    Alignment,
    Indicator,
    Paragraph,
    Report,
    Section,
    Task,
)


def build_report(
    sections: dict[str, list[str]],
    tasks: list[dict] | None = None,
    organisation: str = "某某县水务局",
    year: int = 2022,
) -> Report:
    """A Report from ``{"G": [text, ...], ...}``; each text is one paragraph, ids G1, G2…

    ``tasks`` items: ``{"target": str, "outcome": str, "indicators": [(name, result), ...]}``.
    Report.text is a header line and one line per paragraph, so offsets are exact.
    """
    lines = [f"{organisation}{year}年度部门整体支出绩效自评报告"]
    pos = len(lines[0]) + 1
    report_secs: dict[str, Section] = {}

    def para(pid: str, sec: str, kind: str, text: str) -> Paragraph:
        nonlocal pos
        p = Paragraph(id=pid, section=sec, kind=kind, number=None, text=text, start=pos, end=pos + len(text))
        lines.append(text)
        pos += len(text) + 1
        return p

    for sid, texts in sections.items():
        sec = Section(id=sid, kind=SECTION_KINDS[sid], title=sid)
        for k, t in enumerate(texts, 1):
            sec.paragraphs.append(para(f"{sid}{k}", sid, SECTION_KINDS[sid], t))
        report_secs[sid] = sec
    task_objs = []
    for k, t in enumerate(tasks or [], 1):
        tid = f"T{k}"
        target = para(tid, "T", "task", t["target"])
        outcome = para(f"{tid}.outcome", "T", "task_outcome", t["outcome"])
        inds = []
        for n, (name, result) in enumerate(t.get("indicators", []), 1):
            np_ = para(f"{tid}.k{n}", "T", "indicator", name)
            rp = para(f"{tid}.r{n}", "T", "indicator_result", result)
            inds.append(Indicator(name=name, result=result, name_paragraph=np_, result_paragraph=rp))
        task_objs.append(Task(id=tid, number=f"任务{k}", target=target, outcome=outcome, indicators=inds))
    return Report(
        source="built.txt",
        reader="test",
        encoding="utf-8",
        text="\n".join(lines),
        organisation=organisation,
        year=year,
        sections=report_secs,
        tasks=task_objs,
    )


def alignment(name: str, mapping: dict[str, str | None], targets: list[str] | None = None) -> Alignment:
    src = name.split("_to_")[0]
    al = Alignment(
        name=name,
        source_section={"outcomes": "O", "performance": "P", "tasks": "T", "problems": "Q"}.get(src, "O"),
        target_section="I" if name.startswith("problems") else "G",
        pairs=[AlignedPair(source=s, target=t, score=1.0 if t else 0.0, margin=0.5) for s, t in mapping.items()],
    )
    used = {t for t in mapping.values() if t}
    al.unmatched_sources = [s for s, t in mapping.items() if not t]
    al.unmatched_targets = [t for t in (targets or []) if t not in used]
    return al


def context(report: Report, alignments: dict | None = None) -> Context:
    return Context(report=report, mentions=[], alignments=alignments or {}, lexicons=Lexicons())


def check_evidence(report: Report, findings) -> None:
    """Every evidence quote is the text at its offsets, and names a real paragraph."""
    ids = {p.id for p in report.paragraphs()}
    for f in findings:
        assert f.evidence, f
        assert f.severity in ("high", "medium", "low")
        assert f.message and f.message_en
        for e in f.evidence:
            assert report.text[e.start : e.end] == e.quote
            assert e.paragraph in ids
