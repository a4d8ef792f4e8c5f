"""Hostile and odd input (issue 15, hardening): size limits checked before anything is
inflated or iterated, readable reports read, messages in Chinese only.

The big inputs are generated here (tests/broken_corpus.py), small on disk or deleted with
the test's folder. Reads that could hang on a regression run in a child process, so a
regression fails the test instead of stalling the suite; nothing here measures speed
(bench/bench_hardening.py prints timings).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import broken_corpus as C
import ingest_fixtures as F
from nlp_pipeline.errors import ReportError
from nlp_pipeline.ingest import read_report, read_text
from nlp_pipeline.ingest.variants import looks_traditional, to_simplified

TESTS = Path(__file__).resolve().parent


def _read_in_child(path: Path, env: dict | None = None) -> dict:
    """read_report in a fresh process under a memory cap: the result, the error, or the
    crash; with the peak of Python allocations while reading."""
    code = textwrap.dedent(f"""
        import json, resource, sys, tracemalloc
        resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))
        from nlp_pipeline.errors import ReportError
        from nlp_pipeline.ingest import read_report
        tracemalloc.start()
        try:
            r = read_report({str(path)!r})
            out = {{"ok": True, "paragraphs": len(r.paragraphs()), "tasks": len(r.tasks), "warnings": r.warnings}}
        except ReportError as e:
            out = {{"ok": False, "problem": e.problem, "problem_en": e.problem_en}}
        out["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        print(json.dumps(out, ensure_ascii=False))
    """)
    import os

    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})}, cwd=TESTS.parent)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- limits ----------------------------------------------------------------------------


def test_a_50_mb_text_is_refused_by_its_size_before_it_is_read(tmp_path):
    res = _read_in_child(C.big_text(tmp_path / "big.txt"))
    assert not res["ok"]
    assert "过长" in res["problem"] and "NLP_PIPELINE_MAX_CHARS" in res["problem"]
    assert res["peak_mb"] < 5  # refused from the file's size: nothing was read


def test_a_5_mb_text_without_line_breaks_is_refused(tmp_path):
    res = _read_in_child(C.one_line_text(tmp_path / "oneline.txt"))
    assert not res["ok"] and "过长" in res["problem"]


def test_the_character_limit_is_configurable(monkeypatch):
    text = F.seed_text()
    monkeypatch.setenv("NLP_PIPELINE_MAX_CHARS", str(len(text) + 10))
    assert read_text(text).tasks
    with pytest.raises(ReportError) as info:
        read_text(text + "\n" + text)
    assert "NLP_PIPELINE_MAX_CHARS" in info.value.problem and "放宽" in info.value.problem
    monkeypatch.setenv("NLP_PIPELINE_MAX_CHARS", "0")  # 0: no limit
    assert read_text(text + "\n" + text).tasks


def test_a_long_line_is_broken_at_sentence_ends_and_read():
    # the seed's narrative as one line of 20,000 characters: read, not parsed as one line
    line = "".join(F.NARRATIVE.split("\n")) * 4
    report = read_text(line)
    assert any("断行" in w for w in report.warnings)
    assert max(len(ln) for ln in report.text.split("\n")) <= 2_000
    assert report.text.replace("\n", "") == line  # only line breaks were added
    assert len(report.paragraphs()) > 4
    for p in report.paragraphs():
        for ts, os_, ln in p.segments:
            assert report.text[os_:os_ + ln] == p.text[ts:ts + ln]


def test_a_docx_bomb_is_refused_from_its_declared_sizes(tmp_path):
    path = C.bomb_docx(tmp_path / "bomb.docx")
    assert path.stat().st_size < 1_000_000
    res = _read_in_child(path)
    assert not res["ok"] and "解压后" in res["problem"] and "压缩炸弹" in res["problem"]
    assert res["peak_mb"] < 20  # never inflated


def test_the_unzipped_limit_applies_to_every_part(tmp_path, monkeypatch):
    monkeypatch.setenv("NLP_PIPELINE_MAX_UNZIPPED_MB", "0.01")
    with pytest.raises(ReportError) as info:
        read_report(F.seed_docx(tmp_path))
    assert "解压后" in info.value.problem and "NLP_PIPELINE_MAX_UNZIPPED_MB" in info.value.problem


def test_an_xlsx_with_a_cell_at_xfd1048576_reads_its_used_cells(tmp_path):
    seed = read_report(F.seed_xlsx(tmp_path))
    res = _read_in_child(C.far_cell_xlsx(tmp_path / "far.xlsx"))
    assert res["ok"], res
    assert res["tasks"] == len(seed.tasks) and res["paragraphs"] >= len(seed.paragraphs())
    assert res["peak_mb"] < 200


def test_the_cell_limit_stops_a_huge_sheet(tmp_path, monkeypatch):
    monkeypatch.setenv("NLP_PIPELINE_MAX_CELLS", "50")
    with pytest.raises(ReportError) as info:
        read_report(F.seed_xlsx(tmp_path))
    assert "单元格" in info.value.problem and "NLP_PIPELINE_MAX_CELLS" in info.value.problem


def test_the_file_size_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("NLP_PIPELINE_MAX_FILE_MB", "0.001")
    with pytest.raises(ReportError) as info:
        read_report(F.seed_docx(tmp_path))
    assert "文件过大" in info.value.problem and "NLP_PIPELINE_MAX_FILE_MB" in info.value.problem


# --- readable reports that were refused -----------------------------------------------


def test_an_xls_that_is_an_html_table_is_read(tmp_path):
    report = read_report(C.html_xls(tmp_path / "export.xls"))
    seed = read_text(F.seed_text())
    assert report.reader == "html"
    assert len(report.tasks) == len(seed.tasks)
    assert F.section_counts(report) == F.section_counts(seed)


def test_a_tab_separated_xls_is_read(tmp_path):
    path = tmp_path / "export.xls"
    path.write_text(F.seed_text(), encoding="gb18030")
    assert len(read_report(path).tasks) == len(read_text(F.seed_text()).tasks)


def test_nul_bytes_in_utf8_are_removed_with_a_warning(tmp_path):
    report = read_report(C.nul_text(tmp_path / "nul.txt"))
    assert report.encoding == "utf-8" and "\x00" not in report.text
    assert any("空字符" in w for w in report.warnings)
    assert F.section_counts(report) == F.section_counts(read_text(F.seed_text()))


def test_a_traditional_report_is_read_and_quoted_as_written(tmp_path):
    original = C.traditional(F.seed_text())
    assert original != F.seed_text() and looks_traditional(original)
    assert not looks_traditional(F.seed_text())
    report = read_report(C.traditional_text(tmp_path / "trad.txt"))
    seed = read_text(F.seed_text())
    assert report.text == original  # evidence quotes the report as written
    assert any("繁体" in w for w in report.warnings)
    assert F.section_counts(report) == F.section_counts(seed)
    assert len(report.tasks) == len(seed.tasks)
    for p in report.paragraphs():  # offsets point into the original, character for character
        for ts, os_, ln in p.segments:
            assert to_simplified(report.text[os_:os_ + ln]) == p.text[ts:ts + ln]


def test_deep_html_is_read_not_a_recursion_error(tmp_path):
    report = read_report(C.deep_html(tmp_path / "deep.html"))
    assert len(report.paragraphs()) >= 5


def test_deeply_nested_tables_are_read():
    body = "".join(f"<p>{line}</p>" for line in F.NARRATIVE.split("\n"))
    markup = "<html><body>" + "<table><tr><td>" * 2000 + body + "</td></tr></table>" * 2000 + "</body></html>"
    assert len(read_text(markup).paragraphs()) >= 5


# --- messages --------------------------------------------------------------------------


def test_an_encrypted_pdf_is_called_encrypted(tmp_path):
    with pytest.raises(ReportError) as info:
        read_report(C.encrypted_pdf(tmp_path / "locked.pdf"))
    assert "加密" in info.value.problem and "密码" in info.value.problem and "请" in info.value.problem
    assert "损坏" not in info.value.problem
    assert "encrypted" in info.value.problem_en


# three English words in a row: the library's own text
_ENGLISH_RE = re.compile(r"[A-Za-z]{2,}(?:[\s,.:;'\"-]+[A-Za-z]{2,}){2,}")


def test_every_broken_input_gets_a_chinese_only_message(tmp_path):
    for name, path in C.write_broken(tmp_path, big=False).items():
        with pytest.raises(ReportError) as info:
            read_report(path)
        problem = info.value.problem
        assert re.search(r"[\u4e00-\u9fff]", problem), (name, problem)
        assert not _ENGLISH_RE.search(problem), (name, problem)
        assert info.value.problem_en.isascii() or name == "dash_name", (name, info.value.problem_en)


def test_library_text_is_kept_out_of_chinese_messages():
    err = ReportError("x.docx", "docx 文件已损坏：There is no item named ‘word/document.xml’ in the archive", "damaged")
    assert err.problem.startswith("docx 文件已损坏") and "archive" not in err.problem
    assert "请" in err.problem  # and says what to do instead


# --- a batch of broken inputs with good reports -----------------------------------------


def test_a_batch_of_broken_inputs_with_two_good_reports(tmp_path):
    import nlp_pipeline

    folder = tmp_path / "in"
    broken = C.write_broken(folder)
    readable = C.write_readable(folder)
    for p in folder.glob("_src"):
        import shutil

        shutil.rmtree(p)
    good = [F.write_text(folder, "good_a.txt", F.seed_text()), F.narrative_docx(folder)]
    reports, findings, errors = nlp_pipeline.batch([folder], workers=2, copies=False)
    scored = {Path(s).name for s in reports["source"]}
    for p in good + list(readable.values()):
        assert p.name in scored, (p.name, sorted(scored))
    assert reports["score"].notna().all() and len(reports) == len(good) + len(readable)
    failed = [Path(s).name for s in errors["source"]]
    assert sorted(failed) == sorted(p.name for p in broken.values())  # one row each
