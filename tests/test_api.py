"""The Python API for notebooks: nlp_pipeline.analyze and nlp_pipeline.batch."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

import nlp_pipeline
from nlp_pipeline.model import Analysis
from nlp_pipeline.report.tables import ERROR_COLUMNS, FINDING_COLUMNS, REPORT_COLUMNS, RESEARCH_COLUMNS
from nlp_pipeline.report.testing import toy_analyze, write_toy_corpus

DATA = Path(__file__).resolve().parent / "data" / "report"


def test_analyze_returns_an_analysis():
    a = nlp_pipeline.analyze(DATA / "school_2023.txt")
    assert isinstance(a, Analysis)
    assert a.report.organisation == "某某市第一中学" and a.report.year == 2023
    assert a.score is not None and 0 <= a.score.total <= 100
    assert a.metrics["goal_coverage"] is not None


def test_batch_returns_three_frames(tmp_path):
    for f in DATA.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "empty.txt").write_bytes(b"")
    reports, findings, errors = nlp_pipeline.batch([tmp_path], workers=0)
    assert all(isinstance(x, pd.DataFrame) for x in (reports, findings, errors))
    assert sorted(reports["id"]) == ["school_2023", "water_bureau_2022"]
    assert list(reports.columns[: len(REPORT_COLUMNS)]) == REPORT_COLUMNS
    assert set(RESEARCH_COLUMNS) <= set(reports.columns)
    assert list(findings.columns) == FINDING_COLUMNS and list(errors.columns) == ERROR_COLUMNS
    assert len(findings) == reports["n_findings"].sum()
    assert errors["source"].str.endswith("empty.txt").tolist() == [True]
    # one regression-ready table: numeric research columns, counts as whole numbers
    assert reports[RESEARCH_COLUMNS].dtypes.map(lambda d: d.kind in "fi").all()
    assert reports["n_chars"].dtype.kind == "i" and reports["goal_coverage"].dtype.kind == "f"


def test_batch_accepts_one_path_and_a_stand_in_analyser(tmp_path):
    write_toy_corpus(tmp_path, 3)
    reports, findings, errors = nlp_pipeline.batch(str(tmp_path / "*.txt"), analyze_fn=toy_analyze, workers=2)
    assert len(reports) == 3 and len(findings) == 3 and errors.empty
