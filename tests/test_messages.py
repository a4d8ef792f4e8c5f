"""Every message the user sees is in their language (Chinese unless --lang en), names the
file or option, and says what to do: click's usage errors, library errors, file types."""
from __future__ import annotations

import base64
import re
import shutil

import pytest
from click.testing import CliRunner

from nlp_pipeline.cli import main
from nlp_pipeline.errors import ReportError
from seed_data import SEED, require

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _run(args):
    res = CliRunner().invoke(main, args)
    assert "Traceback" not in res.output
    return res


def _one_line(res, prefix="错误: "):
    lines = [x for x in res.stderr.splitlines() if x.strip()]
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith(prefix)
    return lines[0]


@pytest.mark.parametrize(
    "args, words",
    [
        (["parse"], ["缺少参数 FILE", "--help"]),
        (["pars", "x.txt"], ["没有这个命令：pars", "parse"]),
        (["parse", "x.txt", "--format", "xml"], ["--format", "可选 json, text"]),
        (["parse", "x.txt", "--bogus"], ["没有这个选项：--bogus", "--help"]),
        (["batch", "x"], ["缺少选项 -o / --outdir"]),
        (["batch", "x", "-o", "o", "--workers", "-1"], ["--workers", "不小于 0"]),
        (["parse", "a.txt", "b.txt"], ["多余的参数：b.txt", "引号"]),
    ],
)
def test_usage_errors_are_chinese_and_say_what_to_do(args, words):
    res = _run(args)
    assert res.exit_code == 2
    line = _one_line(res)
    assert CJK.search(line) and not re.search(r"\b(Error|Usage|No such|Missing|Invalid)\b", line), line
    for w in words:
        assert w in line, (w, line)


def test_usage_errors_in_english_with_lang_en():
    res = _run(["parse", "--lang", "en", "x.txt", "--bogus"])
    assert res.exit_code == 2
    line = _one_line(res, "error: ")
    assert "no such option: --bogus" in line and not CJK.search(line)


def test_a_file_name_starting_with_a_dash(tmp_path, monkeypatch):
    require(SEED)
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "-seed.txt")
    res = _run(["parse", "-seed.txt"])
    assert res.exit_code == 2
    line = _one_line(res)
    assert "-seed.txt" in line and "./-seed.txt" in line and "--" in line
    # the advice works
    assert _run(["parse", "./-seed.txt"]).exit_code == 0
    assert _run(["parse", "--", "-seed.txt"]).exit_code == 0


def test_a_png_named_pdf_is_called_what_it_is(tmp_path):
    (tmp_path / "report.pdf").write_bytes(PNG)
    for cmd in ("parse", "analyze", "numbers", "align"):
        res = _run([cmd, str(tmp_path / "report.pdf")])
        assert res.exit_code == 2
        line = _one_line(res)
        assert "不是 PDF 文件（实际是 PNG 图片）" in line and str(tmp_path / "report.pdf") in line and "请" in line
    res = _run(["parse", str(tmp_path / "report.pdf"), "--lang", "en"])
    assert "not a PDF file (it is a PNG image)" in _one_line(res, "error: ")


def test_library_english_stays_out_of_chinese_messages(tmp_path):
    (tmp_path / "damaged.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nbroken")
    res = _run(["parse", str(tmp_path / "damaged.pdf")])
    assert res.exit_code == 2
    line = _one_line(res)
    assert "PDF" in line and "请" in line
    assert not re.search(r"[A-Za-z]{3,}", line.replace("PDF", "").replace(str(tmp_path / "damaged.pdf"), "")), line
    # the English message keeps the library's detail for whoever debugs it
    err = ReportError("x.pdf", "无法读取 PDF 文件（文件损坏或不完整）：No /Root object! - Is this really a PDF?",
                      "cannot read the PDF (damaged or incomplete): No /Root object!")
    assert "Root" not in err.message("zh") and "Root" in err.message("en")
