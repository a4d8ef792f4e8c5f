"""Cue patterns kept as data (lexicons/patterns.yaml) and run by nlp_pipeline.text.patterns."""
import re

import pytest

from nlp_pipeline.lexicons import load_yaml
from nlp_pipeline.text import patterns as P
from nlp_pipeline.text.normalize import normalize


def test_every_named_pattern_expands_and_compiles():
    lex = load_yaml("patterns.yaml")
    assert lex, "lexicons/patterns.yaml is empty"
    for name, entry in lex.items():
        assert entry["doc"].strip(), name
        slots = set(re.findall(r"@(\w+)@", entry["regex"]))
        fills = {s: "X" for s in slots if s not in lex and s not in P.BUILTIN}
        re.compile(P.named(name, **fills))


def test_slots_fill_from_entries_builtins_and_words():
    rx = P.named("score_item", weight_cues=P.alternation(["分值", "权重"]))
    m = P.search("产出指标分值40分，得分38.5分", rx)
    assert m and m.group("name") == "产出指标" and m.group("w") == "40" and m.group("g") == "38.5"
    # bracket_run is built from bracket_item, which uses the builtin @num@
    assert P.has("产出指标（40分）、效益指标（30分）", P.named("bracket_run"))
    assert not P.has("产出指标（40分）", P.named("bracket_run"))


def test_missing_slot_and_unknown_name_fail_loudly():
    with pytest.raises(KeyError):
        P.named("score_item")  # @weight_cues@ must be filled by the rule
    with pytest.raises(KeyError):
        P.named("no_such_pattern")


@pytest.mark.parametrize("text", [
    "投入指标20分、过程指标25分，自评得分分别为19.5分、23分，合计42.5分",
    "投入指标２０分、过程指标２５分，自评得分分别为１９.５分、２３分，合计４２.５分",
])
def test_rules_read_width_normalised_text(text):
    m = P.search(normalize(text), P.named("parallel_lists"))
    assert m and m.group("total") == "42.5"
    names = [x.group("name") for x in P.finditer(normalize(text), P.named("parallel_one"), m.start("items"), m.end("items"))]
    assert names == ["投入指标", "过程指标"]


def test_list_of_patterns_is_each_in_turn_not_one_alternation():
    got = P.finditer("满意度显著提升，成效明显", ["显著提升", "满意度显著"])
    assert [m.group() for m in got] == ["显著提升", "满意度显著"]  # overlapping, in pattern order
    assert P.earliest("满意度显著提升", ["显著提升", "满意度"]).group() == "满意度"


def test_match_fullmatch_strip_replace_occurrences():
    assert P.match("占总支出的", P.named("share_of_total"))
    assert P.fullmatch("，占项目资金的比例为", P.named("share_of_name")).group(1) == "项目资金"
    assert P.strip("覆盖率达到了", P.named("rate_lead_verbs")) == "覆盖率"
    assert P.replace("由县财政局负责统筹", P.named("owner_clause"), "，") == "，统筹"
    assert P.occurrences("其中A其中B其中", "其中") == [0, 3, 6]
    assert P.occurrences("ab", "") == []


def test_patterns_are_compiled_once():
    P.compiled.cache_clear()
    for _ in range(3):
        P.has("由85%提高到92%", P.named("from_to"))
    assert P.compiled.cache_info().misses == 1


def test_every_name_asked_for_is_in_the_lexicon_and_every_entry_is_asked_for():
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "nlp_pipeline"
    asked: set[str] = set()
    slots: set[str] = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "named"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                asked.add(node.args[0].value)
    lex = load_yaml("patterns.yaml")
    for entry in lex.values():
        slots |= set(re.findall(r"@(\w+)@", entry["regex"]))
    assert asked - set(lex) == set(), "asked for but not in lexicons/patterns.yaml"
    assert set(lex) - asked - slots == set(), "entries nothing asks for"


def test_variant_spans_substitute_or_delete_one_character_before_a_suffix():
    text = "按照青林街道要求，青材街道完成，青林小区"
    got = [text[a:b] for a, b in P.variant_spans(text, "青林", ["街", "街道"])]
    assert got == ["青林", "青林", "青材"]  # the core itself is among them; 青林小区 has no suffix
    text = "石家庄市和石家市、石a庄市"
    spans = P.variant_spans(text, "石家庄", ["市"])
    assert (5, 7) in spans and text[5:7] == "石家"  # 庄 left out
    assert (8, 11) not in spans  # a slot holds a CJK character only
    assert (5, 7) not in P.variant_spans(text, "石家庄", ["市"], deletions=False)


def test_suffixed_spans_take_the_longest_suffix():
    assert P.suffixed_spans("青林街道、青林街", "青林", ["街", "街道"]) == [(0, 4), (5, 8)]


def test_shapes_of_short_strings():
    assert P.match("养老服务站", P.named("name_start")) and not P.match("、站", P.named("name_start"))
    assert P.fullmatch("路口", P.named("cjk_pair")) and not P.fullmatch("路1", P.named("cjk_pair"))
    assert P.strip("农村饮水安全巩固项目", P.named("project_word_end")) == "农村饮水安全巩固"
    assert P.strip(P.strip("完成率95%（）：", P.named("name_end_marks")), P.named("name_figure_tail")) == "完成率"
    assert P.search("信号灯控制路口", P.named("name_last_pair")).group(1) == "路口"
    assert P.split("粮食和物资储备", P.named("name_joiners")) == ["粮食", "物资储备"]
    m = P.match("某某县水务局2022年度部门整体支出绩效自评报告", P.named("title_org_year"))
    assert m.group("org") == "某某县水务局" and m.group("year") == "2022"
    assert [m.span() for m in P.finditer("名称\t目标 | 实际", P.named("cell_separator"))] == [(2, 3), (5, 8)]
