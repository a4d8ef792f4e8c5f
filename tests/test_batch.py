"""Batch machinery with the stand-in analyser: inputs, pool, errors, cache, atomic outputs.

The real pipeline is exercised in test_batch_pipeline.py; here every path of the runner
is driven by toy files (nlp_pipeline.report.testing.toy_analyze).
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from nlp_pipeline import runner as B
from nlp_pipeline.report import tables as T
from nlp_pipeline.report import writers
from nlp_pipeline.report.testing import toy_analyze, write_toy_corpus

TOY = "nlp_pipeline.report.testing:toy_analyze"


@pytest.fixture
def corpus(tmp_path):
    good = write_toy_corpus(tmp_path / "in" / "sub", 4)
    (tmp_path / "in" / "broken.txt").write_text("BROKEN", encoding="utf-8")
    (tmp_path / "in" / "explode.txt").write_text("EXPLODE", encoding="utf-8")
    (tmp_path / "in" / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / "in" / ".hidden.txt").write_text("G1 x", encoding="utf-8")
    return tmp_path, good


def test_collect_inputs_files_folders_globs(corpus, tmp_path):
    root, good = corpus
    files, errs = B.collect_inputs([root / "in"])
    names = [f.name for f in files]
    assert names == ["broken.txt", "explode.txt", "toy_000.txt", "toy_001.txt", "toy_002.txt", "toy_003.txt"]
    assert errs == []
    files, errs = B.collect_inputs([str(root / "in" / "**" / "toy_00[12].txt"), good[1], str(root / "nothing*.txt")])
    assert [f.name for f in files] == ["toy_001.txt", "toy_002.txt"]  # no repeats
    assert len(errs) == 1 and errs[0]["stage"] == "input"
    # an explicitly named file is tried whatever its extension
    files, _ = B.collect_inputs([root / "in" / "notes.md"])
    assert [f.name for f in files] == ["notes.md"]
    # the output folder is never an input
    files, _ = B.collect_inputs([root / "in"], exclude=[root / "in" / "sub"])
    assert [f.name for f in files] == ["broken.txt", "explode.txt"]


def test_bad_files_cost_one_row_each_never_the_run(corpus):
    root, good = corpus
    (root / "in" / "crash.txt").write_text("CRASH", encoding="utf-8")
    res = B.run_batch([root / "in"], root / "out", workers=2, analyze_fn=toy_analyze)
    assert sorted(res.reports["id"]) == ["toy_000", "toy_001", "toy_002", "toy_003"]
    errs = res.errors.set_index(res.errors["source"].map(lambda s: Path(s).name))
    assert errs.loc["broken.txt", "stage"] == "read"
    assert errs.loc["broken.txt", "reason"] == "不是绩效自评报告"
    assert errs.loc["explode.txt", "stage"] == "analyze"
    assert "toy analyser exploded" in errs.loc["explode.txt", "reason_en"]
    assert errs.loc["crash.txt", "stage"] == "worker"  # the worker process died
    assert len(res.errors) == 3
    on_disk = pd.read_csv(root / "out" / "errors.csv")
    assert len(on_disk) == 3 and set(on_disk.columns) == set(T.ERROR_COLUMNS)


def test_outputs_tables_and_pages(corpus):
    root, good = corpus
    out = root / "out"
    B.run_batch([root / "in" / "sub"], out, workers=2, analyze_fn=toy_analyze)
    for name in ["reports.csv", "reports.parquet", "findings.csv", "findings.parquet", "errors.csv", "index.html"]:
        assert (out / name).stat().st_size > 0, name
    rep_csv = pd.read_csv(out / "reports.csv")
    rep_pq = pd.read_parquet(out / "reports.parquet")
    assert list(rep_csv.columns) == list(rep_pq.columns)
    for col in T.REPORT_COLUMNS + T.RESEARCH_COLUMNS + [T.code_column(c) for c in T.KNOWN_CODES]:
        assert col in rep_csv.columns, col
    assert rep_csv["organisation"].tolist() == ["第0水务局", "第1水务局", "第2水务局", "第3水务局"]
    assert rep_csv["year"].tolist() == [2022] * 4
    # counts per code match the findings table
    fnd = pd.read_parquet(out / "findings.parquet")
    assert len(fnd) == rep_csv["n_findings"].sum() == 4
    assert rep_csv.loc[rep_csv.id == "toy_001", "n_number_conflict"].item() == 1
    row = fnd[fnd.report_id == "toy_001"].iloc[0]
    assert row["code"] == "NUMBER_CONFLICT" and row["severity"] == "high"
    assert row["paragraphs"] == "O2" and row["quote"] == "进一步提升"
    text = (Path(rep_csv.loc[rep_csv.id == "toy_001", "source"].item())).read_text(encoding="utf-8")
    g = int(row["start"]), int(row["end"])
    # offsets point into the report text as analysed (the toy analyser prefixes a title line)
    assert toy_analyze(good[1]).report.text[g[0]:g[1]] == "进一步提升"
    assert "进一步提升" in text
    # index riskiest first, a page per report
    html = (out / "index.html").read_text(encoding="utf-8")
    order = [html.index(f"reports/toy_00{i}.html") for i in range(4)]
    assert order[1] < order[0] < order[2]  # high finding (toy_001) < medium < low
    for i in range(4):
        assert (out / "reports" / f"toy_00{i}.html").exists()


def test_rerun_uses_the_cache_unless_forced(corpus):
    root, good = corpus
    out = root / "out"
    first = B.run_batch([root / "in" / "sub"], out, workers=2, analyze_fn=toy_analyze, formats=["csv"])
    assert (first.n_analysed, first.n_cached) == (4, 0)
    assert list((out / ".cache").glob("*/*.json"))
    again = B.run_batch([root / "in" / "sub"], out, workers=2, analyze_fn=toy_analyze, formats=["csv"])
    assert (again.n_analysed, again.n_cached) == (0, 4)
    pd.testing.assert_frame_equal(first.reports, again.reports)
    pd.testing.assert_frame_equal(first.findings, again.findings)
    good[2].write_text(good[2].read_text(encoding="utf-8").replace("第2水务局", "第九水务局"), encoding="utf-8")
    edited = B.run_batch([root / "in" / "sub"], out, workers=2, analyze_fn=toy_analyze, formats=["csv"])
    assert (edited.n_analysed, edited.n_cached) == (1, 3)
    assert edited.reports.loc[2, "organisation"] == "第九水务局"
    forced = B.run_batch([root / "in" / "sub"], out, workers=2, analyze_fn=toy_analyze, formats=["csv"], force=True)
    assert (forced.n_analysed, forced.n_cached) == (4, 0)


def test_failed_render_leaves_previous_outputs_whole(corpus, monkeypatch):
    root, _ = corpus
    out = root / "out"
    B.run_batch([root / "in" / "sub"], out, workers=0, analyze_fn=toy_analyze)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts}
    (root / "in" / "sub" / "toy_000.txt").write_text("G1 改了\n", encoding="utf-8")

    import nlp_pipeline.report.html as H

    def boom(*a, **k):
        raise RuntimeError("disk full while rendering")

    monkeypatch.setattr(H, "render_index", boom)
    with pytest.raises(RuntimeError):
        B.run_batch([root / "in" / "sub"], out, workers=0, analyze_fn=toy_analyze)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts}
    assert after == before  # nothing replaced, no temporary file left behind


def test_staging_and_atomic_write(tmp_path):
    with writers.Staging(tmp_path) as st:
        st.add("a.txt", "一")
        st.add("sub/b.txt", b"2")
        assert not (tmp_path / "a.txt").exists()  # held back until the end
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "一"
    assert (tmp_path / "sub" / "b.txt").read_bytes() == b"2"
    with pytest.raises(ValueError):
        with writers.Staging(tmp_path) as st:
            st.add("a.txt", "二")
            raise ValueError
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "一"
    writers.atomic_write_text(tmp_path / "c.txt", "三")
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "c.txt", "sub"]


def test_outputs_get_the_mode_of_an_ordinary_file(tmp_path):
    old = os.umask(0o022)
    try:
        writers.atomic_write_text(tmp_path / "r.csv", "x")
        with writers.Staging(tmp_path) as st:
            st.add("s.csv", "y")
    finally:
        os.umask(old)
    for name in ("r.csv", "s.csv"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644  # readable by colleagues


def test_same_stem_in_two_folders_gets_two_ids(tmp_path):
    write_toy_corpus(tmp_path / "a", 1)
    write_toy_corpus(tmp_path / "b", 1)
    (tmp_path / "b" / "toy_000.txt").write_text("@organisation 乙局\nG1 目标\nO1 完成3个\n", encoding="utf-8")
    res = B.run_batch([tmp_path / "a", tmp_path / "b"], tmp_path / "out", workers=0, analyze_fn=toy_analyze)
    ids = res.reports["id"].tolist()
    assert len(set(ids)) == 2 and all(i.startswith("toy_000-") for i in ids)
    for i in ids:
        assert (tmp_path / "out" / "reports" / f"{i}.html").exists()


def test_batch_frames_writes_nothing(tmp_path):
    write_toy_corpus(tmp_path / "in", 2)
    reports, findings, errors = B.batch_frames(tmp_path / "in", workers=0, analyze_fn=toy_analyze)
    assert len(reports) == 2 and len(findings) == 2 and len(errors) == 0
    assert sorted(os.listdir(tmp_path)) == ["in"]
    assert reports["score"].between(0, 100).all()


def test_cli_batch(corpus):
    from nlp_pipeline.cli import main

    root, _ = corpus
    out = root / "out"
    args = ["batch", str(root / "in"), "-o", str(out), "--workers", "2", "--analyzer", TOY, "--format", "csv,html"]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert (out / "reports.csv").exists() and (out / "index.html").exists()
    assert not (out / "reports.parquet").exists()
    assert len(pd.read_csv(out / "errors.csv")) == 2
    r = CliRunner().invoke(main, args + ["--lang", "en"])
    assert r.exit_code == 0 and "4 from cache" in r.output
    r = CliRunner().invoke(main, ["batch", str(root / "in"), "-o", str(out), "--format", "xml"])
    assert r.exit_code == 2
    r = CliRunner().invoke(main, ["batch", str(root / "in"), "-o", str(out), "--engine", "dask"])
    assert r.exit_code == 2 and "--scheduler" in r.output


def test_progress_reports_counts(corpus, capsys):
    root, _ = corpus
    seen = []
    B.batch_frames([root / "in"], workers=2, analyze_fn=toy_analyze, progress=seen.append)
    assert seen[0]["done"] == 0 and seen[-1]["done"] == seen[-1]["total"] == 6
    assert seen[-1]["failed"] == 2 and [c["done"] for c in seen] == sorted(c["done"] for c in seen)
    B.batch_frames([root / "in"], workers=0, analyze_fn=toy_analyze, progress=True)
    assert "6/6" in capsys.readouterr().err  # tqdm's count


def test_cli_progress_bar(corpus):
    from nlp_pipeline.cli import main

    root, _ = corpus
    r = CliRunner().invoke(
        main, ["batch", str(root / "in"), "-o", str(root / "out"), "--workers", "1", "--analyzer", TOY, "--progress"]
    )
    assert r.exit_code == 0, r.output
    assert "6/6" in r.stderr and "ETA" in r.stderr and "失败 2" in r.stderr


def test_a_word_97_file_in_a_folder_costs_a_row_that_says_how_to_convert_it(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "old.doc").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(512))
    (tmp_path / "in" / "figure.gif").write_bytes(b"GIF89a")
    files, _ = B.collect_inputs([tmp_path / "in"])
    # a GIF is no report file (PNG, JPEG and TIFF are: scans, read by OCR)
    assert [f.name for f in files] == ["old.doc"]
    res = B.run_batch([tmp_path / "in"], tmp_path / "out", workers=0)
    assert len(res.reports) == 0 and list(res.errors["stage"]) == ["read"]
    assert "另存为 .docx" in res.errors["reason"][0] and "save it as .docx" in res.errors["reason_en"][0]
