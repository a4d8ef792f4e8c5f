"""Lessons of blind23's first run and of realcheck11 (an auditor's verdicts on real
pages), in invented text of the shapes they showed: scores written as weight and score
pairs in prose, an infographic's text version with ▍ panels, execution rates of several
funds, a net breakdown with a reduction in it, a part's own breakdown in brackets, a score
table's 合计 row, a second table after the indicator table, a goal restated before its
result, and a list of citations from one issuer."""
from __future__ import annotations

import pytest

from nlp_pipeline.ingest import read_text


def _codes(tmp_path, text) -> list[str]:
    from nlp_pipeline.pipeline import analyze

    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return [x.code for x in analyze(f, mode="lexical").findings]


SCORES = ("青河县民政局2023年度部门整体支出绩效自评报告\n一、自评结论\n"
          "{lead}自评得分{total}分，等级为“优”。其中{items}。\n")


@pytest.mark.parametrize("items", [
    "投入指标（20分）得19.4分，过程指标（20分）得18.6分，产出指标（40分）得37.5分，效益指标（20分）得19.0分",
    "投入指标(20分)得分19.4分、过程指标(20分)得分18.6分、产出指标(40分)得分37.5分、效益指标(20分)得分19.0分",
    "预算执行20分得了19.4分，过程20分得了18.6分，产出40分得了37.5分，效益20分得了19.0分",
])
def test_weight_and_score_pairs_in_prose_add_up(tmp_path, items):
    codes = _codes(tmp_path, SCORES.format(lead="经逐项打分，", total="94.5", items=items))
    assert "SCORE_MISMATCH" not in codes and "ARITHMETIC_MISMATCH" not in codes


@pytest.mark.parametrize("items", [
    "投入指标（20分）得19.4分，过程指标（20分）得18.6分，产出指标（40分）得37.5分，效益指标（20分）得19.0分",
    "预算执行20分得了19.4分，过程20分得了18.6分，产出40分得了37.5分，效益20分得了19.0分",
])
def test_pairs_that_do_not_add_up_are_found(tmp_path, items):
    assert "SCORE_MISMATCH" in _codes(tmp_path, SCORES.format(lead="", total="96.5", items=items))


PANELS = ("临水县交通运输局2023年度绩效自评报告（图解）\n\n{m}年度目标\n\n目标1　完成农村公路改造80公里\n\n"
          "{m}完成情况\n\n● 农村公路改造\n86.4公里\n超额完成年度目标\n\n{m}{problems}\n\n1.养护任务加重。乡镇养护资金不足。\n\n"
          "2.桥梁检测滞后。\n\n{m}{measures}\n\n1.制定养护考核办法。\n\n2.委托检测单位完成桥梁检测。\n")


@pytest.mark.parametrize("m", ["▍", "▌", "■ "])
@pytest.mark.parametrize("problems, measures", [("问题清单", "下一步"), ("存在问题", "下一步工作计划"),
                                                 ("问题与不足", "下步打算")])
def test_panel_headings_of_an_infographic(m, problems, measures):
    r = read_text(PANELS.format(m=m, problems=problems, measures=measures), "p.txt")
    assert [p.text[:4] for p in r.paragraphs("Q")] == ["养护任务", "桥梁检测"]
    assert [p.text[:4] for p in r.paragraphs("I")] == ["制定养护", "委托检测"]
    assert r.paragraphs("O") and not any("完成情况" == p.text for p in r.paragraphs("G"))


FUNDS = ("丰林县林业局2023年度林业改革资金绩效自评报告\n一、项目资金情况\n"
         "中央财政补助资金全年共{a}万元，拨付使用{a}万元，预算执行率100%。\n"
         "天然商品林管护补助资金全年共{b}万元，当年未使用，预算执行率0%。\n")


def test_execution_rates_of_different_funds_do_not_conflict(tmp_path):
    codes = _codes(tmp_path, FUNDS.format(a="45.2", b="12.6"))
    assert "NUMBER_CONFLICT" not in codes


NET = ("丰林县林业局2023年度项目资金绩效自评报告\n一、资金到位情况\n"
       "根据市财政局文件，下达给我单位资金{whole}万元，其中：造林补助2.42万元，{cut}公益林补助2.88万元。\n")


@pytest.mark.parametrize("cut", ["生态效益补偿资金调减2.66万元，", "森林抚育补助核减3.1万元，"])
def test_a_net_allocation_with_a_reduction_in_it(tmp_path, cut):
    assert "IMPLAUSIBLE_MAGNITUDE" not in _codes(tmp_path, NET.format(whole="1.53", cut=cut))


def test_a_part_above_its_whole_is_still_found(tmp_path):
    assert "IMPLAUSIBLE_MAGNITUDE" in _codes(tmp_path, NET.format(whole="2.0", cut=""))


NESTED = ("平江县残联2023年度残疾人事业发展资金绩效自评报告\n一、资金情况\n"
          "下达残疾人事业发展补助资金合计{total}万元。其中，中央资金776.84万元（一般公共预算{g}万元；彩票公益金452.87万元）；"
          "省级资金290.36万元（一般公共预算270.36万元；彩票公益金20万元）。\n")


