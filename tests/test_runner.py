"""The batch runner as a user meets it: the cache follows what decides a result, scripts
without a main guard work, a run that analysed nothing fails loudly, SIGTERM leaves no
worker behind, a hanging file costs one row, interrupted runs are cleaned up after."""
from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from nlp_pipeline import runner as B
from nlp_pipeline.cli import main
from nlp_pipeline.lexicons import LEXICON_DIR, OVERRIDE_ENV
from nlp_pipeline.report import writers
from nlp_pipeline.report.testing import toy_analyze, write_toy_corpus
from nlp_pipeline.runner import fingerprint as FP

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "tests" / "data" / "report"
TOY = "nlp_pipeline.report.testing:toy_analyze"
CLI = [sys.executable, "-c", "import sys; from nlp_pipeline.cli import main; sys.exit(main())"]


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != OVERRIDE_ENV}
    env.update(extra)
    return env


def _wait_for(cond, what: str, limit: float = 120.0) -> None:
    # waits for a state, asserts nothing about how long it took
    end = time.monotonic() + limit
    while not cond():
        if time.monotonic() > end:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            return any(line.startswith("State:") and "Z" in line.split()[1] for line in fh)
    except FileNotFoundError:
        return True


# --- 1. the cache key --------------------------------------------------------------------


