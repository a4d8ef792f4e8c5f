"""The batch on the real pipeline: the seed form, two small narrative reports, a broken file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import nlp_pipeline
from nlp_pipeline import runner as B

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"
DATA = Path(__file__).resolve().parent / "data" / "report"


def make_corpus(root: Path) -> Path:
    src = root / "in"
    (src / "narrative").mkdir(parents=True)
    shutil.copy(SEED, src / SEED.name)
    for f in DATA.glob("*.txt"):
        shutil.copy(f, src / "narrative" / f.name)
    (src / "narrative" / "broken.docx").write_bytes(b"PK\x03\x04 this is no zip")
    return src


def test_batch_on_real_reports(tmp_path):
    src = make_corpus(tmp_path)
    out = tmp_path / "out"
    res = B.run_batch([src], out, workers=2)
    assert sorted(res.reports["id"]) == sorted([SEED.stem, "school_2023", "water_bureau_2022"])
    assert len(res.errors) == 1 and res.errors.loc[0, "source"].endswith("broken.docx")
    assert res.errors.loc[0, "stage"] == "read"
    # the same numbers as analysing one file
    one = nlp_pipeline.analyze(SEED)
    row = res.reports.set_index("id").loc[SEED.stem]
    assert row["score"] == one.score.total
    assert row["n_findings"] == len(one.findings)
    assert row["year"] == 2021
    assert row["goal_coverage"] == pytest.approx(one.metrics["goal_coverage"])
    assert row["n_duplicate_paragraph"] == sum(f.code == "DUPLICATE_PARAGRAPH" for f in one.findings) > 0
    seed_findings = res.findings[res.findings.report_id == SEED.stem]
    assert seed_findings["code"].tolist() == [f.code for f in one.findings]
    # every quote is the report text at its offsets
    text = one.report.text
    for _, f in seed_findings.iterrows():
        assert text[int(f["start"]) : int(f["end"])] == f["quote"]
    # tables on disk equal the frames returned
    pd.testing.assert_frame_equal(
        pd.read_parquet(out / "reports.parquet"), res.reports, check_dtype=False
    )
    page = (out / "reports" / "school_2023.html").read_text(encoding="utf-8")
    # the reader drops markup from paragraph text; none of it may reach the page as markup
    assert "alert(1)" in page and "<script" not in page
    seed_page = (out / "reports" / f"{SEED.stem}.html").read_text(encoding="utf-8")
    assert seed_page.count("<mark ") >= len(one.findings) // 2
    index = (out / "index.html").read_text(encoding="utf-8")
    ranked = res.reports.sort_values("score")["id"].tolist()
    assert [index.index(f"reports/{i}.html") for i in ranked] == sorted(index.index(f"reports/{i}.html") for i in ranked)
    # a rerun analyses nothing
    again = B.run_batch([src], out, workers=2, formats=["csv"])
    assert (again.n_analysed, again.n_cached) == (0, 3)
    pd.testing.assert_frame_equal(again.reports, res.reports)