def test_a_parts_own_breakdown_in_brackets_is_not_a_part(tmp_path):
    assert "ARITHMETIC_MISMATCH" not in _codes(tmp_path, NESTED.format(total="1067.2", g="323.97"))


def test_the_outer_parts_are_still_summed(tmp_path):
    assert "ARITHMETIC_MISMATCH" in _codes(tmp_path, NESTED.format(total="1107.2", g="323.97"))


SCORE_FOOT = ("公益性讲座知晓率 | = | 100 | % | 100 | 5 | 5 |\n"
              "满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥ | 95 | % | 95 | 5 | 5 |\n"
              "合计 | 100 | 100 |\n"
              "评价结论 | 通过免费开放，读者增加。 |\n"
              "项目名称 | 执法人员服装经费 |\n"
              "项目基本情况 | 为9名执法人员购置制式服装，每人单价0.4163万元，共支出3.75万元。 |\n")


def test_a_score_tables_total_is_no_budget(tmp_path):
    r = read_text(SCORE_FOOT, "s.txt")
    assert r.budget.initial_budget is None and r.budget.adjusted_budget is None
    assert "IMPLAUSIBLE_MAGNITUDE" not in _codes(tmp_path, SCORE_FOOT)


SECOND_TABLE = ("一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
                "产出指标 | 产出数量 | 完成护工培训任务 | 1200名 | 1216名 |\n"
                "| 产出成本 | 培训补贴标准达标 | 3000元/人 | 3000元/人 |\n"
                "效益指标 | 社会效益 | 参训学员就业率 | 60%及以上 | 63.5% |\n"
                "{head} | 学校性质 | 培训机构 | 培训补助标准(元/人) | 就业奖补标准(元/人) | 2023年培训人数 |\n"
                "1 | 民办 | 青河职业培训学校 | 2600 | 400 | 842 |\n"
                "2 | 民办 | 青河精诚职业培训学校 | 2600 | 400 | 900 |\n")


@pytest.mark.parametrize("head", ["序号", "编号"])
def test_a_second_table_after_the_indicators_is_not_read_as_rows(head):
    r = read_text(SECOND_TABLE.format(head=head), "t.txt")
    names = [i.name for t in r.tasks for i in t.indicators]
    assert len(names) == 3 and not any("学校" in n for n in names), names


RESTATED = ("芦溪县2023年度水利发展资金绩效自评报告\n一、绩效目标完成情况\n"
            "（一）{goal}治理水土流失面积1429.39公顷，其中坡改梯25.26公顷，营造水保林60.5公顷，封禁治理1343.63公顷。\n"
            "（二）数量指标。基本完成治理水土流失面积1429.39公顷，其中坡改梯25.26公顷，营造水保林60.5公顷，封禁治理1343.63公顷。\n")


@pytest.mark.parametrize("goal", ["本项目总体绩效目标为", "项目年度目标是", "年度绩效目标："])
def test_a_goal_restated_before_its_result_is_no_copy(tmp_path, goal):
    assert "DUPLICATE_PARAGRAPH" not in _codes(tmp_path, RESTATED.format(goal=goal))


def test_two_results_written_alike_are_a_copy(tmp_path):
    assert "DUPLICATE_PARAGRAPH" in _codes(tmp_path, RESTATED.format(goal="全年完成"))


CITES = ("宝兴县林业局2023年度林业改革发展资金绩效自评报告\n一、项目概况\n"
         "根据《四川省财政厅 四川省林业和草原局关于下达2023年中央财政林业改革发展资金预算（第一批）的通知》（川财资环〔2023〕34号）"
         "《四川省财政厅 四川省林业和草原局关于下达2023年中央财政林业改革发展资金预算（第二批）的通知》（川财资环〔2023〕36号）"
         "《四川省财政厅 四川省林业和草原局关于下达2023年中央财政林业改革发展资金预算（第三批）的通知》（川财资环〔2023〕66号），"
         "我局共收到资金386万元。\n")


def test_a_list_of_citations_from_one_issuer_is_no_repeat(tmp_path):
    assert "REPEATED_TEXT" not in _codes(tmp_path, CITES)


FUND_RATES = ("平江县残联2023年度残疾人事业发展资金绩效自评报告\n一、项目绩效目标\n"
              "项目年初总体目标为：2023年下达残疾人事业发展补助资金合计1067.2万元，其中中央资金776.84万元，省级资金290.36万元。\n"
              "二、绩效目标完成情况\n"
              "截至2023年12月31日，中央资金完成636.75万元，预算执行率81.97%，省级资金完成288.26万元，"
              "预算执行率99.28%；地方资金完成877.99万元，预算执行率100%。\n")


def test_a_rate_the_reader_took_from_the_prose_is_no_budget_table(tmp_path):
    r = read_text(FUND_RATES, "f.txt")
    assert r.budget.completion_rate is not None and r.budget.completion_rate.value == 81.97
    # each fund's rate in the same sentence is its own, not a restatement of "the budget table"
    assert "NUMBER_CONFLICT" not in _codes(tmp_path, FUND_RATES)
