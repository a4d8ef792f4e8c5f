"""Research measures of one analysed report (the research columns of reports.csv).

Every measure is a plain function of the Analysis, defined in docs/output.md, and returns
None where it is undefined (no goals, no outcome sentences) so that a regression sees a
missing value, not a zero.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict

from nlp_pipeline.model import Analysis, Paragraph, Report

# Sections whose sentences report results; task outcomes ("T3.outcome") count too.
OUTCOME_SECTIONS = ("O", "P", "K")
# Years and dates locate a sentence in time; they are not evidence of a result.
NON_FIGURE_KINDS = frozenset({"YEAR", "DATE"})
SHINGLE = 12  # characters; shorter runs repeat by chance ("已完成", "100%")
MIN_SENTENCE = 4  # content characters; shorter pieces are table stubs, not sentences

_SENT_END = re.compile(r"[。；;！!？?\n]+")


_CONTENT: dict[str, bool] = {}  # character -> _is_content, filled as characters are met


def _is_content(ch: str) -> bool:
    v = _CONTENT.get(ch)
    if v is None:
        cat = unicodedata.category(ch)
        v = _CONTENT[ch] = not (cat[0] in "PZC" or ch.isspace())
    return v


def content_length(text: str) -> int:
    known = _CONTENT
    return sum(1 for ch in text if (known[ch] if ch in known else _is_content(ch)))


def unique_paragraphs(report: Report) -> list[Paragraph]:
    """Paragraphs in document order, each span of Report.text counted once."""
    seen: set[tuple[int, int]] = set()
    out = []
    for p in report.paragraphs():
        key = (p.start, p.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(p)
    return out


def sentences(para: Paragraph) -> list[tuple[str, int, int]]:
    """(sentence text, start, end) with offsets into Report.text."""
    out = []
    pos = 0
    for m in list(_SENT_END.finditer(para.text)) + [None]:
        end = m.start() if m else len(para.text)
        piece = para.text[pos:end]
        if content_length(piece) >= MIN_SENTENCE:
            a, b = para.span(pos, end)
            out.append((piece, a, b))
        if m:
            pos = m.end()
    return out


def is_outcome_paragraph(p: Paragraph) -> bool:
    return p.section in OUTCOME_SECTIONS or p.kind == "task_outcome" or p.id.endswith(".outcome")


def _orig_offsets(p: Paragraph, positions: list[int]) -> list[int]:
    """[p.orig(i) for i in positions] (positions ascending), walking the segments once."""
    if not p.segments:
        return [p.start + i for i in positions]
    segs = p.segments
    out = []
    k = 0
    for i in positions:
        while k + 1 < len(segs) and segs[k + 1][0] <= i:
            k += 1
        ts, os_, ln = segs[k]
        out.append(os_ + min(i - ts, ln))
    return out


def duplicated_share(report: Report) -> float | None:
    """Share of the paragraphs' content characters inside a run of SHINGLE characters
    that occurs at least twice in the report (in two paragraphs or twice in one)."""
    paras = unique_paragraphs(report)
    if not paras:
        return None
    occurrences: dict[str, set[int]] = defaultdict(set)
    streams: list[tuple[str, list[int]]] = []
    for p in paras:
        chars, offs = [], []
        keep = [i for i, ch in enumerate(p.text) if _is_content(ch)]
        chars = [p.text[i] for i in keep]
        offs = _orig_offsets(p, keep)
        s = "".join(chars)
        streams.append((s, offs))
        for i in range(len(s) - SHINGLE + 1):
            occurrences[s[i : i + SHINGLE]].add(offs[i])
    total: set[int] = set()
    dup: set[int] = set()
    for s, offs in streams:
        total.update(offs)
        for i in range(len(s) - SHINGLE + 1):
            if len(occurrences[s[i : i + SHINGLE]]) > 1:
                dup.update(offs[i : i + SHINGLE])
    return len(dup) / len(total) if total else None


def _figure_starts(analysis: Analysis) -> tuple[list[int], list[int]]:
    spans = sorted(
        (m.start, m.end) for m in analysis.mentions if m.kind not in NON_FIGURE_KINDS
    )
    return [s for s, _ in spans], [e for _, e in spans]


def _has_figure(starts: list[int], ends: list[int], a: int, b: int) -> bool:
    # a mention overlaps [a, b) when it starts before b and ends after a; mentions are
    # short, so only those starting shortly before a need a look
    hi = bisect.bisect_left(starts, b)
    lo = bisect.bisect_left(starts, a - 100)
    return any(ends[j] > a for j in range(lo, hi))


def research_metrics(analysis: Analysis, vague_terms: tuple[str, ...] | None = None) -> dict:
    """The research columns (docs/output.md, "Research columns")."""
    report = analysis.report
    if vague_terms is None:
        from nlp_pipeline.lexicons import load_list

        vague_terms = load_list("report_vague_terms.txt")
    paras = unique_paragraphs(report)
    starts, ends = _figure_starts(analysis)

    outcome_sents = [s for p in paras if is_outcome_paragraph(p) for s in sentences(p)]
    with_figure = sum(1 for _, a, b in outcome_sents if _has_figure(starts, ends, a, b))
    vague = sum(1 for t, _, _ in outcome_sents if any(v in t for v in vague_terms))
    n_out = len(outcome_sents)

    if paras:
        n_chars = sum(content_length(p.text) for p in paras)
        spans = sorted((p.start, p.end) for p in paras)
        pstarts = [s for s, _ in spans]

        def inside(pos: int) -> bool:
            i = bisect.bisect_right(pstarts, pos) - 1
            return i >= 0 and spans[i][0] <= pos < spans[i][1]

        n_numbers = sum(1 for s in starts if inside(s))
    else:
        n_chars = content_length(report.text)
        n_numbers = len(starts)

    goals = [p.id for p in report.paragraphs("G")]
    cov_o, cov_any = goal_coverage(analysis, goals)
    return {
        "n_chars": float(n_chars),
        "n_paragraphs": float(len(paras)),
        "n_goals": float(len(goals)),
        "n_outcome_sentences": float(n_out),
        "n_numbers": float(n_numbers),
        "duplicated_share": _round(duplicated_share(report)),
        "specificity": _round(with_figure / n_out) if n_out else None,
        "vague_share": _round(vague / n_out) if n_out else None,
        "numbers_per_1k_chars": _round(1000.0 * n_numbers / n_chars) if n_chars else None,
        "goal_coverage": _round(cov_o),
        "goal_coverage_any": _round(cov_any),
    }


def goal_coverage(analysis: Analysis, goals: list[str]) -> tuple[float | None, float | None]:
    """(share of goals reported on in the goal-completion narrative, share reported on
    anywhere: narrative, tasks or overall performance). The narrative is the form's own
    place for it; where a report has no such narrative the first equals the second."""
    if not goals:
        return None, None
    gset = set(goals)
    covered_any: set[str] = set()
    covered_o: set[str] | None = None
    for name, al in sorted(analysis.alignments.items()):
        if al.target_section != "G":
            continue
        hit = {p.target for p in al.pairs if p.target in gset}
        covered_any |= hit
        if name == "outcomes_to_goals" and al.pairs:
            covered_o = hit
    any_share = len(covered_any) / len(gset)
    return (len(covered_o) / len(gset) if covered_o is not None else any_share), any_share


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)
