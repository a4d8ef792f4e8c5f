"""Every message the user sees is in their language (Chinese unless --lang en), names the
file or option, and says what to do: click's usage errors, library errors, file types.

Findings' messages come from one catalog (lexicons/messages.yaml, nlp_pipeline/messages.py)
by message id and parameters (issue 12, point 5): the ids a rule declares
(``Rule(messages=...)``), the ids its module uses and the catalog agree both ways; the
Chinese and English templates of an entry take the same parameters; a bad id, a missing
parameter or a malformed catalog file is an error that says so; no detector writes
message prose of its own."""
from __future__ import annotations

import ast
import base64
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import nlp_pipeline.detect  # noqa: F401  (registers every rule)
from nlp_pipeline.cli import main
from nlp_pipeline.detect.registry import make_finding, rules
from nlp_pipeline.errors import LexiconError, ReportError
from nlp_pipeline.messages import ID_RE, MessageError, catalog, phrase, placeholders, render, render_both
from nlp_pipeline.model import Evidence
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


# --- the message catalog of findings ---------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
DETECT = ROOT / "nlp_pipeline" / "detect"
SMALL = ROOT / "tests" / "data" / "detect" / "e_agri.txt"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# the functions through which detect/ words a message
MESSAGE_CALLS = ("make_finding", "phrase", "phrases", "render", "render_both")


def _declared_ids(tree: ast.Module) -> set[int]:
    """id() of the string nodes inside ``messages=(...)`` of a Rule declaration."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Rule":
            for kw in node.keywords:
                if kw.arg == "messages":
                    out |= {id(n) for n in ast.walk(kw.value)}
    return out


def _used_ids(path: Path) -> set[str]:
    """The message ids a module names outside its Rule declaration."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _declared_ids(tree)
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and ID_RE.match(n.value) and id(n) not in skip}


def _module_path(rule) -> Path:
    return ROOT / (rule.module.replace(".", "/") + ".py")


def test_declared_used_and_catalogued_agree():
    cat = catalog()
    declared = {}
    for r in rules():
        assert r.messages, f"{r.id} declares no messages"
        for mid in r.messages:
            assert mid.rsplit(".", 1)[0] == r.id, f"{r.id} declares {mid}, an id of another rule"
            assert mid in cat, f"{r.id} declares {mid}, which lexicons/messages.yaml lacks"
            declared[mid] = r
        used = _used_ids(_module_path(r))
        assert used <= set(r.messages), f"{r.module} uses {sorted(used - set(r.messages))} without declaring them"
        assert set(r.messages) <= used, f"{r.id} declares {sorted(set(r.messages) - used)} and never uses them"
    orphans = sorted(set(cat) - set(declared))
    assert not orphans, f"catalog entries no rule declares: {orphans}"


def test_every_id_in_detect_sources_is_catalogued():
    cat = catalog()
    for path in sorted(DETECT.glob("*.py")):
        missing = {m for m in _used_ids(path) if m not in cat}
        assert not missing, f"{path.name} uses message ids not in the catalog: {sorted(missing)}"


def test_zh_and_en_take_the_same_placeholders():
    for mid, entry in catalog().items():
        zh, en = placeholders(entry.zh), placeholders(entry.en)
        assert set(entry.zh_only) <= zh and set(entry.en_only) <= en, mid
        assert not (set(entry.zh_only) & en) and not (set(entry.en_only) & zh), mid
        assert zh - set(entry.zh_only) == en - set(entry.en_only), f"{mid}: zh {sorted(zh)}, en {sorted(en)}"


def test_rendering_fills_both_languages_and_lists():
    zh, en = render_both("TXT.DUPLICATE.repeated", {"count": 2, "places": ["O1", "O3"], "quote": "q"})
    assert zh == "同一段文字在2处重复出现（O1、O3）：「q」"
    assert en == 'The same passage appears in 2 places (O1, O3): "q"'
    # a phrase per language fills {why}; an absent phrase is empty in both
    with_why = render_both("NUM.SHORTFALL.below", {"name": "n", "actual": "4", "target": "5",
                                                   **phrase("why", "NUM.SHORTFALL.no_reason")})
    assert with_why[0].endswith("却表述为已完成，且未说明偏差原因") and with_why[1].endswith(", and no cause is given")
    without = render_both("NUM.SHORTFALL.below", {"name": "n", "actual": "4", "target": "5", **phrase("why", None)})
    assert without[0].endswith("却表述为已完成") and without[1].endswith("reported as complete")


