"""Copying across reports (nlp_pipeline/crossdoc): invented corpora with gold pairs and
spans, mandated wording and boilerplate, the reference set, and the batch outputs."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from nlp_pipeline.crossdoc import COPIED, REPEATED, CopyDetector, find_copies
from nlp_pipeline.crossdoc.synthetic import MANDATED, Generator, make_corpus, parse_only, render, score


@pytest.fixture(scope="module")
def words():
    from nlp_pipeline.crossdoc.synthetic import _words

    return _words()


def _run(reports, reference=(), params=None):
    det = CopyDetector(params)
    for r in reports:
        det.add(r.id, r.report)
    for r in reference:
        det.add(r.id, r.report, origin="reference")
    return det, det.run()


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_pairs_and_spans_on_invented_corpora(seed, words):
    corpus = make_corpus(48, seed=seed, words=words)
    assert len(corpus.gold) >= 8 and len(corpus.controls) >= 20
    _, res = _run(corpus.batch())
    s = score(res, corpus)
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, s
    assert s["span_accuracy"] >= 0.9, s
    assert s["controls_paired"] == []


def test_every_kind_of_copy_is_found_and_told_apart(words):
    corpus = make_corpus(60, seed=5, words=words)
    _, res = _run(corpus.batch())
    gold = {(min(g.a, g.b), max(g.a, g.b)): g for g in corpus.gold}
    found = {}
    for p in res.pairs:
        key = (min(p.report, p.other), max(p.report, p.other))
        if key in gold:
            found.setdefault(gold[key].kind, set()).add(p.differs)
    assert {"names", "names_figures", "verbatim", "wording", "partial", "repeat"} <= set(found)
    assert found["verbatim"] == {"verbatim"}
    assert found["names"] <= {"names"}
    assert found["names_figures"] <= {"names_figures", "figures"}
    assert found["wording"] == {"wording"}
    assert found["repeat"] == {"figures"}


def test_evidence_quotes_both_reports_at_their_offsets(words):
    corpus = make_corpus(40, seed=2, words=words)
    texts = {r.id: r.text for r in corpus.reports}
    _, res = _run(corpus.batch())
    assert res.pairs
    for p in res.pairs:
        for s in p.spans:
            assert texts[p.report][s.start : s.end] == s.quote
            assert texts[p.other][s.other_start : s.other_end] == s.other_quote
    for rid, fs in res.findings.items():
        for f in fs:
            assert f.code in (COPIED, REPEATED)
            for e in f.evidence:
                assert texts[rid][e.start : e.end] == e.quote
            for o in f.values["other_spans"]:
                assert texts[f.values["other_report"]][o["start"] : o["end"]] == o["quote"]


def _small(words, n, seed=0, mandated=1.0):
    g = Generator(seed, words)
    return g, [render(g.report(f"m{i}", g.org(), 2022, mandated=mandated, stock=0.0)) for i in range(n)]


def test_mandated_wording_alone_is_no_copy_even_in_a_small_batch(words):
    # three reports: too few for boilerplate by frequency; the lexicon's mandated
    # wording (a policy title, indicator names, stock phrases) must carry it
    _, reps = _small(words, 3)
    assert all(MANDATED[1] in r.text for r in reps)
    _, res = _run(reps)
    assert res.pairs == []
    assert all(res.stats[r.id].boilerplate_share > 0 for r in reps)


def test_a_paragraph_in_a_third_of_all_reports_is_boilerplate_not_copying(words):
    g, reps = _small(words, 12, seed=3, mandated=0.0)
    stock = "全体干部职工团结一心，攻坚克难，锐意进取，扎实推进各项重点工作落地见效，为全县经济社会高质量发展作出了积极贡献。"
    for r in reps[:5]:  # 5 of 12 reports, at least 30% and at least 5 reports
        r.sections["P"][0] = [type(r.sections["P"][0][0])(stock)]
        render(r)
    _, res = _run(reps)
    assert res.pairs == []
    with_stock = [res.stats[r.id].boilerplate_share for r in reps[:5]]
    without = [res.stats[r.id].boilerplate_share for r in reps[5:]]
    assert min(with_stock) > max(without)
    # the same paragraph in only four of twelve reports is copying
    _, res4 = _run(reps[:4] + reps[5:])
    assert len({frozenset((p.report, p.other)) for p in res4.pairs}) == 6  # every two of the four


def test_who_gets_the_finding(words):
    g = Generator(9, words)
    a, b = g.org(), g.org()
    a21 = g.report("a21", a, 2021)
    a22 = g.report("a22", a, 2022)
    b22 = g.report("b22", b, 2022)
    a22b = g.report("a22b", a, 2022)
    g.copy_into(a21, a22, "repeat", "rep", n_paras=3)
    g.copy_into(a21, b22, "names", "cp", n_paras=3)
    g.copy_into(a21, a22b, "verbatim", "same", n_paras=3)
    reps = [render(r) for r in (a21, a22, b22, a22b)]
    _, res = _run(reps)
    got = {(p.report, p.other, p.code) for p in res.pairs}
    assert ("a22", "a21", REPEATED) in got
    assert ("b22", "a21", COPIED) in got
    # the earlier report is the source, not the copier; one unit's two reports of one
    # year are not compared
    assert not any(p.report == "a21" for p in res.pairs)
    assert not ({("a22", "a22b"), ("a22b", "a22")} & {(p.report, p.other) for p in res.pairs})
    assert res.stats["a22"].repeated_share > 0 and res.stats["a22"].copied_share == 0
    assert res.stats["b22"].copied_share > 0 and res.stats["b22"].repeated_share == 0
    assert res.stats["a22"].yoy_report == "a21" and res.stats["a22"].yoy_similarity > res.stats["a22"].repeated_share * 0.5
    assert res.stats["b22"].yoy_similarity is None


def test_the_reference_set_from_reports_or_from_an_index_gives_the_same_pairs(words):
    corpus = make_corpus(40, seed=7, earlier_as_reference=True, words=words)
    assert corpus.reference() and any(g.code == REPEATED for g in corpus.gold)
    _, direct = _run(corpus.batch(), corpus.reference())
    # last year's batch wrote its index; this year's batch reads it
    last, _ = _run(corpus.reference())
    rows = last.index_rows()
    assert rows and all(isinstance(r["signatures"], bytes) for r in rows)
    det = CopyDetector()
    for r in corpus.batch():
        det.add(r.id, r.report)
    assert det.add_index_rows(rows) == len(corpus.reference())
    indexed = det.run()
    key = lambda res: sorted((p.report, p.other, p.code, [(s.start, s.end, s.other_start, s.other_end) for s in p.spans]) for p in res.pairs)  # noqa: E731
    assert key(direct) == key(indexed)
    s = score(indexed, corpus)
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95 and s["span_accuracy"] >= 0.9, s
    assert {p.other_origin for p in indexed.pairs if p.code == REPEATED} == {"reference"}
    # no reference report gets a row of its own
    assert set(indexed.stats) == {r.id for r in corpus.batch()}


def test_an_index_made_with_other_parameters_is_hashed_again(words):
    corpus = make_corpus(24, seed=8, earlier_as_reference=True, words=words)
    last, _ = _run(corpus.reference())
    rows = [dict(r, params="mask0/other", signatures=b"\0" * len(r["signatures"])) for r in last.index_rows()]
    det = CopyDetector()
    for r in corpus.batch():
        det.add(r.id, r.report)
    det.add_index_rows(rows)
    s = score(det.run(), corpus)
    assert s["recall"] >= 0.95, s


def test_candidates_come_from_lsh_not_from_all_pairs(words):
    corpus = make_corpus(80, seed=4, words=words)
    det, res = _run(corpus.batch())
    n_par = sum(len(d.paras) for d in det.docs)
    all_pairs = n_par * (n_par - 1) // 2
    assert res.n_candidates < all_pairs / 500


def test_results_do_not_depend_on_the_order_reports_arrive_in(words):
    corpus = make_corpus(30, seed=6, words=words)
    batch = corpus.batch()
    _, a = _run(batch)
    _, b = _run(list(reversed(batch)))
    assert a.pairs == b.pairs and a.groups == b.groups and a.findings == b.findings
    assert {k: v for k, v in a.stats.items()} == {k: v for k, v in b.stats.items()}


def test_find_copies_takes_reports(words):
    corpus = make_corpus(24, seed=1, words=words)
    res = find_copies([(r.id, r.report) for r in corpus.batch()])
    assert score(res, corpus)["recall"] >= 0.95


# --- in the batch ------------------------------------------------------------------------


def _write(corpus, folder, reports=None):
    folder.mkdir(parents=True, exist_ok=True)
    for r in reports if reports is not None else corpus.batch():
        (folder / f"{r.id}.txt").write_text(r.text, encoding="utf-8")
    return folder


def test_batch_outputs(tmp_path, words):
    from nlp_pipeline import runner as B

    corpus = make_corpus(24, seed=3, words=words)
    src = _write(corpus, tmp_path / "in")
    res = B.run_batch([src], tmp_path / "out", workers=0, analyze_fn=parse_only)
    out = tmp_path / "out"
    rep = pd.read_csv(out / "reports.csv")
    for col in ("copied_share", "repeated_share", "boilerplate_share", "yoy_similarity", "n_copy_partners"):
        assert col in rep.columns
    pairs = pd.read_csv(out / "copy_pairs.csv")
    assert len(pairs) == len(res.copy_pairs) > 0
    assert {"report_id", "other_id", "shared_chars", "spans", "other_spans"} <= set(pairs.columns)
    pd.testing.assert_frame_equal(pd.read_parquet(out / "copy_pairs.parquet"), res.copy_pairs, check_dtype=False)
    fnd = pd.read_csv(out / "findings.csv")
    assert len(fnd) == rep["n_findings"].sum()
    copied = fnd[fnd.code.isin([COPIED, REPEATED])]
    assert len(copied) == rep["n_copied_from_other_report"].sum() + rep["n_repeated_from_earlier_year"].sum() > 0
    for _, f in copied.iterrows():
        text = (src / f"{f.report_id}.txt").read_text(encoding="utf-8")
        for e in json.loads(f.evidence_json):
            assert text[e["start"] : e["end"]] == e["quote"]
    s = score(_pairs_as_result(res.copy_pairs), corpus)
    assert s["precision"] >= 0.95 and s["recall"] >= 0.95, s
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="copies"' in index and '<mark class="diff">' in index and "<script" not in index.split('id="copies"')[1]
    assert (out / "copy_index.parquet").is_file()


def _pairs_as_result(df):
    """The pairs table read back as the result shape ``score`` takes."""
    from types import SimpleNamespace as NS

    pairs = []
    for _, r in df.iterrows():
        spans = [NS(start=s["start"], end=s["end"], other_start=s["other_start"], other_end=s["other_end"])
                 for s in json.loads(r.spans_json)]  # fmt: skip
        pairs.append(NS(report=r.report_id, other=r.other_id, code=r.code, spans=spans))
    return NS(pairs=pairs)


def test_cli_against_last_years_output_and_folder(tmp_path, words):
    from click.testing import CliRunner

    from nlp_pipeline.cli import main

    corpus = make_corpus(24, seed=9, earlier_as_reference=True, words=words)
    old = _write(corpus, tmp_path / "y2021", corpus.reference())
    new = _write(corpus, tmp_path / "y2022")
    common = ["--analyzer", "nlp_pipeline.crossdoc.synthetic:parse_only", "--workers", "0", "--format", "csv"]
    r = CliRunner().invoke(main, ["batch", str(old), "-o", str(tmp_path / "o2021"), *common])
    assert r.exit_code == 0, r.output
    found = {}
    for name, against in (("index", tmp_path / "o2021"), ("folder", old)):
        r = CliRunner().invoke(main, ["batch", str(new), "-o", str(tmp_path / name), "--against", str(against), *common])
        assert r.exit_code == 0, r.output
        pairs = pd.read_csv(tmp_path / name / "copy_pairs.csv")
        found[name] = sorted(map(tuple, pairs[["report_id", "other_id", "code", "spans", "other_spans"]].values.tolist()))
    assert found["index"] == found["folder"]
    gold = {(g.b, g.a) if g.b.endswith("2022") else (g.a, g.b) for g in corpus.gold if g.code == REPEATED}
    assert gold and gold <= {(a, b) for a, b, code, *_ in found["index"] if code == REPEATED}


# --- the engines -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40) as lc:
        yield lc


def test_dask_gives_the_local_results(tmp_path, words, cluster):
    from nlp_pipeline import runner as B

    corpus = make_corpus(24, seed=10, words=words)
    src = _write(corpus, tmp_path / "in")
    outs = {}
    for name, kw in (("inproc", {"workers": 0}), ("local", {"workers": 2}),
                     ("dask", {"engine": "dask", "scheduler": cluster.scheduler_address})):  # fmt: skip
        res = B.run_batch([src], tmp_path / name, analyze_fn=parse_only, formats=("csv",), **kw)
        outs[name] = res
        assert len(res.copy_pairs) > 0
    for name in ("local", "dask"):
        pd.testing.assert_frame_equal(outs[name].reports, outs["inproc"].reports)
        pd.testing.assert_frame_equal(outs[name].findings, outs["inproc"].findings)
        pd.testing.assert_frame_equal(outs[name].copy_pairs, outs["inproc"].copy_pairs)
        for f in ("reports.csv", "findings.csv", "copy_pairs.csv"):
            assert (tmp_path / name / f).read_bytes() == (tmp_path / "inproc" / f).read_bytes(), (name, f)
