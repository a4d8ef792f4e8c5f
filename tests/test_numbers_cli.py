"""`nlp-pipeline numbers FILE`."""
import json
from pathlib import Path

from click.testing import CliRunner

from nlp_pipeline.cli import main

SEED = Path(__file__).resolve().parent.parent / "corpora" / "street_office_2021_department_performance_self_evaluation_form.txt"


def test_numbers_json_round_trips_offsets():
    res = CliRunner().invoke(main, ["numbers", str(SEED), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    from nlp_pipeline.ingest import read_report

    text = read_report(SEED).text
    assert all(text[d["start"] : d["end"]] == d["text"] for d in data)
    assert data and {"kind", "base_value", "metric", "role", "paragraph"} <= set(data[0])
    assert any(d["role"] == "budget" for d in data)


def test_numbers_table_headers_follow_lang():
    zh = CliRunner().invoke(main, ["numbers", str(SEED)])
    en = CliRunner().invoke(main, ["numbers", str(SEED), "--lang", "en"])
    assert zh.exit_code == en.exit_code == 0
    assert "标准值" in zh.output and "base value" in en.output


def test_numbers_missing_file_is_one_line_error(tmp_path):
    res = CliRunner().invoke(main, ["numbers", str(tmp_path / "nope.txt"), "--lang", "en"])
    assert res.exit_code == 2
    assert "Traceback" not in res.output