def test_changing_a_lexicon_changes_the_result_of_a_rerun(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(REPORTS / "school_2023.txt", src)
    out = tmp_path / "out"
    args = ["batch", str(src), "-o", str(out), "--workers", "1", "--format", "csv", "--no-progress"]
    first = subprocess.run(CLI + args, capture_output=True, text=True, env=_env(), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = pd.read_csv(out / "reports.csv")
    assert before.loc[0, "n_unsupported_claim"] == 1  # 明显改善 with no figure
    # the user's tuned copy of one lexicon: 明显改善 is no longer a claim cue
    lex = tmp_path / "lex"
    lex.mkdir()
    text = (LEXICON_DIR / "cues_claims.yaml").read_text(encoding="utf-8")
    cue = "(明显|显著|大大|大幅|极大|普遍)(地)?(提升|提高|改善|增强)"
    assert cue in text
    (lex / "cues_claims.yaml").write_text(text.replace(cue, cue.replace("改善|", "")), encoding="utf-8")
    second = subprocess.run(CLI + args, capture_output=True, text=True, env=_env(**{OVERRIDE_ENV: str(lex)}), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    after = pd.read_csv(out / "reports.csv")
    assert after.loc[0, "n_unsupported_claim"] == 0
    assert "新分析 1" in second.stderr and "来自缓存 0" in second.stderr


def test_fingerprint_follows_code_lexicons_model_options_and_analyser(tmp_path, monkeypatch):
    base = FP.fingerprint()
    assert FP.fingerprint() == base  # deterministic
    # options
    assert FP.fingerprint(analyze_kwargs={"detectors": ["DUPLICATE_PARAGRAPH"]}) != base
    # the model: bundled by name, a path by its files
    assert FP.fingerprint(analyze_kwargs={"encoder": "e5"}) != base
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text("{}", encoding="utf-8")
    with_model = FP.fingerprint(analyze_kwargs={"encoder": str(model)})
    (model / "weights.bin").write_bytes(b"\0" * 10)
    assert FP.fingerprint(analyze_kwargs={"encoder": str(model)}) != with_model
    # the analyser, and the file it lives in when it is the user's own
    assert FP.fingerprint(analyze_fn=toy_analyze) != base
    # a lexicon file
    lex = tmp_path / "lex"
    lex.mkdir()
    monkeypatch.setenv(OVERRIDE_ENV, str(lex))
    (lex / "cues_claims.yaml").write_text("a: 1\n", encoding="utf-8")
    one = FP.fingerprint()
    (lex / "cues_claims.yaml").write_text("a: 2\n", encoding="utf-8")
    assert FP.fingerprint() not in (one, base)
    monkeypatch.delenv(OVERRIDE_ENV)
    # the package's code
    code = tmp_path / "code"
    shutil.copytree(FP.PACKAGE_DIR, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(FP, "PACKAGE_DIR", code)
    same = FP.fingerprint()
    assert same == base
    det = code / "detect" / "duplicate.py"
    det.write_text(det.read_text(encoding="utf-8") + "\n# a changed detector\n", encoding="utf-8")
    assert FP.fingerprint() != base


# --- 2. scripts without a main guard ---------------------------------------------------


@pytest.mark.parametrize("own_analyser", [False, True])
def test_batch_from_a_plain_script(tmp_path, own_analyser):
    write_toy_corpus(tmp_path / "in", 3)
    script = tmp_path / "plain.py"
    analyser = "toy_analyze"
    extra = ""
    if own_analyser:  # defined in the script itself, as a notebook user would
        extra = "def mine(path, **kw):\n    return toy_analyze(path)\n"
        analyser = "mine"
    script.write_text(textwrap.dedent(f"""\
        import nlp_pipeline
        from nlp_pipeline.report.testing import toy_analyze
        print("top level ran")
        """) + extra + textwrap.dedent(f"""\
        reports, findings, errors = nlp_pipeline.batch(["in"], workers=2, analyze_fn={analyser})
        print("reports", len(reports), "errors", len(errors))
        """), encoding="utf-8")  # fmt: skip
    res = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, env=_env())
    assert res.returncode == 0, res.stderr
    assert "reports 3 errors 0" in res.stdout
    assert res.stdout.count("top level ran") == 1  # the script never ran again in a worker


def test_start_method_for_guarded_and_unguarded_scripts(tmp_path):
    from nlp_pipeline.runner.engines import _guarded_script

    guarded = tmp_path / "g.py"
    guarded.write_text('"""doc"""\nimport x\nX = 1\ndef f():\n    pass\nif __name__ == "__main__":\n    f()\n', encoding="utf-8")
    plain = tmp_path / "p.py"
    plain.write_text("import nlp_pipeline\nnlp_pipeline.batch(['in'])\n", encoding="utf-8")
    assert _guarded_script(str(guarded)) and not _guarded_script(str(plain))


# --- 3. a run that analysed nothing ----------------------------------------------------


def test_batch_that_analysed_nothing_exits_non_zero(tmp_path):
    (tmp_path / "empty").mkdir()
    for inputs in (["nowhere/*.txt"], [str(tmp_path / "empty")]):
        r = CliRunner().invoke(main, ["batch", *inputs, "-o", str(tmp_path / "out"), "--analyzer", TOY])
        assert r.exit_code == 1, r.output
        assert "1 个输入失败" in r.stderr and "没有分析任何报告" in r.stderr
    r = CliRunner().invoke(main, ["batch", str(REPORTS), "-o", str(tmp_path / "out"), "--model", "./no/such/model"])
    assert r.exit_code == 2 and "./no/such/model" in r.stderr and "模型路径不存在" in r.stderr
    # every input failing is a failed run too, and the summary counts the failures
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "a.txt").write_text("BROKEN", encoding="utf-8")
    (tmp_path / "bad" / "b.txt").write_text("BROKEN", encoding="utf-8")
    r = CliRunner().invoke(main, ["batch", str(tmp_path / "bad"), "-o", str(tmp_path / "out"), "--analyzer", TOY,
                                  "--workers", "0", "--lang", "en"])
    assert r.exit_code == 1 and "2 inputs failed" in r.stderr and "no report was analysed" in r.stderr
    assert len(pd.read_csv(tmp_path / "out" / "errors.csv")) == 2  # still says why


def test_batch_frames_never_returns_empty_tables_silently(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.warns(B.BatchWarning, match="没有分析任何报告"):
        reports, _, errors = B.batch_frames([tmp_path / "empty"], analyze_fn=toy_analyze)
    assert reports.empty and len(errors) == 1 and errors.loc[0, "stage"] == "input"


# --- issue 15: limits, signals, leftovers, spreadsheets ---------------------------------


def test_a_hanging_file_costs_one_row_and_the_rest_finishes(tmp_path):
    write_toy_corpus(tmp_path / "in", 3)
    (tmp_path / "in" / "stuck.txt").write_text("HANG", encoding="utf-8")
    res = B.run_batch([tmp_path / "in"], tmp_path / "out", workers=2, analyze_fn=toy_analyze, timeout=2, formats=["csv"])
    assert sorted(res.reports["id"]) == ["toy_000", "toy_001", "toy_002"]
    assert res.errors["source"].str.endswith("stuck.txt").tolist() == [True]
    assert res.errors.loc[0, "stage"] == "timeout" and "--timeout" in res.errors.loc[0, "reason"]
    pid = int((tmp_path / "in" / "stuck.pid").read_text())
    _wait_for(lambda: _gone(pid), "the stuck worker to be stopped")


def test_cli_has_a_time_limit_option():
    r = CliRunner().invoke(main, ["batch", "--help"])
    assert "--timeout" in r.output and "180" in r.output


def test_sigterm_stops_the_workers_and_a_piped_run_returns(tmp_path):
    src = tmp_path / "in"
    write_toy_corpus(src, 1)
    for k in range(2):
        (src / f"stuck{k}.txt").write_text("HANG", encoding="utf-8")
    proc = subprocess.Popen(
        CLI + ["batch", str(src), "-o", str(tmp_path / "out"), "--workers", "2", "--analyzer", TOY, "--no-progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), cwd=tmp_path,
    )  # fmt: skip
    try:
        pidfiles = [src / "stuck0.pid", src / "stuck1.pid"]
        _wait_for(lambda: all(p.exists() and p.read_text() for p in pidfiles), "both workers to be stuck")
        workers = [int(p.read_text()) for p in pidfiles]
        proc.send_signal(signal.SIGTERM)
        # the pipe closes only when every process holding it (workers included) is gone
        proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    for pid in workers:
        _wait_for(lambda: _gone(pid), f"worker {pid} to end")
    assert not [p for p in (tmp_path / "out").rglob("*.tmp")]


def test_stale_temporary_files_are_removed_on_the_next_run(tmp_path):
    write_toy_corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    (out / "reports").mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        stale = [out / f".reports.csv.pid{dead.pid}.k2j3h4.tmp", out / "reports" / ".toy_000.html.x8y7z6w5.tmp"]
        busy = out / f".findings.csv.pid{live.pid}.abcdef.tmp"
        for p in stale + [busy]:
            p.write_bytes(b"half a file")
        B.run_batch([tmp_path / "in"], out, workers=0, analyze_fn=toy_analyze)
        assert not any(p.exists() for p in stale)
        assert busy.exists()  # another run is still writing it
    finally:
        live.kill()
        live.wait()


def test_csv_cells_that_would_run_as_formulas_are_neutralised(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "-1+1.txt").write_text(
        "@organisation =HYPERLINK(\"http://evil.example\",\"点击\")\n"
        "G1 加强水利工程管理\nO1 @SUM(1+1) 完成河道清淤12公里\n"
        "!NUMBER_CONFLICT high O1 @SUM(1+1)\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    res = B.run_batch([src], out, workers=0, analyze_fn=toy_analyze, formats=["csv", "parquet"])
    with open(out / "reports.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["organisation"] == "'=HYPERLINK(\"http://evil.example\",\"点击\")"
    assert rows[0]["id"] == "'-1+1"
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as fh:
        frow = next(csv.DictReader(fh))
    assert frow["quote"] == "'@SUM(1+1)" and frow["report_id"] == "'-1+1"
    # every text cell is safe; numbers stay numbers
    for path in (out / "reports.csv", out / "findings.csv", out / "errors.csv"):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")), (path.name, cell)
                    assert not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit(), (path.name, cell)
    assert res.reports.loc[0, "organisation"].startswith("=")  # the data itself is unchanged
    assert writers.neutralise_cell(-3) == -3 and writers.neutralise_cell("-3") == "'-3"
