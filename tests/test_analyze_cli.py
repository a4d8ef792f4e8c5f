"""`nlp-pipeline analyze FILE --format json|text` on the real pipeline; the JSON is
validated against docs/schema/analysis.schema.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nlp_pipeline.cli import main
from nlp_pipeline.report.serialize import analysis_from_json, analysis_to_json
from nlp_pipeline.report.testing import make_analysis

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"
SMALL = Path(__file__).resolve().parent / "data" / "report" / "water_bureau_2022.txt"
SCHEMA = json.loads((ROOT / "docs" / "schema" / "analysis.schema.json").read_text(encoding="utf-8"))


def validate(doc: dict) -> None:
    import jsonschema
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def run(*args):
    return CliRunner().invoke(main, ["analyze", *map(str, args)])


@pytest.fixture(scope="module")
def seed_json():
    r = run(SEED, "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_json_on_the_seed_follows_the_schema(seed_json):
    doc = seed_json
    validate(doc)
    assert doc["report"]["id"] == SEED.stem and doc["report"]["year"] == 2021
    assert len(doc["mentions"]) > 100
    assert "outcomes_to_goals" in doc["alignments"]
    assert doc["findings"] and 0 <= doc["score"]["total"] <= 100
    assert doc["score"]["explanation"].startswith("得分") and doc["score"]["explanation_en"].startswith("Score")
    text = doc["report"]["text"]
    for f in doc["findings"]:
        for e in f["evidence"]:
            assert text[e["start"] : e["end"]] == e["quote"]
    assert set(doc["metrics"]) >= {"specificity", "vague_share", "duplicated_share", "numbers_per_1k_chars", "goal_coverage"}


def test_schema_rejects_a_broken_document(seed_json):
    import jsonschema
    bad = json.loads(json.dumps(seed_json))
    bad["findings"][0]["severity"] = "critical"
    del bad["score"]["total"]
    errs = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(bad))
    assert len(errs) == 2


def test_json_round_trip(seed_json):
    a = analysis_from_json(seed_json)
    again = analysis_to_json(a)
    assert again == seed_json


def test_hand_built_analysis_follows_the_schema():
    a = make_analysis([("Q1", "问题")], outcomes_to_goals={})  # undefined shares -> null
    doc = analysis_to_json(a)
    assert doc["metrics"]["goal_coverage"] is None and doc["score"]["parts"]["goal_coverage"] is None
    validate(doc)


def test_text_lists_findings_by_severity_with_evidence():
    r = run(SMALL)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert out.startswith("某某县水务局2022年度部门整体支出绩效自评报告")
    assert "得分" in out and "发现问题" in out
    heads = [out.index(h) for h in ("【高】", "【中】", "【低】") if h in out]
    assert heads == sorted(heads) and heads
    assert "UNSUPPORTED_CLAIM" in out
    # evidence lines: paragraph id, offsets, quote
    assert any(line.strip().startswith(("P1 [", "P2 [")) and "「" in line for line in out.splitlines())


def test_text_in_english():
    r = run(SMALL, "--lang", "en")
    assert r.exit_code == 0
    assert "score:" in r.stdout and "finding" in r.stdout and "[medium]" in r.stdout


def test_bad_files_exit_2_with_one_line(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    for path in (broken, tmp_path / "missing.txt"):
        r = run(path, "--format", "json")
        assert r.exit_code == 2
        assert r.stdout == ""
        assert len(r.stderr.strip().splitlines()) == 1 and r.stderr.startswith("错误")


def test_output_file(tmp_path):
    out = tmp_path / "a.json"
    r = run(SMALL, "--format", "json", "-o", out)
    assert r.exit_code == 0 and r.stdout == ""
    validate(json.loads(out.read_text(encoding="utf-8")))


def test_missing_model_exits_2(tmp_path):
    r = run(SMALL, "--model", tmp_path / "no-such-model")
    assert r.exit_code == 2 and r.stdout == ""
    assert "no-such-model" in r.stderr and len(r.stderr.strip().splitlines()) == 1
