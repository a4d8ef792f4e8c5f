"""``nlp-pipeline bench`` runs end to end on a tiny corpus and prints its columns
(no timing is asserted: the figures depend on the machine)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from nlp_pipeline.cli import main

pytest.importorskip("psutil")


def test_bench_prints_stages_batch_and_reference():
    res = CliRunner().invoke(main, ["bench", "--sizes", "2", "--stage-sample", "2", "--workers", "1",
                                    "--modes", "lexical", "--repeat", "1"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "cold start --help" in out and "cold start analyze" in out
    assert "raw jieba.lcut, one core" in out
    assert "stages, lexical" in out
    for stage in ("read", "annotate", "numbers", "align", "detect", "write", "total"):
        assert f"\n  {stage} " in out
    assert "ms/report" in out and "paragraphs/s" in out
    header = next(ln for ln in out.splitlines() if ln.strip().startswith("reports  reports/s"))
    for col in ("par/s", "seed-eq/s", "x jieba", "s/report", "CPU s/rep", "driver", "worker MB", "total MB", "errors"):
        assert col in header
    row = out.splitlines()[out.splitlines().index(header) + 1].split()
    assert row[0] == "2" and row[-1] == "0"  # two reports, no error


def test_bench_help_names_its_options():
    res = CliRunner().invoke(main, ["bench", "--help"])
    assert res.exit_code == 0
    assert "--with-10000" in res.output and "--layouts" in res.output


def test_corpus_varies_layouts_names_and_figures(tmp_path):
    from nlp_pipeline.runner.bench import make_corpus, sources

    files = make_corpus(tmp_path, 6)
    assert len({f.name.split("_", 1)[1] for f in files}) == 6  # six layouts
    assert len(sources()) >= 60
    src = sources()[0].read_text(encoding="utf-8")
    assert files[0].read_text(encoding="utf-8") != src  # names and figures changed
