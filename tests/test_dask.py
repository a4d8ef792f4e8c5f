"""The Dask engine on a LocalCluster of two worker processes gives the local engine's
results exactly."""
from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

from nlp_pipeline import runner as B
from nlp_pipeline.report.testing import toy_analyze, write_toy_corpus

import distributed  # noqa: F401  (required: installed with the package)


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    # processes=True: the workers are separate processes that import the package by
    # name, as on a real cluster; worker logs are quietened
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
    ) as lc:
        yield lc


def _corpus(tmp_path):
    write_toy_corpus(tmp_path / "in", 6)
    (tmp_path / "in" / "broken.txt").write_text("BROKEN", encoding="utf-8")
    (tmp_path / "in" / "explode.txt").write_text("EXPLODE", encoding="utf-8")
    return tmp_path / "in"


def test_dask_matches_local(tmp_path, cluster):
    src = _corpus(tmp_path)
    local = B.batch_frames([src], workers=2, analyze_fn=toy_analyze)
    dask = B.batch_frames([src], engine="dask", scheduler=cluster.scheduler_address, analyze_fn=toy_analyze)
    for a, b in zip(local, dask):
        pd.testing.assert_frame_equal(a, b)
    assert len(local[0]) == 6 and len(local[2]) == 2


def test_cli_dask_engine(tmp_path, cluster):
    from nlp_pipeline.cli import main

    src = _corpus(tmp_path)
    out_l, out_d = tmp_path / "local", tmp_path / "dask"
    common = [str(src), "--analyzer", "nlp_pipeline.report.testing:toy_analyze", "--format", "csv"]
    r = CliRunner().invoke(main, ["batch", *common, "-o", str(out_l), "--workers", "2"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(
        main, ["batch", *common, "-o", str(out_d), "--engine", "dask", "--scheduler", cluster.scheduler_address]
    )
    assert r.exit_code == 0, r.output
    for name in ("reports.csv", "findings.csv", "errors.csv"):
        assert (out_l / name).read_bytes() == (out_d / name).read_bytes(), name


def test_dask_matches_local_on_real_reports(tmp_path, cluster):
    from test_batch_pipeline import make_corpus

    src = make_corpus(tmp_path)
    local = B.batch_frames([src], workers=2)
    dask = B.batch_frames([src], engine="dask", scheduler=cluster.scheduler_address)
    for a, b in zip(local, dask):
        pd.testing.assert_frame_equal(a, b)
    assert len(local[0]) == 3 and len(local[1]) > 20 and len(local[2]) == 1


def test_unreachable_scheduler_is_a_usage_error(tmp_path):
    import dask

    from nlp_pipeline.cli import main

    src = _corpus(tmp_path)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        r = CliRunner().invoke(
            main, ["batch", str(src), "-o", str(tmp_path / "out"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"]
        )
    assert r.exit_code == 2 and "tcp://127.0.0.1:1" in r.stderr
    assert not (tmp_path / "out" / "reports.csv").exists()
