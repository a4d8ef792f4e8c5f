"""One answer wherever the user looks: a finding keeps its id in the text output, the
JSON, the CSV and the HTML; `align` and `analyze` print the same alignment verdict; an
Analysis reads well in a notebook."""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from click.testing import CliRunner

import nlp_pipeline
from nlp_pipeline.cli import main
from nlp_pipeline.report import serialize
from nlp_pipeline.report.html import render_report
from nlp_pipeline.runner import run_batch
from seed_data import SEED, require


@pytest.fixture(scope="module")
def seed_analysis():
    require(SEED)
    return nlp_pipeline.analyze(SEED)


def test_a_finding_has_one_id_in_text_json_csv_and_html(seed_analysis, tmp_path):
    a = seed_analysis
    ids = [f.id for f in a.findings]
    assert ids == [f"F{k}" for k in range(1, len(ids) + 1)] and len(ids) >= 10
    by_id = {f.id: f.code for f in a.findings}
    # text: each finding is listed under its id, however the severities group them
    text = serialize.render_text(a)
    listed = dict(re.findall(r"^\s*(F\d+)  ([A-Z0-9_]+)  ", text, re.M))
    assert listed == by_id
    # JSON
    doc = json.loads(serialize.dumps(a))
    assert {f["id"]: f["code"] for f in doc["findings"]} == by_id
    # CSV (through the batch, which goes through the cache's JSON)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / SEED.name).write_bytes(SEED.read_bytes())
    run_batch([tmp_path / "in"], tmp_path / "out", workers=0, formats=["csv", "html"])
    csv = pd.read_csv(tmp_path / "out" / "findings.csv")
    assert dict(zip(csv["finding_id"], csv["code"])) == by_id
    # HTML: the finding's anchor and label, and the marks in the text name the same id
    page = (tmp_path / "out" / "reports" / f"{SEED.stem}.html").read_text(encoding="utf-8")
    for fid, code in by_id.items():
        block = re.search(rf'id="{fid}"(.*?)</(?:div|article)>', page, re.S)
        assert block and code in block.group(1), fid
    for title in re.findall(r'<mark [^>]*title="([^"]+)"', page):
        for part in title.split("; "):
            fid, code = re.fullmatch(r"(F\d+) .+ \(([A-Z0-9_]+)\)", part).groups()
            assert by_id[fid] == code


def test_the_order_is_most_severe_first_then_by_position(seed_analysis):
    rank = {"high": 0, "medium": 1, "low": 2}
    keys = [(rank[f.severity], min(e.start for e in f.evidence)) for f in seed_analysis.findings]
    assert keys == sorted(keys)


def test_align_and_analyze_print_the_same_verdict_on_the_seed(seed_analysis):
    require(SEED)
    res = CliRunner().invoke(main, ["align", str(SEED), "--format", "json"])
    assert res.exit_code == 0, res.output
    aligned = json.loads(res.output)
    analysed = json.loads(serialize.dumps(seed_analysis))["alignments"]
    for name in aligned:
        assert aligned[name]["pairs"] == analysed[name]["pairs"], name
        assert aligned[name]["unmatched_targets"] == analysed[name]["unmatched_targets"], name
        assert aligned[name]["unmatched_sources"] == analysed[name]["unmatched_sources"], name
    # the problem the aligner left unpaired is answered by its measure's wording, and
    # both commands say so
    q2 = next(p for p in aligned["problems_to_improvements"]["pairs"] if p["source"] == "Q2")
    assert q2["target"] is None
    flagged = [f.values["problems"] for f in seed_analysis.findings if f.code == "PROBLEM_WITHOUT_MEASURE"]
    assert aligned["problems_to_improvements"]["unmatched_sources"] == (flagged[0] if flagged else [])
    assert "Q2" not in aligned["problems_to_improvements"]["unmatched_sources"]
    goals = [f.values["goals"] for f in seed_analysis.findings if f.code == "GOAL_WITHOUT_OUTCOME"]
    assert aligned["outcomes_to_goals"]["unmatched_targets"] == (goals[0] if goals else [])
    table = CliRunner().invoke(main, ["align", str(SEED)])
    assert "无改进措施的问题: 无" in table.output


def test_analysis_repr_is_short_and_notebooks_get_tables(seed_analysis):
    a = seed_analysis
    text = repr(a)
    assert "\n" not in text and len(text) < 400
    assert SEED.stem in text and f"{a.score.total:.1f}" in text and "DUPLICATE_PARAGRAPH×" in text
    html = a._repr_html_()
    assert "<table>" in html and "F1" in html and html.count("<tr>") <= 21
    fr = a.findings_frame()
    assert len(fr) == len(a.findings) and fr["id"].tolist()[:2] == ["F1", "F2"]
    mf = a.mentions_frame()
    assert len(mf) == len(a.mentions) and {"kind", "value", "unit", "metric"} <= set(mf.columns)
    al = a.alignments_frame()
    assert len(al) == sum(len(x.pairs) for x in a.alignments.values())
    assert set(al["alignment"]) == set(a.alignments) and {"source", "target", "score"} <= set(al.columns)
