"""Bad input: a clear ReportError (Chinese and English) and exit code 2, never a traceback."""
from __future__ import annotations

import json
import os
import zipfile

import pytest
from click.testing import CliRunner

import ingest_fixtures as F
from nlp_pipeline.cli import main
from nlp_pipeline.errors import ReportError
from nlp_pipeline.ingest import read_report
from nlp_pipeline.model import Report, from_dict


def _truncated(path):
    data = path.read_bytes()
    out = path.with_name("cut_" + path.name)
    out.write_bytes(data[: len(data) // 2])
    return out


def _bad_files(tmp):
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_bytes(b" \n\t\r\n")
    (tmp / "garbage.bin").write_bytes(bytes((k * 7919 + 13) % 256 for k in range(4000)))
    (tmp / "chat.txt").write_text("今天天气很好，我们去公园散步。\n晚上一起吃饭。\n", encoding="utf-8")
    (tmp / "fake.docx").write_text("not a word file", encoding="utf-8")
    with zipfile.ZipFile(tmp / "other.zip", "w") as z:
        z.writestr("a.txt", "x")
    # the compound-file header and the stream name a Word 97-2003 file carries
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (tmp / "old.doc").write_bytes(ole2 + "WordDocument".encode("utf-16-le") + bytes(512))
    (tmp / "word_as.bin").write_bytes(ole2 + "WordDocument".encode("utf-16-le") + bytes(512))
    (tmp / "old.wps").write_bytes(ole2 + bytes(512))
    return {
        "missing": (tmp / "nope.txt", "不存在"),
        "directory": (tmp, "目录"),
        "empty": (tmp / "empty.txt", "为空"),
        "blank": (tmp / "blank.txt", "为空"),
        "garbage": (tmp / "garbage.bin", "编码"),
        "not a report": (tmp / "chat.txt", "不像是绩效自评报告"),
        "truncated docx": (_truncated(F.seed_docx(tmp)), "损坏"),
        "truncated xlsx": (_truncated(F.seed_xlsx(tmp)), "损坏"),
        "truncated xls": (_truncated(F.seed_xls(tmp)), "损坏"),
        "truncated pdf": (_truncated(F.narrative_pdf(tmp)), "损坏"),
        "docx that is text": (tmp / "fake.docx", "docx"),
        "other zip": (tmp / "other.zip", "zip"),
        "image-only pdf": (F.image_pdf(tmp), "扫描件"),  # a blank scan, or the OCR extra missing
        "old word": (tmp / "old.doc", "另存为 .docx"),
        "old word renamed": (tmp / "word_as.bin", "另存为 .docx"),
        "wps": (tmp / "old.wps", "WPS"),
    }


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    return _bad_files(tmp_path_factory.mktemp("bad"))


CASES = ["missing", "directory", "empty", "blank", "garbage", "not a report", "truncated docx",
         "truncated xlsx", "truncated xls", "truncated pdf", "docx that is text", "other zip",
         "image-only pdf", "old word", "old word renamed", "wps"]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_raises_report_error(bad, case):
    path, words = bad[case]
    with pytest.raises(ReportError) as info:
        read_report(path)
    err = info.value
    assert err.path == str(path)
    assert words in err.problem
    assert err.problem_en and err.problem_en != err.problem and err.problem_en.isascii()


@pytest.mark.parametrize("case", ["missing", "garbage", "truncated docx", "image-only pdf", "not a report"])
def test_cli_bad_input_one_line_exit_2(bad, case):
    path, _ = bad[case]
    for lang, prefix in (("zh", "错误"), ("en", "error")):
        res = CliRunner().invoke(main, ["parse", str(path), "--lang", lang])
        assert res.exit_code == 2, res.output
        assert not isinstance(res.exception, Exception) or isinstance(res.exception, SystemExit)
        lines = [x for x in res.output.splitlines() if x.strip()]
        assert len(lines) == 1 and lines[0].startswith(prefix) and str(path) in lines[0]
        assert "Traceback" not in res.output


def test_missing_sections_are_listed(tmp_path):
    text = F.NARRATIVE.split("四、部门整体绩效")[0]  # goals and outcomes only
    r = read_report(F.write_text(tmp_path, "part.txt", text))
    assert F.section_counts(r) == {"G": 3, "O": 2}
    assert r.missing_sections == ["K", "P", "Q", "I"]


def test_seed_form_without_task_table_lists_t(tmp_path):
    rows = F.seed_text().split("\n")
    start = next(k for k, line in enumerate(rows) if line.startswith("主要任务"))
    end = next(k for k, line in enumerate(rows) if "重点项目绩效情况" in line)
    r = read_report(F.write_text(tmp_path, "no_tasks.txt", "\n".join(rows[:start] + rows[end:])))
    assert r.tasks == [] and r.missing_sections == ["T"]
    assert F.section_counts(r) == {"G": 12, "O": 9, "K": 9, "P": 11, "Q": 7, "I": 11}


def test_cli_json_round_trips():
    res = CliRunner().invoke(main, ["parse", str(F.seed_path()), "--format", "json"])
    assert res.exit_code == 0, res.output
    report = from_dict(Report, json.loads(res.output))
    assert report == read_report(F.seed_path())
    assert len(report.tasks) == 13


def test_cli_text_summary():
    res = CliRunner().invoke(main, ["parse", str(F.seed_path()), "--format", "text", "--lang", "en"])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "G=12" in out and "T=13" in out and "I=11" in out
    assert "adjusted budget: 11419.55" in out
    assert "T9.outcome" not in out and "k7:" in out
    assert "  Q7 " in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without permission")
def test_unreadable_file(tmp_path):
    p = F.write_text(tmp_path, "secret.txt", F.NARRATIVE)
    p.chmod(0)
    try:
        with pytest.raises(ReportError) as info:
            read_report(p)
        assert "无法读取" in info.value.problem
    finally:
        p.chmod(0o644)


def test_damaged_inputs_never_escape_as_other_errors(tmp_path):
    """Cut, spliced and byte-flipped versions of every format: a Report or a ReportError."""
    import random

    from nlp_pipeline.ingest import read_bytes

    rnd = random.Random(7)
    sources = {
        ".txt": F.seed_text().encode("utf-8"),
        ".docx": F.seed_docx(tmp_path).read_bytes(),
        ".xlsx": F.seed_xlsx(tmp_path).read_bytes(),
        ".pdf": F.narrative_pdf(tmp_path).read_bytes(),
    }
    outcomes = {"report": 0, "error": 0}
    for k in range(40):
        suffix, data = list(sources.items())[k % len(sources)]
        data = bytearray(data)
        for _ in range(rnd.randrange(1, 20)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        if k % 3 == 0:
            data = data[: rnd.randrange(1, len(data))]
        try:
            r = read_bytes(bytes(data), f"damaged{k}{suffix}", suffix)
        except ReportError as err:
            assert err.problem and err.problem_en
            outcomes["error"] += 1
            continue
        outcomes["report"] += 1
        F.assert_offsets(r)
    assert outcomes["error"] > 0


def test_a_doc_that_is_really_a_web_page_is_read(tmp_path):
    # sites often serve HTML under a .doc name: the content decides
    src = F.narrative_html(tmp_path)
    doc = tmp_path / "report.doc"
    doc.write_bytes(src.read_bytes())
    r = read_report(doc)
    assert r.reader == "html" and F.section_counts(r) == F.NARRATIVE_COUNTS
