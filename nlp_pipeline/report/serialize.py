"""Analysis -> the JSON document of ``nlp-pipeline analyze --format json`` and back, and
the plain-text rendering of ``--format text``.

The JSON layout is specified by docs/schema/analysis.schema.json (documented in
docs/output.md); bump SCHEMA_VERSION when it changes incompatibly.
"""
from __future__ import annotations

import json
import math
from typing import Any

from nlp_pipeline.model import Analysis, Report, Score, from_dict, to_dict

SCHEMA_VERSION = "1.0"
SEVERITY_ORDER = ("high", "medium", "low")
SEVERITY_LABELS = {
    "zh": {"high": "高", "medium": "中", "low": "低"},
    "en": {"high": "high", "medium": "medium", "low": "low"},
}


def _clean(obj: Any) -> Any:
    # JSON has no NaN/inf: an undefined measure is null
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    return obj


def analysis_to_json(analysis: Analysis) -> dict:
    """The analysis as plain JSON-able data (see docs/schema/analysis.schema.json)."""
    from nlp_pipeline import __version__
    from nlp_pipeline.report.score import explanation

    analysis.ensure_ids()
    report = to_dict(analysis.report)
    report["id"] = analysis.report.id
    score = None
    if analysis.score is not None:
        score = to_dict(analysis.score)
        score["explanation_en"] = explanation(analysis.score, "en")
    doc = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "nlp-pipeline", "version": __version__},
        "report": report,
        "mentions": to_dict(analysis.mentions),
        "alignments": to_dict(analysis.alignments),
        "findings": to_dict(analysis.findings),
        "score": score,
        "metrics": dict(analysis.metrics),
    }
    return _clean(doc)


def analysis_from_json(doc: dict) -> Analysis:
    """Inverse of :func:`analysis_to_json` (used for the batch cache)."""
    report = doc["report"]
    report = {k: v for k, v in report.items() if k != "id"}
    data = {
        "report": report,
        "mentions": doc.get("mentions") or [],
        "alignments": doc.get("alignments") or {},
        "findings": doc.get("findings") or [],
        "score": None,
        "metrics": doc.get("metrics") or {},
    }
    analysis = from_dict(Analysis, data)
    if doc.get("score") is not None:
        s = doc["score"]
        parts = {k: (float("nan") if v is None else v) for k, v in s.get("parts", {}).items()}
        analysis.score = Score(total=s["total"], parts=parts, explanation=s.get("explanation", ""))
    _fix_segments(analysis.report)
    return analysis.ensure_ids()


def _fix_segments(report: Report) -> None:
    # JSON turns the (text_start, orig_start, length) tuples into lists
    for p in report.paragraphs():
        p.segments = [tuple(s) for s in p.segments]


def dumps(analysis: Analysis, indent: int | None = 2) -> str:
    return json.dumps(analysis_to_json(analysis), ensure_ascii=False, indent=indent, allow_nan=False)


def render_text(analysis: Analysis, lang: str = "zh") -> str:
    """Findings by severity with their evidence, then the score: for a terminal."""
    from nlp_pipeline.report.score import explanation

    zh = lang != "en"
    labels = SEVERITY_LABELS["zh" if zh else "en"]
    analysis.ensure_ids()
    r = analysis.report
    lines = []
    head = r.title or r.id
    lines.append(head)
    meta = [
        ("单位" if zh else "organisation", r.organisation or "—"),
        ("年度" if zh else "year", str(r.year) if r.year else "—"),
        ("文件" if zh else "file", r.source),
    ]
    lines.append("  ".join(f"{k}: {v}" for k, v in meta))
    if analysis.score is not None:
        lines.append(("得分" if zh else "score") + f": {analysis.score.total:.1f}/100")
        lines.append(explanation(analysis.score, "zh" if zh else "en"))
    n = len(analysis.findings)
    lines.append("")
    lines.append(f"发现问题 {n} 项" if zh else f"{n} finding{'s' if n != 1 else ''}")
    for sev in SEVERITY_ORDER + tuple(
        sorted({f.severity for f in analysis.findings} - set(SEVERITY_ORDER))
    ):
        group = [f for f in analysis.findings if f.severity == sev]
        if not group:
            continue
        lines.append("")
        title = f"【{labels.get(sev, sev)}】{len(group)} 项" if zh else f"[{labels.get(sev, sev)}] {len(group)}"
        lines.append(title)
        for f in group:
            msg = f.message if zh else (f.message_en or f.message)
            lines.append(f"{f.id:>4}  {f.code}  {msg}")
            why = f.explanation if zh else (f.explanation_en or f.explanation)
            if f.rule_id:
                shown = why if why and why not in msg else ""
                lines.append(f"       [{f.rule_id}]" + (f" {('依据' if zh else 'why')}: {shown}" if shown else ""))
            for e in f.evidence:
                quote = " ".join(e.quote.split())
                if len(quote) > 120:
                    quote = quote[:117] + "…"
                role = f" ({e.role})" if e.role != "context" else ""
                lines.append(f"       {e.paragraph} [{e.start}-{e.end}]{role} 「{quote}」")
    if r.missing_sections:
        lines.append("")
        lines.append(("缺少部分: " if zh else "missing sections: ") + ", ".join(r.missing_sections))
    if r.warnings:
        # what the reader could not read as it should (a text cut off, a table line it could
        # not cut into cells): a reader judging the findings needs to know
        lines.append("")
        lines.append("读取提示:" if zh else "reading notes:")
        for w in r.warnings[:WARNINGS_SHOWN]:
            lines.append("  - " + _one_language(w, zh))
        if len(r.warnings) > WARNINGS_SHOWN:
            more = len(r.warnings) - WARNINGS_SHOWN
            lines.append(f"  - 另有 {more} 条" if zh else f"  - {more} more")
    return "\n".join(lines) + "\n"


WARNINGS_SHOWN = 5  # reader warnings listed in the text output (all are in the JSON)


def _one_language(warning: str, zh: bool) -> str:
    """The reader's warnings are written 「中文 / English」: the part in the language asked for."""
    if " / " not in warning:
        return warning
    head, tail = warning.split(" / ", 1)
    return head if zh else tail
