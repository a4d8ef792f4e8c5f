"""Small Analysis objects built by hand, and a stand-in analyser that reads a toy format.

For tests and the batch benchmark: they exercise scoring, writers, the batch engines and
the HTML without the real reader, number extractor, aligner and detectors. This module
lives in the package (not in tests/) so that worker processes on any engine can import
the stand-in analyser by name.
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

from nlp_pipeline.errors import ReportError
from nlp_pipeline.model import (
    SECTION_KINDS,
    AlignedPair,
    Alignment,
    Analysis,
    Evidence,
    Finding,
    Mention,
    Paragraph,
    Report,
    Section,
    number_findings,
)

_NUM = re.compile(r"\d+(?:\.\d+)?\s*(%|万元|元|个|人|户|次|家|平方米)?")


def make_analysis(
    paragraphs: list[tuple[str, str]],
    *,
    source: str = "sample_report.txt",
    organisation: str | None = "某某县水务局",
    year: int | None = 2022,
    title: str | None = None,
    outcomes_to_goals: dict[str, str | None] | None = None,
    problems_to_improvements: dict[str, str | None] | None = None,
    findings: list[tuple[str, str, str, str]] | None = None,
    score: bool = True,
) -> Analysis:
    """An Analysis from ``[(paragraph id, text), ...]``.

    Report.text is the title line then one line per paragraph; mentions are the numbers
    in the paragraphs; ``findings`` are ``(code, severity, paragraph id, quote)`` with
    the quote located in that paragraph (whole paragraph when not found).
    """
    title = title or f"{organisation or ''}{year or ''}年度部门整体支出绩效自评报告"
    text = title + "\n"
    paras: dict[str, Paragraph] = {}
    sections: dict[str, Section] = {}
    mentions: list[Mention] = []
    for pid, body in paragraphs:
        sec = pid[0]
        start = len(text)
        text += body + "\n"
        p = Paragraph(
            id=pid,
            section=sec,
            kind=SECTION_KINDS.get(sec, "other"),
            number=None,
            text=body,
            start=start,
            end=start + len(body),
            segments=[(0, start, len(body))],
        )
        paras[pid] = p
        sections.setdefault(sec, Section(id=sec, kind=p.kind, title="")).paragraphs.append(p)
        for m in _NUM.finditer(body):
            unit = m.group(1) or ""
            kind = "PERCENT" if unit == "%" else "MONEY" if "元" in unit else "COUNT"
            if not unit and len(m.group(0)) == 4 and m.group(0).startswith("20"):
                kind = "YEAR"
            val = float(m.group(0).rstrip("%万元个人户次家平方米 "))
            mentions.append(
                Mention(
                    text=m.group(0),
                    start=start + m.start(),
                    end=start + m.end(),
                    kind=kind,
                    value=val,
                    unit=unit,
                    base_value=val * (10000 if unit == "万元" else 1),
                    base_unit="元" if "元" in unit else unit or "1",
                    paragraph=pid,
                )
            )
    report = Report(
        source=source,
        reader="testing",
        encoding="utf-8",
        text=text,
        organisation=organisation,
        year=year,
        currency_unit="万元",
        currency_factor=10000.0,
        title=title,
        sections=sections,
    )
    alignments = {}
    for name, src, tgt, mapping in (
        ("outcomes_to_goals", "O", "G", outcomes_to_goals),
        ("problems_to_improvements", "Q", "I", problems_to_improvements),
    ):
        if mapping is None:
            continue
        targets = [p for p in paras if p.startswith(tgt)]
        used = {t for t in mapping.values() if t}
        alignments[name] = Alignment(
            name=name,
            source_section=src,
            target_section=tgt,
            pairs=[
                AlignedPair(source=s, target=t, score=0.8 if t else 0.1, margin=0.2 if t else 0.0)
                for s, t in mapping.items()
            ],
            unmatched_targets=[t for t in targets if t not in used],
            unmatched_sources=[s for s, t in mapping.items() if t is None],
        )
    fl = []
    for code, severity, pid, quote in findings or []:
        p = paras[pid]
        i = p.text.find(quote) if quote else -1
        i, j = (i, i + len(quote)) if i >= 0 else (0, len(p.text))
        a, b = p.span(i, j)
        fl.append(
            Finding(
                code=code,
                severity=severity,
                message=f"{code}：{pid} 存在问题",
                message_en=f"{code}: problem in {pid}",
                evidence=[Evidence(section=p.section, paragraph=pid, start=a, end=b, quote=text[a:b])],
                values={"paragraph": pid},
            )
        )
    analysis = Analysis(report=report, mentions=mentions, alignments=alignments, findings=number_findings(fl))
    if score:
        from nlp_pipeline.report.score import score_analysis

        analysis.score, analysis.metrics = score_analysis(analysis)
    return analysis


def toy_analyze(path: str | Path, **_: object) -> Analysis:
    """Stand-in for nlp_pipeline.pipeline.analyze on a toy format, one paragraph a line:

        G1 加强管理，完成任务3项
        O1 完成任务3项              (outcome i is aligned to goal i when it exists)
        !DUPLICATE_PARAGRAPH high O1 完成任务   (a finding: code severity paragraph quote)
        @organisation 某某局 / @year 2021

    A file containing BROKEN raises ReportError, EXPLODE a RuntimeError, CRASH kills the
    worker process (to test that one bad file never costs the run), HANG writes the
    worker's pid to <file>.pid and never returns (a parser stuck on a hostile file).
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(str(path), f"无法读取文件：{exc}", f"cannot read the file: {exc}") from exc
    if "BROKEN" in raw:
        raise ReportError(str(path), "不是绩效自评报告", "not a performance self-evaluation report")
    if "EXPLODE" in raw:
        raise RuntimeError("toy analyser exploded")
    if "CRASH" in raw:
        os._exit(13)
    if "HANG" in raw:
        path.with_suffix(".pid").write_text(str(os.getpid()), encoding="utf-8")
        while True:
            time.sleep(3600)
    paras, findings, meta = [], [], {}
    for line in raw.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("!"):
            code, sev, pid, *quote = line[1:].split(maxsplit=3)
            findings.append((code, sev, pid, quote[0] if quote else ""))
        elif line.startswith("@"):
            key, _, val = line[1:].partition(" ")
            meta[key] = val.strip()
        else:
            pid, _, body = line.partition(" ")
            paras.append((pid, body))
    ids = [p for p, _ in paras]
    return make_analysis(
        paras,
        source=str(path),
        organisation=meta.get("organisation", "某某县水务局"),
        year=int(meta["year"]) if "year" in meta else 2022,
        outcomes_to_goals={p: ("G" + p[1:] if "G" + p[1:] in ids else None) for p in ids if p.startswith("O")},
        problems_to_improvements={p: ("I" + p[1:] if "I" + p[1:] in ids else None) for p in ids if p.startswith("Q")},
        findings=findings,
    )


TOY_REPORT = """\
@organisation {org}
@year 2022
G1 加强水利工程管理，完成河道清淤12公里
G2 提高供水保障能力，水质达标率100%
G3 推进节水型社会建设
O1 完成河道清淤12公里，投入资金350万元
O2 水质达标率100%，供水保障能力进一步提升
Q1 项目前期工作不够扎实
I1 加强项目前期论证，2023年6月前完成3个项目储备
!{code} {severity} O2 进一步提升
"""


def write_toy_corpus(folder: str | Path, n: int, *, prefix: str = "toy") -> list[Path]:
    """``n`` small toy reports with varying findings, for batch tests and benchmarks."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    codes = [("UNSUPPORTED_CLAIM", "medium"), ("NUMBER_CONFLICT", "high"), ("VAGUE_MEASURE", "low")]
    out = []
    for i in range(n):
        code, sev = codes[i % len(codes)]
        p = folder / f"{prefix}_{i:03d}.txt"
        p.write_text(TOY_REPORT.format(org=f"第{i}水务局", code=code, severity=sev), encoding="utf-8")
        out.append(p)
    return out
