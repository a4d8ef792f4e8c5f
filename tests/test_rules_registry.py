"""Rule declarations (detect/registry.py): every detector declares one rule; parameters
are overridable from a config file and an override changes what the rule finds; findings
carry rule id, confidence, explanation and evidence roles through JSON, CSV, HTML and
text; KNOWN_CODES comes from the registry; docs/rules.md is generated and up to date."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import nlp_pipeline.detect as detect
from nlp_pipeline.cli import main
from nlp_pipeline.detect.registry import (ROLES, RULES, SEVERITIES, Rule, applied, known_codes, load_rules_config,
                                          make_finding, roles_at, rule_by_id, rules, validate_rule_params)
from nlp_pipeline.errors import RulesConfigError
from nlp_pipeline.model import Evidence
from nlp_pipeline.pipeline import analyze

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
DETECT = DATA / "detect"
SCHEMA = json.loads((ROOT / "docs" / "schema" / "analysis.schema.json").read_text(encoding="utf-8"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def count(path: Path, rule_id: str, params=None) -> int:
    a = analyze(path, mode="lexical", rule_params=params)
    return sum(f.rule_id == rule_id for f in a.findings)


# --- declarations ------------------------------------------------------------------------


def test_every_detector_declares_one_rule():
    assert set(RULES) == set(detect.DETECTORS), set(detect.DETECTORS) ^ set(RULES)
    ids = [r.id for r in rules()]
    assert len(ids) == len(set(ids))
    modules = [r.module for r in rules()]
    assert len(modules) == len(set(modules)), "one rule per module"


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.id)
def test_a_rule_declares_what_the_docs_need(rule: Rule):
    assert re.fullmatch(r"(TXT|NUM|FORM)\.[A-Z0-9_]+", rule.id)
    assert re.fullmatch(r"[A-Z][A-Z0-9_]*", rule.code)
    assert rule.severity in SEVERITIES
    assert 0.0 <= rule.confidence <= 1.0
    # English may quote the Chinese it is about (3.4元 for 3.4万元), but it is English
    assert CJK.search(rule.summary_zh) and len(re.findall(r"[A-Za-z]+", rule.summary_en)) >= 3
    assert CJK.search(rule.example), "the example is a Chinese sentence"
    assert rule.doc.startswith(rule.code), "the module docstring is the long text and names its code"
    defaults = rule.defaults()
    assert list(defaults) == [p.name for p in rule.params]
    for p in rule.params:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", p.name) and p.doc.strip() and "\n" not in p.doc
        assert defaults[p.name] is not None


def test_module_constants_are_the_declared_defaults():
    # a param bound to a module constant takes its default from it: the two never drift
    import sys
    for r in rules():
        mod = sys.modules[r.module]
        for p in r.params:
            if ":" not in p.bind and "." not in p.bind:
                assert getattr(mod, p.bind) == r.defaults()[p.name], (r.id, p.name)


def test_known_codes_come_from_the_registry():
    from nlp_pipeline.report import tables
    assert tables.KNOWN_CODES == known_codes()
    assert "UNFILLED_FORM" in tables.KNOWN_CODES
    assert set(tables.KNOWN_CODES) == {r.code for r in rules()}
    assert len(tables.KNOWN_CODES) == len(set(tables.KNOWN_CODES))


def test_docs_rules_md_is_generated_and_up_to_date():
    from nlp_pipeline.report.rules_doc import rules_markdown
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert doc == rules_markdown(), "docs/rules.md is out of date: nlp-pipeline rules --format md > docs/rules.md"
    for r in rules():
        assert f"## {r.id}" in doc and r.example in doc
        for p in r.params:
            assert f"`{p.name}`" in doc
    # the official scoring rule is quoted for SCORE_MISMATCH
    assert "分值 × min(实际值 ÷ 目标值, 1)" in doc


def test_rules_command_prints_markdown_text_and_json():
    r = CliRunner().invoke(main, ["rules", "--format", "md"])
    assert r.exit_code == 0 and r.output.startswith("# Rules")
    r = CliRunner().invoke(main, ["rules"])
    assert r.exit_code == 0 and "NUM.ARITH" in r.output and "min_cover" in r.output
    r = CliRunner().invoke(main, ["rules", "--format", "json"])
    data = json.loads(r.output)
    assert {d["id"] for d in data} == {x.id for x in rules()}


# --- overrides ---------------------------------------------------------------------------


def test_a_module_threshold_override_changes_the_findings_and_is_restored():
    import nlp_pipeline.detect.duplicate as dup
    path = DETECT / "d_hospital.txt"
    assert count(path, "TXT.DUPLICATE") == 1
    big = {"TXT.DUPLICATE": {"floor": 10_000, "long": 100_000, "whole_min": 10_000, "paste_min": 10_000}}
    assert count(path, "TXT.DUPLICATE", big) == 0
    assert (dup.FLOOR, dup.LONG, dup.WHOLE_MIN, dup.PASTE_MIN) == (30, 100, 15, 15)
    assert count(path, "TXT.DUPLICATE") == 1


def test_a_second_module_threshold_override_changes_the_findings():
    path = DETECT / "d_health.txt"
    assert count(path, "TXT.RESTATED") == 1
    assert count(path, "TXT.RESTATED", {"TXT.RESTATED": {"min_chars": 10_000}}) == 0


def test_a_module_dict_parameter_override_changes_the_findings():
    from nlp_pipeline.detect import score_by_rule
    path = DATA / "blind_forms" / "bf_lfwh.txt"
    assert count(path, "FORM.SCORE_RULE") == 1
    assert count(path, "FORM.SCORE_RULE", {"FORM.SCORE_RULE": {"missed_rel": 0.9}}) == 0
    assert score_by_rule.PARAMS["missed_rel"] == 0.05


def test_a_lexicon_parameter_override_changes_the_findings_and_is_restored():
    from nlp_pipeline.detect import _metrics as M
    path = DETECT / "e_culture.txt"
    assert count(path, "NUM.DEVIATION") == 1
    assert count(path, "NUM.DEVIATION", {"NUM.DEVIATION": {"deviation_rel": 5.0}}) == 0
    assert M.config()["indicator"]["deviation_rel"] == 0.1


def test_an_override_applies_only_while_its_rule_runs():
    rule = rule_by_id("NUM.DEVIATION")
    with applied(rule, {"NUM.DEVIATION": {"deviation_rel": 0.5}}):
        assert rule.value("deviation_rel") == 0.5
    assert rule.value("deviation_rel") == 0.1
    with applied(rule, {"NUM.ARITH": {"min_cover": 0.5}}):  # another rule's: nothing set
        assert rule.value("deviation_rel") == 0.1


def test_the_config_file_is_checked(tmp_path):
    good = tmp_path / "rules.yaml"
    good.write_text("NUM.DEVIATION:\n  deviation_rel: 1\nTXT.DUPLICATE:\n  floor: 40\n", encoding="utf-8")
    assert load_rules_config(str(good)) == {"NUM.DEVIATION": {"deviation_rel": 1.0}, "TXT.DUPLICATE": {"floor": 40}}
    cases = {
        "NUM.NOPE:\n  x: 1\n": ("未知规则", "NUM.NOPE", "unknown rule"),
        "NUM.ARITH:\n  bogus: 1\n": ("没有参数", "bogus", "has no parameter"),
        "TXT.DUPLICATE:\n  floor: 2.5\n": ("应为整数", "floor", "must be an integer"),
        "NUM.DEVIATION:\n  deviation_rel: high\n": ("应为数字", "deviation_rel", "must be a number"),
        "- a\n- b\n": ("映射", "", "mapping"),
        "NUM.ARITH: [\n": ("YAML", "", "YAML"),
    }
    for k, (text, (zh, what, en)) in enumerate(cases.items()):
        bad = tmp_path / f"bad{k}.yaml"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(RulesConfigError) as exc:
            load_rules_config(str(bad))
        assert str(bad) in exc.value.message("zh") and zh in exc.value.message("zh") and what in exc.value.message("zh")
        assert en in exc.value.message("en") and not CJK.search(exc.value.message("en").replace(str(bad), "").split("(")[0])
    with pytest.raises(RulesConfigError):
        load_rules_config(str(tmp_path / "missing.yaml"))


def test_cli_rejects_a_wrong_config_in_chinese_or_english(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("NUM.ARITH:\n  bogus: 1\n", encoding="utf-8")
    report = DETECT / "e_agri.txt"
    r = CliRunner().invoke(main, ["analyze", str(report), "--rules-config", str(bad)])
    assert r.exit_code == 2 and "错误" in r.output and str(bad) in r.output and "没有参数" in r.output
    r = CliRunner().invoke(main, ["analyze", str(report), "--rules-config", str(bad), "--lang", "en"])
    assert r.exit_code == 2 and "has no parameter 'bogus'" in r.output
    r = CliRunner().invoke(main, ["batch", str(report), "-o", str(tmp_path / "out"), "--workers", "0",
                                  "--rules-config", str(bad)])
    assert r.exit_code == 2 and "没有参数" in r.output


def test_cli_applies_a_config(tmp_path):
    cfg = tmp_path / "rules.yaml"
    cfg.write_text("NUM.DEVIATION:\n  deviation_rel: 5.0\n", encoding="utf-8")
    report = DETECT / "e_culture.txt"
    codes = lambda r: [f["code"] for f in json.loads(r.output)["findings"]]  # noqa: E731
    plain = CliRunner().invoke(main, ["analyze", str(report), "--format", "json"])
    tuned = CliRunner().invoke(main, ["analyze", str(report), "--format", "json", "--rules-config", str(cfg)])
    assert "DEVIATION_UNEXPLAINED" in codes(plain) and "DEVIATION_UNEXPLAINED" not in codes(tuned)


def test_the_cache_key_includes_the_overrides():
    from nlp_pipeline.runner.fingerprint import fingerprint
    a = fingerprint(None, {"rule_params": validate_rule_params({"NUM.DEVIATION": {"deviation_rel": 0.2}})})
    b = fingerprint(None, {"rule_params": validate_rule_params({"NUM.DEVIATION": {"deviation_rel": 0.3}})})
    c = fingerprint(None, None)
    assert len({a, b, c}) == 3
    # the same overrides in another order are the same key
    x = validate_rule_params({"TXT.DUPLICATE": {"long": 90, "floor": 20}, "NUM.ARITH": {"min_cover": 0.8}})
    y = validate_rule_params({"NUM.ARITH": {"min_cover": 0.8}, "TXT.DUPLICATE": {"floor": 20, "long": 90}})
    assert fingerprint(None, {"rule_params": x}) == fingerprint(None, {"rule_params": y})


# --- what findings carry -----------------------------------------------------------------


def test_make_finding_sets_roles_on_copies_of_the_evidence():
    e1 = Evidence("O", "O1", 0, 3, "abc")
    e2 = Evidence("O", "O2", 5, 8, "def")
    msg = ("TXT.VAGUE.main", {"paragraph": "I1", "measure": "m"})
    f = make_finding("X", "low", *msg, [e1, e2], roles=["claim"])
    assert [e.role for e in f.evidence] == ["claim", "context"]
    assert e1.role == "context", "shared evidence is not changed"
    with pytest.raises(ValueError, match="role"):
        make_finding("X", "low", *msg, [e1], roles="nonsense")
    with pytest.raises(ValueError, match="confidence"):
        make_finding("X", "low", *msg, [e1], confidence=1.5)
    assert roles_at([e1, e2, Evidence("O", "O3", 10, 20, "")], target=1, actual=6) == ["target", "actual", "context"]
    assert roles_at([Evidence("O", "O1", 0, 20, "")], target=1, actual=6) == ["claim"]


@pytest.fixture(scope="module")
def analyses():
    names = ["e_agri", "e_env", "e_civil", "e_school", "e_form_clinic", "d_housing"]
    out = {n: analyze(DETECT / f"{n}.txt", mode="lexical") for n in names}
    out["bf_lfwh"] = analyze(DATA / "blind_forms" / "bf_lfwh.txt", mode="lexical")
    return out


def test_every_finding_has_a_rule_confidence_and_explanation(analyses):
    for a in analyses.values():
        for f in a.findings:
            r = rule_by_id(f.rule_id)
            assert r.code == f.code
            assert 0.0 <= f.confidence <= 1.0
            assert f.explanation and f.explanation_en
            assert all(e.role in ROLES for e in f.evidence)


def test_evidence_roles_in_the_numeric_and_claim_findings(analyses):
    roles: dict[str, set] = {}
    for a in analyses.values():
        for f in a.findings:
            roles.setdefault(f.code, set()).update(e.role for e in f.evidence)
    assert "total" in roles["ARITHMETIC_MISMATCH"] or "claim" in roles["ARITHMETIC_MISMATCH"]
    assert {"claim", "counter"} <= roles["NUMBER_CONFLICT"]
    assert {"target", "actual", "claim"} <= roles["INDICATOR_SHORTFALL"]
    assert "claim" in roles["CLAIM_CONTRADICTED"]
    assert {"total", "part", "actual", "target"} & roles["SCORE_MISMATCH"]


def test_the_arithmetic_explanation_is_the_computation(analyses):
    f = next(f for f in analyses["e_agri"].findings if f.code == "ARITHMETIC_MISMATCH")
    assert "=" in f.explanation and f.explanation in f.message


def test_json_csv_html_and_text_carry_rule_and_explanation(analyses, tmp_path):
    import jsonschema

    from nlp_pipeline.report.html import render_report
    from nlp_pipeline.report.serialize import analysis_from_json, analysis_to_json, render_text
    from nlp_pipeline.report.tables import FINDING_COLUMNS, finding_rows, frames

    a = analyses["e_env"]
    doc = analysis_to_json(a)
    errors = list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(doc))
    assert not errors, [e.message for e in errors[:3]]
    f0 = doc["findings"][0]
    assert f0["rule_id"] and f0["confidence"] is not None and f0["explanation"]
    assert all("role" in e for e in f0["evidence"])
    back = analysis_from_json(json.loads(json.dumps(doc)))
    assert [(f.rule_id, f.confidence, [e.role for e in f.evidence]) for f in back.findings] == \
        [(f.rule_id, f.confidence, [e.role for e in f.evidence]) for f in a.findings]
    rows = finding_rows(a, "e_env")
    assert set(FINDING_COLUMNS) <= set(rows[0]) and rows[0]["rule_id"] and rows[0]["roles"]
    _, findings, _ = frames([], rows, [])
    assert str(findings["confidence"].dtype) == "Float64"
    text = render_text(a)
    assert all(f"[{f.rule_id}]" in text for f in a.findings)
    html = render_report(a)
    assert all(f.rule_id in html for f in a.findings)
    # an explanation the message does not already hold is shown
    shortfall = next(f for f in a.findings if f.code == "INDICATOR_SHORTFALL")
    assert shortfall.explanation in text and shortfall.explanation in html


def test_the_schema_rejects_an_unknown_role(analyses):
    import jsonschema

    from nlp_pipeline.report.serialize import analysis_to_json
    doc = analysis_to_json(analyses["e_env"])
    doc["findings"][0]["evidence"][0]["role"] = "witness"
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(doc))


def test_while_overrides_are_in_force_rules_take_turns():
    # a lexicon value may be shared by several rules: another thread's rule must not run
    # while one rule's override is set
    import threading
    rule = rule_by_id("NUM.DEVIATION")
    other = rule_by_id("NUM.ARITH")
    overrides = {"NUM.DEVIATION": {"deviation_rel": 0.5}}
    seen = []
    with applied(rule, overrides):
        t = threading.Thread(target=lambda: seen.append(_value_inside(other, overrides, rule)))
        t.start()
        t.join(0.2)
        assert not seen, "the other rule waited"
    t.join(5)
    assert seen == [0.1]


def _value_inside(other, overrides, rule):
    with applied(other, overrides):
        return rule.value("deviation_rel")


def test_memoised_indicator_checks_are_recomputed_under_other_settings():
    """Four rules share one report's indicator checks; a change of rule parameters (an
    override applied or restored) bumps the registry's epoch, and the checks are computed
    again rather than served from the memo."""
    from nlp_pipeline.detect import _metrics as M
    from nlp_pipeline.detect import registry
    from nlp_pipeline.ingest import read_text
    from nlp_pipeline.text import extract_mentions

    text = ("某县2023年度项目绩效自评报告\n一、项目绩效目标\n1.培训500人次。\n二、绩效目标完成情况\n"
            "1.培训人次：年度指标值不少于500人次，实际完成值460人次，已完成。\n")
    r = read_text(text)
    nums = M.enrich(r, extract_mentions(r))
    a, b = M.indicator_checks(r, nums), M.indicator_checks(r, nums)
    assert a and a[0] is b[0]
    registry.OVERRIDE_EPOCH += 1
    c = M.indicator_checks(r, nums)
    assert c and c[0] is not a[0]
