"""Score and research measures on Analysis objects built by hand (no pipeline needed)."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from nlp_pipeline.model import Finding
from nlp_pipeline.report.metrics import duplicated_share, research_metrics
from nlp_pipeline.report.score import (
    PENALTY_HALF,
    SEVERITY_WEIGHTS,
    compute_score,
    explanation,
    score_analysis,
)
from nlp_pipeline.report.testing import make_analysis

ROOT = Path(__file__).resolve().parent.parent

BASE = [
    ("G1", "完成河道清淤12公里"),
    ("G2", "水质达标率达到100%"),
    ("G3", "推进节水型社会建设"),
    ("G4", "开展防汛演练"),
    ("O1", "全年完成河道清淤12公里，投入资金350万元。"),
    ("O2", "水质达标率100%。供水保障能力进一步提升。"),
    ("Q1", "项目前期工作不够扎实"),
    ("I1", "2023年6月前完成3个项目储备"),
]


def analysis(findings=(), paragraphs=BASE, mapping=None):
    return make_analysis(
        list(paragraphs),
        outcomes_to_goals=mapping if mapping is not None else {"O1": "G1", "O2": "G2"},
        findings=list(findings),
    )


def test_score_is_deterministic_and_in_range():
    a, b = analysis(), analysis()
    assert a.score.total == b.score.total
    assert a.score.parts == b.score.parts
    assert 0 <= a.score.total <= 100


def test_total_is_the_documented_sum_of_its_parts():
    a = analysis([("UNSUPPORTED_CLAIM", "medium", "O2", "进一步提升")])
    p = a.score.parts
    assert p["goal_coverage"] == pytest.approx(0.5)  # G1, G2 of four goals
    # O1 one sentence with figures, O2 two sentences of which one has a figure
    assert p["evidence_density"] == pytest.approx(2 / 3, abs=1e-4)
    assert p["severity_penalty"] == SEVERITY_WEIGHTS["medium"]
    assert p["coverage_points"] == pytest.approx(25 * 0.5)
    assert p["evidence_points"] == pytest.approx(20 * 2 / 3, abs=0.01)
    assert p["originality_points"] == pytest.approx(15 * (1 - p["duplicated_share"]), abs=0.01)
    assert p["findings_points"] == pytest.approx(40 * PENALTY_HALF / (PENALTY_HALF + 4), abs=0.01)
    total = p["coverage_points"] + p["evidence_points"] + p["originality_points"] + p["findings_points"]
    assert a.score.total == pytest.approx(round(total, 1))


def test_findings_lower_the_score_by_severity():
    clean = analysis().score.total
    low = analysis([("VAGUE_MEASURE", "low", "I1", "")]).score.total
    high = analysis([("NUMBER_CONFLICT", "high", "O1", "12公里")]).score.total
    two_high = analysis([("NUMBER_CONFLICT", "high", "O1", "12公里"), ("RATE_OVER_100", "high", "O2", "100%")])
    assert clean > low > high > two_high.score.total
    assert clean == pytest.approx(100 - 25 * 0.5 - 20 * (1 - 2 / 3), abs=0.1)


def test_goal_coverage_follows_the_alignment():
    full = analysis(mapping={"O1": "G1", "O2": "G2"}, paragraphs=BASE[:2] + BASE[4:])
    none = analysis(mapping={"O1": None, "O2": None})
    assert full.metrics["goal_coverage"] == 1.0
    assert none.metrics["goal_coverage"] == 0.0
    assert full.score.total > none.score.total


def test_undefined_parts_are_missing_not_zero():
    a = make_analysis([("Q1", "问题"), ("I1", "措施")], outcomes_to_goals={})
    assert a.metrics["goal_coverage"] is None
    assert a.metrics["specificity"] is None
    assert math.isnan(a.score.parts["goal_coverage"])
    assert a.score.parts["coverage_points"] == 0.0
    assert a.score.parts["evidence_points"] == 0.0


def test_duplicated_share_counts_pasted_text():
    long = "加强出租屋网格员专业知识培训提高信息采集质量"
    clean = make_analysis([("Q1", long), ("Q2", "四室一厅基础设施仍需完善")], score=False)
    pasted = make_analysis([("Q1", long), ("Q2", "四室一厅基础设施仍需完善。" + long)], score=False)
    assert duplicated_share(clean.report) == 0.0
    share = duplicated_share(pasted.report)
    # both copies of the long sentence are duplicated, the short one is not
    n = len(long)
    assert share == pytest.approx(2 * n / (2 * n + len("四室一厅基础设施仍需完善")), abs=0.01)


def test_specificity_and_vague_share():
    a = make_analysis(
        [("G1", "目标"), ("O1", "完成改造5个小区。工作取得较好成效。群众满意度明显提高。")],
        outcomes_to_goals={"O1": "G1"},
    )
    assert a.metrics["n_outcome_sentences"] == 3
    assert a.metrics["specificity"] == pytest.approx(1 / 3, abs=1e-4)
    assert a.metrics["vague_share"] == pytest.approx(2 / 3, abs=1e-4)


def test_years_are_not_figures():
    a = make_analysis([("G1", "目标"), ("O1", "2022年全面完成各项工作")], outcomes_to_goals={"O1": "G1"})
    assert a.metrics["specificity"] == 0.0


def test_numbers_per_thousand_characters():
    a = make_analysis([("O1", "完成12个，支出30万元")], outcomes_to_goals={})
    m = a.metrics
    assert m["n_numbers"] == 2
    assert m["numbers_per_1k_chars"] == pytest.approx(1000 * 2 / m["n_chars"], abs=1e-3)


def test_explanation_in_both_languages():
    a = analysis([("NUMBER_CONFLICT", "high", "O1", "12公里")])
    zh = a.score.explanation
    en = explanation(a.score, "en")
    assert zh.startswith("得分") and "高 1 项" in zh
    assert en.startswith("Score") and "1 high" in en
    assert f"{a.score.total:.1f}" in zh and f"{a.score.total:.1f}" in en


def test_compute_score_ignores_unknown_severity():
    f = Finding("X", "info", "m", "m")
    s = compute_score({"goal_coverage": 1.0, "specificity": 1.0, "duplicated_share": 0.0}, [f])
    assert s.total == 100.0


def test_score_analysis_returns_score_and_metrics():
    a = analysis()
    score, metrics = score_analysis(a)
    assert score.total == a.score.total
    assert set(metrics) >= {"duplicated_share", "specificity", "vague_share", "numbers_per_1k_chars", "goal_coverage"}


def test_every_research_column_is_documented():
    from nlp_pipeline.report.tables import FINDING_COLUMNS, REPORT_COLUMNS, RESEARCH_COLUMNS

    doc = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    for col in REPORT_COLUMNS + RESEARCH_COLUMNS + FINDING_COLUMNS:
        assert f"`{col}`" in doc, col
    assert set(research_metrics(analysis())) <= set(RESEARCH_COLUMNS)


def test_explanation_reads_well_when_there_are_no_outcome_sentences():
    from nlp_pipeline.report.score import explain
    parts = {"coverage_points": 0.0, "goal_coverage": 0.0, "evidence_points": 0.0,
             "evidence_density": float("nan"), "originality_points": 15.0, "duplicated_share": 0.0,
             "findings_points": 40.0, "severity_penalty": 0.0, "n_high": 0, "n_medium": 0, "n_low": 0}
    zh = explain(55.0, parts)
    assert "无完成情况语句" in zh and "无的" not in zh
    assert "n/a of outcome sentences" in explain(55.0, parts, "en")


def test_a_report_without_goals_is_said_so_in_its_score_explanation():
    from nlp_pipeline.report.score import explain

    parts = {"coverage_points": 0.0, "goal_coverage": float("nan"), "evidence_points": 12.0, "evidence_density": 0.6,
             "originality_points": 10.4, "duplicated_share": 0.306, "findings_points": 40.0, "severity_penalty": 0,
             "n_high": 0, "n_medium": 0, "n_low": 0}
    zh, en = explain(62.4, parts), explain(62.4, parts, "en")
    assert "报告没有年度目标" in zh and "无的目标" not in zh
    assert "the report states no goals" in en and "n/a of goals" not in en
    parts["goal_coverage"] = 0.5
    assert "50.0%的目标有完成情况" in explain(62.4, parts)
