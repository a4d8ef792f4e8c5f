"""Lessons of realcheck10 (an auditor's verdicts on real pages), in invented text of the
shapes those pages showed: a form whose cells were glued so that weights and scores ran
together, a budget stated only in the prose beside a form that gives the spending, a
completion rate written after each item, a budget row with fewer cells than headings, a
rate cut off rather than rounded, and an excerpt that stops inside a table's next row."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text
from nlp_pipeline.ingest.doubt import row_suspect


def _analysis(tmp_path, text):
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return analyze(f, mode="lexical")


def _codes(tmp_path, text) -> list[str]:
    return [x.code for x in _analysis(tmp_path, text).findings]


GLUED_HEAD = (
    "青溪镇卫生院整体支出绩效自评表.docx\n"
    "《青溪镇卫生院整体支出绩效自评表.docx》由会员分享,可在线阅读,更多相关《青溪镇卫生院整体支出绩效自评表.docx"
    "(3页珍藏版)》请在文库上搜索。\n"
    "1、青溪镇卫生院整体支出绩效自评表(2023年度)评价部门名称青溪县青溪镇卫生院年度总体目标年初设定目标全年完成情况"
    "业务收入达到60万元业务收入61.2万元二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析")
# weights and scores of two digits each split apart; of one digit each they run together
# (4 and 4 read as 44), which no cut can undo
GLUED_WIDE = ("管理指标30预算编审准确率100%100%1010结余率小于5%达成目标值1010政府采购执行率100%100%1010"
              "产出指标40数量指标门诊人次≥400人次380人次2016质量指标诊断符合率95%以上96%2020\n")
GLUED_NARROW = ("管理指标30预算编审准确率100%100%44结余率小于5%达成目标值44政府采购执行率100%100%55"
                "产出指标40数量指标门诊人次≥400人次380人次53质量指标诊断符合率95%以上96%55\n")


def test_a_glued_table_whose_rows_do_not_check_out_is_doubtful(tmp_path):
    wide = read_text(GLUED_HEAD + GLUED_WIDE, "w.txt")
    narrow = read_text(GLUED_HEAD + GLUED_NARROW, "n.txt")
    assert wide.doubtful == [] and narrow.doubtful
    assert any("粘连" in w for w in narrow.warnings)
    a, b = _codes(tmp_path, GLUED_HEAD + GLUED_WIDE), _codes(tmp_path, GLUED_HEAD + GLUED_NARROW)
    # the sums rest on the weights: read from a doubtful table they are set aside …
    assert "SCORE_MISMATCH" in a and "SCORE_MISMATCH" not in b
    # … while a count answered in words is read right on a row whose name and values are sound
    assert "INDICATOR_NO_FIGURE" in a and "INDICATOR_NO_FIGURE" in b


def test_a_bound_word_after_a_glued_figure_stays_with_it():
    r = read_text(GLUED_HEAD + GLUED_WIDE, "w.txt")
    rows = {i.name: (i.target, i.result) for t in r.tasks for i in t.indicators}
    assert rows["诊断符合率"] == ("95%以上", "96%")


@pytest.mark.parametrize("values, why", [
    ({"name": "44部", "target": "门预算", "actual": "达成"}, "name"),
    ({"name": "任务", "target": "1", "actual": "门诊人次"}, "name"),
    ({"name": "以上", "target": "96%", "actual": ""}, "name"),
    ({"name": "执行率", "target": "100%", "actual": "100%", "weight": "44"}, "twice"),
    ({"name": "建设符合验收要求", "target": "2020", "actual": ""}, "twice"),
    ({"name": "合格率", "target": "90%", "actual": "290%"}, "ocr>="),
    ({"name": "合格率", "target": "90%", "actual": "90$"}, "ocr"),
    ({"name": "合格率", "target": "90%", "actual": "92%", "weight": "8", "score": "80"}, "score>weight"),
])
def test_signs_of_a_row_cut_in_the_wrong_place(values, why):
    assert why in row_suspect(values)


@pytest.mark.parametrize("values", [
    {"name": "执行率", "target": "100%", "actual": "100%", "weight": "10", "score": "10"},
    {"name": "门诊人次", "target": "≥400人次", "actual": "380人次", "weight": "20", "score": "16"},
    {"name": "慰问金发放及时率", "target": "100%", "actual": "100%"},
])
def test_rows_read_right_are_not_suspect(values):
    assert row_suspect(values) == []


PROSE_BUDGET = ("云山县2023年度森林防火专项资金绩效自评报告\n"
                "一、项目基本情况\n2023年共投入森林防火专项{words}{budget}万元。其中,中央资金5200万元,省级配套资金1620万元。\n"
                "二、项目资金情况\n(一)资金到位情况。{budget}万元资金全部拨付到位,资金到位率100%。\n"
                "(二)资金执行情况。实际执行5930.5万元,项目执行率86.96%。{extra}\n"
                "三、绩效目标完成情况\n全年完成防火巡护1.2万人次。\n")


@pytest.mark.parametrize("words", ["经费预算", "经费总额", "资金总额"])
def test_a_budget_stated_in_the_prose_is_the_scale(tmp_path, words):
    text = PROSE_BUDGET.format(words=words, budget="6820", extra="")
    assert "IMPLAUSIBLE_MAGNITUDE" not in _codes(tmp_path, text)


@pytest.mark.parametrize("budget, extra", [
    ("68200000", ""),  # the budget itself 10,000 times too large: no scale
    ("6820", "其中购置防火设备支出7800万元。"),  # a part above the spending it belongs to
])
def test_amounts_above_the_scale_are_still_found(tmp_path, budget, extra):
    text = PROSE_BUDGET.format(words="经费预算", budget=budget, extra=extra)
    assert "IMPLAUSIBLE_MAGNITUDE" in _codes(tmp_path, text)


ITEM_RATES = ("青山县图书馆2023年度免费开放补助经费绩效自评报告\n一、绩效目标完成情况\n"
              "（一）数量指标：年度免费开放{days}，{rate}100%；年度接待读者32万人次，{rate}100%。\n"
              "（二）效益指标：服务市民阅读需求有效提高，{rate}100%。\n"
              "（三）满意度指标：读者满意度调查好评率90%，{rate}99.14%。\n")


@pytest.mark.parametrize("rate", ["指标完成率", "目标完成率", "指标达成率"])
def test_the_completion_rate_of_each_item_is_no_conflict(tmp_path, rate):
    assert "NUMBER_CONFLICT" not in _codes(tmp_path, ITEM_RATES.format(days="服务360天", rate=rate))


def test_a_named_figure_written_twice_still_conflicts(tmp_path):
    text = ITEM_RATES.format(days="服务360天", rate="指标完成率") + "二、主要成效\n全年接待读者30万人次。\n"
    assert "NUMBER_CONFLICT" in _codes(tmp_path, text)


FEWER_CELLS = ("| 项目名称 | 野生动物收容所建设 |\n"
               "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
               "| 年度资金总额 | {a} | {b} | 10 | {rate} | 9 |\n"
               "| 年度总体目标 | 预期目标 | 实际完成情况 |\n"
               "| | 建成收容所1间 | 已建成收容所1间 |\n")


def test_a_budget_row_with_a_cell_dropped_is_read_by_its_rate():
    r = read_text(FEWER_CELLS.format(a="32.4", b="31.69", rate="97.80%"), "f.txt")
    assert (r.budget.actual_spending.value, r.budget.adjusted_budget.value) == (31.69, 32.4)
    assert r.budget.weight.value == 10


@pytest.mark.parametrize("rate, found", [("97.80%", False), ("97.81%", False), ("96.50%", True)])
def test_a_rate_cut_off_at_its_digits_agrees(tmp_path, rate, found):
    assert ("ARITHMETIC_MISMATCH" in _codes(tmp_path, FEWER_CELLS.format(a="32.4", b="31.69", rate=rate))) == found


CUT = ("城关区文化馆2023年度项目支出绩效自评表\n"
       "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析\n"
       "产出指标 数量指标 全年免费开放天数 300天 306天 20 20\n"
       "质量指标 免费开放率 100% 100% 20 20\n"
       "时效指标 开放及时率 100% 100% 15 15\n"
       "成本指标 实际成本与工作内容的匹配程度 45万 45万 15 15\n"
       "效益指标 经济效益 指标 承担公益服务项目 100% 100% 10 10\n"
       "{tail}")


@pytest.mark.parametrize("tail", [
    "社会效益\n指标\n促进基本公共文化服务均等化,满足群众接受素质教育、",
    "社会效益 指标 |\n岗",
])
def test_an_excerpt_that_stops_inside_the_next_row_is_not_summed(tmp_path, tail):
    assert "SCORE_MISMATCH" not in _codes(tmp_path, CUT.format(tail=tail))


def test_a_whole_table_whose_weights_miss_the_full_marks_is_summed(tmp_path):
    text = CUT.format(tail="社会效益指标 群众文化活动参与人次 5万人次 5.2万人次 5 5\n三、存在问题\n部分设施老化。\n")
    assert "SCORE_MISMATCH" in _codes(tmp_path, text)


def test_a_level_label_printed_with_a_space_before_its_last_word_is_one_cell():
    r = read_text(CUT.format(tail=""), "c.txt")
    names = [i.name for t in r.tasks for i in t.indicators]
    assert "指标" not in names and names[-1] == "承担公益服务项目"
