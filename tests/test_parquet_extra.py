"""Parquet is the ``parquet`` extra (pyarrow, 170 MB): without it a batch writes CSV and
HTML, keeps its copy index as copy_index.jsonl.gz (which ``--against`` reads as it reads
copy_index.parquet), and refuses Parquet asked for by name with a message saying what to
install. pyarrow is installed in the test environment: its absence is simulated."""
from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from nlp_pipeline.cli import main
from nlp_pipeline.crossdoc.synthetic import make_corpus


@pytest.fixture(scope="module")
def words():
    from nlp_pipeline.crossdoc.synthetic import _words

    return _words()


@pytest.fixture
def no_pyarrow(monkeypatch):
    from nlp_pipeline.report import writers

    monkeypatch.setattr(writers, "have_parquet", lambda: False)


def _write(reports, folder):
    folder.mkdir(parents=True, exist_ok=True)
    for r in reports:
        (folder / f"{r.id}.txt").write_text(r.text, encoding="utf-8")
    return folder


COMMON = ["--analyzer", "nlp_pipeline.crossdoc.synthetic:parse_only", "--workers", "0"]


def _pairs(out):
    df = pd.read_csv(out / "copy_pairs.csv")
    return sorted(map(tuple, df[["report_id", "other_id", "code", "spans", "other_spans"]].values.tolist()))


def test_without_pyarrow_csv_html_and_jsonl_index(tmp_path, words, monkeypatch):
    corpus = make_corpus(24, seed=9, earlier_as_reference=True, words=words)
    old = _write(corpus.reference(), tmp_path / "y2021")
    new = _write(corpus.batch(), tmp_path / "y2022")
    # with pyarrow: the reference index as Parquet
    r = CliRunner().invoke(main, ["batch", str(old), "-o", str(tmp_path / "pq"), *COMMON])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "pq" / "copy_index.parquet").is_file() and (tmp_path / "pq" / "reports.parquet").is_file()
    from nlp_pipeline.report import writers

    monkeypatch.setattr(writers, "have_parquet", lambda: False)
    r = CliRunner().invoke(main, ["batch", str(old), "-o", str(tmp_path / "js"), *COMMON])
    assert r.exit_code == 0, r.output
    js = tmp_path / "js"
    assert (js / "reports.csv").is_file() and (js / "index.html").is_file() and (js / "copy_index.jsonl.gz").is_file()
    assert not list(js.glob("*.parquet"))
    pd.testing.assert_frame_equal(pd.read_csv(js / "reports.csv"), pd.read_csv(tmp_path / "pq" / "reports.csv"))
    found = {}
    for name, against in (("pq", tmp_path / "pq"), ("js", js), ("file", js / "copy_index.jsonl.gz")):
        if name == "pq":
            monkeypatch.undo()
        else:
            monkeypatch.setattr(writers, "have_parquet", lambda: False)
        out = tmp_path / f"new_{name}"
        r = CliRunner().invoke(main, ["batch", str(new), "-o", str(out), "--against", str(against), *COMMON])
        assert r.exit_code == 0, r.output
        found[name] = _pairs(out)
    assert found["pq"] and found["pq"] == found["js"] == found["file"]


@pytest.mark.parametrize("lang, words_", [("zh", ["pyarrow", "parquet", "pip install"]),
                                          ("en", ["pyarrow", "optional extra parquet", "--format csv,html"])])  # fmt: skip
def test_parquet_asked_for_without_pyarrow(tmp_path, no_pyarrow, lang, words_):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("某单位2023年度部门整体支出绩效自评报告\n一、部门基本情况\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["batch", str(src), "-o", str(tmp_path / "out"), "--format", "csv,parquet",
                                  "--lang", lang, *COMMON])  # fmt: skip
    assert r.exit_code == 2, r.output
    for w in words_:
        assert w in r.output
    if lang == "zh":
        assert "需要可选组件" in r.output
    assert "Traceback" not in r.output
    assert not (tmp_path / "out" / "reports.csv").exists()  # refused before any work


def test_run_batch_refuses_parquet_without_pyarrow(tmp_path, no_pyarrow):
    from nlp_pipeline.report.writers import ParquetUnavailable
    from nlp_pipeline.runner import run_batch

    with pytest.raises(ParquetUnavailable):
        run_batch([tmp_path], tmp_path / "out", formats=("csv", "parquet"), workers=0)
    with pytest.raises(ParquetUnavailable):
        from nlp_pipeline.report.writers import parquet_bytes

        parquet_bytes(pd.DataFrame({"a": [1]}))
