"""One registry of detectors: a detector is a function in its own module under
nlp_pipeline/detect/, decorated with :func:`register`. Importing the package imports
every module in it, so adding a detector is adding one file."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from nlp_pipeline.model import Alignment, Finding, Mention, Report


@dataclass
class Context:
    """What a detector may read. Detectors take data and return findings; no I/O."""

    report: Report
    mentions: list[Mention]
    alignments: dict[str, Alignment]
    lexicons: "object"  # nlp_pipeline.lexicons.Lexicons


Detector = Callable[[Context], Iterable[Finding]]

DETECTORS: dict[str, Detector] = {}


def register(name: str) -> Callable[[Detector], Detector]:
    """Register a detector under ``name`` (usually the finding code it emits)."""

    def deco(fn: Detector) -> Detector:
        if name in DETECTORS:
            raise ValueError(f"detector {name!r} registered twice")
        DETECTORS[name] = fn
        return fn

    return deco


# --- helpers shared by detectors -------------------------------------------------------

from nlp_pipeline.model import Evidence, Paragraph  # noqa: E402


def evidence(report: Report, para: Paragraph, i: int = 0, j: int | None = None) -> Evidence:
    """Evidence for ``para.text[i:j]`` (whole paragraph by default), with offsets into
    Report.text and the quote taken from Report.text so a reader can check it."""
    j = len(para.text) if j is None else j
    start, end = para.span(i, j)
    return Evidence(
        section=para.section,
        paragraph=para.id,
        start=start,
        end=end,
        quote=report.text[start:end],
    )


SEVERITIES = ("high", "medium", "low")


def make_finding(
    code: str,
    severity: str,
    message: str,
    message_en: str,
    evidence_list: list[Evidence],
    values: dict | None = None,
) -> Finding:
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")
    if not evidence_list:
        raise ValueError(f"{code}: a finding needs evidence")
    return Finding(code, severity, message, message_en, list(evidence_list), dict(values or {}))
