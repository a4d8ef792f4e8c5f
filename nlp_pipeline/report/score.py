"""One score per report, 0 to 100, higher is better (less risky).

    total = coverage_points + evidence_points + originality_points + findings_points
    coverage_points    = 25 × goal_coverage        (share of goals with an outcome)
    evidence_points    = 20 × evidence_density     (share of outcome sentences with a figure)
    originality_points = 15 × (1 − duplicated_share)
    findings_points    = 40 × 20 / (20 + severity_penalty)
    severity_penalty   = 10 × #high + 4 × #medium + 1 × #low

An undefined part (no goals, no outcome sentences, no paragraphs) scores 0 points: a
report that states no goals or reports no result has shown nothing to check. The same
formula is in docs/output.md; keep the two in step.
"""
from __future__ import annotations

from nlp_pipeline.model import Analysis, Score
from nlp_pipeline.report.metrics import research_metrics

WEIGHTS = {"coverage": 25.0, "evidence": 20.0, "originality": 15.0, "findings": 40.0}
SEVERITY_WEIGHTS = {"high": 10.0, "medium": 4.0, "low": 1.0}
# the penalty at which findings_points fall to half their maximum
PENALTY_HALF = 20.0
FORMULA_VERSION = "1"


def severity_penalty(findings) -> float:
    return float(sum(SEVERITY_WEIGHTS.get(f.severity, 0.0) for f in findings))


def compute_score(metrics: dict, findings) -> Score:
    """The score from the research metrics and the findings (pure; no I/O)."""
    cov = metrics.get("goal_coverage")
    ev = metrics.get("specificity")
    dup = metrics.get("duplicated_share")
    penalty = severity_penalty(findings)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_WEIGHTS}
    pts = {
        "coverage_points": WEIGHTS["coverage"] * (cov or 0.0),
        "evidence_points": WEIGHTS["evidence"] * (ev or 0.0),
        "originality_points": WEIGHTS["originality"] * (1.0 - dup) if dup is not None else 0.0,
        "findings_points": WEIGHTS["findings"] * PENALTY_HALF / (PENALTY_HALF + penalty),
    }
    pts = {k: round(v, 2) for k, v in pts.items()}
    total = round(min(100.0, max(0.0, sum(pts.values()))), 1)
    parts = {
        "goal_coverage": _num(cov),
        "evidence_density": _num(ev),
        "duplicated_share": _num(dup),
        "severity_penalty": penalty,
        "n_high": float(counts["high"]),
        "n_medium": float(counts["medium"]),
        "n_low": float(counts["low"]),
        **pts,
    }
    return Score(total=total, parts=parts, explanation=explain(total, parts, "zh"))


def score_analysis(analysis: Analysis) -> tuple[Score, dict]:
    """(Score, research metrics) of an analysed report; called by the pipeline."""
    metrics = research_metrics(analysis)
    return compute_score(metrics, analysis.findings), metrics


def _num(x: float | None) -> float:
    # Score.parts holds floats; an undefined share is NaN there, None in metrics
    return float("nan") if x is None else float(x)


def _pct(x: float) -> str:
    return "无" if x != x else f"{x * 100:.1f}%"


def _evidence_zh(x: float) -> str:
    return "无完成情况语句" if x != x else f"{x * 100:.1f}%的完成情况语句含数据"


def _coverage_zh(x: float) -> str:
    return "报告没有年度目标" if x != x else f"{x * 100:.1f}%的目标有完成情况"


def _coverage_en(x: float) -> str:
    return "the report states no goals" if x != x else f"{x * 100:.1f}% of goals have an outcome"


def _pct_en(x: float) -> str:
    return "n/a" if x != x else f"{x * 100:.1f}%"


def explain(total: float, parts: dict, lang: str = "zh") -> str:
    """The score in words, built from its parts only (so it can be rebuilt in either
    language from a stored Score)."""
    p = parts
    if lang == "en":
        return (
            f"Score {total:.1f}/100 (higher is less risky) = "
            f"goal coverage {p['coverage_points']:.1f}/25 ({_coverage_en(p['goal_coverage'])}) + "
            f"evidence {p['evidence_points']:.1f}/20 ({_pct_en(p['evidence_density'])} of outcome sentences carry a figure) + "
            f"unduplicated text {p['originality_points']:.1f}/15 ({_pct_en(p['duplicated_share'])} of the text is duplicated) + "
            f"findings {p['findings_points']:.1f}/40 (severity penalty {p['severity_penalty']:.0f}: "
            f"{p['n_high']:.0f} high ×10, {p['n_medium']:.0f} medium ×4, {p['n_low']:.0f} low ×1)."
        )
    return (
        f"得分 {total:.1f}/100（越高风险越低）= "
        f"目标覆盖 {p['coverage_points']:.1f}/25（{_coverage_zh(p['goal_coverage'])}）+ "
        f"证据密度 {p['evidence_points']:.1f}/20（{_evidence_zh(p['evidence_density'])}）+ "
        f"非重复文字 {p['originality_points']:.1f}/15（重复文字占{_pct(p['duplicated_share'])}）+ "
        f"问题扣分后 {p['findings_points']:.1f}/40（严重度加权 {p['severity_penalty']:.0f}："
        f"高 {p['n_high']:.0f} 项×10，中 {p['n_medium']:.0f} 项×4，低 {p['n_low']:.0f} 项×1）。"
    )


def explanation(score: Score, lang: str = "zh") -> str:
    """Score.explanation in ``lang``; rebuilt from the parts for English."""
    if lang == "zh" and score.explanation:
        return score.explanation
    try:
        return explain(score.total, score.parts, lang)
    except KeyError:  # a Score not made here
        return score.explanation
