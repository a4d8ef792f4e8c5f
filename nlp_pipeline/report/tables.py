"""The batch tables: one row per report, per finding and per input that failed.

Columns are documented in docs/output.md; :func:`frames` fixes their order and dtypes so
that tables of different corpora line up.
"""
from __future__ import annotations

import json
from typing import Any

from nlp_pipeline.model import Analysis



def known_codes() -> tuple[str, ...]:
    """Finding codes that always get a count column, so tables of different corpora line
    up: every code a declared rule emits (nlp_pipeline.detect.registry; report/ sits
    below detect/ in the stages, and the registry is read only when a table is built, so
    importing this module stays cheap). A code not listed still gets a column when it
    occurs."""
    from nlp_pipeline.detect.registry import known_codes as codes

    return codes()


def __getattr__(name: str):
    # KNOWN_CODES, read lazily (PEP 562): the same tuple as known_codes()
    if name == "KNOWN_CODES":
        return known_codes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


REPORT_COLUMNS = [
    "id", "source", "file_sha256", "reader", "organisation", "year", "title",
    "score", "coverage_points", "evidence_points", "originality_points", "findings_points",
    "severity_penalty", "n_findings", "n_high", "n_medium", "n_low",
]  # fmt: skip
RESEARCH_COLUMNS = [
    "goal_coverage", "goal_coverage_any", "specificity", "vague_share", "duplicated_share",
    "numbers_per_1k_chars", "n_chars", "n_paragraphs", "n_goals", "n_outcome_sentences",
    "n_numbers",
]  # fmt: skip
TAIL_COLUMNS = ["missing_sections", "n_warnings"]
# research and score columns that count things (may be missing, hence nullable integers)
WHOLE_COLUMNS = ["severity_penalty", "n_chars", "n_paragraphs", "n_goals", "n_outcome_sentences", "n_numbers"]
FINDING_COLUMNS = [
    "report_id", "source", "finding_id", "code", "rule_id", "severity", "confidence", "message", "message_en",
    "explanation", "explanation_en", "paragraphs", "sections", "roles", "start", "end", "quote", "offsets",
    "evidence_json", "values_json",
]  # fmt: skip
ERROR_COLUMNS = ["source", "stage", "error_type", "reason", "reason_en"]


def code_column(code: str) -> str:
    return "n_" + code.lower()


def error_row(source: str, stage: str, error_type: str, reason: str, reason_en: str) -> dict:
    return {"source": source, "stage": stage, "error_type": error_type, "reason": reason, "reason_en": reason_en}


# --- rows ---------------------------------------------------------------------------


def report_row(analysis: Analysis, rid: str, digest: str | None = None) -> dict:
    r, s, m = analysis.report, analysis.score, analysis.metrics or {}
    parts = s.parts if s else {}
    sev = [f.severity for f in analysis.findings]
    row: dict[str, Any] = {
        "id": rid,
        "source": r.source,
        "file_sha256": digest,
        "reader": r.reader,
        "organisation": r.organisation,
        "year": r.year,
        "title": r.title,
        "score": s.total if s else None,
        "coverage_points": parts.get("coverage_points"),
        "evidence_points": parts.get("evidence_points"),
        "originality_points": parts.get("originality_points"),
        "findings_points": parts.get("findings_points"),
        "severity_penalty": parts.get("severity_penalty"),
        "n_findings": len(sev),
        "n_high": sev.count("high"),
        "n_medium": sev.count("medium"),
        "n_low": sev.count("low"),
    }
    for f in analysis.findings:
        col = code_column(f.code)
        row[col] = row.get(col, 0) + 1
    for c in RESEARCH_COLUMNS:
        row[c] = m.get(c)
    row["missing_sections"] = ";".join(r.missing_sections)
    row["n_warnings"] = len(r.warnings)
    return row


def finding_rows(analysis: Analysis, rid: str) -> list[dict]:
    rows = []
    for f in analysis.ensure_ids().findings:
        ev = f.evidence
        rows.append(
            {
                "report_id": rid,
                "source": analysis.report.source,
                "finding_id": f.id,
                "code": f.code,
                "rule_id": f.rule_id,
                "severity": f.severity,
                "confidence": f.confidence,
                "message": f.message,
                "message_en": f.message_en,
                "explanation": f.explanation,
                "explanation_en": f.explanation_en,
                "paragraphs": ";".join(e.paragraph for e in ev),
                "sections": ";".join(e.section for e in ev),
                "roles": ";".join(e.role for e in ev),
                "start": ev[0].start if ev else None,
                "end": ev[0].end if ev else None,
                "quote": ev[0].quote if ev else "",
                "offsets": ";".join(f"{e.start}-{e.end}" for e in ev),
                "evidence_json": json.dumps([e.__dict__ for e in ev], ensure_ascii=False),
                "values_json": json.dumps(f.values, ensure_ascii=False, default=str, sort_keys=True),
            }
        )
    return rows


def frames(report_rows: list[dict], finding_rows_: list[dict], error_rows: list[dict]):
    """The three pandas DataFrames, with fixed column order and dtypes."""
    import pandas as pd

    known = known_codes()
    extra = sorted({k for r in report_rows for k in r if k.startswith("n_") and k not in REPORT_COLUMNS + RESEARCH_COLUMNS + TAIL_COLUMNS}
                   - {code_column(c) for c in known})  # fmt: skip
    code_cols = [code_column(c) for c in known] + extra
    cols = REPORT_COLUMNS + code_cols + RESEARCH_COLUMNS + TAIL_COLUMNS
    reports = pd.DataFrame(report_rows, columns=cols)
    for c in code_cols + ["n_findings", "n_high", "n_medium", "n_low", "n_warnings"]:
        reports[c] = reports[c].fillna(0).astype("int64")
    reports["year"] = reports["year"].astype("Int64")
    for c in ["score", "coverage_points", "evidence_points", "originality_points", "findings_points"] + [
            c for c in RESEARCH_COLUMNS if c not in WHOLE_COLUMNS]:  # fmt: skip
        reports[c] = pd.to_numeric(reports[c], errors="coerce").astype("float64")
    # counts are whole numbers in every table: 11904, not 11904.0
    for c in WHOLE_COLUMNS:
        reports[c] = pd.to_numeric(reports[c], errors="coerce").round().astype("Int64")
    for c in ["id", "source", "file_sha256", "reader", "organisation", "title", "missing_sections"]:
        reports[c] = reports[c].astype("string")
    findings = pd.DataFrame(finding_rows_, columns=FINDING_COLUMNS)
    for c in ["start", "end"]:
        findings[c] = findings[c].astype("Int64")
    findings["confidence"] = pd.to_numeric(findings["confidence"], errors="coerce").astype("Float64")
    for c in FINDING_COLUMNS:
        if c not in ("start", "end", "confidence"):
            findings[c] = findings[c].astype("string")
    errors = pd.DataFrame(error_rows, columns=ERROR_COLUMNS).astype("string")
    return reports, findings, errors