def test_unknown_id_and_missing_parameter_raise():
    ev = [Evidence("O", "O1", 0, 3, "abc")]
    with pytest.raises(MessageError, match="unknown message id 'NUM.ARITH.nonsense'"):
        make_finding("ARITHMETIC_MISMATCH", "high", "NUM.ARITH.nonsense", {}, ev)
    with pytest.raises(MessageError, match=r"NUM.ARITH.share: no value for placeholder \{whole\}"):
        make_finding("ARITHMETIC_MISMATCH", "high", "NUM.ARITH.share",
                     {"part": "1", "computed": "2", "written": "3"}, ev)
    with pytest.raises(MessageError):
        render("TXT.VAGUE.main", {"paragraph": "I1"}, "en")
    with pytest.raises(TypeError, match="message parameters"):
        make_finding("VAGUE_MEASURE", "low", "TXT.VAGUE.main", {"paragraph": "I1", "measure": {"a": 1}}, ev)


def test_a_finding_carries_its_message_id_and_params():
    ev = [Evidence("I", "I2", 0, 3, "abc")]
    f = make_finding("VAGUE_MEASURE", "low", "TXT.VAGUE.main", {"paragraph": "I2", "measure": "继续加强"}, ev)
    assert f.message_id == "TXT.VAGUE.main" and f.message_params == {"paragraph": "I2", "measure": "继续加强"}
    assert f.message == "I2措施「继续加强」只有笼统表述，没有具体行动、目标、责任人或时限。"
    assert f.message_en == 'I2 "继续加强" names no concrete action, target, owner or date.'


def _write_catalog(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "messages.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, what", [
    ('TXT.VAGUE.main:\n  zh: "{paragraph}"\n  en: "{paragraph}"\n  note: "x"\n', "unknown key"),
    ('TXT.VAGUE.main:\n  zh: "{paragraph}"\n', "missing en"),
    ('TXT.VAGUE.main:\n  zh: "{paragraph}{measure}"\n  en: "{paragraph}"\n', "placeholders differ"),
    ('vague:\n  zh: "x"\n  en: "x"\n', "malformed id"),
])
def test_a_malformed_catalog_is_an_error_naming_the_file(tmp_path, monkeypatch, body, what):
    path = _write_catalog(tmp_path / what.replace(" ", "_"), body)
    monkeypatch.setenv("NLP_PIPELINE_LEXICONS", str(path.parent))
    with pytest.raises((ValueError, LexiconError)) as err:
        catalog()
    text = str(err.value)
    assert str(path) in text, text
    assert "词表" in text and "lexicon" in text, text


def test_the_override_folder_replaces_the_catalog(tmp_path, monkeypatch):
    path = _write_catalog(tmp_path, 'TXT.VAGUE.main:\n  zh: "措施{paragraph}空泛：{measure}"\n'
                                    '  en: "{paragraph} is vague: {measure}"\n')
    monkeypatch.setenv("NLP_PIPELINE_LEXICONS", str(path.parent))
    assert render_both("TXT.VAGUE.main", {"paragraph": "I1", "measure": "m"}) == ("措施I1空泛：m", "I1 is vague: m")


def test_no_message_prose_in_detectors():
    """Chinese text handed to make_finding (or to the phrase helpers) is message prose that
    belongs in lexicons/messages.yaml."""
    found = []
    for path in sorted(DETECT.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            name = getattr(call.func, "id", getattr(call.func, "attr", None)) if isinstance(call, ast.Call) else None
            if name not in MESSAGE_CALLS:
                continue
            for node in ast.walk(call):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and HAN.search(node.value):
                    found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert not found, "message prose outside the catalog:\n" + "\n".join(found)


def test_every_make_finding_call_names_a_catalogued_id():
    cat = catalog()
    for path in sorted(DETECT.glob("*.py")):
        if path.name == "registry.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) == "make_finding"):
                continue
            assert len(call.args) >= 5, f"{path.name}:{call.lineno}: make_finding(code, severity, id, params, evidence)"
            ids = [n.value for n in ast.walk(call.args[2])
                   if isinstance(n, ast.Constant) and isinstance(n.value, str) and ID_RE.match(n.value)]
            assert all(i in cat for i in ids), f"{path.name}:{call.lineno}: {ids}"


def test_analyze_lang_en_prints_the_english_message():
    r = CliRunner().invoke(main, ["analyze", str(SMALL), "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert "The parts do not add up to the total: 1,920万元 + 1,060万元 = 2980万元, the total says 2,860万元" in r.output
    assert "分项之和与合计不符" not in r.output
    zh = CliRunner().invoke(main, ["analyze", str(SMALL)])
    assert "分项之和与合计不符：1,920万元+1,060万元 = 2980万元，合计写作2,860万元" in zh.output


def test_json_findings_carry_message_id_and_params():
    r = CliRunner().invoke(main, ["analyze", str(SMALL), "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["findings"]
    for f in doc["findings"]:
        assert f["message_id"] in catalog()
        # the id and the parameters are enough to write the message again, in both languages
        assert render_both(f["message_id"], f["message_params"]) == (f["message"], f["message_en"])
