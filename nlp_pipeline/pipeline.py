"""The whole flow in one function: read, extract numbers, align, detect, score."""
from __future__ import annotations

from pathlib import Path

from nlp_pipeline.filetype import check_report_file
from nlp_pipeline.model import Alignment, Analysis, Finding, number_findings

# The detectors that have the last word on what an alignment leaves without a
# counterpart: (finding code, key of its values listing the ids, alignment, which side).
# The aligner pairs by similarity; these detectors also accept an answer in shared
# wording or a same-numbered item, and every command shows their verdict.
GAPS = (
    ("PROBLEM_WITHOUT_MEASURE", "problems", "problems_to_improvements", "sources", None),
    ("GOAL_WITHOUT_OUTCOME", "goals", "outcomes_to_goals", "targets", "O"),
    ("GOAL_WITHOUT_OUTCOME", "goals", "performance_to_goals", "targets", "P"),
)
GAP_CODES = sorted({g[0] for g in GAPS})


def settle_gaps(alignments: dict[str, Alignment], findings: list[Finding], report) -> None:
    """Set each alignment's unmatched lists to the gap detectors' verdict (see GAPS)."""
    section_of_goal_check = "O" if report.paragraphs("O") else "P"
    for code, key, name, side, section in GAPS:
        al = alignments.get(name)
        if al is None or (section is not None and section != section_of_goal_check):
            continue
        ids: list[str] = []
        for f in findings:
            if f.code == code and (section is None or f.values.get("section", section) == section):
                ids += [i for i in f.values.get(key) or [] if i not in ids]
        if side == "sources":
            al.unmatched_sources = ids
        else:
            al.unmatched_targets = ids


def trusted_mentions(report, mentions: list) -> list:
    """The mentions detectors may use: on a scan, none holding a digit read with low confidence."""
    if not report.low_confidence:
        return mentions
    from nlp_pipeline.ingest.ocr import mark_mentions

    return mark_mentions(report, mentions)


def settled_alignments(report, *, encoder=None, mode: str = "fused", mentions=None) -> dict[str, Alignment]:
    """The alignments as every command shows them: the aligner's pairs, and what is left
    without a counterpart as the gap detectors decide it (the same as ``analyze``)."""
    from nlp_pipeline import align, detect, text
    from nlp_pipeline.lexicons import Lexicons

    if mentions is None:
        mentions = text.extract_mentions(report)
    alignments = align.align_report(report, encoder=encoder, mode=mode)
    ctx = detect.Context(report=report, mentions=trusted_mentions(report, mentions), alignments=alignments,
                         lexicons=Lexicons())
    settle_gaps(alignments, detect.run_detectors(ctx, only=GAP_CODES), report)
    return alignments


def analyze(path: str | Path, *, encoder=None, detectors: list[str] | None = None,
            mode: str = "fused", rule_params: dict | str | Path | None = None) -> Analysis:
    """Analyse one report file and return the :class:`Analysis`.

    ``encoder`` is a sentence encoder for the alignment (None: the default fusion of
    lexical and bundled dense similarity; see nlp_pipeline.align); ``mode`` "lexical"
    aligns by wording alone and loads no encoder. ``rule_params`` overrides rule
    parameters: ``{rule_id: {param: value}}`` or the path of such a YAML file (see
    docs/rules.md; a wrong one raises :class:`nlp_pipeline.errors.RulesConfigError`).
    Raises :class:`nlp_pipeline.errors.ReportError` for a file that is not a readable
    report.
    """
    from nlp_pipeline import align, detect, ingest, text
    from nlp_pipeline.lexicons import Lexicons
    from nlp_pipeline.report.score import score_analysis

    if isinstance(rule_params, (str, Path)):
        rule_params = detect.registry.load_rules_config(str(rule_params))
    elif rule_params:
        rule_params = detect.registry.validate_rule_params(rule_params)
    check_report_file(path)
    report = ingest.read_report(path)
    mentions = text.extract_mentions(report)
    alignments = align.align_report(report, encoder=encoder, mode=mode)
    # a scan's numbers read with low confidence are shown but no detector reasons on them
    ctx = detect.Context(report=report, mentions=trusted_mentions(report, mentions), alignments=alignments,
                         lexicons=Lexicons())
    findings = detect.run_detectors(ctx, only=detectors, params=rule_params or None)
    if report.ocr_boxes:
        from nlp_pipeline.ingest.ocr import locate_findings, set_aside

        findings = set_aside(report, findings)  # none resting on a figure read unsurely
        locate_findings(report, findings)  # each quote's page and box on the scan
    findings = number_findings(findings)
    if detectors is None or set(GAP_CODES) <= set(detectors):
        settle_gaps(alignments, findings, report)
    analysis = Analysis(report=report, mentions=mentions, alignments=alignments, findings=findings)
    analysis.score, analysis.metrics = score_analysis(analysis)
    return analysis
